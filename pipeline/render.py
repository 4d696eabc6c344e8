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
from extractors.kinds import FINDING_KINDS, FindingKind
from extractors.models import Catalogue

from pipeline import labels as L
from pipeline.emit import cell, marker, worded


def console_for(file=None) -> Console:
    file = file or sys.stdout
    if file.isatty():
        return Console(file=file, highlight=False)
    width = int(os.environ.get("COLUMNS", "") or 120)
    return Console(file=file, width=max(60, width), color_system=None, force_terminal=False,
                   highlight=False, emoji=False)


def summary_line(cat: Catalogue, lang: str = L.DEFAULT_LANG) -> str:
    """`16 chỉ tiêu · 13 thời hạn · 12 cơ quan (58 lượt nêu) · 9 nhiệm vụ · 2 văn bản dẫn chiếu · 81 mục`:
    every registered kind, in the registry's order."""
    parts = []
    for kind in FINDING_KINDS:
        items = getattr(cat, kind.name)
        if kind.name == "agencies":  # bodies, not mentions, are what a reader counts
            bodies = len({agency_key(a.name) or a.name for a in items})
            parts.append(L.count(bodies, "agencies", lang)
                         + (f" ({L.count(len(items), 'mentions', lang)})" if items else ""))
        else:
            parts.append(L.count(len(items), kind.name, lang, default=kind.heading.lower()))
    parts.append(L.count(len(cat.sections), "sections", lang))
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
            console.print(Text(f"{indent}{marker(s.marker)} {s.title}"), overflow="ellipsis",
                          no_wrap=True)

    for kind in FINDING_KINDS:
        items = getattr(cat, kind.name)
        if not items or kind.name in SUMMARY_ONLY:
            continue
        console.print()
        console.print(TABLES.get(kind.name, _columns_table)(kind, items, lang))


def _table(kind: str, title: str, columns, lang: str) -> Table:
    t = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for key, kw in columns:
        t.add_column(L.word(key, lang), **kw)
    return t


def _targets_table(kind: FindingKind, items, lang: str) -> Table:
    table = _table(kind.name, f"{L.word(kind.name, lang)} ({len(items)})", (
        ("col_section", {"no_wrap": True}), ("col_indicator", {"ratio": 3}),
        ("col_level", {"justify": "right", "no_wrap": True}), ("col_year", {"no_wrap": True}),
        ("col_direction", {"no_wrap": True})), lang)
    for t in items:
        table.add_row(_section(t.section), t.indicator or Text(t.text, style="italic"),
                      L.amount(t, lang), str(t.target_year or ""), L.direction(t.direction, lang))
    return table


def _deadlines_table(kind: FindingKind, items, lang: str) -> Table:
    table = _table(kind.name, f"{L.word(kind.name, lang)} ({len(items)})", (
        ("col_section", {"no_wrap": True}), ("col_due", {"no_wrap": True}),
        ("col_recurrence", {"no_wrap": True}), ("col_task", {"ratio": 3}), ("col_written", {"ratio": 1})), lang)
    for x in items:
        table.add_row(_section(x.section), L.date(x.due, lang), L.recurrence(x.recurrence, lang), x.task, x.text)
    return table


def _agencies_table(kind: FindingKind, items, lang: str) -> Table:
    """One row per body (its spellings merged), with the sections where it leads or helps."""
    bodies: dict[str, dict] = {}
    for a in items:
        key = agency_key(a.name) or a.name
        entry = bodies.setdefault(key, {"name": a.name, "lead": [], "support": []})
        if entry["name"][:1].islower() and a.name[:1].isupper():
            entry["name"] = a.name   # `Các sở, ban, ngành` over `các sở, ban, ngành`
        where = _section(a.section) or "—"
        bucket = entry["lead" if a.role == "lead" else "support"]
        if where not in bucket:
            bucket.append(where)
    table = Table(title=f"{L.word('agencies', lang)} ({L.count(len(bodies), 'agencies', lang)}, "
                        f"{L.count(len(items), 'mentions', lang)})",
                  box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(L.word("col_agency", lang), ratio=2)
    table.add_column(L.word("col_lead", lang), ratio=1)
    table.add_column(L.word("col_support", lang), ratio=1)
    for entry in bodies.values():
        table.add_row(entry["name"], ", ".join(entry["lead"]), ", ".join(entry["support"]))
    return table


def _columns_table(kind: FindingKind, items, lang: str) -> Table:
    """A kind with no table of its own here is shown by its registry columns (those of
    the Markdown catalogue), so a new kind appears in `show` with no change to this file."""
    table = Table(title=f"{kind.heading} ({len(items)})", box=box.SIMPLE_HEAD, title_justify="left")
    for column in kind.columns:
        table.add_column(column.header)
    for item in items:
        table.add_row(*(cell(worded(column, item)) for column in kind.columns))
    return table


# the kinds `show` tabulates in its own way; tasks and references are counted in the summary
# line (tasks have `checklist`, references the document's `implements` line)
TABLES = {"targets": _targets_table, "deadlines": _deadlines_table, "agencies": _agencies_table}
SUMMARY_ONLY = {"tasks", "references"}
