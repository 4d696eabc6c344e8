"""`chitieu show PLAN`: a plan's summary, outline and its targets, deadlines and bodies, in the terminal."""
from __future__ import annotations

import sys

from pipeline import labels as L
from pipeline.commands.common import T, add_command
from pipeline.errors import PlanError
from pipeline.load import load_catalogue
from pipeline.render import console_for, render_catalogue


def add_parser(sub) -> None:
    p = add_command(
        sub, "show",
        help=("in tóm tắt, bố cục và bảng chỉ tiêu, thời hạn, cơ quan của một kế hoạch",
              "print a plan's summary, outline and tables of targets, deadlines, bodies"),
        description=("In một dòng tóm tắt kế hoạch, bố cục (các mục), rồi các bảng có dữ liệu: chỉ tiêu "
                     "(mức, năm, xu hướng), thời hạn, cơ quan chủ trì / phối hợp. Khi xuất ra ống hoặc tệp: "
                     "văn bản thuần, không màu.",
                     "Print a one-line summary of the plan, its outline, then the tables that have rows: "
                     "targets (level, year, direction), deadlines, lead / supporting bodies. On a pipe or "
                     "file: plain text, no colour."),
        examples=[("chitieu show corpus/004_e5441faa78144875.txt", ("", "")),
                  ("chitieu show outputs/004_e5441faa78144875.json --lang en",
                   ("một danh mục .json đã có; nhãn tiếng Anh", "an existing catalogue .json; English labels"))],
        exit_codes=[(0, ("đã in", "printed")),
                    (2, ("không đọc được kế hoạch (thiếu tệp, tệp rỗng, sai mã hóa…)",
                         "the plan could not be read (missing, empty, wrong encoding…)"))])
    p.add_argument("plan", help=T("tệp kế hoạch (.txt .md .docx .pdf) hoặc danh mục .json",
                                  "plan file (.txt .md .docx .pdf) or catalogue .json"))
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        cat, _ = load_catalogue(args.plan)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    render_catalogue(cat, console_for(sys.stdout), L.lang_of(getattr(args, "lang", None)))
    return 0
