"""Benchmark: the extraction core alone vs the full Prefect flow, on a large corpus
built by repeating and perturbing the seed plans.

    .venv/bin/python benchmarks/bench.py --plans 1000          # the README's figures
    .venv/bin/python benchmarks/bench.py --plans 20 --workers 2

Each phase runs in its own process (the NLP caches of one must not warm the other):
  core  `plan_products` (ingest, build_catalogue, render) in a plain loop, no writes
  flow  `chitieu run` on the same corpus into an empty folder (Prefect embedded mode)
Each run is done twice, on 10 plans and on all of them: the difference is the cost
of the further plans without the fixed costs (imports, NLP models, Prefect's server,
Dask's cluster). Costs are CPU seconds of the whole process tree (the flow's Prefect
server and Dask workers included), steadier than wall time on a shared machine.
Reports plans/second, Prefect's overhead per plan and its fixed cost, peak memory.

    .venv/bin/python benchmarks/bench.py --speed --plans 200      # extraction speed table
    .venv/bin/python benchmarks/bench.py --speed --flow --plans 1000 --workers 2   # all in one run
    .venv/bin/python benchmarks/bench.py --memory 1000,10000      # core loop peak memory

`--speed` times, in one run on the same corpora (the perturbed seeds and the real texts in
../shared/real/texts), each in a fresh process: one regex pass over every text (the floor),
`build_catalogue` rules only (CHITIEU_NLP=0), and rules + NLP; CPU ms per plan (after one
warm-up plan loads the models), plans/s per core, and each as a ratio to the floor.
With `--flow`, the same run then times the core loop and the flow (and with `--workers`
a local Dask cluster, with its wall-time speed-up) on the same perturbed seeds, each row
also as a ratio to the floor.
`--memory` runs the core loop on N plans for each N and reports its peak RSS (flat: the
loop keeps nothing per plan).

    .venv/bin/python benchmarks/bench.py --linear 8                # time against plan size

A speed change must leave every catalogue byte-identical: `benchmarks/same_catalogues.py OUT`
writes the catalogue JSON of every text in tests/real/*/texts, ../shared/real/texts and
../shared/corpus (NLP as CHITIEU_NLP says), `--compare A B` compares two such files; run it
with the code before and after (each on its own PYTHONPATH), NLP on and off.

`--linear K` catalogues the five seeds joined into one text, then K copies of that text
(rules only, each in a fresh process), and reports CPU seconds for the whole catalogue and
for each step (text view, outline, each finding kind): linear extraction takes about K
times as long for K times the text.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_NUMBER = None
CALIBRATION_PLANS = 10
_PLACES = ("Nà", "Pục", "Khuổi", "Bản", "Lùng", "Phìn", "Cốc", "Sảng", "Mường", "Hạ", "Thượng",
           "Đồng", "Tâm", "Vàng", "Chè", "Lũng", "Tà", "Lạn", "Hồng", "Phong")


def perturb(text: str, rng: random.Random, index: int) -> str:
    """A plausible variant: some numbers changed, a paragraph added. Different text per
    plan, so no cache gives the repeated plans a free ride."""
    import regex as re
    global _NUMBER
    _NUMBER = _NUMBER or re.compile(r"(?<![\d/.,])(\d{1,2})(?=\s?%)")

    def bump(m):
        return str(min(99, int(m.group(1)) + rng.randint(1, 9))) if rng.random() < 0.5 else m.group(1)

    text = _NUMBER.sub(bump, text)
    # Every long paragraph gets its own words, as in a real corpus: the NLP caches
    # (keyed on text) must not answer for a repeated seed paragraph.
    paragraphs = text.split("\n\n")
    for k, para in enumerate(paragraphs):
        if len(para) > 60 and para.rstrip()[-1:] in ".;:":
            end = len(para.rstrip()) - 1
            place = f"{rng.choice(_PLACES)} {rng.choice(_PLACES)}"
            paragraphs[k] = para[:end] + f" tại thôn {place}" + para[end:]
    text = "\n\n".join(paragraphs)
    first = text.find("\n\n") + 2
    note = (f"Kế hoạch này áp dụng cho đơn vị số {index} và các thôn, tổ dân phố "
            f"thứ {rng.randint(1, 300)} trên địa bàn.\n\n")
    return text[:first] + note + text[first:]


def build_corpus(n: int, folder: Path) -> list[Path]:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    rng = random.Random(20260522)
    paths = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        path = folder / f"{i:05d}_{seed.stem}.txt"
        path.write_text(perturb(seed.read_text(encoding="utf-8"), rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mib(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def phase_core(corpus: Path) -> dict:
    from pipeline.emit import plan_products
    from pipeline.ingest import plan_files
    files = plan_files([corpus])
    started = time.perf_counter()
    failed = 0
    for path in files:
        failed += plan_products(path.name, path.read_bytes()).error is not None
    seconds = time.perf_counter() - started
    return {"plans": len(files), "seconds": seconds, "failed": failed, "peak_rss_mib": peak_rss_mib()}


_FLOOR = None


def phase_floor(corpus: Path) -> dict:
    """One regex pass over every text: the least any reader of the text must pay."""
    import regex as re
    global _FLOOR
    _FLOOR = _FLOOR or re.compile(r"\d+")
    files = sorted(corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    started = time.process_time()
    n = sum(1 for t in texts for _ in _FLOOR.finditer(t))
    seconds = time.process_time() - started
    return {"plans": len(files), "seconds": seconds, "matches": n}


def phase_extract(corpus: Path) -> dict:
    """`build_catalogue` on every text (NLP as CHITIEU_NLP says), after a warm-up plan that
    loads the models; CPU seconds, so a busy machine skews it less than wall time."""
    from extractors.catalogue import build_catalogue
    files = sorted(corpus.glob("*.txt"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    build_catalogue("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Đến năm 2030, 95% hộ dân dùng nước sạch; "
                    "Sở Y tế chủ trì, hoàn thành trước ngày 30/6/2026.\n", "warmup.txt")
    started = time.process_time()
    for name, text in texts:
        build_catalogue(text, name)
    seconds = time.process_time() - started
    return {"plans": len(files), "seconds": seconds, "peak_rss_mib": peak_rss_mib()}


def run_speed(work: Path, plans: int) -> tuple[list[Path], float]:
    """The speed table; returns the perturbed seeds and their floor (CPU s per plan), for
    the flow rows that `--flow` adds on the same corpus."""
    seeds = work / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    paths = build_corpus(plans, seeds)
    seeds_floor = None
    corpora = [(f"seeds, {plans} perturbed", seeds)]
    real = ROOT.parent / "shared" / "real" / "texts"
    if real.is_dir():
        corpora.append((f"real texts ({len(list(real.glob('*.txt')))})", real))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}", flush=True)
    print()
    print("| corpus | KB/plan | run | CPU ms/plan | plans/s per core | × floor |")
    print("|---|---|---|---|---|---|")
    for label, corpus in corpora:
        kb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1024 / max(1, len(list(corpus.glob("*.txt"))))
        rows = [("one regex pass (floor)", ["--phase", "floor"], {}),
                ("rules only (CHITIEU_NLP=0)", ["--phase", "extract"], {"CHITIEU_NLP": "0"}),
                ("rules + NLP", ["--phase", "extract"], {"CHITIEU_NLP": "1"})]
        floor = None
        for name, phase, env in rows:
            r = run_phase(phase + ["--corpus", str(corpus)], env=env)
            per = r["seconds"] / r["plans"]
            floor = floor or per
            seeds_floor = seeds_floor or floor
            print(f"| {label} | {kb:.1f} | {name} | {per * 1000:.2f} | {1 / per:,.0f} | "
                  f"{per / floor:,.0f} |", flush=True)
    return paths, seeds_floor


def phase_linear(copies: int) -> dict:
    """CPU seconds of each step of `build_catalogue` on the seeds joined, `copies` times."""
    from extractors import catalogue as C
    from extractors.document import extract_document
    from extractors.kinds import FINDING_KINDS, Extraction
    from extractors.outline import extract_sections
    from extractors.text import PlanText
    C.build_catalogue("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Đến năm 2030, 95% hộ dân dùng nước sạch.\n", "warmup.txt")
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    raw = "\n\n".join([one] * copies)
    steps: dict[str, float] = {}
    clock = time.process_time()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.process_time()
        steps[name] = steps.get(name, 0.0) + now - clock
        clock = now
    doc = PlanText.from_raw(raw)
    lap("text view")
    x = Extraction(doc=doc, sections=extract_sections(doc))
    lap("outline")
    for kind in FINDING_KINDS:  # as build_catalogue does
        items = kind.extract(x)
        lap(kind.name)
        if not kind.ids_before_sort:
            items = sorted(items, key=kind.sort_key)
        if kind.id_prefix:
            C.assign_ids(raw, items, kind.id_prefix, kind.id_key)
        x.found[kind.name] = sorted(items, key=kind.sort_key)
        lap("ids")
    extract_document(doc, x.found["references"])
    lap("document")
    return {"chars": len(raw), "steps": steps}


def run_linear(copies: int) -> None:
    one = run_phase(["--phase", "linear", "--copies", "1"], env={"CHITIEU_NLP": "0"})
    many = run_phase(["--phase", "linear", "--copies", str(copies)], env={"CHITIEU_NLP": "0"})
    print(f"| step (rules only) | seeds joined, {one['chars'] / 1000:.0f}k chars | "
          f"× {copies}, {many['chars'] / 1000:.0f}k chars | ratio (linear: {copies}) |")
    print("|---|---|---|---|")
    for name in [*one["steps"], "whole catalogue"]:
        a = sum(one["steps"].values()) if name == "whole catalogue" else one["steps"][name]
        b = sum(many["steps"].values()) if name == "whole catalogue" else many["steps"][name]
        print(f"| {name} | {a:.2f} s | {b:.2f} s | {b / max(a, 1e-3):.1f} |", flush=True)


def run_memory(work: Path, sizes: list[int]) -> None:
    print("| core loop (ingest, build_catalogue, render; NLP on) | plans | peak RSS | vs first |")
    print("|---|---|---|---|")
    first = None
    for n in sizes:
        corpus = work / f"mem{n}"
        corpus.mkdir(parents=True, exist_ok=True)
        build_corpus(n, corpus)
        r = run_phase(["--phase", "core", "--corpus", str(corpus)])
        first = first or r["peak_rss_mib"]
        print(f"| | {n} | {r['peak_rss_mib']:.0f} MiB | {(r['peak_rss_mib'] / first - 1) * 100:+.1f}% |", flush=True)
        shutil.rmtree(corpus, ignore_errors=True)


def phase_flow(corpus: Path, out: Path, workers: int | None, batch_size: int | None) -> dict:
    started = time.perf_counter()
    from pipeline.flow import run_flow  # the import is part of what a user pays
    from pipeline.ingest import plan_files
    from pipeline.names import plan_names
    files = plan_files([corpus])
    names = plan_names(files, out)  # as `chitieu run` names them
    report = run_flow([(p, names[p]) for p in files], out, workers=workers, batch_size=batch_size, quiet=True)
    total = time.perf_counter() - started
    return {"plans": len(files), "seconds": report.seconds, "total_seconds": total,
            "failed": sum(p.error is not None for p in report.products),
            "peak_rss_mib": peak_rss_mib(), "child_peak_rss_mib": peak_rss_mib(children=True)}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_phase(args: list[str], env: dict | None = None) -> dict:
    """Run a phase in a fresh process. Its CPU time (with the Prefect server and Dask
    workers it reaps) is steadier than wall time on a shared machine."""
    cpu = _children_cpu()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        sys.exit(f"bench: phase {args[1]} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_cpu_seconds"] = _children_cpu() - cpu
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--workers", type=int, help="also time the flow on a local Dask cluster of N workers")
    ap.add_argument("--batch-size", type=int)
    ap.add_argument("--keep", metavar="DIR", help="build the corpus in DIR and keep it")
    ap.add_argument("--speed", action="store_true",
                    help="time the floor, rules only and rules + NLP on the seeds and the real texts")
    ap.add_argument("--flow", action="store_true",
                    help="with --speed: also the core loop and the Prefect flow (and --workers) on the same seeds")
    ap.add_argument("--memory", metavar="N,N", help="core loop peak RSS at these corpus sizes")
    ap.add_argument("--linear", type=int, metavar="K", help="time the seeds joined, and K copies of them")
    ap.add_argument("--phase", choices=["core", "flow", "floor", "extract", "linear"], help=argparse.SUPPRESS)
    ap.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase == "core":
        print(json.dumps(phase_core(Path(args.corpus))))
        return
    if args.phase == "flow":
        print(json.dumps(phase_flow(Path(args.corpus), Path(args.out), args.workers, args.batch_size)))
        return
    if args.phase == "floor":
        print(json.dumps(phase_floor(Path(args.corpus))))
        return
    if args.phase == "extract":
        print(json.dumps(phase_extract(Path(args.corpus))))
        return
    if args.phase == "linear":
        print(json.dumps(phase_linear(args.copies)))
        return
    if args.linear:
        run_linear(args.linear)
        return
    if args.speed or args.memory:
        work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="chitieu-bench-"))
        try:
            if args.speed:
                paths, floor = run_speed(work, args.plans)
                if args.flow:  # the core loop and the flow on the same perturbed seeds
                    print()
                    rows, n_small = run_flows(work, paths, args.workers, args.batch_size)
                    report(rows, args.plans, n_small, floor)
            if args.memory:
                print()
                run_memory(work, [int(n) for n in args.memory.split(",")])
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="chitieu-bench-"))
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    paths = build_corpus(args.plans, corpus)
    size = sum(p.stat().st_size for p in corpus.iterdir())
    print(f"corpus: {args.plans} plans, {size / 2**20:.1f} MiB, in {corpus}", flush=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}", flush=True)
    try:
        rows, n_small = run_flows(work, paths, args.workers, args.batch_size)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(rows, args.plans, n_small)


def run_flows(work: Path, paths: list[Path], workers: int | None, batch_size: int | None):
    """The core loop, the flow in one process and (with `workers`) on a local Dask cluster,
    each on a few plans and on all of `paths` (which sit in one folder)."""
    corpus, small = paths[0].parent, work / "small"
    small.mkdir(parents=True, exist_ok=True)
    n_small = min(CALIBRATION_PLANS, len(paths) - 1)
    for p in paths[:n_small]:
        shutil.copy(p, small / p.name)
    extra = ["--batch-size", str(batch_size)] if batch_size else []
    runs = [("core (build_catalogue loop)", ["--phase", "core"]),
            ("Prefect flow, 1 process", ["--phase", "flow", *extra])]
    if workers:
        runs.append((f"Prefect flow, Dask {workers} workers",
                     ["--phase", "flow", "--workers", str(workers), *extra]))
    rows = []
    for name, phase in runs:
        # The same run on a few plans first: the difference is the cost of the other plans,
        # without the fixed costs (imports, models, Prefect's server, Dask's cluster).
        few = run_phase(phase + ["--corpus", str(small), "--out", str(work / "o-small")])
        full = run_phase(phase + ["--corpus", str(corpus), "--out", str(work / "o-full")])
        shutil.rmtree(work / "o-small", ignore_errors=True)
        shutil.rmtree(work / "o-full", ignore_errors=True)
        rows.append((name, few, full))
        print(f"done: {name}", flush=True)
    return rows, n_small


def report(rows, n: int, n_small: int, floor: float | None = None) -> None:
    """The flow table; `floor` (CPU s per plan of one regex pass) adds each run's ratio to
    it, and a Dask run its wall-time speed-up over the flow in one process."""
    marginal_n = n - n_small
    core_few, core_full = rows[0][1], rows[0][2]
    core_cpu = (core_full["process_cpu_seconds"] - core_few["process_cpu_seconds"]) / marginal_n
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    ratio_head, ratio_rule = (" × floor |", "---|") if floor else ("", "")
    print(f"| run ({n} plans) | wall s | plans/s (wall) | CPU s, whole run | fixed CPU s "
          f"(run on {n_small} plans) | CPU s per further plan |{ratio_head} overhead per plan vs core | peak RSS |")
    print(f"|---|---|---|---|---|---|{ratio_rule}---|---|")
    for name, few, full in rows:
        wall = full.get("total_seconds", full["seconds"])
        cpu = full["process_cpu_seconds"]
        per_plan = (cpu - few["process_cpu_seconds"]) / marginal_n
        fixed = few["process_cpu_seconds"] - n_small * per_plan
        over = "" if full is core_full else \
            f"{(per_plan - core_cpu) * 1000:+.0f} ms ({(per_plan / core_cpu - 1) * 100:+.1f}%)"
        ratio = f" {per_plan / floor:,.0f} |" if floor else ""
        rss = f"{full['peak_rss_mib']:.0f} MiB"
        if full.get("child_peak_rss_mib"):
            # ru_maxrss of children is the largest one: the Prefect server, or a Dask worker
            rss += f" (largest child {full['child_peak_rss_mib']:.0f} MiB)"
        print(f"| {name} | {wall:.0f} | {n / wall:.2f} | {cpu:.0f} | {fixed:.1f} | {per_plan:.3f} |{ratio} "
              f"{over} | {rss} |")
    # where scale-out pays: wall time of the Dask run against the flow in one process, whole
    # and for the further plans alone (without either's start-up)
    one = next((r for r in rows if r[0].startswith("Prefect flow, 1")), None)
    for name, few, full in rows:
        if one is None or "Dask" not in name:
            continue
        a, b = one[2]["total_seconds"], full["total_seconds"]
        fa, fb = a - one[1]["total_seconds"], b - few["total_seconds"]
        print(f"{name}: wall {b:.0f} s against {a:.0f} s in one process, speed-up {a / b:.2f}×; "
              f"the further {marginal_n} plans {fb:.0f} s against {fa:.0f} s, speed-up {fa / max(fb, 1e-9):.2f}×")
    failures = {name: full["failed"] for name, _, full in rows if full["failed"]}
    if failures:
        print(f"failures: {failures}")


if __name__ == "__main__":
    main()
