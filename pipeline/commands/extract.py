"""`chitieu extract PLAN... -o DIR`: one catalogue JSON per plan, no Prefect.

For .docx and .pdf plans the converted text is written beside it (`DIR/<stem>.txt`):
the catalogue's spans index that text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline import limits as LIM
from pipeline.commands.common import T, add_command
from pipeline.emit import write_atomic
from pipeline.errors import OutputError, PlanError, output_error
from pipeline.ingest import plan_files
from pipeline.lock import Busy, OutputLock
from pipeline.names import plan_names


def add_parser(sub) -> None:
    p = add_command(
        sub, "extract", lang=False,
        help=("ghi danh mục (JSON) của từng kế hoạch vào DIR/<tên>.json, không dùng Prefect",
              "write the catalogue of each plan as DIR/<stem>.json, no Prefect"),
        description=("Đọc từng kế hoạch (.txt .md .docx .pdf) và ghi danh mục chỉ tiêu, thời hạn, cơ quan, "
                     "nhiệm vụ, văn bản dẫn chiếu thành DIR/<tên>.json; với .docx/.pdf ghi thêm văn bản đã "
                     "chuyển đổi DIR/<tên>.txt (các vị trí span trỏ vào văn bản đó).",
                     "Read each plan (.txt .md .docx .pdf) and write its catalogue of targets, deadlines, "
                     "bodies, tasks and references as DIR/<stem>.json; for .docx/.pdf also the converted "
                     "text DIR/<stem>.txt (spans index that text)."),
        examples=[("chitieu extract corpus/004_e5441faa78144875.txt -o /tmp/out", ("", "")),
                  ("chitieu extract corpus/ other.docx -o out/", ("cả một thư mục và một tệp Word",
                                                                  "a whole folder and a Word file"))],
        exit_codes=[(0, ("đọc được mọi kế hoạch", "every plan read")),
                    (1, ("một số kế hoạch lỗi (đã nêu tên từng tệp)", "some plans failed (each named)")),
                    (2, ("không đọc được kế hoạch nào, hoặc không ghi được vào DIR",
                         "no plan read, or DIR cannot be written")),
                    (130, ("dừng bằng Ctrl-C (143: SIGTERM); các kế hoạch đã xong vẫn được giữ",
                           "stopped by Ctrl-C (143: SIGTERM); plans already written are kept"))])
    p.add_argument("plans", nargs="+", help=T("tệp kế hoạch (.txt .md .docx .pdf) hoặc thư mục",
                                              "plan files (.txt .md .docx .pdf) or directories"))
    p.add_argument("-o", "--output", required=True, help=T("thư mục ghi kết quả", "output directory"))
    LIM.add_limit_options(p, T)
    p.set_defaults(func=run)


def _err(msg: str) -> None:
    print(f"chitieu: {msg}", file=sys.stderr, flush=True)


def run(args) -> int:
    try:
        limits = LIM.Limits.of(getattr(args, "max_mb", None), getattr(args, "max_seconds", None))
    except ValueError as exc:
        _err(str(exc))
        return 2
    problems: list[PlanError] = []
    files = plan_files(args.plans, problems)
    for exc in problems:  # one line each; the other plans still run
        _err(str(exc))
    if not files:
        return 2
    out = Path(args.output)
    failed, written, done = len(problems), 0, 0
    restore = LIM.install_stop_handlers()
    try:
        with OutputLock(out):
            names = plan_names(files, out, rendering=False)
            for path in files:
                plan = names[path]
                try:
                    data = LIM.read_bytes(path, limits.max_bytes)
                except PlanError as exc:
                    _err(str(exc))
                    failed += 1
                    continue
                prod = LIM.plan_products_limited(path.name, data, plan, limits)
                done += 1
                if prod.error:
                    _err(f"{path}: {prod.error}")
                    failed += 1
                    continue
                for name in sorted(prod.files, key=lambda n: n.endswith(".json")):  # the text first
                    if name.endswith(".md"):
                        continue  # `extract` writes the catalogue (and converted text) only
                    try:
                        write_atomic(out / name, prod.files[name])
                    except OSError as exc:
                        raise output_error(out / name, exc)
                written += 1
                c = prod.entry["counts"]
                print(f"{path.name}: {c['targets']} targets, {c['deadlines']} deadlines, "
                      f"{c['agencies']} agencies, {c['references']} references, "
                      f"{c['sections']} sections -> {out / (plan + '.json')}", flush=True)
    except (Busy, OutputError) as exc:
        _err(str(exc))
        return 2 if not written else 1
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", 2)
        _err(f"đã dừng ({'SIGTERM' if signum == 15 else 'Ctrl-C'}): {written} kế hoạch đã ghi vào {out}/, "
             f"{len(files) - done} kế hoạch chưa làm")
        return 128 + signum
    finally:
        LIM.close_all()
        restore()
    if failed >= len(files) + len(problems) - 0 and not written:
        return 2
    return 1 if failed else 0
