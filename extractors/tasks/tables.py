"""Tasks listed in a table (`Phụ lục: Danh mục nhiệm vụ`), as plans copied from PDFs or
portals give them: `| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời
gian hoàn thành |`, one row per task.

Read from the raw text, where the `|` cells of a row still sit on one line.
"""
from __future__ import annotations

from dataclasses import dataclass

import re as _sre

import regex as re

_COLUMNS = {
    "content": re.compile(r"nội dung|nhiệm vụ|tên (?:nhiệm vụ|đề án|công việc)|công việc|sản phẩm", re.I),
    "lead": re.compile(r"(?:cơ quan|đơn vị)?\s*chủ trì|cơ quan thực hiện|đơn vị thực hiện|đầu mối", re.I),
    "support": re.compile(r"phối hợp", re.I),
    "time": re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I),
}

# a header cell names its column in a few words; a longer cell is a task's own text that
# happens to contain `nhiệm vụ` or `hoàn thành`
_HEADER_CELL_CHARS = 60


@dataclass
class TableRow:
    span: tuple[int, int]   # the row's line in the raw text
    path: list[str]         # `Phụ lục` when the table is an appendix, its group row's number, its own
    number: str
    content: str
    lead: str
    support: str
    time: str


_EMPHASIS = re.compile(r"[*_]+")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [_EMPHASIS.sub("", c).strip() for c in inner.split("|")]


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Which cell holds what, when this row is a task table's header."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for name in ("support", "lead", "time", "content"):  # most specific first
            if name not in cols and _COLUMNS[name].search(cell) and len(cell) < _HEADER_CELL_CHARS:
                cols[name] = i
                break
    return cols if {"content", "lead"} <= cols.keys() else None


_LINE = _sre.compile(r"[^\n]+")  # (no class `regex` reads otherwise: the standard engine, faster)
_APPENDIX_LINE = re.compile(r"(?im)^\W*phụ lục")
_RULE_CELL = re.compile(r":?-{2,}:?|")
_ROW_NUMBER = re.compile(r"[\dIVXA-Z.]{1,6}")


def table_rows(raw: str) -> list[TableRow]:
    rows: list[TableRow] = []
    if raw.count("|") < 3:
        return rows  # (no line can hold a row)
    # the first `Phụ lục` line: a row after it is in an appendix (the earliest match ends first,
    # so it tells for every row what a search of the text before the row would)
    appendix_at = _APPENDIX_LINE.search(raw)
    cols = None
    group = ""
    for m in _LINE.finditer(raw):
        line = m.group()
        if line.count("|") < 3:
            cols = None  # a table ends where its rows do
            continue
        cells = _cells(line)
        if all(_RULE_CELL.fullmatch(c) for c in cells):
            continue  # the markdown rule under the header
        header = _header_columns(cells)
        if header:
            cols, group = header, ""
            continue
        if cols is None or len(cells) <= max(cols.values()):
            continue

        def cell(name: str) -> str:
            return cells[cols[name]] if name in cols else ""

        number = cells[0] if cols.get("content") != 0 and _ROW_NUMBER.fullmatch(cells[0]) else ""
        if not cell("content") or not (cell("lead") or cell("time")):
            group = number  # a group row (`| I | NHIỆM VỤ CHUNG | | |`)
            continue
        appendix = ["Phụ lục"] if appendix_at and appendix_at.end() <= m.start() else []
        path = appendix + [x for x in (group, number) if x]
        rows.append(TableRow((m.start(), m.end()), path, number, cell("content"), cell("lead"),
                             cell("support"), cell("time")))
    return rows
