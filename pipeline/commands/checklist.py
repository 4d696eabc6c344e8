"""`chitieu checklist PLAN [--agency NAME] [--format md|csv|xlsx|ics] [-o FILE]`: what each
body named in a plan must do, by when, as a Markdown list, a CSV/Excel table or a calendar."""
from __future__ import annotations

import sys
from pathlib import Path


from pipeline.checklist import build_checklists, find_agency
from pipeline import labels as L
from pipeline.commands.common import T, add_command
from pipeline.checklist_formats import merge_note, to_csv, to_ics, to_markdown, to_xlsx
from pipeline.emit import write_atomic
from pipeline.errors import PlanError, output_error
from pipeline.load import load_catalogue

FORMATS = ("md", "csv", "xlsx", "ics")


def add_parser(sub) -> None:
    p = add_command(
        sub, "checklist",
        help=("danh mục nhiệm vụ theo cơ quan của một kế hoạch (md, csv, xlsx, ics)",
              "per-agency checklist of a plan's tasks (md, csv, xlsx, ics)"),
        description=("Với mỗi cơ quan được giao việc trong kế hoạch: việc phải làm (chủ trì hay phối hợp), thời "
                     "hạn, mục, cơ quan cùng làm và chỉ tiêu liên quan. Một cơ quan một danh mục dù viết khác "
                     "nhau (UBND = Ủy ban nhân dân; `Các sở, ngành` gộp vào `Các sở, ban, ngành`, có ghi rõ). "
                     "Định dạng: md (danh sách - [ ]), csv, xlsx (trang Tổng hợp và một trang mỗi cơ quan), "
                     "ics (lịch: mỗi cơ quan, mỗi nhiệm vụ có hạn một sự kiện).",
                     "For each body the plan gives work to: what it must do (lead or support), by when, "
                     "where, with whom and toward which targets. One body, one checklist whatever the "
                     "spelling (UBND = Ủy ban nhân dân; `Các sở, ngành` merged into `Các sở, ban, ngành`, "
                     "and the merge listed). Formats: md (a - [ ] list), csv, xlsx (a summary sheet and one "
                     "per body), ics (a calendar: one event per body and dated task)."),
        examples=[("chitieu checklist corpus/004_e5441faa78144875.txt --agency \"Sở Nội vụ\"", ("", "")),
                  ("chitieu checklist corpus/004_e5441faa78144875.txt -o nhiem-vu.xlsx",
                   ("định dạng theo đuôi tệp", "format from the file suffix")),
                  ("chitieu checklist corpus/004_e5441faa78144875.txt --format ics -o lich.ics", ("", ""))],
        exit_codes=[(0, ("đã ghi danh mục", "checklist written")),
                    (2, ("không đọc được kế hoạch, không có cơ quan khớp --agency (liệt kê các cơ quan), "
                         "xlsx mà không có -o, hoặc không ghi được tệp -o",
                         "the plan could not be read, no body matches --agency (the bodies are listed), "
                         "xlsx without -o, or the -o file cannot be written"))])
    p.add_argument("plan", help=T("tệp kế hoạch hoặc danh mục .json", "a plan file, or its catalogue .json"))
    p.add_argument("--agency", help=T("chỉ cơ quan này (viết kiểu nào cũng được: 'UBND các xã, phường', 'so noi vu')",
                                      "only this body (any spelling: 'UBND các xã, phường', 'Sở Nội vụ')"))
    p.add_argument("--format", choices=FORMATS, default=None,
                   help=T("định dạng (mặc định: theo đuôi của -o, nếu không thì md)",
                          "output format (default: from the -o suffix, else md)"))
    p.add_argument("-o", "--output", help=T("ghi vào tệp này (bắt buộc với xlsx)", "write to this file (required for xlsx)"))
    p.set_defaults(func=run)


def run(args) -> int:
    lang = L.lang_of(getattr(args, "lang", None))
    en = lang == "en"
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in FORMATS else "md"
    if fmt == "xlsx" and not args.output:
        print("chitieu: " + ("an .xlsx workbook is binary; name a file with -o FILE.xlsx" if en else
                             "tệp .xlsx là tệp nhị phân; hãy đặt tên tệp bằng -o TỆP.xlsx (-o FILE.xlsx)"),
              file=sys.stderr)
        return 2
    try:
        cat, _ = load_catalogue(args.plan)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    checklists = build_checklists(cat)
    if args.agency:
        chosen = find_agency(checklists, args.agency)
        if not chosen:
            print(f"chitieu: no body in {Path(args.plan).name} matches '{args.agency}'. Bodies with tasks:"
                  if en else f"chitieu: {Path(args.plan).name} không có cơ quan nào khớp '{args.agency}'. "
                  "Các cơ quan được giao nhiệm vụ:", file=sys.stderr)
            for cl in checklists:
                print(f"  - {cl.agency} ({len(cl.rows)})", file=sys.stderr)
            if not checklists:
                print("  (none: the plan assigns no task to a named body)" if en else
                      "  (không có: kế hoạch không giao nhiệm vụ cho cơ quan nào)", file=sys.stderr)
            return 2
        checklists = chosen
    if fmt == "md":
        content: str | bytes = to_markdown(cat, checklists, lang)
    elif fmt == "csv":
        content = to_csv(checklists, lang)
        if args.output:  # a byte-order mark lets spreadsheet programs read the diacritics
            content = "\ufeff" + content
    elif fmt == "xlsx":
        content = to_xlsx(cat, checklists, lang)
    else:
        content = to_ics(cat, checklists, lang)
    if args.output:
        try:
            write_atomic(Path(args.output), content)
        except OSError as exc:
            print(f"chitieu: {output_error(args.output, exc)}", file=sys.stderr)
            return 2
        rows = sum(len(c.rows) for c in checklists)
        print(f"{cat.source}: {len(checklists)} bodies, {rows} checklist rows -> {args.output}" if en else
              f"{cat.source}: {len(checklists)} cơ quan, {rows} dòng nhiệm vụ -> {args.output}", file=sys.stderr)
        for cl in checklists:
            if cl.merged:
                print(f"  {cl.agency}: {merge_note(cl, lang)}", file=sys.stderr)
    else:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
    return 0
