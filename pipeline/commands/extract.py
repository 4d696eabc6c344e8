"""`chitieu extract PLAN... -o DIR`: one catalogue JSON per plan, no Prefect.

For .docx and .pdf plans the converted text is written beside it (`DIR/<stem>.txt`):
the catalogue's spans index that text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.emit import catalogue_json, write_atomic
from pipeline.errors import PlanError
from pipeline.ingest import is_converted, plan_files, read_plan
from pipeline.load import catalogue_of


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="write the catalogue of each plan as DIR/<stem>.json")
    p.add_argument("plans", nargs="+", help="plan files (.txt .md .docx .pdf) or directories")
    p.add_argument("-o", "--output", required=True, help="output directory")
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
