"""Numeric targets (chỉ tiêu): one per value expression that says how much must be
reached, kept, raised, cut, built or done.

A number is read as a value expression (numbers.py), then kept as a target
unless it is plainly something else: a date, a document or section number, a
structural count (`02 cấp`, `4 nhóm đối tượng`), an eligibility condition or a
group-defining age (`dưới 42 tuổi`, `trẻ em 5 tuổi`), a baseline (`từ 60% năm
2020 lên ...`) or a report of the past (`đã giảm 3,4%`, `năm 2023 đạt 95%`,
`đạt 246% kế hoạch`). Shares (`%`), multiples (`lần`), fractions and indices
are targets by default; bare counts (`1.373 hộ`) need a sign of a goal: a
qualifier (`ít nhất`, `trên`), a per-year rate, or a goal heading / lead-in
(`Mục tiêu`, `chỉ tiêu`, `phấn đấu`).

The year a value is due comes from the sentence (`từ năm 2026 đến năm 2030 đạt
80%`), else from an earlier goal sentence of its paragraph (`Nghị quyết đề ra 25 chỉ tiêu
chủ yếu đến năm 2030. …`) or its item's label (`3. Diện tích … năm 2020 (Lúa: …)`),
else from the lead-in line above it (`- Đến năm 2025 phấn đấu hoàn thành các chỉ
tiêu cụ thể:`), else from the headings above it (`Mục tiêu cụ thể đến năm 2030`),
else from the text's own title (`KẾ HOẠCH … GIAI ĐOẠN 2013 - 2015`, a news headline).
"""
from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

from dataclasses import dataclass, field
from typing import Optional

import regex as re

from extractors import lexicon
from extractors.targets.indicator import MEASURE_SUBJECT as _MEASURE_SUBJECT, indicator_phrase
from extractors.models import Section, Target
from extractors.targets.numbers import STRUCTURAL_UNITS, ValueExpr, find_values
from extractors.grammar.dates import own_date
from extractors.grammar.markers import ALL_BULLETS, MARKER, strip_marker
from extractors.outline.sections import ancestors_at, section_path_at
from extractors.text import Paragraph, PlanText, fold, sentences
from extractors.grammar.years import DUE_KINDS, context_year, first_after, has_kind_line, mentions_before, \
    only_horizons, plan_year, title_horizon, title_period_and_horizon, title_text, year_mentions

# words right before a number that make it part of a date, a name or a numbering (read in
# the folded view: `khoá` is `khóa`)
_NUMBERING_BEFORE = re.compile(
    r"(?:\b(?:ngày|tháng|năm|quý|giai đoạn|(?<!thiểu |đa |tổng |đại |hằng |chỉ |hệ |con )số|khóa|lần thứ|thứ|điều|khoản|điểm|mục|phụ lục|chương|"
    r"nhiệm kỳ|đợt|văn bằng|(?<!nâng )cấp|phiên bản|nội dung|kỳ|phần|tiêu chí|mẫu|biểu|bảng|"
    r"quyết định|nghị quyết|chỉ thị|thông tư|luật|nghị định|kế hoạch|đề án|chương trình|công văn|"
    r"tờ trình|thông báo|kết luận|hướng dẫn|lô|thửa|tờ|quốc lộ|tỉnh lộ|đường|km|tổ|ấp|khu|xóm|"
    r"thôn|bản|phường|tiểu khu|mục tiêu|độ tuổi|lứa tuổi|năm học|mức độ|cấp độ)\s*$|"
    # the next of a list of levels (`dịch vụ công trực tuyến mức độ 3, 4 phổ biến`)
    r"\b(?:mức|cấp)\s+độ\s+\d+(?:\s*,\s*\d+)*\s*(?:,|và|hoặc|-)\s*$)", re.I)
# (every match ends the text, `\s*$`: matched backwards from the end, the one place a match can
# end (`$` before a last line break is the end too, `\s*` taking the break), not searched at all
# 40 places; used only for whether one matches, which the direction does not change)
_NUMBERING_RIGHT_BEFORE = re.compile(_NUMBERING_BEFORE.pattern, _NUMBERING_BEFORE.flags | re.REVERSE)
_INDEX_WORDS = re.compile(r"chỉ số|hệ số|\bHDI\b|\bPCI\b|\bPAPI\b|\bPAR INDEX\b|\bSIPAS\b|\bGINI\b", re.I)
# The two vocabularies the readings below share, one table each; every pattern that asks "is this
# figure set" or "does this tell how things stand" is built from them, so a word taught once is
# taught everywhere (each pattern adds only its own guards, said where it is built).
def _words(words) -> str:
    """`words` as alternatives of a pattern, any run of spaces between their syllables."""
    return "|".join(w.replace(" ", r"\s+") for w in words)


# goals: the names of a goal, and the verb a plan strives with (with its two frequent misspellings)
_GOAL_NAMES = ("mục tiêu", "chỉ tiêu", "tầm nhìn", "định hướng")
_STRIVE = ("phấn đấu", "phần đầu", "phân đầu")
# what sets a figure down (`đề ra`, `đặt ra`) and the bounds a plan sets (`ít nhất 85%`)
_SET_VERBS = ("đề ra", "đặt ra")
_BOUNDS = ("ít nhất", "tối thiểu", "trở lên")
# now / up to now: the words that tell how things stand (`hiện nay`, `đến nay`, `năm qua`)
_NOW = ("hiện nay", "hiện có", "hiện tại", "đến nay", "tính đến", "năm qua", "vừa qua", "thời gian qua",
        "nhiệm kỳ qua")
# a past verb reporting a level reached (`đã giảm 3,4%`)
_DONE_VERBS = ("đã đạt", "đã có", "đã giảm", "đã tăng")
# a sentence opening with `Hiện` tells how things stand now (`Hiện TP.HCM có quy mô dân số …`), not
# `Hiện đại hóa`, `Hiện thực hóa`
_NOW_OPENER = r"(?-i:Hiện)\s(?!đại|thực)"

_GOAL_WORDS = re.compile(_words(_GOAL_NAMES + _STRIVE), re.I)
# (`cây hàng năm`, `các nhóm cây trồng chủ lực hàng năm: Cây lúa từ 33-35 ngàn ha`: annual crops)
_EVERY_YEAR = re.compile(r"\b(?:mỗi|hằng|hàng)\s+năm\b", re.I)
_PER_YEAR = re.compile(r"\b(?:mỗi năm|hằng năm|(?<!\bcây(?:\s+trồng)?(?:\s+\p{L}+){0,2}\s)hàng năm|năm nào cũng|(?:bình quân|trung bình)\s*/?\s*năm(?!\s+\d)|"
                       # `mục tiêu tăng trưởng theo năm … tối thiểu 3%`: a growth read year on year
                       r"(?<=\b(?:tăng|tăng\s+trưởng)\s)theo\s+năm(?!\s+(?:\d|học))|"
                       # `Tỷ lệ tăng thu … so năm trước: 10% trở lên`: a year-on-year rate
                       r"so\s+(?:với\s+)?năm\s+trước)\b", re.I)
# `đã giảm 3,4%`; not across a comma (`duy trì kết quả đã đạt được, ít nhất 85% …`)
_PAST_WORD = re.compile(r"\bđã\s+(?:[^\s,;:.()]+\s+){0,2}(?:được\s+)?$", re.I)
# a level already brought to: `Hà Nội đã nâng tỷ lệ trường công lập đạt chuẩn lên 42,6%`
_BROUGHT_TO = re.compile(r"\bđã\s+(?:nâng|đưa|kéo\s+giảm|giảm|tăng)\b[^,;:.()\d]{0,60}$", re.I)
# (`hiện có` closing a noun phrase is its modifier, `số đối tượng truy nã hiện có và 50% …`: the existing ones)
_CURRENT = re.compile(r"\b(?:(?<!thực\s)hiện\s+có(?!\s*(?:và|hoặc|[,;)]))|" + _words(w for w in _NOW if w != "hiện có") + r")\b|"
                      # `hiện cả nước có 2.045 xã (23%) được công nhận`
                      r"(?<!thực\s)\bhiện\s+(?:[\p{L}]+\s+){1,3}?có\b|"
                      # a past verb reports only in its own comma segment: not `duy trì kết quả
                      # đã đạt được, ít nhất 85% …`
                      r"\b(?:" + _words(_DONE_VERBS) + r")\b[^,;]*$", re.I)
_REPORT_AFTER = re.compile(r"^\s*(?:so với\s+)?(?:kế hoạch(?!\s+vốn)|KH\b|dự toán|chỉ tiêu (?:được giao|giao|kế hoạch|đề ra)|so với nghị quyết|"
                           r"mục tiêu(?=\s*[;.,])|"
                           r"nhiệm vụ (?:năm|kế hoạch|thu|chi))", re.I)  # (`đạt 165,65% so với nhiệm vụ thu`)
# budget sections allocate means (`ngân sách tỉnh 70%, ngân sách huyện 30%`), they set no goals
_ANOTHER_PART = re.compile(r"\bvà\b|;|\bđồng\s+thời\b", re.I)


@lru_cache(maxsize=256)  # (a heading is asked once for each paragraph under it)
def _past_heading(title: str) -> bool:
    """A heading of a section that reports the past: `I. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU
    NĂM 2024` (the goals it names are what was carried out), but not `Kết quả thực hiện năm 2024
    và mục tiêu năm 2025` nor `Mục tiêu, kết quả …`, which set goals too."""
    m = _PAST_HEADING.search(title)
    if not m:
        # a heading of the situation (`I. TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ, HỢP TÁC XÃ NĂM 2022` in a
        # plan for 2023): what stands, not what is set (`trong tình hình mới` further on is no such heading)
        return bool(_SITUATION_HEADING.match(title)) and not _GOAL_WORDS.search(title)
    if _GOAL_WORDS.search(title, 0, m.start()):
        return False
    part = _ANOTHER_PART.search(title, m.end())
    return not (part and _GOAL_WORDS.search(title, part.end()))


_SITUATION_HEADING = re.compile(r"\s*tình\s+hình\b", re.I)
_FUNDING_HEADING = re.compile(r"^(?:kinh phí|nguồn kinh phí|nguồn vốn|vốn thực hiện|dự toán)", re.I)
# headings of results, shortcomings and their causes (lexicon/past_headings.tsv)
_PAST_HEADING = re.compile("|".join(re.escape(h, literal_spaces=True) for h in lexicon.past_headings("target")), re.I)
# blocks that define who or what a plan covers set thresholds, not targets
_DEFINING = re.compile(r"^(?:\S+\s+)?(?:đối tượng|điều kiện|tiêu chuẩn|tiêu chí xét|phạm vi|giải thích từ ngữ)"
                       r"(?:[^:.;]{0,60})(?::|$)", re.I)
_RAISE = re.compile(r"\b(?:tăng|nâng|tăng thêm|tăng lên|mở rộng|phát triển thêm|gấp)\b", re.I)
_CUT = re.compile(r"\b(?:giảm|hạ|kéo giảm|xuống|còn dưới|còn)\b", re.I)
_KEEP = re.compile(r"\b(?:duy trì|giữ vững|giữ|ổn định)\b", re.I)
_REACH_VERBS = re.compile(r"^(?:đạt|lên|tăng lên|là|kéo dài)", re.I)
_AGE_UNITS = {"tuổi", "năm"}
_WEIGHT_UNITS = {"gram", "gam", "g", "kg"}
_MONEY = re.compile(r"đồng|usd|\btỷ\b|\btỉ\b|\btriệu\b|\bnghìn\b|\bngàn\b|\btỷđ\b|\btrđ\b", re.I)
_COUNTLESS = {"%", "‰", "times", "ratio", "index"}
_POLICY_BEFORE = re.compile(r"\b(?:hỗ trợ|miễn|chi trả|cấp bù|thanh toán|đóng)\s*(?:tối đa|tối thiểu|không quá|)\s*$",
                            re.I)
_POLICY_AFTER = re.compile(r"\s*(?:kinh phí|chi phí|học phí|lãi suất|giá|mức|tổng mức|vốn|tiền|phí|mệnh giá)", re.I)
# a verb of building or doing right before a count
_BUILD_BEFORE = re.compile(r"\b(?:kết\s+nạp|xây\s+dựng|nâng\s+cấp|cải\s+tạo|đầu\s+tư|thành\s+lập|phát\s+triển|"
                           r"đào\s+tạo|tập\s+huấn|bồi\s+dưỡng|hỗ\s+trợ|trồng|cấp)(?:\s+(?:mới|thêm|"
                           r"nâng\s+cấp|ít\s+nhất|tối\s+thiểu))*\s*$", re.I)
# criteria to be met (the past, `đã đạt 15 tiêu chí`, is a report, read before)
_MEET_BEFORE = re.compile(r"\b(?:hoàn\s+thành|đạt)(?:\s+(?:thêm|được|thêm\s+được))?\s*$", re.I)
# the preamble's promulgation sentence (`Căn cứ …, UBND xã ban hành Kế hoạch … năm 2025 như sau:`)
_PROMULGATION = re.compile(r"\bban\s+hành\b|^\s*(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai)\b|"
                           r"xây\s+dựng\s+(?:Kế\s+hoạch|Chương\s+trình|Đề\s+án)", re.I)
# a sentence opened by the day it tells of (`Sáng 18/8,`, `Ngày 3/4,`) narrates an event
_EVENT_OPENING = re.compile(r"^\s*(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*,",
                            re.I)
# a clause opened by a past year or period reports results for all its figures
# (a stock counted at a date, `Tính đến ngày 31/12/2017, toàn huyện có …`, is `_REPORT_OPENING`'s)
_PAST_OPENING = re.compile(r"^\s*(?:tuy\s+nhiên\s*,\s*)?(?:(?:được\s+biết|theo\s+(?:số\s+liệu\s+)?(?:thống\s+kê|báo\s+cáo)"
                           r"(?:\s+[^,.;:]{1,60})?)\s*,\s*)?(?:trong\s+|(?:tính\s+)?đến\s+(?:hết\s+|cuối\s+)?)?(?:(?:năm|giai\s+đoạn)\s+"
                           r"(?:(?:19|20)\d\d\s*-\s*)?(?P<last>(?:19|20)\d\d)|"
                           # `Được biết, trong 5 năm (2011-2015), cả nước đã tạo việc làm cho …`
                           r"\d+\s+năm\s*\(\s*(?:19|20)\d\d\s*[-–]\s*(?P<last>(?:19|20)\d\d)\s*\))\s*,", re.I)
_MAKES_BEFORE = re.compile(r"\b(?:xây\s+dựng|thành\s+lập|đạt|phát\s+triển|tạo)(?:\s+được)?\s*$", re.I)
_PER_DAY_OR_WEEK_AFTER = re.compile(r"\s*/\s*(?:ngày|tuần)\b", re.I)
_MONTH_FIGURE_BEFORE = re.compile(r"(?<!\b(?:đến|tới|trước|trong|hết|cuối|vào|sau)\s+)\btháng\s+\d{1,2}\s*[/.-]\s*(?:19|20)\d\d"
                                  r"\s*,?\s*(?:đạt|là|ở\s+mức|tăng|giảm)?\s*$", re.I)
# a share of a group named by a size (`100% số doanh nghiệp có từ 25 lao động trở lên`): the size defines the
# group the share is of (not `…; có từ 3 thôn trở lên đạt "thôn không ma túy"`, a count set)
_SHARE_OF_GROUP_BEFORE = re.compile(r"\d\s*%\s+(?:số\s+)?(?:(?!(?:và|hoặc)\b)\p{L}+\s+){1,5}(?:có|với)\s*$", re.I)
_FROM_LEVEL_BEFORE = re.compile(r"\btừ\s+(?:mức\s+)?$", re.I)
# a quota handed out in places, not a count of a plan's goals: `giao tăng 80 chỉ tiêu kế hoạch giường
# bệnh năm 2024`, `chỉ tiêu tuyển sinh`, `chỉ tiêu biên chế`
_QUOTA_AFTER = re.compile(r"\s+(?:kế\s+hoạch\s+)?(?:giường|tuyển\s+sinh|biên\s+chế)\b", re.I)
# a sentence that adds to the one before it (`Bên cạnh đó, …`, `Đặc biệt, …`, `Đồng thời, …`)
_GOES_ON_OPENING = re.compile(r"\s*(?:bên\s+cạnh\s+đó|đặc\s+biệt|đồng\s+thời|ngoài\s+ra|cùng\s+với\s+đó|"
                              r"mặt\s+khác)\s*,", re.I)
# a paragraph opened by the field it is about: `Trên lĩnh vực di sản văn hóa, …`, `Về y tế, …`
_FIELD_OPENING = re.compile(r"\s*(?:về|đối\s+với|(?:trên|với|trong)\s+lĩnh\s+vực|lĩnh\s+vực)\s+[^,.:;\d]{1,50},", re.I)
_YEAR_RIGHT_AFTER = re.compile(r"\s*\(?\s*năm\s+((?:19|20)\d\d)\b(?!\s*[-–])", re.I)
_BASELINE_AFTER = re.compile(r"\s*(?:\(?\s*(?:năm\s+\d{4}|hiện nay|hiện tại)\s*\)?\s*)?,?\s*(?:lên|xuống)\b", re.I)


@dataclass
class _Para:
    para: Paragraph
    kind: str
    heading: Optional[Section] = None
    path: tuple = ()
    marker_end: Optional[int] = None  # `_marker_end(para.text)`, when reading the kind read it


@dataclass
class _Context:
    year: Optional[int] = None
    goal: bool = False
    no_goals: bool = False  # a results, shortcomings or budget section
    defining: bool = False
    lead_texts: list[str] = field(default_factory=list)
    results_before: bool = False  # a news story's results paragraph came before, no goal since
    reviewed_years: frozenset = frozenset()  # years a news story says were reviewed (`tổng kết … năm 2015`)
    news: bool = False  # a story or letter, not a formal plan (no `KẾ HOẠCH` / `QUYẾT ĐỊNH` line)
    first_ahead: Optional[int] = None  # a dated story's first year still to come
    own_month: Optional[tuple[int, int]] = None  # a dated story's (year, month), when it prints its month
    reports: bool = False  # a text that reports (a story): its figures are goals only on evidence
    approved_before: bool = False  # the paragraph before ends on a count a decision approved
    goal_open: bool = False  # the text before the paragraph last said what is set, not what was done
    report_year: Optional[int] = None  # a story's first year still to come (what its goals look ahead to)


def _kind(text: str) -> str:
    return _kind_and_marker_end(text)[0]


def _kind_and_marker_end(text: str) -> tuple[str, Optional[int]]:
    """The paragraph's kind, and `_marker_end(text)` where reading the kind read the marker
    (None after a bullet: the marker is then read only if asked)."""
    t = text.lstrip()
    if t[:1] in ALL_BULLETS:
        return t[0], None
    m = MARKER.match(t)
    if m:
        lead = len(text) - len(t)
        for k in ("article", "roman", "upper", "arabic", "letter", "paren"):
            if m.group(k):
                return k, lead + m.end()
        return "plain", lead + m.end()
    return "plain", 0


def _is_caps_goal_heading(text: str) -> bool:
    """An unnumbered heading in capitals (`PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ ĐẾN NĂM 2020`)."""
    # (none of its goal words written: the pattern, that needs one, is not tried)
    if not any(w in text for w in _CAPS_GOAL_WORDS):
        return False
    return bool(_CAPS_GOAL_HEADING.match(text.strip())) and text.strip().upper() == text.strip()


def _staged(text: str) -> bool:
    return sum(1 for v in find_values(text) if v.unit == "%") >= 2


# a report's own year in words: `năm nay`, `những tháng cuối năm`
# (`từ nay đến cuối năm`: the end of the year the report is dated)
# a photo's file name or its caption (`Lãnh đạo phường … trao quyết định giao chỉ tiêu … năm 2026 cho …. Ảnh: P.D`)
_PHOTO_CAPTION = re.compile(r"^[^\n]{0,300}?(?:[.)\-–]\s*|\(|^)(?-i:Ảnh|ẢNH)\s*:\s*[^;:\n]{1,40}\)?\.?\s*$"
                            r"|^\s*[\w./-]+\.(?:jpe?g|png|webp|gif)\s*$", re.I)
_QUESTION = re.compile(r"\?\s*$")
_RESULTS_ASKED = re.compile(r"\b(?:kết\s+quả|thành\s+tựu|thành\s+công)\b[^?]{0,160}?\b(?:vừa\s+qua|thời\s+gian\s+qua|"
                            r"năm\s+qua|nhiệm\s+kỳ\s+qua|giai\s+đoạn\s+qua|đã\s+đạt)", re.I)
_AHEAD_ASKED = re.compile(r"\b(?:sắp\s+tới|thời\s+gian\s+tới|năm\s+tới|giai\s+đoạn\s+tới|sẽ|mục\s+tiêu|giải\s+pháp)\b", re.I)
_THIS_YEAR_WORDS = re.compile(r"\b(?:năm\s+nay|(?:những\s+)?tháng\s+cuối\s+năm|từ\s+nay\s+(?:đến|tới)\s+cuối\s+năm)\b"
                              r"(?!\s*(?:19|20)\d\d)", re.I)
_THIS_YEAR_AFTER = re.compile(r"\s*(?:trong\s+)?năm\s+nay\b", re.I)
_THIS_YEAR_HINT = re.compile(r"năm\s+nay|tháng\s+cuối\s+năm|nay\s+(?:đến|tới)\s+cuối\s+năm", re.I)
_GREETED_CONGRESS = re.compile(r"\b(?:chào\s+mừng|tiến\s+tới|hướng\s+tới)\s+(?:thành\s+công\s+)?(?:các\s+)?Đại\s+hội\b[^.;]{0,100}?$", re.I)
_TERM_WORD = re.compile(r"nhiệm\s+kỳ", re.I)


_GOAL_NOUN_IN_HEADING = re.compile(r"\b(?:mục|chỉ)\s+tiêu\b", re.I)
_GOALS_TITLE = re.compile(r"\s*(?:date\s+[\d-]+\s+)?(?:các\s+|những\s+|một\s+số\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)\b", re.I)


# (the same headings and lead-ins are read for each paragraph under them: each read once)
@lru_cache(maxsize=256)
def _names_goal(text: str) -> bool:
    return _GOAL_WORDS.search(text) is not None


@lru_cache(maxsize=256)
def _no_goals_heading(title: str) -> bool:
    """A heading of results, shortcomings or funding: its section sets no goals."""
    return len(title) < 90 and bool(_past_heading(title) or (_FUNDING_HEADING.match(title)
                                                             and not _GOAL_WORDS.search(title)))


@lru_cache(maxsize=256)
def _defining_heading(htext: str) -> bool:
    return _DEFINING.match(htext.strip()) is not None


class _Reader:
    def __init__(self, doc: PlanText, sections: list[Section]):
        self.doc = doc
        self.sections = sections
        self.plan_year = plan_year(doc.clean)
        heading_at = {}
        for s in sections:
            heading_at[doc.clean_pos(s.span[0])] = s
        self.paras: list[_Para] = []
        # the blocks' ends cut the text into pieces each held by the same sections: a paragraph's
        # path is its piece's, looked up once per piece, not once per paragraph
        bounds = sorted({b for s in sections for b in (s.span[0], max(s.body_end, s.span[1]))})
        piece_paths: dict[int, tuple] = {}
        for p in doc.paragraphs:
            if p.footnote:
                continue
            lead = len(p.text) - len(p.text.lstrip())
            s = heading_at.get(p.start + lead) or heading_at.get(p.start)
            raw = doc.raw_pos(p.start)
            piece = bisect.bisect_right(bounds, raw)
            path = piece_paths.get(piece)
            if path is None:
                path = piece_paths[piece] = tuple(section_path_at(sections, raw))
            kind, marker_end = _kind_and_marker_end(p.text)
            self.paras.append(_Para(p, kind, s, path, marker_end))
        self._ctx_cache: dict[int, _Context] = {}
        self._heading_years: dict[str, Optional[int]] = {}  # a heading's year, read once for the paragraphs under it
        self._results: Optional[list[bool]] = None
        # where to look back from a paragraph: the paragraphs of each block and the headings,
        # by index, so a lead-in search visits its own chain, not every paragraph before it
        self._by_path: dict[tuple, list[int]] = {}
        self._headings: dict[int, int] = {}  # id(section) -> paragraph index
        # per block and marker kind, its paragraphs; per block, its unnumbered capital headings
        self._by_kind: dict[tuple[tuple, str], list[int]] = {}
        self._caps: dict[tuple, list[int]] = {}
        self._kinds: dict[tuple, set[str]] = {}
        self._caps_goal: set[int] = set()  # the unnumbered capital headings, by index (read once)
        for k, q in enumerate(self.paras):
            if q.heading is not None:
                self._headings[id(q.heading)] = k
            else:
                self._by_path.setdefault(q.path, []).append(k)
                self._by_kind.setdefault((q.path, q.kind), []).append(k)
                self._kinds.setdefault(q.path, set()).add(q.kind)
                if q.kind == "plain" and _is_caps_goal_heading(q.para.text):
                    self._caps.setdefault(q.path, []).append(k)
                    self._caps_goal.add(k)
        # the preamble (`… ban hành Kế hoạch … năm 2025 như sau:`) introduces the plan,
        # not a list of targets: its years are no lead-in horizon
        starts = [doc.clean_pos(s.span[0]) for s in sections]
        self.body_start = min(starts) if starts else 0
        texts = _with_kind_line([p.text for p in doc.paragraphs])
        # a formal plan's title year holds for its goal sections; a report's headline
        # year for every figure it states
        self.formal = has_kind_line(texts)
        # years a news story says a meeting reviewed (a formal plan reviews nothing: its `tổng kết` is a task)
        self.reviewed_years = frozenset() if self.formal else frozenset(
            int(m.group(1)) for t in texts for m in _REVIEWED_YEAR.finditer(t))
        self.horizon = title_horizon(texts)
        self.period_and_horizon = title_period_and_horizon(texts)
        # a report headed by its goals and their year (`Các chỉ tiêu kinh tế - xã hội năm 2018`): its
        # figures are those goals
        headline = "" if self.formal else title_text(texts)
        self.goal_headline = bool(_GOALS_TITLE.match(headline)) and self.horizon is not None
        if self.horizon is None and not self.formal:
            self.horizon = _announced_period(texts)
        elif self.horizon is not None and not self.formal and _FIGURE_DUE_HEADLINE.match(title_text(texts)):
            # a story headed by one goal with its year (`Đến năm 2020 giảm từ 3% - 5% tổng số vụ phạm tội hình
            # sự so với năm 2016`): the year is that figure's, told again in the body; the story's other
            # figures (`Hằng năm, tỷ lệ điều tra … đạt từ 75% trở lên`) are not due then
            self.horizon = None
        self.first_ahead = None if self.formal else _first_ahead(doc.clean)
        # an undated story whose lead names the event it tells of with its year (`Huyện đoàn … tổ chức lễ
        # khởi động và ra quân Tháng thanh niên 2024 với …`): the event's goals are for that year
        lead_event = None if self.formal or self.plan_year else _NAMED_EVENT_YEAR.search(doc.clean, 0, _EVENT_LEAD_CHARS)
        self.event_year = int(lead_event.group(1)) if lead_event else None
        own = None if self.first_ahead is None else own_date(doc.clean)
        self.own_month = (own.year, own.month) if own and own.month else None
        # a dated story reports: its figures are goals only where something says so (`_goal_evidence`)
        # (an undated text may be a list cut from a plan, whose figures need no goal word each)
        self.reports = self.first_ahead is not None
        # (an undated story that counts as of a day in its lead, `Theo số liệu của Sở …, tính đến ngày
        # 14/11/2023, toàn tỉnh có 2.927 doanh nghiệp …`, is written then: it reports too)
        self.report_year = self.first_ahead
        if not self.reports and not self.formal:
            as_of = _AS_OF_LEAD.search(doc.clean, 0, _LEAD_CHARS)
            if as_of:
                self.reports = True
                self.report_year = int(as_of.group(2)) + (int(as_of.group(1)) >= 7)
        self._headline_goals = bool(_GOAL_EVIDENCE.search(title_text(texts))) if self.reports else False
        self._goal_open: Optional[list[bool]] = None

    def goal_open(self, i: int) -> bool:
        """Whether the text before paragraph `i` last said what is set rather than what was done: a
        story headed by its goals (`Các chỉ tiêu chủ yếu`), or a paragraph whose last word of the kind
        is a goal word (`Tốc độ tăng trưởng kinh tế phấn đấu đạt 8 - 9% …` then `Thu gom và xử lý 100%
        chất thải y tế …`); a heading of goals opens it, a heading of results closes it."""
        if self._goal_open is None:
            state, out = self._headline_goals, []
            for q in self.paras:
                out.append(state)
                if q.heading is not None:
                    title = q.heading.title
                    # (a heading of neither kind, `1. Long An` under `… được đặt ra như sau:`, keeps it)
                    if _past_heading(title):
                        state = False
                    elif _GOAL_EVIDENCE.search(title):
                        state = True
                    continue
                marks, done = _goal_marks(q.para.text, self.report_year)
                if marks or done:
                    state = bool(marks) and (not done or marks[-1] > done[-1])
            self._goal_open = out
        return self._goal_open[i]

    # -- context from lead-ins and headings --------------------------------
    def context(self, i: int) -> _Context:
        if i in self._ctx_cache:
            return self._ctx_cache[i]
        me = self.paras[i]
        raw = self.doc.raw_pos(me.para.start)
        inner = section_path_at(self.sections, raw)
        # only true ancestors: a sibling's block may end one character into this one
        chain = [s for s in ancestors_at(self.sections, raw)
                 if s is not me.heading and s.path == inner[:len(s.path)]]
        chain_paths = {tuple(s.path) for s in chain} | {me.path, ()}
        ctx = _Context()
        seen = {me.kind}
        texts: list[str] = []
        for j in self._looked_back(i, chain, chain_paths):
            q = self.paras[j]
            text = q.para.text
            if q.heading is not None:  # a heading of the chain (`_looked_back` gives no other)
                htext = q.heading.title or _heading_text(text)
                texts.append(htext)
                title = q.heading.title
                if _no_goals_heading(title):
                    ctx.no_goals = True
                if _defining_heading(htext):
                    ctx.defining = True
                if ctx.year is None:
                    ctx.year = self._heading_year(htext)
                seen.add(q.kind)
                continue
            if q.kind == "plain" and j in self._caps_goal:
                # an unnumbered heading in capitals (`PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ ĐẾN NĂM 2020`)
                texts.append(text)
                if ctx.year is None:
                    ctx.year = context_year(text, staged=False)
                break
            if text.rstrip().endswith(":") and q.kind not in seen and not (
                    q.para.start < self.body_start and _PROMULGATION.search(text)):
                texts.append(text)
                ctx.lead_texts.append(text)
                if ctx.year is None:
                    ctx.year = _lead_in_year(text)
            seen.add(q.kind)
            if len(texts) > 12:
                break
        ctx.goal = any(_names_goal(t) for t in texts) or self._continues_goals(i) or self.goal_headline
        ctx.results_before = self.results_before(i)
        ctx.reviewed_years = self.reviewed_years
        ctx.news = not self.formal
        ctx.first_ahead = self.first_ahead
        ctx.own_month = self.own_month
        ctx.reports = self.reports
        if i and ctx.news:
            last = _last_sentence(self.paras[i - 1].para.text)
            ctx.approved_before = bool(_APPROVED_COUNT.search(last)) and not _looks_ahead(last, 0, len(last))
        if self.reports:
            ctx.goal_open = self.goal_open(i)
            ctx.report_year = self.report_year
        self._ctx_cache[i] = ctx
        return ctx

    def _heading_year(self, htext: str) -> Optional[int]:
        """A heading's year; but a heading that names only the title's horizon (`I. Mục tiêu và
        định hướng đến năm 2030` in a plan `… GIAI ĐOẠN 2021-2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030`)
        sets its goals for the plan's period: the horizon only orients them. (A heading of the
        vision alone, `3. Tầm nhìn đến năm 2045`, names no goals of the period: its items are the
        horizon's.)"""
        if htext in self._heading_years:
            return self._heading_years[htext]
        year = context_year(htext, staged=False)
        if year is not None and self.period_and_horizon and year == self.period_and_horizon[1] \
                and only_horizons(htext) and _GOAL_NOUN_IN_HEADING.search(htext):
            year = self.period_and_horizon[0]
        self._heading_years[htext] = year
        return year

    def _looked_back(self, i: int, chain: list[Section], chain_paths: set[tuple]):
        """Indices before `i`, nearest first, of the paragraphs a lead-in search reads: the
        headings of `chain` and the unheaded paragraphs of its blocks (a sibling block's
        paragraphs and headings tell nothing about this one).

        Of the unheaded paragraphs only those that can change the search are given: per
        marker kind the nearest (a farther one of that kind is never a lead-in: the nearer
        one has put its kind in `seen`), the nearest capital heading (it ends the search),
        and the one read right after each heading (where a search grown past 12 texts
        stops). The rest would only add a kind already seen, so ten thousand items of one
        list cost a few bisects each, not a walk back over all of them."""
        heads = [k for s in chain if (k := self._headings.get(id(s))) is not None and k < i]
        found = set(heads)

        def nearest(rows, before: int) -> None:
            j = bisect.bisect_left(rows, before)
            if j:
                found.add(rows[j - 1])
        for path in chain_paths:
            for kind in self._kinds.get(path, ()):
                nearest(self._by_kind.get((path, kind), ()), i)
            nearest(self._caps.get(path, ()), i)
            rows = self._by_path.get(path, ())
            for h in heads:
                nearest(rows, h)
        return sorted(found, reverse=True)



    def _continues_goals(self, i: int) -> bool:
        """`Thứ hai, hằng năm giúp 33.500 hộ …; hỗ trợ … cho 17.000 phụ nữ …` after `Đại hội xác
        định 8 chỉ tiêu chính quan trọng. Trong đó, thứ nhất, …`: a paragraph that goes on with
        an enumeration of goals is one of them."""
        if _FIELD_OPENING.match(strip_marker(self.paras[i].para.text)):
            # `Trên lĩnh vực di sản văn hóa, thực hiện 10 công trình tu bổ …` after `Với lĩnh vực thể thao
            # quần chúng, …, phấn đấu …`: a paragraph on the next field goes on with the goals (read
            # back over the fields before it to the paragraph that sets them)
            for j in range(i - 1, max(i - 6, -1), -1):
                q = self.paras[j]
                if q.heading is not None:
                    return False
                if _GOAL_WORDS.search(q.para.text):
                    return True
                if not _FIELD_OPENING.match(strip_marker(q.para.text)):
                    return False
            return False
        if not _NEXT_ORDINAL.match(self.paras[i].para.text):
            return False
        for j in range(i - 1, max(i - 10, -1), -1):
            text = self.paras[j].para.text
            first = _FIRST_ORDINAL.search(text)
            if first:
                return bool(_GOAL_WORDS.search(text, 0, first.start()))
            if not _NEXT_ORDINAL.match(text):
                return False
        return False

    def results_before(self, i: int) -> bool:
        """A news story tells its past year's results over several paragraphs: `Năm 2025, …
        xã đã đạt được nhiều kết quả quan trọng …` and then `Đảng bộ xã đã kết nạp …; tỷ lệ …
        đạt 100% (mục tiêu đại hội là 90%)`, `Thu ngân sách … đạt hơn 541 tỷ đồng …`. Whether
        paragraph `i` follows such a paragraph with no goal, heading or numbered item between."""
        if self._results is None:
            self._results = self._results_paragraphs()
        return self._results[i]

    def _results_paragraphs(self) -> list[bool]:
        carry = [False] * len(self.paras)
        if self.formal:
            return carry
        on = False
        for j, q in enumerate(self.paras):
            text = q.para.text
            if _PHOTO_CAPTION.search(text):
                continue  # a photo and its caption sit between a story's paragraphs, they do not end its results
            if _QUESTION.search(text):
                # an interview's question: one asking for the results of a time gone by opens answers that
                # report (`Xin ông cho biết những kết quả nổi bật … trong thời gian vừa qua ?`); any other ends them
                on = bool(_RESULTS_ASKED.search(text)) and not _AHEAD_ASKED.search(text)
                continue
            if q.heading is not None or q.kind not in _RUNNING_KINDS:
                on = False
            bare = _BRACKETED.sub("", text)  # `(mục tiêu đại hội là 90%)` beside a result is no turn to goals
            opening = _PAST_OPENING.match(strip_marker(text))
            turn = bool(_GOAL_TURN.search(bare) or _FUTURE.search(bare) or (
                self.plan_year and (year := _YEAR_OPENING_YEAR.match(text)) and int(year.group(1)) >= self.plan_year
                # (or the term still to run: `Nhiệm kỳ 2015-2020, Đảng bộ phường … tập trung hoàn thành các chỉ
                # tiêu cơ bản, cụ thể, …` in a story of June 2015, after the last term's results)
                or self.plan_year and (term := _TERM_OPENING.match(strip_marker(text)))
                and int(term.group("last")) > self.plan_year))
            # a paragraph that turns to goals is not carried (`Nhiệm kỳ 2020-2025, Đảng bộ xã … phấn
            # đấu …`), and ends the carry unless it tells results itself (`đã hoàn thành 28/29 chỉ tiêu`)
            carry[j] = on and not turn
            on = on and not turn
            # (a story with no dated line still says which year its meeting reviews: `… tổ chức hội nghị tổng
            # kết công tác năm 2025 …` then `Theo báo cáo tại hội nghị, năm 2025, ngành … tập trung …` over
            # paragraphs of that year's figures)
            if (_RESULTS_SAID.search(text) and not _FUTURE.search(text)) or (
                    opening and (self.plan_year and int(opening.group("last")) < self.plan_year
                                 or int(opening.group("last")) in self.reviewed_years)):
                on = True
        # `Năm 2016, … Huy động nguồn lực xây dựng NTM đạt trên 178 tỷ đồng. Trong năm, …` followed
        # by `Năm 2017, huyện … phấn đấu …`: a year told before the year whose goals follow is
        # told as done, whatever the page's own year
        # (or a year the story says is being reviewed: `HĐND xã … tổ chức Kỳ họp … nhằm đánh giá kết
        # quả thực hiện các mục tiêu … năm 2018` then `Năm 2018, tổng sản lượng … đạt trên 2 nghìn tấn`)
        # (`Nhiệm kỳ 2010 - 2015, Ban chấp hành …` then `Nhiệm kỳ mới 2015 - 2020, … đề ra chỉ tiêu`)
        openings = [(_YEAR_OPENING_YEAR.match(q.para.text) or _TERM_OPENING.match(strip_marker(q.para.text)), q)
                    for q in self.paras]
        reviewed: set[int] = set()
        for j, (m, q) in enumerate(openings):
            first = q.para.text.split(". ", 1)[0]  # the sentence the year opens
            # (the year the story's meeting reviews, told in a paragraph of its own: `HĐND huyện … tổ
            # chức Kỳ họp … nhằm đánh giá tình hình … năm 2024; phương hướng, nhiệm vụ năm 2025` then
            # `Năm 2024, nhiều chỉ tiêu … tăng trưởng cao so với năm 2023. Cụ thể, thu ngân sách đạt
            # gần 900 tỷ đồng`: its `chỉ tiêu`, `đề ra` are those it reached, unless it looks ahead)
            if m and not carry[j] and q.heading is None and q.kind in _RUNNING_KINDS and \
                    int(m.group(1)) in self.reviewed_years and not _LOOKS_AHEAD_WORDS.search(first):
                carry[j] = True
                continue
            if not (m and not carry[j] and q.heading is None and q.kind in _RUNNING_KINDS) or (
                    _GOAL_TURN.search(_BRACKETED.sub("", first)) or _FUTURE.search(first)):
                reviewed.update(int(r.group(1)) for r in _REVIEWED_YEAR.finditer(q.para.text))
                continue
            if int(m.group(1)) in reviewed:
                carry[j] = True
                continue
            for k in range(j + 1, min(j + 4, len(self.paras))):
                later, r = openings[k]
                if later and int(later.group(1)) > int(m.group(1)) and (
                        _GOAL_TURN.search(r.para.text) or _FUTURE.search(r.para.text)):
                    carry[j] = True
                    break
        return carry

    def narrative_year(self, i: int, sent_start: int) -> Optional[int]:
        """A report or news story runs its goals across paragraphs: a figure with no year
        of its own takes the year of the nearest goal statement before it (`Theo đó,
        chỉ tiêu năm 2024 về …` → `Chỉ tiêu chăn nuôi: Tổng đàn trâu 25.000 con`), or the
        term the congress it tells of sets its goals for (`Đại hội …, nhiệm kỳ 2020-2025.
        Đại hội thông qua nghị quyết nhiệm kỳ mới với một số chỉ tiêu …`)."""
        if self.formal:
            return None
        for j in range(i, max(-1, i - 10), -1):
            q = self.paras[j]
            if j < i and (q.heading is not None or q.kind not in ("plain", "-", "+", "•", "*", "–")):
                break  # a numbered item or heading: its year is its own block's
            text = q.para.text
            if j < i and text.rstrip().endswith(":") and _GOAL_NOUNS.search(text):
                # a lead-in of running paragraphs (`… có nêu mục tiêu, chỉ tiêu cụ thể trong giai đoạn 2025 -
                # 2030 sau đây:` over paragraphs of figures): its year is the list's, as a lead-in's is
                lead_year = _lead_in_year(text)
                if lead_year is not None:
                    return lead_year
            spans = [s for s in _full_sentences(text) if j < i or s[1] <= sent_start]
            # a figure's sentence opened by a document that sets goals (`Chỉ thị đề ra mục tiêu tiết kiệm mỗi
            # năm 2%`) after a sentence naming it with its period (`… ban hành Chỉ thị số 20/CT-TTg về tăng
            # cường tiết kiệm điện giai đoạn 2023-2025 …`): the goals are for that period
            document_sets = j == i and _DOCUMENT_SETS_OPENING.match(text, sent_start)
            for a, b in reversed(spans):
                lead = text[a:b]
                # (a sentence before the figure's own may be about its year alone: `Năm 2014 là năm thứ
                # 4 tỉnh ta tiếp tục đưa Nghị quyết … vào thực tiễn đời sống xã hội.`)
                subject = _YEAR_AS_SUBJECT.match(lead)
                if subject and (_GOAL_WORDS_OR_SET.search(lead) or j < i or b <= sent_start):
                    return int(subject.group(1))
                # `Cụ thể, đến năm 2025, 100% dịch vụ công …; 40% …` and the paragraph of figures after it
                horizon = _HORIZON_LEAD.match(lead)
                if horizon and (j < i or b <= sent_start):
                    return int(horizon.group(1))
                years = [y for y in year_mentions(lead)
                         if (y.kind in ("range", "due", "bare") and _GOAL_WORDS_OR_SET.search(lead)
                             and _leads_on(lead, y)
                             or y.kind == "period" and _TERM_WORD.search(lead[y.start:y.end])
                             and re.search(_GOAL_WORDS_OR_SET.pattern + r"|\bĐại\s+hội\b", lead, re.I)
                             # (not a term that only places the year told before it: `… nhiệm vụ, giải pháp
                             # trọng tâm năm 2026 - năm đầu tiên triển khai thực hiện Nghị quyết … nhiệm kỳ
                             # 2025 - 2030`: the goals are that year's)
                             and not _YEAR_OF_TERM_BEFORE.search(lead, 0, y.start)
                             # (not the term of a congress a campaign greets: `… chào mừng Đại hội Đảng bộ
                             # các cấp, tiến tới Đại hội Đảng bộ thành phố lần thứ I (nhiệm kỳ 2025-2030)`)
                             and not _GREETED_CONGRESS.search(lead, max(0, y.start - 120), y.start)
                             or y.kind == "period" and document_sets and b <= sent_start
                             and re.search(r"\b" + document_sets.group(1) + r"\s+số\b", lead[:y.start], re.I))
                         and not (self.plan_year and y.year < self.plan_year)
                         and not (y.kind == "bare" and _names_a_law(lead, y))]
                if years:
                    return years[-1].year
                # a sentence between that names a year of its own and sets no goal with it (`Phấn đáu
                # tốc độ tăng … giai đoạn 2021-2025 đạt 3,0%/năm. Cơ cấu … chiếm 55%`): the goal year
                # further back is not plainly the figure's
                if j == i and not _GOAL_WORDS_OR_SET.search(lead) \
                        and any(y.kind in ("range", "due", "period") for y in year_mentions(lead)):
                    return None
        return None

    def campaign_year(self, text: str) -> Optional[int]:
        """A news item's campaign runs in the year it is dated: `Trong đợt cao điểm, … Tỷ lệ điều
        tra khám phá các vụ án từ 80% trở lên`, `… công tác tiêm phòng đợt 1/2015 … Phấn đấu tỷ lệ
        tiêm phòng … đạt từ 80% trở lên` (the paragraph read once for the words)."""
        if self.formal:
            return None
        campaign = _campaign_paragraph(text)
        # (the campaign's own year when it names one: `đợt 1/2015`)
        return None if campaign is None else (campaign or self.plan_year)

    def this_year(self, text: str, sent: tuple[int, int], end: int, after: Optional[int] = None) -> Optional[int]:
        """A report's `năm nay`, `những tháng cuối năm` (in text[sent[0]:end]) is the year it
        is dated."""
        if self.formal or not self.plan_year:
            return None
        # (the sentence asked once for the words: most sentences hold none)
        if _occurs(_THIS_YEAR_HINT, text, sent[0], sent[1]) and (
                _THIS_YEAR_WORDS.search(text[sent[0]:end])
                # (or right after the figure: `phấn đấu đạt mục tiêu GDP tăng trên 10% năm nay`)
                or (after is not None and _THIS_YEAR_AFTER.match(text, after, min(sent[1], after + 40)))):
            return self.plan_year
        return None


# an event named with its year: a month, week or day of action, a campaign, a festival (`Tháng thanh niên
# 2024`, `Tháng hành động vì trẻ em năm 2019`, `Chiến dịch Mùa hè xanh 2024`); not a period (`2021-2025`)
# a year placed in its term by an apposition: `năm 2026 - năm đầu tiên triển khai thực hiện Nghị quyết …`
_YEAR_OF_TERM_BEFORE = re.compile(r"\bnăm\s+(?:19|20)\d\d\s*[-–,(]\s*năm\s+(?:đầu\s+tiên|thứ\s+\p{L}+|cuối(?:\s+cùng)?|"
                                  r"bản\s+lề|khởi\s+đầu)\b[^.;:]{0,160}$", re.I)
_NAMED_EVENT_YEAR = re.compile(r"\b(?:Tháng|Tuần\s+lễ|Ngày\s+hội|Chiến\s+dịch|Lễ\s+hội)\s+[\p{L} ]{2,50}?\s(?:năm\s+)?"
                               r"((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")
_EVENT_LEAD_CHARS = 400
_DOCUMENT_SETS_OPENING = re.compile(r"\s*(Chỉ\s+thị|Chương\s+trình|Kế\s+hoạch|Đề\s+án|Nghị\s+quyết|Quyết\s+định)\s+"
                                    r"(?:này\s+)?(?:đề\s+ra|đặt\s+(?:ra\s+)?mục\s+tiêu)\b")
_CAMPAIGN = re.compile(r"\bđợt\s+(?:cao\s+điểm|\d{1,2}\s*/\s*((?:19|20)\d\d))\b|\bchiến\s+dịch\b", re.I)


@lru_cache(maxsize=256)
def _campaign_paragraph(text: str) -> Optional[int]:
    """None without a campaign; else its year, 0 when it names none."""
    m = _CAMPAIGN.search(text)
    return None if m is None else int(m.group(1) or 0)


# a sentence opened by its year: `Năm 2026, phường đặt mục tiêu …`
_YEAR_OPENING_YEAR = re.compile(r"\s*(?:[\p{L}]+,?\s+){0,2}(?:trong\s+)?năm\s+((?:19|20)\d\d)\b", re.I)
_YEAR_OPENING = re.compile(_YEAR_OPENING_YEAR.pattern + r"\s*,", re.I)
# a sentence about its year: `Năm 2026 là năm đầu triển khai Nghị quyết …, nhiệm kỳ 2025-2030 …, xã
# đề ra 23 chỉ tiêu`: the term it opens is what the year belongs to, the goals are the year's
_HORIZON_LEAD = re.compile(r"\s*(?:(?:cụ\s+thể|theo\s+đó|trong\s+đó)\s*,\s*)?(?:phấn\s+đấu\s+)?đến\s+(?:hết\s+|cuối\s+)?"
                           r"năm\s+((?:19|20)\d\d)\s*,", re.I)
_YEAR_AS_SUBJECT = re.compile(r"\s*năm\s+((?:19|20)\d\d)\s+là\s+năm\b", re.I)
_FIGURE_DUE_HEADLINE = re.compile(r"\s*(?:phấn\s+đấu\s+)?đến\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d\s*,?\s+"
                                  r"[^\d\n]{0,40}?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*%", re.I)
_LEAD_CHARS = 1500  # a story's headline and lead: what it is about
_ELAPSED_PART = re.compile(r"\b(?:\d{1,2}|ba|sáu|chín)\s+tháng\s+(?:đầu\s+năm|(?:vừa\s+)?qua)\b|\bquý\s+(?:I{1,3}|IV|[1-4])\s+(?:năm\s+)?(?:19|20)\d\d",
                           re.I)
_COMPARED_YEAR_AFTER = re.compile(r"\s*(?:[^\s\d.,;:]+\s+){0,3}?so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?năm\s+((?:19|20)\d\d)\b", re.I)
_AS_OF_LEAD = re.compile(r"\btính\s+đến\s+(?:hết\s+)?ngày\s+\d{1,2}\s*[/-]\s*(\d{1,2})\s*[/-]\s*((?:19|20)\d\d)", re.I)
_DOCUMENT_NUMBER = re.compile(r"^\s*Số\s*:?\s*\d+[\p{L}\d]*/[\p{Lu}\d/.-]+", re.M)


# a plan's number line (`Số: 10045/KH-UBND | Lâm Đồng, ngày 30 tháng 12 năm 2022 |`): its symbol names
# the kind a page lost with the header table (`KH` a plan, `CTr` a programme …)
_SYMBOL_KIND = {"KH": "KẾ HOẠCH", "CTr": "CHƯƠNG TRÌNH", "CTHĐ": "CHƯƠNG TRÌNH", "ĐA": "ĐỀ ÁN"}
_NUMBER_LINE = re.compile(r"\s*Số\s*:?\s*\d+/(KH|CTr|CTHĐ|ĐA)-")
_CAPS_TITLE = re.compile(r"[^\p{Ll}]{12,}")


def _with_kind_line(texts: list[str]) -> list[str]:
    """The paragraphs with the kind line a plan's page lost put back above its title, when its number
    line names the kind and a title in capitals follows it within two lines (`Số: 10045/KH-UBND …`
    over `PHÁT TRIỂN VÀ ĐẢM BẢO AN TOÀN CẤP NƯỚC ĐÔ THỊ TỈNH LÂM ĐỒNG ĐẾN NĂM 2025`)."""
    if has_kind_line(texts):
        return texts
    for i, t in enumerate(texts[:40]):
        m = _NUMBER_LINE.match(t)
        if m:
            for j in range(i + 1, min(len(texts), i + 3)):
                if _CAPS_TITLE.fullmatch(texts[j].strip()):
                    return texts[:j] + [_SYMBOL_KIND[m.group(1)]] + texts[j:]
            return texts
    return texts


def _first_ahead(clean: str) -> Optional[int]:
    """A dated story's first year still to come (its own date, `grammar.dates.own_date`): its own
    year in its first half (a story of March tells that year's goals: `Vĩnh Linh: Năm 2024, duy
    trì tỷ lệ tăng dân số …`), the next from July (a year's results are told from its second
    half). None for an undated excerpt (a list cut from a plan) and for a letter or decision
    (`Số: 11676/VPCP-KTTH`, `Hà Nội, ngày …`), which direct rather than tell."""
    own = own_date(clean)
    if not own.year or own.where == "header" or _DOCUMENT_NUMBER.search(clean, 0, _LEAD_CHARS):
        return None
    return own.year + 1 if own.month and own.month >= 7 else own.year


# the year of the goal noun: `chỉ tiêu năm 2024 về …`
# (or the topic it opens with: `Về mục tiêu đóng góp cho tăng trưởng năm 2026, chương trình nêu rõ, …`)
_GOAL_NOUN_BEFORE = re.compile(r"(?:chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ|kế\s+hoạch)(?:\s+\S+){0,2}\s*$|"
                               r"^\s*về\s+(?:các\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)(?:\s+[^\s,;.]+){0,6}\s*$", re.I)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # what every year mention holds


_DIGIT = re.compile(r"\d")


def _leads_on(sentence: str, y) -> bool:
    """A goal sentence's year holds for the sentences after it when it is the year of the
    goals as a whole: a sentence with no figure after the year (`… 15 chỉ tiêu chủ yếu …
    đến năm 2030.`), an opening year (`Năm 2026, phường đặt mục tiêu …`) or the year of
    the goal noun (`chỉ tiêu năm 2024 về …`); not the horizon of one figure (`phấn đấu
    đến năm 2025 đón trên 200.000 lượt khách`)."""
    if _PAST_OPENING.match(strip_marker(sentence)) or _YEAR_OPENING.match(sentence):
        return True
    if _SHARE_WITH_HORIZON.search(sentence):
        return False  # `… đạt 8% trở lên trong năm 2025 và tăng trưởng hai con số trong năm 2026`: horizons of its own figures
    if not _DIGIT.search(_YEAR_DIGITS.sub("", sentence[y.end:])):
        return True
    return bool(_GOAL_NOUN_BEFORE.search(sentence[:y.start]))


def _heading_text(text: str) -> str:
    """A heading's own words: its title, not the numbered paragraph that may follow it."""
    lead = len(text) - len(text.lstrip())
    m = MARKER.match(text[lead:])
    body = text[lead + (m.end() if m else 0):]
    first = sentences(body)
    return body[first[0][0]:first[0][1]] if first else body


def _marker_end(text: str) -> int:
    """Where the outline marker opening a paragraph ends (0 without one)."""
    lead = len(text) - len(text.lstrip())
    m = MARKER.match(text[lead:])
    return lead + m.end() if m else 0


def _is_target(v: ValueExpr, text: str, clause: tuple[int, int], ctx: _Context, plan_year,
               values_in_clause: list[ValueExpr], index: Optional[int] = None) -> bool:
    if not _reads_as_value(v, text, clause):
        return False
    if _reports_or_defines(v, text, clause, ctx, plan_year, values_in_clause):
        return False
    if ctx.reports and not ctx.goal and not _goal_evidence(v, text, ctx):
        return False  # a story reports: a figure in it is a goal only when something says so
    if v.unit in _COUNTLESS:
        return True
    return _count_is_goal(v, text, clause, ctx, values_in_clause, index)


# What says a figure is set, not reached: a goal word, a bound set, a plan's estimate or assignment,
# the future (`phấn đấu`, `mục tiêu`, `chỉ tiêu`, `phải`, `ít nhất`, `dự kiến`, `giao`, `sẽ`)
# (a goal named as reached or matched reports it: `đạt mục tiêu`, `vượt chỉ tiêu`, `so với kế hoạch`;
# a target `đã đề ra` is one told of, not set here)
_REACHED = r"(?<!(?:đạt|vượt|với|bằng|thành)\s)"
# (nor the plan a figure is measured against: `vượt 37,8% dự toán Trung ương giao`, `đạt 94,6% kế hoạch
# huyện giao`, `vượt chỉ tiêu được giao`)
_ASSIGNED_REACHED = r"(?<!\b(?:đạt|vượt|bằng|với)\s+(?:[\d.,]+\s*%\s+)?(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)(?:\s+[^\s,.;]+){0,3}\s+)"
# `giao` assigns (`chỉ tiêu tỉnh giao`), not in a word it begins (`giao thông`, `giao lưu`) nor in a place's name
# (`bờ sông Giao Hòa, xã Giao Long`)
_ASSIGN = (r"(?<!\b(?:sông|xã|huyện|phường|thị\s+trấn|thôn|ấp|xóm|làng|cầu|đường)\s+)\bgiao\b"
           r"(?!\s+(?:thông|lưu|dịch|tiếp|thương|hữu|thoa|thừa|tranh)\b)")
# `sẽ` looks ahead, but not as the consequence of a warning (`nếu không có giải pháp …, sạt lở sẽ tiếp tục mở
# rộng, nguy cơ gây ngập úng khoảng 43ha`)
_WILL_UNLESS_WARNED = r"(?<!\bnếu\s+không\b[^.;:]{0,120})\bsẽ\b"
_GOAL_EVIDENCE = re.compile(_words(_STRIVE) + "|" + _REACHED + r"mục\s+tiêu|" + _REACHED + r"chỉ\s+tiêu(?![^.;:]{0,40}?\bđạt\s+và\s+vượt\b)|"
                            r"(?<!%\s)(?<!(?:đạt|vượt|với|theo|bằng|thành|tiêu)\s)kế\s+hoạch(?!\s+(?:và\s+Đầu\s+tư|năm\b))|\bphải\b|"
                            + _words(_BOUNDS) + r"|dự\s+kiến|(?<!đã\s)(?:" + _words(_SET_VERBS) + r")|" + _ASSIGNED_REACHED + _ASSIGN + r"|" + _WILL_UNLESS_WARNED + r"|"
                            + _words(w for w in _GOAL_NAMES if w not in ("mục tiêu", "chỉ tiêu"))
                            + r"|hướng\s+tới|từ\s+nay\s+(?:đến|tới)|cần\s+đạt|quyết\s+tâm", re.I)


_CONGRESS_TERM_BEFORE = re.compile(r"\bĐại\s+hội\b[^.;:]{0,100}?,?\s*(?:\(\s*)?nhiệm\s+kỳ\s+\S*\s*$")
_NOW_OPENING = re.compile(r"\s*" + _NOW_OPENER)
# (`đạt và vượt chỉ tiêu tỉnh giao` is a plan's formula for a goal, not a result)
_TOLD_DONE_MARK = re.compile(r"(?:^|(?<=[.;]\s))" + _NOW_OPENER + r"|\b(?:đã|ước|kết\s+quả\s+(?:qua|đạt\s+được)|(?<!đạt\s+và\s+)vượt|"
                             + _words(_NOW) + r")\b", re.I)


@lru_cache(maxsize=256)
def _goal_marks(text: str, ahead: Optional[int]) -> tuple[list[int], list[int]]:
    """Where a story's paragraph says its figures are set (the end of a goal word, a bound, or a year
    from `ahead` on, the story's first year still to come: `đến năm 2030`, `giai đoạn 2025 - 2035`,
    `Năm 2024, …` in a story of March 2024), and where it tells something done (`đã`, `ước`, `vượt`,
    `đến nay`): sorted positions, read once per paragraph."""
    marks = [m.end() for m in _GOAL_EVIDENCE.finditer(text)]
    done = [m.start() for m in _TOLD_DONE_MARK.finditer(text)]
    if ahead is not None:
        years = year_mentions(text)
        # (not the term that names a congress: `… triển khai Nghị quyết Đại hội Đại biểu Đảng bộ xã lần thứ I,
        # nhiệm kỳ 2025-2030.` then `Xã Quảng Bình được thành lập, … dân số trên 38 nghìn người`)
        marks += [y.end for y in years if y.kind in ("due", "range", "period", "horizon", "bare") and y.year >= ahead
                  and not (y.kind == "period" and _CONGRESS_TERM_BEFORE.search(text, max(0, y.start - 120), y.start + 10))]
        # a year gone by tells of what was done then (`… cho biết năm 2025, dù còn nhiều khó khăn, …
        # tỉnh vẫn đạt nhiều kết quả tích cực` in a story of January 2026); not a baseline
        # (`so với năm 2020`) nor a period's first year
        done += [y.start for y in years if y.kind in ("due", "bare") and y.year < ahead]
    return sorted(marks), sorted(done)


def _goal_evidence(v: ValueExpr, text: str, ctx: _Context) -> bool:
    """A figure in a text that reports is a goal only with positive evidence: a bound set (`ít
    nhất`, `trở lên`), a goal word or a year ahead in its sentence, or in an earlier sentence of its
    paragraph with nothing told as done between (`Đảng bộ xã … đặt mục tiêu đến năm 2030, … Tỷ lệ
    hộ nghèo giảm còn 2,5-3,5%. Tỷ lệ lao động qua đào tạo đạt 75%`), or a lead-in that names goals."""
    if v.comparator in (">=", "<="):
        return True
    marks, done = _goal_marks(text, ctx.report_year)
    start = _sentence_start(text, v.start)
    cut = text.find(". ", v.end)
    end = cut + 1 if cut >= 0 else len(text)
    k = bisect.bisect_right(marks, end)
    if k:
        last = marks[k - 1]
        if last >= start:
            return True
        d = bisect.bisect_left(done, last)
        return d == len(done) or done[d] >= start
    if done and (done[0] < start or _NOW_OPENING.match(text, start)):
        return False  # (`Hiện TP.HCM có quy mô dân số hơn 14 triệu người`: the sentence itself says now)
    if ctx.goal_open:
        return True
    return any(_GOAL_EVIDENCE.search(t) for t in ctx.lead_texts)


# How far the patterns of the checks below read from where they start (a few words and spaces): a value's
# checks copy at most this much of its clause or sentence, so thousands of values in one
# clause cost the clause's length once, not once per value
_READ = 400


_NONE_LEFT_BEFORE = re.compile(r"\bkhông\s+còn\s+(?:[\p{L}]+\s+){1,3}$", re.I)
_PAGE_COUNTER_AFTER = re.compile(r"\s*(?:đọc|xem|truy\s+cập|comments?|bình\s+luận)\b", re.I)
_COMMENTS_OR_VOTE_AFTER = re.compile(r"\s*(?:comments?|bình\s+luận|lượt\s+(?:xem|đọc|thích)|(?-i:Trả\s+lời))\b|"
                                     # a vote: `với 95,19% số ĐBQH có mặt tham gia biểu quyết tán thành`
                                     r"[^.;:,]{0,60}\bbiểu\s+quyết\s+tán\s+thành\b|"
                                     r"\s*(?:số\s+)?(?:ĐBQH|đại\s+biểu)[^.;:,]{0,40}\btán\s+thành\b", re.I)
_STYLE_BEFORE = re.compile(r"(?<![\p{L}\d])(?:[a-z]+(?:-[a-z]+)+|width|height|margin|padding|top|left|opacity):$")
_UNITS_REACHING_BEFORE = re.compile(r"\b(?:xã|huyện|thôn|bản|ấp|đơn\s+vị)\s+(?:đạt|có)\s+(?:dưới|trên)\s*$", re.I)
_VOTE_WORDS = re.compile(r"\bbiểu\s+quyết\b|\btán\s+thành\b", re.I)


def _voted(text: str, pos: int) -> bool:
    """Vote words before `pos` in its sentence, and no goal word: read over the few hundred
    characters before it only (a clause of thousands of values stays linear)."""
    start = max(0, pos - 240)
    vote = None
    for vote in _VOTE_WORDS.finditer(text, start, pos):
        pass
    if vote is None or ". " in text[vote.end():pos]:
        return False
    cut = text.rfind(". ", start, vote.start())
    return not _GOAL_WORDS.search(text, cut + 2 if cut >= 0 else start, pos)


# a share followed by the delegates who voted (`Với 95,39% tổng số đại biểu Quốc hội tán thành, …`): how a vote went
_VOTE_SHARE_AFTER = re.compile(r"\s*(?:tổng\s+số\s+)?đại\s+biểu\b[^.;:\d]{0,40}?\b(?:đã\s+)?(?:tán\s+thành|biểu\s+quyết|bỏ\s+phiếu)\b", re.I)
_VIEWS_LINE = re.compile(r"\s*\d[\d.,]*\s+lượt(?:\s+(?:xem|đọc))?\s*")


@lru_cache(maxsize=64)
def _views_line(text: str) -> bool:
    """Whether the paragraph is a view counter (asked once per paragraph, not once per value)."""
    return _VIEWS_LINE.fullmatch(text) is not None


# a web page's furniture (a feed's header: `Sun, 11 Jan 2026 01:00:09 +0000 vi hourly 1 https://…`):
# a number before a link or an English month, or a time zone after a clock time, is no figure
# (nor a style sheet's declaration left in the text: `0cm;text-align:justify;line-height:130%">`)
_WEB_FURNITURE_AFTER = re.compile(r"\s*(?:https?://|www\.|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(?:19|20)\d\d\b)|"
                                  r"(?:cm|mm|px|pt|em|%)?;[a-z-]+:|(?:cm|mm|px|pt|em|%)?\"?>")
_WEB_FURNITURE_BEFORE = re.compile(r"\d:\d\d\s+[+-]$")
_LIST_BREAK_AFTER = re.compile(r"\s*(?:[,;]|\.(?!\d)|$)")
# a page's counter of reads before a number, and a list page's pager (`Trang 1 / 365 - 3649 dòng`,
# the pages and rows of the list)
_PAGE_COUNTER_BEFORE = re.compile(r"(?i:\b(?:lượt|lần)\s+(?:đọc|xem|truy\s+cập)\s*:?\s*$)|\bTrang\s+\d+\s*/\s*$")
# (`Từ 1/9, sẽ rà soát hộ nghèo`: a fraction right after a word of time is a day and month)
_DAY_BEFORE = re.compile(r"(?:\bngày|\blễ|\d{1,2}/\d{1,2})[^.;:]{0,12}$|"
                         r"\b(?:sáng|chiều|tối|trưa|đêm|từ|đến|tới|trước|sau)\s*$", re.I)
# (`chào mừng kỷ niệm 80 năm Quốc khánh 2/9`: a holiday named, its day after it)
_NAMED_DAY_OR_DATELINE = re.compile(r"\bngày\s+\p{Lu}[^.;:\d]{0,30}$|\(\s*\p{Lu}{2,}\s*$|"
                                    r"\b(?:Quốc\s+khánh|Giải\s+phóng\s+\p{L}+(?:\s+\p{L}+)?|Tết\s+\p{L}+)\s*$")
_CUT_VERB = re.compile(r"(?:giảm|còn|xuống)")
# a span of life or schooling is a goal in years: `tuổi thọ trung bình đạt 75 tuổi`
_LIFESPAN_WORDS = re.compile(r"tuổi thọ|thời gian sống|số năm đi học", re.I)
_FRACTION_MARK = re.compile(r"[:/]")
_CLASS_UNITS = {"sao", "hạng"}
_COUNT_OF_UNITS_BEFORE = re.compile(r"(?<![\d/.,])\d{1,4}\s+(?:xã|huyện|thôn|bản|ấp|phường|thị trấn|đơn vị)\s+$")
_PAGE_META = re.compile(r"Lượt\s+(?:xem|đọc)|Đăng\s+(?:ngày|lúc)|Ngày\s+đăng|Cập\s+nhật|GMT(?=[+-]\d)", re.I)
_LETTERS = re.compile(r"\p{L}")
_DATE_AFTER = re.compile(r"\s*(?:-|–|đến|tới)\s*(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?!\d)")
_PERSON_UNITS = {"đại biểu", "người", "khách", "khách mời", "cán bộ", "hội viên", "đoàn viên", "đảng viên", "học viên"}
_ATTENDED_BEFORE = re.compile(r"\b(?:tham\s+dự|về\s+dự|đến\s+dự)\b[^.;:\d]{0,25}?\b(?:có|của|gồm)\s*$", re.I)
_SIZE_CLASS_BEFORE = re.compile(r"\b(?:chiều\s+(?:dài|rộng|cao)|công\s+suất|trọng\s+tải|(?:tổng\s+)?dung\s+tích)(?:\s+lớn\s+nhất)?\s*$", re.I)
_ATTENDED_AFTER = re.compile(r"[^.;:\n]{0,40}?\b(?:tham\s+dự|về\s+dự|đến\s+dự|dự\s+(?:hội\s+nghị|lễ|buổi))\b", re.I)


def _zoom_control(text: str, v: ValueExpr) -> bool:
    """A percentage alone after a page's stamp or counter (`Đăng ngày 17 - 05 - 2024 Lượt xem:
    400 100%`), the page joined into one paragraph: nothing but the stamp's words before it."""
    if v.unit != "%" or len(text) - v.end > 40 or text[v.end:].strip() or v.start > 200:
        return False  # (a stamp line is short: nothing long is read for any other value)
    head = text[:v.start]
    return bool(_PAGE_META.search(head)) and not _LETTERS.search(_PAGE_META.sub(" ", head))


def _reads_as_value(v: ValueExpr, text: str, clause: tuple[int, int]) -> bool:
    """Not a date, a numbering, a structural count or a group-defining age."""
    # a verb or qualifier before the number (`đạt 80%`, `mỗi năm giảm 2%`) makes it a value,
    # whatever word stands before that
    # a share or rate is never a numbering: `bình quân hàng năm 1%`, `tiêu chí kiểu mẫu 26%`
    if v.start == v.num_start and v.unit not in ("%", "‰") \
            and _NUMBERING_RIGHT_BEFORE.match(fold(text[max(0, v.start - 40):v.start])):
        return False
    if v.qualifier.endswith("đủ"):
        return False  # `từ đủ 05 năm trở lên`: an eligibility condition
    if v.qualifier in ("dưới", "trên") and _NONE_LEFT_BEFORE.search(text[max(0, v.start - 40):v.start]):
        return False  # `không còn xã dưới 15 tiêu chí`: the bound names the group that must go
    if v.unit is None:
        if text[v.num_start - 1:v.num_start] == "(" and text[v.num_end:v.num_end + 1] == ")":
            return False  # `… từ 21% trở lên.(9) Giá trị …`: a note's or item's mark, not an index
        if v.value < 1000 and _INDEX_WORDS.search(text[clause[0]:v.start]) and not _FRACTION_MARK.search(text[v.num_start:v.num_end]):
            v.unit = "index"  # `HDI đạt trên 0,69`
        else:
            return False
    if v.fraction and v.value > 1:
        return False  # `trước 31/3 hằng năm`: a day and month, not a share
    if v.unit not in ("%", "‰") and v.value_max is not None and 1900 <= v.value < 2100 \
            and 1900 <= v.value_max < 2100 and float(v.value).is_integer():
        return False  # `2019-2020`, `2016-2020`: a period, not a range of values
    if v.fraction and (_DAY_BEFORE.search(text[max(0, v.num_start - 30):v.num_start])
                       # a named day (`ngày Quốc tế Lao động 1/5`), a news agency's dateline (`(TTXVN 1/12)`)
                       or _NAMED_DAY_OR_DATELINE.search(text[max(0, v.start - 40):v.start])):
        return False  # `trước ngày 05/6 và 05/12 hàng năm`, `Lễ 30/4 01/5`: dates in a row
    if _STYLE_BEFORE.search(text, max(0, v.num_start - 30), v.num_start):
        return False  # `line-height:130%`: a page's style code copied with its text
    if v.unit == "tiêu chí" and v.qualifier in ("dưới", "trên") and _UNITS_REACHING_BEFORE.search(
            text, max(0, v.num_start - 40), v.num_start):
        return False  # `tỷ lệ số xã đạt dưới 10 tiêu chí còn khoảng 25%`: the group the share counts
    if v.unit in ("%", None) and _voted(text, v.start):
        # `Kết quả biểu quyết: có 417/424 đại biểu … tán thành (chiếm 84,93%)`: a vote's count (not
        # `biểu quyết thông qua Nghị quyết … với 5 chỉ tiêu cụ thể: Phấn đấu đạt trên 98% …`)
        return False
    if v.unit == "%" and _VOTE_SHARE_AFTER.match(text, v.end):
        return False  # `Với 95,39% tổng số đại biểu Quốc hội tán thành, …`: how a vote went
    if _views_line(text) or (v.unit == "lượt" and not v.verb and not v.qualifier
                                       and not text[v.end:].strip()):
        # `5597 lượt` on its own line under the title (ending the title's paragraph): how often
        # the page was read, not a count of visitors to reach
        return False
    if _PAGE_COUNTER_AFTER.match(text[v.end:v.end + _READ]) or _COMMENTS_OR_VOTE_AFTER.match(text[v.num_end:v.num_end + _READ]) or _PAGE_COUNTER_BEFORE.search(text[max(0, v.start - 25):v.start]):
        return False  # a page counter: `253 lần đọc`, `Số lượt đọc: 513`, `1 comment`
    if _WEB_FURNITURE_AFTER.match(text, v.num_end, v.num_end + 40) or _WEB_FURNITURE_BEFORE.search(text, max(0, v.num_start - 12), v.num_start):
        return False
    if _zoom_control(text, v):
        return False  # `Lượt xem: 400` / `100%`: the page's zoom control under its counter or stamp
    if v.unit == "tiêu chí" and _COUNT_OF_UNITS_BEFORE.search(text[max(0, v.start - 30):v.start]):
        return False  # `72 xã đạt 19 tiêu chí nông thôn mới`: the standard the counted communes reach
    if v.unit in _CLASS_UNITS:
        return False  # `sản phẩm OCOP đạt 5 sao`, `từ 3 sao trở lên`: the class the counted things reach
    if v.fraction and text[v.num_start - 1:v.num_start] == "(" and text[v.num_end:v.num_end + 1] == ")" \
            and v.value_max is None:
        return False  # `khai giảng năm học mới (05/9)`: the day of an event, in brackets
    if v.fraction and _DATE_AFTER.match(text[v.end:v.end + 60]):
        return False  # `trong thời gian từ 01/4 đến hết 15/4`: two days
    if v.unit in _PERSON_UNITS and _ATTENDED_AFTER.match(text[v.end:v.end + 80]):
        return False  # `cùng 2.500 đại biểu tham dự tại các điểm cầu`: who came to an event
    if v.unit == "đại biểu" or (v.unit in _PERSON_UNITS and _ATTENDED_BEFORE.search(text[max(0, v.start - 40):v.start])):
        # `với sự tham dự của 550 đại biểu`, `30 đại biểu đương nhiệm và trên 200 đại biểu được bầu
        # từ cơ sở`: delegates are who sits in a congress or meeting, never a figure to reach
        return False
    if v.qualifier == "từ" and _SIZE_CLASS_BEFORE.search(text[max(0, v.start - 40):v.start]):
        return False  # `tàu cá có chiều dài lớn nhất từ 15 m trở lên`: the size that defines the group
    if v.fraction and v.unit != "ratio":
        return False  # `04/09 thôn`: a count written as a fraction (optional in the guidelines)
    if v.fraction and not v.verb and not v.qualifier and _LIST_BREAK_AFTER.match(text, v.num_end):
        # `các “điểm nóng” như đường Nguyễn Tất Thành, Sóng Hồng, 2/9, đoạn …`: a day and month
        # standing alone in a list names a street or a day, it is a fraction of nothing
        return False
    # (`25 nhiệm vụ KH-CN cấp tỉnh triển khai`: science and technology tasks are research projects, an output
    # a plan counts, not how it is built)
    if v.unit in STRUCTURAL_UNITS and not (v.comparator != "=" and v.per_year_suffix) \
            and not (v.unit == "chỉ tiêu" and _QUOTA_AFTER.match(text, v.end)) \
            and not (v.unit == "nhiệm vụ" and _RESEARCH_KIND_AFTER.match(text, v.end)):
        return False  # but `tối thiểu 120 tiết bồi dưỡng/năm` is a target
    if v.unit == "ngày làm việc" and v.comparator not in ("<=", "<") and not _CUT_VERB.match(v.verb):
        return False  # `trong thời hạn 07 ngày làm việc`: a deadline's limit, unless a time cut to a maximum
    if v.unit in ("chương trình", "đề án") and _PLAN_PART_AFTER.match(text[v.end:v.end + 20]):
        return False  # `đề ra 24 chỉ tiêu …; 4 chương trình trọng tâm và 3 nhiệm vụ`: how the plan is built
    if v.unit == "ngày làm việc" and _WITHIN_BEFORE.search(text[max(0, v.start - 30):v.start]):
        return False  # `xử lý hồ sơ … trong phạm vi không quá 05 ngày làm việc`: the limit of a task
    if v.unit in _WEIGHT_UNITS and v.qualifier in ("dưới", "trên"):
        return False  # `trẻ có cân nặng sơ sinh dưới 2.500 gram`: a weight that defines a group
    if v.unit in _AGE_UNITS and not _REACH_VERBS.match(v.verb) and not _LIFESPAN_WORDS.search(text[clause[0]:v.start]):
        return False  # `dưới 42 tuổi`, `trẻ em 5 tuổi`, `còn trên 06 năm công tác` define a group
    return True


_PLAN_PART_AFTER = re.compile(r"\s+(?:trọng\s+tâm|đột\s+phá|trọng\s+điểm)\b", re.I)
_WITHIN_BEFORE = re.compile(r"\btrong\s+(?:phạm\s+vi|thời\s+hạn|thời\s+gian|vòng)?\s*$", re.I)
_RESULTS_SAID = re.compile(r"\b(?:đạt\s+được|đã\s+đạt|thu\s+được)\s+(?:những|nhiều)?\s*kết\s+quả\b"
                           # `huyện … đã hoàn thành 28/29 chỉ tiêu chủ yếu theo kế hoạch đề ra. Trong đó, …`
                           # (`… đã cơ bản đạt chỉ tiêu kế hoạch`, `vẫn hoàn thành và hoàn thành vượt mức một số
                           # chỉ tiêu đã đề ra`)
                           r"|\b(?:đã|vẫn)\s+(?:cơ\s+bản\s+)?(?:hoàn\s+thành|đạt)(?:\s+và\s+(?:hoàn\s+thành\s+)?vượt(?:\s+mức)?)?"
                           r"\s+(?:\S+\s+){0,3}?chỉ\s+tiêu\b"
                           # `14/17 nhóm chỉ tiêu đạt và vượt kế hoạch`
                           # (`12/12 chỉ tiêu kinh tế - xã hội của phường đạt và vượt kế hoạch`)
                           r"|\b\d+/\d+\s+(?:nhóm\s+)?chỉ\s+tiêu\b[^.;:\d]{0,60}?\s(?:cơ\s+bản\s+)?(?:đạt|hoàn\s+thành)\b"
                           # `Các chỉ tiêu đều đạt và vượt như: Thu nhập … đạt 44,5 triệu đồng/năm; …`
                           r"|\bchỉ\s+tiêu\s+(?:[^\s.;:]+\s+){0,3}?đều\s+(?:đạt|hoàn\s+thành)(?:\s+và\s+vượt)?\b"
                           # `xã Bình Thành đã thực hiện đạt và vượt 11/14 chỉ tiêu nghị quyết`
                           r"|\bđã\s+thực\s+hiện\s+(?:đạt|hoàn\s+thành)(?:\s+và\s+vượt)?\s+(?:\S+\s+){0,3}?chỉ\s+tiêu\b"
                           # `Theo đánh giá tại Đại hội, nhiệm kỳ qua, kinh tế … phát triển …`
                           r"|\b(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:vừa\s+)?qua\s*,"
                           # `5 năm qua, Đảng bộ, chính quyền và nhân dân … nỗ lực …`
                           r"|^\s*(?:\d+|những|mấy)\s+năm\s+(?:vừa\s+)?qua\s*,"
                           # `Đến nay, sau 25 năm hoạt động, tổ chức Hội đã phủ kín 100% …. Số hội viên tăng
                           # lên hơn 21 triệu người`: the years gone by since a body or a programme began
                           r"|(?:^|(?<=[.]\s))\s*(?:đến\s+nay\s*,\s*)?sau\s+(?:hơn\s+|gần\s+)?\d+\s+năm\s+"
                           r"(?:hoạt\s+động|thành\s+lập|triển\s+khai|thực\s+hiện)\b[^.;:]{0,80}?,"
                           # `các đại biểu đã nghe và thảo luận các báo cáo của UBND xã … về tình hình thực hiện
                           # nhiệm vụ năm 2025.` then `Theo đó, xã … đã hoàn thành …. Tỷ lệ hộ dân … đạt trên 90%`
                           r"|\b(?:nghe|thảo\s+luận)\b[^.;:]{0,40}?\bbáo\s+cáo\b[^.;:]{0,80}?\b(?:tình\s+hình|kết\s+quả)\s+"
                           r"thực\s+hiện\b", re.I)
@lru_cache(maxsize=256)
def _results_said_ends(text: str) -> tuple[int, ...]:
    """Where each `đạt được những kết quả …` of a paragraph ends, in order."""
    return tuple(m.end() for m in _RESULTS_SAID.finditer(text))


# a goal word that turns a results paragraph to goals; not the benchmark a result is measured
# against (`đạt 681,8% so với chỉ tiêu giao`, `đạt 100,3% chỉ tiêu nghị quyết HĐND giao`)
# (not `Hai chỉ tiêu chưa đạt là …`, `chỉ tiêu chờ đánh giá`: the results again)
# (nor targets told as met: `cơ bản hoàn thành các chỉ tiêu, nhiệm vụ đề ra`)
_GOAL_TURN = re.compile(r"(?<!so\svới\s)(?<!%\s)(?:(?<!chương\s+trình\s)mục\s+tiêu|"
                        r"(?<!(?:hoàn\s+thành|đạt|vượt)(?:\s+\S+){0,2}\s+)chỉ\s+tiêu(?![^,;.]{0,30}?\bgiao\b)"
                        r"(?!\s+(?:chưa|không)\s+đạt|\s+chờ\s+đánh\s+giá)|tầm\s+nhìn|phấn\s+đấu|định\s+hướng)",
                        re.I)
_SAME_PERIOD = re.compile(r"\bso\s+(?:với\s+)?cùng\s+kỳ\b", re.I)
_SAME_PERIOD_AFTER = re.compile(r"\s*(?:\S+\s+){0,3}?so\s+(?:với\s+)?(?:cùng\s+kỳ|tháng\s+trước|quý\s+trước|kỳ\s+trước)\b", re.I)
_CUMULATIVE_BEFORE = re.compile(r"\blũy\s+kế\b[^,;:.]{0,40}$", re.I)
# (`giải quyết vệc làm cho 15.000 lao động, đạt kế hoạch đề ra`: met, so done)
# (by how much: `tỷ lệ bao phủ BHYT đạt 94,4% vượt 25% so với chỉ tiêu kế hoạch năm`)
_EXCEEDS_AFTER = re.compile(r"(?:(?:\s+[^\s\d.,;:()%]+){1,3}\s*,|\s*,?)\s*(?:đạt\s+và\s+vượt|vượt|đạt|(?:thấp|cao)\s+hơn)(?:\s+[\d.,]+\s*%)?\s+(?:so\s+với\s+)?"
                            r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|dự\s+toán)",
                            re.I)
_EXECUTION_ASIDE = re.compile(r"\s*\(\s*(?:đạt|bằng|vượt)\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH\b|chỉ\s+tiêu)",
                             re.I)
_ESTIMATE = re.compile(r"\bước\s+(?:(?:đạt|thực\s+hiện)\b|$)")
_TO_LEVEL_VERB = re.compile(r"(?:lên|xuống|còn|giảm)")
# `phấn đấu` as OCR also reads it (`phần đầu`, `phân đầu`), or a goal of a year
_STRIVE_WORDS = re.compile(r"phấn đấu|phần đầu|phân đầu|chỉ tiêu (?:năm|đến)", re.I)
_COMPLETE_OR_STRIVE_BEFORE = re.compile(r"\b(?:hoàn\s+thành|phấn\s+đấu)\s*$", re.I)


@lru_cache(maxsize=4096)
def _occurs(rx, text: str, start: int, end: int) -> bool:
    """Whether `rx` matches anywhere in text[start:end], asked once per clause or sentence.
    Each `rx` here is a pattern without boundaries, look-arounds or anchors, and matches
    wherever a check's own pattern can match: a check on any part of the span is skipped when
    its words are nowhere in the span."""
    return rx.search(text, start, end) is not None


def _unbounded(rx) -> "re.Pattern":
    """`rx` without its word boundaries: it matches wherever `rx` matches in any part of a text."""
    return re.compile(rx.pattern.replace(r"\b", ""), rx.flags)


# the words each check needs (the guards `_occurs` asks of a whole clause or sentence)
# (a prefilter of `_CURRENT`: its words without their guards, and any `hiện` but `thực hiện`)
_CURRENT_WORDS = re.compile(_words(_NOW + _DONE_VERBS) + r"|(?<!thực\s)hiện\s", re.I)
_CUMULATIVE_WORDS = re.compile(r"lũy\s+kế", re.I)
_ESTIMATE_WORDS = re.compile(r"ước\s")
_UP_TO_NOW = re.compile(r"\b(?:tính\s+)?đến\s+(?:thời\s+điểm\s+(?:này|hiện\s+tại|hiện\s+nay)|nay|hiện\s+nay|hiện\s+tại)\b", re.I)
# (`Theodự báo của Trung tâm …`: a page that lost the space reads the same)
_FORECAST_OPENING = re.compile(r"\s*theo\s*(?:nhận\s+định|dự\s+báo|bản\s+tin)\b", re.I)
_FORECAST_WORDS = re.compile(r"\b(?:dự\s+báo|xác\s+suất)\b", re.I)
_RUNNING_KINDS = ("plain", "-", "+", "•", "*", "–")
# what looks ahead in a reviewed year's opening sentence (its `chỉ tiêu` are those reached)
_LOOKS_AHEAD_WORDS = re.compile(r"phấn\s+đấu|\bsẽ\b|dự\s+kiến|mục\s+tiêu|từ\s+nay\s+(?:đến|tới)|kế\s+hoạch\s+năm|"
                                r"định\s+hướng|tầm\s+nhìn|cần\s+đạt|phải\s+đạt", re.I)
_REVIEWED_YEAR = re.compile(r"\b(?:đánh\s+giá\s+(?:kết\s+quả|tình\s+hình)|tổng\s+kết)\b[^.;]{0,160}?\bnăm\s+((?:19|20)\d\d)\b", re.I)
_OF_WHICH_OPENING = re.compile(r"\s*trong\s+đó\s*,", re.I)


_OF_WHICH_COLON = re.compile(r"\s*trong\s+đó\s*[,:]", re.I)


def _breakdown_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts, or the sentence before it when it breaks that one
    down (`… đạt 71% dự toán, tăng 20% so với cùng kỳ. Trong đó: thu từ thuế … được 2.513 tỷ đồng,
    đạt 66% dự toán, tăng 11%`: its rises are against the same period too)."""
    start = text.rfind(". ", 0, pos) + 1
    if start and _OF_WHICH_COLON.match(text, start):
        return _sentence_before(text, start + 1)
    return start


def _sentence_before(text: str, start: int) -> int:
    """Where the sentence before the one starting at `start` starts: the whole a `Trong đó …`
    sentence breaks down."""
    before = text.rfind(". ", 0, start - 2)
    return before + 2 if before >= 0 else 0


# a standard set at a level: `chuẩn nghèo với mức thu nhập bình quân đầu người thấp hơn 1,25 đô la Mỹ`
_STANDARD_LEVEL_BEFORE = re.compile(r"\bchuẩn\s+[^.;,\d]{0,30}?\bvới\s+mức\b[^.;,\d]{0,70}$", re.I)


def _future_outside_brackets(text: str, end: int) -> bool:
    """Whether text[:end] looks ahead outside an aside in brackets (`(đạt mục tiêu kế hoạch năm 2024)`
    beside a result is how it measured up, not a goal)."""
    return _first_unbracketed_future_end(text) <= end


@lru_cache(maxsize=256)
def _first_unbracketed_future_end(text: str) -> float:
    """Where the paragraph's first word of the future outside brackets ends (read once per
    paragraph, not once per value: a table's values each asked it)."""
    for m in _FUTURE.finditer(text):
        if text.rfind("(", 0, m.start()) <= text.rfind(")", 0, m.start()):
            return m.end()
    return float("inf")


_DEGREE_BRACKET_BEFORE = re.compile(r"(?<!\bmức\s+)\b(?:thấp|cao|nhiều|ít|lớn|nhỏ|ít\s+người)\s*\(\s*$", re.I)
# (not a level: `ở mức thấp (dưới 1%)` may be a goal's)
_BRACKET_CLOSE_AFTER = re.compile(r"\s*\)")
# a bracket that gives the level before a change: `(trước đó là 3%)`, `(trước đây: 5 ngày)`
_FORMER_BRACKET_BEFORE = re.compile(r"\(\s*trước\s+(?:đó|đây)\s*(?:là|:)?\s*$", re.I)
# a bracket that names the goal a result is measured against, up to its figure
_GOAL_BRACKET_BEFORE = re.compile(r"\(\s*(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch\s+đề\s+ra)\b[^()%;]{0,60}?$", re.I)
# (the unit read by the rules alone is `địa`: the count is asked by its words)
_LOCALITIES_COUNT = re.compile(r"[\d.,]+\s*địa\s+phương\b", re.I)
_REACHES_BEFORE = re.compile(r"\b(?:với|từ|cho|tại|kiểm\s+tra|phê\s+bình)\s+(?:các\s+|những\s+)?$", re.I)


def _reports_or_defines(v: ValueExpr, text: str, clause: tuple[int, int], ctx: _Context, plan_year,
                        values_in_clause: list[ValueExpr]) -> bool:
    """A report of the past, a baseline, a policy rate or a threshold that defines a group."""
    # the checks read a few words after the value (`_READ`), and the clause before it only
    # where the words they look for occur in the clause
    after = text[v.end:min(clause[1], v.end + _READ)]
    clause_has = lambda rx: _occurs(rx, text, clause[0], clause[1])  # noqa: E731
    if _GOAL_BRACKET_BEFORE.search(text, max(0, v.start - 70), v.start) and _BRACKET_CLOSE_AFTER.match(text, v.end):
        return False  # `đạt 77,9% (mục tiêu giai đoạn 2021-2025 là 80%)`: the goal a result is told beside
    if _FORMER_BRACKET_BEFORE.search(text, max(0, v.start - 30), v.start):
        return True  # `… điều chỉnh tỷ lệ ngân sách … là 1% (trước đó là 3%)`: the level it replaces
    if v.unit != "%" and _FUNDED_WITH_BEFORE.search(text, max(0, v.start - 40), v.start):
        # `hỗ trợ … để đầu tư xây dựng dự án bờ kè … với kinh phí 11,5 tỷ đồng`, `với tổng vốn đầu tư 238 tỷ
        # đồng`: the money a project or support comes with is its means, not a result to reach
        return True
    # a bound in brackets after a word of degree spells out what that word means (`con em vùng đồng
    # bào dân tộc ít người (dưới 10.000 người)`, `trẻ có cân nặng sơ sinh thấp (dưới 2500 gam)`): it
    # defines a group, it sets no goal
    # the localities an action reaches (`Sẽ kiểm tra 18 địa phương chậm ban hành …`, `Phiên họp …
    # trực tuyến với 63 địa phương`, `Theo tổng hợp báo cáo từ 34 địa phương`) name whom it reaches,
    # not a level to reach
    if _LOCALITIES_COUNT.match(text, v.num_start) and _REACHES_BEFORE.search(text, max(0, v.num_start - 20), v.num_start):
        return True
    if v.comparator and _DEGREE_BRACKET_BEFORE.search(text, max(0, v.start - 20), v.start) \
            and _BRACKET_CLOSE_AFTER.match(text, v.end):
        return True
    # (a bound or a yearly rate is a goal's: `tăng bình quân 6%/năm trở lên so với kế hoạch được giao`)
    if v.unit == "%" and _REPORT_AFTER.match(after) and not (v.comparator in (">=", "<=") or v.per_year_suffix) and not (
            v.value <= 100 and (_COMPLETE_OR_STRIVE_BEFORE.search(text[max(clause[0], v.start - 20):v.start])
                                # `Phấn đấu tỷ lệ tiêm phòng … đạt 100% kế hoạch đề ra`
                                or (clause_has(_STRIVE_WORDS) and _STRIVE_WORDS.search(text[clause[0]:v.start])))):
        return True  # `đạt 246% kế hoạch` reports execution; `hoàn thành 100% chỉ tiêu được giao` is a goal
    # (a bound, `tăng 4% trở lên so với cùng kỳ`, is a goal's)
    # (and the growth figures listed after one so compared, in its sentence: `Tổng giá trị sản xuất đạt
    # …, tăng 13,8% so với cùng kỳ; giá trị sản suất ngành nông nghiệp tăng 9,9%, công nghiệp … tăng 10,9%`)
    if (_SAME_PERIOD_AFTER.match(after) or (clause_has(_CUMULATIVE_WORDS)
                                            and _CUMULATIVE_BEFORE.search(text[clause[0]:v.start]))
            or (v.verb in ("tăng", "giảm") and v.unit == "%"
                and _SAME_PERIOD.search(text, _breakdown_start(text, v.start), v.start))) and not ctx.goal \
            and v.comparator == "=" and not _future_outside_brackets(text, v.start) \
            and not _FUTURE.search(_BRACKETED.sub("", text[text.rfind(". ", 0, v.start) + 1:(text.find(". ", v.end) + 1) or len(text)])):
        # (an aside on the plan, `(đạt mục tiêu kế hoạch năm 2024)`, is no goal of the sentence)
        return True  # `tăng 5,74% so cùng kỳ`, `(lũy kế 2 tháng tăng 14%)`: a period's result against another
    # a change against a year that the story's year follows, both behind it (`Chỉ số sản xuất công
    # nghiệp tăng 9% so với năm 2024` in a story of December 2025): that year's result (`tăng 8% so với
    # năm 2025` in the same story is the coming year's goal)
    compared = _COMPARED_YEAR_AFTER.match(after) if ctx.first_ahead and v.comparator == "=" else None
    if compared and int(compared.group(1)) + 1 < ctx.first_ahead \
            and not _looks_ahead(text, _sentence_start(text, v.start), clause[1]):
        return True
    if _EXECUTION_ASIDE.match(text[v.end:v.end + _READ]) or _EXCEEDS_AFTER.match(text[v.end:v.end + _READ]):
        return True  # `… là 25% (đạt 100% kế hoạch)`, `… đạt 51,2 triệu đồng, vượt mục tiêu nghị quyết`: results
    if v.unit == "%" and _POLICY_BEFORE.search(text[max(clause[0], v.start - 30):v.start]) \
            and _POLICY_AFTER.match(after):
        return True  # `hỗ trợ 50% kinh phí`: a policy rate, not a goal
    if _PAST_WORD.search(text[max(clause[0], v.start - 30):v.start]):
        return True
    if v.comparator == ">=" and v.unit != "%" and _SHARE_OF_GROUP_BEFORE.search(text, max(clause[0], v.start - 60), v.start):
        return True  # `phấn đấu 100% số doanh nghiệp có từ 25 lao động trở lên …`: the size that names the group
    if _STANDARD_LEVEL_BEFORE.search(text, max(clause[0], v.start - 90), v.start):
        return True  # `sử dụng chuẩn nghèo với mức thu nhập … thấp hơn 1,25 đô la`: the line that defines the poor
    if v.verb in ("lên", "xuống", "còn") and _BROUGHT_TO.search(text[max(clause[0], v.start - 80):v.start]):
        return True
    # `Tỷ lệ hồ sơ trực tuyến … tháng 10/2025 đạt 39,98%`: a month's figure (a goal is due by a
    # month: `đến tháng 10/2025 đạt 50%`)
    if _MONTH_FIGURE_BEFORE.search(text, max(clause[0], v.start - 30), v.start) \
            and not _FUTURE.search(text, _sentence_start(text, v.start), clause[1]):
        return True
    # `từ 60% (năm 2020) lên 80%`: the first value is the baseline
    # (`tăng sản lượng từ mức dưới 1 triệu tấn/năm hiện nay lên mức 16 triệu tấn/năm`)
    if (v.qualifier == "từ" or _FROM_LEVEL_BEFORE.search(text, max(clause[0], v.start - 12), v.start)) \
            and _BASELINE_AFTER.match(after):
        return True
    # a figure dated by a past year written right after it (`số gia đình luyện tập thể thao đạt 28% năm
    # 2020 (…) cho đến năm 2025 đạt 35,5%`): the level then, not a goal
    dated = _YEAR_RIGHT_AFTER.match(after)
    if dated and plan_year and int(dated.group(1)) < plan_year \
            and not _looks_ahead(text, _sentence_start(text, v.start), v.start):
        return True  # (`… phấn đấu … đạt 95% năm 2020` in an old plan's excerpt is that year's goal)
    # (`phấn đấu đạt tăng trưởng GRDP năm 2025 từ 8% trở lên`: a year striven for is a goal's,
    # whatever year the page reads as its own)
    # (or the year the story says a meeting reviewed: `Xuất khẩu … năm 2015 đạt 30,14 tỷ USD … tại hội
    # nghị tổng kết công tác năm 2015, triển khai nhiệm vụ năm 2016`)
    if (plan_year or ctx.reviewed_years) and not _TO_LEVEL_VERB.match(v.verb) and not (
            clause_has(_STRIVE_WORDS) and _STRIVE_WORDS.search(text[clause[0]:v.start])):
        prev_end = max([w.end for w in values_in_clause
                        if w.unit is not None and clause[0] <= w.end <= v.start] + [clause[0]])
        for y in year_mentions(text[prev_end:v.start], prev_end):
            if y.kind == "bare" and ((plan_year and y.year < plan_year) or y.year in ctx.reviewed_years) \
                    and not _names_a_law(text, y):
                return True  # `năm 2023 đạt 95%` reports the past
    # a sentence opened by a past year reports in all its clauses, unless a clause
    # sets its own horizon or goal (`Năm 2024, … đạt 56 triệu đồng; toàn huyện có 21 sản phẩm`)
    sentence_start = max(text.rfind(". ", 0, clause[0]) + 2, 0) if text.rfind(". ", 0, clause[0]) >= 0 else 0
    # (`Năm 2025, tỷ lệ … đạt 98,66%. Trong đó, tỷ lệ … đạt gần 59%`: the breakdown of a
    # reported figure reports too)
    starts = {clause[0], sentence_start}
    if sentence_start >= 2 and _OF_WHICH_OPENING.match(text, sentence_start):
        starts.add(_sentence_before(text, sentence_start))
    for start in starts:
        opening = _PAST_OPENING.match(strip_marker(text[start:min(v.start, start + _READ)]))
        last = int(opening.group("last")) if opening else None
        if opening and ((plan_year and last < plan_year) or last in ctx.reviewed_years
                        # (an undated excerpt: `Được biết, trong 5 năm (2011-2015), cả nước đã tạo việc làm
                        # cho trên 7,8 triệu người; khoảng 8,6 triệu lao động được đào tạo …`)
                        or (plan_year is None and _DONE_OR_WHOLE_YEAR.search(text, start, v.start))) and (
                start == clause[0] or not (_GOAL_WORDS.search(text, clause[0], clause[1])
                                           or any(y.kind in DUE_KINDS and y.year > last
                                                  for y in year_mentions(text[clause[0]:clause[1]])))):
            return True  # `Năm 2024, thu nhập … đạt 56 triệu đồng, tỷ lệ hộ nghèo còn 2,1%`
    # a story's sentence whose only years are past ones, written before the figure (in a story of February
    # 2024: `Theo UBND tỉnh, tổng kế hoạch vốn đầu tư công năm 2023 là 4.678,45 tỷ đồng, thực hiện và giải
    # ngân 4.319,847 tỷ đồng, đạt 92,34%`): that year's outcome, in every clause, unless it looks ahead
    if ctx.news and plan_year and not ctx.goal \
            and _past_years_sentence(text, sentence_start, plan_year) is not None \
            and _past_years_sentence(text, sentence_start, plan_year) < v.start:
        return True
    if _follows_reported_year(text, v.start, plan_year, ctx.reviewed_years):
        return True
    sentence_has = lambda rx: _occurs(rx, text, sentence_start, clause[1])  # noqa: E731
    if ctx.news and plan_year and not ctx.goal and _told_as_done_this_year(v, text, clause, sentence_start, plan_year):
        return True
    if ctx.news and not ctx.goal and _told_as_done(v, text, clause, sentence_start):
        return True
    # the figures of an elapsed part of a year (`Hầu hết các chỉ số 9 tháng đầu năm đều tăng …; thu hút
    # vốn đầu tư FDI đạt trên 500 triệu USD (cao hơn kế hoạch năm …)`): results, in every clause of the
    # sentence, unless it looks ahead outside its asides
    # (and the breakdown of such a figure: `Hết quý I năm 2024, tổng thu … đạt hơn 700 tỷ đồng. Trong đó số
    # thu nội địa đạt 655 tỷ đồng`)
    # (a `Trong đó …` sentence is read with the sentence it breaks down)
    of_which_from = _sentence_before(text, sentence_start) \
        if sentence_start >= 2 and _OF_WHICH_LEAD.match(text, sentence_start) else sentence_start
    elapsed = ctx.news and not ctx.goal and _occurs(_ELAPSED_PART, text, of_which_from, clause[1]) \
        and _ELAPSED_PART.search(text, of_which_from, v.start)
    if elapsed and not (plan_year and any(y.year > plan_year for y in year_mentions(elapsed.group()))):
        said = _BRACKETED.sub("", text[of_which_from:clause[1]])
        if not (_FUTURE.search(said) or _GOAL_TURN.search(said) or _STRIVE_WORDS.search(said)):
            return True
    # a figure measured, not set: told as falling short (`Chỉ có 34,8% người dân … được sử dụng nước sạch`,
    # `… chỉ đạt 45,8%, trong khi mục tiêu đề ra là 50%`), as a place in a ranking (`Bộ Công Thương dẫn
    # đầu với tỷ lệ 83,48%`, `Đà Nẵng (58,89%) … là những địa phương xếp sau`), or with its goal in brackets
    # beside it (`Khối bộ, ngành đạt 63,47% (mục tiêu 70%)`): what was reached against a goal
    if _measured(v, text, sentence_start, sentence_has):
        return True
    # a past lead-in in the sentence: `xã đã hoàn thành cơ bản các chỉ tiêu phát triển: …`,
    # `tình hình kinh tế - xã hội 6 tháng đầu năm 2018 đạt được kết quả toàn diện: …`
    if sentence_has(_PAST_LEAD_WORDS) and _PAST_LEAD.search(text[sentence_start:v.start]) \
            and not _FUTURE.search(text[sentence_start:v.start]):
        return True
    # `… đã tập trung lãnh đạo … đạt được những kết quả toàn diện. Tổng giá trị … Tốc độ tăng
    # trưởng 8,7%.`: the sentences after a paragraph's word of its results report them, and
    # the clauses after it in its own sentence (`14/17 nhóm chỉ tiêu đạt và vượt kế hoạch, …;
    # Tỷ lệ hộ nghèo giảm từ 29,56% xuống còn 25,3%`)
    said_ends = _results_said_ends(text)  # read once per paragraph, not once per value
    k = bisect.bisect_right(said_ends, v.start)
    if k:
        # (unless a later sentence turns to goals: `… HĐND đã thống nhất nhiệm vụ … với các chỉ tiêu: …`)
        turn = text.find(". ", said_ends[k - 1])
        window_end = clause[1]  # to the end of its clause: a later clause's `từ nay đến cuối năm xã phải …` is its own
        turn = turn if 0 <= turn < v.start else said_ends[k - 1]
        if not _FUTURE.search(text, turn, window_end) and not _GOAL_TURN.search(text, turn, window_end):
            return True
    # `đến thời điểm này toàn huyện đã gieo cấy được gần 4.000ha lúa Mùa, đạt trên 60% diện
    # tích`: a count taken up to now reports, in every clause of its sentence
    if sentence_has(_UP_TO_NOW) and _UP_TO_NOW.search(text[sentence_start:v.start]) \
            and not _FUTURE.search(text[sentence_start:clause[1]]):
        return True
    # a count taken as of a day (`Tính đến ngày 1-3 rồi, TPHCM đã cấp …`; in a story of 30/10/2019, `Đến ngày
    # 1/10/2019, toàn tỉnh có 90.381 người tham gia BHXH, chiếm khoảng 11,8% …`): every figure of its
    # sentence is the state then, unless it looks ahead. (A day still to come is a deadline: `đến ngày
    # 31/12/2025, 100% …`; so without `tính` the day must be one the story is dated after.)
    if sentence_has(_AS_OF_DAY) and (as_of := _as_of_day(text, sentence_start)) and as_of.end() <= v.start \
            and (as_of.group(1) or _day_behind(as_of, ctx.own_month)) \
            and not _looks_ahead(text, sentence_start, clause[1]) and not _occurs(_STRIVE_WORDS, text, sentence_start, clause[1]):
        return True
    if clause_has(_ESTIMATE_WORDS) and _ESTIMATE.search(text[clause[0]:v.start]) \
            and not _FUTURE.search(text[sentence_start:v.start]) \
            and not (ctx.lead_texts and _FUTURE.search(_last_sentence(ctx.lead_texts[0]))):
        # `tổng giá trị sản xuất ước đạt 53%`: an estimate of what was done (not of what a
        # goal set for the coming year comes to: `Năm 2026, tỉnh … đặt mục tiêu … ước đạt 98,73%`,
        # nor an item under a lead-in of goals: `chỉ tiêu chính cần đạt như sau: - … ước đạt trên
        # 300.000 tấn`)
        return True
    # a description, not a goal: `Sở … có tỷ lệ hoàn thành trên 90%`, `có kết quả đạt thấp (dưới 50%)`
    if not ctx.goal and sentence_has(_DESCRIBES_WORDS) and _DESCRIBES.search(text[sentence_start:v.start]) \
            and not _FUTURE.search(text[sentence_start:clause[1]]) and not any(
            y.kind in ("due", "range") for y in year_mentions(text[sentence_start:clause[1]])):
        return True
    if _reports_paragraph(text, sentence_start, plan_year):
        return True
    # a count a decision approved (`Theo đó, trên địa bàn tỉnh có 70 địa điểm được phê duyệt tổ chức hội chợ …
    # năm 2024, tăng 2 địa điểm so với năm 2023`): the figures of its sentence tell what the list holds
    # (and the breakdown that follows it: `Trong đó, TP.Biên Hòa có 14 địa điểm, … mỗi địa phương có từ 2-4
    # địa điểm`, a paragraph of its own or the next sentence)
    if (_occurs(_APPROVED_COUNT, text, of_which_from, clause[1])  # (the same for every value of the clause)
            or ctx.approved_before and _OF_WHICH_LEAD.match(strip_marker(text))) \
            and not _looks_ahead(text, sentence_start, clause[1]) and not sentence_has(_STRIVE_WORDS):
        return True
    # a paragraph that opens by citing a report and then gives its content after a colon (`Theo báo cáo tại
    # hội nghị cho biết: Thực hiện Nghị quyết 57, Đảng ủy xã … đã ban hành …. UBND xã duy trì 12 điểm …,
    # đồng thời tổ chức tập huấn … cho hơn 300 cán bộ`): every sentence of it tells the report's results,
    # unless one looks ahead
    if not ctx.goal and _REPORT_CONTENT_OPENING.match(strip_marker(text[:_READ])):
        said = _BRACKETED.sub("", text[sentence_start:clause[1]])
        if not (_FUTURE.search(said) or _GOAL_TURN.search(said) or _STRIVE_WORDS.search(said)):
            return True
    # `Theo nhận định của Đài khí tượng thủy văn tỉnh, … El Nino tiếp tục duy trì với xác suất trên
    # 90%, … thấp hơn so với TBNN từ 10 – 20%`: a forecast, not a goal (but `cùng với dự báo tình
    # hình trong thời gian tới, trong năm 2022, huyện … đề ra các chỉ tiêu …` sets goals in its view)
    if (_FORECAST_OPENING.match(strip_marker(text)) or sentence_has(_FORECAST_WORDS)
            and _FORECAST_WORDS.search(text[sentence_start:v.start])) and not sentence_has(_STRIVE_WORDS) \
            and not _SETS_GOALS.search(text, sentence_start, clause[1]):
        return True
    # a sentence that cites a report or a survey tells what was done, unless it sets goals
    # too (`Theo báo cáo của UBND tỉnh, tỷ lệ hộ nghèo … năm 2024 giảm 6,26%`)
    # (a goal named after the figure is what it is measured against: `… bình quân đạt 3,81%, đạt so
    # với mức trên 3% mục tiêu kế hoạch`)
    # (unless what it cites are the goals, listed: `Theo báo cáo của Bộ NN-MT, các chỉ tiêu xã hội như giảm tỷ
    # lệ hộ nghèo đa chiều từ 1 đến 1,5%, …`)
    if _REPORT_OPENING.match(strip_marker(text[sentence_start:min(v.start, sentence_start + _READ)])) \
            and not _FUTURE.search(text[sentence_start:v.end]) and not (_GOAL_NAMED_AFTER.match(text, v.end) and not _REACH_VERBS.match(v.verb)) \
            and not _GOALS_LISTED.search(text, sentence_start, v.start):
        return True
    # a sentence opened by now (`Hiện nay, tỉnh Ninh Bình có trên 24.500 doanh nghiệp …; số doanh nghiệp
    # nhỏ và siêu nhỏ chiếm 97% …`) tells how things stand in every clause, unless one looks ahead
    if _NOW_SENTENCE_OPENING.match(strip_marker(text[sentence_start:min(v.start, sentence_start + _READ)])) \
            and not _FUTURE.search(text, sentence_start, v.end) and not clause_has(_GOAL_WORDS) \
            and not _clause_due(text, clause):
        return True
    if ctx.defining or _DEFINING.match(strip_marker(text[:min(v.start, _READ)]).strip()):
        return True
    # the grounds a goal stands on, given as what the whole place has (`Mục tiêu này có cơ sở thực hiện tốt
    # do toàn huyện có 85 trang trại, 540 gia trại, …; 866 hội viên đạt danh hiệu …`): every figure after
    # the cause is counted, unless the sentence turns ahead after it
    grounds = _GROUNDS.search(text, sentence_start, v.start) if sentence_has(_GROUNDS_ANYWHERE) else None
    if grounds and not _FUTURE.search(text, grounds.start(), v.end) \
            and not _GOAL_WORDS.search(text, grounds.start(), v.start):
        return True
    if ctx.results_before:
        said = _BRACKETED.sub("", text[sentence_start:clause[1]])  # `(mục tiêu đại hội là 90%)` beside a result
        if not _GOAL_TURN.search(said) and not _FUTURE.search(said):
            return True  # the figures of the results told in the paragraphs before
    if ctx.no_goals and not clause_has(_STRIVE_WORDS):
        return True  # a results / shortcomings section reports, it does not set goals
    # `Hiện tại Sở … đang triển khai xây dựng Cổng …, bảo đảm cung cấp khoảng 300 dịch vụ`:
    # the work under way is told of, the figure is what it is for (the clause's own goal
    # words and years asked first: they hold for every value of the clause)
    if not clause_has(_CURRENT_WORDS) or clause_has(_GOAL_WORDS) or _clause_due(text, clause):
        return False
    clause_before = text[clause[0]:v.start]
    current = None
    for current in _CURRENT.finditer(clause_before):
        pass
    return bool(current) and not _PURPOSE.search(clause_before[current.end():])


# a sentence that tells a past year's figures: `Chủ tịch UBND TP … cho biết năm 2025, GRDP của Thủ đô đạt 8,16%`
_REPORTED_YEAR_LEAD = re.compile(r"\b(?:cho\s+biết|báo\s+cáo|thông\s+tin)\s*,?\s*(?:trong\s+)?năm\s+((?:19|20)\d\d)\s*,", re.I)


def _follows_reported_year(text: str, pos: int, plan_year, reviewed_years) -> bool:
    """`… cho biết năm 2025, GRDP của Thủ đô đạt 8,16%, …. Quy mô nền kinh tế Hà Nội vượt 64 tỷ
    USD, …`: the sentence after one that tells a past year's figures tells them too, when it
    names no year and looks nowhere ahead (its paragraph's sentences read once)."""
    spans, starts = _sentence_index(text)
    k = bisect.bisect_right(starts, pos) - 1
    if k < 1:
        return False
    a, b = spans[k]
    lead = _REPORTED_YEAR_LEAD.search(text, spans[k - 1][0], spans[k - 1][1])
    if not lead:
        return False
    year = int(lead.group(1))
    if not ((plan_year and year < plan_year) or year in reviewed_years):
        return False
    # (`với định hướng ưu tiên các dự án …` is no goal: only the goal nouns count)
    return not (_occurs(_YEAR_DIGITS, text, a, b) or _occurs(_FUTURE, text, a, b) or _occurs(_GOAL_NOUNS, text, a, b))


# `chỉ đạt`, `chỉ có`, `chỉ là`, `chỉ mới có`, `mới chỉ đạt`, `chỉ 8,6%` (not `chỉ còn`: a goal may bring a rate down
# to it; nor the noun of `chứng chỉ đạt trên 40%`)
# (or `vẫn`, still: `nhu cầu điện vẫn tiếp tục tăng ở mức cao, bình quân khoảng 8,5%/năm`, a state of things)
_ONLY_REACHED = re.compile(r"\b(?:mới\s+)?(?<!(?:chứng|địa|văn)\s+)chỉ\s+(?:mới\s+)?(?:(?:có|đạt|là|chiếm|bằng)\b|(?=\d))|"
                           r"\bvẫn\s+(?:tiếp\s+tục\s+|đang\s+|còn\s+)?(?:tăng|giảm|ở\s+mức|chiếm|còn|đạt|là|có)\b", re.I)
# a place in a ranking: `dẫn đầu`, `xếp sau`, `đứng thứ 2`, `vị trí thứ hai`, `nhóm thấp nhất`
_RANKED = re.compile(r"\bdẫn\s+đầu\b|\bxếp\s+(?:hạng\s+)?(?:sau|thứ|cuối)\b|\bđứng\s+(?:đầu|thứ|cuối)\b|"
                     r"\bvị\s+trí\s+(?:thứ|tiên\s+phong|dẫn\s+đầu|số)\b|\bnhóm\s+(?:thấp|cao)\s+nhất\b", re.I)
# a goal in brackets right after the figure: `đạt 63,47% (mục tiêu 70%)`, `tăng 6,7% (kế hoạch đề ra là 9,4%)`
_GOAL_BESIDE = re.compile(r"\s*\((?:so\s+với\s+)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)\b[^()]*\d[^()]*\)", re.I)
_AS_OF_DAY = re.compile(r"\b(?:(tính)\s+)?đến\s+(?:hết\s+)?ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d\d))?\b"
                        r"(?:\s+rồi)?\s*,", re.I)
_MEASURED_HINT = re.compile(r"\bchỉ\b|\bvẫn\b|đầu\b|\bxếp\b|\bđứng\b|\bvị\s+trí\b|\bnhất\b|\(", re.I)


@lru_cache(maxsize=1024)
def _past_years_sentence(text: str, sentence_start: int, plan_year: int) -> Optional[int]:
    """Where the first year of the sentence at `sentence_start` ends, when every year it names is a
    bare year before `plan_year` (not a law's) and it names no goal, future or striving; else None
    (read once per sentence)."""
    end = text.find(". ", sentence_start)
    end = len(text) if end < 0 else end
    years = year_mentions(text[sentence_start:end], sentence_start)
    # (a baseline year is behind whatever it compares: `… năm 2015 đạt 30,14 tỷ USD, giảm 0,8% so với năm 2014`)
    told = [y for y in years if y.kind != "baseline" or y.year >= plan_year]
    if not told or any(y.kind != "bare" or y.year >= plan_year or _names_a_law(text, y) for y in told):
        return None
    if _looks_ahead(text, sentence_start, end) or _occurs(_STRIVE_WORDS, text, sentence_start, end) \
            or _occurs(_GOAL_WORDS, text, sentence_start, end):
        return None
    return told[0].end


@lru_cache(maxsize=1024)
def _as_of_day(text: str, sentence_start: int):
    """The first `(tính) đến ngày d/m(/y),` of the sentence at `sentence_start` (read once)."""
    end = text.find(". ", sentence_start)
    return _AS_OF_DAY.search(text, sentence_start, len(text) if end < 0 else end)


def _day_behind(as_of, own_month: Optional[tuple[int, int]]) -> bool:
    """Whether the day of `as_of` (day, month, year groups) is no later than the story's own month."""
    if own_month is None or not as_of.group(4):
        return False
    return (int(as_of.group(4)), int(as_of.group(3))) <= own_month


def _measured(v: ValueExpr, text: str, sentence_start: int, sentence_has) -> bool:
    """Whether a figure is told as measured: falling short or still so (`chỉ đạt`, `vẫn tăng`)
    with no goal or future near before it, followed by its goal in brackets, or a place in a
    ranking in a sentence that names no goal. None of these is how a goal is set. (Windows of a
    few words before the value, and the sentence read once: no scan per value.)"""
    if v.comparator in (">=", "<=") or not sentence_has(_MEASURED_HINT):
        return False
    # (the value's verb too: `chỉ đạt 45,8%`)
    near = _BRACKETED.sub("", text[max(sentence_start, v.num_start - _READ):v.num_start])
    if _GOAL_BESIDE.match(text, v.end) and not _ahead_words(near):
        return True
    only = None
    for only in _ONLY_REACHED.finditer(near, max(0, len(near) - 120)):
        pass
    # (the words between are the figure's own: not a purpose that sets it, `mỗi cặp vợ chồng chỉ có một hoặc
    # hai con nhằm duy trì tổng tỷ suất sinh … ở mức 1,57 con`)
    # (a list of figures the words run over, the verb left out after the first: `vẫn còn 15 Bộ, cơ quan trung
    # ương chỉ giải ngân vốn đầu tư công được dưới 15%, 2 địa phương dưới 35%`)
    if only is not None and (len(near) - only.end() <= 80 or _FIGURE_LIST_GOES_ON.search(near, only.end())) \
            and not _ahead_words(near[max(0, only.start() - 60):]) and not _PURPOSE.search(near, only.end()):
        return True
    return _ranked_sentence(text, sentence_start)


_FIGURE_LIST_GOES_ON = re.compile(r"\d\s*%\s*,\s*(?:\d+\s+)?[^\d,;:.()]{0,40}$")


def _ahead_words(stretch: str) -> bool:
    return bool(_FUTURE.search(stretch) or _GOAL_TURN.search(stretch) or _STRIVE_WORDS.search(stretch))


@lru_cache(maxsize=1024)
def _ranked_sentence(text: str, sentence_start: int) -> bool:
    """A sentence that places things in a ranking and names no goal or future (read once)."""
    end = text.find(". ", sentence_start)
    said = _BRACKETED.sub("", text[sentence_start:len(text) if end < 0 else end])
    return bool(_RANKED.search(said)) and not (_ahead_words(said) or _GOAL_WORDS.search(said))


@lru_cache(maxsize=1024)
def _looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a goal or the future (asked once per sentence and clause)."""
    return bool(_FUTURE.search(text, start, end) or _GOAL_TURN.search(text, start, end))


# told as done: `đã`, or a whole year's figure (`GDP cả năm tăng 5,03%`)
_DONE_OR_WHOLE_YEAR = re.compile(r"\bđã\b|\bcả\s+năm\b", re.I)


def _told_as_done_this_year(v: ValueExpr, text: str, clause: tuple[int, int], sentence_start: int,
                            plan_year: int) -> bool:
    """A news story's own year, or a period that ends in it, told as done: in a story of
    October 2015 (a congress reviewing its term), `Hà Tĩnh đã huy động …; năm 2015 tỷ lệ hộ
    nghèo còn dưới 5%` and `bình quân giai đoạn 2011 – 2015 tạo việc làm cho hơn 32 nghìn lượt
    người/năm`. Not where the sentence looks ahead (`năm 2015 phấn đấu …`)."""
    years = mentions_before(text, clause[0], clause[1], v.start)
    opening = _YEAR_OPENING_YEAR.match(text, sentence_start)  # `Năm 2012, …` for every clause after it
    if not years and opening and int(opening.group(1)) == plan_year:
        years = mentions_before(text, sentence_start, clause[1], v.start)
    if not years or years[-1].year != plan_year:
        return False
    if _looks_ahead(text, sentence_start, clause[1]):
        return False
    if years[-1].kind == "period":
        return True
    # (`Năm 2012, nhờ thực hiện … GDP cả năm tăng 5,03%, thấp hơn kế hoạch 0,97%` in a story of
    # that year's end: the whole year's figure)
    return years[-1].kind == "bare" and bool(_DONE_OR_WHOLE_YEAR.search(text, sentence_start, v.start))


# the figure is a goal's (`so với mức trên 3% mục tiêu kế hoạch`; but `đạt 100% chỉ tiêu` is how much of it was done)
_GOAL_NAMED_AFTER = re.compile(r"\s*(?:mục\s+tiêu|chỉ\s+tiêu)\b", re.I)
# `đã` as the predicate of the figure's own subject (`100% cấp ủy … đã nghiêm túc quán triệt`)
_DONE_AFTER = re.compile(r"\s*(?:[^\s.;:,\d]+\s+){1,10}?đã\s", re.I)
_DONE_WORD = re.compile(r"\bđã\s")
# (comma or not: `Trong đó xây mới 7.475 căn`)
_OF_WHICH_LEAD = re.compile(r"\(?\s*trong\s+đó\b", re.I)
_ADOPTS = re.compile(r"\b(?:thông\s+qua|ban\s+hành|đề\s+ra|phê\s+duyệt|giao)\b", re.I)


def _told_as_done(v: ValueExpr, text: str, clause: tuple[int, int], sentence_start: int) -> bool:
    """A story or letter tells what was done, not what is to be: the figure's sentence says `đã`
    of it and names no goal, no future and no year a goal is due (`Tỉnh ủy đã chú trọng chỉ đạo
    … tuyên truyền … trên 04 loại hình báo chí`; `100% cấp ủy đảng … đã nghiêm túc quán triệt`)."""
    if v.comparator in (">=", "<="):
        return False  # `ít nhất 85% các địa bàn đã chuyển hóa thành công`: a bound is a goal's
    done = _DONE_WORD.search(text, clause[0], v.start) or _DONE_AFTER.match(text, v.end, clause[1])
    # (`…, toàn tỉnh đã khởi công … 10.760 căn nhà. Trong đó xây mới 7.475 căn`: a breakdown
    # is told as its whole was)
    if not done and sentence_start >= 2 and _OF_WHICH_LEAD.match(text, sentence_start):
        sentence_start = _sentence_before(text, sentence_start)
        done = _DONE_WORD.search(text, sentence_start, v.start)
    # (a meeting that adopted goals tells them: `hội nghị đã … thông qua Nghị quyết về nhiệm vụ … Trong
    # đó, … nông nghiệp chiếm 45%`)
    return bool(done) and not (_looks_ahead(text, sentence_start, clause[1])
                               or _occurs(_STRIVE_WORDS, text, sentence_start, clause[1])
                               or _occurs(_ADOPTS, text, sentence_start, clause[1]) or _done_due(text, clause, done.start()))


_WITHIN_YEAR = re.compile(r"trong\s+năm\b", re.I)


def _done_due(text: str, clause: tuple[int, int], done_at: int) -> bool:
    """Whether a clause told with `đã` names a year a goal is due: not the year the deed is told
    within (`trong năm 2024, Hà Nam đã xử lý trực tuyến toàn trình 68,54% …`), which is its time."""
    return any(y.kind in DUE_KINDS and not (clause[0] + y.end <= done_at and _WITHIN_YEAR.match(text, clause[0] + y.start))
               for y in year_mentions(text[clause[0]:clause[1]]))


@lru_cache(maxsize=1024)
def _clause_due(text: str, clause: tuple[int, int]) -> bool:
    """Whether a clause names a year a goal is due."""
    return any(y.kind in DUE_KINDS for y in year_mentions(text[clause[0]:clause[1]]))


_SHARE_ASIDE_OPEN = re.compile(r"%\s*\(\s*$")
_NAMED_PROGRAMME = re.compile(r"(?:Chương trình|Đề án|Dự án|Chiến lược)(?:\s+\p{Lu}\p{L}*(?:\s+\p{Ll}+)?){0,3}\s*$")
_MERGED_FROM = re.compile(r"\b(?:sáp\s+nhập|hợp\s+nhất)\s*$", re.I)
_MERGED_FROM_WORDS = re.compile(r"\b(?:sáp\s+nhập|hợp\s+nhất)\b[^.;:\d]{0,80}$", re.I)
_REPRESENTS_BEFORE = re.compile(r"\bđại\s+diện\s+cho\s*$", re.I)
_ASSIGNED_TO_BEFORE = re.compile(r"\bgiao\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,100}\bcho\s*$", re.I)
_REACH_OR_CHANGE_VERB = re.compile(r"(?:đạt|tăng|giảm|gấp|lên|ở\s+mức|duy\s+trì)")
# a round denominator: `trên 10.000 dân`, `trên 1 ha`
_POWER_OF_TEN = re.compile(r"10*")
_BRACKETED = re.compile(r"\s*\([^()]*\)")


_NOT_YET_AFTER = re.compile(r"(?:\s+[\p{L}]+){0,5}?\s+(?:chưa|vẫn\s+còn|vẫn\s+chưa)\b", re.I)


class _SpanFinder:
    """The first span of a list holding a position: by bisect when the spans are in order and
    disjoint (clauses and sentences are), else by a scan of the list."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.ordered = all(a[1] <= b[0] and a[0] <= a[1] for a, b in zip(spans, spans[1:]))
        self.starts = [s[0] for s in spans]

    def __call__(self, pos: int) -> Optional[tuple[int, int]]:
        if not self.ordered:
            return next((s for s in self.spans if s[0] <= pos < s[1]), None)
        k = bisect.bisect_right(self.starts, pos)
        return self.spans[k - 1] if k and pos < self.spans[k - 1][1] else None


def _first_later(v: ValueExpr, clause: tuple[int, int], values: list[ValueExpr],
                 index: Optional[int], text: str) -> Optional[ValueExpr]:
    """The first value after `v` in its clause with a unit or a verb. `values` are in the
    order of their numbers, `v` at `index`: the search starts there and ends at the clause's
    end, not at the paragraph's. (A class, `30 sản phẩm OCOP đạt 5 sao`, or the criteria
    counted communes reach, `72 xã đạt 19 tiêu chí`, is no figure the count would only name.)"""
    def figure(w: ValueExpr) -> bool:
        return w.start > v.end and (w.unit is not None or w.verb) and w.end <= clause[1] \
            and w.unit not in _CLASS_UNITS \
            and not (w.unit == "tiêu chí" and _COUNT_OF_UNITS_BEFORE.search(text[max(0, w.start - 30):w.start]))
    if index is None:
        return next((w for w in values if figure(w)), None)
    for w in values[index + 1:]:
        if w.num_start >= clause[1]:
            return None  # this one and every later one end past the clause
        if figure(w):
            return w
    return None


def _count_is_goal(v: ValueExpr, text: str, clause: tuple[int, int], ctx: _Context,
                   values_in_clause: list[ValueExpr], index: Optional[int] = None) -> bool:
    """A bare count (`1.373 hộ`) is a target only with a sign of a goal."""
    if _SHARE_ASIDE_OPEN.search(text[max(0, v.start - 12):v.start]):
        return False  # a count restating a share: `50% (8 xã)`
    if _THESE_AFTER.match(text, v.end):
        return False  # `hoàn thành 3 đề án này trong tháng 10-2020`: the ones just named, not how many
    if (_PER_DAY_OR_WEEK_AFTER.match(text, v.end) or (v.qualifier in ("ít nhất", "tối thiểu") and not
                                                       _MAKES_BEFORE.search(text, max(0, v.start - 25), v.start))) and any(
            w.unit == "%" and clause[0] <= w.start < v.start and "\n" not in text[w.end:v.start]
            # (not a share of the sentence before, glued to it: `… kiểu mẫu.Mỗi tỉnh … có ít nhất 02 đơn vị`)
            and not _GLUED_SENTENCE_BREAK.search(text, w.end, v.start)
            for w in values_in_clause):
        # `99,5% nhóm, lớp mầm non được học 2 buổi/ngày`, `hỗ trợ 80% phụ nữ … tiếp cận ít nhất một
        # dịch vụ`: what the counted share does or has, not a goal of its own
        return False
    later = _first_later(v, clause, values_in_clause, index, text)
    if v.qualifier in ("trên", "mỗi") and later and _POWER_OF_TEN.fullmatch(f"{v.value:g}"):
        return False  # `trên 1 ha đất ... gấp 2,5 lần`, `số bác sỹ trên 10.000 dân đạt 15`: a denominator
    if not v.qualifier and not v.verb and later and not later.verb and not text[v.end:later.start].strip():
        # `Lúa nước 2 vụ 40 ha`: the count names the crop, the figure follows (not `giúp được thêm
        # 55.000 hộ gia đình đạt 8 tiêu chí`: what the households are to reach)
        return False
    if _REPRESENTS_BEFORE.search(text[max(clause[0], v.start - 20):v.start]):
        return False  # `81 đại biểu đại diện cho gần 300 đảng viên`: whom a congress represents
    if _NOT_YET_AFTER.match(_BRACKETED.sub("", text[v.end:clause[1]])):
        return False  # `14 Phòng GDĐT chưa nộp văn bản`: a status, not a goal
    if v.unit in _BODY_UNITS and v.comparator == "=" and (
            _COMPLETED_AT_BEFORE.search(text, max(clause[0], v.start - 80), v.start) and _clause_due(text, clause)
            or any(m and m.group(1).lower() == v.unit for m in map(_COUNTED_BODIES_LEAD.match, ctx.lead_texts))):
        # the bodies a completion is counted in (`Đến năm 2025, hoàn thành chuyển đổi số tại 12 huyện, thị
        # xã, thành phố: …`), or an item under a lead-in that counts the bodies reaching it (`Số xã, phường,
        # thị trấn … hoàn thành chuyển đổi số theo từng năm, cụ thể như sau:` over `- Năm 2022: 94 xã,
        # phường, thị trấn.`): how many, the goal itself
        return True
    if _names_bodies(v, text, clause):
        return False  # `cho 27 sở, ban, ngành`, `trên địa bàn 04 xã`: who or where, not how much
    if not v.qualifier and not v.verb and v.value_max is None and v.value == int(v.value) and 1950 <= v.value <= 2100 \
            and text[v.num_start:v.num_start + 4].isdigit():
        return False  # `Tết Nguyên đán Giáp Thìn 2024 ph…`: a year cut from its words, not a count
    if _MERGED_FROM.search(text, max(clause[0], v.start - 30), v.start) or (
            v.qualifier == "từ" and _MERGED_FROM_WORDS.search(text, max(clause[0], v.start - 100), v.start)):
        # `thành lập trên cơ sở sáp nhập từ 3 xã`, `sáp nhập toàn bộ diện tích và quy mô dân số từ 4 đơn vị`:
        # what a unit was formed of
        return False
    if not v.qualifier and not v.verb and _NAMED_PROGRAMME.search(text[max(clause[0], v.start - 30):v.start]):
        return False  # `Chương trình Nghị sự 21 tỉnh …`, `Chương trình 135`: a number in a programme's name
    if _ASSIGNED_TO_BEFORE.search(text[max(clause[0], v.start - 120):v.start]):
        return False  # `giao chỉ tiêu cho 22 cơ sở đảng`: who is assigned, not how much
    sentence_start = text.rfind(". ", 0, v.start) + 2 if text.rfind(". ", 0, v.start) >= 0 else 0
    if _EVENT_OPENING.match(strip_marker(text[sentence_start:v.start])):
        return False  # `Sáng 18/8, … tổ chức hội nghị …, với gần 2.400 đảng viên`: an event's attendance
    if v.comparator != "=" or v.per_year_suffix:
        return True
    if _REACH_OR_CHANGE_VERB.match(v.verb):
        return True  # `đạt 361,6 nghìn tỷ đồng`, `tăng thêm 500 lao động`
    if v.verb == "là" and any(y.kind == "due" for y in year_mentions(text[clause[0]:v.start])):
        return True  # `GRDP bình quân đầu người đến năm 2030 là 169,46 triệu đồng`
    if _BUILD_BEFORE.search(text[max(clause[0], v.start - 40):v.start]):
        return True  # how much must be built or done: `Xây dựng mới 12 trạm y tế xã`
    if _MEET_BEFORE.search(text[max(clause[0], v.start - 30):v.start]) and (
            v.unit == "tiêu chí" or _clause_due(text, clause)):
        # `Để hoàn thành 19 tiêu chí vào năm 2015`, `xã quyết tâm đạt thêm 5 tiêu chí`,
        # `hoàn thành 3.000km đường bộ cao tốc trong năm 2025`
        return True
    if _PER_YEAR.search(text[clause[0]:v.start]):
        return True
    if _KEEP_OPENING.match(strip_marker(text[clause[0]:v.start])):
        return True  # `Duy trì mỗi cấp (…) 1 trường đạt chuẩn quốc gia`: a level to keep
    if _MEASURE_LABEL.match(strip_marker(text[clause[0]:v.start]).strip()):
        return True  # `(10) Số trường học đạt chuẩn Quốc gia: 04 trường`: an indicator's level
    if _MEASURE_SUBJECT.match(strip_marker(text[clause[0]:v.start]).strip()) and (
            _FUTURE.search(text[_sentence_start(text, v.start):clause[1]])
            or any(y.kind == "due" for y in year_mentions(text))):
        # an indicator's level among goals: `GRDP bình quân đầu người đến năm 2030 là …. Quy mô
        # GRDP theo giá hiện hành 589.730 tỷ đồng`; `Cụ thể, … dự kiến đạt 1,0%/năm; diện tích
        # cây lương thực có hạt 103.900 ha`
        return True
    if _PARTS_NAMED_AFTER.match(text, v.end):
        return False  # `trên cả 3 trụ cột: Kinh tế, xã hội và môi trường`: how a whole is parted, its parts named
    # (or a future told: `Tổ chức Đoàn sẽ tư vấn, hướng nghiệp cho 1,6 triệu thanh niên`; not the
    # places chosen for it: `dự kiến chọn 1 xã … tổ chức Đại hội điểm`)
    # (or a quota handed down: `Theo đó, số người được giao trên toàn tỉnh đối với … BHXH tự nguyện là
    # 22.457 người`)
    return ctx.goal or bool(_GOAL_WORDS.search(text[:v.start])) \
        or bool(_ASSIGNED_QUOTA.search(text, _sentence_start(text, v.start), v.start)) \
        or (v.unit not in _BODY_UNITS and bool(_WILL.search(
            text, max(_sentence_start(text, v.start), text.rfind("\n", 0, v.start) + 1), v.start)))


_PARTS_NAMED_AFTER = re.compile(r"(?:\s+\p{Ll}+){0,2}\s*:\s*\p{Lu}[^.;:\d]{0,80}?\svà\s[^.;:\d]{1,40}?(?:[.;]|$)")
_GLUED_SENTENCE_BREAK = re.compile(r"\p{Ll}[.!?]\s*\p{Lu}")
_ASSIGNED_QUOTA = re.compile(r"\bsố\s+[\p{Ll}\s]{1,30}?\bđược\s+giao\b", re.I)


# kinds of bodies and places a count can name
_BODY_KINDS = r"(?:sở|ban|ngành|quận|huyện|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn|tỉnh|ấp|thôn|bản|đơn\s+vị|cơ\s+quan)"
_BODY_LIST_AFTER = re.compile(rf"(?:\s*,\s*{_BODY_KINDS}\b)+(?!\s+(?:đạt|được|hoàn\s+thành|về\s+đích|thoát))", re.I)
_BODY_OF_AFTER = re.compile(rf"\s+của\s+\d+\s+{_BODY_KINDS}\b|\s*:\s*\p{{Lu}}", re.I)
_BODY_SUBJECT_AFTER = re.compile(r"(?:\s+[\p{Ll}]+){0,3}\s+(?:giảm|tăng|đạt)\s+(?:[\p{Ll}]+\s+){0,2}\d+(?:,\d+)?\s*%")
# (`tỷ lệ người biết chữ ở 14 tỉnh có điều kiện … khó khăn đạt 94%`: where the share is measured)
# the bodies named right after their count, the group a rate is for (`tỷ lệ hộ nghèo 02 huyện Trạm Tấu, Mù
# Cang Chải … giảm trên 5%/năm`; not where a goal is reached: `hoàn thành … nông thôn mới tại 3 xã Hoàng
# Giang, Tế Lợi, Minh Thọ`)
_RATE_OF_BEFORE = re.compile(r"\bt[ỷỉ]\s+lệ\b[^\d,;:.()]{0,40}$", re.I)
_PROPER_NAME = r"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*"
_BODY_NAMES_AFTER = re.compile(rf"\s+{_PROPER_NAME}(?:\s*,\s*{_PROPER_NAME})*\s*(?:,|\bvà\b)\s*{_PROPER_NAME}")
_COMPLETED_AT_BEFORE = re.compile(r"\b(?:hoàn\s+thành|đạt\s+chuẩn|về\s+đích)\b[^,;:.()\d]{0,50}\b(?:tại|ở)\s*$", re.I)
_COUNTED_BODIES_LEAD = re.compile(r"\s*(?:\S+\s+)?(?:số|tổng\s+số)\s+(xã|huyện|phường|thôn|bản|ấp|đơn\s+vị)\b[^:]*"
                                  r"\b(?:hoàn\s+thành|đạt\s+chuẩn|về\s+đích)\b[^:]*:\s*$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:trên\s+địa\s+bàn|thuộc|ở|tại)\s*$", re.I)
_BODY_UNITS = {"sở", "ban", "ngành", "quận", "huyện", "thị xã", "thành phố", "xã", "phường", "thị trấn", "tỉnh",
               "ấp", "thôn", "bản", "đơn vị", "cơ quan"}
_KEEP_OPENING = re.compile(r"^\s*(?:duy\s+trì|giữ\s+vững)\b", re.I)
# a clause opened by the indicator it measures and a colon (`Số bác sĩ/vạn dân: 15 bác sĩ`)
_MEASURE_LABEL = re.compile(r"^(?:số|tổng\s+số|số\s+lượng)\b[^:;.]{0,80}:$", re.I)


def _sentence_start(text: str, pos: int) -> int:
    cut = text.rfind(". ", 0, pos)
    return cut + 2 if cut >= 0 else 0


def _names_bodies(v: ValueExpr, text: str, clause: tuple[int, int]) -> bool:
    """A count of bodies or places that names whom a text is for or where it applies: a list
    of kinds (`27 sở, ban, ngành`, `24 quận, huyện`), the set a count belongs to (`24 ấp
    của 04 xã`), names after a colon (`04 xã: Phú Lợi, …`), a place (`trên địa bàn 04 xã`);
    not `3 xã, thị trấn đạt chuẩn nông thôn mới`."""
    if v.unit not in _BODY_UNITS or v.comparator != "=":
        return False
    after = text[v.end:clause[1]]
    if _BODY_SUBJECT_AFTER.match(after):
        return True  # `trong đó, 7 huyện nghèo giảm từ 6% trở lên/năm`: the group the share is for
    if _BODY_NAMES_AFTER.match(after) and _RATE_OF_BEFORE.search(text, max(clause[0], v.start - 50), v.start):
        return True
    return bool(_BODY_LIST_AFTER.match(after) or _BODY_OF_AFTER.match(after)
                or _PLACE_BEFORE.search(text[max(clause[0], v.start - 20):v.start]))


def _prefix_direction(text: str, clause: tuple[int, int], end: int, directions: dict) -> str:
    """`_direction(text[clause[0]:end])`, by the clause's matches read once."""
    if not clause[0] <= end <= clause[1]:
        return _direction(text[clause[0]:end])
    if clause not in directions:
        directions[clause] = _ClauseDirections(text, clause)
    return directions[clause].direction(end)


def _direction(segment: str) -> str:
    best, where = "reach", -1
    for name, rx in _DIRECTIONS:
        for m in rx.finditer(segment):
            if m.start() > where:
                best, where = name, m.start()
    return best


_DIRECTIONS = (("raise", _RAISE), ("cut", _CUT), ("keep", _KEEP))


class _ClauseDirections:
    """`_direction` of a clause's prefixes (`text[clause[0]:end]`, asked once per value of the
    clause), with each direction pattern read over the clause once instead of over every
    prefix. A match attempt at a position reads fewer than `_READS` characters, so the
    matches that start at least `_READS` before a prefix's end are the same on the prefix
    and on the whole clause; only the prefix's last stretch is read again."""
    _READS = 64

    def __init__(self, text: str, clause: tuple[int, int]):
        self.start, self.end = clause
        self.clause = text[self.start:self.end]
        self.runs = []
        for name, rx in _DIRECTIONS:
            found = [(m.start(), m.end()) for m in rx.finditer(self.clause)]
            self.runs.append((name, rx, found, [a for a, _ in found]))

    def direction(self, end: int) -> str:
        cut = end - self.start - self._READS  # matches starting before `cut` are settled
        best, where = "reach", -1
        for name, rx, found, starts in self.runs:
            k = bisect.bisect_left(starts, cut)
            last = starts[k - 1] if k else -1
            resume = max(cut, found[k - 1][1] if k else 0, 0)
            for m in rx.finditer(self.clause, resume, end - self.start):
                last = m.start()
            if last > where:
                best, where = name, last
        return best


_ANY_FIGURE = re.compile(r"\d|1/2")
_A_DIGIT = re.compile(r"\d")


def _elided_units(text: str, values: list[ValueExpr]) -> None:
    """A list whose first item gives the unit and the rest only a name and a figure (`Đảng bộ
    TP.Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới; Hội An 110; Điện Bàn 150; …`): each bare
    figure of an item takes the unit of the item before it."""
    unit = None
    for v in values:
        if v.unit and not v.bare and v.unit not in _COUNTLESS:
            unit = v.unit
            continue
        if not (v.bare and unit and v.value_max is None and not v.fraction):
            continue
        item = text.rfind(";", max(0, v.start - 80), v.start)  # an item is a name and a figure: short
        if item < 0 or not _LIST_ITEM_NAME.fullmatch(text, item + 1, v.start) \
                or not _LIST_ITEM_END.match(text, v.num_end):
            unit = None  # the list has ended
            continue
        v.unit, v.bare = unit, False


# an item of an elided list: a proper name (`Hội An`, `Công an`, `Biên phòng`), then the figure
_LIST_ITEM_NAME = re.compile(r"\s*(?:và\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{L}[\p{L}.]*){0,3}\s+")
_LIST_ITEM_END = re.compile(r"\s*(?:;|\.|$|\s+và\s)")


_NEXT_ORDINAL = re.compile(r"\s*Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*,", re.I)
_FIRST_ORDINAL = re.compile(r"\b[Tt]hứ\s+nhất\s*,")


# a table printed one cell a line: its header names a unit column, a unit cell stands before
# each row's figure
_UNIT_HEADER = re.compile(r"(?:Đơn\s+vị\s+tính|ĐVT|Đơn\s+vị)", re.I)
_LONE_NUMBER = re.compile(r"\s*(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*")
_UNIT_CELL = re.compile(r"%|‰|[\p{Ll}]{1,8}(?:\s[\p{Ll}]{1,8}){0,2}|m2|m3|km|ha")
def _row_label(reader: "_Reader", unit_cell: int) -> Optional[str]:
    """The indicator of a table row printed one cell a line: the cell after the row's number
    (`1 | Tỷ lệ cán bộ … | Số cán bộ … | % | 100`), looked for a few cells back."""
    for j in range(unit_cell - 1, max(unit_cell - 6, 0), -1):
        if _ROW_NUMBER.fullmatch(reader.paras[j - 1].para.text.strip()):
            return reader.paras[j].para.text.strip()
    return None


_ROW_NUMBER = re.compile(r"\d{1,3}\.?|[IVXLC]{1,6}\.?")
# a line that is a cited document's number and title (a portal's list of related documents:
# `- 3 Quyết định 293/QĐ-TTg năm 2013 hỗ trợ … cho 23 huyện có tỷ lệ hộ nghèo cao …`): its
# figures are that document's subject, not goals of this text
_DOCUMENT_KIND_NAMES = sorted(set(lexicon.document_kinds().values()) | {"Luật", "Công văn"}, key=len, reverse=True)
_SENTENCE_AFTER_TITLE = re.compile(r"[.]\s+(?=\p{Lu}\p{Ll})")
_CITED_TITLE_LINE = re.compile(
    rf"^[\s\W]*(?:\d{{1,3}}\.?\s+)?(?:{'|'.join(re.escape(k, literal_spaces=True) for k in _DOCUMENT_KIND_NAMES)})\s+(?:số\s*:?\s*)?"
    r"\d+[\p{L}\d.-]*/[\p{L}\d/.&-]+", re.I)


def extract_targets(doc: PlanText, sections: list[Section]) -> list[Target]:
    reader = _Reader(doc, sections)
    out: list[Target] = []
    unit_column = any(_UNIT_HEADER.fullmatch(q.para.text.strip()) for q in reader.paras[:60])
    for i, p in enumerate(reader.paras):
        text = p.para.text
        if not _A_DIGIT.search(text):  # (`_ANY_FIGURE`'s `1/2` holds a digit too)
            continue
        # once per paragraph, not once per value (and mostly read already with its kind)
        marker_end = _marker_end(text) if p.marker_end is None else p.marker_end
        if _CITED_TITLE_LINE.match(text):
            # a cited title's figures are its subject; a sentence after it is read (`Nghị quyết số
            # 72-NQ/TW có 5 quan điểm chỉ đạo, 5 nhóm mục tiêu. Trong đó, phấn đấu, từ năm 2026, …`)
            after_title = _SENTENCE_AFTER_TITLE.search(text)
            if not after_title:
                continue
            marker_end = after_title.end()
        values = [v for v in find_values(text) if v.num_start >= marker_end]
        if not values:
            continue
        row_label = None
        if unit_column and len(values) == 1 and values[0].bare and i and _LONE_NUMBER.fullmatch(text):
            # a table copied one cell a line (`Đơn vị tính | Chỉ tiêu cụ thể` … `% | 100`): the
            # cell before a lone figure is its unit
            cell = reader.paras[i - 1].para.text.strip()
            if _UNIT_CELL.fullmatch(cell):
                values[0].unit, values[0].bare = cell.lower(), False
                row_label = _row_label(reader, i - 1)
        clauses = sentences(text)
        full_sentences = _sentence_index(text)[0]  # (the year readers below ask it again)
        if any(v.bare for v in values) and ";" in text:
            _elided_units(text, values)
        ctx = reader.context(i)
        kept: list[tuple[ValueExpr, tuple[int, int], tuple[int, int]]] = []
        found: list[tuple[tuple[int, int], Target]] = []
        where: list[tuple[int, int]] = []
        clause_at, sentence_at = _SpanFinder(clauses), _SpanFinder(full_sentences)
        for k, v in enumerate(values):
            clause = clause_at(v.num_start) or (0, len(text))
            sent = sentence_at(v.num_start) or clause
            if _is_target(v, text, clause, ctx, reader.plan_year, values, k):
                kept.append((v, clause, sent))
        directions: dict[tuple[int, int], _ClauseDirections] = {}
        # each value's neighbours in its clause by bisect and a backward pass, not by a scan
        # of every kept value (a clause of thousands of values stays linear)
        next_start: list[Optional[int]] = [None] * len(kept)
        last_start: dict[tuple[int, int], int] = {}
        for k in range(len(kept) - 1, -1, -1):
            next_start[k] = last_start.get(kept[k][1])
            last_start[kept[k][1]] = kept[k][0].start
        starts_in: dict[tuple[int, int], list[int]] = {}
        for v, clause, _ in kept:
            starts_in.setdefault(clause, []).append(v.start)
        for starts in starts_in.values():
            starts.sort()
        ends_before: dict[tuple[int, int], list[int]] = {}
        for k, (v, clause, sent) in enumerate(kept):
            ends = ends_before.setdefault(clause, [])
            j = bisect.bisect_right(ends, v.start)  # the ends of earlier values, sorted
            prev_end = max(ends[j - 1], clause[0]) if j else clause[0]
            bisect.insort(ends, v.end)
            nxt = [] if next_start[k] is None else [next_start[k]]
            # (`Sau năm 2025, mỗi người dân … và 30% người dân khi đi khám chữa bệnh có bệnh án điện tử`: a
            # sentence opened by the year its figures come after gives them no year to be due by, nor do the
            # goals before it)
            after_year = _AFTER_YEAR_OPENING.match(strip_marker(text[sent[0]:sent[0] + 40]))
            year = None if after_year else (
                    _sentence_year(text, v, sent, clause, starts_in[clause], reader.plan_year)
                    or _follow_up_year(text, sent)
                    or _paragraph_year(text, sent)
                    or _label_year(text, sent, reader.plan_year) or ctx.year
                    or reader.narrative_year(i, sent[0])
                    or reader.this_year(text, sent, v.start, v.end)
                    or _title_year(reader, ctx, text, sent)
                    or reader.campaign_year(text) or reader.event_year)
            if year is None and not after_year and found and found[-1][1].target_year and _GOES_ON_OPENING.match(
                    strip_marker(text[sent[0]:sent[0] + 40])):
                # `… đặt mục tiêu 100% thủ tục … Bên cạnh đó, tỷ lệ hồ sơ … phải đạt ít nhất 65%`: a
                # sentence adding to the goals before it is due when they are
                year = found[-1][1].target_year
            later = _later_stage_year(text, clause, sent) if year is not None and found else None
            if later is not None and later <= year:
                # a sentence in stages with no year before its later clause, that clause due later (`Đồng
                # thời, tạo ra khoảng 6,3 triệu việc làm …; đến năm 2030 tạo ra khoảng 10,5 triệu việc làm`
                # after `… đến năm 2025 phấn đấu khoảng 1,3 triệu buồng, đến năm 2030 khoảng 02 triệu
                # buồng`): the figure is the earlier stage's, the latest year of the paragraph's figures before
                year = max((t.target_year for _, t in found if t.target_year and t.target_year < later), default=year)
            segment = text[prev_end:v.start]
            if j and prev_end == ends[j - 1]:
                segment = _PREVIOUS_FIGURES_RATE.sub(" ", segment, count=1)
            after = text[v.end:(nxt[0] if nxt else clause[1])]
            after = after.split("(", 1)[0]  # an aside (`(bình quân mỗi năm giảm 04 - 05%)`) is its own statement
            # (a sentence opened by `Hằng năm,` sets a yearly quota in each of its clauses: `Hằng năm,
            # mỗi chi hội giúp thêm …; mỗi cơ sở Hội hỗ trợ xây dựng được từ một đến hai công trình …`;
            # a later clause's share is a standing level: `…; 100% cơ quan, đơn vị triển khai kế hoạch`)
            # (and a rise or fall by a share in a later clause: `Hằng năm, tỷ lệ điều tra … đạt từ 75% trở
            # lên, …; tăng 5 - 10% tỷ lệ khởi tố …`, a rise each year)
            per_year = _per_year(v, _opens_per_year(text, clause) or (
                _yearly_sentence(text, sent) and (v.unit not in _COUNTLESS or _RISE_RIGHT_BEFORE.search(
                    text, max(clause[0], v.num_start - 40), v.num_start))
                # (a later clause with its own horizon is due then, not yearly: `…; đến cuối nhiệm kỳ
                # tăng thêm 353 hội viên`)
                and not _CLAUSE_DUE.search(text, clause[0], v.num_start)), segment, after) \
                or bool(v.qualifier and _EVERY_YEAR.search(text, v.start, v.num_start))  # `ít nhất mỗi năm 1 lần`
            baseline = None
            if _occurs(_YEAR_DIGITS, text, clause[0], clause[1]):  # the first baseline after the value, else before
                first = first_after(text, clause[0], clause[1], v.end, "baseline") if v.end < clause[1] else None
                baseline = first.year if first else next(
                    (y.year for y in year_mentions(segment) if y.kind == "baseline"), None)
            indicator = indicator_phrase(row_label, "") if row_label else _indicator(v, segment, after)
            base = p.para.start
            span = doc.raw_span(base + v.start, base + v.end)
            comparator = v.comparator
            card = None if row_label else card_label(doc.raw, span)
            if card is not None:
                # an infographic card: the label is the line above the value
                indicator = indicator_phrase(card[0], "")
                comparator = card[1] or comparator
                per_year = per_year or bool(_PER_YEAR.search(card[0]))
            where.append((v.start, v.end))
            found.append((clause, Target(
                value=v.value, value_max=v.value_max, unit=v.unit, comparator=comparator,
                target_year=year, per_year=per_year, baseline_year=baseline,
                direction=_prefix_direction(text, clause, v.end, directions) if not segment.strip()
                else _direction(segment + text[v.start:v.end]),
                indicator=indicator, text=text[v.start:v.end].strip(),
                section=section_path_at(sections, span[0]), span=span,
                sentence_span=doc.raw_span(base + clause[0], base + clause[1]),
            )))
        _share_per_year(text, found, where)
        _share_list_lead(text, found, where)
        # two figures joined by `và` before the year that closes their clause share it (`… cung cấp nước sạch
        # cho 93-95% người dân ở khu vực nông thôn và ít nhất 95% người dân ở khu vực thành thị vào năm 2025`)
        for k in range(len(found) - 2, -1, -1):
            t, u = found[k][1], found[k + 1][1]
            if t.target_year is None and u.target_year is not None and found[k][0] == found[k + 1][0] \
                    and _JOINED_BY_AND.fullmatch(text, where[k][1], where[k + 1][0]) \
                    and _YEAR_ENDS_CLAUSE.match(text, where[k + 1][1], found[k + 1][0][1]):
                t.target_year = u.target_year
        # staged values share the noun phrase written after the last stage
        # (`đạt 80% và ... đạt 100% số cán bộ được đào tạo`)
        for k in range(len(found) - 2, -1, -1):
            if not found[k][1].indicator and found[k + 1][0] == found[k][0]:
                found[k][1].indicator = found[k + 1][1].indicator
        # a contrasted second item shares the first one's indicator (`tỷ lệ sử dụng nước
        # sạch … của dân cư thành thị là 95-100% và nông thôn là 93-95%`)
        for k in range(1, len(found)):
            frag = _CONTRAST.match(found[k][1].indicator)
            prev = found[k - 1][1].indicator.split()
            if frag and found[k - 1][0] == found[k][0] and len(prev) > 2 * len(frag.group(1).split()):
                found[k][1].indicator = " ".join(prev[:-len(frag.group(1).split())] + frag.group(1).split())
        # a later stage of the same measure (`đạt 42% vào năm 2025 và 45% vào năm 2030`, `lên 1,5
        # lần vào năm 2025 và gấp đôi vào năm 2030`): its phrase is the link word alone
        for k in range(1, len(found)):
            if found[k - 1][0] == found[k][0] and _LINK_WORD_ONLY.fullmatch(found[k][1].indicator):
                found[k][1].indicator = found[k - 1][1].indicator
        out.extend(t for _, t in found)
    _headline_years(reader, out)
    # a page's zoom control (`100%` over `Print`) is no figure of the plan
    out = [t for t in out if not _page_control(doc.raw, t.span)]
    return _headline_counts(reader, out)


_JOINED_BY_AND = re.compile(r"[^\d;:()]{0,120}\svà\s[^\d;:()]{0,20}")
_YEAR_ENDS_CLAUSE = re.compile(r"[^\d;:()]{0,120}?\b(?:vào|đến|trong)\s+(?:cuối\s+|hết\s+)?năm\s+(?:19|20)\d\d\s*[.;]?\s*$", re.I)
_LINK_WORD_ONLY = re.compile(r"(?:và|hoặc|hay)(?:\s+(?:đạt|lên|là))?", re.I)
_CONTRAST = re.compile(r"^(?:và|còn)\s+(\S+(?:\s+\S+)?)$", re.I)


_HEADLINE_LINES = 6
_HEADLINE_CHARS = 150


def _headline_years(reader: "_Reader", targets: list[Target]) -> None:
    """A news headline restates a target of its body (`Phấn đấu 82,94% cơ quan, đơn vị …`
    over `Theo đó, trong năm 2023, tỉnh phấn đấu: … 82,94% cơ quan, đơn vị …`): with no
    year of its own it takes the year the body gives the same figure."""
    if reader.formal or not reader.paras:
        return
    first = reader.paras[0].para
    # (a page that prints its title twice, the second run into the lead: both are the headline)
    last = next((q.para for q in reader.paras[1:2] if q.para.text.startswith(first.text.rstrip())), first)
    head_end = last.start + len(first.text.rstrip())
    # (a page whose headline comes under its rubric and dateline, `Chính trị - Xã hội …` / `04/03/2021
    # - 11:39` / `A Lưới phấn đấu giảm tỷ lệ hộ nghèo còn 3%/năm`: the short lines before the lead)
    if last is first:
        for q in reader.paras[1:_HEADLINE_LINES]:
            if len(q.para.text) > _HEADLINE_CHARS:
                break
            head_end = q.para.start + len(q.para.text)
    head = (reader.doc.raw_span(first.start, first.start + len(first.text))[0],
            reader.doc.raw_span(head_end, head_end)[1])
    # a headline figure, with no goal word, that the body tells again and keeps no target of (`15 Bộ, cơ quan trung ương giải ngân
    # dưới 15%` over `… vẫn còn 15 Bộ, cơ quan trung ương chỉ giải ngân vốn đầu tư công được dưới 15%`): the
    # body says what it is, a figure measured
    # (the headline's own line: a page may run its lead on under it, in the same paragraph)
    raw = reader.doc.raw
    top = 0
    for _ in range(_HEADLINE_LINES):  # (the page's first lines: rubric, dateline, headline)
        top = raw.find("\n", top) + 1 or len(raw)
    for t in [t for t in targets if t.span[0] < top]:
        line_start, line_end = raw.rfind("\n", 0, t.span[0]) + 1, raw.find("\n", t.span[1])
        if line_end < 0 or line_end - line_start > _HEADLINE_CHARS or _GOAL_EVIDENCE.search(raw, line_start, line_end):
            continue  # (a headline that says it is a goal, `Phấn đấu 93% dân số …`, is one)
        if t.text and t.text in raw[line_end:] and not any(
                u.span[0] >= line_end and u.value == t.value and u.unit == t.unit for u in targets):
            targets.remove(t)
    for t in targets:
        if t.target_year is not None or not (head[0] <= t.span[0] < head[1]):
            continue
        same = [u.target_year for u in targets if u.span[0] >= head[1] and u.target_year is not None
                and u.value == t.value and u.value_max == t.value_max and u.unit == t.unit]
        if same:
            t.target_year = same[0]
    # and the other way: a body figure with no year of its own that the headline dates (`Thủ tướng:
    # … hoàn thành thêm 1.200 km cao tốc vào năm 2025` over `… hoàn thành thêm khoảng 1.200 km cao
    # tốc, bảo đảm thực hiện mục tiêu có ít nhất 3.000 km … vào cuối năm 2025`)
    dated = {(t.value, t.value_max, t.unit): t.target_year for t in targets
             if head[0] <= t.span[0] < head[1] and t.target_year is not None}
    for t in targets:
        if t.target_year is None and t.span[0] >= head[1]:
            t.target_year = dated.get((t.value, t.value_max, t.unit))


def _headline_counts(reader: "_Reader", targets: list[Target]) -> list[Target]:
    """A headline count with no sign of a goal of its own (`7.400 lao động nông thôn được hỗ
    trợ học nghề`) is the goal its body sets (`giao chỉ tiêu 7.400 lao động nông thôn …
    năm 2014`): it is kept as that target, restated."""
    if reader.formal or not reader.paras or reader.paras[0].heading is not None:
        return targets
    first = reader.paras[0].para
    head = reader.doc.raw_span(first.start, first.start + len(first.text))
    # a page that prints its title twice (the page's and the article's) heads with both
    heads = [first] + [q.para for q in reader.paras[1:2] if q.para.text.strip() == first.text.strip()]
    body_start = reader.doc.raw_span(heads[-1].start, heads[-1].start + len(heads[-1].text))[1]
    body = [t for t in targets if t.span[0] >= body_start]
    added = []
    raw = reader.doc.raw
    for line in heads:
        line_start = reader.doc.raw_pos(line.start)
        line_end = raw.find("\n", line_start)  # the title's own line, not a caption run into it
        for v in find_values(line.text):
            if v.bare or v.unit in _COUNTLESS or v.fraction:
                continue
            span = reader.doc.raw_span(line.start + v.start, line.start + v.end)
            if 0 <= line_end < span[0] or any(t.span[0] < span[1] and span[0] < t.span[1] for t in targets):
                continue
            # (`210.000 đoàn viên` over `210 ngàn đoàn viên`: one count in two scales; a title
            # written without its marks, `… cho 15000 lao dong`, over `15.000 lao động`)
            words = line.text[v.num_end:v.num_end + 40].lstrip().lower()

            def unmarked_unit(t: Target) -> bool:
                return bool(t.unit) and words[:len(t.unit)] == _unmarked(t.unit) != t.unit
            same = next((t for t in body if t.value_max == v.value_max and (
                (t.value == v.value and t.unit == v.unit) or _scaled(t.value, t.unit) == _scaled(v.value, v.unit)
                or (t.value == v.value and unmarked_unit(t)))), None)
            if same is not None:
                # the unit as the title writes it
                unit = words[:len(same.unit)] if same.unit != v.unit and unmarked_unit(same) else v.unit
                added.append(same.model_copy(update={
                    "value": v.value, "unit": unit,
                    "span": span, "text": line.text[v.start:v.end].strip(),
                    "sentence_span": reader.doc.raw_span(line.start, line.start + len(line.text)),
                    "section": section_path_at(reader.sections, span[0])}))
    # a headline figure the body reports as a result (`Tỷ lệ hộ nghèo … giảm bình quân
    # 6,7%/năm` over `Nhiệm kỳ 2020-2025, xã … đạt được nhiều kết quả …: tỷ lệ hộ nghèo giảm
    # bình quân 6,7%/năm`) is that result
    told = [(v.value, v.value_max, v.unit, reader.doc.raw_span(q.para.start + v.start, q.para.start + v.end))
            for q in reader.paras[1:] for v in find_values(q.para.text)]
    reported = {(value, value_max, unit) for value, value_max, unit, span in told
                if not any(t.span[0] < span[1] and span[0] < t.span[1] for t in targets)}
    stated = {(t.value, t.value_max, t.unit) for t in body}
    told_only = reported - stated
    # `Trên 98% dân số nông thôn được sử dụng nước sạch` over `năm 2025, tỷ lệ … đạt 98,66%`: the
    # headline rounds the reported figure down (looked up by its whole part, not compared with each)
    whole_parts = {(float(int(value)), unit) for value, value_max, unit in told_only
                   if value_max is None and value != int(value)}

    # (`Toàn tỉnh giải quyết việc làm cho gần 26.000 lao động` over `… đã giải quyết việc làm cho
    # 25.953 lao động`: a headline's `gần`/`khoảng` rounds a reported count to two or three figures)
    rounded = {(float(round(value, -k)), unit) for value, value_max, unit in told_only
               if value_max is None and value >= 1000 for k in (len(str(int(value))) - 2, len(str(int(value))) - 3)}

    def rounds_a_result(t: Target) -> bool:
        return t.value_max is None and ((t.comparator == ">" and (t.value, t.unit) in whole_parts)
                                        or (t.comparator == "~" and (t.value, t.unit) in rounded))
    targets = [t for t in targets if not (head[0] <= t.span[0] < head[1]
                                          and ((t.value, t.value_max, t.unit) in told_only or rounds_a_result(t)))]
    return sorted(targets + added, key=lambda t: t.span[0]) if added else targets


_THESE_AFTER = re.compile(r"(?:\s+\p{Ll}+)?\s+(?:này|nói\s+trên|kể\s+trên|nêu\s+trên)\b", re.I)
def _unmarked(text: str) -> str:
    """Lower case without tone and vowel marks (`lao động` → `lao dong`), đ as d."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
                   if unicodedata.category(c) != "Mn")


_WILL = re.compile(r"\bsẽ\b|\bdự\s+kiến\b", re.I)
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}


def _scaled(value: float, unit: Optional[str]) -> tuple[float, Optional[str]]:
    """A count and what it counts, its magnitude word multiplied in (`210 ngàn đoàn viên` →
    210000 `đoàn viên`)."""
    if unit and " " in unit and unit.split(" ", 1)[0] in _SCALES:
        scale, rest = unit.split(" ", 1)
        return round(value * _SCALES[scale], 6), rest
    return round(value, 6), unit


_OF_WHICH = re.compile(r"(\(?)\s*trong\s+đó", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


_PAGE_CONTROL = re.compile(r"[ \t]*\n\s*(?:Print|In bài|In trang|Chia sẻ|Share|Cỡ chữ|A\+|A-|Zoom)\b")


def _page_control(raw: str, span: tuple[int, int]) -> bool:
    """A bare percentage alone on its line with a page's buttons under it."""
    start = raw.rfind("\n", 0, span[0]) + 1
    return not raw[start:span[0]].strip() and bool(_PAGE_CONTROL.match(raw[span[1]:span[1] + _READ]))


# a line that holds one figure and nothing else: `>95%`, `> 1,5%`
_CARD_VALUE_LINE = re.compile(r"^(?P<sign>[><≥≤]=?)?\s*\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*(?:%|‰)?\s*[.;,]?$")
_CARD_SIGNS = {">": ">", "<": "<", "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<="}


@lru_cache(maxsize=256)
def _card_value_sign(raw: str, start: int, end: int) -> Optional[str]:
    """The sign opening a line that holds one figure alone ('' for none), None for a line with
    words: read once per line, however many values the line holds."""
    line = _CARD_VALUE_LINE.match(raw[start:end].strip())
    return (line.group("sign") or "") if line else None


def card_label(raw: str, span: tuple[int, int]) -> Optional[tuple[str, Optional[str]]]:
    """Infographics print each figure on a line of its own under its label (`Tỷ lệ bao phủ
    bảo hiểm y tế ;` / `>95%`): the value's indicator is the line above (its verb may end
    it: `… nước đạt tiêu chuẩn đạt` / `>100%`), and a sign the line opens with (`> 20%`)
    is its comparator. None when the value shares its line with words."""
    start = raw.rfind("\n", 0, max(span[0], span[1] - 1)) + 1
    end = raw.find("\n", span[1])
    end = len(raw) if end < 0 else end
    sign = _card_value_sign(raw, start, end)
    if sign is None or start < 2:
        return None
    above = raw[raw.rfind("\n", 0, start - 1) + 1:start - 1].strip().rstrip(" ;:,").strip()
    if not above or _ANY_FIGURE.search(above) or len(above.split()) > 25:
        return None
    return above, _CARD_SIGNS.get(sign)


_SECTOR_RISE = re.compile(r"\s*[;,]\s*(?:[\p{L}]+\s*,?\s*){1,6}", re.I)
_RISE_VERB_START = re.compile(r"tăng\b", re.I)


def _share_per_year(text: str, found, where) -> None:
    """The parts of a yearly total are yearly too: `tăng bình quân hằng năm 11%, trong đó
    nông lâm, thủy sản tăng 8,15%; công nghiệp … tăng 14,87%`; `hằng năm: 3.830 ha. (trong
    đó: … 2.700 ha; Lúa nước 40 ha; …)`. The breakdown runs to its closing bracket, or to
    the end of the sentence."""
    group = None  # the closing mark of the open breakdown
    for k in range(1, len(found)):
        prev, t = found[k - 1][1], found[k][1]
        between = text[where[k - 1][1]:where[k][0]]
        opening = _OF_WHICH.search(between)
        # (not a breakdown that names its own year: `(bình quân giảm 4%/năm). Trong đó, riêng năm 2021, phấn
        # đấu giảm … xuống còn 46,95%`, that year's level)
        if opening and prev.per_year and prev.unit == t.unit and not _YEAR_DIGITS.search(between, opening.end()):
            group = ")" if opening.group(1) else "."
        elif group and (t.unit != prev.unit or (between.count(")") > between.count("(") if group == ")"
                                                 else bool(_SENTENCE_END.search(between)))):
            group = None
        if group:
            t.per_year = True
        elif prev.per_year and prev.unit == "%" == t.unit and _SECTOR_RISE.fullmatch(between) \
                and _RISE_VERB_START.match(text, where[k][0]):
            # `tốc độ tăng trưởng kinh tế bình quân 7,5%; công nghiệp, xây dựng tăng 7,5%; dịch
            # vụ tăng 10%`: the sectors of a yearly growth rate grow yearly too
            t.per_year = True


# a yearly word written right before a list's first value (`phấn đấu hằng năm có trên 90% hộ gia
# đình …; trên 90% ấp, khu phố …; 98% cơ quan …`); a bound ending in a colon (`cắt giảm ít nhất: 30%
# thời gian …, 30% chi phí …`): both lead the whole list, not its first item alone
_YEARLY_LEAD = re.compile(r"\b(?:hằng|hàng|mỗi)\s+năm\s*(?:có\s+|đạt\s+|:\s*)?$", re.I)
_NEXT_LIST_ITEM = re.compile(r"[^.!?\n]{0,120}(?:[;,]|\svà)\s*", re.I)


def _share_list_lead(text: str, found, where) -> None:
    """The items of a list share what its lead says of the first: a yearly rate, a bound.
    An item opens right after a comma, semicolon or `và`, in the same sentence and unit."""
    yearly = bound = None
    for k, (_, t) in enumerate(found):
        start = where[k][0]
        prev = found[k - 1][1] if k else None
        if prev is not None and prev.unit == t.unit and _NEXT_LIST_ITEM.fullmatch(text, where[k - 1][1], start):
            if yearly:
                t.per_year = True
            if bound and t.comparator == "=":
                t.comparator = bound
        else:
            yearly = bound = None
        if t.per_year and _leads_list_yearly(text, start):
            yearly = True
        if ":" in t.text and t.comparator in (">=", "<=", ">", "<"):
            bound = t.comparator


# a yearly word right after a figure, closed by a comma, is that figure's: `doanh số … tăng 23-25% mỗi năm,
# chiếm khoảng 30% tổng mức bán lẻ` (the share is a level, not a yearly rate)
_PREVIOUS_FIGURES_RATE = re.compile(r"^\s*(?:mỗi|hằng|hàng)\s+năm\s*[,;]", re.I)
# a change named before the yearly word in its own list item: the word is that item's rate (`giảm tỷ lệ hộ
# nghèo hàng năm từ 3% đến 5%; giảm 30% số xã …`), not the lead of the list
_OWN_CHANGE = re.compile(r"\b(?:giảm|tăng|nâng)\b", re.I)


def _leads_list_yearly(text: str, start: int) -> bool:
    """Whether a yearly word right before the value at `start` leads the whole list."""
    lead = _YEARLY_LEAD.search(text, max(0, start - 20), start)
    if not lead:
        return False
    item_start = max(text.rfind(mark, 0, lead.start()) for mark in ";:.\n") + 1
    return not _OWN_CHANGE.search(text, item_start, lead.start())


_YEARLY_WORDS = re.compile(r"(?<!kế hoạch |báo cáo |nhiệm vụ |chương trình )\b(?:mỗi năm|hằng năm|hàng năm|"
                 r"qua các năm)\b", re.I)
_CLAUSE_OR_BASELINE_BREAK = re.compile(r"[,;]|\bso\s+với\b", re.I)
_RISE_WORD = re.compile(r"\btăng\b", re.I)
# (`GDP tăng trung bình 6,5- 7% trong 5 năm`)
_AVERAGE_WORD = re.compile(r"\b(?:bình\s+quân|(?<=\btăng\s)trung\s+bình)\b(?!\s+đầu\s+người)", re.I)
# `Hằng năm, mỗi chi hội …; mỗi cơ sở Hội …`: a sentence opened by its period word and a comma
# (`Thứ tư, hằng năm, …`; a goal word before it: `Phấn đấu hàng năm, mỗi cơ sở hội giúp ít nhất 2 hộ thoát
# nghèo, hỗ trợ 4 hội viên …`)
_YEARLY_OPENING = re.compile(r"\s*(?:thứ\s+\p{L}+\s*,\s*)?(?:(?:" + _words(_STRIVE) + r")\s+)?(?:hằng|hàng|mỗi)\s+năm\s*,", re.I)
_CLAUSE_DUE = re.compile(r"\b(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn|năm\s+(?:19|20)\d\d)", re.I)
_DUE_YEAR = re.compile(r"\b(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d", re.I)
# `tốc độ tăng giá tiêu dùng bình quân (CPI) khoảng 4%`: the year's average price rise, no yearly rate
_CONSUMER_PRICES = re.compile(r"\bgiá\s+tiêu\s+dùng\b|\bCPI\b", re.I)


_RISE_RIGHT_BEFORE = re.compile(r"\b(?:tăng|giảm)(?:\s+(?:thêm|từ|khoảng|ít\s+nhất|tối\s+thiểu))*\s*$", re.I)
_PER_HEAD_BEFORE = re.compile(r"\bđầu\s+ng[ưƣ]ời\s*$", re.I)
_AVERAGE_BEFORE = re.compile(r"\bbình\s+quân\s*$", re.I)
_PER_HEAD_YEAR = re.compile(r"\bđầu\s+người\s*(?:/\s*|mỗi\s+|hằng\s+|hàng\s+|một\s+)năm\b", re.I)


@lru_cache(maxsize=1024)
def _opens_per_year(text: str, clause: tuple[int, int]) -> bool:
    """A clause opened by `Hằng năm,` (after its marker): read once per clause."""
    return bool(_PER_YEAR.match(text[clause[0]:clause[1]].lstrip(" -+(0123456789).")))


@lru_cache(maxsize=1024)
def _yearly_sentence(text: str, sent: tuple[int, int]) -> bool:
    """A sentence opened by `Hằng năm,` (read once per sentence)."""
    return bool(_YEARLY_OPENING.match(strip_marker(text[sent[0]:min(sent[1], sent[0] + 40)])))


def _per_year(v: ValueExpr, opens_per_year: bool, segment: str, after: str) -> bool:
    """`%/năm`; `mỗi năm giảm`; a clause opened by `Hằng năm,`; `cho 1.000 lao động mỗi
    năm` (but not `kế hoạch hằng năm`, which names a plan)."""
    if _MONEY.search(v.unit or ""):
        # `thu nhập bình quân đầu người mỗi năm đạt 80 triệu đồng`: the income of a year, as
        # `triệu đồng/người/năm` below, not a yearly rate
        segment = _PER_HEAD_YEAR.sub(" ", segment)
    rate = None
    for rate in _PER_YEAR.finditer(segment):
        pass
    # (not when a horizon stands between: `theo lộ trình thực hiện hằng năm, bảo đảm đến hết năm
    # 2030, có ít nhất 50% đơn vị …`)
    if rate is not None and not _DUE_YEAR.search(segment, rate.end()):
        return True
    # `108 triệu đồng/năm`, `45 triệu đồng/người/năm`: an income is counted per year, the
    # `/năm` is part of its unit, not a yearly rate to repeat
    if v.per_year_suffix:
        if not _MONEY.search(v.unit or ""):
            # (but `Lương thực bình quân đầu người 700kg/ năm`: what a head has in a year; not
            # `thu nhập bình quân đầu người tăng hơn 8%/năm`, a yearly rise)
            return bool(v.verb) or not _PER_HEAD_BEFORE.search(segment)
        # `Tổng đầu tư toàn xã hội bình quân 850 tỷ đồng/năm`: an average yearly amount is a rate
        # (not `Thu nhập bình quân đạt 59 triệu đồng/người/năm`, a head's income in a year)
        if not v.verb and _AVERAGE_BEFORE.search(segment):
            return True
    if opens_per_year:
        return True
    # the rate word must belong to this value: not the next clause's (`đạt hơn 1.500 tỷ đồng,
    # thu ngân sách hằng năm tăng …`) nor a baseline's (`so với trung bình hàng năm giai đoạn …`)
    after = _CLAUSE_OR_BASELINE_BREAK.split(after, maxsplit=1)[0]
    if _YEARLY_WORDS.search(after):
        return True
    # an average growth rate is yearly: `Tốc độ tăng trưởng … bình quân giai đoạn 2021 - 2030
    # đạt trên 9,5%`, `Ngân sách … tăng bình quân 7%` (not `thu nhập bình quân đầu người`)
    return v.unit == "%" and bool(_RISE_WORD.search(segment)) \
        and bool(_AVERAGE_WORD.search(segment)) and not _CONSUMER_PRICES.search(segment)


# words after a count name what it counts unless they open with a link word: `10 xã trong năm 2025`
_LINK_WORD_OPENING = re.compile(r"(?:và|hoặc|so|với|trong|đến|tới|năm|mỗi|hằng|hàng|vào|trở)\b", re.I)
_FOR_BEFORE = re.compile(r"\bcho\s*$")
_COLON_OR_SEMICOLON = re.compile(r"[:;]")


def _indicator(v: ValueExpr, before: str, after: str) -> str:
    """A count's indicator starts with its unit when words follow it (`01 cuộc kiểm tra,
    giám sát ...`); a share's is the phrase on whichever side holds it."""
    lead = after.lstrip()
    measured = _MEASURE_SUBJECT.match(strip_marker(_COLON_OR_SEMICOLON.split(before)[-1]).strip())
    if v.unit not in _COUNTLESS and v.unit and not measured and lead[:1].isalpha() and not _LINK_WORD_OPENING.match(lead):
        return f"{v.unit} {indicator_phrase('', after)}".strip()
    counted = v.unit not in _COUNTLESS and bool(v.unit)
    phrase = indicator_phrase(before, after, keep_action=counted and bool(_FOR_BEFORE.search(before)))
    if not phrase and counted:
        phrase = v.unit
    return phrase


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}\d(\"“])")


def _full_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


_YEAR_AFTER_VALUE = re.compile(r"(?:\s*,?|(?:\s+(?!(?:so|với|từ|của|và|hoặc|năm)\b)\p{Ll}+){1,4})\s*(?:vào\s+|trong\s+|đến\s+|tới\s+)?"
                 # (not the label of the next item: `năm 2022 là 91,75%, năm 2023 là 92,50%`)
                 # (nor a year that opens the next value: `khoảng 1,3 triệu buồng, đến năm 2030 khoảng 02
                 # triệu buồng`)
                 # (years named together are due by the last: `ngay trong năm 2025 và 2026`)
                 r"(?:cuối\s+|hết\s+)?năm\s+(?:(?:19|20)\d\d\s*(?:,|và)\s*(?:năm\s+)?(?=(?:19|20)\d\d))?((?:19|20)\d\d)(?!\s+(?:là|đạt)\b|\s*:|"
                 r"\s+(?:(?:khoảng|đạt|trên|dưới|từ|ít\s+nhất|tối\s+thiểu)\s+)?\d)")
_COLON_AFTER = re.compile(r"\s*:")
_EACH_YEARS = r"\s+(?:vào|trong|đến)\s+các\s+năm\s+"
_EACH_YEAR_FIRST = re.compile(r"\s+và\s+\d[\d.,]*\s*%?" + _EACH_YEARS + r"((?:19|20)\d\d)\s*(?:,|và)\s*(?:19|20)\d\d\b", re.I)
_EACH_YEAR_SECOND = re.compile(_EACH_YEARS + r"(?:19|20)\d\d\s*(?:,|và)\s*((?:19|20)\d\d)\b", re.I)
_AND_BEFORE = re.compile(r"\bvà\s*$", re.I)
_HORIZON_FIGURE_GAP = re.compile(r"\s*,?\s*(?:\p{Ll}+\s+){0,2}")
# (or the set of criteria it names: `tỷ lệ xã đạt chuẩn nông thôn mới theo Bộ tiêu chí giai đoạn 2026 - 2030`)
_STANDARD_BEFORE = re.compile(r"\b(?:chuẩn|bộ\s+tiêu\s+chí)\b[^,;.\d]{0,30}$", re.I)
# `Hướng tới 96% chất thải rắn sinh hoạt đô thị được xử lý năm 2023`: the year that closes the sentence
# the window a value is reached in, written right after it, is its year, whatever horizon came earlier in
# the sentence (`… từ 5-7% … trong giai đoạn đến năm 2025 và đạt từ 8-10% trong cả giai đoạn từ 2019 đến
# năm 2030`)
_WINDOW_AFTER_VALUE = re.compile(r"\s+trong\s+(?:cả\s+)?giai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?(?:19|20)\d\d\s*(?:[-–]|đến)\s*"
                                 r"(?:năm\s+)?((?:19|20)\d\d)\b", re.I)
_YEAR_ENDS_SENTENCE = re.compile(r"(?:\s+(?!(?:so|với|từ|của|và|hoặc|năm)\b)\p{Ll}+){1,10}\s+(?:vào\s+|trong\s+)?"
                                 r"năm\s+((?:19|20)\d\d)(?:\s*[.!…]?\s*$|\s+(?=\p{Lu}))")  # (a headline run into the lead)
_MAIN_GOALS_ASIDE_OPEN = re.compile(r"\b(?:mục|chỉ)\s+tiêu\s+(?:chủ\s+yếu|cụ\s+thể)[^.;:()]{0,40}\(\s*$", re.I)
_SEMICOLON_NEXT = re.compile(r"[\s.…]*;")
_OPEN_BRACKET_BEFORE = re.compile(r"\(\s*$")
_COMMA_OR_CLOSE_AFTER = re.compile(r"\s*[,)]")
_WITH_GOALS_AFTER = re.compile(r"\s*,?\s*với\s+(?:các\s+)?(?:mục|chỉ)\s+tiêu\b", re.I)
# (also a `Theo` glued after a headline with no stop: `Phú Thọ: Bảo tồn … về bảo vệ môi trường Theo Kế
# hoạch bảo tồn và phát triển làng nghề giai đoạn 2022 - 2030 tỉnh Phú Thọ đề ra, …`: a capital mid-line
# opens the sentence)
_BY_PROGRAMME_OPENING = re.compile(r"(?:\G\s*(?i:theo)|(?<=\p{Ll}\s)Theo)(?i:\s+(?:chương\s+trình|kế\s+hoạch|đề\s+án|"
                                   r"quy\s+hoạch|chiến\s+lược)\b[^,.;:]*)$")


_RESEARCH_KIND_AFTER = re.compile(r"\s+(?:KH\s*[-&]\s*CN|KHCN|khoa\s+học(?:\s+(?:và|,)\s+công\s+nghệ)?)\b")
_APPROVED_COUNT = re.compile(r"\bcó\s+\d[\d.,]*\s+[^,;.\d]{1,40}?\bđược\s+phê\s+duyệt\b", re.I)
_REPORT_CONTENT_OPENING = re.compile(r"\s*Theo\s+(?:báo\s+cáo|tổng\s+hợp|đánh\s+giá)\b[^.:;\n]{0,100}:", re.I)
_FUNDED_WITH_BEFORE = re.compile(r"\bvới\s+(?:tổng\s+)?(?:(?:nguồn\s+)?kinh\s+phí|(?:nguồn\s+)?vốn)(?:\s+đầu\s+tư)?"
                                 r"(?:\s+(?:dự\s+kiến|khoảng|là))?\s*$", re.I)
_AFTER_YEAR_OPENING = re.compile(r"\s*Sau\s+(?:năm\s+)?(?:19|20)\d\d\s*,", re.I)


def _sentence_year(text: str, v: ValueExpr, sent: tuple[int, int], clause: tuple[int, int], starts: list[int],
                   plan_year: Optional[int]) -> Optional[int]:
    """The due year the sentence gives this value: a year right after it (`90% năm 2030`),
    else the nearest one before it in the sentence (`Đến năm 2030 có 40% ...`, staged
    `từ năm 2026 đến năm 2030 đạt 80% và từ năm 2030 đến năm 2035 đạt 100%`), else a
    later one in its clause with no other value between."""
    # the noun measured may stand between (`đạt 91,93% dân số vào năm 2019`)
    # `lên 80% và 85% vào các năm 2015, 2020`: each value its year, in turn
    each = _EACH_YEAR_FIRST.match(text, v.end, min(len(text), v.end + _READ))
    if each:
        return int(each.group(1))
    each = _EACH_YEAR_SECOND.match(text, v.end, min(len(text), v.end + _READ))
    if each and _AND_BEFORE.search(text, max(0, v.start - 20), v.start):
        return int(each.group(1))
    m = _YEAR_AFTER_VALUE.match(text[v.end:v.end + _READ]) or _WINDOW_AFTER_VALUE.match(text, v.end, v.end + _READ)
    if not m and sent[1] - v.end <= _READ:
        m = _YEAR_ENDS_SENTENCE.match(text[v.end:sent[1]])
    if m:
        return int(m.group(1))
    # (a sentence without a year's digits gives none: asked once per sentence)
    def due_before(y) -> bool:
        if not (y.kind in ("range", "due")
                # `… đến năm 2025 đạt 140-150 triệu đồng, định hướng đến năm 2030 đạt trên 170 triệu
                # đồng/ha`: a horizon with its own figure right after it is that figure's year
                or (y.kind == "horizon" and (_HORIZON_FIGURE_GAP.fullmatch(text, y.end, v.start)
                                             # a horizon opening the sentence is its figures' year (`Tầm nhìn
                                             # 2045 người dân có tuổi thọ trung bình đạt trên 80 tuổi, …`)
                                             or not text[sent[0]:y.start].strip(" -+•*–")))
                or (y.kind == "bare" and (plan_year is None or y.year >= plan_year
                                                                     # `phấn đấu đạt tăng trưởng GRDP năm 2025 từ 8%`
                                                                     or _STRIVE_WORDS.search(text[max(sent[0], y.start - 80):y.start])))
                # `Giai đoạn 2021 - 2025: ...` labels what follows; `bình quân giai đoạn
                # 2021-2025 đạt 7,5%/năm` is the window of the value right after it
                or (y.kind == "period" and (_COLON_AFTER.match(text[y.end:y.end + _READ]) or v.start - y.end <= 12
                                            # `…; giai đoạn 2016-2020 đào tạo thêm khoảng 120.000 lao động`:
                                            # a period opening the value's clause
                                            or not text[clause[0]:y.start].strip(" ,;-+")
                                            or _GOAL_PERIOD.search(text[max(sent[0], y.start - 30):y.start])
                                            # `phê duyệt Kế hoạch … giai đoạn 2017 - 2020 với mục tiêu …`
                                            or _WITH_GOALS_AFTER.match(text, y.end, v.start)
                                            # `Một số chỉ tiêu chủ yếu … (nhiệm kỳ 2020 - 2025) Tốc độ …`
                                            or _MAIN_GOALS_ASIDE_OPEN.search(text[max(sent[0], y.start - 80):y.start])
                                            # `Theo Chương trình … giai đoạn 2021-2025 vừa được Chính phủ phê
                                            # duyệt, Việt Nam đặt mục tiêu …`: the goals are the programme's
                                            or (_BY_PROGRAMME_OPENING.search(text, sent[0], y.start)
                                                and _SETS_GOALS.search(text[y.end:v.start]))
                                            # `Nhiệm kỳ 2020 – 2025, Đảng bộ xã đề ra chỉ tiêu: …`
                                            # `Chương trình … giai đoạn 2021- 2025 đặt mục tiêu, phấn đấu …`
                                            # `Đại hội … nhiệm kỳ 2023-2028 được tổ chức … đã đề ra mục tiêu
                                            # phấn đấu hằng năm kết nạp từ 500 hội viên trở lên`: the term a
                                            # sentence then sets goals for
                                            or (_TERM_WORD.match(text, y.start) and _SETS_GOALS.search(text, y.end, v.start))
                                            or ((_COMMA_OR_CLOSE_AFTER.match(text[y.end:y.end + _READ])
                                                 or _SETS_GOALS.match(text[y.end:v.start].lstrip()))
                                                and _SETS_GOALS.search(text[y.end:v.start]))))):
            return False
        if y.kind == "bare" and _names_a_law(text, y):
            return False  # `theo Luật Giáo dục năm 2019`: the year of a cited law names the law
        if y.kind == "period" and _STANDARD_BEFORE.search(text, max(sent[0], y.start - 40), y.start):
            return False  # `giảm tỷ lệ hộ nghèo … theo chuẩn giai đoạn 2016 - 2020 từ 1 đến 1,5%`: the standard's period
        if text[y.end:v.start].count(")") > text[y.end:v.start].count("(") \
                and "(" in text[max(sent[0], y.start - 60):y.start] \
                and not _OPEN_BRACKET_BEFORE.search(text[max(sent[0], y.start - 3):y.start]):
            return False  # an aside closed before the value (`(theo chuẩn nghèo giai đoạn 2011 - 2015), giảm 2,7%`)
        # a year that closes an earlier clause is that clause's (`… đạt xã nông thôn mới
        # nâng cao vào cuối năm 2020; tỷ lệ tham gia bảo hiểm y tế … đạt 100%`)
        return not (y.kind == "due" and _SEMICOLON_NEXT.match(text[y.end:v.start]))
    # the nearest year that passes (each judged alone): tried from the value back, not all
    # judged (a sentence of a thousand years and values stays quadratic, not cubic)
    for y in reversed(mentions_before(text, sent[0], sent[1], v.start)
                      if _occurs(_YEAR_DIGITS, text, sent[0], sent[1]) else []):
        if due_before(y):
            return y.year
    # `starts`: the starts of the clause's kept values, sorted
    j = bisect.bisect_right(starts, v.start)
    limit = starts[j] if j < len(starts) else clause[1]
    later = [y for y in (year_mentions(text[v.end:limit], v.end)
                         if _occurs(_YEAR_DIGITS, text, clause[0], clause[1]) else [])
             if y.kind in ("range", "due")
             # `tăng 15%/năm trong giai đoạn 2025 - 2030`: the window the value is due in,
             # unless the period names a programme (`… của Chương trình MTQG giai đoạn …`)
             or (y.kind == "period" and not _PROGRAMME.search(text[v.end:y.start]))
             # `giao chỉ tiêu 7.400 lao động nông thôn được hỗ trợ học nghề năm 2014`: the year of
             # an assigned goal, not a past one
             or (y.kind == "bare" and (plan_year is None or y.year >= plan_year)
                 and _GOAL_WORDS.search(text[sent[0]:v.start]) and not _names_a_law(text, y))]
    if later:
        return later[0].year
    return None


# `Các chỉ tiêu này dự kiến sẽ hoàn thành vào cuối năm 2017.`: a sentence that dates the
# goals stated just before it
_FOLLOW_UP_YEAR = re.compile(r"^\s*(?:các\s+|những\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:này|trên|nêu\s+trên)\b[^.\d]*?"
                             # (or by a day: `Chỉ tiêu này phải được hoàn thành trước ngày 30/7/2025.`)
                             r"\b(?:vào|trong|đến|tới|trước)\s+(?:hết\s+|cuối\s+)?(?:năm\s+|(?:ngày\s+)?\d{1,2}\s*([/.-])\s*"
                             r"\d{1,2}\s*\1\s*|tháng\s+\d{1,2}\s*[/.-]\s*)((?:19|20)\d\d)\b", re.I)


# (not `tầm nhìn`, `định hướng`: a horizon beyond the goals set)
_GOAL_NOUNS = re.compile(r"mục tiêu|chỉ tiêu|phấn đấu", re.I)


def _last_sentence(text: str) -> str:
    spans = _sentence_index(text)[0]
    return text[spans[-1][0]:spans[-1][1]] if spans else text


@lru_cache(maxsize=1024)
def _later_stage_year(text: str, clause: tuple[int, int], sent: tuple[int, int]) -> Optional[int]:
    """The due year of a later clause of the sentence, when the sentence names no year up to the
    end of this clause (asked once per clause)."""
    if clause[1] >= sent[1] or _occurs(_YEAR_DIGITS, text, sent[0], clause[1]) \
            or not _occurs(_YEAR_DIGITS, text, clause[1], sent[1]):
        return None
    return next((y.year for y in year_mentions(text[clause[1]:sent[1]]) if y.kind == "due"), None)


@lru_cache(maxsize=256)
@lru_cache(maxsize=256)  # (a lead-in is read for each item under it)
def _lead_in_year(text: str) -> Optional[int]:
    """The year a lead-in paragraph sets for the list below it, read from its sentences
    nearest the list: `Nhằm … thực hiện kế hoạch 5 năm 2021-2025, … Ngày 16/8/2022, Sở … ban
    hành Kế hoạch … năm 2023, … Đưa ra một số chỉ tiêu chính cần đạt như sau:` sets 2023, the
    plan the list belongs to, not the period of what it serves."""
    for a, b in reversed(_sentence_index(text)[0]):
        sentence = text[a:b]
        # the year written after the sentence's last goal word: `Căn cứ Kế hoạch … giai đoạn
        # 2021-2025, trên cơ sở dự báo … năm 2022, dự kiến mục tiêu tăng trưởng các chỉ tiêu …
        # năm 2023 như sau:` sets 2023
        goal = None
        for goal in _GOAL_NOUNS.finditer(sentence):
            pass
        year = (context_year(sentence[goal.end():], staged=False) if goal and not _staged(sentence) else None) \
            or context_year(sentence, staged=_staged(sentence))
        if year is not None:
            return year
    return None


@lru_cache(maxsize=64)
def _sentence_index(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """A paragraph's sentences (in order, disjoint) and their starts, found once."""
    spans = _full_sentences(text)
    return spans, [a for a, _ in spans]


def _follow_up_year(text: str, sent: tuple[int, int]) -> Optional[int]:
    spans, starts = _sentence_index(text)
    k = bisect.bisect_left(starts, sent[1])  # the first sentence starting after this one
    nxt = spans[k] if k < len(spans) else None
    m = _FOLLOW_UP_YEAR.match(text[nxt[0]:nxt[1]]) if nxt else None
    return int(m.group(2)) if m else None


# (or a council adopts them: `Kỳ họp đã thông qua Nghị quyết về nhiệm vụ … 6 tháng cuối năm 2025.
# Theo đó, … phấn đấu tổng thu ngân sách đạt 170,89 tỷ đồng`)
_SETS_OUT = re.compile(r"\b(?:đề ra|đặt ra)\b|\bthông\s+qua\s+(?:các\s+)?(?:nghị\s+quyết|kế\s+hoạch|đề\s+án|chương\s+trình)\b",
                       re.I)
# a sentence opened by its horizon sets out the goals to come: `Đến năm 2025, tỷ trọng … chiếm
# 22 - 23%; … Tốc độ tăng … đạt trên 8%/năm.`
# a sentence opened by its topic, then its year: `Với lĩnh vực thể thao quần chúng, trong năm 2021,
# phấn đấu …` (the next sentences of its paragraph are that year's too)
_TOPIC_YEAR_OPENING = re.compile(r"\s*(?:về|với|đối\s+với|trên)\s+[^,.;:\d]{1,60},\s*(?:trong\s+)?năm\s+"
                                 r"((?:19|20)\d\d)\s*,", re.I)
# a sentence opened by its horizon after a few words (`Lộ trình thực hiện đến năm 2025, ở bậc học … đạt
# 70,06% …. Ở bậc giáo dục mầm non sẽ có … đạt 35,8%`): the horizon of the paragraph's goals
# (not `Tính đến cuối năm 2018,`, a date of record)
_HORIZON_LEADIN = re.compile(r"\s*(?!tính\s)(?:[\p{L}]+\s+){0,4}đến\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d\d)\s*,", re.I)
_HORIZON_OPENING = re.compile(r"^\s*(?:phấn\s+đấu\s+)?đến\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d\s*,", re.I)
# a share and its own horizon: `đạt 8% trở lên trong năm 2025`
_SHARE_WITH_HORIZON = re.compile(r"\d\s*%[^.;:]{0,30}\b(?:trong|đến|vào)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d", re.I)


def _paragraph_year(text: str, sent: tuple[int, int]) -> Optional[int]:
    """A sentence that sets out goals with a year (`Nghị quyết đề ra 25 chỉ tiêu chủ yếu
    đến năm 2030 …`, `mục tiêu trong nhiệm kỳ 2020-2025 …`) gives it to the figures in
    the sentences after it in its paragraph, as a lead-in line would: the nearest such
    sentence ending before this one (each sentence read once per paragraph)."""
    ends, years = _goal_sentence_years(text)
    k = bisect.bisect_right(ends, sent[0])
    return years[k - 1] if k else None


@lru_cache(maxsize=64)
def _goal_sentence_years(text: str) -> tuple[list[int], list[int]]:
    """The ends of a paragraph's sentences that set out goals with a year, and those years."""
    ends: list[int] = []
    years_given: list[int] = []
    for a, b in _sentence_index(text)[0]:
        year = _goal_sentence_year(text[a:b])
        if year is not None:
            ends.append(b)
            years_given.append(year)
    return ends, years_given


def _goal_sentence_year(lead: str) -> Optional[int]:
    """The year a sentence that sets out goals gives the figures after it, if any."""
    # (or opened by its year: `Vào năm 2015, cả nước đón 7-7,5 triệu lượt khách quốc tế …. Tổng thu từ
    # khách du lịch sẽ đạt từ 10 đến 11 tỉ USD`)
    # (a sentence opened by its year is that year's, whatever term it names: `Năm 2026, Đảng ủy
    # phường … xác định mục tiêu …, nhiệm kỳ 2026 - 2031. Phấn đấu trên 90% …`)
    unmarked = strip_marker(lead)
    opening = _YEAR_OPENING.match(unmarked) or _TOPIC_YEAR_OPENING.match(unmarked) or _HORIZON_LEADIN.match(unmarked)
    if opening:
        return int(opening.group(1))
    if _GOAL_WORDS.search(lead) or _SETS_OUT.search(lead) or _HORIZON_OPENING.match(unmarked):
        # the year nearest the figures: `… của nhiệm kỳ 2020-2025 …, giao chỉ tiêu …
        # kết nạp 170 đảng viên trong năm 2023.` sets 2023 for the breakdown after it
        years = [y for y in year_mentions(lead) if y.kind in ("range", "due", "bare", "period")]
        # not the horizon of a figure of that sentence (`phấn đấu đến năm 2025 đón trên
        # 200.000 lượt khách …`): later sentences state their own goals
        if years and (years[-1].kind == "period" or _leads_on(lead, years[-1])):
            return years[-1].year
        # the year before the sentence's goal verb, no figure before it, is the year of all its goals,
        # for the sentences after it in its paragraph (`Trên cơ sở đó, năm 2025 Quảng Nam phấn đấu
        # giảm … xuống 2% so với năm 2024. Phấn đấu giảm … xuống 1% so với năm 2024.`)
        first = next((y for y in years if y.kind == "bare"), None)
        goal = _GOAL_WORDS.search(lead, first.end) if first else None
        if goal and not _DIGIT.search(_YEAR_DIGITS.sub("", lead[:first.start])) \
                and not _DIGIT.search(lead, first.end, goal.start()):
            return first.year
    return None


_ITEM_LABEL = re.compile(r"[^(:;.]{0,120}?(?=[(:])")


@lru_cache(maxsize=256)
def _item_label(text: str) -> Optional[tuple[int, str]]:
    """Where a paragraph's item label ends, and its words (read once per paragraph)."""
    lead = len(text) - len(strip_marker(text))
    m = _ITEM_LABEL.match(text[lead:])
    return (lead + m.end(), m.group()) if m else None


def _label_year(text: str, sent: tuple[int, int], plan_year: Optional[int]) -> Optional[int]:
    """An item whose label names a year before its list (`3. Diện tích, các cây trồng chủ
    yếu năm 2020 (Lúa: …. Ngô: …)`) gives it to every figure of the item."""
    label = _item_label(text)
    if not label or label[0] > sent[0]:
        return None  # the label is in the value's own sentence, already read
    years = [y for y in year_mentions(label[1]) if y.kind in ("range", "due", "bare", "period")
             and not (y.kind == "bare" and plan_year and y.year < plan_year)]
    return years[-1].year if years else None


# a news item that carries a plan: `UBND tỉnh đã ban hành Kế hoạch số 2895/KH-UBND về việc thực hiện
# Chương trình Sức khỏe học đường giai đoạn 2021-2025 … với nội dung cụ thể như sau:`
# (or approves it: `Phó Thủ tướng … vừa ký Quyết định số 2214/QĐ-TTg phê duyệt Chương trình thực hiện
# Phong trào … giai đoạn 2021-2026.`, the goals told below)
_ANNOUNCED_PERIOD = re.compile(r"\bban\s+hành\s+(?:Kế\s+hoạch|Chương\s+trình|Đề\s+án)\b[^.:]*?\b(?:giai\s+đoạn|thời\s+kỳ)\s+"
                               r"(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)\b[^.:]*?\bnhư\s+sau\s*:|"
                               # (`Việc ban hành Quy hoạch lâm nghiệp quốc gia thời kỳ 2021-2030 …`, `hội nghị … thông qua
                               # Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội 5 năm 2021 - 2025`)
                               r"\b(?:phê\s+duyệt|ban\s+hành|thông\s+qua)\s+(?:Quy\s+hoạch|Kế\s+hoạch|Chương\s+trình|Đề\s+án|"
                               r"Chiến\s+lược|Nghị\s+quyết)\b[^.:;]*?"
                               r"\b(?:giai\s+đoạn|thời\s+kỳ|5\s+năm)\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)\b", re.I)


# a meeting that reviews a year and sets the next one's work: `Hội nghị tổng kết công tác xây dựng
# Đảng năm 2025, triển khai phương hướng, nhiệm vụ năm 2026`: the goals it tells are that year's
_ANNOUNCED_YEAR = re.compile(r"\b(?:triển\s+khai|đề\s+ra|xác\s+định)\s+(?:phương\s+hướng\s*,?\s*)?nhiệm\s+vụ\s+"
                            r"(?:trọng\s+tâm\s+)?năm\s+((?:19|20)\d\d)\b", re.I)


def _announced_period(paragraphs: list[str]) -> Optional[int]:
    """The period of the plan a news item sets out below its lead (its first few paragraphs),
    or the year whose work the meeting it tells of sets out."""
    for p in paragraphs[:4]:
        m = _ANNOUNCED_PERIOD.search(p)
        if m:
            return int(m.group(1) or m.group(2))
    for p in paragraphs[:4]:
        m = _ANNOUNCED_YEAR.search(p)
        if m:
            return int(m.group(1))
    return None


def _title_year(reader: "_Reader", ctx: _Context, text: str, sent: tuple[int, int]) -> Optional[int]:
    """The title's year, for figures with no nearer year: in a formal plan only under a
    goal heading or lead-in; never for a sentence that names a year of its own."""
    if reader.horizon is None or (reader.formal and not ctx.goal):
        return None
    if _names_own_year(text, sent):
        return None
    return reader.horizon


@lru_cache(maxsize=1024)
def _names_own_year(text: str, sent: tuple[int, int]) -> bool:
    """Whether a sentence names a year other than a baseline (read once per sentence)."""
    return any(y.kind != "baseline" for y in year_mentions(text[sent[0]:sent[1]]))


# `mục tiêu trong nhiệm kỳ 2020-2025 …`: the period the goals are set for (but not
# `Chương trình mục tiêu quốc gia giai đoạn …`, a programme's name)
_GOAL_PERIOD = re.compile(r"(?:mục\s+tiêu|chỉ\s+tiêu|phấn\s+đấu|\btrong)(?:\s+(?:chủ\s+yếu|cụ\s+thể|trong|của|cho|cả|suốt|"
                          r"toàn))*\s+$", re.I)
_PAST_LEAD = re.compile(r"(?:\bđã\s+(?:[\p{L}]+\s+){0,3}?(?:hoàn\s+thành|đạt)|\bđạt\s+được|"
                        # `Trong nhiệm kỳ qua, kinh tế - xã hội phát triển toàn diện: …`
                        r"\b(?:nhiệm\s+kỳ|giai\s+đoạn|thời\s+gian|năm)\s+(?:vừa\s+)?qua\b|"
                        r"\bkết\s+quả\s+(?:đạt\s+được|nổi\s+bật|quan\s+trọng|toàn\s+diện))[^.:;]*:[^:]*$",
                        re.I)
# (`chỉ tiêu đã đề ra`: set before, a benchmark of results)
# (`đạt kế hoạch đề ra`, `hoàn thành các chỉ tiêu, nhiệm vụ đề ra`: what was set, not what is set now)
_FUTURE = re.compile(r"phấn\s+đấu|từ\s+nay\s+(?:đến|tới)\b|cần\s+đạt|phải\s+đạt|(?<!so\s+với\s)(?<!chương\s+trình\s)mục\s+tiêu|"
                     r"(?<!đã\s)(?<!(?:(?:đạt|vượt|theo)\s+kế\s+hoạch|nhiệm\s+vụ|chỉ\s+tiêu)\s+)"
                     # (nor the goal a result is measured against: `vượt 365 hộ so với chỉ tiêu Nghị quyết đề ra`)
                     r"(?<!so\s+với\s+(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch)(?:\s+[^\s,.;]+){0,4}\s+)"
                     # (nor the goals a past term is told to have met: `Nhiệm kỳ vừa qua, …, đạt và vượt các chỉ
                     # tiêu Nghị quyết Đại hội đề ra: …`)
                     r"(?<!\b(?:đạt\s+và\s+vượt|đã\s+(?:cơ\s+bản\s+)?(?:đạt|vượt|hoàn\s+thành)|hoàn\s+thành\s+vượt)"
                     r"(?:\s+[^\s,.;:]+){1,8}\s+)đề\s+ra"
                     # (not goals named as reached: `16/16 chỉ tiêu Nghị quyết Đại hội … đề ra đều đạt và vượt`)
                     r"(?!,?\s+(?:đều\s+|cơ\s+bản\s+|đã\s+)?(?:đạt|vượt|hoàn\s+thành)\b)|(?<!đã\s)đặt\s+ra|\bsẽ\b|dự\s+kiến|"
                     # (not the plan a result is measured against: `… có 11.370 hộ hội viên đăng ký, vượt gần 9,5% chỉ
                     # tiêu kế hoạch năm`)
                     r"(?<!\b(?:vượt|đạt|so\s+với)(?:\s+[^\s.;:]+){0,4}\s+)kế\s+hoạch\s+năm|"
                     # (not `báo cáo … về tình hình thực hiện nhiệm vụ năm 2025`: the year reviewed)
                     r"(?<!(?:tình\s+hình|kết\s+quả)\s+thực\s+hiện\s+)nhiệm\s+vụ\s+năm", re.I)
_DESCRIBES = re.compile(r"\bcó\s+(?:tỷ\s+lệ|tỉ\s+lệ|kết\s+quả)\b|"
                        # `Xã … có tổng đàn gia súc, gia cầm trên 10.650 con`: what there is now
                        r"\bcó\s+tổng\s+(?:đàn|số|diện\s+tích|dân\s+số)\b|"
                        # `Nguyên nhân … là do dân số … điều chỉnh từ 74.721 người lên 76.797 người`
                        r"\bnguyên\s+nhân\b|"
                        # `Cơ cấu kinh tế của tỉnh chủ yếu tập trung ở 3 lĩnh vực: … (khoảng 30,6%)`:
                        # the shares the economy has now
                        r"\bcơ\s+cấu\s+kinh\s+tế\b[^.;:]{0,30}?\b(?:chủ\s+yếu\s+)?(?:tập\s+trung|gồm|hiện\s+nay)\b|"
                        r"\btheo\s+kết\s+quả\s+(?:nghiên\s+cứu|khảo\s+sát|điều\s+tra|đánh\s+giá)", re.I)
_PAST_LEAD_WORDS = re.compile(_PAST_LEAD.pattern.replace(r"\b", "").split(")[^.:;]*:")[0] + ")", re.I)
_DESCRIBES_WORDS = _unbounded(_DESCRIBES)
# (`tính đến ngày 31-10, … đạt hơn 81% kế hoạch, để đạt tiêu chí này, từ nay đến cuối năm xã phải
# vận động hơn 1.400 người`: what is still to do, after the count so far)
_PURPOSE = re.compile(r"\b(?:bảo\s+đảm|đảm\s+bảo|nhằm|phấn\s+đấu|để\s+(?:đạt|hoàn\s+thành)|từ\s+nay\s+(?:đến|tới))\b", re.I)
# a cause given as what a whole place has: `do toàn huyện có`, `nhờ cả tỉnh hiện có`
_GROUNDS = re.compile(r"\b(?:do|vì|bởi\s+vì|nhờ)\s+(?:toàn|cả)\s+\p{L}+(?:\s+\p{L}+)?\s+(?:hiện\s+|đã\s+)?có\s", re.I)
_GROUNDS_ANYWHERE = _unbounded(_GROUNDS)  # (asked once per sentence: most hold no such cause)
_GOALS_LISTED = re.compile(r"\b(?:các|những)\s+(?:chỉ|mục)\s+tiêu\b[^.;:\d]{0,40}?\s(?:như|gồm)\s", re.I)
_NOW_SENTENCE_OPENING = re.compile(r"\s*(?:" + _words(w for w in _NOW if w not in ("hiện có", "tính đến")) + r")\s*,", re.I)
_REPORT_OPENING = re.compile(r"^\s*(?:tính\s+(?:đến|tới)\s+[^,;:]{0,40}?(?=\s*,)|"
                             # `Sau 5 năm, tỉ lệ hộ nghèo của tỉnh được kéo giảm còn dưới 3%`
                             r"sau\s+(?:\d+|[\p{L}]+)\s+năm\b[^,;:]{0,60}?(?=\s*,)|theo\s+(?:báo\s+cáo|tổng\s+hợp|kết\s+quả\s+(?:sơ\s+bộ\s+)?(?:rà\s+soát|thống\s+kê|tổng\s+hợp|"
                             r"điều\s+tra))|"
                             # `Qua rà soát, toàn xã có hơn 700 thanh niên trong độ tuổi …`: what a count found
                             r"qua\s+(?:rà\s+soát|kiểm\s+tra|thống\s+kê|khảo\s+sát|điều\s+tra)(?=\s*,))\b", re.I)
# a paragraph opened by a past term that it reports on: `Nhiệm kỳ 2015 - 2020, Đảng bộ xã
# … đã tập trung …`, `Nhiệm kỳ 2020-2025, xã Khun Há đạt được nhiều kết quả …`
# (or by the years it counts, their range in brackets: `Trong 5 năm (2016-2020), huyện Na Hang đã giảm được …`)
_TERM_OPENING = re.compile(r"^\s*(?:trong\s+)?(?:(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:mới\s+)?|(?:(?:\d{1,2}|hai|ba|bốn|năm|mười)"
                           r"\s+năm\s*\(\s*))(?:(?P<first>(?:19|20)\d\d)\s*[-–]\s*)"
                           r"(?P<last>(?:19|20)\d\d)\s*(?:(?<=\(\s*(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*)\))?\s*,(?P<rest>[^.]*)", re.I)


# a paragraph opened by a single past year, in a plan or report for a later one: `Năm 2025, sau
# khi triển khai mô hình …, các chỉ tiêu chủ yếu đạt kế hoạch. … tổng vốn đầu tư … đạt 438.712 triệu
# đồng` in a ward's report setting its 2026 goals (only when the plan's year is later)
_PAST_YEAR_PARAGRAPH = re.compile(r"^\s*(?:trong\s+)?năm\s+(?P<last>(?:19|20)\d\d)\s*,", re.I)
_DONE_WORDS = re.compile(r"\bđã\b|\bđạt\s+được\b", re.I)


@lru_cache(maxsize=256)
def _term_opening(text: str) -> Optional[tuple[int, bool]]:
    """The last year of the past term a paragraph opens with, and whether its first sentence
    tells of work done (read once per paragraph, not once per value)."""
    m = _TERM_OPENING.match(strip_marker(text))
    if not m:
        year = _PAST_YEAR_PARAGRAPH.match(strip_marker(text))
        return (int(year.group("last")), False) if year else None
    last = int(m.group("last"))
    if int(m.group("first")) < last:
        # a term ending in the year of the page that reports it is over (`Trong nhiệm kỳ 2018-2023,
        # Hội … kết nạp 5.902 hội viên … Có 96.710 lượt hộ đăng ký` in a story of June 2023 on the
        # congress of the 2023-2028 term): read as the year before its last
        last -= 1
    return (last, bool(_DONE_WORDS.search(m.group("rest"))))


def _reports_paragraph(text: str, sentence_start: int, plan_year: Optional[int]) -> bool:
    term = _term_opening(text)
    if not term or _FUTURE.search(text[sentence_start:text.find(".", sentence_start) + 1 or len(text)]):
        return False
    return bool(plan_year and term[0] < plan_year) or term[1]


# a clause that sets goals for the period named before it
_SETS_GOALS = re.compile(r"\b(?:đề\s+ra|đặt\s+ra|đặt\s+mục\s+tiêu|phấn\s+đấu|xác\s+định|thông\s+qua)\b|"
                         r"\b(?:mục|chỉ)\s+tiêu\b", re.I)
_CAPS_GOAL_WORDS = ("MỤC TIÊU", "CHỈ TIÊU", "PHƯƠNG HƯỚNG", "NHIỆM VỤ")
_CAPS_GOAL_HEADING = re.compile(r"^[^a-zđ]{0,60}(?:" + "|".join(_CAPS_GOAL_WORDS) + r")[^a-zđ]{0,120}$")
_GOAL_WORDS_OR_SET = re.compile(_GOAL_WORDS.pattern + r"|\b(?:" + _words(_SET_VERBS) + r")\b|\byêu\s+cầu\b|"
                                # a news item telling of a plan issued for a year (`UBND xã … đã ban hành kế
                                # hoạch số 31/KH-UBND về … tiêm phòng … đợt 2 năm 2020`)
                                r"\b(?:ban\s+hành|phê\s+duyệt)\s+(?:kế\s+hoạch|chương\s+trình|đề\s+án)\b|"
                                # (or the year's work it launched: `Hội đồng Giáo dục QP-AN huyện … vừa triển khai công
                                # tác năm 2012. Theo đó, … đảm bảo hoàn thành 100% chỉ tiêu …`)
                                r"\btriển\s+khai\s+(?:công\s+tác|nhiệm\s+vụ|kế\s+hoạch)\b", re.I)
_LAW_YEAR = re.compile(r"\b(?:Luật|Bộ\s+luật|Hiến\s+pháp|Pháp\s+lệnh)\s+\p{Lu}[\p{L} ,-]{0,40}$")
def _names_a_law(text: str, y) -> bool:
    return bool(_LAW_YEAR.search(text[max(0, y.start - 50):y.start]))


_PROGRAMME = re.compile(r"chương\s+trình|đề\s+án|kế\s+hoạch|chiến\s+lược|nghị\s+quyết|quyết\s+định|"
                        r"dự\s+án|quy\s+hoạch|\bMTQG\b", re.I)
