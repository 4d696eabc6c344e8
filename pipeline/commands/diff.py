"""`chitieu diff OLD NEW`: what changed between two versions of a plan.

Exit status as `diff`: 0 equal, 1 different, 2 trouble.
"""
from __future__ import annotations

import json
import sys

from pipeline import labels as L
from pipeline.commands.common import T, add_command
from pipeline.diff import Side, diff_catalogues, diff_json, diff_text, shorter_warning
from pipeline.errors import PlanError
from pipeline.load import load_catalogue


def add_parser(sub) -> None:
    p = add_command(
        sub, "diff",
        help=("chỉ tiêu, thời hạn, cơ quan thay đổi giữa hai phiên bản của một kế hoạch",
              "targets, deadlines and agencies changed between two versions"),
        description=("So sánh hai phiên bản của một kế hoạch (dự thảo và bản ban hành, hoặc hai lần sửa): chỉ "
                     "tiêu thêm / bỏ / thay đổi, thời hạn dời, cơ quan thêm / bỏ / đổi vai trò, thông tin văn "
                     "bản đổi. Tên cơ quan và tên văn bản được so sau khi bỏ khác biệt về chữ hoa, khoảng trắng "
                     "và viết tắt (UBND = Ủy ban nhân dân); cảnh báo khi một bản ngắn hơn nhiều (trích đoạn?).",
                     "Compare two versions of a plan (the draft and the issued text, or two revisions): targets "
                     "added / removed / changed, deadlines moved, bodies added / dropped / with another role, "
                     "document facts changed. Body names and titles are compared after normalising case, "
                     "spacing and abbreviations (UBND = Ủy ban nhân dân); a warning when one version is much "
                     "shorter (an excerpt?)."),
        examples=[("chitieu diff du-thao.txt ban-hanh.docx", ("", "")),
                  ("chitieu diff old.json new.json --json", ("hai danh mục .json; kết quả JSON",
                                                             "two catalogue .json files; JSON output"))],
        exit_codes=[(0, ("hai bản như nhau (về chỉ tiêu, thời hạn, cơ quan, thông tin văn bản)",
                         "the versions are the same (targets, deadlines, bodies, document facts)")),
                    (1, ("hai bản khác nhau", "the versions differ")),
                    (2, ("không đọc được một bản", "a version could not be read"))])
    p.add_argument("old", help=T("bản cũ: tệp kế hoạch hoặc danh mục .json", "old version: plan file or catalogue .json"))
    p.add_argument("new", help=T("bản mới: tệp kế hoạch hoặc danh mục .json", "new version: plan file or catalogue .json"))
    p.add_argument("--json", action="store_true", help=T("kết quả cho chương trình (JSON)", "machine-readable output"))
    p.set_defaults(func=run)


def run(args) -> int:
    lang = L.lang_of(getattr(args, "lang", None))
    try:
        old = Side(*load_catalogue(args.old))
        new = Side(*load_catalogue(args.new))
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    d = diff_catalogues(old, new)
    if args.json:
        sys.stdout.write(json.dumps(diff_json(d), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        warning = shorter_warning(d, lang)
        if warning:
            print(f"chitieu: {warning}", file=sys.stderr)
    else:
        sys.stdout.write(diff_text(d, lang))
    return 0 if d.equal else 1
