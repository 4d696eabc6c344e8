"""Year mentions around a target: when a value is due, and what it is compared with.

`đến năm 2030`, `vào năm 2025`, `trong năm 2025` say when a value is due;
`từ năm 2026 đến năm 2030` is due at its end; `so với năm 2020` is a baseline;
`giai đoạn 2021-2025` names a period (due at its end, but only trusted in
headings and lead-in lines, because running text also names programmes by
their period); `tầm nhìn / định hướng đến năm 2045` is a horizon beyond the
plan's own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex as re

_Y = r"((?:19|20)\d\d)(?!\d)"
_PATTERNS = [
    ("baseline", re.compile(rf"so\s+với\s+(?:cùng\s+kỳ\s+)?(?:cuối\s+)?(?:năm\s+)?{_Y}", re.I)),
    # `Năm học 2025-2026`: a school year ends in its second calendar year
    ("range", re.compile(rf"năm\s+học\s+{_Y}\s*-\s*{_Y}", re.I)),
    ("range", re.compile(rf"(?:từ\s+(?:năm\s+)?|năm\s+){_Y}\s*(?:-|đến|tới)\s*(?:hết\s+)?(?:năm\s+)?{_Y}", re.I)),
    ("period", re.compile(rf"giai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?{_Y}\s*(?:-|đến|tới)\s*(?:năm\s+)?{_Y}", re.I)),
    ("horizon", re.compile(rf"(?:tầm\s+nhìn|định\s+hướng)\s+(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?{_Y}", re.I)),
    ("due", re.compile(rf"(?:đến|tới|vào|trong|hết|cuối|trước|sau)\s+(?:(?:cuối|hết|đầu)\s+)?(?:năm\s+)?{_Y}", re.I)),
    ("start", re.compile(rf"(?:từ|đầu)\s+(?:năm\s+)?{_Y}", re.I)),
    ("bare", re.compile(rf"(?<!tháng\s+\d{{1,2}}\s+)(?<![/\-.\d])năm\s+{_Y}", re.I)),
]


@dataclass
class YearMention:
    kind: str  # baseline, range, period, horizon, due, start, bare
    year: int
    start: int
    end: int


def year_mentions(text: str, base: int = 0) -> list[YearMention]:
    found: list[YearMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            year = int(m.group(m.lastindex))
            found.append(YearMention(kind, year, base + m.start(), base + m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda y: y.start)


DUE_KINDS = ("range", "due", "bare", "horizon")


def context_year(text: str, staged: bool) -> int | None:
    """The year a heading or lead-in line sets for the items below it. A lead-in that
    stages the items (`đạt 80% đến 2030 và 100% đến 2035 các mục tiêu sau`) sets the
    year they are due in full: the last stage."""
    mentions = [y for y in year_mentions(text) if y.kind in DUE_KINDS + ("period",)]
    if not mentions:
        return None
    if staged:
        return max(y.year for y in mentions)
    primary = [y for y in mentions if y.kind != "horizon"]
    return (primary or mentions)[0].year


def plan_year(clean: str) -> Optional[int]:
    """The year a plan is issued in: its header date, else the start of the period its
    title names, else (an excerpt) the newest date it cites."""
    head = clean[:1500]
    m = re.search(r"ngày[\s\d./…_-]*tháng[\s\d./…_-]*năm\s+((?:19|20)\d\d)", head, re.I)
    if m:
        return int(m.group(1))
    # an undated excerpt: the start of the period its title names
    m = re.search(r"giai\s+đoạn\s+((?:19|20)\d\d)\s*-", head, re.I)
    if m:
        return int(m.group(1))
    # an excerpt with no header: a plan is no older than the newest document it cites
    cited = [int(y) for y in re.findall(r"ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)\b", clean)]
    return max(cited) if cited else None
