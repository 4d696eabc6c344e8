"""`chitieu coverage PARENT CHILD... [-o DIR]`: one parent plan's targets across all its
catalogued children, side by side, as an HTML page and an xlsx workbook."""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline import labels as L
from pipeline.commands.common import T, add_command
from pipeline.commands.compare import _load_text, comparison_warnings
from pipeline.compare.align import THRESHOLD, compare_plans
from pipeline.coverage import STATUS_ORDER, coverage_of, plan_label, render_html, render_xlsx
from pipeline.emit import write_atomic
from pipeline.errors import PlanError, output_error
from pipeline.load import load_catalogue


def add_parser(sub) -> None:
    p = add_command(
        sub, "coverage",
        help=("độ phủ chỉ tiêu của một kế hoạch cấp trên ở mọi kế hoạch cấp dưới (HTML, xlsx)",
              "one parent plan's targets across all its child plans (HTML, xlsx)"),
        description=("Với mỗi chỉ tiêu của kế hoạch cấp trên: mỗi kế hoạch cấp dưới đã giữ nguyên, nâng cao, "
                     "hạ thấp hay chưa cụ thể hóa (hoặc chưa đến năm của chỉ tiêu), đặt cạnh nhau. Mỗi cặp được "
                     "so sánh như `chitieu compare`. Ghi PARENT.coverage.html và PARENT.coverage.xlsx vào DIR.",
                     "For each target of the parent plan: whether each child plan kept, tightened, weakened or "
                     "missed it (or has not reached its year yet), side by side. Each pair is compared as "
                     "`chitieu compare` does. Writes PARENT.coverage.html and PARENT.coverage.xlsx into DIR."),
        examples=[("chitieu coverage tests/compare_real/texts/nat_ktxh2023.txt "
                   "tests/compare_real/texts/phutho_ktxh2023.txt tests/compare_real/texts/quangnam_ct2023.txt -o do-phu/",
                   ("Nghị quyết 2023 của Quốc hội với hai tỉnh", "the National Assembly's 2023 plan against two provinces")),
                  ("chitieu coverage outputs/003.json outputs/001.json outputs/002.json",
                   ("danh mục đã lập (chitieu run); văn bản nằm cạnh danh mục",
                    "catalogues written by chitieu run, the texts beside them"))],
        exit_codes=[(0, ("đã ghi trang HTML và bảng xlsx", "page and workbook written")),
                    (2, ("không đọc được một kế hoạch hoặc không ghi được kết quả",
                         "a plan could not be read or the outputs cannot be written"))])
    p.add_argument("parent", help=T("kế hoạch cấp trên (tệp kế hoạch hoặc danh mục .json)",
                                    "the parent plan (plan file or catalogue .json)"))
    p.add_argument("children", nargs="+", metavar="child",
                   help=T("các kế hoạch cấp dưới (tệp kế hoạch hoặc danh mục .json)",
                          "the child plans (plan files or catalogue .json)"))
    p.add_argument("-o", "--output", default=".", metavar="DIR",
                   help=T("thư mục ghi kết quả (mặc định: thư mục hiện tại)", "output folder (default: here)"))
    p.add_argument("--threshold", type=float, default=THRESHOLD,
                   help=T(f"điểm ghép cặp tối thiểu (mặc định {THRESHOLD})", f"least pair score (default {THRESHOLD})"))
    p.set_defaults(func=run)


def _plan(path: str):
    cat, text = load_catalogue(path)
    return cat, _load_text(path, cat, text)


def run(args) -> int:
    lang = L.lang_of(getattr(args, "lang", None))
    try:
        parent, parent_text = _plan(args.parent)
        children = [_plan(c) for c in args.children]
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    comparisons = [compare_plans(child, text, parent, parent_text, threshold=args.threshold)
                   for child, text in children]
    # per child what `compare` warns of (no targets, an excerpt); the parent's once, first
    warnings, seen = [], set()
    for cmp, (child, text) in zip(comparisons, children):
        ws = [w for w in comparison_warnings(cmp, child, text, parent, parent_text, lang) if w not in seen]
        seen.update(ws)
        warnings.append(ws)
    cov = coverage_of(comparisons, warnings)
    out = Path(args.output)
    stem = parent.plan or Path(args.parent).stem
    written = []
    for name, content in ((f"{stem}.coverage.html", render_html(cov, lang)),
                          (f"{stem}.coverage.xlsx", render_xlsx(cov, lang))):
        try:
            write_atomic(out / name, content)
        except OSError as exc:
            print(f"chitieu: {output_error(out / name, exc)}", file=sys.stderr)
            return 2
        written.append(out / name)
    vi = lang != "en"
    print(f"{'kế hoạch cấp trên' if vi else 'parent'}: {plan_label(cov.parent, lang)} · "
          f"{L.count(len(cov.rows), 'targets', lang)}")
    for child, counts in zip(cov.children, cov.counts):
        shown = ", ".join(f"{L.status(s, lang)} {counts[s]}" for s in STATUS_ORDER if counts.get(s))
        print(f"  {child.plan}: {shown or '—'}")
    for ws in cov.warnings:
        for w in ws:
            print(f"chitieu: {w}", file=sys.stderr)
    print(("đã ghi: " if vi else "written: ") + ", ".join(map(str, written)))
    return 0
