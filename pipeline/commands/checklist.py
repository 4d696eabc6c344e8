"""`chitieu checklist PLAN [--agency NAME] [--format md|csv|xlsx|ics] [-o FILE]`: what each
body named in a plan must do, by when, as a Markdown list, a CSV/Excel table or a calendar."""
from __future__ import annotations

import sys
from pathlib import Path

from extractors.models import Catalogue
from extractors.outline.sections import extract_sections
from extractors.tasks.rules import extract_tasks
from extractors.text import PlanText

from pipeline.checklist import build_checklists, find_agency
from pipeline.checklist_formats import to_csv, to_ics, to_markdown, to_xlsx
from pipeline.emit import write_atomic
from pipeline.errors import PlanError
from pipeline.load import load_catalogue

FORMATS = ("md", "csv", "xlsx", "ics")


def add_parser(sub) -> None:
    p = sub.add_parser("checklist", help="per-agency checklist of a plan's tasks (md, csv, xlsx, ics)")
    p.add_argument("plan", help="a plan file, or its catalogue .json")
    p.add_argument("--agency", help="only this body (any spelling: 'UBND các xã, phường', 'Sở Nội vụ')")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: from the -o suffix, else md)")
    p.add_argument("-o", "--output", help="write to this file (required for xlsx)")
    p.set_defaults(func=run)


def _with_tasks(cat: Catalogue, text: str | None) -> Catalogue:
    """A catalogue written before tasks were read gets them now, when its plan text is at hand."""
    if cat.tasks or not text:
        return cat
    doc = PlanText.from_raw(text)
    sections = cat.sections or extract_sections(doc)
    tasks = extract_tasks(doc, sections, cat.targets, cat.deadlines, cat.agencies)
    from extractors.catalogue import assign_ids
    assign_ids(text, tasks, "K", lambda k: k.title)
    return cat.model_copy(update={"tasks": sorted(tasks, key=lambda k: k.span)})


def run(args) -> int:
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in FORMATS else "md"
    if fmt == "xlsx" and not args.output:
        print("chitieu: an .xlsx workbook is binary; name a file with -o FILE.xlsx", file=sys.stderr)
        return 2
    try:
        cat, text = load_catalogue(args.plan)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    cat = _with_tasks(cat, text)
    checklists = build_checklists(cat)
    if args.agency:
        chosen = find_agency(checklists, args.agency)
        if not chosen:
            print(f"chitieu: no body in {Path(args.plan).name} matches '{args.agency}'. Bodies with tasks:",
                  file=sys.stderr)
            for cl in checklists:
                print(f"  - {cl.agency} ({len(cl.rows)})", file=sys.stderr)
            if not checklists:
                print("  (none: the plan assigns no task to a named body)", file=sys.stderr)
            return 2
        checklists = chosen
    if fmt == "md":
        content: str | bytes = to_markdown(cat, checklists)
    elif fmt == "csv":
        content = to_csv(checklists)
        if args.output:  # a byte-order mark lets spreadsheet programs read the diacritics
            content = "\ufeff" + content
    elif fmt == "xlsx":
        content = to_xlsx(cat, checklists)
    else:
        content = to_ics(cat, checklists)
    if args.output:
        write_atomic(Path(args.output), content)
        rows = sum(len(c.rows) for c in checklists)
        print(f"{cat.source}: {len(checklists)} bodies, {rows} checklist rows -> {args.output}", file=sys.stderr)
    else:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
    return 0
