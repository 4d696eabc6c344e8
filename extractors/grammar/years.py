"""Year mentions around a target: when a value is due, and what it is compared with.

`đến năm 2030`, `vào năm 2025`, `trong năm 2025` say when a value is due;
`từ năm 2026 đến năm 2030` is due at its end; `so với năm 2020` is a baseline;
`giai đoạn 2021-2025` names a period (due at its end, but only trusted in
headings and lead-in lines, because running text also names programmes by
their period); `tầm nhìn / định hướng đến năm 2045` is a horizon beyond the
plan's own.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from extractors.grammar.dates import YEAR as _YEAR, dmy, own_date
from extractors.grammar.markers import ROMAN_RUN

_Y = r"((?:19|20)\d\d)(?!\d)"
_PATTERNS = [
    # (`tăng 7,5-8% so năm 2022`, `so cùng kỳ năm 2022`: `với` left out)
    ("baseline", re.compile(rf"so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?(?:cuối\s+)?(?:năm\s+)?{_Y}", re.I)),
    # `cao hơn từ 1,5 đến 2,5% so với con số thực hiện của năm 2013`: what a figure is compared with
    # (`tăng 1,19% so ước thực hiện năm 2017`: `với` left out here too)
    ("baseline", re.compile(rf"(?<!\p{{L}})so\s+(?:với\s+)?(?:[\p{{L}}]+\s+){{1,5}}?(?:của\s+)?năm\s+{_Y}", re.I)),
    # `gấp 2,2 lần so với giai đoạn 2010- 2015`: the period compared with
    # `so với trung bình hàng năm giai đoạn 2011 - 2016`, `thấp hơn giai đoạn 2011-2020`
    ("baseline", re.compile(rf"(?:so\s+với|(?:thấp|cao|nhiều|ít)\s+hơn)\s+(?:[\p{{L}}]+\s+){{0,4}}?(?:giai\s+đoạn|nhiệm\s+kỳ|"
                            rf"thời\s+kỳ)\s+(?:{_Y}\s*(?:-|–|đến)\s*)?{_Y}", re.I)),
    # `tốc độ tăng giá tiêu dùng (CPI) thấp hơn năm 2012`: the year compared with
    ("baseline", re.compile(rf"(?:thấp|cao|nhiều|ít|lớn|nhỏ)\s+hơn\s+(?:cùng\s+kỳ\s+)?(?:cuối\s+)?năm\s+{_Y}", re.I)),
    # `theo giá so sánh năm 2010`: the price base a value is measured in
    ("baseline", re.compile(rf"giá\s+so\s+sánh\s+(?:năm\s+)?{_Y}", re.I)),
    # `Từ năm học 2025-2026, TPHCM kiểm tra …`: from a school year on, due in none
    ("start", re.compile(rf"từ\s+năm\s+học\s+{_Y}\s*-\s*(?:19|20)\d\d(?!\d)", re.I)),
    # `Năm học 2025-2026`: a school year ends in its second calendar year
    ("range", re.compile(rf"năm\s+học\s+{_Y}\s*-\s*{_Y}", re.I)),
    ("range", re.compile(rf"(?:từ\s+(?:năm\s+)?|năm\s+){_Y}\s*(?:-|đến|tới)\s*(?:hết\s+)?(?:năm\s+)?{_Y}", re.I)),
    # a term of office or planning period (`nhiệm kỳ 2020-2025`, `thời kỳ 2021 - 2030`)
    ("period", re.compile(rf"(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s+(?:mới\s+)?(?:từ\s+)?(?:năm\s+)?{_Y}\s*(?:-|đến|tới)\s*(?:năm\s+)?{_Y}", re.I)),
    # (`Tầm nhìn 2045 người dân có tuổi thọ …`: a vision names its year without `đến` too)
    ("horizon", re.compile(rf"(?:tầm\s+nhìn\s+(?:(?:đến|tới)\s+)?|định\s+hướng\s+(?:đến|tới)\s+)(?:hết\s+)?(?:năm\s+)?{_Y}", re.I)),
    # `tinh giản 20% biên chế ngay trong năm 2025 và 2026`: years named together are due by the last
    ("due", re.compile(rf"(?:trong|vào)\s+(?:các\s+)?năm\s+(?:19|20)\d\d\s*(?:,|và)\s*(?:năm\s+)?{_Y}", re.I)),
    ("due", re.compile(rf"(?:đến|tới|vào|trong|hết|cuối|trước|sau)\s+(?:(?:cuối|hết|đầu)\s+)?(?:năm\s+)?{_Y}", re.I)),
    # `từ nay đến tháng 12/2024`, `đến hết tháng 8-2022`: due in that month's year
    ("due", re.compile(rf"(?:đến|tới|trước|hết|cuối)\s+(?:(?:cuối|hết)\s+)?tháng\s+\d{{1,2}}\s*(?:[/.-]|năm)\s*{_Y}", re.I)),
    # `phấn đấu đến 30-6-2018 sẽ có 100% xã`: due on that day, in its year (not the day a count
    # is taken at: `tính đến ngày 30-11-2025, UBND phường đã tiếp nhận …`)
    ("due", re.compile(rf"(?<!tính\s)(?:đến|tới|trước)\s+(?:hết\s+)?(?:ngày\s+)?\d{{1,2}}\s*([/.-])\s*\d{{1,2}}\s*\1\s*{_Y}", re.I)),
    # `trong quý II/2022 đạt 60% trở lên`: due in that quarter's year
    ("due", re.compile(rf"(?:đến|tới|trước|hết|cuối|trong)\s+(?:(?:cuối|hết)\s+)?quý\s+(?:IV|I{{1,3}}|[1-4])\s*(?:[/.-]|năm)\s*{_Y}", re.I)),
    # the year a report's work plan is for, written without `năm`: `Nhiệm vụ trọng tâm 2020, Hội … phấn đấu`
    ("due", re.compile(rf"(?:nhiệm\s+vụ|phương\s+hướng)(?:\s+(?:trọng\s+tâm|chủ\s+yếu|trọng\s+điểm))?\s+{_Y}", re.I)),
    ("start", re.compile(rf"(?:từ|đầu)\s+(?:năm\s+)?{_Y}", re.I)),
    ("bare", re.compile(rf"(?<!tháng\s+\d{{1,2}}\s+)(?<![/\-.\d])năm\s+{_Y}", re.I)),
]


@dataclass
class YearMention:
    kind: str  # baseline, range, period, horizon, due, start, bare
    year: int
    start: int
    end: int


# every pattern above holds `_Y`: a text without such a year holds no mention (one pass, not eleven)
_ANY_YEAR = re.compile(_Y)


def year_mentions(text: str, base: int = 0) -> list[YearMention]:
    if not _ANY_YEAR.search(text):
        return []
    found: list[YearMention] = []
    # spans taken by earlier patterns: disjoint, kept sorted, so the one starting last
    # before a match's end is the only one that can overlap it (a bisect, not a scan)
    starts: list[int] = []
    ends: list[int] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            k = bisect.bisect_left(starts, m.end())
            if k and ends[k - 1] > m.start():
                continue
            year = int(m.group(m.lastindex))
            found.append(YearMention(kind, year, base + m.start(), base + m.end()))
            starts.insert(k, m.start())
            ends.insert(k, m.end())
    return sorted(found, key=lambda y: y.start)


# A year mention, and what its patterns read before and after it, spans at most this many
# characters (a few words): `mentions_before` relies on it.
_REACH = 200


@lru_cache(maxsize=64)
def _span_mentions(text: str, start: int, end: int) -> tuple[list[YearMention], list[int]]:
    found = year_mentions(text[start:end], start)
    return found, [y.end for y in found]  # disjoint and sorted: the ends are sorted too


def mentions_before(text: str, start: int, end: int, stop: int) -> list[YearMention]:
    """`year_mentions(text[start:stop], start)` for a `stop` inside text[start:end], without
    reading the span up to `stop` again for every stop: the span's mentions are found once,
    and only the last few hundred characters before `stop` are read, where the cut at `stop`
    can change what is found (a sentence of thousands of years and values stays linear)."""
    if stop - start <= 3 * _REACH:
        return year_mentions(text[start:stop], start)
    found, ends = _span_mentions(text, start, end)
    cut = stop - _REACH  # mentions ending by here read nothing at or past `stop`
    tail_start = stop - 3 * _REACH  # far enough back that the mentions past `cut` are whole
    return found[:bisect.bisect_right(ends, cut)] + [
        y for y in year_mentions(text[tail_start:stop], tail_start) if y.end > cut]


def first_after(text: str, start: int, end: int, frm: int, kind: str) -> Optional[YearMention]:
    """The first mention of `kind` in `year_mentions(text[frm:end], frm)`, for a `frm` inside
    text[start:end]: the first few hundred characters from `frm` read again (where the cut at
    `frm` can change what is found), the rest of the span looked up in its mentions (found
    once), so the values of a long clause do not each read the clause to its end."""
    if end - frm <= 3 * _REACH:
        return next((y for y in year_mentions(text[frm:end], frm) if y.kind == kind), None)
    border = frm + _REACH  # mentions starting from here read nothing before `frm`
    head = next((y for y in year_mentions(text[frm:frm + 3 * _REACH], frm)
                 if y.start < border and y.kind == kind), None)
    if head is not None:
        return head
    starts, of_kind = _kind_starts(text, start, end, kind)
    k = bisect.bisect_left(starts, border)
    return of_kind[k] if k < len(of_kind) else None


@lru_cache(maxsize=64)
def _kind_starts(text: str, start: int, end: int, kind: str) -> tuple[list[int], list[YearMention]]:
    of_kind = [y for y in _span_mentions(text, start, end)[0] if y.kind == kind]
    return [y.start for y in of_kind], of_kind


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


# a date written out in words near the top of an excerpt (`Ngày 18 tháng 7 năm 2025 Uỷ ban nhân dân
# xã … đã ban hành`, `Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018`): the plan's own or that
# of what it carries out, either way its year is the plan's
_OPENING_DATE = re.compile(rf"ngày[\s\d./…_-]*tháng[\s\d./…_-]*năm\s+{_Y}", re.I)
_PERIOD_START = re.compile(rf"(?:giai\s+đoạn|nhiệm\s+kỳ)\s+{_Y}\s*[-–]", re.I)  # a congress sits at its term's start
_CITED_DATE = re.compile(rf"ngày\s+{dmy()}\b")  # lower case: `Ngày 03/6/2020, …` opens a news item
_HEAD_CHARS = 1500
# a whole line that is only a date (a weekday, the date, a clock time, a time zone, a view counter):
# a news page shows one for the site's clock above its headline and one for the story below it
_DATE_ONLY_LINE = re.compile(rf"^[ \t]*(?:(?:Thứ\s+[\p{{L}}\d]+|Chủ\s+nhật)\s*,\s*)?(?:Ngày\s+)?"
                             rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_Y})[ \t,|:\d()\[\]GMTSACH+-]*$", re.I | re.M)
_CLOCK_LINE_CHARS = 400
# an elapsed part of a year, told as done (`Lũy kế 8 tháng năm 2023`, `6 tháng đầu năm 2024`, `quý III năm 2024`)
_ELAPSED_PART_YEAR = re.compile(rf"\b(?:lũy\s+kế\s+\d{{1,2}}\s+tháng|\d{{1,2}}\s+tháng\s+đầu)\s+năm\s+{_Y}", re.I)


_WHOLE_YEAR = re.compile(_YEAR)


def plan_year(clean: str) -> Optional[int]:
    """The year a plan is issued in: its own date (`grammar.dates.own_date`: stamp, header,
    page date, dateline), else the first date written out near its top, else the start of
    the period its title names, else (an excerpt) the newest date it cites."""
    own = own_date(clean)
    if own.year:
        return _story_year(clean, own.year)
    head = clean[:_HEAD_CHARS]
    # a text that tells an elapsed part of a year (`Lũy kế 8 tháng năm 2023, chỉ số … tăng 4,01%`) is
    # written no earlier than that year, whatever period it serves
    elapsed = max((int(m.group(1)) for m in _ELAPSED_PART_YEAR.finditer(head)), default=None)
    m = _OPENING_DATE.search(head) or _PERIOD_START.search(head)
    if m:
        return max(int(m.group(1)), elapsed or 0)
    # an excerpt with no header: a plan is no older than the newest document it cites
    cited = [int(m.group("y")) for m in _CITED_DATE.finditer(clean) if _WHOLE_YEAR.fullmatch(m.group("y"))]
    return max(cited + ([elapsed] if elapsed else [])) if cited or elapsed else None


def _story_year(clean: str, year: int) -> int:
    """A page that opens with a date line and shows another, earlier one under its headline
    (`Chủ nhật, 24/11/2024, 06:54[GMT+7]` … `Chủ nhật, 23/01/2022 | 20:52:57`): the first is the
    day the page was saved, the second the story's own date."""
    lines = list(_DATE_ONLY_LINE.finditer(clean, 0, _CLOCK_LINE_CHARS))
    if len(lines) < 2 or lines[0].start() > 40 or int(lines[0].group("y")) != year:
        return year
    return min(year, int(lines[1].group("y")))


# the kind line a formal plan opens its title with
_KIND_LINE = re.compile(r"^\s*(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|ĐỀ\s+ÁN|NGHỊ\s+QUYẾT|"
                        r"CHỈ\s+THỊ|HƯỚNG\s+DẪN|KẾT\s+LUẬN|THÔNG\s+BÁO)\s*$")
# where a title ends: its preamble, an aside, a numbered heading
_TITLE_END = re.compile(r"^\s*(?:\(|(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Thi\s+hành|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị)\s|"
                        rf"(?:{ROMAN_RUN}|\d+|[A-Z])[.)\-]\s)")
_TITLE_CUT = re.compile(r"(?<=\S)\s+(?=(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai\s+thực\s+hiện|Thi\s+hành|"
                        r"Xét\s+đề\s+nghị|Theo\s+đề\s+nghị)\s)")
# a document number in a title: what follows it describes that document, not this plan
_DOC_NUMBER = re.compile(r"\bsố\s*:?\s*\d|\b\d+\s*[/-]\s*\p{Lu}{2,}")
_HEADLINE_CHARS = 150
_DATELINE = re.compile(r"^\s*(?:Thứ\s+[\p{L}\d]+\s*,\s*)?(?:Ngày\s+)?\d{1,2}/\d{1,2}/(?:19|20)\d\d[\s,:\d-]*$", re.I)


def has_kind_line(paragraphs: list[str]) -> bool:
    return any(_KIND_LINE.match(p) for p in paragraphs[:40])


_PAGE_DATE_LABEL = re.compile(r"\s(?:Ngày\s+đăng|Đăng\s+ngày|Cập\s+nhật)\b")


def title_horizon(paragraphs: list[str]) -> Optional[int]:
    mentions = _title_mentions(paragraphs)
    # two horizons (`năm 2025, định hướng đến năm 2030`): the title sets no single one
    if len({y.year for y in mentions}) != 1 or mentions[0].kind == "horizon":
        return None
    return mentions[0].year


def title_period_and_horizon(paragraphs: list[str]) -> Optional[tuple[int, int]]:
    """A title that names the plan's period and a horizon beyond it (`… GIAI ĐOẠN 2021-2025,
    ĐỊNH HƯỚNG ĐẾN NĂM 2030`): the period's last year and the horizon's."""
    mentions = _title_mentions(paragraphs)
    own = [y for y in mentions if y.kind != "horizon"]
    beyond = [y for y in mentions if y.kind == "horizon"]
    if len({y.year for y in own}) == 1 and len({y.year for y in beyond}) == 1 and own[0].year < beyond[0].year:
        return own[0].year, beyond[0].year
    return None


def only_horizons(text: str) -> bool:
    """Whether every year a heading names is a horizon (`Mục tiêu và định hướng đến năm 2030`)."""
    mentions = [y for y in year_mentions(text) if y.kind in DUE_KINDS + ("period",)]
    return bool(mentions) and all(y.kind == "horizon" for y in mentions)


def _title_mentions(paragraphs: list[str]) -> list[YearMention]:
    """The years a text's own title sets for its goals: `KẾ HOẠCH … GIAI ĐOẠN 2013 - 2015`
    → 2015, `Kế hoạch … năm 2024` → 2024; a news report's headline (`Vĩnh Linh: Năm 2024,
    duy trì …`)."""
    title = title_text(paragraphs)
    # (nor a time since which something holds: `Trong bối cảnh kể từ năm 2015, Việt Nam đã chuyển …`
    # opening a story tells its background, no year of its goals)
    return [y for y in year_mentions(title) if y.kind != "baseline"
            and not (y.kind == "start" and _SINCE_BEFORE.search(title, max(0, y.start - 8), y.start + 3))]


_SINCE_BEFORE = re.compile(r"\bkể\s+từ\b", re.I)


def title_text(paragraphs: list[str]) -> str:
    """A text's own title: the lines after its kind line (`KẾ HOẠCH`), else a report's
    headline. A period that describes a cited document (`thực hiện Nghị quyết số 05-NQ/ĐU …
    giai đoạn 2025 - 2030`) is that document's, not the plan's: the title stops at its number."""
    title = ""
    kind = next((i for i, p in enumerate(paragraphs[:40]) if _KIND_LINE.match(p)), None)
    if kind is not None:
        parts = []
        for k, p in enumerate(paragraphs[kind + 1:kind + 5]):
            if k and (_TITLE_END.match(p) or len(p) > 2 * _HEADLINE_CHARS):
                break  # the preamble or a body paragraph, not a title line
            parts.append(_TITLE_CUT.split(p, maxsplit=1)[0])
            if len(parts[-1]) < len(p):
                break
        title = " ".join(parts)
    else:
        # a report's headline: the opening lines before its first body paragraph
        parts = []
        for k, p in enumerate(paragraphs[:6]):
            if len(p) > _HEADLINE_CHARS:
                if not k:
                    parts.append(p[:_HEADLINE_CHARS])  # a headline run into its lead
                elif parts and _DATELINE.match(" ".join(parts)):
                    # a dateline above a headline that runs into its byline and lead
                    # (`Triển khai … năm 2024 Ngày đăng: 05/03/2024 …`)
                    parts.append(_PAGE_DATE_LABEL.split(p[:_HEADLINE_CHARS])[0])
                break
            parts.append(p)
        title = " ".join(parts)
    number = _DOC_NUMBER.search(title)
    if number:
        title = title[:number.start()]
    return title
