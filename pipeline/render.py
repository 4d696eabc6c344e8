"""Terminal rendering of one catalogue (`chitieu show`): a one-line summary, the outline,
then tables of targets, deadlines and bodies (only those that have rows), in Vietnamese
unless `--lang en`. On a pipe or file, no colour and a fixed width, so the output is
plain text that greps and diffs."""
from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from extractors.agencies.names import agency_key
from extractors.models import Catalogue

from pipeline import labels as L
from pipeline.emit import _marker


def console_for(file=None) -> Console:
    file = file or sys.stdout
    if file.isatty():
        return Console(file=file, highlight=False)
    width = int(os.environ.get("COLUMNS", "") or 120)
    return Console(file=file, width=max(60, width), color_system=None, force_terminal=False,
                   highlight=False, emoji=False)


def summary_line(cat: Catalogue, lang: str = L.DEFAULT_LANG) -> str:
    """`16 chỉ tiêu · 13 thời hạn · 12 cơ quan (58 lượt nêu) · 9 nhiệm vụ · 2 văn bản dẫn chiếu · 81 mục`."""
    bodies = len({agency_key(a.name) or a.name for a in cat.agencies})
    parts = [L.count(len(cat.targets), "targets", lang), L.count(len(cat.deadlines), "deadlines", lang),
             L.count(bodies, "agencies", lang)
             + (f" ({L.count(len(cat.agencies), 'mentions', lang)})" if cat.agencies else ""),
             L.count(len(cat.tasks), "tasks", lang), L.count(len(cat.references), "references", lang),
             L.count(len(cat.sections), "sections", lang)]
    return " · ".join(parts)


def _facts(cat: Catalogue, lang: str) -> str:
    d = cat.document
    facts = [("kind", d.kind), ("number", d.number), ("issuer", d.issuer), ("place", d.place),
             ("level", L.level(d.level, lang) or None), ("date", L.date(d.date, lang) or d.date)]
    line = " · ".join(f"{L.word(k, lang)}: {v}" for k, v in facts if v)
    return f"{cat.source}" + (f" · {line}" if line else "")


def _section(path) -> str:
    return ".".join(path)


def render_catalogue(cat: Catalogue, console: Console, lang: str = L.DEFAULT_LANG) -> None:
    d = cat.document
    console.print(Text(d.title or cat.plan, style="bold"))
    console.print(Text(_facts(cat, lang), style="dim"))
    for ref in d.implements:
        console.print(Text(f"{L.word('implements', lang)}: {ref.text or ref.number}", style="dim"),
                      overflow="fold")
    console.print(Text(summary_line(cat, lang), style="bold"))

    if cat.sections:
        console.print()
        console.print(Text(f"{L.word('outline', lang)} ({L.count(len(cat.sections), 'sections', lang)})",
                           style="bold underline"))
        for s in cat.sections:
            indent = "  " * (len(s.path) - 1)
            console.print(Text(f"{indent}{_marker(s.marker)} {s.title}"), overflow="ellipsis",
                          no_wrap=True)

    def table(kind: str, n: int, columns) -> Table:
        t = Table(title=f"{L.word(kind, lang)} ({n})", box=box.SIMPLE_HEAD, title_justify="left")
        for key, kw in columns:
            t.add_column(L.word(key, lang), **kw)
        return t

    if cat.targets:
        targets = table("targets", len(cat.targets), (
            ("col_section", {"no_wrap": True}), ("col_indicator", {"ratio": 3}),
            ("col_level", {"justify": "right", "no_wrap": True}), ("col_year", {"no_wrap": True}),
            ("col_direction", {"no_wrap": True})))
        for t in cat.targets:
            targets.add_row(_section(t.section), t.indicator or Text(t.text, style="italic"),
                            L.amount(t, lang), str(t.target_year or ""), L.direction(t.direction, lang))
        console.print()
        console.print(targets)

    if cat.deadlines:
        deadlines = table("deadlines", len(cat.deadlines), (
            ("col_section", {"no_wrap": True}), ("col_due", {"no_wrap": True}),
            ("col_recurrence", {"no_wrap": True}), ("col_task", {"ratio": 3}), ("col_written", {"ratio": 1})))
        for x in cat.deadlines:
            deadlines.add_row(_section(x.section), L.date(x.due, lang), L.recurrence(x.recurrence, lang),
                              x.task, x.text)
        console.print()
        console.print(deadlines)

    if cat.agencies:
        bodies: dict[str, dict] = {}
        for a in cat.agencies:
            key = agency_key(a.name) or a.name
            entry = bodies.setdefault(key, {"name": a.name, "lead": [], "support": []})
            if entry["name"][:1].islower() and a.name[:1].isupper():
                entry["name"] = a.name   # `Các sở, ban, ngành` over `các sở, ban, ngành`
            where = _section(a.section) or "—"
            bucket = entry["lead" if a.role == "lead" else "support"]
            if where not in bucket:
                bucket.append(where)
        agencies = Table(title=f"{L.word('agencies', lang)} ({L.count(len(bodies), 'agencies', lang)}, "
                               f"{L.count(len(cat.agencies), 'mentions', lang)})",
                         box=box.SIMPLE_HEAD, title_justify="left")
        agencies.add_column(L.word("col_agency", lang), ratio=2)
        agencies.add_column(L.word("col_lead", lang), ratio=1)
        agencies.add_column(L.word("col_support", lang), ratio=1)
        for entry in bodies.values():
            agencies.add_row(entry["name"], ", ".join(entry["lead"]), ", ".join(entry["support"]))
        console.print()
        console.print(agencies)
