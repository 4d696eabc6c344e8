"""Terminal rendering of one catalogue (`chitieu show`): outline, then tables of
targets, deadlines and agencies. On a pipe or file, no colour and a fixed width, so
the output is plain text that greps and diffs."""
from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from extractors.models import Catalogue

from pipeline.emit import _marker


def console_for(file=None) -> Console:
    file = file or sys.stdout
    if file.isatty():
        return Console(file=file, highlight=False)
    width = int(os.environ.get("COLUMNS", "") or 120)
    return Console(file=file, width=max(60, width), color_system=None, force_terminal=False,
                   highlight=False, emoji=False)


def _fmt(v) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _value(t) -> str:
    v = f"{t.value:g}" + (f"–{t.value_max:g}" if t.value_max is not None else "")
    return v


def render_catalogue(cat: Catalogue, console: Console) -> None:
    d = cat.document
    console.print(Text(d.title or cat.plan, style="bold"))
    facts = [("kind", d.kind), ("number", d.number), ("issuer", d.issuer), ("place", d.place),
             ("level", d.level if d.level != "unknown" else None), ("date", d.date)]
    line = " · ".join(f"{k}: {v}" for k, v in facts if v)
    console.print(Text(f"{cat.source}" + (f" · {line}" if line else ""), style="dim"))
    for ref in d.implements:
        console.print(Text(f"implements: {ref.text or ref.number}", style="dim"), overflow="fold")

    console.print()
    console.print(Text(f"Outline ({len(cat.sections)} headings)", style="bold underline"))
    for s in cat.sections:
        indent = "  " * (len(s.path) - 1)
        console.print(Text(f"{indent}{_marker(s.marker)} {s.title}"), overflow="ellipsis",
                      no_wrap=True)

    targets = Table(title=f"Targets ({len(cat.targets)})", box=box.SIMPLE_HEAD, title_justify="left",
                    show_lines=False, expand=False)
    for col, kw in (("section", {"no_wrap": True}), ("indicator", {"ratio": 3}),
                    ("cmp", {"no_wrap": True}), ("value", {"justify": "right", "no_wrap": True}),
                    ("unit", {}), ("year", {"no_wrap": True}), ("direction", {"no_wrap": True})):
        targets.add_column(col, **kw)
    for t in cat.targets:
        targets.add_row(".".join(t.section), t.indicator or Text(t.text, style="italic"),
                        t.comparator, _value(t), _fmt(t.unit),
                        _fmt(t.target_year) + ("/yr" if t.per_year else ""), t.direction)
    console.print()
    console.print(targets)

    deadlines = Table(title=f"Deadlines ({len(cat.deadlines)})", box=box.SIMPLE_HEAD,
                      title_justify="left")
    for col, kw in (("section", {"no_wrap": True}), ("due", {"no_wrap": True}),
                    ("recurrence", {"no_wrap": True}), ("task", {"ratio": 3}), ("as written", {"ratio": 1})):
        deadlines.add_column(col, **kw)
    for x in cat.deadlines:
        deadlines.add_row(".".join(x.section), _fmt(x.due), _fmt(x.recurrence), x.task, x.text)
    console.print(deadlines)

    agencies = Table(title=f"Agencies ({len(cat.agencies)})", box=box.SIMPLE_HEAD, title_justify="left")
    for col, kw in (("section", {"no_wrap": True}), ("role", {"no_wrap": True}), ("name", {"ratio": 1})):
        agencies.add_column(col, **kw)
    for a in cat.agencies:
        agencies.add_row(".".join(a.section), _fmt(a.role), a.name)
    console.print(agencies)
