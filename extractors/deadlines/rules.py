"""Deadlines: time expressions that say when a task or report is due.

Three shapes carry a deadline in Vietnamese plans:

* the value of a `Thời gian thực hiện:` (`Thời hạn hoàn thành`, `Tiến độ`) line
  in a task block, written after the colon or on the bullet lines below it;
  every value counts, a time word or not (`Thực hiện thường xuyên`);
* a date or period tied to the task by a deadline word: `hoàn thành trong
  tháng 5 năm 2026`, `trước ngày 30/11`, `chậm nhất ngày …`, `vào Quý III`,
  `đến hết tháng 6`; a relative limit (`trong thời hạn 07 ngày làm việc`);
* a schedule: `định kỳ` with a period (`định kỳ 6 tháng, hằng năm`) or a
  sentence that opens with `Hằng năm,` / `Mỗi quý,`. A date in the same
  sentence is that schedule's date: `Định kỳ hằng năm … trước ngày 30 tháng
  11` is one yearly deadline `--11-30`.

A bare date is no deadline (it dates a cited document or reports the past),
nor is the year horizon of a target (`đến năm 2030 đạt 90%`) or a per-year
target rate (`mỗi năm giảm 4-5%`).

This module walks the plan (labels, value lines, table columns, sentences) and
builds the findings; `deadline_phrases` reads one sentence or value, `dates`
the date and period grammar.
"""
from __future__ import annotations

import weakref
from functools import lru_cache
from typing import Optional

import regex as re

from extractors import lexicon
from extractors.anchored import RequiredWords
from extractors.grammar.dates import FLAGS, RECURRENCE, find_recurrences, find_time_exprs, most_frequent, text_date, text_year
from extractors.deadlines.phrases import OF_PERIOD_MONTH, RELATIVE, TO_YEAR_END, Found, due_in_year, segment_deadlines, yearless_date
from extractors.models import Deadline, Section
from extractors.grammar.markers import BULLETS, MARKER, STAR
from extractors.outline.sections import ancestors_at, section_path_at
from extractors.text import PlanText, sentences, squeeze_spaces

TASK_CHARS = 120

# `d) Thời gian thực hiện:` / `- Thời hạn hoàn thành:` / `Tiến độ thực hiện` (value after it or below)
TIME_LABEL = re.compile(
    rf"^(?:[{BULLETS}{STAR}]\s*)?(?P<label>(?:Thời\s+gian|Thời\s+hạn|Tiến\s+độ|Mốc\s+thời\s+gian)"
    r"(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|tổ\s+chức|báo\s+cáo|nộp|gửi))?)"
    # (`Thời gian thực hiện kể từ 00 giờ ngày 23/4/2020 cho đến khi …`: the value run on after `kể từ`)
    r"(?:\s*\([^)]{0,60}\))?\s*(?::\s*|$|(?=kể\s+từ\b)"
    # (`Thời gian thực hiện kế hoạch từ năm 2022 đến năm 2030.`: the work named, then its window)
    r"|(?<=\s)(?:kế\s+hoạch|chương\s+trình|đề\s+án|dự\s+án)\s+(?=(?:bắt\s+đầu\s+)?từ\s+(?:ngày|tháng|năm|quý)\b))",
    FLAGS,
)
# other labels of a task block: the value list of `Thời gian thực hiện` stops at them
BLOCK_LABEL = re.compile(
    rf"^(?:[{BULLETS}{STAR}]\s*)?(?:Mục\s+tiêu|Nội\s+dung|Cơ\s+quan|Đơn\s+vị|Chủ\s+trì|Phối\s+hợp|Kết\s+quả|"
    r"Sản\s+phẩm|Kinh\s+phí|Nguồn|Giải\s+pháp|Yêu\s+cầu|Trách\s+nhiệm|Phân\s+công|Ghi\s+chú|"
    r"Nhiệm\s+vụ|Hình\s+thức|Đối\s+tượng|Phạm\s+vi|Địa\s+điểm|Thời\s+gian|Thời\s+hạn|Tiến\s+độ)\b",
    FLAGS,
)
_TIME_HEADER_CELL = re.compile(r"^\s*(?:Thời\s+gian|Thời\s+hạn|Tiến\s+độ|Mốc\s+thời\s+gian)\b[^|\n]{0,50}$", FLAGS)
_BULLET = re.compile(rf"^\s*(?:[{BULLETS}{STAR}]\s*)+")
# `- Xây dựng kế hoạch triển khai: Hoàn thành trong tháng 5 năm 2026`
_ITEM_LABEL = re.compile(r"^(?P<label>[^:]{3,160}?):\s+(?=\S)")

_SENTENCE_END = re.compile(
    r"(?<=[.!?…])\s+(?=[\p{Lu}\d(\"“])"
    # a heading glued to the paragraph below it: a capitalised schedule word starts a sentence
    r"|(?<=\p{Ll})\s+(?=(?:Hằng|Hàng|Mỗi|Định\s+kỳ)\s+(?:năm|quý|tháng|tuần|ngày|hằng|hàng)\b)"
)


# ---------------------------------------------------------------------------

_BROKEN_AFTER_DASH = re.compile(r"(?:[-–]|\bđến)\s*$", FLAGS)


def extract_deadlines(doc: PlanText, sections: list[Section]) -> list[Deadline]:
    paras = [p for p in doc.paragraphs if not p.footnote]
    out: list[Deadline] = []
    time_column = False  # a table with a `Thời gian` column: cells below it are values
    flat_column = False  # the same table copied without its `|`: one cell a paragraph
    i = 0
    reviewing = False
    tables = "|" in doc.raw  # (a text without `|` has no table cell: its lines are not looked up)
    while i < len(paras):
        p = paras[i]
        # a review goes on into the next paragraph while that one still tells what was done
        carried, reviewing = reviewing, False
        body = _strip_marker(p.text)
        if tables and _is_table_cell(doc, p.start) and _TIME_HEADER_CELL.match(body):
            time_column = True
            i += 1
            continue
        if _flat_time_header(paras, i):
            flat_column = True
            i += 1
            continue
        tail = p.text[-90:]
        if ":" in tail and not _CAPTION_WORDS.absent(tail) and _CAPTION.search(tail):
            # `Cả nước đang bước vào cao điểm mua sắm trước Tết Nguyên đán 2026. Ảnh: MCH.`: a photo's caption
            # (the paragraph ends in its credit) tells what the picture shows; it sets no deadline
            i += 1
            continue
        label = TIME_LABEL.match(body)
        if label:
            offset = len(p.text) - len(body)
            value = body[label.end():]
            if value.strip():
                # the value is the label's own sentence; the paragraph may go on with others
                vstart = p.start + offset + label.end()
                sents = _sentences(doc.clean[vstart:p.end], vstart)
                vend = sents[1][0] if len(sents) > 1 else p.end
                glued = _NEXT_LABEL.search(doc.clean, vstart, vend)  # `Năm 2026 Cơ quan chủ trì: …`
                lines = [(vstart, glued.start() if glued else vend)]
                for s, e in sents[1:]:
                    out.extend(_sentence_deadlines(doc, sections, s, e, p))
                j = i + 1
            else:
                lines, j = [], i + 1
                while j < len(paras) and len(lines) < 12 and _is_value_line(paras[j].text) \
                        and not _BARE_LABEL.match(paras[j].text):  # `Căn cứ pháp lý:` opens another field
                    # a value below its label names a time: other lines are the task's own text
                    if _names_time(paras[j].text):
                        lines.append((paras[j].start, paras[j].end))
                    j += 1
            for a, b in lines:
                out.extend(_value_deadlines(doc, sections, a, b))
            i = max(j, i + 1)
            continue
        if time_column and _is_table_cell(doc, p.start) and _whole_time_value(p.text):
            row_task = _row_task(doc, p.start)
            out.extend(d.model_copy(update={"task": row_task or d.task})
                       for d in _value_deadlines(doc, sections, p.start, p.end))
            i += 1
            continue
        if flat_column and not MARKER.match(p.text) and _whole_time_value(p.text):
            end, j = p.end, i + 1
            # `Tháng 5-` / `Ngày 15/6/2021`: a cell broken after its dash goes on below
            if _BROKEN_AFTER_DASH.search(p.text) and j < len(paras) \
                    and _whole_time_value(paras[j].text):
                end, j = paras[j].end, j + 1
            out.extend(_value_deadlines(doc, sections, p.start, end))
            i = j
            continue
        # (`Trong nhiệm kỳ qua, Đảng bộ … đã …` / `Các chỉ tiêu đều đạt và vượt …; Đảng bộ xã đã triển khai
        # …. Hàng năm, Đảng bộ xã đều đạt hoàn thành tốt nhiệm vụ`: the results of the term just reviewed)
        reviewing = carried and not MARKER.match(p.text) and bool(_TOLD_DONE.search(p.text)) \
            and not _AHEAD.search(p.text)
        for s, e in _sentences(p.text, p.start):
            # `… nông thôn mới". Thời gian thực hiện: Thường xuyên.`: a label after a sentence
            inline = TIME_LABEL.match(doc.clean[s:e]) if s > p.start else None
            # (both openings end in a comma: a sentence without one is not tried)
            if doc.clean.find(",", s, e) >= 0 and _PERIOD_OPENING.match(doc.clean, s, e):
                reviewing = bool(_REVIEW_OPENING.match(doc.clean, s, e))
            if inline and doc.clean[s + inline.end():e].strip(" ."):
                out.extend(_value_deadlines(doc, sections, s + inline.end(), e))
            elif reviewing:
                # `Nhiệm kỳ 2015-2020, Đảng bộ … đã …. Hàng năm, Đảng bộ có trên 82% số chi bộ …`:
                # a paragraph reviewing a past period says what came each year, it schedules nothing
                # (until a sentence opens the next period: `Nhiệm kỳ 2020-2025, Đảng bộ … đề ra …`)
                out.extend(d for d in _sentence_deadlines(doc, sections, s, e, p) if not d.recurrence
                           and not (d.span[0] <= doc.raw_span(s, s)[0] + 8 and _AS_OF_OPENING.match(doc.clean, s, e)))
            else:
                out.extend(_sentence_deadlines(doc, sections, s, e, p))
        i += 1
    # a section that reports results dates what was done; it sets no deadline
    past = {id(sec) for sec in sections if _PAST_HEADING.match(sec.title)}
    if past:
        out = [d for d in out if not any(id(sec) in past for sec in ancestors_at(sections, d.span[0]))]
    return _without_overlaps(out)


# a sentence opening a period (`Nhiệm kỳ 2015-2020,`, `Trong giai đoạn 2016 - 2020,`); one that says
# what was done in it (`đã`) opens a review of that period
_PERIOD = r"\W*(?:Trong\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn|thời\s+kỳ)\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*,"
# (`5 năm qua, Đảng bộ … luôn nỗ lực …`, `Nhiệm kỳ qua,`: a period named as the one just past is reviewed)
_PAST_PERIOD = r"\W*(?:Trong\s+)?(?:(?:\d{1,2}|hai|ba|bốn|năm|mấy|những|các)\s+)?(?:năm|nhiệm\s+kỳ|thời\s+gian|giai\s+đoạn)\s+(?:vừa\s+)?qua\s*,"
# (`Trong 5 năm (2016-2020), huyện … đã giảm được …`: the years counted, their range in brackets)
_COUNTED_PERIOD = r"\W*(?:Trong\s+)?(?:\d{1,2}|hai|ba|bốn|năm|mười)\s+năm\s*\(\s*(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*\)\s*,"
_PERIOD_OPENING = re.compile(rf"{_PERIOD}|{_PAST_PERIOD}|{_COUNTED_PERIOD}", re.I)
_REVIEW_OPENING = re.compile(rf"(?:{_PERIOD}|{_COUNTED_PERIOD})[^.;]*\bđã\b|{_PAST_PERIOD}", re.I)
# a sentence of a review opened by the end of a time (`Đến hết năm 2020, có 2 xã … thoát khỏi …`): the state
# then, told as reached
_AS_OF_OPENING = re.compile(r"\W*(?:đến\s+)?hết\s+[^,.;:]{3,30},", re.I)
# a paragraph telling what was done: `đã` before a verb, `đạt và vượt`
_TOLD_DONE = re.compile(r"\bđã\s+\p{Ll}|\bđạt\s+và\s+vượt\b", re.I)
# … and one that turns to what is to come stops it
_AHEAD = re.compile(r"\bphấn\s+đấu\b|\bsẽ\b|\bmục\s+tiêu\b|\b(?:nhiệm\s+kỳ|thời\s+gian|năm|giai\s+đoạn)\s+tới\b", re.I)
_PAST_HEADING = re.compile(
    rf"^\W*(?:{'|'.join(re.escape(h, literal_spaces=True) for h in lexicon.past_headings('deadline'))})", re.I)


# a photo's credit closing its caption: `Ảnh: MCH.`, `Ảnh minh họa: Internet`, `(Ảnh: CTV).`
_CAPTION = re.compile(r"(?:^|[.!?]\s+|\(\s*)Ảnh(?:\s+(?:minh\s+họa|tư\s+liệu))?\s*:\s*[^.:\n]{1,60}\.?\)?\.?\s*$", re.I)
_CAPTION_WORDS = RequiredWords("ảnh")  # (every caption holds it and a colon: others are not searched)


# --- Thời gian thực hiện values ----------------------------------------------

def _is_value_line(text: str) -> bool:
    if MARKER.match(text) or BLOCK_LABEL.match(_BULLET.sub("", text)):
        return False
    if _BULLET.match(text):
        return True
    return len(text) <= 200


def _value_deadlines(doc: PlanText, sections: list[Section], start: int, end: int) -> list[Deadline]:
    text = doc.clean[start:end]
    lead = _BULLET.match(text)
    pos = lead.end() if lead else 0
    item = _ITEM_LABEL.match(text[pos:])
    scope = ""
    if item and not find_time_exprs(item.group("label")) and not RECURRENCE.search(item.group("label")):
        pos += item.end()
        scope = item.group("label").strip()
    out = []
    for n, (a, b) in enumerate(_parts(text, pos)):
        part = text[a:b]
        if n and (_OTHER_LABEL.match(part) or not _names_time(part)):
            break  # `…; Địa điểm: …` or a remark after the time
        for f in segment_deadlines(part, forced=True, today=text_date(doc.clean)):
            d = _deadline(doc, sections, start + a + f.start, start + a + f.end, f, forced=True,
                          context=doc.clean[start:end])
            d.scope = scope
            out.append(d)
    return out


_PART_END = re.compile(r";|$")


def _parts(text: str, pos: int) -> list[tuple[int, int]]:
    """`;`-separated parts of a value, trimmed of spaces and the closing full stop."""
    spans, a = [], pos
    for m in _PART_END.finditer(text[pos:]):
        b = pos + m.start()
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = seg.rstrip().rstrip(".").rstrip()
        if trail.strip():
            spans.append((a + lead, a + len(trail)))
        a = pos + m.end()
        if m.group() == "":
            break
    return spans


_NEXT_LABEL = re.compile(
    r"\s(?=(?:Cơ\s+quan|Đơn\s+vị|Chủ\s+trì|Phối\s+hợp|Kinh\s+phí|Sản\s+phẩm|Kết\s+quả|Địa\s+điểm|"
    r"Nội\s+dung|Ghi\s+chú|Nguồn)\b[^:.;]{0,40}:)"
)
_BARE_LABEL = re.compile(rf"^(?:[{BULLETS}{STAR}]\s*)?[^:\d]{{2,40}}:\s*$")
_OTHER_LABEL = re.compile(rf"^(?:[{BULLETS}{STAR}]\s*)?[^:\d]{{2,40}}:\s")


def _names_time(text: str) -> bool:
    return bool(find_time_exprs(text) or RECURRENCE.search(text) or RELATIVE.search(text))


# the header cells of a table copied without its `|`, one a line: `TT`, `Nội dung`, `Thời gian`
_COLUMN_HEAD = re.compile(
    r"^(?:S?TT|Số\s+TT|Nội\s+dung|Nhiệm\s+vụ|Công\s+việc|Hoạt\s+động|Đơn\s+vị|Cơ\s+quan|Chủ\s+trì|"
    r"Phối\s+hợp|Sản\s+phẩm|Kết\s+quả|Ghi\s+chú|Kinh\s+phí|Số\s+ngày)\b[^.;:!?|]{0,100}$",
    FLAGS,
)
# `Thời gian`, `Tiến độ`, `Ngày chậm nhất phải hoàn thành`: a column of due dates
_FLAT_TIME_HEAD = re.compile(
    r"^(?:(?:Thời\s+gian|Thời\s+hạn|Tiến\s+độ|Mốc\s+thời\s+gian)\b|(?:Ngày|Hạn)\b[^.;:|]{0,40}\bhoàn\s+thành\b)"
    r"[^.;:|]{0,50}$",
    FLAGS,
)


def _flat_time_header(paras, i: int) -> bool:
    """A time column header standing beside other header cells (`Nội dung` above or below it)."""
    if not _FLAT_TIME_HEAD.match(paras[i].text.strip()):
        return False
    return any(0 <= k < len(paras) and _COLUMN_HEAD.match(paras[k].text.strip()) for k in (i - 1, i + 1))


_TIME_WORD_OPENING = re.compile(r"^(?:hoàn\s+thành\s+)?(?:trước|trong|chậm\s+nhất|từ|đến|vào|hết)\s+", FLAGS)
_SHORT_ASIDE = re.compile(r"\([^()]{0,30}\)")


def _whole_time_value(text: str) -> bool:
    t = _SHORT_ASIDE.sub("", _BULLET.sub("", text)).strip().rstrip(".")  # `07/02/2021 (chủ Nhật)`
    t = _TIME_WORD_OPENING.sub("", t)
    if not t or len(t) > 60:
        return False
    exprs = find_time_exprs(t)
    covered = sum(e.end - e.start for e in exprs) + sum(b - a for a, b, _ in find_recurrences(t))
    return covered >= 0.6 * len(t)


_MARKUP_OR_SPACE = re.compile(r"[*_#]+|\s+")
_ROW_NUMBER = re.compile(r"[\dIVX.]+")


def _row_task(doc: PlanText, clean_index: int) -> str:
    """The task of a table row: its first cell that is not a number or a time (tables
    list the task before the agencies and the time)."""
    raw_i = doc.raw_pos(clean_index)
    start = doc.raw.rfind("\n", 0, raw_i) + 1
    end = doc.raw.find("\n", raw_i)
    cells = [_MARKUP_OR_SPACE.sub(" ", c).strip() for c in doc.raw[start: len(doc.raw) if end < 0 else end].split("|")]
    cells = [c for c in cells if c and not _ROW_NUMBER.fullmatch(c) and not _whole_time_value(c)]
    return _shorten(cells[0]) if cells else ""


def _is_table_cell(doc: PlanText, clean_index: int) -> bool:
    raw_i = doc.raw_pos(clean_index)
    line_start = doc.raw.rfind("\n", 0, raw_i) + 1
    line_end = doc.raw.find("\n", raw_i)
    line = doc.raw[line_start: len(doc.raw) if line_end < 0 else line_end]
    return line.count("|") >= 2


# --- running text ------------------------------------------------------------

# What a `_SENTENCE_END` match needs: a full stop (!, ?, …) with a space and more text after it, or a
# capitalised schedule word. Most paragraphs of a plan are one sentence, with neither: their one span is
# given without the search.
_SENTENCE_MARKS = (".", "!", "?", "…")
_SCHEDULE_HEADS = ("Hằng", "Hàng", "Mỗi", "Định")


def _sentences(text: str, base: int) -> list[tuple[int, int]]:
    body = text.rstrip()
    inner = body[:-1]  # (a mark that ends the paragraph starts no sentence after it)
    if not any(m in inner for m in _SENTENCE_MARKS) and not any(w in text for w in _SCHEDULE_HEADS):
        return [(base, base + len(body))] if body else []
    return sentences(text, base, _SENTENCE_END)


def _sentence_deadlines(doc, sections, s, e, para) -> list[Deadline]:
    text = doc.clean[s:e]
    today = text_date(doc.clean)
    out = []
    for f in segment_deadlines(text, forced=False, today=today):
        if _meeting_agenda(text, f.start):
            continue
        d = _deadline(doc, sections, s + f.start, s + f.end, f, forced=False, context=para.text,
                      sentence=(s, e), context_start=para.start)
        # a time within which, opening what is told and all gone by the text's own date (`Chính phủ thống
        # nhất đánh giá: Trong tháng 11, tình hình thế giới …` in a resolution of 10/12/2025): the period
        # it reviews, not a deadline
        if today and d.due and d.recurrence is None and d.due[:1] != "-" and d.due < today \
                and _WITHIN_OPENING.match(text[f.start:f.end]) and _OPENS_TOLD.fullmatch(text, 0, f.start) \
                and text[f.end:f.end + 1] == ",":
            continue
        out.append(d)
    return out


_WITHIN_OPENING = re.compile(r"trong\s+(?:tháng|quý|năm)\b", FLAGS)
_OPENS_TOLD = re.compile(r"\W*(?:[^.;:]*:\s*)?", FLAGS)


# a story's lead that a meeting was held on a day (`Sáng 10-7, Phó Chủ tịch … chủ trì họp đánh giá kết quả
# … và triển khai nhiệm vụ trọng tâm trong 6 tháng cuối năm 2024.`): the period after its agenda words is
# what the meeting was about, no deadline
_MEETING_LEAD = re.compile(r"^\W*(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*(?:19|20)\d\d)?\s*,"
                           r"[^.;]*?\b(?:họp|hội\s+nghị|kỳ\s+họp|phiên\s+họp)\b", FLAGS)
_AGENDA_BEFORE = re.compile(r"\b(?:triển\s+khai|bàn)\s+(?:phương\s+hướng\s*,?\s*)?nhiệm\s+vụ\b[^.;,()]{0,40}$", FLAGS)


def _meeting_agenda(text: str, start: int) -> bool:
    return bool(_MEETING_LEAD.match(text[:start]) and _AGENDA_BEFORE.search(text, max(0, start - 60), start))


# --- assembling ----------------------------------------------------------------

def _deadline(doc: PlanText, sections, a: int, b: int, f: Found, forced: bool, context: str,
              sentence: Optional[tuple[int, int]] = None, context_start: Optional[int] = None) -> Deadline:
    span = doc.raw_span(a, b)
    due, recurrence = f.due, f.recurrence
    if due is None and f.recurrence is None:
        due = _due_from_context(doc, sections, a, b, sentence or (a, b), context, span[0], context_start)
        # `ngày tựu trường … vào ngày 1-8 hàng năm; … Kết thúc năm học trước ngày 31-5.`: a text that
        # names no year and gives its calendar as yearly dates: its other yearless dates come each year too
        if due is None and (found := yearless_date(doc.clean[a:b])) and found[0].grain == "day" \
                and _yearly_calendar(doc.clean):
            recurrence = "yearly"
            due = found[0].last_day(before=found[1] == "trước", yearly=True)
    if due is None and recurrence is None and doc.clean[a:b].lower().endswith("tháng") \
            and _REST_OF_YEAR.match(doc.clean, b) and RELATIVE.fullmatch(doc.clean, a, b):
        # `hoàn thành trong hai tháng còn lại`: the months left of the year the text speaks of
        year = text_year(doc.clean) or _only_year(doc.clean)
        due = f"{year}-12-31" if year else None
    if due is None and recurrence is None and TO_YEAR_END.fullmatch(doc.clean, a, b):
        # `từ nay đến cuối năm`: the end of the year the text is written in (else the one it speaks of)
        year = text_year(doc.clean) or _only_year(doc.clean)
        due = f"{year}-12-31" if year else None
    if recurrence is None and due is None and context_start is not None and context_start <= a \
            and (closing := OF_PERIOD_MONTH.match(doc.clean, b)) and closing.group("unit").lower() == "kỳ":
        # `Báo cáo … hàng quý, 6 tháng và hàng năm, gửi Bộ Nội vụ …. …, thời hạn gửi chậm nhất là ngày 20
        # của tháng cuối kỳ báo cáo`: the reports the paragraph named before say how often the day comes
        recurrence = most_frequent([r for _, _, r in find_recurrences(context[:a - context_start])
                                    if r != "continuous"])
    task = _task_heading(sections, span[0]) if forced else ""
    if not task:
        s, e = sentence or (a, b)
        task = _sentence_task(doc, s, e)
    return Deadline(due=due, recurrence=recurrence, text=doc.clean[a:b].strip(), task=task,
                    section=section_path_at(sections, span[0]), span=span)


# the last sentence whose task was read: its next deadlines reuse it without copying the
# sentence again (a sentence of thousands of dates stays linear); a tuple, replaced whole
_last_task: tuple = (None, -1, -1, "")


def _sentence_task(doc: PlanText, s: int, e: int) -> str:
    """The task a sentence names (its shortened text with any lead-in line)."""
    global _last_task
    ref, last_s, last_e, task = _last_task
    if ref is not None and ref() is doc and (last_s, last_e) == (s, e):
        return task
    task = _shorten(_with_lead_in(doc, s, e))
    _last_task = (weakref.ref(doc), s, e, task)
    return task


def _with_lead_in(doc: PlanText, s: int, e: int) -> str:
    """The sentence; a clause that goes on from the line above (`…20/10;` / `hoàn thành
    trong tháng 10/2024.`) is read with that line, which names the task."""
    text = doc.clean[s:e]
    line_start = doc.clean.rfind("\n", 0, s) + 1
    if text[:1].islower() and not doc.clean[line_start:s].strip() and line_start > 1:
        prev_start = doc.clean.rfind("\n", 0, line_start - 1) + 1
        prev = doc.clean[prev_start:line_start].strip()
        if prev.endswith((";", ",", ":")):
            return f"{prev} {text}"
    return text


def _due_from_context(doc: PlanText, sections, a: int, b: int, sentence, context: str,
                      raw_index: int, context_start: Optional[int] = None) -> Optional[str]:
    """A date written without its year takes the year the text gives around it:
    the sentence, then the paragraph (the whole of it, else the sentences before this one),
    then the headings above, then the text's own date."""
    found = yearless_date(doc.clean[a:b])
    if found is None:
        return None
    t, prep = found
    if _OTHER_YEAR.match(doc.clean, a + t.end):
        return None  # `vào Quý IV của năm trước`: a year counted from another, no date of its own
    s, e = sentence
    where = [(doc.clean[s:e], a - s + t.end), (context, None)]
    # `Theo kế hoạch, … tiến hành từ ngày 1-9 đến hết ngày 31-12-2018. Trước ngày 25-10, … báo cáo …;
    # … giảm nghèo năm 2019 và các năm tiếp theo`: a paragraph naming several years dates the step
    # by the one its earlier sentences name
    if context_start is not None and 0 < s - context_start <= len(context):
        where.append((context[:s - context_start], None))
    where += [(sec.title, None) for sec in reversed(ancestors_at(sections, raw_index))]
    for ctx, pos in where:
        year = _year_in(ctx, pos)
        if year:
            due = due_in_year(t, prep, year)
            # a deadline is not set in the past: `trao Bằng công nhận xã đạt chuẩn … năm 2021 …
            # trước ngày 15-6` in a letter of 10/6/2022 names the work's year, not the date's
            today = text_date(doc.clean)
            if due and today and due < today and (own := text_year(doc.clean)) and own > year:
                later = due_in_year(t, prep, own)
                if later and later >= today:
                    return later
            return due
    # settled: a letter or a news item dates its yearless dates by its own date; one that
    # prints no date of its own falls in the one year it speaks of
    year = text_year(doc.clean) or _only_year(doc.clean) or _in_school_year(doc.clean, t.month, a)
    if year:
        return due_in_year(t, prep, year)
    # a text whose only dated day is the act it carries out (`… triển khai thực hiện Nghị quyết số 15-NQ/TU
    # ngày 5-5-2022 của Thành ủy … hoàn thành trước ngày 30 tháng 7`): the work follows the act, in its year
    acts = list(_CITED_ACT_DAY.finditer(doc.clean))
    if acts and len({m.group(4) for m in acts}) == 1:
        latest = max(f"{m.group(4)}-{int(m.group(3)):02d}-{int(m.group(1)):02d}" for m in acts)
        due = due_in_year(t, prep, int(acts[0].group(4)))
        if due and due > latest:
            return due
    return None


# a cited act's day: `Nghị quyết số 15-NQ / TU ngày 5-5-2022`
_CITED_ACT_DAY = re.compile(r"\bsố\s+\S+(?:\s*/\s*\S+)*\s+ngày\s+(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)\b", FLAGS)


_REST_OF_YEAR = re.compile(r"\s+còn\s+lại(?:\s+(?:của|trong)\s+năm(?:\s+nay)?)?(?!\s+(?:của|trong)\s+(?:quý|tháng|nhiệm\s+kỳ|giai\s+đoạn))", FLAGS)
_YEARLY_AFTER = re.compile(r"\s*,?\s*(?:hằng|hàng)\s+năm\b", FLAGS)


@lru_cache(maxsize=8)
def _yearly_calendar(text: str) -> bool:
    """Does the text name no year and give a day and month as recurring each year (`ngày 1-8 hàng năm`)?"""
    exprs = find_time_exprs(text)
    return not any(t.year for t in exprs) and any(
        t.grain == "day" and _YEARLY_AFTER.match(text, t.end) for t in exprs)


_SCHOOL_YEAR = re.compile(r"năm\s+học\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", FLAGS)


def _in_school_year(text: str, month: Optional[int], at: Optional[int] = None) -> Optional[int]:
    """A school calendar (`năm học 2010- 2011`) dates its yearless days by the school year:
    August to December in its first calendar year, January to July in its second. A calendar
    reads forward: once it has reached a day of the second year (`Kết thúc học kỳ I trước ngày
    20/1, …, kết thúc năm học trước ngày 15/7`), the August to December days written after it
    (`Tuyển sinh vào lớp 10 hoàn thành trước ngày 15/8`) run on in that year."""
    years = {(int(m.group(1)), int(m.group(2))) for m in _SCHOOL_YEAR.finditer(text)}
    if len(years) != 1 or month is None:
        return None
    first, second = years.pop()
    if month < 8:
        return second
    if at is None:
        return first  # (a document cited by its date: no calendar to read forward)
    reached = _second_year_reached(text)
    return second if reached is not None and reached < at else first


@lru_cache(maxsize=8)
def _second_year_reached(text: str) -> Optional[int]:
    """Where a school calendar first names a yearless day of January to July (None if it names none)."""
    return next((t.start for t in find_time_exprs(text)
                 if t.grain == "day" and t.year is None and t.month and t.month < 8), None)


_YEAR_NUMBER = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _spans_years(expr: str) -> bool:
    """A period over several years: `2021-2025`, and a span of full dates
    (`1/7/2009 - 1/7/2024`, an anniversary's)."""
    return len(set(_YEAR_NUMBER.findall(expr))) > 1


# a year in a document's number: `số 15/2021/NQ-HĐND`
_DOCUMENT_NUMBER_BEFORE = re.compile(r"(?:số|/)\s*\S*\s*$")
_HORIZON_BEFORE = re.compile(r"(?:tầm\s+nhìn|định\s+hướng|giai\s+đoạn|(?<!từ\s+nay\s+)(?:đến|tới))\s*"
                                r"(?:hết\s+)?$", FLAGS)


def _only_year(text: str) -> Optional[int]:
    """The one year a text names (`… xét tuyển đại học năm 2016`, `từ nay đến hết năm 2015`),
    document numbers, multi-year periods and horizons (`đến năm 2030`; `từ nay đến …` is the
    present) aside; None when it names several."""
    years = {t.year for t in find_time_exprs(text)
             if t.year and not t.bare and not _spans_years(text[t.start:t.end])
             and not _DOCUMENT_NUMBER_BEFORE.search(text[max(0, t.start - 30):t.start])
             and not _HORIZON_BEFORE.search(text[max(0, t.start - 30):t.start])
             and not _planned_year(text, t)}
    years |= {int(m.group("y")) for m in _WAVE_OF_YEAR.finditer(text)}
    if len(years) == 2 and (year := min(years)) + 1 in years and all(
            _PLAN_OF_YEAR_BEFORE.search(text[max(0, t.start - 40):t.start])
            for t in find_time_exprs(text) if t.year == year + 1):
        return year  # (a text on year Y and the plan of Y+1 is written in Y)
    return years.pop() if len(years) == 1 else None


# `báo cáo … tình hình phát triển nhà ở năm 2009 và kế hoạch thực hiện năm 2010`: a year's plan is
# drawn up in the year before it, so the year it plans is not the text's
_PLAN_OF_YEAR_BEFORE = re.compile(r"\bkế\s+hoạch(?:\s+(?:thực\s+hiện|hoạt\s+động|công\s+tác))?\s+$", FLAGS)


# `triển khai tiêm phòng đại trà … đợt 1/2015`: a campaign's wave numbered within its year names that year
_WAVE_OF_YEAR = re.compile(r"\bđợt\s+\d{1,2}\s*/\s*(?P<y>(?:19|20)\d\d)(?!\d)", FLAGS)


# the year of the work a text plans, not of the text: `xây dựng kế hoạch thực hiện Chương trình … năm
# 2022` (a plan is drawn up before its year), `các xã đăng ký đạt chuẩn NTM … năm 2022` (a standard
# to reach in it)
_PLANNED_BEFORE = re.compile(
    r"(?:\b(?:xây\s+dựng|lập|đăng\s+ký)\s+kế\s+hoạch\b|\bđăng\s+ký\b|\bđạt\s+chuẩn\b)[^.;:\n]{0,100}$", FLAGS)


def _planned_year(text: str, t) -> bool:
    """A year (`năm 2022`, not a dated day) that names the work planned in the same sentence."""
    # (a slice: a bounded search still pays for the whole text, and a text holds many years)
    return t.grain == "year" and bool(_PLANNED_BEFORE.search(text[max(0, t.start - 120):t.start]))


_OTHER_YEAR = re.compile(r"\s*,?\s*(?:của\s+)?năm\s+(?:trước|sau|tiếp\s+theo|kế\s+tiếp|kế\s+hoạch|liền\s+kề)\b", FLAGS)


_DAY_WORD = re.compile(r"ngày", FLAGS)


def _year_in(text: str, pos: Optional[int]) -> Optional[int]:
    years = [(t.start, t.year) for t in find_time_exprs(text)
             if t.year and not t.bare
             # a dated deadline beside it (`… (trước ngày 15/12/2025)`) gives its year; other
             # full dates are those of cited documents
             # (so does a dated window, `từ ngày 1-9 đến hết ngày 31-12-2018`: when the work is done)
             and (not _DAY_WORD.match(text[t.start:]) or t.window or _DUE_PREP.search(text, 0, t.start))
             and not _DOCUMENT_NUMBER_BEFORE.search(text[max(0, t.start - 30):t.start])
             and not _HORIZON.search(text, 0, t.start)
             and not _planned_year(text, t)
             # the last year of a period (`giai đoạn 2021-2030`) dates no yearless deadline
             and not _RANGE_END.search(text, 0, t.start) and not _PERIOD_EXPR.search(text, t.start, t.end)]
    if not years:
        return None
    if pos is None:
        return years[0][1] if len({y for _, y in years}) == 1 else None
    after = [y for s, y in years if s >= pos]
    return after[0] if after else years[-1][1]


_RANGE_END = re.compile(r"(?:19|20)\d\d\s*[-–]\s*$")
_PERIOD_EXPR = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|\b(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\b", FLAGS)
_DUE_PREP = re.compile(r"(?:trước|chậm\s+nhất|hạn\s+chót|hạn)\s*$", FLAGS)
_TASK_HEADINGS_SKIPPED = BLOCK_LABEL
# `đến năm 2030`, `giai đoạn 2021-2025`, `tầm nhìn đến 2045`: a horizon, not the year of a date
_HORIZON = re.compile(r"(?:đến|tới|giai\s+đoạn|tầm\s+nhìn|định\s+hướng|so\s+với)\s*(?:hết\s+)?$", FLAGS)


def _task_heading(sections: list[Section], raw_index: int) -> str:
    for sec in reversed(ancestors_at(sections, raw_index)):
        if not _TASK_HEADINGS_SKIPPED.match(sec.title):
            return sec.title
    return ""


@lru_cache(maxsize=64)  # every deadline of a sentence names the same task: read it once
def _shorten(text: str) -> str:
    text = squeeze_spaces(_strip_marker(text)).strip()
    if len(text) <= TASK_CHARS:
        return text
    cut = text.rfind(" ", 0, TASK_CHARS)
    return text[: cut if cut > 40 else TASK_CHARS].rstrip(" ,;:") + "…"


def _strip_marker(text: str) -> str:
    m = MARKER.match(text)
    text = text[m.end():] if m else text
    # (`_BULLET.sub("", text)`: its one match is at the start; `sub` would try every position)
    bullet = _BULLET.match(text)
    return text[bullet.end():] if bullet else text


def _without_overlaps(items: list[Deadline]) -> list[Deadline]:
    items = sorted(items, key=lambda d: (d.span[0], -d.span[1]))
    kept: list[Deadline] = []
    for d in items:
        if kept and d.span[0] < kept[-1].span[1]:
            continue
        kept.append(d)
    return kept
