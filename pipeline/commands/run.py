"""`chitieu run [CORPUS_DIR] -o OUTPUT_DIR`: catalogue a whole corpus with the Prefect flow.

Plans whose file bytes and extractor code are unchanged since the last run are
skipped before Prefect starts, so a rerun on an unchanged corpus does no work (and
pays no Prefect start-up).
"""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from extractors.models import Catalogue

from pipeline.commands.common import T, add_command
from pipeline.emit import INDEX_NAME, extractor_fingerprint, failed_entry, index_json, read_index, write_if_changed
from pipeline import labels as L
from pipeline.errors import PlanError
from pipeline.ingest import plan_files


def add_parser(sub) -> None:
    p = add_command(
        sub, "run",
        help=("lập danh mục cho mọi kế hoạch trong một thư mục (luồng Prefect)",
              "catalogue every plan of a corpus with the Prefect flow"),
        description=("Lập danh mục cho mọi kế hoạch của CORPUS_DIR vào OUTPUT_DIR (<tên>.json, <tên>.md, "
                     "index.json) bằng luồng Prefect; kế hoạch không đổi (cùng nội dung, cùng mã trích xuất) "
                     "được bỏ qua mà không khởi động Prefect.",
                     "Catalogue every plan of CORPUS_DIR into OUTPUT_DIR (<stem>.json, <stem>.md, index.json) "
                     "with the Prefect flow; plans whose bytes and extractor code are unchanged are skipped "
                     "without starting Prefect."),
        examples=[("chitieu run", ("corpus/ → outputs/", "corpus/ → outputs/")),
                  ("chitieu run plans/ -o out/ --workers 2", ("trên cụm Dask cục bộ 2 tiến trình",
                                                              "on a local 2-process Dask cluster")),
                  ("chitieu run --force", ("làm lại mọi kế hoạch", "redo every plan"))],
        exit_codes=[(0, ("mọi kế hoạch đã có danh mục", "every plan catalogued")),
                    (1, ("một số kế hoạch lỗi (đã nêu tên và lý do)", "some plans failed (named, with why)")),
                    (2, ("không lập được danh mục nào, hoặc luồng không chạy được",
                         "nothing catalogued, or the flow could not run"))])
    p.add_argument("corpus", nargs="*", default=["corpus"],
                   help=T("thư mục kế hoạch hoặc tệp kế hoạch (mặc định: corpus/)",
                          "corpus directories or plan files (default: corpus/)"))
    p.add_argument("-o", "--output", default="outputs",
                   help=T("thư mục ghi kết quả (mặc định: outputs/)", "output directory (default: outputs/)"))
    scale = p.add_mutually_exclusive_group()
    scale.add_argument("--workers", type=int, metavar="N",
                       help=T("chạy trên cụm Dask cục bộ N tiến trình", "run on a local Dask cluster of N worker processes"))
    scale.add_argument("--dask", metavar="tcp://HOST:PORT",
                       help=T("chạy trên cụm Dask có sẵn (máy con cần cài chitieu)",
                              "run on an existing Dask cluster (workers need chitieu installed)"))
    p.add_argument("--batch-size", type=int, metavar="K", help=T("số kế hoạch mỗi tác vụ Prefect", "plans per Prefect task"))
    p.add_argument("--force", action="store_true",
                   help=T("trích xuất lại cả kế hoạch không đổi", "re-extract plans even when unchanged"))
    p.add_argument("-q", "--quiet", action="store_true", help=T("không in tiến độ", "no progress lines"))
    p.set_defaults(func=run)


def _err(msg: str) -> None:
    print(f"chitieu: {msg}", file=sys.stderr)


def _fresh(entry: dict | None, source: str, digest: str, out: Path) -> bool:
    if not entry or entry.get("source") != source or entry.get("source_sha256") != digest:
        return False
    if "error" in entry:
        return True  # failed before on the same bytes: the same reason still holds
    return all((out / f).is_file() for f in entry.get("files", {}).values())


def run(args) -> int:
    started = time.perf_counter()
    if args.workers is not None and args.workers < 1:
        _err("--workers must be at least 1")
        return 2
    try:
        files = plan_files(args.corpus)
    except PlanError as exc:
        _err(str(exc))
        return 2
    out = Path(args.output)
    old = read_index(out)
    fingerprint = extractor_fingerprint()
    same_code = (old.get("extractor_fingerprint") == fingerprint
                 and old.get("schema_version") == Catalogue.model_fields["schema_version"].default)
    old_entries = {e.get("plan"): e for e in old.get("plans", [])} if same_code and not args.force else {}

    entries: dict[str, dict] = {}
    todo: list[Path] = []
    stems: set[str] = set()
    for path in files:
        stem = path.stem
        if stem in stems:
            _err(f"{path}: another plan in this run has the stem {stem!r}; skipped")
            continue
        stems.add(stem)
        try:
            data = path.read_bytes()
        except OSError as exc:
            entries.setdefault(stem, failed_entry(stem, path.name, "", f"cannot read ({exc.strerror})"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if _fresh(old_entries.get(stem), path.name, digest, out):
            entries[stem] = old_entries[stem]
        else:
            todo.append(path)

    up_to_date = len(entries)
    report = None
    if todo:
        if not args.quiet:
            print(f"chitieu: {len(todo)}/{len(files)} kế hoạch cần lập danh mục; đang khởi động Prefect "
                  "(chế độ cục bộ, khoảng 20 giây)", file=sys.stderr, flush=True)
        from pipeline import flow  # Prefect only when there is work
        try:
            report = flow.run_flow(todo, out, workers=args.workers, dask_address=args.dask,
                                   batch_size=args.batch_size, quiet=args.quiet)
        except (OSError, TimeoutError, RuntimeError) as exc:
            where = f"Dask scheduler {args.dask}" if args.dask else "Prefect"
            _err(f"the flow could not run ({where}): {type(exc).__name__}: {exc}".splitlines()[0])
            return 2
        for prod in report.products:
            entries[prod.plan] = prod.entry

    write_if_changed(out / INDEX_NAME, index_json(list(entries.values()), fingerprint))
    return _summary(entries, up_to_date, out, time.perf_counter() - started, L.lang_of(args.lang))


def _summary(entries: dict[str, dict], up_to_date: int, out: Path, seconds: float, lang: str) -> int:
    """What the catalogue now holds, even when nothing needed redoing, and where to look."""
    ok = [e for e in entries.values() if "error" not in e]
    failed = [e for e in entries.values() if "error" in e]
    for e in sorted(failed, key=lambda e: e["plan"]):
        _err(f"{e['source']}: {e['error']}")
    total = lambda kind: sum(e["counts"][kind] for e in ok)  # noqa: E731
    n = len(entries)
    example = min((e["plan"] for e in ok), default=None)
    if lang == "en":
        print(f"{n} plan{'' if n == 1 else 's'} ({n - up_to_date} catalogued, {up_to_date} up to date), "
              f"{len(failed)} failed: {total('targets')} targets, {total('deadlines')} deadlines, "
              f"{total('agencies')} agencies, {total('tasks')} tasks -> {out}/ ({seconds:.1f} s)")
        if example:
            print(f"  see {out}/index.json, {out}/{example}.md, or: chitieu show {out}/{example}.json")
    else:
        print(f"{n} kế hoạch ({n - up_to_date} lập mới, {up_to_date} không đổi), {len(failed)} lỗi: "
              f"{total('targets')} chỉ tiêu, {total('deadlines')} thời hạn, {total('agencies')} lượt cơ quan, "
              f"{total('tasks')} nhiệm vụ → {out}/ ({seconds:.1f} giây)")
        if example:
            print(f"  xem {out}/index.json, {out}/{example}.md, hoặc: chitieu show {out}/{example}.json")
    if not ok:
        return 2
    return 1 if failed else 0
