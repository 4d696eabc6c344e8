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


def phase_flow(corpus: Path, out: Path, workers: int | None, batch_size: int | None) -> dict:
    started = time.perf_counter()
    from pipeline.flow import run_flow  # the import is part of what a user pays
    from pipeline.ingest import plan_files
    files = plan_files([corpus])
    report = run_flow(files, out, workers=workers, batch_size=batch_size, quiet=True)
    total = time.perf_counter() - started
    return {"plans": len(files), "seconds": report.seconds, "total_seconds": total,
            "failed": sum(p.error is not None for p in report.products),
            "peak_rss_mib": peak_rss_mib(), "child_peak_rss_mib": peak_rss_mib(children=True)}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_phase(args: list[str]) -> dict:
    """Run a phase in a fresh process. Its CPU time (with the Prefect server and Dask
    workers it reaps) is steadier than wall time on a shared machine."""
    cpu = _children_cpu()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
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
    ap.add_argument("--phase", choices=["core", "flow"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase == "core":
        print(json.dumps(phase_core(Path(args.corpus))))
        return
    if args.phase == "flow":
        print(json.dumps(phase_flow(Path(args.corpus), Path(args.out), args.workers, args.batch_size)))
        return

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="chitieu-bench-"))
    corpus, small = work / "corpus", work / "small"
    corpus.mkdir(parents=True, exist_ok=True)
    small.mkdir(parents=True, exist_ok=True)
    paths = build_corpus(args.plans, corpus)
    n_small = min(CALIBRATION_PLANS, args.plans - 1)
    for p in paths[:n_small]:
        shutil.copy(p, small / p.name)
    size = sum(p.stat().st_size for p in corpus.iterdir())
    print(f"corpus: {args.plans} plans, {size / 2**20:.1f} MiB, in {corpus}", flush=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}", flush=True)
    extra = ["--batch-size", str(args.batch_size)] if args.batch_size else []
    runs = [("core (build_catalogue loop)", ["--phase", "core"]),
            ("Prefect flow, 1 process", ["--phase", "flow", *extra])]
    if args.workers:
        runs.append((f"Prefect flow, Dask {args.workers} workers",
                     ["--phase", "flow", "--workers", str(args.workers), *extra]))
    rows = []
    try:
        for name, phase in runs:
            # The same run on a few plans first: the difference is the cost of the other plans,
            # without the fixed costs (imports, models, Prefect's server, Dask's cluster).
            few = run_phase(phase + ["--corpus", str(small), "--out", str(work / "o-small")])
            full = run_phase(phase + ["--corpus", str(corpus), "--out", str(work / "o-full")])
            shutil.rmtree(work / "o-small", ignore_errors=True)
            shutil.rmtree(work / "o-full", ignore_errors=True)
            rows.append((name, few, full))
            print(f"done: {name}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(rows, args.plans, n_small)


def report(rows, n: int, n_small: int) -> None:
    marginal_n = n - n_small
    core_few, core_full = rows[0][1], rows[0][2]
    core_cpu = (core_full["process_cpu_seconds"] - core_few["process_cpu_seconds"]) / marginal_n
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    print(f"| run ({n} plans) | wall s | plans/s (wall) | CPU s, whole run | fixed CPU s "
          f"(run on {n_small} plans) | CPU s per further plan | overhead per plan vs core | peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for name, few, full in rows:
        wall = full.get("total_seconds", full["seconds"])
        cpu = full["process_cpu_seconds"]
        per_plan = (cpu - few["process_cpu_seconds"]) / marginal_n
        fixed = few["process_cpu_seconds"] - n_small * per_plan
        over = "" if full is core_full else \
            f"{(per_plan - core_cpu) * 1000:+.0f} ms ({(per_plan / core_cpu - 1) * 100:+.1f}%)"
        rss = f"{full['peak_rss_mib']:.0f} MiB"
        if full.get("child_peak_rss_mib"):
            # ru_maxrss of children is the largest one: the Prefect server, or a Dask worker
            rss += f" (largest child {full['child_peak_rss_mib']:.0f} MiB)"
        print(f"| {name} | {wall:.0f} | {n / wall:.2f} | {cpu:.0f} | {fixed:.1f} | {per_plan:.3f} | "
              f"{over} | {rss} |")
    failures = {name: full["failed"] for name, _, full in rows if full["failed"]}
    if failures:
        print(f"failures: {failures}")


if __name__ == "__main__":
    main()
