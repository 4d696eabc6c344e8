"""Other extractors' findings as tasks read them: those lying inside a span.

A plan has hundreds of agencies, targets and deadlines and a task asks for those inside its
own words dozens of times; a scan of the whole list each time cost more than the rest of the
task reading. `Spans` keeps the list as it is (its order, its items) and answers "which start
in [lo, hi)" by bisect, handing them back in the list's own order, so every caller sees
exactly what its scan over the list saw.
"""
from __future__ import annotations

import bisect


class Spans(list):
    """A list of findings (anything with `.span`, start <= end as a match's), indexed by
    where they start."""

    def __init__(self, items):
        super().__init__(items)
        self._order = sorted(range(len(self)), key=lambda k: self[k].span[0])
        self._starts = [self[k].span[0] for k in self._order]

    def indices(self, lo: int, hi: int) -> list[int]:
        """The positions in the list of the findings with lo <= span[0] < hi, ascending."""
        a = bisect.bisect_left(self._starts, lo)
        b = bisect.bisect_left(self._starts, hi)
        return sorted(self._order[a:b]) if a < b else []

    def starting(self, lo: int, hi: int) -> list:
        """The findings with lo <= span[0] < hi, in list order."""
        return [self[k] for k in self.indices(lo, hi)]

    def inside(self, span) -> list:
        """The findings lying inside `span` (span[0] <= start and end <= span[1]), in list
        order: those starting in it (a finding never ends before it starts)."""
        return [x for x in self.starting(span[0], span[1] + 1) if x.span[1] <= span[1]]


def as_spans(items) -> Spans:
    return items if isinstance(items, Spans) else Spans(items)
