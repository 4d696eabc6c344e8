"""Agencies in task tables (`| Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |`),
the usual shape of an appendix that assigns a plan's tasks: the column says the role.

Tables are read from the raw lines, because the clean view lays each cell out as a
paragraph of its own and the column would be lost.
"""
from __future__ import annotations

import unicodedata

import regex as re

from extractors.agencies.mentions import find_mentions
from extractors.text import fold, respell

_LEAD_COLUMN = re.compile(r"chủ trì|thực hiện|đầu mối|chịu trách nhiệm", re.I)
_SUPPORT_COLUMN = re.compile(r"phối hợp", re.I)
_NOT_AGENCY_COLUMN = re.compile(r"thời gian|nội dung|nhiệm vụ|sản phẩm|kinh phí|tiến độ|ghi chú", re.I)
_RULE = re.compile(r"^[\s|:\-+=]*$")


_CELL_BAR = re.compile(r"\|")


def _cells(line: str, base: int) -> list[tuple[int, int]]:
    """Raw `[start, end)` of each cell of a `|`-separated line."""
    bounds = [m.start() for m in _CELL_BAR.finditer(line)]
    if line.strip() and not line.lstrip().startswith("|"):
        bounds = [-1] + bounds
    if line.strip() and not line.rstrip().endswith("|"):
        bounds = bounds + [len(line)]
    return [(base + a + 1, base + b) for a, b in zip(bounds, bounds[1:])]


_AGENCY_COLUMN_WORDS = re.compile(r"cơ quan|đơn vị|chủ trì|phối hợp", re.I)
_AGENCY_NOUN = re.compile(r"cơ quan|đơn vị", re.I)


def table_agencies(raw: str, stop_at: int | None = None):
    """(raw_start, raw_end, text, role) for each body named in a role column."""
    columns: dict[int, str] = {}
    width = 0
    pos = 0
    for line in raw.splitlines(keepends=True):
        base, pos = pos, pos + len(line)
        if stop_at is not None and base >= stop_at:
            break
        body = line.rstrip("\r\n")
        if body.count("|") < 2:
            columns, width = {}, 0  # the table ended
            continue
        if _RULE.match(body):
            continue
        cells = _cells(body, base)
        texts = [raw[a:b].strip() for a, b in cells]
        header = {k: ("lead" if _LEAD_COLUMN.search(t) else "support")
                  for k, t in enumerate(texts)
                  if (_LEAD_COLUMN.search(t) or _SUPPORT_COLUMN.search(t)) and _AGENCY_COLUMN_WORDS.search(t)
                  and not (_NOT_AGENCY_COLUMN.search(t) and not _AGENCY_NOUN.search(t))}
        if header and len(header) <= 3 and all(len(t) < 60 for t in texts):
            columns, width = header, len(cells)
            continue
        if not columns or len(cells) != width:
            continue
        for k, role in columns.items():
            a, b = cells[k]
            cell = unicodedata.normalize("NFC", raw[a:b])
            if len(cell) != b - a:  # decomposed accents: offsets would drift, leave the cell out
                continue
            for m in find_mentions(fold(cell)):
                yield a + m.start, a + m.end, cell[m.start:m.end], m.name and respell(m.name, cell), role
