"""When a task is due, read from its own `Thời gian thực hiện` value or schedule phrase,
for plans (or moments) where the deadlines extractor has nothing to say about it.

Values follow the deadline conventions of the gold guidelines: `due` is the last day
covered (ISO, or `--MM-DD` for a yearly date), `recurrence` the period.
"""
from __future__ import annotations

from typing import Optional

import regex as re

from extractors.anchored import OpeningWords, RequiredWords
from extractors.grammar.dates import most_frequent
from extractors.grammar.markers import BULLETS
from extractors.deadlines.phrases import due_in_year, segment_deadlines, yearless_date

# a phrase that schedules a task (running-text `thường xuyên` alone does not)
SCHEDULE_CUE = re.compile(
    r"(?:hoàn thành|chậm nhất|xong)\s+(?:trước|trong)?[^.;]{0,40}?(?:ngày|tháng|quý|năm)\s*[^.;]{0,30}"
    r"|trước\s+ngày\s+[^.;]{1,40}"
    r"|định kỳ\s+(?:hằng|hàng|mỗi|6|sáu|theo)[^.;]{0,60}"
    rf"|^(?:[{BULLETS}]\s*)?(?:hằng|hàng|mỗi) (?:năm|quý|tháng|tuần)\b[^,.;]{{0,10}}"
    rf"|^(?:[{BULLETS}]\s*)?(?:thực hiện\s+)?thường xuyên\b"
    r"|từ năm \d{4} và các năm tiếp theo",
    re.I,
)
# every SCHEDULE_CUE match holds one of these: a text without any is searched no further
SCHEDULE_CUE_WORDS = RequiredWords("hoàn thành", "chậm nhất", "xong", "trước", "định kỳ", "hằng", "hàng",
                                   "mỗi", "thường xuyên", "từ năm")
# what every SCHEDULE_CUE match opens with, but those of the branches anchored at the text's
# start (`^`, tried at 0 only): its `finditer` is tried there and at 0 only, not at every
# character (over a unit's text, a hundred microseconds the search)
SCHEDULE_CUE_OPENINGS = OpeningWords("hoàn thành", "chậm nhất", "xong", "trước", "định kỳ", "từ năm")


def schedule_cues(text: str):
    """`SCHEDULE_CUE.finditer(text)`."""
    return SCHEDULE_CUE_OPENINGS.finditer(SCHEDULE_CUE, text, also=(0,))


def parse_schedule(text: str, year_hint: Optional[int] = None) -> tuple[Optional[str], Optional[str]]:
    """(due, recurrence) of a schedule phrase, read by the deadlines grammar as a
    `Thời gian thực hiện` value; (None, None) when it names no time. A date written
    without its year takes `year_hint`; of several dates the earliest is the task's."""
    found = segment_deadlines(text, forced=True)
    if not found:
        return None, None
    dues = []
    for f in found:
        due = f.due
        if due is None and year_hint:
            yearless = yearless_date(text[f.start:f.end])
            due = due_in_year(*yearless, year_hint) if yearless else None
        dues.append(due)
    dated = sorted(d for d in dues if d and not d.startswith("--"))
    yearly = [d for d in dues if d and d.startswith("--")]
    due = (dated or yearly or [None])[0]
    recurrence = most_frequent([f.recurrence for f in found if f.recurrence]) or None
    return due, recurrence
