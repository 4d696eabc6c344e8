"""`chitieu show PLAN`: a plan's outline and its targets, deadlines and agencies, in the terminal."""
from __future__ import annotations

import sys

from pipeline.errors import PlanError
from pipeline.load import load_catalogue
from pipeline.render import console_for, render_catalogue


def add_parser(sub) -> None:
    p = sub.add_parser("show", help="print a plan's outline and tables of targets, deadlines, agencies")
    p.add_argument("plan", help="plan file (.txt .md .docx .pdf) or catalogue .json")
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        cat, _ = load_catalogue(args.plan)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    render_catalogue(cat, console_for(sys.stdout))
    return 0
