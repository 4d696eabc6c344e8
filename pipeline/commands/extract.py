"""`chitieu extract PLAN... -o DIR`: one catalogue JSON per plan, no Prefect.

For .docx and .pdf plans the converted text is written beside it (`DIR/<stem>.txt`):
the catalogue's spans index that text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.commands.common import T, add_command
from pipeline.emit import catalogue_json, write_atomic
from pipeline.errors import PlanError
from pipeline.ingest import is_converted, plan_files, read_plan
from pipeline.load import catalogue_of


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
                    (2, ("không đọc được kế hoạch nào", "no plan read"))])
    p.add_argument("plans", nargs="+", help=T("tệp kế hoạch (.txt .md .docx .pdf) hoặc thư mục",
                                              "plan files (.txt .md .docx .pdf) or directories"))
    p.add_argument("-o", "--output", required=True, help=T("thư mục ghi kết quả", "output directory"))
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        files = plan_files(args.plans)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    out = Path(args.output)
    failed = 0
    for path in files:
        try:
            text = read_plan(path)
            cat = catalogue_of(path, text)
        except PlanError as exc:
            print(f"chitieu: {exc}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # an extractor bug: name the plan, keep going
            print(f"chitieu: {path}: extractor error: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        if is_converted(path):
            write_atomic(out / f"{path.stem}.txt", text)
        write_atomic(out / f"{path.stem}.json", catalogue_json(cat))
        print(f"{path.name}: {len(cat.targets)} targets, {len(cat.deadlines)} deadlines, "
              f"{len(cat.agencies)} agencies, {len(cat.references)} references, "
              f"{len(cat.sections)} sections -> {out / (path.stem + '.json')}")
    if failed == len(files):
        return 2
    return 1 if failed else 0
