"""Vietnamese administrative time expressions: dates, periods and schedules.

Plans write the same point in time many ways (`30/8/2021`, `30-8-2021`,
`ngày 30 tháng 8 năm 2021`, `25.3`, `tháng 8.2015`, `Quý III năm 2026`,
`quý 3/2021`, `6 tháng đầu năm 2026`, `giai đoạn 2026 - 2030`) and list
several periods under one year (`tháng 11, tháng 12 năm 2025`). A deadline
is the last day a period covers, so every expression here resolves to its
end. Schedules (`hằng năm`, `định kỳ 6 tháng`, `hằng quý`) are read as
recurrences ranked by frequency: when two are given together the more
frequent one sets the rhythm.

Pure functions over a string; positions are indices into that string.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from typing import Optional

import regex as re

FLAGS = re.IGNORECASE | re.VERSION1

# --- building blocks ---------------------------------------------------------
_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:0?[1-9]|1[0-2])(?!\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_QUARTER = r"(?:IV|I{1,3}|0?[1-4](?!\d))"
# a year joined to a month/quarter/day: ` năm 2026`, `/2026`, `-2026`, `.2026`
_YEAR_TAIL = rf"(?:\s*,?\s+năm\s+(?P<y>{_YEAR})|\s*[/.\-]\s*(?P<y>{_YEAR}))(?!\d)"
_MONTH_AROUND = r"(?:(?:liền\s+)?trước\s+(?:tháng|kỳ|phiên|quý)|tiếp\s+theo|kế\s+tiếp|liền\s+kề|sau\s+đó)\b"
_LIST_SEP = r"\s*(?:,|;|\bvà\b|\bhoặc\b|\bđến\b|\btới\b|-)\s*(?:hết\s+)?"

TIME_EXPR = re.compile(
    rf"""
    \b(?=[\dnstqcđg])  # cheap guard: every alternative starts a word with one of these
    (?:
    (?P<dmy>(?:ngày\s+)?(?P<dr1>{_DAY}\s*[-–]\s*)?(?P<d1>{_DAY})\s*(?P<sep>[/.\-])\s*(?P<m1>{_MONTH})\s*(?P=sep)\s*(?P<y1>{_YEAR})(?!\d))
  | (?P<dmy_words>ngày\s+(?P<d2>{_DAY})\s+tháng\s+(?P<m2>{_MONTH})(?:{_YEAR_TAIL})?)
  | (?P<dm>ngày\s+(?P<dr3>{_DAY}\s*[-–]\s*)?(?P<d3>{_DAY})\s*[/.\-]\s*(?P<m3>{_MONTH})(?![.,]?\d)(?!\s*%))
  | (?P<dm_bare>(?<=(?:trước|chậm\s+nhất(?:\s+là)?|hạn|từ|đến|và|hoặc|,)\s+|\d\s*[-–]\s*)
        (?P<d4>{_DAY})\s*[/.]\s*(?P<m4>{_MONTH})(?![.,]?\d)(?!\s*%))
  # `ngày 25 tháng trước tháng họp`, `ngày 10 tháng tiếp theo`: a day in a month named by its rhythm
  | (?P<day_only>ngày\s+(?P<d5>{_DAY})(?!\s*(?:[/.\-]\s*\d|tháng(?!\s+{_MONTH_AROUND}))))
  | (?P<half>(?:(?:0?6|sáu)\s+tháng|nửa)\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{_YEAR}))?(?!\d))
  | (?P<quarter>(?:(?P<qedge>cuối|đầu)\s+)?quý\s+(?P<q>{_QUARTER})
        (?:{_LIST_SEP}(?:quý\s+)?(?P<q>{_QUARTER}))*(?:{_YEAR_TAIL})?)
  # `tháng8 năm 2015`: a copy that lost its spaces glues the month to its number
  | (?P<month>(?<!\d\s{{0,2}})(?:(?P<medge>cuối|đầu|giữa)\s+)?tháng\s*(?P<m>{_MONTH})(?![.]\d(?!\d{{3}}))
        (?:{_LIST_SEP}(?:tháng\s+)?(?P<m>{_MONTH})(?![.]\d(?!\d{{3}})))*(?:{_YEAR_TAIL})?)
  | (?P<year_range>(?:giai\s+đoạn\s+|từ\s+năm\s+|năm\s+)?(?P<ya>{_YEAR})\s*[-–]\s*(?P<yb>{_YEAR})(?!\d))
  | (?P<year>(?:(?P<yedge>cuối|giữa)\s+)?năm\s+(?P<y>{_YEAR})(?!\d)(?!\s*[-–]\s*\d))
  | (?P<bare_year>(?<![\d/.\-]\s?)(?P<y>{_YEAR})(?=\s*(?:$|[.,;:)])))
    )
    """,
    FLAGS | re.VERBOSE,
)

# every time expression holds a digit or a word naming a quarter or half year
_MAYBE_TIME = re.compile(r"\d|quý|nửa|sáu", FLAGS)
_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class TimeExpr:
    """One time expression: the period it names, resolved to its end."""
    start: int
    end: int
    grain: str  # day | day_only | month | quarter | half | year
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    window: bool = False  # `từ A đến B`: the span covers both ends, the deadline is B
    bare: bool = False  # a year written alone (`2026`): a date only where a date is expected

    def with_year(self, year: Optional[int]) -> "TimeExpr":
        return self if self.year is not None or year is None else replace(self, year=year)

    def last_day(self, before: bool = False, yearly: bool = False) -> Optional[str]:
        """ISO end of the period (`before`: the last day before it starts, for
        `trước tháng 10/2024`); `--MM-DD` for a yearly date without a year."""
        grain, year, month, day = self.grain, self.year, self.month, self.day
        if grain == "day_only" or month is None and grain != "year":
            return None
        if before and grain != "day":
            # the period before this one ends the day before it starts
            if grain == "year":
                return f"{year - 1}-12-31" if year else None
            first_month = {"month": month, "quarter": month - 2, "half": month - 5}[grain]
            if first_month == 1:
                return f"{year - 1}-12-31" if year else "--12-31" if yearly else None
            month, grain = first_month - 1, "month"
        if grain == "year":
            return f"{year}-12-31" if year else None
        if grain != "day":
            day = calendar.monthrange(year or 2001, month)[1]
        if year is None:
            return f"--{month:02d}-{day:02d}" if yearly else None
        return f"{year:04d}-{month:02d}-{day:02d}"


def _quarter_number(q: str) -> int:
    q = q.lower()
    return _ROMAN_QUARTER.get(q) or int(q)


def parse_match(m: re.Match) -> Optional[TimeExpr]:
    """The TimeExpr named by one TIME_EXPR match (None when it is not a real date)."""
    s, e = m.span()
    g = m.groupdict()

    def y(name="y"):
        caps = m.captures(name)
        return int(caps[-1]) if caps else None

    # `ngày 18-19/6/2017`: two days, due the second
    if g["dmy"]:
        return _checked(TimeExpr(s, e, "day", int(g["y1"]), int(g["m1"]), int(g["d1"]), window=bool(g["dr1"])))
    if g["dmy_words"]:
        return _checked(TimeExpr(s, e, "day", y(), int(g["m2"]), int(g["d2"])))
    if g["dm"]:
        return _checked(TimeExpr(s, e, "day", None, int(g["m3"]), int(g["d3"]), window=bool(g["dr3"])))
    if g["dm_bare"]:
        return _checked(TimeExpr(s, e, "day", None, int(g["m4"]), int(g["d4"])))
    if g["day_only"]:
        return TimeExpr(s, e, "day_only", None, None, int(g["d5"]))
    if g["half"]:
        return TimeExpr(s, e, "half", y(), 6 if g["h"].lower() == "đầu" else 12)
    # `tháng 6 đến tháng 9`, `Tháng 5-8/2020` (not `tháng 5-2026`, a month and its year)
    window = bool(re.search(r"\b(?:đến|tới)\b|\d\s*[-–]\s*(?:tháng\s+|quý\s+)?(?:IV|I{1,3}|\d{1,2})(?!\d)",
                            m.group(), FLAGS))
    if g["quarter"]:
        q = max(_quarter_number(x) for x in m.captures("q"))
        return TimeExpr(s, e, "quarter", y(), 3 * q, window=window)
    if g["month"]:
        months = [int(x) for x in m.captures("m")]
        return TimeExpr(s, e, "month", y(), max(months), window=window)
    if g["year_range"]:
        return TimeExpr(s, e, "year", max(int(g["ya"]), int(g["yb"])))
    if g["year"] or g["bare_year"]:
        return TimeExpr(s, e, "year", y(), bare=bool(g["bare_year"]))
    return None


def _checked(t: TimeExpr) -> Optional[TimeExpr]:
    if t.month and t.day:
        days = calendar.monthrange(t.year or 2000, t.month)[1]  # 2000: leap, allows 29/2
        if t.day > days:
            return None
    return t


def find_time_exprs(text: str) -> list[TimeExpr]:
    """Every time expression in `text`, with `từ A đến B` windows read as B and a
    year written once for a list (`ngày 15/6 và 15/12/2026`) given to each item."""
    if not _MAYBE_TIME.search(text):
        return []
    found = [t for t in (parse_match(m) for m in TIME_EXPR.finditer(text)) if t]
    found = _join_years(text, found)
    found = _join_windows(text, found)
    # a year written after a list of dates belongs to the earlier ones too
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.year is None and b.year is not None and a.grain in ("day", "month", "quarter") \
                and re.fullmatch(r"\s*(?:,|và|hoặc|;)?\s*(?:trước\s+)?", text[a.end:b.start], FLAGS):
            found[i] = a.with_year(b.year)
    return found


def _join_years(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """`ngày 31/12 năm 2026`, `Quý IV, năm 2026`: a year written apart is the date's own."""
    out: list[TimeExpr] = []
    for t in found:
        if out and t.grain == "year" and not t.window and out[-1].year is None \
                and out[-1].grain in ("day", "month", "quarter", "half") \
                and re.fullmatch(r"\s*,?\s*", text[out[-1].end:t.start]) \
                and not re.search(r"\d{4}\D+\d{4}", text[t.start:t.end]):
            out[-1] = replace(out[-1], end=t.end, year=t.year)
            continue
        out.append(t)
    return out


def _join_windows(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    for t in found:
        if out:
            prev = out[-1]
            gap = text[prev.end:t.start]
            opener = text[max(0, prev.start - 6):prev.start]
            # `từ 14/11 đến 25/11`; a dash alone joins two dates into a range (`Ngày 8/7-17/7/2017`)
            dash = re.fullmatch(r"\s*[-–]\s*", gap) and "year" not in (prev.grain, t.grain)
            if dash or re.fullmatch(r"\s*(?:đến|tới|-)\s*(?:hết\s+)?", gap, FLAGS) and re.search(r"từ\s*$", opener, FLAGS):
                end = t if t.year is not None or prev.year is None else t.with_year(prev.year)
                out[-1] = replace(end, start=prev.start, window=True)
                continue
        out.append(t)
    return out


# --- schedules ---------------------------------------------------------------
RANK = {"continuous": 7, "daily": 6, "weekly": 5, "monthly": 4, "quarterly": 3,
        "half-yearly": 2, "yearly": 1}

_EVERY = r"(?:hằng|hàng|mỗi|từng)"
_NO_NUMBER = r"(?!\s*(?:[/.\-]\s*)?\d)(?!\s+(?:IV|I{1,3})\b)"
RECURRENCE_PATTERNS: list[tuple[str, str]] = [
    ("continuous", r"thường\s+xuyên|liên\s+tục|(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau|kế\s+tiếp)|trở\s+đi"),
    ("daily", rf"{_EVERY}\s+ngày{_NO_NUMBER}"),
    ("weekly", rf"{_EVERY}\s+tuần|theo\s+tuần|tuần\s+một\s+lần"),
    ("monthly", rf"{_EVERY}\s+tháng{_NO_NUMBER}|theo\s+tháng{_NO_NUMBER}|tháng\s+một\s+lần"
                rf"|(?:của\s+)?tháng\s+{_MONTH_AROUND}"),
    ("quarterly", rf"{_EVERY}\s+quý{_NO_NUMBER}|theo\s+quý{_NO_NUMBER}|quý\s+một\s+lần"
                  rf"|(?:0?3|ba)\s+tháng(?:\s+(?:một\s+lần|/\s*lần))?(?!\s+(?:đầu|cuối))"
                  rf"|tháng\s+(?:cuối|đầu)\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?quý"
                  rf"|quý\s+(?:tiếp\s+theo|sau\s+đó|kế\s+tiếp)"),
    ("half-yearly", r"(?:0?6|sáu)\s+tháng(?!\s+(?:đầu|cuối)\s+năm\s+\d)|nửa\s+năm(?!\s+\d)|bán\s+niên"
                    r"|(?:0?2|hai)\s+lần\s*(?:/|một|mỗi|trong)\s*năm"),
    ("yearly", rf"{_EVERY}\s+năm{_NO_NUMBER}|theo\s+năm{_NO_NUMBER}|năm\s+một\s+lần|(?:0?1|một)\s+lần\s*(?:/|mỗi)\s*năm"
               rf"|(?:sơ\s+kết|tổng\s+kết|báo\s+cáo)\s+(?:cả\s+)?năm{_NO_NUMBER}|12\s+tháng"
               rf"|(?<!các\s|những\s)năm\s+(?:sau|tiếp\s+theo|kế\s+tiếp)"),
]
RECURRENCE = re.compile("|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p in RECURRENCE_PATTERNS), FLAGS)


# a period named bare inside a chain of periods: `định kỳ (6 tháng, năm)`
BARE_PERIOD = re.compile(r"(?:(?P<yearly>năm)|(?P<quarterly>quý)|(?P<monthly>tháng)|(?P<weekly>tuần))\b"
                         r"(?!\s*(?:[/.\-]\s*)?[\dIVX])", FLAGS)


def recurrence_of(m: re.Match) -> str:
    return m.lastgroup.replace("_", "-")


def most_frequent(recurrences) -> Optional[str]:
    rs = [r for r in recurrences if r]
    return max(rs, key=RANK.__getitem__) if rs else None


def find_recurrences(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), recurrence_of(m)) for m in RECURRENCE.finditer(text)]


# --- the text's own date -----------------------------------------------------
# a copy that carries its publication date on top: ` date 2025-08-18`
_DATE_STAMP = re.compile(r"\A\s*date\s+(?P<y>(?:19|20)\d{2})(?:-\d{1,2}){0,2}\b", FLAGS)
# the place-date line of an official header: `Hà Nội, ngày 20 tháng 11 năm 2023`
_PLACE = r"(?:^|\|)[^\S\n]*\p{Lu}\p{Ll}*\.?(?:\s+\p{Lu}\p{Ll}*\.?){0,4},\s*ngày\s*"
_PLACE_DATE = re.compile(
    rf"{_PLACE}[\d.…_\s]*tháng\s*[\d.…_\s]*năm\s*(?P<y>{_YEAR})"
    rf"|{_PLACE}{_DAY}\s*[/.\-]\s*{_MONTH}\s*[/.\-]\s*(?P<y>{_YEAR})",
    re.VERSION1 | re.MULTILINE,  # case-sensitive: a place name is capitalised
)
# a news page's dateline (`Báo Dân trí03/03/2025`, `Thứ tư 21/02/2024 07:50`); a date after
# `ngày` dates a cited document instead
_DATELINE = re.compile(rf"(?<!ngày\s{{0,3}})(?<![\d/.\-])\d{{1,2}}\s*([/\-])\s*\d{{1,2}}\s*\1\s*(?P<y>{_YEAR})(?!\d)", FLAGS)
_HEAD_CHARS = 400


def text_date(text: str) -> Optional[str]:
    """The text's own date as ISO `YYYY-MM-DD` when its day is printed (stamp, header
    date or dateline), else None."""
    m = _DATE_STAMP.match(text)
    if m:
        full = re.match(r"\s*date\s+(\d{4})-(\d{1,2})-(\d{1,2})\b", text)
        return _iso(*full.groups()) if full else None
    m = _PLACE_DATE.search(text, 0, 3000) or _DATELINE.search(text, 0, _HEAD_CHARS)
    if not m:
        return None
    nums = re.findall(r"\d+", m.group())
    return _iso(nums[-1], nums[-2], nums[-3]) if len(nums) >= 3 else None


def _iso(y, m, d) -> Optional[str]:
    y, m, d = int(y), int(m), int(d)
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def text_year(text: str) -> Optional[int]:
    """The year of the text's own date (its stamp, header date or dateline): a date
    written without a year in a letter or a news item falls in it."""
    m = _DATE_STAMP.match(text) or _PLACE_DATE.search(text, 0, 3000) or _DATELINE.search(text, 0, _HEAD_CHARS)
    return int(m.group("y")) if m else None
