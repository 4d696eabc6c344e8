"""When a task is due, read from its own `Thời gian thực hiện` value or schedule phrase,
for plans (or moments) where the deadlines extractor has nothing to say about it.

Values follow the deadline conventions of the gold guidelines: `due` is the last day
covered (ISO, or `--MM-DD` for a yearly date), `recurrence` the period.
"""
from __future__ import annotations

import calendar
from typing import Optional

import regex as re

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUM = r"(\d{1,2})"
_YEAR = r"((?:19|20)\d{2})"

# a phrase that schedules a task (running-text `thường xuyên` alone does not)
SCHEDULE_CUE = re.compile(
    r"(?:hoàn thành|chậm nhất|xong)\s+(?:trước|trong)?[^.;]{0,40}?(?:ngày|tháng|quý|năm)\s*[^.;]{0,30}"
    r"|trước\s+ngày\s+[^.;]{1,40}"
    r"|định kỳ\s+(?:hằng|hàng|mỗi|6|sáu|theo)[^.;]{0,60}"
    r"|^(?:[-+•]\s*)?(?:hằng|hàng|mỗi) (?:năm|quý|tháng|tuần)\b[^,.;]{0,10}"
    r"|^(?:[-+•]\s*)?(?:thực hiện\s+)?thường xuyên\b"
    r"|từ năm \d{4} và các năm tiếp theo",
    re.I,
)


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _recurrence(t: str) -> Optional[str]:
    found = []
    if re.search(r"hằng ngày|hàng ngày|mỗi ngày", t):
        found.append("daily")
    if re.search(r"hằng tuần|hàng tuần|mỗi tuần", t):
        found.append("weekly")
    if re.search(r"hằng tháng|hàng tháng|mỗi tháng|của tháng tiếp theo", t):
        found.append("monthly")
    if re.search(r"hằng quý|hàng quý|mỗi quý|theo quý|định kỳ quý", t):
        found.append("quarterly")
    if re.search(r"(?:định kỳ|mỗi|hằng|hàng)\s+(?:6|sáu) tháng|nửa năm|6 tháng,", t):
        found.append("half-yearly")
    if re.search(r"hằng năm|hàng năm|mỗi năm|định kỳ năm", t) and not re.search(
            r"theo kế hoạch hằng năm|kế hoạch hàng năm", t):
        found.append("yearly")
    if re.search(r"thường xuyên|các năm tiếp theo|liên tục", t):
        found.append("continuous")
    order = ["daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly", "continuous"]
    return min(found, key=order.index) if found else None


def parse_schedule(text: str, year_hint: Optional[int] = None) -> tuple[Optional[str], Optional[str]]:
    """(due, recurrence) of a schedule phrase; (None, None) when it names no time."""
    t = text.casefold()
    rec = _recurrence(t)
    due = None
    m = re.search(rf"{_NUM}\s*[/.-]\s*{_NUM}\s*[/.-]\s*{_YEAR}", t) or \
        re.search(rf"ngày\s+{_NUM}\s+tháng\s+{_NUM}\s+năm\s+{_YEAR}", t)
    if m:
        due = f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if due is None:
        m = re.search(rf"ngày\s+{_NUM}\s*(?:tháng\s+|/){_NUM}(?!\s*[/.-]?\s*\d)(?!\s+năm)", t)
        if m:
            day, month = int(m.group(1)), int(m.group(2))
            if rec == "yearly" or year_hint is None:
                due = f"--{month:02d}-{day:02d}" if rec == "yearly" else None
            else:
                due = f"{year_hint:04d}-{month:02d}-{day:02d}"
    if due is None:
        m = re.search(rf"quý\s+(iv|iii|ii|i|[1-4])\s*(?:năm|/)\s*{_YEAR}", t)
        if m:
            q = _ROMAN.get(m.group(1)) or int(m.group(1))
            due = _month_end(int(m.group(2)), q * 3)
    if due is None:
        m = re.search(rf"(trước\s+)?tháng\s+{_NUM}(?:\s*,\s*tháng\s+{_NUM})*\s*(?:năm|/|\.)\s*{_YEAR}", t)
        if m:
            months = [int(x) for x in re.findall(r"tháng\s+(\d{1,2})", m.group())]
            year, month = int(m.group(m.lastindex)), max(months)
            if m.group(1):  # `trước tháng 10/2024`: the last day before it
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            if 1 <= month <= 12:
                due = _month_end(year, month)
    if due is None:
        m = re.search(rf"(?:trong|hết|cuối|trước)\s+năm\s+{_YEAR}", t)
        if m and not re.search(r"từ năm \d{4} và các năm tiếp theo", t):
            due = f"{m.group(1)}-12-31"
    if due and rec == "continuous":
        rec = None
    return due, rec
