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
from datetime import date
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

import regex as re

from extractors import lexicon
from extractors.anchored import OpeningWords, RequiredWords

FLAGS = re.IGNORECASE | re.VERSION1

# --- building blocks ---------------------------------------------------------
_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:0?[1-9]|1[0-2])(?!\d)"
# news writes a month as a capitalised word: `trong tháng Tám`, `tháng Mười Hai`, `tháng Giêng`
_MONTH_WORDS = {"giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_MONTH_WORD = r"(?-i:Giêng|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười(?:\s+(?:Một|Hai))?|Chạp)(?!\p{L})(?!\s+\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_QUARTER = r"(?:IV|I{1,3}|0?[1-4](?!\d))"
# a year joined to a month/quarter/day: ` năm 2026`, `/2026`, `-2026`, `.2026`
_YEAR_TAIL = rf"(?:\s*,?\s+năm\s+(?P<y>{_YEAR})|\s*[/.\-]\s*(?P<y>{_YEAR}))(?!\d)"
_MONTH_AROUND = r"(?:(?:liền\s+)?trước\s+(?:tháng|kỳ|phiên|quý)|tiếp\s+theo|kế\s+tiếp|liền\s+kề|sau\s+đó)\b"
# a number also spelled out in brackets, as circulars write it: `ngày 25 (hai mươi lăm) tháng 11 (mười một)`
_SPELLED = r"(?:\s*\(\p{Ll}[\p{Ll} ]{0,24}\))?"
# `ngày 05 tháng cuối cùng của mỗi quý`: a day in the month that closes (opens) each quarter
_QUARTER_EDGE = r"(?:cuối|đầu)(?:\s+cùng)?\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?quý"
_LIST_SEP = r"\s*(?:,|;|\bvà\b|\bhoặc\b|\bđến\b|\btới\b|-|–)\s*(?:hết\s+)?"

TIME_EXPR = re.compile(
    rf"""
    \b(?=[\dnstqcđg])  # cheap guard: every alternative starts a word with one of these
    (?:
    # (`ngày 28.6-2017`: news joins the day and month with a dot, the year with a dash)
    (?P<dmy>(?:ngày\s+)?(?P<dr1>{_DAY}\s*[-–]\s*)?(?P<d1>{_DAY})\s*(?P<sep>[/.\-])\s*(?P<m1>{_MONTH})\s*(?:(?P=sep)|(?<=\.\s*\d{{1,2}}\s*)-)\s*(?P<y1>{_YEAR})(?!\d))
  | (?P<dmy_words>ngày\s+(?P<d2>{_DAY}){_SPELLED}\s+tháng\s+(?P<m2>{_MONTH}){_SPELLED}(?:{_YEAR_TAIL})?)
  | (?P<dm>ngày\s+(?P<dr3>{_DAY}\s*[-–]\s*)?(?P<d3>{_DAY})\s*[/.\-]\s*(?P<m3>{_MONTH})(?![.,]?\d)(?!\s*%))
  # (`thời hạn gửi báo cáo là 30/10 hàng năm`: a day and month that recur each year are a date,
  # whatever word stands before them; a fraction does not recur)
  | (?P<dm_bare>(?:(?<=(?:trước|chậm\s+nhất(?:\s+là)?|hạn|từ|đến|hết|và|hoặc|,)\s+|\d\s*[-–]\s*)
        |(?=\d{{1,2}}\s*[/.]\s*\d{{1,2}}\s*,?\s*(?:hằng|hàng)\s+năm\b))
        (?P<d4>{_DAY})\s*[/.]\s*(?P<m4>{_MONTH})(?![.,]?\d)(?!\s*%))
  # `hoàn tất sắp xếp cấp xã trước 15-7`: a dash after a deadline word (not `trước 3-5 ngày`)
  # (`từ ngày 1 đến 10-6`, `từ 13 đến hết 15-2`: the end of a window of days opened on a bare day is a day and month too)
  | (?P<dm_dash>(?<=(?:trước|chậm\s+nhất(?:\s+là)?|\btừ\s+(?:ngày\s+)?\d{{1,2}}\s+(?:đến|tới)(?:\s+hết)?)\s+)(?P<d6>{_DAY})\s*[-–]\s*(?P<m6>{_MONTH})(?![.,]?\d)
        (?!\s*(?:%|[-–/]|ngày|tháng|năm|tuần|giờ|phút|lần)))
  # `ngày 25 tháng trước tháng họp`, `ngày 10 tháng tiếp theo`: a day in a month named by its rhythm
  | (?P<day_only>ngày\s+(?P<d5>{_DAY}){_SPELLED}(?!\s*(?:[/.\-]\s*\d|tháng(?!\s+(?:{_MONTH_AROUND}|{_QUARTER_EDGE})))))
  | (?P<half>(?:(?:0?6|sáu)\s+tháng|nửa)\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{_YEAR}))?(?!\d))
  # `trong 3 tháng cuối năm 2018`: the last three months of a year are its last quarter (the first
  # three, `3 tháng đầu năm`, are mostly a report's period in news of results: left unread)
  | (?P<quarter_months>0?3\s+tháng\s+cuối\s+năm(?:\s+(?P<y>{_YEAR}))?(?!\d))
  | (?P<quarter>(?:(?P<qedge>cuối|đầu)\s+)?quý\s+(?P<q>{_QUARTER})
        (?:{_LIST_SEP}(?:quý\s+)?(?P<q>{_QUARTER}))*(?:{_YEAR_TAIL})?)
  # `tháng8 năm 2015`: a copy that lost its spaces glues the month to its number
  # (a month listed after a comma may carry its own edge: `ngay trong tháng 2, đầu tháng 3/2023` ends with
  # March; after `;` it opens another clause: `… đến hết tháng 5; đầu tháng 8 sẽ tổ chức …`)
  # (`tháng 6 và 6 tháng đầu năm 2020`: a number followed by `tháng` counts months, it lists none)
  | (?P<month>(?<!\d\s{{0,2}})(?:(?P<medge>cuối|đầu|giữa)\s+)?tháng\s*(?:(?P<m>{_MONTH})(?![.]\d(?!\d{{3}}))|\s(?P<m>{_MONTH_WORD}))
        (?:(?:{_LIST_SEP}(?:tháng\s+)?|\s*(?:,|\bvà\b)\s*(?:cuối|đầu|giữa)\s+tháng\s+)(?P<m>{_MONTH})(?![.]\d(?!\d{{3}}))(?!\s+tháng\b))*(?:{_YEAR_TAIL})?)
  | (?P<year_range>(?:giai\s+đoạn\s+|từ\s+năm\s+|năm\s+)?(?P<ya>{_YEAR})\s*[-–]\s*(?P<yb>{_YEAR})(?!\d))
  | (?P<year>(?:(?P<yedge>cuối|giữa)\s+)?năm\s+(?P<y>{_YEAR})(?!\d)(?!\s*[-–]\s*\d))
  | (?P<bare_year>(?<![\d/.\-]\s?)(?P<y>{_YEAR})(?=\s*(?:$|[.,;:)])))
    )
    """,
    FLAGS | re.VERBOSE,
)

# every time expression holds a digit, a word naming a quarter or half year, or a month written as
# a word (after `tháng`): a text with none of them is not searched (`in` over the lower-cased text
# and one digit search cost less than a case-insensitive search of the words)
_TIME_HINTS = RequiredWords("quý", "nửa", "sáu", "tháng")
_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Every TIME_EXPR match opens with a digit (the start of a run of digits: `\b` holds before it)
# or with one of these words, any case (`ngày 30/8`, `tháng 8`, `quý III`, `năm 2026`, `giai đoạn`,
# `từ năm`, `cuối|đầu|giữa` + period, `nửa`/`sáu tháng đầu năm`): it is tried there only, not at
# every character (tests/test_anchored.py checks the words against the pattern's branches)
TIME_WORDS = OpeningWords("ngày", "tháng", "quý", "năm", "giai", "từ", "cuối", "đầu", "giữa", "nửa", "sáu")
_DIGITS = re.compile(r"\d+")


def time_expr_matches(text: str):
    """`TIME_EXPR.finditer(text)`: the same matches, tried at digit runs and `TIME_WORDS` only."""
    return TIME_WORDS.finditer(TIME_EXPR, text, also=[m.start() for m in _DIGITS.finditer(text)])


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


_WINDOW_SIGN = re.compile(r"\b(?:đến|tới)\b|\d\s*[-–]\s*(?:tháng\s+|quý\s+)?(?:IV|I{1,3}|\d{1,2})(?!\d)", FLAGS)


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
    if g["dm_dash"]:
        return _checked(TimeExpr(s, e, "day", None, int(g["m6"]), int(g["d6"])))
    if g["day_only"]:
        return TimeExpr(s, e, "day_only", None, None, int(g["d5"]))
    if g["half"]:
        return TimeExpr(s, e, "half", y(), 6 if g["h"].lower() == "đầu" else 12)
    if g["quarter_months"]:
        return TimeExpr(s, e, "quarter", y(), 12)
    # `tháng 6 đến tháng 9`, `Tháng 5-8/2020` (not `tháng 5-2026`, a month and its year)
    window = bool(_WINDOW_SIGN.search(m.group()))
    if g["quarter"]:
        q = max(_quarter_number(x) for x in m.captures("q"))
        return TimeExpr(s, e, "quarter", y(), 3 * q, window=window)
    if g["month"]:
        months = [int(x) if x.isdigit() else _MONTH_WORDS[" ".join(x.lower().split())] for x in m.captures("m")]
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


# `trước ngày 15/6 và 15/12/2025`: the dates of a list share the last one's year
_DATE_LIST_GLUE = re.compile(r"\s*(?:,|và|hoặc|;)?\s*(?:trước\s+)?", FLAGS)


def find_time_exprs(text: str) -> list[TimeExpr]:
    """Every time expression in `text`, with `từ A đến B` windows read as B and a
    year written once for a list (`ngày 15/6 và 15/12/2026`) given to each item."""
    return list(_time_exprs(text))


@lru_cache(maxsize=2048)  # (deadlines, tasks and targets read the same sentences; TimeExpr is frozen)
def _time_exprs(text: str) -> tuple[TimeExpr, ...]:
    if _TIME_HINTS.absent(text) and not _DIGITS.search(text):
        return ()
    found = [t for t in (parse_match(m) for m in time_expr_matches(text)) if t]
    found = _join_years(text, found)
    found = _join_windows(text, found)
    # a year written after a list of dates belongs to the earlier ones too
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.year is None and b.year is not None and a.grain in ("day", "month", "quarter") \
                and _DATE_LIST_GLUE.fullmatch(text[a.end:b.start]):
            found[i] = a.with_year(b.year)
    return tuple(found)


_COMMA_GAP = re.compile(r"\s*,?\s*")
_TWO_YEARS = re.compile(r"\d{4}\D+\d{4}")


def _join_years(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """`ngày 31/12 năm 2026`, `Quý IV, năm 2026`: a year written apart is the date's own."""
    out: list[TimeExpr] = []
    for t in found:
        if out and t.grain == "year" and not t.window and out[-1].year is None \
                and out[-1].grain in ("day", "month", "quarter", "half") \
                and _COMMA_GAP.fullmatch(text[out[-1].end:t.start]) \
                and not _TWO_YEARS.search(text[t.start:t.end]):
            out[-1] = replace(out[-1], end=t.end, year=t.year)
            continue
        out.append(t)
    return out


_DASH_GAP = re.compile(r"\s*[-–]\s*")
_UNTIL_GAP = re.compile(r"\s*(?:đến|tới|-)\s*(?:hết\s+)?", FLAGS)
_FROM_BEFORE = re.compile(r"từ\s*$", FLAGS)


def _join_windows(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    for t in found:
        if out:
            prev = out[-1]
            gap = text[prev.end:t.start]
            opener = text[max(0, prev.start - 6):prev.start]
            # `từ 14/11 đến 25/11`; a dash alone joins two dates into a range (`Ngày 8/7-17/7/2017`)
            dash = _DASH_GAP.fullmatch(gap) and "year" not in (prev.grain, t.grain)
            if dash or _UNTIL_GAP.fullmatch(gap) and _FROM_BEFORE.search(opener):
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
_PHRASE_MARKS = {"{every}": _EVERY, "{no number}": _NO_NUMBER, "{month around}": _MONTH_AROUND}


def _phrase_pattern(phrase: str) -> str:
    """A recurrences.tsv phrase as a pattern: a space stands for any run of white space,
    a `{mark}` for its piece of grammar."""
    pieces = re.split(r"(\{[a-z ]+\})", phrase)
    return "".join(_PHRASE_MARKS[p] if p in _PHRASE_MARKS else p.replace(" ", r"\s+") for p in pieces)


def _recurrence_patterns() -> list[tuple[str, str]]:
    """(recurrence, alternation of its phrases), recurrences and phrases in the table's order."""
    phrases: dict[str, list[str]] = {}
    for phrase, recurrence in lexicon.recurrence_phrases():
        phrases.setdefault(recurrence, []).append(_phrase_pattern(phrase))
    return [(recurrence, "|".join(ps)) for recurrence, ps in phrases.items()]


# the phrases that give a schedule its rhythm (lexicon/recurrences.tsv)
RECURRENCE_PATTERNS: list[tuple[str, str]] = _recurrence_patterns()
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


# --- calendar dates: the pieces every date reader composes ---------------------
# A date printed as digits is read loosely (`\d{1,2}`, `\d{4}`) and checked by `iso_date`:
# a citation or header keeps its span even when its day is a typo (`ngày 31/4/2020`).
YEAR, MONTH, DAY = _YEAR, _MONTH, _DAY


def dmy(d: str = "d", m: str = "m", y: str = "y", spaced: bool = True,
        words: Optional[tuple[str, str]] = None) -> str:
    """The pattern of a day-month-year date with named groups: `24/3/2026`, `24-3-2026`,
    `24.3.2026` (separators may differ: copies mix them), and with `words=(m2, y2)` also
    `24 tháng 3 năm 2026`, the day shared. `spaced=False`: no spaces around separators
    (a page's dateline, where `29 / 05` is not a date)."""
    sep = r"\s*[/.\-]\s*" if spaced else r"[/.\-]"
    num = rf"(?P<{d}>\d{{1,2}}){sep}(?P<{m}>\d{{1,2}}){sep}(?P<{y}>\d{{4}})"
    if words is None:
        return num
    m2, y2 = words
    return (rf"(?P<{d}>\d{{1,2}})\s*(?:[/.\-]\s*(?P<{m}>\d{{1,2}})\s*[/.\-]\s*(?P<{y}>\d{{4}})"
            rf"|(?i:tháng)\s*(?P<{m2}>\d{{1,2}})\s+(?i:năm)\s*(?P<{y2}>\d{{4}}))")


def iso_date(day, month, year) -> Optional[str]:
    """`YYYY-MM-DD` for a real calendar day, else None (`31/4`, `29/2/2023`)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


# --- the text's own date -----------------------------------------------------
# One reader for "when was this text written", which deadlines (the year of a date written
# without one, `today` for relative deadlines), targets (`plan_year`) and the document's
# facts (its `date`) all need. In order of trust:
#   stamp    a copy that carries its publication date on top: ` date 2025-08-18`
#   header   the place-date line of an official header: `Hà Nội, ngày 20 tháng 11 năm 2023`,
#            blanks left in a draft (`ngày … tháng 6 năm 2022`) give what is known
#   page     a news page's publication line: `Ngày đăng: 05/03/2024`, `- 07-03-2024`,
#            `29/05/2020 - 21:00`, `THỨ BA, 25/02/2020 08:51:00`, `18 Tháng Giêng 2023`
#   dateline any date near the top not after `ngày` (`Báo Dân trí03/03/2025`): a date after
#            `ngày` dates a cited document instead
_STAMP = re.compile(r"\A\s*date\s+(?P<y>(?:19|20)\d{2})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?![\d-])", FLAGS)
_BLANK = r"[\s._…]*"
# a place name in its header cell: capitalised words, `Phan Rang-Tháp Chàm`, `Bà Rịa - Vũng Tàu`,
# `TP. Hồ Chí Minh` (the `TP.` is not part of the place)
_PLACE_NAME = (r"(?:TP\.?\s*)?(?P<place>\p{Lu}\p{Ll}*\.?(?:(?:[^\S\n]*\n?[^\S\n]*|[^\S\n]*-[^\S\n]*)"
               r"\p{Lu}\p{Ll}*\.?){0,4})")
# the comma after the place may be missing (`Hà Nội ngày 15 tháng 8 năm 2018`) only on a line that
# holds nothing else: `Vào ngày 28 tháng 01 năm 2022, …` opens a sentence
_HEADER_DATE = (rf"(?:\s*,\s*|[^\S\n]+(?=ngày[^\n]*?\d{{4}}[^\S\n]*$))ngày\s*(?:{dmy()}"
                rf"|(?P<d2>\d{{1,2}})?{_BLANK}tháng\s*(?P<m2>\d{{1,2}})?{_BLANK}năm\s*(?P<y2>\d{{4}})?)")
# the place-date line as a header cell (the document reads its cells one by one)
PLACE_DATE = re.compile(rf"^[^\S\n]*{_PLACE_NAME}{_HEADER_DATE}", re.VERSION1 | re.MULTILINE)  # case-sensitive: a place is capitalised
# the same line anywhere in the head: a cell opens a line, follows `|`, the motto or a rule
# line, or the `Số:` cell a copy ran it into (`Số: 245/KH-UBND Quảng Trị, ngày …`)
_PLACE_DATE_IN_TEXT = re.compile(
    rf"(?:^|(?<=\||Hạnh\s+phúc|-{{3}}|\bSố\s*:?\s*\S+))[^\S\n]*{_PLACE_NAME}{_HEADER_DATE}",
    re.VERSION1 | re.MULTILINE)
_HEADER_CHARS = 3000
_PAGE_LABEL = r"(?i:Ngày\s+đăng|Đăng\s+ngày|Xuất\s+bản|Cập\s+nhật(?:\s+lúc)?|[\w-]*publish-date)"
_WEEKDAY = r"(?i:Thứ)\s+[\p{L}\d]+\s*,?\s*"
# a time, a time zone or a view counter after a page's date: what makes a line a dateline
_CLOCK_TAIL = (r"[^\S\n]*(?:[-|,–][^\S\n]*)?(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|CH|SA))?)?[^\S\n]*"
               r"(?:\(?\[?GMT[^)\]\n]*[)\]]?)?[^\S\n]*(?:[-|][^\S\n]*\d*[^\S\n]*)?$")
_PAGE_DATE = re.compile(
    rf"^[^\S\n]*(?:{_PAGE_LABEL}\s*:?\s*(?:\d{{1,2}}:\d{{2}}\s+)?(?:{_WEEKDAY})?(?:(?i:Ngày)\s+)?"
    rf"(?P<lab>){dmy(spaced=False)}"
    rf"|[-–][^\S\n]*{dmy('d2', 'm2', 'y2', spaced=False)}"
    rf"|(?:{_WEEKDAY})?(?:(?i:Ngày)\s+)?{dmy('d3', 'm3', 'y3', spaced=False)}(?={_CLOCK_TAIL}))",
    re.VERSION1 | re.MULTILINE)
_PAGE_LABEL_ANYWHERE = re.compile(rf"(?<![\p{{L}}]){_PAGE_LABEL}\s*:?\s*{dmy(spaced=False)}", re.VERSION1)
# a word every `_PAGE_LABEL` holds: without one, `_PAGE_LABEL_ANYWHERE` (whose `[\w-]*publish-date`
# backtracks through every word of the page's head) cannot match
_PAGE_LABEL_WORD = re.compile(r"(?i:đăng|xuất\s+bản|cập\s+nhật|publish-date)", re.VERSION1)
_MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_PAGE_DATE_WORDS = re.compile(r"(?<!\d)(?P<d>\d{1,2}) Tháng (?P<m>Giêng|Chạp|Mười Một|Mười Hai|Một|Hai|Ba|Tư|Năm|Sáu|"
                              r"Bảy|Tám|Chín|Mười) (?P<y>\d{4})")
_PAGE_CHARS = 1500
_DATELINE = re.compile(rf"(?<!ngày\s{{0,3}})(?<![\d/.\-])\d{{1,2}}\s*([/\-])\s*\d{{1,2}}\s*\1\s*(?P<y>{_YEAR})(?!\d)", FLAGS)
_DATELINE_CHARS = 400


@dataclass(frozen=True)
class OwnDate:
    """When a text was written, as far as it says: `iso` when its day is printed, `year`
    (and `month`) when less is, `where` it was read (stamp | header | page | dateline),
    and for a header line its `place` and position."""
    iso: Optional[str] = None
    year: Optional[int] = None
    where: Optional[str] = None
    month: Optional[int] = None
    place: Optional[str] = None
    start: int = -1


def _own(where: str, m: re.Match, d, mo, y, place=None) -> OwnDate:
    year = int(y) if y else None
    month = int(mo) if mo and 1 <= int(mo) <= 12 else None
    return OwnDate(iso_date(d, mo, y) if d and mo and y else None, year, where, month, place, m.start())


def _group(m: re.Match, *names):
    return next((m.group(n) for n in names if m.group(n)), None)


_WHITESPACE = re.compile(r"\s+")


def header_date(m: re.Match) -> OwnDate:
    """The date a PLACE_DATE match prints (blanks give a year, or a year and month)."""
    return _own("header", m, _group(m, "d", "d2"), _group(m, "m", "m2"), _group(m, "y", "y2"),
                _WHITESPACE.sub(" ", m.group("place")).strip())


def page_date(text: str) -> Optional[OwnDate]:
    """A news page's publication date among its first lines (`page`). A labelled one
    (`Ngày đăng: 05/03/2024`) comes first: a bare weekday-and-date line above it may be the
    portal's clock (`Thứ 3, Ngày 25/06/2024 -`)."""
    head = text[:_PAGE_CHARS]
    m = (_PAGE_LABEL_WORD.search(head) and _PAGE_LABEL_ANYWHERE.search(head)) or _PAGE_DATE.search(head) \
        or _PAGE_DATE_WORDS.search(head)
    if not m:
        return None
    month = _group(m, "m", "m2", "m3")
    return _own("page", m, _group(m, "d", "d2", "d3"), _MONTH_WORDS.get(month.lower(), month),
                _group(m, "y", "y2", "y3"))


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=64)  # asked once per sentence of a plan about the same text; OwnDate is frozen
def own_date(text: str) -> OwnDate:
    """The text's own date (see above); an empty OwnDate when it shows none."""
    m = _STAMP.match(text)
    if m:
        return _own("stamp", m, m.group("d"), m.group("m"), m.group("y"))
    m = _PLACE_DATE_IN_TEXT.search(text, 0, _HEADER_CHARS)
    if m and _group(m, "y", "y2"):
        return header_date(m)
    page = page_date(text)
    if page:
        return page
    m = _DATELINE.search(text, 0, _DATELINE_CHARS)
    if m:
        nums = _DIGITS.findall(m.group())
        return _own("dateline", m, nums[0], nums[1], nums[2])
    return OwnDate()


def text_date(text: str) -> Optional[str]:
    """The text's own date as ISO `YYYY-MM-DD` when its day is printed, else None."""
    return own_date(text).iso


def text_year(text: str) -> Optional[int]:
    """The year of the text's own date: a date written without a year in a letter or a
    news item falls in it."""
    return own_date(text).year
