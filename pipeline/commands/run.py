"""`chitieu run [CORPUS_DIR] -o OUTPUT_DIR`: catalogue a whole corpus with the Prefect flow.

Plans whose file bytes and extractor code are unchanged since the last run are
skipped before Prefect starts, so a rerun on an unchanged corpus does no work (and
pays no Prefect start-up).
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from extractors.models import Catalogue

from pipeline import limits as LIM
from pipeline.commands.common import T, add_command
from pipeline.emit import (INDEX_NAME, is_fresh, TMP_PREFIX, extractor_fingerprint, failed_entry, index_json, outputs_match,
                           read_index, write_if_changed)
from pipeline import labels as L
from pipeline.errors import OutputError, PlanError, output_error
from pipeline.ingest import plan_files
from pipeline.load import is_plain_name
from pipeline.lock import Busy, OutputLock
from pipeline.names import PRODUCT_SUFFIXES, plan_names, products_of


def _prefect_start() -> str:
    """Say which Prefect the run waits for: a named server answers in about a second, the
    embedded one takes its own start-up (15–25 s here)."""
    api = os.environ.get("PREFECT_API_URL", "").strip()
    if api:
        return f"dùng máy chủ Prefect {api}"
    return "đang khởi động Prefect (chế độ cục bộ, khoảng 20 giây; đặt PREFECT_API_URL để dùng máy chủ đang chạy)"


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
                    (2, ("không lập được danh mục nào, luồng không chạy được, hoặc không ghi được vào "
                         "OUTPUT_DIR (đang bị lần chạy khác khóa, chỉ đọc, đầy)",
                         "nothing catalogued, the flow could not run, or OUTPUT_DIR cannot be written "
                         "(locked by another run, read-only, full)")),
                    (130, ("dừng bằng Ctrl-C (143: SIGTERM) trong vài giây; kế hoạch đã xong và index.json "
                           "được giữ nhất quán", "stopped by Ctrl-C (143: SIGTERM) within seconds; finished "
                           "plans and a consistent index.json are kept"))])
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
    LIM.add_limit_options(p, T)
    p.add_argument("-q", "--quiet", action="store_true", help=T("không in tiến độ", "no progress lines"))
    p.set_defaults(func=run)


def _err(msg: str) -> None:
    print(f"chitieu: {msg}", file=sys.stderr, flush=True)


def _same_dir(a: Path, b: Path) -> bool:
    try:
        return a.is_dir() and b.exists() and a.resolve() == b.resolve()
    except OSError:
        return False


def _remove_gone(out: Path, gone: list[dict], keep: set[str]) -> list[str]:
    """Remove the outputs of plans that left the corpus: only the product files their
    index entry names, by plain name, inside `out`, never one this run writes."""
    removed = []
    for e in gone:
        for name in (e.get("files") or {}).values():
            if (not isinstance(name, str) or not is_plain_name(name) or name in keep
                    or not name.endswith(PRODUCT_SUFFIXES) or name == INDEX_NAME):
                continue
            try:
                (out / name).unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise output_error(out / name, exc)
        removed.append(e.get("source") or e["plan"])
    return removed


def _clean_temporaries(out: Path) -> None:
    """Temporary files a killed run left (`.chitieu-*.tmp`): the lock says no one writes them."""
    try:
        for f in out.iterdir():
            if f.name.startswith(TMP_PREFIX) and f.name.endswith(".tmp"):
                f.unlink(missing_ok=True)
    except OSError:
        pass


def run(args) -> int:  # noqa: C901
    started = time.perf_counter()
    if args.workers is not None and args.workers < 1:
        _err("--workers phải từ 1 trở lên (--workers must be at least 1)")
        return 2
    try:
        limits = LIM.Limits.of(getattr(args, "max_mb", None), getattr(args, "max_seconds", None))
    except ValueError as exc:
        _err(str(exc))
        return 2
    out = Path(args.output)
    for c in map(Path, args.corpus):
        if _same_dir(c, out):
            _err(f"{c}: thư mục kế hoạch cũng là thư mục kết quả (-o {args.output}); kết quả sẽ bị đọc lại "
                 "như kế hoạch. Hãy chọn một thư mục kết quả khác")
            return 2
    problems: list[PlanError] = []
    files = plan_files(args.corpus, problems, exclude=out)
    for exc in problems:
        _err(str(exc))
    if not files:
        return 2
    whole_corpus = all(Path(c).is_dir() for c in args.corpus)
    lang = L.lang_of(args.lang)
    entries: dict[str, dict] = {}
    up_to_date = 0
    removed: list[str] = []
    restore = LIM.install_stop_handlers()
    report = None
    stopped = 0
    fingerprint = None  # set once the old index is read: from then on a stop writes the index
    finished = 0
    try:
        with OutputLock(out):
            _clean_temporaries(out)
            old = read_index(out)
            code = extractor_fingerprint()
            same_code = (old.get("extractor_fingerprint") == code
                         and old.get("schema_version") == Catalogue.model_fields["schema_version"].default)
            all_old = {e["plan"]: e for e in old.get("plans", [])}
            old_entries = all_old if same_code and not args.force else {}
            owned = {n for e in all_old.values() for n in (e.get("files") or {}).values() if isinstance(n, str)}
            names = plan_names(files, out, owned=owned)
            todo: list[tuple[Path, str]] = []
            for path in files:
                plan = names[path]
                try:
                    data = LIM.read_bytes(path, limits.max_bytes)
                except PlanError as exc:
                    entries[plan] = failed_entry(plan, path.name, "", exc.problem)
                    continue
                digest = hashlib.sha256(data).hexdigest()
                del data
                if is_fresh(old_entries.get(plan), path.name, digest, out, limits):
                    entries[plan] = old_entries[plan]
                    up_to_date += 1
                else:
                    todo.append((path, plan))
            fingerprint = code
            products = {n for path in files for n in products_of(names[path], path.name)}
            others = [e for p, e in sorted(all_old.items()) if p not in entries and p not in dict(todo).values()
                      and p not in set(names.values())]
            if whole_corpus:  # the corpus is the folder: a plan not in it has left
                removed = _remove_gone(out, others, products)
            else:  # plans named one by one: the others stay as they are
                for e in others:
                    if same_code and "error" not in e and outputs_match(out, e):
                        entries[e["plan"]] = e
            if todo:
                if not args.quiet:
                    print(f"chitieu: {len(todo)}/{len(files)} kế hoạch cần lập danh mục; {_prefect_start()}",
                          file=sys.stderr, flush=True)
                from pipeline import flow  # Prefect only when there is work
                try:
                    try:
                        report = flow.run_flow(todo, out, workers=args.workers, dask_address=args.dask,
                                               batch_size=args.batch_size, quiet=args.quiet, limits=limits)
                    finally:
                        for prod in flow.LIVE.products:  # what finished, also when cut short
                            entries[prod.plan] = prod.entry
                        finished = len(flow.LIVE.products)
                except (OSError, TimeoutError, RuntimeError) as exc:
                    if isinstance(exc, OutputError):
                        raise
                    where = f"Dask scheduler {args.dask}" if args.dask else "Prefect"
                    _err(f"luồng không chạy được ({where}): {type(exc).__name__}: {exc}".splitlines()[0])
                    _write_index(out, entries, fingerprint)
                    return 2
                if report.stopped:
                    stopped = getattr(LIM.STOP, "signum", 15)
            _write_index(out, entries, fingerprint)
    except KeyboardInterrupt as exc:  # a signal before or during Prefect's start-up
        stopped = getattr(exc, "signum", 2)
        if fingerprint is not None:
            try:
                with OutputLock(out):
                    _write_index(out, entries, fingerprint)
            except (Busy, OutputError) as exc2:
                _err(str(exc2))
    except (Busy, OutputError) as exc:
        _err(str(exc))
        return 2
    finally:
        LIM.close_all()
        restore()
    if removed:
        shown = ", ".join(removed[:5]) + (f" và {len(removed) - 5} kế hoạch khác" if len(removed) > 5 else "")
        _err(f"đã xóa kết quả của {len(removed)} kế hoạch không còn trong thư mục kế hoạch: {shown}")
    rc = _summary(entries, up_to_date, out, time.perf_counter() - started, lang)
    if stopped:
        _err(f"đã dừng ({'SIGTERM' if stopped == 15 else 'Ctrl-C'}): {finished} kế hoạch xong trong lần chạy này "
             f"đã được ghi; {out}/index.json chỉ ghi các kế hoạch đã xong; chạy lại để làm tiếp")
        return 128 + stopped
    if problems and rc == 0:
        return 1
    return rc


def _write_index(out: Path, entries: dict[str, dict], fingerprint: str) -> None:
    try:
        write_if_changed(out / INDEX_NAME, index_json(list(entries.values()), fingerprint))
    except OSError as exc:
        raise output_error(out / INDEX_NAME, exc)


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
