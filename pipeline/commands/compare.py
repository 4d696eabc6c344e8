"""`chitieu compare CHILD [PARENT | --corpus DIR]`: what the child plan did with each
target of the plan it implements (same, stricter, weaker, missing, child only)."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from pipeline.compare.align import THRESHOLD, Comparison, compare_plans
from pipeline.compare.html import STATUS_LABEL, render_html
from pipeline.emit import write_atomic
from pipeline.errors import PlanError
from pipeline.ingest import read_plan
from pipeline.load import load_catalogue
from pipeline.compare.parent import ParentNotFound, describe_reference, find_parent

EXIT_PARENT_NOT_FOUND = 3

_STYLE = {"same": "green", "stricter": "blue", "weaker": "dark_orange", "missing": "red",
          "child_only": "grey50", "not_comparable": "yellow"}


def add_parser(sub) -> None:
    p = sub.add_parser("compare", help="compare a plan's targets with those of the plan it implements")
    p.add_argument("child", help="the implementing plan (plan file or catalogue .json)")
    p.add_argument("parent", nargs="?", help="the implemented plan; omit with --corpus to find it")
    p.add_argument("--corpus", help="directory to find the parent in, by the child's `Thực hiện …` reference")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument("--html", metavar="FILE", help="write a self-contained HTML page")
    p.add_argument("--threshold", type=float, default=THRESHOLD,
                   help=f"least pair score (default {THRESHOLD})")
    p.set_defaults(func=run)


def _load_text(path, cat, text, corpus=None):
    """The plan text of a catalogue; a catalogue written by `extract -o DIR` sits away
    from its plan, so the plan is also looked for by its source name (checked by hash)."""
    if text is not None:
        return text
    candidates = [Path(cat.source)] + ([Path(corpus) / cat.source] if corpus else [])
    for cand in candidates:
        if cand.is_file():
            try:
                found = read_plan(cand)
            except PlanError:
                continue
            if not cat.text_sha256 or hashlib.sha256(found.encode("utf-8")).hexdigest() == cat.text_sha256:
                return found
    raise PlanError(path, f"catalogue without its plan text ({cat.source}) beside it: spans cannot be read")


def run(args) -> int:
    if not args.parent and not args.corpus:
        print("chitieu: compare needs a PARENT plan or --corpus DIR to find it in", file=sys.stderr)
        return 2
    try:
        child, child_text = load_catalogue(args.child)
        child_text = _load_text(args.child, child, child_text, args.corpus)
        if args.parent:
            parent_path = Path(args.parent)
        else:
            try:
                match = find_parent(child, Path(args.corpus), Path(args.child))
            except ParentNotFound as exc:
                print(f"chitieu: {args.child}: {exc}", file=sys.stderr)
                return EXIT_PARENT_NOT_FOUND
            parent_path = match.path
            if not args.json:
                print(f"parent: {parent_path} ({describe_reference(match.reference)})")
        parent, parent_text = load_catalogue(parent_path)
        parent_text = _load_text(parent_path, parent, parent_text, args.corpus)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    cmp = compare_plans(child, child_text, parent, parent_text, threshold=args.threshold)
    if args.html:
        write_atomic(Path(args.html), render_html(cmp))
    if args.json:
        sys.stdout.write(comparison_json(cmp))
    else:
        print_table(cmp)
        if args.html:
            print(f"page: {args.html}")
    return 0


def comparison_json(cmp: Comparison) -> str:
    return json.dumps(cmp.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _short(s: str, n: int = 70) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _cell(t) -> str:
    if t is None:
        return "—"
    from rich.markup import escape
    clause = _short(t.clause)
    if t.text and t.text in clause:
        return escape(clause).replace(escape(t.text), f"[bold]{escape(t.text)}[/bold]", 1)
    return f"[bold]{escape(t.text)}[/bold] {escape(clause)}"


def print_table(cmp: Comparison) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    title = (f"{cmp.child.source} (child) against {cmp.parent.source} (parent)"
             + (f" — child horizon {cmp.child.horizon}" if cmp.child.horizon else ""))
    table = Table(title=title, show_lines=True)
    table.add_column("status", max_width=16)
    table.add_column("parent target", ratio=1)
    table.add_column("child target", ratio=1)
    table.add_column("score", justify="right")
    for p in cmp.pairs:
        style = _STYLE[p.status]
        par, chi = _cell(p.parent), _cell(p.child)
        table.add_row(f"[{style}]{STATUS_LABEL[p.status][0]}[/{style}]\n[dim]{p.reason}[/dim]",
                      par, chi, f"{p.score:.2f}" if p.score is not None else "")
    console.print(table)
    if cmp.beyond_horizon:
        console.print(f"[bold]{len(cmp.beyond_horizon)} parent targets beyond the child's horizon "
                      f"({cmp.child.horizon})[/bold], not compared:")
        for t in cmp.beyond_horizon:
            console.print(f"  {t.target_year or ''} [bold]{t.text}[/bold] {_short(t.clause)}")
    later = [d for d in cmp.deadlines if d.status == "later"]
    if later:
        console.print(f"[bold red]{len(later)} child deadlines later than the parent's:[/bold red]")
        for d in later:
            console.print(f"  {d.child.due} > {d.parent.due}: {_short(d.child.task)}")
    console.print("  ".join(f"{k}: {v}" for k, v in cmp.counts.items()))
