"""The deadlines one sentence (or one `Thời gian thực hiện` value) states.

A date is a deadline when a deadline word ties it to the task: `hoàn thành`,
`trước`, `chậm nhất`, `hạn chót`, `trong`, `vào`, `đến hết`, `thời gian hoàn
thành:`. A bare date dates a cited document or reports the past, a bare year is
a target's horizon, `từ …` opens a window without closing it. A schedule is
`định kỳ` with a period, or a sentence that opens with `Hằng năm,` / `Mỗi
quý,` / `Từ năm 2026 trở đi,`; the dates of a scheduled sentence are the
schedule's dates (`Định kỳ hằng năm … trước ngày 30 tháng 11` → `--11-30`,
yearly). A relative limit (`trong thời hạn 07 ngày làm việc, kể từ …`) has no
date. Inside a `Thời gian thực hiện` value every phrase counts (`forced`).

Positions are indices into the segment given.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex as re

from extractors import lexicon
from extractors.anchored import OpeningWords, RequiredWords
from extractors.grammar.markers import ARABIC, BULLETS, LETTERS_LATIN, PAREN, ROMAN_RUN, STAR
from extractors.grammar.dates import (BARE_PERIOD, FLAGS, RECURRENCE, TimeExpr, find_recurrences, find_time_exprs, most_frequent,
                    recurrence_of)

_DONE = r"(?:hoàn\s+thành(?:\s+xong)?|xong|kết\s+thúc|hoàn\s+tất)"
TRIGGER = re.compile(
    # (`hoàn thành ngay trong quý I-2018`: `ngay` stresses the time, the completion is still tied to it)
    rf"(?:(?P<done>\b{_DONE})(?:\s+ngay)?\s+)?"
    r"(?P<prep>\b(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+(?:trước|vào|trong|đến\s+hết|đến))?|"
    r"(?:hạn\s+chót|thời\s+hạn)(?:\s+[^\s,.;:]+){0,5}?(?:\s+là|\s*:)?|"
    r"thời\s+gian\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|tổ\s+chức)(?:\s+là|\s*:|\s+dự\s+kiến(?:\s+(?:là|vào))?)|"
    r"không\s+muộn\s+hơn|không\s+quá|trong(?:\s+thời\s+gian)?|vào|đến(?:\s+hết)?|tới|hết|từ|"
    # `trình Chính phủ tại phiên họp thường kỳ tháng 9 năm 2014`: the meeting a report is due at
    r"tại\s+(?:phiên\s+họp|kỳ\s+họp|cuộc\s+họp|hội\s+nghị)(?:\s+[^\s,.;:\d]+){0,4}?|"
    # `23 Đề án phải trình năm 2025`, `trình phiên họp Chính phủ tháng 11/2019`: when a draft is
    # due (the verb, not the noun of `Tờ trình`, `Chương trình năm 2025`)
    r"(?<!\b(?:tờ|quy|lộ|chương|công|hành|tiến|giáo|phương|liệu)\s+)trình(?:\s+(?:phiên\s+họp|kỳ\s+họp|hội\s+nghị)(?:\s+[^\s,.;:\d]+){0,4}?)?|"
    # `hoàn thành … các công việc của tháng 02 và quý I năm 2025`: the work of a period
    r"(?<=\b(?:công\s+việc|nhiệm\s+vụ|chỉ\s+tiêu)\s+)của|"
    # `từ ngày mùng 4 đến ngày 12 tết (tức ngày 8 - 16/2/2019)`: a lunar date's solar day in brackets
    # carries the time words before it
    r"bắt\s+đầu\s+từ|(?<=\b(?:tết|âm\s+lịch)\s*\(\s*)tức(?:\s+là)?)(?:\s+|(?=ngày\s))"
    # (a page that lost the space glues the word to its date: `hoàn thành trướcngày 20/11/2023`)
    r"(?:(?<=\p{L})ngày\s+)?"
    # `trước 17 giờ 00 ngày …`, `trong tuần đầu tháng 6`: words between the deadline word and the date
    # (`vào lúc 16h chiều thứ bảy ngày 27/12`: the hour, the part of the day, the weekday)
    r"(?:(?:lúc\s+)?\d{1,2}\s*(?:h|giờ)\s*(?:\d{2}\s*(?:phút\s*|['’′]\s*)?)?,?\s*(?:(?:sáng|trưa|chiều|tối)\s+)?"
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*)?|"
    # (`giao, nhận công dân nhập ngũ vào sáng 20-2-2019`: the part of the day without its hour)
    r"(?:sáng|trưa|chiều|tối)\s+(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*)?|"
    # (`trong khoảng tuần giữa tháng 6/2024`, `trong khoảng tháng 6/2024`: about when, still a window)
    r"(?:khoảng\s+)?(?:tuần|tuần\s+lễ|những\s+ngày|các\s+ngày|\d{1,2}\s+ngày)\s+(?:(?:đầu|giữa|cuối|cuối\s+cùng)\s+(?:của\s+)?)?|"
    r"khoảng\s+)?)?$",
    FLAGS,
)
# every non-empty TRIGGER match opens with a word of `_DONE` or of `prep` (any case): tried there
# only, then the empty match where `$` holds (a search of the 64 words before a date at every
# character cost ~60 µs a date)
TRIGGER_OPENINGS = OpeningWords("hoàn", "xong", "kết", "trước", "chậm", "hạn", "thời", "không", "trong", "vào",
                                "đến", "tới", "hết", "từ", "tại", "trình", "của", "bắt", "tức")
_FIRM_PREPS = ("trước", "chậm", "hạn", "thời", "không")  # `thời hạn`, `thời gian hoàn thành:`
_WINDOW_PREPS = ("trong", "vào", "đến", "tới", "hết")
_OPENING_PREPS = ("từ", "bắt")


def _words(phrase: str) -> str:
    """`phrase` as a pattern whose words may be parted by any run of spaces."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


# verbs of a task the time phrase may date (lexicon/task_verbs.tsv), besides the forms of `hoàn thành`
_TASK_VERB = re.compile(
    rf"\b(?:{_DONE}|{'|'.join(_words(v) for v in lexicon.task_verbs('deadline'))})\b",
    FLAGS,
)
# what is done within a limit (`giải quyết trong 05 ngày`), unlike an event that lasts (`tập huấn
# trong 02 ngày`): lexicon/task_verbs.tsv, `limited`
_LIMITED_VERB = re.compile(
    rf"\b(?:{_DONE}|{'|'.join(_words(v) for v in lexicon.task_verbs('limited'))})\b",
    FLAGS,
)
_SUBMITTED = re.compile(r"\b(?:trình|báo\s+cáo|thông\s+qua|cho\s+ý\s+kiến|xem\s+xét)\b", FLAGS)
_REPORT_PERIOD = re.compile(r"\b(?:tình\s+hình|kết\s+quả)\b[^,;:.()]{0,70}$", FLAGS)
_PAST = re.compile(r"\bđã\b|\bvừa\s+qua\b|\b(?:năm|tháng|quý)\s+qua\b|\btrước\s+đây\b", FLAGS)
_DONE_BEFORE = re.compile(r"\bđã\b[^,;.:]{0,40}$", FLAGS)  # `hồ sơ đã nộp trước ngày …`
# (but a plan's set time in brackets after it: `hoàn thành toàn bộ "Chiến dịch" theo đúng kế hoạch đã đề ra
# (trước ngày 15/01/2026)`: the `đã` is the plan's, the day is what the work is due by)
_SET_TIME_ASIDE = re.compile(r"\b(?:kế\s+hoạch|tiến\s+độ|mục\s+tiêu|yêu\s+cầu|thời\s+hạn)\s+đã\s+(?:được\s+)?"
                             r"(?:đề\s+ra|đặt\s+ra|giao|phê\s+duyệt|xác\s+định)\s*\(\s*$", FLAGS)
# `nhiều phần việc đã được chính quyền các xã phấn đấu hoàn thành ngay trong quý I-2018`: the aim was
# set before, the completion it aims at is still to come
_AIMED_AFTER = re.compile(r"\b(?:phấn\s+đấu|sẽ|dự\s+kiến)\b", FLAGS)
# `chuẩn bị báo cáo … theo nội dung đã được gợi ý và gửi đoàn kiểm tra trước ngày …`: a task verb
# after `và` opens a new predicate; the `đã` before it qualified a noun and dates nothing
_AND_THEN_TASK = re.compile(
    rf"\bvà\s+(?:{'|'.join(_words(v) for v in lexicon.task_verbs('deadline') + lexicon.task_verbs('limited'))})\b",
    FLAGS,
)
# a figure told as it stands at a date: counted (`tính đến`, `số liệu thống kê đến hết tháng 6/2021`) or
# estimated (`Ước đến 31/12/2022, có tổng số 226 THT`): the date a report's state is read at, not a deadline
_STATUS = re.compile(r"\b(?:tính|tính\s+từ|thống\s+kê|ước(?:\s+(?:tính|thực\s+hiện))?)\s+(?:đến|tới|từ)\s*(?:hết\s*)?$"
                     r"|\bso\s+với\s*$|\bđến\s+nay\b", FLAGS)
TARGET_FIGURE = re.compile(r"\d\s*%|\b(?:đạt|tăng|giảm|ít\s+nhất|tối\s+thiểu|trên)\s+(?:\S+\s+){0,2}\d", FLAGS)

# a limit counted from an event: `trong thời hạn 07 ngày làm việc, kể từ …`, `trong 30 ngày`
_NUMBER_WORD = r"(?:\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+\S+)?)"
RELATIVE = re.compile(
    rf"(?:\b(?:chậm\s+nhất|không\s+quá|tối\s+đa)\s+(?:là\s+)?(?:sau\s+(?:thời\s+gian\s+)?)?|"
    rf"\btrong\s+(?:thời\s*hạn|vòng|thời\s+gian|phạm\s+vi)\s+(?:không\s+quá\s+|tối\s+đa\s+)?|"
    rf"\b(?:thời\s*hạn|trong|sau)\s+|"
    # `gởi trước ngày trao thưởng ít nhất 07 ngày`, `khen thưởng đột xuất trước 03 ngày`: a lead
    # time before an event (not `trước 15 tháng 6`, a date: see the look-ahead below)
    rf"\btrước\s+(?:(?:ngày|khi)\s+[^,.;:\d]{{1,40}}?\s+(?:ít\s+nhất|tối\s+thiểu|chậm\s+nhất)\s+)?|"
    # `Thời gian:` / `60 ngày kể từ khi nhận đủ hồ sơ`: a value that is the limit itself
    # (also after a label: `Đối với tuyến xã: 05 ngày làm việc kể từ thời điểm kết thúc kỳ thống kê`)
    rf"(?:^\s*|(?<=:\s{{0,3}}))(?=\d{{1,3}}\s+(?:ngày|tuần|tháng)(?:\s+làm\s+việc)?\s+(?:kể|tính)\s+từ))"
    # (`15 tháng 6` with its month is a date)
    # (years only after an upper bound on the wait: `tối đa sau thời gian 05 năm phải thực hiện đúng …`)
    rf"{_NUMBER_WORD}\s+(?:ngày(?:\s+làm\s+việc)?|tuần|tháng"
    rf"|(?<=\b(?:chậm\s+nhất|không\s+quá|tối\s+đa)\s+(?:là\s+)?sau\s+(?:thời\s+gian\s+)?{_NUMBER_WORD}\s+)năm)(?!\s+(?:qua|gần\s+đây|đầu|cuối|tới)|\s*\d)"
    rf"(?P<anchor>(?:\s*,)?\s+(?:kể\s+từ|tính\s+từ|sau\s+khi|từ\s+(?:ngày|khi)|trước\s+(?:ngày|khi))[^,.;]*)?",
    FLAGS,
)
# every RELATIVE match opens with one of these words (any case), or, a value that is the limit itself,
# at the segment's start or at the number after a label's colon (the start of a run of digits): tried
# there only (its search at every character cost a seed plan about 0.9 ms)
_RELATIVE_OPENINGS = OpeningWords("chậm", "không", "tối", "trong", "thời", "sau", "trước")
_DIGIT_RUN = re.compile(r"\d+")


def relative_matches(text: str):
    """`RELATIVE.finditer(text)`: the same matches, tried where they can open only."""
    return _RELATIVE_OPENINGS.finditer(RELATIVE, text, also=[0] + [m.start() for m in _DIGIT_RUN.finditer(text)])


# `Từ nay đến trước Tết Nguyên đán 2013, Sở Công thương tăng cường …`, `hoàn thành trước Tết`: a
# limit set by a holiday the text does not date (its day moves with the lunar calendar): no `due`
_BY_HOLIDAY = re.compile(
    r"(?:\btừ\s+nay\s+)?(?:\b(?:đến|tới)\s+trước|\b(?:đến|tới)(?=\s+Tết)|\btrước)\s+"
    r"Tết(?:\s+(?:Nguyên\s+đán|Âm\s+lịch|cổ\s+truyền))?(?:\s+(?:năm\s+)?(?:19|20)\d\d)?\b",
    FLAGS,
)
# `báo cáo kết quả cho HĐND TP chậm nhất là cuối tháng`: the end of a period the text does not number
# (with its number, `cuối tháng 1 năm 2018`, it is a date)
_BY_PERIOD_END = re.compile(
    r"\b(?:chậm|muộn)\s+nhất\s+(?:là\s+|vào\s+)?cuối\s+(?:tháng|quý|năm)(?:\s+(?:này|nay))?(?!\s*(?:\d|[IVX]\b))", FLAGS)
# `Theo kế hoạch, từ nay đến cuối năm, Bộ Công an chủ trì …`: a span opened on the text's own day and
# closed with the end of its year (no number: the year the text is written in); not the span named as a
# subject (`Thời gian từ nay đến cuối năm chỉ còn 2 tháng`)
TO_YEAR_END = re.compile(
    r"(?<!\bthời\s+gian\s+)\btừ\s+nay\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)+năm(?:\s+(?:nay|này))?(?!\s*\d)(?!\s+(?:học|tài)\b)", FLAGS)
# `Việc này nhằm giúp người dân sớm ổn định chỗ ở, …, thu nhập trước Tết Nguyên đán`: what the work
# is for, reached by the holiday; no task is due by it (unless the aim is to complete: `nhằm hoàn thành`)
_AIM_BEFORE = re.compile(rf"\bnhằm\b(?![^.;]*\b{_DONE}\b)[^.;]*$", FLAGS)
# `Uỷ ban nhân dân huyện họp thường kỳ mỗi tháng một lần`: how often the task recurs
# (a frequency under a minimum is a figure to reach, what a target promises: `phấn đấu, từ năm 2026, người
# dân được khám sức khỏe định kỳ … ít nhất mỗi năm 1 lần`, as `ít nhất 2 lần/năm` is)
_TIMES_PER_PERIOD = re.compile(
    r"(?<!\b(?:ít\s+nhất|tối\s+thiểu)\s+)"
    r"\b(?:mỗi|hằng|hàng|(?P<half>6|06|sáu)(?=\s+tháng))\s+(?P<period>năm|quý|tháng|tuần)\s+"
    r"(?:(?:ít\s+nhất|tối\s+thiểu)\s+)?(?:một|hai|1|2|01|02)\s+lần\b", FLAGS)
_TIMES_PER_PERIOD_WORDS = RequiredWords("lần")  # (every match holds it: searched only then)
_PERIOD_RECURRENCE = {"năm": "yearly", "quý": "quarterly", "tháng": "monthly", "tuần": "weekly"}
# `phải nhập dữ liệu …, hoàn thành ngay trong ngày`: done within the day (week, month) it arises
_WITHIN_THE_DAY = re.compile(rf"\b{_DONE}\s+(?:ngay\s+)?trong\s+(?:ngày|tuần|tháng)(?=\s*(?:[,.;)]|$))", FLAGS)
# `Thủ tướng yêu cầu UBND các tỉnh … trong hai ngày tới tạm hoãn các hội họp`: the coming days a directive
# gives for the work are its limit (RELATIVE leaves `tới` out: `trong 5 năm tới` is a horizon, a forecast
# speaks of the coming days too)
_COMING_DAYS = re.compile(rf"\btrong\s+{_NUMBER_WORD}\s+(?:ngày|tuần)\s+tới\b", FLAGS)
_DIRECTED = re.compile(r"\b(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)\b[^,;.:]{0,80}$", FLAGS)
# every RELATIVE match holds its unit: a sentence without one is not searched (half the cost)
_MAYBE_RELATIVE = re.compile(r"ngày|tuần|tháng|sau\s+(?:thời\s+gian\s+)?\S+\s+năm", FLAGS)
_MAYBE_RELATIVE_WORDS = RequiredWords("ngày", "tuần", "tháng", "sau")  # (its search only where one is written)

# sentence openers that schedule the sentence's task: `Hằng năm,` `Mỗi quý,` `Từ năm 2026 trở đi,`
_OPENER = re.compile(
    r"^(?:(?:Định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần|ngày)(?!\s*\d)"
    r"|Từ\s+năm\s+\d{4}\s+(?:và\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)|trở\s+đi))",
    FLAGS,
)
# (every `_OPENER` match holds `hằng`, `hàng` or `mỗi`, or `tiếp`, `sau` or `trở` after its year: a sentence
# without them opens no clause with one, and its clauses are not matched)
_OPENER_WORDS = RequiredWords("hằng", "hàng", "mỗi", "tiếp", "sau", "trở")
# `Mỗi năm giảm 4-5%`, `Hằng năm, tăng thêm 2.000 lao động`: a per-year target, not a schedule
_RATE_AFTER_OPENER = re.compile(
    r"^\s*,?\s*(?:\S+\s+){0,3}?(?:tăng|giảm|đạt|thu\s+hút|tạo|phấn\s+đấu|duy\s+trì)\s+(?:thêm\s+|bình\s+quân\s+|ít\s+nhất\s+|"
    r"tối\s+thiểu\s+|trên\s+|từ\s+|khoảng\s+|được\s+|cho\s+)*\d",
    FLAGS,
)
# `trước 14 giờ 00 hàng ngày`, `vào tuần cuối hàng tháng`: a time of day, a week or a day
# within a period, then the period it recurs with
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
_TIMED_SCHEDULE = re.compile(
    r"\b(?:trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất|vào|trong|lúc)\s+(?:lúc\s+)?"
    r"(?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?(?:\s*phút)?|buổi\s+(?:sáng|chiều|tối)"
    r"|(?:tuần|tuần\s+lễ|ngày|tháng)\s+(?:đầu|cuối|cuối\s+cùng)(?:\s+của)?"
    # `báo cáo vào thứ Sáu hàng tuần`, `trước 15 giờ thứ Năm hằng tuần`, `vào các ngày cố định hằng tuần`:
    # the day of the week it recurs on
    rf"|(?:\d{{1,2}}\s*(?:h|giờ)(?:\s*\d{{2}})?(?:\s*phút)?\s*,?\s*)?(?:(?:sáng|chiều|tối|trưa)\s+)?(?:(?:các\s+)?ngày\s+)?"
    rf"{_WEEKDAY}(?:\s*(?:,|và)\s*{_WEEKDAY})*|(?:các\s+)?ngày\s+cố\s+định)"
    r"\s*,?\s*(?:của\s+)?(?P<every>(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm))\b",
    FLAGS,
)
_TIMED_SCHEDULE_WORDS = RequiredWords("hằng", "hàng", "mỗi")  # (every match holds one: searched only then)
_LEAD_LABEL = re.compile(r"^[^:,.;\d]{1,40}:\s+")
# `Theo quy định tại Điều 134 Luật … và Thông tư số 19/2016/TT-BTNMT, hàng năm các Bộ … gửi báo cáo
# … trước ngày 15 tháng 01`: the legal basis that opens a sentence leaves the schedule after its comma
# opening the sentence's task
_BASIS_LEAD = re.compile(r"^(?:Theo\s+quy\s+định|Căn\s+cứ|Theo\s+(?:Luật|Nghị\s+định|Thông\s+tư|Quyết\s+định))"
                         r"[^,;.:]{0,200},\s*", FLAGS)
# (`sau đó, cứ sáu tháng tiêm nhắc lại`: `cứ` + a period schedules as `định kỳ` does)
_DINH_KY = re.compile(r"\bđịnh\s+kỳ\b|\bcứ(?=\s+(?:\d{1,2}|một|hai|ba|sáu|mười\s+hai)\s+(?:tháng|tuần|năm|quý)\b)", FLAGS)
_DINH_KY_OPENINGS = OpeningWords("định", "cứ")  # (every match opens with one: tried there only)
# (and holds `kỳ` or `cứ`: `định` alone, `quyết định`, `quy định`, is written in most sentences; a sentence
# without them is not searched)
_DINH_KY_WORDS = RequiredWords("kỳ", "cứ")
# a run of bullets and outline markers opening a line (`- 2.1. `, `a) (1) `)
OUTLINE_MARK = re.compile(rf"^(?:[{BULLETS}{STAR}]\s*|{PAREN}\s*|[{LETTERS_LATIN}]\)\s*|{ARABIC}\.?\s+|{ROMAN_RUN}\.\s+)+")


@dataclass
class Found:
    """A deadline in the segment: its span, `due` and `recurrence`."""
    start: int
    end: int
    due: Optional[str] = None
    recurrence: Optional[str] = None


@dataclass
class Dated:
    """A date accepted as a deadline, with the deadline words before it."""
    expr: TimeExpr
    start: int
    end: int
    prep: str
    recurrence: Optional[str] = None
    list_start: Optional[int] = None  # where the list of dates it closes starts (`ngày 20/6 và ngày 20/12`)


def yearless_date(text: str) -> Optional[tuple[TimeExpr, str]]:
    """The last date of `text` written without a year (`trước ngày 20 tháng 6`), with
    the preposition before it; None when every date names its year."""
    exprs = [t for t in find_time_exprs(text) if t.year is None and t.grain in ("day", "month", "quarter", "half")]
    if not exprs:
        return None
    _, prep, _ = trigger_of(text, exprs[-1])
    return exprs[-1], prep


def due_in_year(expr: TimeExpr, prep: str, year: int) -> Optional[str]:
    """`due` of a yearless date once the text around it has given the year."""
    return expr.with_year(year).last_day(before=prep == "trước")


# A TRIGGER match holds at most ~18 words (its longest: `hoàn thành xong`, `hạn chót` with five
# words and `là`, `17 giờ 00 phút, sáng`), and it ends at the date: searching from 64 words
# before the date finds the leftmost match a search from the sentence's start finds (look-behinds
# still see the text before), in time that does not grow with the sentence.
_TRIGGER_WORDS = 64
_WORDS_BEFORE = re.compile(rf"(?:\s*\S+){{1,{_TRIGGER_WORDS}}}\s*\Z", re.REVERSE | re.VERSION1)


# The regex module pays for a search bounded by pos/endpos in the length of the whole string,
# so the two searches below run on a slice around the date: the 64 words are looked for in the
# last `_WORDS_SPAN` characters (the whole text only when they do not fit), and the trigger in
# the window with `_BEHIND_SPAN` characters before it for its look-behinds.
_WORDS_SPAN = 2000
_BEHIND_SPAN = 200


class _Shifted:
    """A match found in a slice, read at its place in the whole text."""
    __slots__ = ("_m", "_offset")

    def __init__(self, m: re.Match, offset: int):
        self._m, self._offset = m, offset

    def start(self, *group) -> int:
        return self._m.start(*group) + self._offset

    def end(self, *group) -> int:
        return self._m.end(*group) + self._offset

    def span(self, *group) -> tuple[int, int]:
        return self.start(*group), self.end(*group)

    def group(self, *names):
        return self._m.group(*names)


def _words_window_start(text: str, end: int) -> int:
    """Where the last `_TRIGGER_WORDS` words before `end` start (0 when fewer are written)."""
    lo = max(0, end - _WORDS_SPAN)
    if lo:
        window = _WORDS_BEFORE.search(text[lo:end])
        if window and window.start() > 0:  # all 64 words inside the slice: as in the whole text
            return lo + window.start()
    window = _WORDS_BEFORE.search(text, 0, end)
    return window.start() if window else 0


def trigger_search(text: str, pos: int = 0):
    """`TRIGGER.search(text, pos)`: a match at the first opening word it holds at, else its empty
    match where `$` holds (before a last line break, or at the end)."""
    m = TRIGGER_OPENINGS.search(TRIGGER, text, pos)
    return m if m is not None else TRIGGER.search(text, max(pos, len(text) - 1))


_DAYS_PLURAL = re.compile(r"\b(?:các|những)\s+$", FLAGS)


def trigger_of(text: str, expr: TimeExpr) -> tuple[Optional["_Shifted"], str, bool]:
    """The deadline words right before `expr`: (match, first word of the preposition, `hoàn thành` given)."""
    end = expr.start
    # `vào các ngày 5 và 6 hàng tháng`: the days named as many keep the words before them
    plural = _DAYS_PLURAL.search(text, max(0, end - 12), end) if text.startswith("ngày", end) else None
    if plural:
        end = plural.start()
    start = _words_window_start(text, end)
    # the look-behinds' context: whole whitespace runs and the word before them
    lo = max(0, start - _BEHIND_SPAN)
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    lo = max(0, lo - 40)
    trig = trigger_search(text[lo:end], start - lo)
    if trig is not None:
        trig = _Shifted(trig, lo)
    prep = trig.group("prep") if trig else None
    return trig, prep.split()[0].lower() if prep else "", bool(trig and trig.group("done"))


def due_of(expr: TimeExpr, prep: str, recurrence: Optional[str]) -> Optional[str]:
    """`trước tháng 10/2024` ends the day before October; a yearly date has no year."""
    if recurrence in ("monthly", "weekly", "daily") and not (expr.year and expr.grain == "day"):
        return None  # (a day with its year closes the schedule: `hằng ngày từ 2-2 đến 22-2-2026`)
    return expr.last_day(before=prep == "trước", yearly=recurrence in ("yearly", "half-yearly", "quarterly"))


# `Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký`: when the document takes
# effect, not when a task is due
_IN_FORCE = re.compile(r"\bhiệu\s+lực(?:\s+thi\s+hành)?\s*$", FLAGS)


def segment_deadlines(text: str, forced: bool, today: Optional[str] = None) -> list[Found]:
    """Deadlines of one sentence (`forced`: of one `Thời gian thực hiện` value); `today`
    is the text's own date (ISO), when it prints one."""
    return list(_segment_deadlines(text, forced, today))


@lru_cache(maxsize=2048)  # (the deadlines and the tasks read the same sentences; no caller changes a Found)
def _segment_deadlines(text: str, forced: bool, today: Optional[str]) -> tuple[Found, ...]:
    return tuple(_read_segment(text, forced, today))


# Words one of which every relative limit, holiday, period end, schedule and opener is written with
# (`RELATIVE`: `ngày`/`tuần`/`tháng`/`sau`; `_BY_HOLIDAY`: `tết`; `_BY_PERIOD_END`: `cuối`; `_COMING_DAYS`:
# `tới`; `_TIMED_SCHEDULE`, `_OPENER`: `hằng`/`hàng`/`mỗi`; `_TIMES_PER_PERIOD`: `lần`; `_DINH_KY`:
# `kỳ`/`cứ`; `Từ năm 1990 trở đi` / `… và các năm tiếp theo|sau`): a sentence (not a forced value) with
# none of them and no time expression states no deadline, and is not read further (two sentences in
# three of a plan)
_ANY_DEADLINE_WORDS = RequiredWords("ngày", "tuần", "tháng", "sau", "tết", "cuối", "tới", "hằng", "hàng", "mỗi",
                                    "lần", "kỳ", "cứ", "trở", "tiếp")


def _read_segment(text: str, forced: bool, today: Optional[str] = None) -> list[Found]:
    if not forced and _ANY_DEADLINE_WORDS.absent(text) and not find_time_exprs(text):
        return []
    maybe_relative = not _MAYBE_RELATIVE_WORDS.absent(text) and _MAYBE_RELATIVE.search(text)  # (once for both)
    low = text.lower()
    relatives = [(m.start(), m.end()) for m in (relative_matches(text) if maybe_relative else ())
                 if forced or (m.group("anchor") or _relative_is_limit(text, m))
                 and not _IN_FORCE.search(text, max(0, m.start() - 30), m.start())]
    if relatives and not forced and _told_done(text):
        relatives = []
    relatives += [m.span() for m in (_WITHIN_THE_DAY.finditer(text) if maybe_relative else ())
                  if not _inside(*m.span(), relatives)]
    relatives += [m.span() for m in (_BY_HOLIDAY.finditer(text) if "tết" in low else ())
                  if not _inside(*m.span(), relatives) and not _DONE_BEFORE.search(text, max(0, m.start() - 50), m.start())
                  and not _AIM_BEFORE.search(text, 0, m.start())]
    relatives += [m.span() for m in (_BY_PERIOD_END.finditer(text) if "cuối" in low else ())
                  if not _inside(*m.span(), relatives)]
    relatives += [m.span() for m in (TO_YEAR_END.finditer(text) if "nay" in low else ())
                  if not _inside(*m.span(), relatives)]
    relatives += [m.span() for m in (_COMING_DAYS.finditer(text) if "tới" in text else ())
                  if not _inside(*m.span(), relatives) and _DIRECTED.search(text, max(0, m.start() - 100), m.start())]
    dated = _dated(text, forced, relatives, today)
    if forced:
        return _forced(text, dated, relatives)
    schedules = _schedules(text, [(d.start, d.end) for d in dated])
    # `ngày 10` is a date only inside a schedule
    dated = [d for d in dated if d.expr.grain != "day_only" or d.recurrence or schedules
             or _DINH_KY.search(text, 0, d.start) or OF_PERIOD_MONTH.match(text, d.expr.end)]
    # `Trong năm 2024, … trước ngày 25.3`: the year dates the day, it is not a second deadline
    if any(d.expr.year is None and d.expr.grain in ("day", "month", "quarter", "half") for d in dated):
        dated = [d for d in dated if d.expr.grain != "year" or d.expr.window]
    for d in dated:
        if d.recurrence and d.list_start is not None:
            # `Báo cáo định kỳ 6 tháng: … chậm nhất vào ngày 20/6 và ngày 20/12 hàng năm`: the period
            # word after a list says each year holds its dates; the schedule of the clause before
            # it names how often they come (the more frequent wins)
            before = [r for a, b, r in schedules if b <= d.list_start
                      and not _CLAUSE_END.search(text, b, d.list_start)]
            d.recurrence = most_frequent(before + [d.recurrence])
    dated = _narrowed_steps(text, dated)
    sentence_rec = most_frequent([r for _, _, r in schedules] + [d.recurrence for d in dated])
    yearless = [d for d in dated if d.expr.year is None]
    # `Định kỳ trước ngày 15 tháng 12`: a periodic date with no period recurs with the unit it leaves open
    closing = OF_PERIOD_MONTH.match(text, yearless[0].expr.end) \
        if yearless and yearless[0].expr.grain == "day_only" and not sentence_rec else None
    if closing:
        # `… cải cách hành chính hàng quý, 6 tháng và hàng năm, … chậm nhất là ngày 20 của tháng cuối kỳ
        # báo cáo`: the day comes once each reporting period, so as often as the reports the sentence
        # names (the most frequent) or the period the phrase names (`tháng cuối quý`); `báo cáo định kỳ
        # … ngày 25 của tháng cuối kỳ báo cáo` names none: not monthly
        unit = closing.group("unit").lower()
        sentence_rec = _PERIOD_RECURRENCE.get(unit) or most_frequent(
            [r for _, _, r in find_recurrences(text) if r != "continuous"])
    periodic = _DINH_KY.search(text, 0, yearless[0].start) if yearless and not sentence_rec and not closing else None
    if periodic:
        sentence_rec = "monthly" if yearless[0].expr.grain == "day_only" else "yearly"
    found: list[Found] = []
    absorbed: set[int] = set()
    for d in dated:
        a, b = d.start, d.end
        if periodic and d is yearless[0]:
            a = periodic.start()
        recurrence = d.recurrence or (sentence_rec if d.expr.year is None else None)
        if recurrence is None and d.expr.year is None and d.expr.grain == "day" \
                and _PERIOD_REPORT.search(text, 0, d.start):
            recurrence = "yearly"  # `Báo cáo 6 tháng gửi trước ngày 05/6`: that report comes each year on its day
        # one schedule written across the sentence is one deadline: first to last time word
        if yearless and d is yearless[0]:
            for n, (sa, _, _) in enumerate(schedules):
                if sa < a:
                    a, absorbed = sa, absorbed | {n}
        if yearless and d is yearless[-1]:
            for n, (sa, sb, _) in enumerate(schedules):
                if sa >= d.expr.end:
                    b, absorbed = max(b, sb), absorbed | {n}
        found.append(Found(a, b, due_of(d.expr, d.prep, recurrence), recurrence))
    found.extend(Found(a, b, None, r) for n, (a, b, r) in enumerate(schedules)
                 if n not in absorbed and not any(f.start <= a < f.end for f in found))
    found.extend(Found(a, b) for a, b in relatives if not any(f.start <= a < f.end for f in found))
    return found


_PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6}
# a report named by the period it covers, as the sentence's subject: `Báo cáo 6 tháng gửi …`, `Báo cáo năm gửi …`
_PERIOD_REPORT = re.compile(r"^\W*báo\s+cáo\s+(?:6|06|sáu)\s+tháng\s+(?:gửi|nộp)\b|^\W*báo\s+cáo\s+năm\s+(?:gửi|nộp)\b", FLAGS)


def _narrowed_steps(text: str, dated: list[Dated]) -> list[Dated]:
    """`Tháng 03/2019: Các phòng GDĐT … nộp hồ sơ … về Sở, trước ngày 10/3/2019`: a step listed
    under its month (quarter, half year) whose sentence names a day inside that period is one
    deadline, due that day; its quote runs from the step's period to the day."""
    if len(dated) < 2:
        return dated
    step = dated[0]
    t = step.expr
    if t.grain not in _PERIOD_MONTHS or t.window or t.month is None or not _timeline_item(text, t):
        return dated
    first_month = t.month - _PERIOD_MONTHS[t.grain] + 1
    for n, d in enumerate(dated[1:], 1):
        e = d.expr
        if e.grain == "day" and not e.window and e.month is not None and first_month <= e.month <= t.month \
                and (e.year is None or t.year is None or e.year == t.year) and not d.recurrence:
            joined = Dated(e, step.start, d.end, d.prep)
            return [joined] + [x for k, x in enumerate(dated[1:], 1) if k != n]
    return dated


# `chậm nhất là ngày 20 của tháng cuối kỳ báo cáo`: a day in the month that closes each reporting period
OF_PERIOD_MONTH = re.compile(r"\s*(?:của\s+)?tháng\s+cuối\s+(?P<unit>kỳ|quý|năm)\b", FLAGS)
_CLAUSE_END = re.compile(r"[;.]")
_REPORTING_PERIOD = re.compile(
    r"\s*,?\s*(?:của\s+)?(?P<unit>năm|quý|tháng)\s+(?:(?:liền\s+kề|tiếp\s+theo|kế\s+tiếp|sau)\s+(?:của\s+)?"
    r"(?:năm|quý|tháng)\s+)?báo\s+cáo\b", FLAGS)
# (`trước ngày 01 tháng 3 năm hàng năm`: a form's blank year left its `năm` before the period word)
_SCHEDULE_GAP = re.compile(r"\s*,?\s*\(?(?:của\s+)?(?:năm\s+(?=(?:hằng|hàng|mỗi)\s+năm\b))?", FLAGS)
_MORE_DAYS = re.compile(r"(?:\s*(?:,|và|hoặc)\s*\d{1,2}\b(?!\s*[/.\-]\s*\d))+", FLAGS)
_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc)\s*", FLAGS)
_BARE_DAY_OPENING = re.compile(r"\btừ\s+(?:ngày\s+)?\d{1,2}\s+(?:đến|tới)(?:\s+hết)?(?:\s+ngày)?\s+$", FLAGS)
_ALTERNATIVE = re.compile(r"\s*,?\s*hoặc\s+(?:(?:vào|trong|trước|đến)\s+)?", FLAGS)
_BRACKET_OPEN_GAP = re.compile(r"\s*\(\s*")


def _opens_with_bracket(text: str, at: int) -> bool:
    """Does `text[:at]` end in `(` and spaces (what `_BRACKET_OPEN_GAP` asks after a recurrence)?"""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] == "("


# ---- An event's own dates ----
# The days a meeting, a ceremony or a festival is held, told as a fact, date the event, not anything
# due. Told with `sẽ` / `dự kiến` (an event still to come), they are a date in the plan's calendar
# (`Lễ phát động … sẽ được tổ chức ngày 1-6`); a campaign of work that `diễn ra` over a window
# (`đợt cao điểm … diễn ra từ ngày 15/11/2025 - 15/4/2026`) is the time its work is done.
# Its vocabulary, in one place:
_AHEAD = r"(?:sẽ|dự\s+kiến)"
_NOT_AHEAD = rf"(?<!\b{_AHEAD}\s+)"
_HELD = r"(?:tổ\s+chức|diễn\s+ra)"
_EVENTS = r"(?:đại\s+hội|hội\s+nghị|kỳ\s+họp|phiên\s+họp|cuộc\s+họp|sự\s+kiện|hội\s+thi|lễ)"
_CAMPAIGNS = r"(?:đợt|chiến\s+dịch|phong\s+trào|tháng\s+hành\s+động)"
# an event still to come: `sẽ (được) tổ chức (vào)`, `dự kiến diễn ra`, right before the time
_HELD_AHEAD = re.compile(rf"\b{_AHEAD}\s+(?:được\s+)?(?P<held>{_HELD})\s+(?:vào\s+)?$", FLAGS)
# the verb an event is held by, right before the time (`được tổ chức vào`, `diễn ra vào`)
_HELD_ON = re.compile(rf"{_NOT_AHEAD}\b(?:được\s+tổ\s+chức|diễn\s+ra)\s*$", FLAGS)
_TAKES_PLACE = re.compile(rf"{_NOT_AHEAD}\bdiễn\s+ra\s*$", FLAGS)
# `được tổ chức`, in the clause before the time
_HELD_OVER = re.compile(rf"{_NOT_AHEAD}\bđược\s+tổ\s+chức\b[^.;!?\n]{{0,140}}$", FLAGS)
# a sentence whose subject is an event: its name within the first words
_EVENT_OPENS = re.compile(rf"[^;:.]{{0,50}}?\b{_EVENTS}\b", FLAGS)
# an event (not a campaign of work) as the subject of the sentence's clause before the time
_EVENT_SUBJECT = re.compile(rf"\b{_EVENTS}\b(?![^.;!?\n]*\b{_CAMPAIGNS}\b)[^.;!?\n]*$", FLAGS)
# a body holding a meeting or a ceremony, in the same sentence (no stop between it and the time)
_HOLDS_EVENT = re.compile(rf"\btổ\s+chức\s+(?:thành\s+công\s+)?(?:{_EVENTS}|buổi|phiên)\b[^.;!?\n]*$", FLAGS)
# the event's verb after a fronted window
_HELD_AFTER = re.compile(rf"\b(?:{_HELD}|khai\s+mạc)\b", FLAGS)
_FIRST_NUMBER = re.compile(r"\D*?(\d{1,2})\b")


def _dates_event(text: str, t: TimeExpr, prep: str, lead: str, firm: bool, today: Optional[str]) -> bool:
    """Does `t` tell the days an event is held, as a fact (not `sẽ` / `dự kiến`), rather than a time
    anything is due (`prep`: its preposition, a window's opening read as its close; `lead`: the text
    before the deadline words)? One reading over the shapes such a sentence takes:
    - `Lễ mít tinh … được tổ chức vào ngày 28/6`: the event's verb right before `vào` and its day;
    - `Đại hội … , diễn ra từ ngày 5 tháng 8 đến ngày 6 tháng 8 năm 2020, tại Hội trường …`, `sự kiện
      nổi bật diễn ra trong tháng 9 năm 2019`: `diễn ra` right before the time, an event its subject;
    - `Theo đó, Giỗ Tổ Hùng Vương - Lễ hội đền Hùng … được tổ chức … từ ngày 1 - 10 tháng 3 (âm lịch)
      tức là từ ngày 9 đến 18-4`: a sentence that opens with an event `được tổ chức` over days (a task
      timed by one, `treo cờ … trong thời gian diễn ra Đại hội …, được tổ chức từ ngày 12 đến
      14-10-2020`, opens with the task and keeps its days; a month, `Hội nghị … được tổ chức trong
      tháng 12`, is when a plan's step falls);
    - `HĐND phường … tổ chức kỳ họp thứ hai để xem xét, quyết định … vào sáng ngày 11/7`: the day a body
      holds its meeting, written at the sentence's end (not `Thời gian tổ chức giao, nhận công dân
      nhập ngũ vào sáng 20-2-2019`, the day a task is done);
    - `Từ ngày 13 - 15.10, Đại hội Đảng bộ TP.HCM … sẽ diễn ra tại …` in a page dated 13/10: a fronted
      window of days holding the text's own date, then the event's name and verb: news of an event
      under way."""
    if firm:
        return False
    if t.window and _under_way(text, t, today):
        return True
    if prep == "vào" and _HELD_ON.search(lead, max(0, len(lead) - 30)):
        return True
    if _TAKES_PLACE.search(lead, max(0, len(lead) - 40)) and _EVENT_SUBJECT.search(lead, max(0, len(lead) - 200)):
        return True
    if t.grain == "day" and _HELD_OVER.search(lead, max(0, len(lead) - 160)) and _EVENT_OPENS.match(text):
        return True
    return prep == "vào" and t.grain == "day" and bool(_HOLDS_EVENT.search(lead, max(0, len(lead) - 200)))


def _under_way(text: str, t: TimeExpr, today: Optional[str]) -> bool:
    """`Từ ngày 13 - 15.10, Đại hội …`: a window of days in one month holding the text's own date,
    fronted (its comma, then the event's name in the first words and its verb)."""
    if not today or t.grain != "day" or t.month is None or len(today) != 10:
        return False
    year, month, day = int(today[:4]), int(today[5:7]), int(today[8:10])
    first = _FIRST_NUMBER.match(text, t.start, t.end)
    if (t.year not in (None, year)) or t.month != month or not first or not int(first.group(1)) <= day <= t.day:
        return False
    return text.startswith(",", t.end) and bool(_EVENT_OPENS.match(text, t.end)) \
        and bool(_HELD_AFTER.search(text, t.end))


def _dated(text: str, forced: bool, relatives, today: Optional[str] = None) -> list[Dated]:
    exprs = [t for t in find_time_exprs(text) if not _inside(t.start, t.end, relatives)]
    dated: list[Dated] = []
    for k, t in enumerate(exprs):
        trig, prep, done = trigger_of(text, t)
        # `trước ngày 15/6 và 15/12`: a listed date shares the deadline word of the one before
        listed = bool(dated) and dated[-1].expr is exprs[k - 1] and \
            _LIST_JOIN.fullmatch(text[exprs[k - 1].end:t.start]) is not None
        if listed and not prep:
            prep = dated[-1].prep
        # `vào cuối tháng 5 hoặc vào ngày 1-6`: two times offered for one thing are one deadline, due
        # by the later (written last): the work may wait until then
        if bool(dated) and dated[-1].expr is exprs[k - 1] and dated[-1].list_start is None \
                and _ALTERNATIVE.fullmatch(text, exprs[k - 1].end, t.start):
            before = dated.pop()
            dated.append(Dated(t, before.start, t.end, prep or before.prep))
            continue
        # `Trong năm 2023, 2024, huyện sẽ tổ chức …`: a year listed bare after a year one works within
        # is one span of work over both; the later year ends it
        if bool(dated) and dated[-1].expr is exprs[k - 1] and dated[-1].list_start is None and t.bare \
                and t.grain == exprs[k - 1].grain == "year" and dated[-1].prep.lower() == "trong" \
                and _LIST_JOIN.fullmatch(text, exprs[k - 1].end, t.start):
            before = dated.pop()
            dated.append(Dated(t, before.start, t.end, before.prep))
            continue
        # `Lễ phát động … sẽ được tổ chức ngày 1-6`: the day an event still to come is held is a date in
        # the plan's calendar (as `sẽ diễn ra vào …` is)
        held = _HELD_AHEAD.search(text, max(0, t.start - 30), t.start) if not prep and t.grain == "day" else None
        if held:
            dated.append(Dated(t, held.start("held"), t.end, "vào"))
            continue
        last_day = _LAST_DAY.match(text, t.end, _words_after(text, t.end))
        closes = _CLOSES_CONSULTATION.search(text[max(0, t.start - 60):t.start]) if t.grain == "day" else None
        if not (forced or listed or last_day or closes or _timeline_item(text, t) or _done_by(text, t)
                or _opening_step(text, t, today) or _is_deadline(text, t, prep, done, trig, today)):
            continue
        start = trig.start() if trig and (prep or done) and trig.start() < t.start else t.start
        # `từ 13 đến hết 15-2`: a window opened on a bare day (its month written once, at the end) starts there
        if t.grain == "day" and (opened := _BARE_DAY_OPENING.search(text, max(0, t.start - 30), t.start)):
            start = min(start, opened.start())
        if closes:
            start = min(start, t.start - len(closes.group()))
        dated.append(Dated(t, start, last_day.end() if last_day else t.end, prep, None,
                           (dated[-1].start if dated[-1].list_start is None else dated[-1].list_start)
                           if listed else None))
    for d in dated:
        # `trước ngày 10/07 của năm báo cáo`: a date of the reporting year (of the year after it)
        # falls in every year reported on, as `hằng năm` would say
        reporting = _REPORTING_PERIOD.match(text, d.expr.end) if d.expr.year is None else None
        if reporting and (reporting.group("unit").lower() == "năm") == (d.expr.grain != "day_only"):
            d.end, d.recurrence = reporting.end(), _PERIOD_RECURRENCE[reporting.group("unit").lower()]
            continue
        # a schedule word right after a date belongs to it (`trước ngày 10 hằng tháng`), and after the
        # days of the month listed with it (`vào các ngày 5 và 6 hàng tháng`)
        more = _MORE_DAYS.match(text, d.expr.end) if d.expr.grain == "day_only" else None
        m = _SCHEDULE_GAP.match(text, more.end() if more else d.expr.end)
        r = RECURRENCE.match(text, m.end())
        if r and r.lastgroup != "continuous":
            d.end, d.recurrence = r.end(), recurrence_of(r)
            continue
        # `gửi báo cáo hằng ngày từ 2-2 đến 22-2-2026`: a schedule word right before a window says how
        # often the task comes within it; the window's close recurs that often
        every = _EVERY_BEFORE.search(text, max(0, d.start - 40), d.start) \
            if d.expr.window or d.prep in ("đến", "tới") else None
        if every:
            d.start, d.recurrence = every.start(), _EVERY_UNIT[every.group("unit").lower()]
            continue
        # `6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)`: the period just before,
        # ending in the bracket that opens the date; without one, no recurrence can (and the
        # text before is not read again for every date)
        before = [rec for a, b, rec in find_recurrences(text[:d.start])
                  if _BRACKET_OPEN_GAP.fullmatch(text[b:d.start]) and rec != "continuous"] \
            if _opens_with_bracket(text, d.start) else []
        d.recurrence = before[-1] if before else None
    return dated


# (the window's opening day may stand between, read apart: `hằng ngày từ 2-2 | đến 22-2-2026`)
_EVERY_BEFORE = re.compile(r"\b(?:hằng|hàng|mỗi)\s+(?P<unit>ngày|tuần|tháng|quý|năm)\s+"
                           r"(?:từ\s+(?:ngày\s+)?\d{1,2}(?:\s*[/.\-]\s*\d{1,2}){1,2}\s+)?$", FLAGS)
_EVERY_UNIT = {"ngày": "daily", **_PERIOD_RECURRENCE}


# `Bắt đầu lấy ý kiến 29/09/2020 / Kết thúc lấy ý kiến 28/10/2020`: a draft's consultation closes on
# the day given (the day it opens is no deadline)
_CLOSES_CONSULTATION = re.compile(
    r"\b(?:kết\s+thúc|hết\s+hạn|hạn(?:\s+(?:cuối|chót))?)\s+(?:lấy|nhận|tiếp\s+nhận|gửi)\s+(?:ý\s+kiến|góp\s+ý)"
    r"(?:\s+góp\s+ý)?\s*:?\s*(?:(?:ngày|đến\s+ngày|là)\s+)?$", FLAGS)
# `ngày 25/5/2017 là hạn cuối …`: the deadline word comes after the date
_LAST_DAY = re.compile(r"\s*(?:là\s+|:\s*)?(?:thời\s+)?hạn\s+(?:cuối(?:\s+cùng)?|chót)\b", FLAGS)


_COLON_NEXT = re.compile(r"\s*:")
# `_LAST_DAY` holds at most five words. Matched with no end position, the regex module
# first looks for its literal `hạn` through the rest of the text: on every date, that is
# quadratic; ending the search one character after the next eight words is not.
_WORDS_AFTER = re.compile(r"(?:\s*\S+){1,8}")


def _words_after(text: str, at: int) -> int:
    m = _WORDS_AFTER.match(text, at)
    return min(len(text), m.end() + 1) if m else len(text)


# `…, đầu tháng 8 hoàn thành bàn giao mặt bằng`: a time that opens its clause and the work due by it
# (also the next step of a schedule joined by `và`: `…, quý II/2023 hoàn thành đại hội cấp huyện và
# quý III/2023 sẽ hoàn thành đại hội cấp tỉnh`)
_DONE_AFTER = re.compile(rf"\s+(?:phải\s+|sẽ\s+)?{_DONE}\b", FLAGS)
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:]\s*|\b(?:là|và)\s+)$", FLAGS)


def _done_by(text: str, t: TimeExpr) -> bool:
    return t.grain in ("day", "month", "quarter", "half") and not t.window \
        and bool(_DONE_AFTER.match(text, t.end)) and bool(_CLAUSE_OPEN.search(text[max(0, t.start - 4):t.start]))


# (a page joined into one paragraph runs the waves on: `Đợt 1: Tháng 3 – 4/2026 Đợt 2: Tháng 9 – 10/2026`)
_WAVE_LABEL = re.compile(r"(?:^|(?<=\s))(?:Đợt|Giai\s+đoạn|Bước)\s+(?:\d{1,2}|[IVX]{1,4})\s*:\s*$", FLAGS)


def _timeline_item(text: str, t: TimeExpr) -> bool:
    """`Ngày 27/5/2017: Kết thúc việc kiểm tra …`: a schedule lists each step under the
    date it is due, the date opening the line before a colon."""
    # nothing but an outline mark before the date (`OUTLINE_MARK` is anchored: only a leading one goes)
    mark = OUTLINE_MARK.match(text, 0, t.start)
    if t.grain not in ("year", "day_only") and _WAVE_LABEL.search(text, max(0, t.start - 20), t.start):
        return True  # `Đợt 1: Tháng 3 – 4/2026`: each wave of a campaign under its dates
    if t.grain in ("year", "day_only") or text[mark.end() if mark else 0:t.start].strip():
        return False
    return bool(_COLON_NEXT.match(text, t.end)) and not _PAST.search(text, t.end)


# what may stand before a step's date: an outline mark, `Theo đó,` / `Cụ thể,` / `Sau đó,`, or the
# full stop of a sentence the page glued to it (`… để thẩm tra….Ngày 8/7 thông báo …`)
# (`Theo kế hoạch, tháng 1-2020, tiến hành đại hội …`: the plan a news item reports, step by step)
# (`Tiến độ thực hiện, tháng 12/2024 tổ chức in ấn mẫu phiếu …`: a schedule's label run into its first step)
_STEP_CONNECTOR = re.compile(r"(?:(?:Theo\s+đó|Cụ\s+thể|Sau\s+đó|Tiếp\s+đó|Tiếp\s+theo|Theo\s+(?:kế\s+hoạch|lộ\s+trình)|"
                             r"(?:Tiến\s+độ|Thời\s+gian|Lộ\s+trình)\s+(?:thực\s+hiện|triển\s+khai))\s*,?)?", FLAGS)
# `Ngày 7/11/2023, huyện Vĩnh Linh có Kế hoạch triển khai …`: news telling the day a body issued a
# document (a step of a calendar has no body before its verb, or one that `sẽ` act: `Ngày 10/6 ban hành …` stays)
_ISSUED = re.compile(r"\s*,?\s*(?:huyện|xã|tỉnh|thị\s+xã|thị\s+trấn|thành\s+phố|quận|phường|(?-i:\p{Lu}))"
                     r"(?:(?!\bsẽ\b)[^,;.:]){0,60}?\b(?:có|ban\s+hành|ký)(?:\s+ban\s+hành)?\s+"
                     r"(?:Kế\s+hoạch|Quyết\s+định|Công\s+văn|Văn\s+bản|Chỉ\s+thị|Thông\s+báo|Hướng\s+dẫn|Nghị\s+quyết)\b", FLAGS)
_GLUED_STOP = re.compile(r"[.…!?]\s*$")
_STEP_LEAD_CHARS = 24
# the step's task after the date: a verb with no subject (`Ngày 10/6 hoàn chỉnh báo cáo`), or a
# subject that `sẽ` do it (`quý I/2023, Thành ủy Hà Nội sẽ tổ chức kiểm tra`)
_STEP_TASK = re.compile(
    r"\s*,?\s*(?:(?!(?:tại|ở|của|là|vừa|đã|được|có|tới|trong|năm|tháng|lúc|sáng|chiều|tối|vào|từ|đến|và|"
    r"đồng\s+chí|ông|bà)\b)"
    r"(?-i:\p{Ll})\p{L}*\s+\p{L}|(?-i:\p{Lu})[^,;.:]{0,60}?\bsẽ\s+\p{Ll}"
    # (`Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án …`: the bodies that must do it, counted)
    r"|\d{1,3}\s+\p{Ll}[^.;:]{0,40}?\bphải\s+\p{Ll})",
    FLAGS,
)
_JUST_DONE = re.compile(r"\bvừa\s+(?!phải\b)\p{L}", FLAGS)  # `… vừa ký ban hành Kế hoạch số …`
_STEP_CHARS = 300  # how far a step's own sentence is read for `đã` / `vừa`


def _opening_step(text: str, t: TimeExpr, today: Optional[str]) -> bool:
    """`Ngày 10/6 hoàn chỉnh báo cáo …`, `Quý II/2023, Thành ủy Hà Nội sẽ tổ chức …`: a calendar
    written as sentences, each step opened by the date it falls on and followed by the work;
    a step reported as done (`đã`, `vừa`, a full date before the text's own) is no deadline."""
    if t.grain not in ("day", "quarter", "half", "month") or t.bare:
        return False
    mark = OUTLINE_MARK.match(text, 0, t.start)
    lead_from = mark.end() if mark else 0
    # the steps of one calendar listed in a sentence, each after a semicolon (`…; tháng 6 đến
    # tháng 8-2020, tiến hành Đại hội đại biểu Đảng bộ huyện`): a step opens at its semicolon
    # (or after a speaker's colon: `Bộ trưởng Nội vụ: Ngày 1/5, 63 tỉnh, thành phố phải gửi …`)
    window_from = max(lead_from, t.start - _STEP_LEAD_CHARS)
    step = max(text.rfind(";", window_from, t.start), text.rfind(":", window_from, t.start))
    lead_from = step + 1 if step >= 0 else lead_from
    # (read in the few characters before the date: a long sentence's dates stay linear)
    before = text[max(lead_from, t.start - _STEP_LEAD_CHARS):t.start]
    whole = t.start - lead_from <= _STEP_LEAD_CHARS
    if not ((whole and _STEP_CONNECTOR.fullmatch(before.strip())) or _GLUED_STOP.search(before)):
        return False
    after = text[t.end:t.end + _STEP_CHARS]  # (a slice: a bounded search still pays for the whole text)
    if not _STEP_TASK.match(after) or _PAST.search(after) or _JUST_DONE.search(after) or _ISSUED.match(after):
        return False
    return not (today and t.year and t.last_day() < today)


_DONE_IN_LEAD = re.compile(rf"\b{_DONE}\b[^,;.:]*$", FLAGS)
# `đến hết tháng 8-2022`: the end by which the work is done, not a target's horizon
_TO_THE_END = re.compile(r"\bhết\s*$", FLAGS)


# What the checks below read before a date. Each is one search of the text before it;
# done that way for every date of a long sentence it is quadratic. The words that end at
# the date are searched in the words right before it (the same 64-word window as
# `trigger_of`: every such pattern holds a handful of words), and `đến nay` anywhere
# before it is found once per text.
_YET_TO_COME = re.compile(r"[,;]\s*(?:dự\s+kiến|phấn\s+đấu)\b", FLAGS)
# `… đến nay chưa có báo cáo theo văn bản số …, khẩn trương gửi báo cáo … trước ngày 30 tháng 11
# năm 2017`: what is still outstanding now; the clause after it asks for it by the date
_OUTSTANDING = re.compile(r"\s*,?\s*(?:vẫn\s+)?chưa\b", FLAGS)
_CLAUSE_BREAK_BEFORE = re.compile(r"[,;]", FLAGS)
_SINCE_THEN = re.compile(r"\bđến\s+nay\b", FLAGS)  # the one part of `_STATUS` not tied to the date


@lru_cache(maxsize=8)
def _first_since_then_end(text: str) -> int:
    m = _SINCE_THEN.search(text)
    return m.end() if m else len(text) + 1


@lru_cache(maxsize=8)
def _has_target_figure(text: str) -> bool:
    return bool(TARGET_FIGURE.search(text))


def _status_before(text: str, at: int) -> bool:
    """`_STATUS.search(text[:at])`: a match ending at `at` lies in the words before it;
    any other is a `đến nay` the whole text shows as well (unless the clause turns to what
    is yet to come: `Đến nay, 18/23 hộ đã được hỗ trợ …, dự kiến các hộ còn lại sẽ hoàn thành …`)."""
    since = _first_since_then_end(text)
    if since <= at and not _YET_TO_COME.search(text, since, at) \
            and not (_OUTSTANDING.match(text, since) and _CLAUSE_BREAK_BEFORE.search(text, since, at)):
        return True
    window = _WORDS_BEFORE.search(text, 0, at)
    status = _STATUS.search(text, window.start() if window else 0, at)
    return bool(status) and not (status.group().lower().startswith("đến")
                                 and (_YET_TO_COME.search(text, status.end(), at)
                                      or (_OUTSTANDING.match(text, status.end())
                                          and _CLAUSE_BREAK_BEFORE.search(text, status.end(), at))))


_READY_FROM = re.compile(r"\bsẵn\s+sàng\b(?:\s+(?:để|nhằm))?\s+(?:bắt\s+đầu\s+)?(?:từ|bắt)\b[^,;.:]{0,12}$", FLAGS)
# a line that holds nothing but a bracketed window: `(Từ ngày 08 đến 10/12/2015)`
_BRACKETED_ALONE = re.compile(r"\s*\(\s*(?i:từ)(?:\s+(?i:ngày))?\s*$")
_BRACKET_CLOSES = re.compile(r"\s*\)\s*$")


def _is_deadline(text: str, t: TimeExpr, prep: str, done: bool, trig, today: Optional[str] = None) -> bool:
    if (not prep and not done) or _status_before(text, t.start):
        return False
    window = _WORDS_BEFORE.search(text, 0, t.start)
    since_now = _SINCE_NOW.search(text, window.start() if window else 0, t.start)  # `_SINCE_NOW.search(before)`
    if since_now:
        # `từ nay đến tháng 12/2024`: a window opened now ends at its deadline; a year so
        # reached with a figure to attain is a target's horizon; so is one closing a plan's own name
        # (`xây dựng Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở (CĐCS) từ nay đến hết năm 2023
        # như sau:`: the span the plan covers, as `Kế hoạch … đến năm 2030` is)
        # (`Từ nay đến năm 2030, ngành Y tế đặt mục tiêu …`, `Trong giai đoạn từ nay đến năm 2025, ngành sẽ
        # tập trung hoàn thiện …`: a year reached from now, not worked up to its end (`đến hết năm`), is the
        # horizon of the goals and work of the years ahead unless a completion is tied to it)
        if t.grain == "year" and not done and not _UNTIL_THE_END.search(since_now.group()) \
                and not _YEAR_END.match(text, t.start):  # (`từ nay đến cuối năm 2025`: worked up to its end)
            return False
        return t.grain != "year" or not (_has_target_figure(text) or bool(
            _NAMES_PLAN.search(text, max(0, since_now.start() - 130), since_now.start())))
    if prep == "tức":
        prep = "trong"  # (the lunar dates before the bracket hold the window's own words)
    if prep in _OPENING_PREPS:
        if not t.window:
            # the start of a window is not its deadline, unless what is to be ready by it is named
            # (`chuẩn bị sẵn sàng để từ ngày 1/7/2025 vận hành bộ máy mới`: ready to run on that day)
            return t.grain == "day" and bool(_READY_FROM.search(text, max(0, t.start - 60), t.start))
        if _BRACKETED_ALONE.match(text, 0, t.start) and _BRACKET_CLOSES.match(text, t.end):
            # `KỲ HỌP THỨ 12` over `(Từ ngày 08 đến 10/12/2015)`: a window alone in brackets under a
            # heading is when the session or meeting sat, not what is due
            return False
        prep = "đến"
    if t.grain == "day_only":
        return prep in _FIRM_PREPS + _WINDOW_PREPS
    if prep == "tại" and not _SUBMITTED.search(text, max(0, trig.start() - 80), trig.start()):
        return False  # `tại hội nghị tháng 6` with nothing to present there dates an event
    before = text[:t.start]
    lead = before[:trig.start()] if trig else before
    if _GLOSSES_LOOKED_BACK.search(text, max(0, t.start - 70), t.start):
        return False  # `Riêng trong tuần vừa qua (kết thúc vào ngày 29-3), thành phố ghi 77 ca`: the end of a week reported on
    if _dates_event(text, t, prep, lead, prep.startswith(_FIRM_PREPS) or done, today):
        return False
    if prep == "của" and not _DONE_IN_LEAD.search(lead):
        return False  # the work of a period is due in it only when it is to be completed
    # `_DONE_BEFORE.search(lead)`: its match ends where the lead does and holds at most 42 characters
    done_before = _DONE_BEFORE.search(text, max(0, len(lead) - 50), len(lead))
    if done_before and not _AND_THEN_TASK.search(text, done_before.start(), len(lead)) \
            and not _AIMED_AFTER.search(text, done_before.start(), len(lead)) \
            and not _SET_TIME_ASIDE.search(text, max(0, len(lead) - 60), len(lead)):
        return False
    firm = prep.startswith(_FIRM_PREPS) or done
    if not firm and today and t.grain == "day" and t.year and t.last_day() < today:
        return False  # `Vào ngày 28 tháng 01 năm 2022, … phê duyệt`: a news item dating what was done
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1
    if not firm and prep in ("đến", "tới") and not lead.strip() and _STATE_AFTER.match(text, t.end):
        return False  # `Đến ngày 20.8, Sở … mới nhận được …`: the day a report's state is told at
    if not firm and not lead.strip() and t.grain != "day" and (prep == "hết" or trig and _UNTIL_THE_END.search(trig.group())) \
            and _FIGURE_STATE_AFTER.match(text, t.end):
        # `Hết quý I năm 2024, tổng thu ngân sách … đạt hơn 700 tỷ đồng`, `Đến hết năm 2020, có 2 xã … thoát khỏi
        # …`: the end of a period opening the sentence, then what there is (`có`) or what was reached (`đạt`)
        # with no aim or duty, is the state a report tells as of then
        return False
    if not firm and _AMOUNT_AFTER.match(text, t.end):
        # `Tổng nguồn vốn thực hiện Chương trình trong năm 2024 là hơn 430 tỷ đồng`: the period an amount
        # is stated for, the sentence's predicate being that amount; nothing is due in it
        return False
    # (`… sẽ báo cáo Thủ tướng Chính phủ trong quý IV năm 2020; đến nay Bộ … đã hoàn thành Dự thảo 1`: a `đã`
    # past the next `;` tells another step, the one dated here is still to come)
    clause_end = text.find(";", t.end)
    if not firm and _PAST.search(text, clause_start, clause_end if clause_end >= 0 else len(text)):
        return False
    if not firm and (_HAPPENS.match(text, t.end) or _FORECAST_OPENS.match(text)):
        # `Trong tháng 1 và tháng 2 sẽ có khoảng 4 - 5 đợt rét đậm, rét hại xảy ra`; a sentence that is a
        # forecast (`Dự báo trong 12 giờ tới, bão di chuyển …, đến 19 giờ ngày 13/9, vị trí tâm áp thấp
        # nhiệt đới ở khoảng …`): the times the weather is foretold at, not when anything is due
        return False
    if not firm and _REPORT_PERIOD.search(lead, max(0, len(lead) - 90)):
        return False  # `đánh giá tình hình kinh tế - xã hội của xã trong quý I`: the period a report covers
    if not firm and _PERIOD_EXAMINED.search(lead, max(0, len(lead) - 90)):
        # `Thời kỳ thanh tra từ 01/01/2015 đến 31/12/2022`, `số liệu … tính từ ngày 01/01 đến ngày 30/06`:
        # the period inspected or counted, not when the work is due
        return False
    if not firm and _OPEN_ENDED.match(text, t.end):
        # `thực hiện … trong năm 2013 và những năm tới`, `trong quý I và những quý tiếp theo`: a period
        # that runs on into the ones after it closes nothing; the work goes on
        return False
    if not firm and (_MONTHS_TO_DATE.match(text, t.end) or _ARISEN_IN.search(lead, max(0, len(lead) - 30))
                     or t.grain == "half" and _MONTH_BEFORE_TO_DATE.search(lead, max(0, len(lead) - 30))):
        # `tình hình … trong tháng 6 và 6 tháng đầu năm 2020`: a month reported with the months to
        # date is a report's period; `diễn biến mới phát sinh trong nửa đầu năm 2020`: what arose in it
        return False
    tasks = _TASKS_OF_PERIOD.search(lead, max(0, len(lead) - 60)) if prep == "trong" and not firm else None
    if tasks and not _SUBMITTED.search(tasks.group()) and not _DONE_IN_LEAD.search(lead, max(0, len(lead) - 120)) \
            and not _TASKS_TAKEN_ON.search(lead, max(0, tasks.start() - 40), tasks.start()):
        return False  # `nhiệm vụ trọng tâm trong quý II`: the period names the tasks, it sets no date
    if t.bare:
        return firm
    if not firm and t.grain == "month" and prep == "trong" and _COUNTED_RESULT.search(text, max(0, t.start - 60), t.start) \
            and not _AIMED_AFTER.search(text, max(0, t.start - 200), t.start) \
            and not _OBLIGED.search(text, max(0, t.start - 200), t.start) and not _opens_with_task(text):
        # `Chi bộ Trường THPT Bán công Lục Ngạn kết nạp 2 đảng viên mới trong tháng 5 năm 2018`: a count
        # of what was done in a month, with no aim (`phấn đấu`, `sẽ`, `dự kiến`) or duty (`phải`) before
        # it, is the month's result as a report (a caption) tells it, not work due by its end (a plan's
        # item opens with its verb: `Tổ chức 02 lớp tập huấn trong tháng 6` keeps its month)
        return False
    if t.grain == "year":
        return _year_is_deadline(text, t, prep, done, trig, lead)
    if prep in ("đến", "tới", "trong") and not done and _has_target_figure(text) \
            and not _TO_THE_END.search(trig.group()) and t.grain != "day":
        # `đến tháng 12/2026 đạt 100%`: the horizon of a target; `đến hết tháng 8-2022 …
        # đạt trên 95%` is the end by which it is to be done, and so is a dated day (`phấn đấu
        # đến 30-6-2018 sẽ có 100% xã … hoàn thành chỉ tiêu`; its year left to the text: `Đến ngày
        # 30/5, đảm bảo 100% thủ tục hành chính …`): a horizon is a month or a year
        return False
    return True


# a plan's name running up to the time, no stop between (`Kế hoạch phát triển đoàn viên, … (CĐCS)`)
_NAMES_PLAN = re.compile(r"\b(?:Kế\s+hoạch|Chương\s+trình|Đề\s+án)\s+\p{Ll}[^.;:!?\n]{0,120}$", FLAGS)
_PERIOD_EXAMINED = re.compile(
    r"\b(?:thời\s+kỳ|niên\s+độ)\s+(?:thanh\s+tra|kiểm\s+tra|kiểm\s+toán|báo\s+cáo|đánh\s+giá)\b[^.;:]{0,30}:?\s*$"
    r"|\bchốt\s+số\s+liệu\b[^.;]{0,60}$"
    r"|\bsố\s+liệu(?:\s+[^\s.;,:]+){0,5}?\s+(?:được\s+)?(?:tính|lấy|chốt)\b[^.;]{0,30}$", FLAGS)
# a month (quarter) joined to the months of the year so far: `tháng 6, quý II và 6 tháng đầu năm`
_MONTHS_TO_DATE = re.compile(r"\s*(?:,\s*quý\s+(?:IV|I{1,3}|[1-4])\s*)?(?:,|và)\s*(?:0?[369]|sáu|chín|ba)\s+tháng\b", FLAGS)
_MONTH_BEFORE_TO_DATE = re.compile(r"\b(?:tháng|quý)\s+(?:\d{1,2}|IV|I{1,3})\s*(?:,|và)\s*$", FLAGS)
_ARISEN_IN = re.compile(r"\b(?:phát\s+sinh|xảy\s+ra)\s*$", FLAGS)
_OPEN_ENDED = re.compile(r"\s*,?\s*và\s+(?:các|những)\s+(?:năm|quý|tháng)\s+(?:tiếp\s+theo|tới|sau|kế\s+tiếp)\b", FLAGS)
# the tasks (targets) of a period, named as a noun (`nhiệm vụ trọng tâm`, `nhiệm vụ chính trị của xã`,
# `các chỉ tiêu trọng tâm của huyện trong năm 2025`) right before it
# (not the tasks handed to someone for it: `các nhiệm vụ được giao trong tháng 6/2024`)
# the tasks as the object of a verb that takes them on (`chỉ đạo thực hiện 15 nhiệm vụ trọng tâm trong 3
# tháng cuối năm 2018`): the work is to be done in the period, which closes it
_TASKS_TAKEN_ON = re.compile(
    rf"\b(?:{'|'.join(_words(v) for v in lexicon.task_verbs('deadline'))})\s+(?:(?:các|những|\d{{1,3}})\s+)?$",
    FLAGS,
)
_TASKS_OF_PERIOD = re.compile(r"\b(?:nhiệm\s+vụ|chỉ\s+tiêu)(?:\s+(?!giao\b)[^\s,;.:\d]+){0,5}\s*$", FLAGS)
# a clause after a date that opens the sentence tells how things stand by then (`mới`, `vẫn`,
# `chưa`, `đã`), not what is due
_FIGURE_STATE_AFTER = re.compile(
    r"\s*,\s*(?![^.;]*\b(?:phấn\s+đấu|sẽ|dự\s+kiến|phải|cần|mục\s+tiêu)\b)[^,;.:]{0,80}?"
    r"\b(?:có|đạt)\s+(?:(?:hơn|trên|khoảng|gần|xấp\s+xỉ)\s+)?\d", FLAGS)
_AMOUNT_AFTER = re.compile(r"\s*,?\s*là\s+(?:(?:hơn|trên|khoảng|gần|xấp\s+xỉ|dưới|tối\s+thiểu|ít\s+nhất)\s+)?\d", FLAGS)
_STATE_AFTER = re.compile(r"\s*,\s*[^,;.:]{0,80}?\b(?:đã|mới|vẫn|chưa)\s+\p{Ll}", FLAGS)
# what the weather or an event will do in a period, not what is due in it (`Theo dự báo …, từ ngày
# 20 - 21/01/2024, khu vực Bắc Bộ … có khả năng cao xảy ra một đợt rét đậm`)
# (not a duty to prevent it: `Trong quý III/2024, tổ chức kiểm tra, không để xảy ra tình trạng …`; nor
# what the work is for: `Kế hoạch được triển khai từ ngày 12/1 đến hết ngày 20/3/2026 nhằm …, hạn chế
# ngộ độc thực phẩm, sự cố về an toàn thực phẩm (ATTP) xảy ra trong dịp Tết`, an aim or a
# prevention between the time and `xảy ra` puts the happening in the aim, not in the time)
# a sentence that opens as a forecast: `Dự báo …`, `Theo dự báo của …`, `Theo bản tin của Trung tâm Dự báo …`
_FORECAST_OPENS = re.compile(r"\W*(?:theo\s*)?(?:(?:bản\s+tin|thông\s+tin)\s+(?:của\s+|từ\s+)?)?"
                             r"(?:trung\s+tâm\s+)?dự\s+báo\b", FLAGS)
_AIM_OR_PREVENTION = r"\b(?:nhằm|để|hạn\s+chế|phòng\s+(?:ngừa|chống|tránh)|ngăn\s+(?:chặn|ngừa)|tránh)\b"
# the weather as what comes in the time (`khu vực tỉnh Thanh Hóa từ đêm 24/8 đến 27/8 sẽ có mưa vừa, mưa to`,
# `Từ ngày 16-20/11/2025, trên các sông … xuất hiện một đợt lũ`): a forecast or a storm's report, told in a
# công điện or the news, says when rain or a flood comes, not when anything is due (not under a condition:
# `khi có mưa lớn`, `nếu xuất hiện lũ`)
_WEATHER_COMES = (r"(?<!\bkhi\s)(?<!\bnếu\s)(?<!\bkhông\s)\b(?:sẽ\s+)?(?:có|xuất\s+hiện)\s+(?:khả\s+năng\s+)?"
                  r"(?:(?:một|các|nhiều)\s+)?(?:đợt\s+)?(?:mưa|lũ|dông|rét|nắng\s+nóng|triều\s+cường|không\s+khí\s+lạnh|"
                  r"gió\s+mạnh)\b")
_HAPPENS = re.compile(rf"(?:(?!{_AIM_OR_PREVENTION})[^.;!?\n]){{0,160}}?(?:(?<!\bkhông\s)\bxảy\s+ra\b|{_WEATHER_COMES})", FLAGS)
_WORK_AFTER = re.compile(r"\s+(?:việc|công\s+tác)\b", FLAGS)
_TWO_YEARS = re.compile(r"\d{4}\D+\d{4}")
_DONE_WORD = re.compile(rf"\b{_DONE}\b", FLAGS)
_UNTIL_THE_END = re.compile(r"(?:đến|tới)\s+hết", FLAGS)


def _year_is_deadline(text: str, t: TimeExpr, prep: str, done: bool, trig, lead: str) -> bool:
    """A year is a target's horizon unless a completion or a task is tied to it."""
    recent = text[max(0, t.start - 90):t.start]
    if not _GOALS_NOUN_WORDS.absent(recent) and _GOALS_NOUN.search(recent) or _GOALS_NOUN.match(text, t.end):
        return False  # `phấn đấu hoàn thành các chỉ tiêu đề ra trong năm 2021`: the goals' year
    completed = done or bool(_DONE_WORD.search(recent))
    if not done and _AIM_RIGHT_BEFORE.search(lead, max(0, len(lead) - 20)) and not _DONE_AFTER.match(text, t.end):
        # `đồng thời phấn đấu trong năm 2023 toàn huyện sẽ xây dựng được từ 8 căn nhà`: the year an aim
        # is to be reached is its horizon, whatever the work named before it (`phấn đấu trong năm 2025
        # hoàn thành …` ties a completion to it)
        return False
    if prep == "chậm":
        return True  # `Chậm nhất năm 2021, các bộ … phải đưa dịch vụ công lên trực tuyến đạt 100%`: the latest year, never a horizon
    if prep == "trình":
        return not _has_target_figure(text)  # `23 Đề án phải trình năm 2025`
    if done and _WORK_AFTER.match(text, t.end):
        # `Hoàn thành trong năm 2025 việc tái cấu trúc …`: the work completed is named after its year,
        # so the figures further on measure that work, not a horizon
        return True
    if _TWO_YEARS.search(text[t.start:t.end]):
        # a multi-year period (`giai đoạn 2026 - 2030`) is when a programme runs
        return done or completed and not _has_target_figure(text)
    if prep in ("đến", "tới") and not _UNTIL_THE_END.search(trig.group()):
        return done or completed and not _has_target_figure(text)
    opening = not OUTLINE_MARK.sub("", lead).strip() or lead.rstrip().endswith((";", ":"))
    verb = bool(_TASK_VERB.search(recent)) or (opening and bool(_TASK_VERB.search(text, t.end, t.end + 60)))
    # `Xây dựng 15 xã đạt chuẩn … vào năm 2030`: a counted result due in a year is a target
    counted = bool(_COUNTED_RESULT.search(recent)) and not completed or bool(_MORE_OF_A_COUNT.search(recent))
    return (done or verb) and not counted and not _has_target_figure(text)


# (`Hoàn thành mục tiêu phổ cập giáo dục mầm non cho trẻ em 5 tuổi vào năm 2015`: the goal's year too)
# (`Để hoàn thành 19 tiêu chí vào năm 2015`: the criteria of a standard are goals too; `các xã có khả
# năng đạt chuẩn nông thôn mới trong năm 2020`: so is the standard a place is to reach in a year)
_GOALS_NOUN = re.compile(r"\b(?:hoàn\s+thành|đạt|vượt)\s+(?:(?:các|những|\d{1,3})\s+)?(?:chỉ\s+tiêu|tiêu\s+chí)\b[^,;.:]{0,40}$|"
                         r"\bđạt\s+chuẩn\b[^,;.:]{0,60}$|"
                         r"\b(?:hoàn\s+thành|đạt|vượt)\s+(?:(?:các|những)\s+)?mục\s+tiêu\b[^,;.:]{0,60}$|"
                         r"\s*,?\s*[^,;.:]{0,40}?\bphấn\s+đấu\s+(?:hoàn\s+thành|đạt)\s+(?:(?:các|những|\d{1,3})\s+)?chỉ\s+tiêu\b", FLAGS)
# (every branch holds `chỉ tiêu`, `tiêu chí`, `mục tiêu` or `đạt chuẩn`: searched only then)
_GOALS_NOUN_WORDS = RequiredWords("tiêu", "chuẩn")
def _opens_with_task(text: str) -> bool:
    """Does the sentence open (after its outline mark) with a task verb, as a plan's item does?"""
    mark = OUTLINE_MARK.match(text)
    return bool(_TASK_VERB.match(text, mark.end() if mark else 0))


_AIM_RIGHT_BEFORE = re.compile(r"\bphấn\s+đấu\s*$", FLAGS)
_YEAR_END = re.compile(r"cuối\b", FLAGS)
_SINCE_NOW = re.compile(r"\btừ\s+nay\s+(?:đến|tới)\s+(?:hết\s+)?$", FLAGS)
# (`hoàn thành thêm 1.200 km cao tốc vào năm 2025`: completing an added amount is the target, done or not)
_MORE_OF_A_COUNT = re.compile(r"\b(?:thêm|khoảng)\s+\d{1,3}(?:\.\d{3})*(?:,\d+)?\s+(?!năm|tháng|ngày|quý|tuần|giờ)\p{Ll}", FLAGS)
_COUNTED_RESULT = re.compile(r"(?<![\d/.,-])\d{1,3}(?:\.\d{3})*\s+(?!năm|tháng|ngày|quý|tuần|giờ)\p{Ll}", FLAGS)


# what a limit can cap the length of (`đại hội chi bộ … không quá 1 ngày`, a class, an exam, a campaign):
# wider than `_EVENTS`, the events held on a date that `_dates_event` reads
_LASTING_EVENT = re.compile(r"\b(?:đại\s+hội|hội\s+nghị|cuộc\s+họp|phiên\s+họp|tập\s+huấn|lớp|kỳ\s+thi|hội\s+thi|đợt)\b", FLAGS)
_PROCESSING_TIME = re.compile(r"thời\s+gian\s+(?:giải\s+quyết|xử\s+lý|cấp|thẩm\s+định|tiếp\s+nhận|chờ)", FLAGS)


_OBLIGED = re.compile(r"\b(?:phải|bắt\s+buộc)\b", FLAGS)
# `trong thời hạn 30 ngày`, `trong vòng 15 ngày`: a limit, not a duration
_WITHIN_LIMIT = re.compile(r"trong\s+(?:thời\s+hạn|vòng)", FLAGS)
_CLAUSE_BREAK = re.compile(r"[,;:.]")


# a duty or an aim in a sentence: what it tells is still to be done
_DUTY = re.compile(r"\b(?:phải|cần|sẽ|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|giao|dự\s+kiến|phấn\s+đấu|có\s+trách\s+nhiệm)\b", FLAGS)


def _told_done(text: str) -> bool:
    """Does the sentence tell what was done (`đã`), with no duty or aim? A lead time or a window counted
    from an event in it says how it went or whom it took in, not when anything is due: `Được thông báo
    rộng rãi trên đài truyền thanh trước một ngày, các bà mẹ đã chuẩn bị …`, `Ngoại trừ những trẻ đã
    tiêm … trong thời gian 01 tháng trước khi triển khai`."""
    return bool(_PAST.search(text)) and not _DUTY.search(text)


def _relative_is_limit(text: str, m) -> bool:
    """`hoàn thành trong 30 ngày` is a limit, `tập huấn trong 02 ngày` a duration;
    `sau 6 tháng` needs its anchor (`kể từ …`)."""
    if _LOOKED_BACK.match(text, m.end()):
        return False  # `trong hai tuần trở lại đây, số ca mắc … có xu hướng gia tăng`: the weeks just past, reported on
    lead = m.group().split()[0].lower()
    if lead in ("không", "tối") and _PROCESSING_TIME.search(text, max(0, m.start() - 80), m.start()):
        return False  # `thời gian giải quyết … tối đa 05 ngày làm việc`: a target on processing time
    if lead in ("không", "tối"):
        clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 80):m.start()])[-1]
        if _LASTING_EVENT.search(clause) and not _LIMITED_VERB.search(clause):
            return False  # `đại hội chi bộ … không quá 1 ngày`: how long an event lasts
    if lead in ("chậm", "không", "tối", "thời", "trước"):
        return True
    if lead == "sau":
        # `bắt buộc phải tiêm nhắc lại lần hai sau 28 ngày`: what must be done so long after; a clause
        # that opens with it tells what came next (`Sau 2 ngày làm việc, …`)
        clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 80):m.start()])[-1]
        return bool(_OBLIGED.search(clause))
    if lead != "trong":
        return False
    if _WITHIN_LIMIT.match(m.group()):
        return True
    return bool(_LIMITED_VERB.search(text, max(0, m.start() - 80), m.start()))


_SEMICOLON = re.compile(r";\s*")
_REPORT_KIND = re.compile(r"\bsố\s+liệu\s+báo\s+cáo\s+$", FLAGS)
# a period counted back from the text's own day: `(hai tuần) trở lại đây`, `(tuần) vừa qua`, `(những năm) gần đây`
# (a bare `qua` only before a stop: `trong 05 ngày qua dịch vụ bưu chính` is the way a result is sent)
_LOOKED_BACK_WORDS = r"(?:vừa\s+qua\b|trở\s+lại\s+đây\b|gần\s+đây\b|qua(?=\s*[,.;:)]))"
_LOOKED_BACK = re.compile(rf"\s+{_LOOKED_BACK_WORDS}", FLAGS)
# a bracket opened right after such a period glosses it: `trong tuần vừa qua (kết thúc vào ngày 29-3)`
_GLOSSES_LOOKED_BACK = re.compile(rf"\b(?:vừa\s+qua|trở\s+lại\s+đây|gần\s+đây|(?:năm|quý|tháng|tuần|ngày)\s+qua)\s*\([^()]{{0,40}}$", FLAGS)


# work told to go on for good, as a duty or what will be (`Đợt tiếp theo sẽ được duy trì, thực hiện thường
# xuyên`, `… phải được triển khai thường xuyên, liên tục`): a continuous schedule in a running sentence
_KEPT_UP = re.compile(r"\b(?:sẽ|phải|cần)\s+(?:[^\s.;:]+\s+){0,6}?(?:được\s+)?(?:duy\s+trì\s*,\s*)?"
                      r"(?P<verb>thực\s+hiện|duy\s+trì|triển\s+khai|tổ\s+chức)\s+thường\s+xuyên\b", FLAGS)


def _schedules(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """`định kỳ` + period chains and sentence-opening `Hằng năm,`: (start, end, recurrence)."""
    out: list[tuple[int, int, str]] = []
    for m in (() if _TIMED_SCHEDULE_WORDS.absent(text) else _TIMED_SCHEDULE.finditer(text)):
        out.append((m.start(), m.end(), recurrence_of(RECURRENCE.match(text, m.start("every")))))
    for m in (() if _TIMES_PER_PERIOD_WORDS.absent(text) else _TIMES_PER_PERIOD.finditer(text)):
        # (`6 tháng một lần, trước ngày 20/6 và ngày 20/12`: half-yearly)
        out.append((m.start(), m.end(),
                    "half-yearly" if m.group("half") else _PERIOD_RECURRENCE[m.group("period").lower()]))
    for m in (() if _DINH_KY_WORDS.absent(text) else _DINH_KY_OPENINGS.finditer(_DINH_KY, text)):
        chain = _period_chain(text, m.end())
        if chain and _REPORT_KIND.search(text, max(0, m.start() - 40), m.start()):
            # `thời gian thống kê số liệu báo cáo định kỳ hàng quý được như sau`: the report is a noun
            # of another noun (the data of the report), the period names which report it is, it schedules none
            continue
        if chain:
            out.append((m.start(), chain[0], chain[1]))
    for m in (_KEPT_UP.finditer(text) if "thường xuyên" in text.lower() else ()):
        out.append((m.start("verb"), m.end(), "continuous"))
    if not _OPENER_WORDS.absent(text):
        mark = OUTLINE_MARK.match(text)
        at = mark.end() if mark else 0
        label = _LEAD_LABEL.match(text[at:])  # `Về kinh phí: Hằng năm, …`
        at += label.end() if label else 0
        basis = _BASIS_LEAD.match(text[at:])
        at += basis.end() if basis else 0
        # a schedule may open the sentence or any of its `;` clauses (`…; hằng quý báo cáo …`)
        first = at
        for at in [at] + [m.end() for m in _SEMICOLON.finditer(text) if m.end() > at]:
            _opener_schedule(text, at, at == first, out)
    # merge overlapping pieces (`Định kỳ hằng năm` found by both rules)
    out.sort()
    merged: list[tuple[int, int, str]] = []
    for a, b, r in out:
        if any(da <= a < db for da, db in dates):
            continue
        if merged and a < merged[-1][1]:
            pa, pb, pr = merged[-1]
            merged[-1] = (pa, max(pb, b), most_frequent([pr, r]))
        else:
            merged.append((a, b, r))
    return merged


def _opener_schedule(text: str, at: int, sentence_start: bool, out: list) -> None:
    """A clause opened by `Hằng năm,` / `Hằng quý` / `Mỗi năm`: the schedule of its task,
    unless the clause states a per-year target (`Mỗi năm giảm 4-5%`)."""
    opener = _OPENER.match(text[at:])
    if opener:
        rest = text[at + opener.end():]
        comma = rest.lstrip().startswith(",")
        # opening the sentence it schedules the sentence even when that states a per-year figure
        # (`Hàng năm tổ chức chuyển hóa ít nhất 60%`); only a figure right after it is the rate.
        # Inside a sentence (`…; mỗi năm tổ chức ít nhất 01 cuộc`) the figure is the rate.
        # Settled too: `- Hằng năm giảm 5-10% số trẻ em bị tử vong …` opening its sentence schedules it,
        # a rate right after it or not; inside a sentence (`…; mỗi năm giảm 4-5%`) that rate is the target's.
        per_year_target = not sentence_start and (
            bool(_RATE_AFTER_OPENER.match(rest))
            or (not comma and bool(TARGET_FIGURE.search(rest) or _COUNT_RANGE.search(rest))))
        if not per_year_target:
            recs = [r for _, _, r in find_recurrences(opener.group())] or ["continuous"]
            out.append((at + opener.start(), at + opener.end(), most_frequent(recs)))


# `…; mỗi năm xây dựng từ 1-2 mô hình …`: a range of things to make is the clause's figure too
_COUNT_RANGE = re.compile(r"\btừ\s+\d+(?:[,.]\d+)?\s*(?:-|–|đến)\s*\d", FLAGS)
_BRACKET_LEAD = re.compile(r"\s*\(?\s*")
_CLAUSE_OR_BRACKET_MARK = re.compile(r"[,.;:()]")


def _period_chain(text: str, pos: int) -> Optional[tuple[int, str]]:
    """End and recurrence of the periods after `định kỳ` (`6 tháng, hằng năm`,
    `tại các hội nghị sơ kết 6 tháng, tổng kết năm`, `(tháng, quý, năm)`); None
    when no period follows within a few words of the same clause."""
    first = None
    lead = _BRACKET_LEAD.match(text[pos:])
    bare = BARE_PERIOD.match(text, pos + lead.end())
    if bare:
        first = bare
    else:
        for m in RECURRENCE.finditer(text, pos, min(len(text), pos + 90)):
            between = text[pos + lead.end():m.start()]
            if m.lastgroup != "continuous" and not _CLAUSE_OR_BRACKET_MARK.search(between) \
                    and len(between.split()) <= 6:
                first = m
            break
    if first is None:
        return None
    end, recs = first.end(), [recurrence_of(first)]
    while True:
        step = _next_period(text, end)
        if step is None:
            return end, most_frequent(recs)
        end, rec = step
        recs.append(rec)


_CHAIN_JOIN = re.compile(r"\s*(?:,|và|hoặc|/)?\s*")
_WORD_AND_SPACE = re.compile(r"[^\s,.;:()]+\s+")


def _next_period(text: str, end: int) -> Optional[tuple[int, str]]:
    """The next period of a chain: after `,`/`và`, at most two words on (`, tổng kết năm`)."""
    sep = _CHAIN_JOIN.match(text[end:])
    at = end + sep.end()
    starts = [at] + [at + w.end() for w in _WORD_AND_SPACE.finditer(text[at:at + 40])][:2]
    for start in starts:
        r = RECURRENCE.match(text, start)
        if r and r.lastgroup != "continuous":
            return r.end(), recurrence_of(r)
    if sep.group().strip():
        r = BARE_PERIOD.match(text, at)
        if r:
            return r.end(), r.lastgroup
    return None


def _forced(text: str, dated: list[Dated], relatives) -> list[Found]:
    """A `Thời gian thực hiện` value is a deadline whatever it says; its dates set `due`."""
    recs = [r for a, b, r in find_recurrences(text) if not _inside(a, b, relatives)]
    # `ngày 15 và 16/6/2026`: a bare day number is part of the dated list, not a date of its own
    if any(d.expr.grain != "day_only" for d in dated):
        dated = [d for d in dated if d.expr.grain != "day_only" or d.recurrence]
    # `Từ năm 2026`, `Từ Quý III/2026`: from then on; `từ 8 giờ ngày 15/6/2026` starts a one-day event
    # (`Thời gian thực hiện: Từ ngày 01/01/2024`: a day with no hour opens the work, from then on too)
    # (`kể từ 00 giờ ngày 23/4/2020 cho đến khi UBND tỉnh có thông báo mới`: an hour opens it too
    # when the end waits on a new word from above)
    open_end = bool(_UNTIL_FURTHER_NOTICE.search(text))
    opening = [d for d in dated if d.prep in _OPENING_PREPS and not d.expr.window
               and (d.expr.grain != "day" or open_end or not _HOUR.search(text))]
    if opening and len(opening) == len(dated):
        recs.append("continuous")  # `Từ năm 2026`: from then on
    if not dated and not recs and _TIME_OF_DAY.search(text):
        recs.append("daily")  # `Buổi sáng từ 7h30 - 11h30`: hours with no day are kept every day
    closed = [d for d in dated if d not in opening]
    recurrence = most_frequent(recs + [d.recurrence for d in closed])
    if len(closed) <= 1:
        due = due_of(closed[0].expr, closed[0].prep, recurrence) if closed else None
        return [Found(0, len(text), None if recurrence == "continuous" else due, recurrence)]
    out = [Found(d.start, d.end, due_of(d.expr, d.prep, recurrence), recurrence) for d in closed]
    out[0].start, out[-1].end = 0, len(text)
    return out


_UNTIL_FURTHER_NOTICE = re.compile(
    r"\b(?:đến|tới)\s+khi\b[^.;]{0,60}?\b(?:thông\s+báo|chỉ\s+đạo|quyết\s+định|hướng\s+dẫn)\s+mới\b", FLAGS)
_HOUR = re.compile(r"\d\s*(?:h|giờ)(?!\p{L})", FLAGS)
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}\s*(?:h|giờ)\s*(?:\d{2}\s*(?:phút\s*)?)?[-–]\s*\d{1,2}\s*(?:h|giờ)|\bbuổi\s+(?:sáng|chiều|tối)\b", FLAGS)


def _inside(a: int, b: int, spans) -> bool:
    return any(a < sb and sa < b for sa, sb in spans)
