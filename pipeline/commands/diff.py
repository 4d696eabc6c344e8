"""`chitieu diff OLD NEW`: what changed between two versions of a plan.

Exit status as `diff`: 0 equal, 1 different, 2 trouble.
"""
from __future__ import annotations

import json
import sys

from pipeline.diff import Side, diff_catalogues, diff_json, diff_text
from pipeline.errors import PlanError
from pipeline.load import load_catalogue


def add_parser(sub) -> None:
    p = sub.add_parser("diff", help="targets, deadlines and agencies changed between two versions")
    p.add_argument("old", help="old version: plan file or catalogue .json")
    p.add_argument("new", help="new version: plan file or catalogue .json")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        old = Side(*load_catalogue(args.old))
        new = Side(*load_catalogue(args.new))
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    d = diff_catalogues(old, new)
    if args.json:
        sys.stdout.write(json.dumps(diff_json(d), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(diff_text(d))
    return 0 if d.equal else 1
