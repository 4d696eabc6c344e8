"""Tasks: what each body must do, by when, toward which target.

Plans carry their tasks in three shapes, read here from the outline:
- a numbered item with labelled blocks (`a) Mục tiêu`, `b) Nội dung thực hiện`, `c) Cơ quan
  thực hiện: …`, `d) Cơ quan phối hợp: …`, `đ) Thời gian thực hiện: …`): one task per item,
  or one per line when the schedule lists several (`- Rà soát …: Hoàn thành trong tháng 6
  năm 2026`);
- TỔ CHỨC THỰC HIỆN, where a heading names a body (`1. Sở Nội vụ`) and every item below it
  is that body's duty; the item's own words decide the role (`Phối hợp với Sở Xây dựng …`
  makes the body a supporter of Sở Xây dựng);
- NHIỆM VỤ / GIẢI PHÁP / NỘI DUNG items: one task per leaf item, its bodies named in it.

The structure decides who is responsible; the agencies extractor's findings refine names
where they sit on the same words and fill in bodies where structure names none.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex as re

from extractors.agencies.names import agency_key, expand
from extractors.models import Agency, Deadline, Section, Target, Task
from extractors.tasks.bodies import BODY_START, LEAD_WORDS, duty_after_partners, leading_bodies, partners_after, split_bodies
from extractors.tasks.schedule import SCHEDULE_CUE, parse_schedule
from extractors.grammar.years import plan_year
from extractors.tasks.tables import table_rows
from extractors.text import Paragraph, PlanText, strip_marker

_WORK_TITLE = re.compile(
    r"^(?:các\s+)?(?:nhiệm vụ|giải pháp|nội dung|tổ chức thực hiện|trách nhiệm|phân công|giao nhiệm vụ)", re.I)
_ORG_TITLE = re.compile(r"tổ chức thực hiện|trách nhiệm|phân công|giao nhiệm vụ", re.I)
_CLOSING = re.compile(
    r"^(?:Nơi nhận|Trên đây là|TM\.|T/M|KT\.|Q\.\s*CHỦ TỊCH|CHỦ TỊCH|PHÓ CHỦ TỊCH|BÍ THƯ|"
    r"Lưu:|\(Có Phụ lục|\(Kèm theo)", re.I)
# a line that only asks bodies to report problems, or the closing formula that asks them
# all to carry the plan out: not a duty of its own
_CONDITIONAL = re.compile(r"nếu có\s+(?:phát sinh\s+)?(?:khó khăn|vướng mắc)"
                          r"|^\S+(?:\s+\S+){0,6}\s+(?:yêu cầu|đề nghị)\s+(?:các|lãnh đạo)[^.]{0,160}"
                          r"thực hiện[^.]{0,60}\./\.\s*$", re.I)

_LABELS = {
    "goal": re.compile(r"^(?:mục tiêu)\s*(?::|$)", re.I),
    "content": re.compile(r"^(?:nội dung(?: thực hiện| công việc)?|nhiệm vụ cụ thể)\s*(?::|$)", re.I),
    "lead": re.compile(r"^(?:cơ quan|đơn vị)\s+(?:thực hiện|chủ trì|đầu mối)(?:\s+chính)?\s*(?::|$)"
                       r"|^(?:chủ trì|cơ quan chịu trách nhiệm)\s*:", re.I),
    "support": re.compile(r"^(?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?\s*(?::|$)|^phối hợp\s*:", re.I),
    "time": re.compile(r"^(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ"
                       r"(?: thực hiện)?)\s*(?::|$)", re.I),
}
_OTHER_STEPS = re.compile(r"^(?:các\s+)?(?:nội dung|nhiệm vụ|công việc)\s+(?:khác|còn lại)", re.I)
_GENERIC = re.compile(
    r"^(?:người đứng đầu|thủ trưởng|lãnh đạo|cấp ủy|các cấp|chính quyền|cơ quan|đơn vị|địa phương|"
    r"tập thể|cán bộ|cấp xã|cấp huyện|cấp tỉnh|tổ chức đảng)", re.I)


@dataclass
class _Unit:
    """Paragraphs that make one task, and what the structure above says about it."""
    paras: list[Paragraph]
    title: str = ""
    owners: list[str] = field(default_factory=list)     # body named by the heading above
    item: Optional[Section] = None                      # the numbered item it belongs to
    path: list[str] = field(default_factory=list)       # its section, when it is one


def extract_tasks(doc: PlanText, sections: list[Section], targets: list[Target],
                  deadlines: list[Deadline], agencies: list[Agency]) -> list[Task]:
    ctx = _Context(doc, sections, targets, deadlines, agencies)
    tasks: list[Task] = []
    for work in ctx.work_sections():
        tasks.extend(ctx.tasks_in(work))
    tasks.extend(ctx.table_tasks())
    return tasks


class _Context:
    def __init__(self, doc, sections, targets, deadlines, agencies):
        self.doc, self.sections = doc, sections
        self.targets, self.deadlines, self.agencies = targets, deadlines, agencies
        self.table = table_rows(doc.raw)
        # a table's cells are read row by row (`table_tasks`), never as paragraphs
        self.body_paras = [p for p in doc.paragraphs if not p.footnote and not self._in_table(doc.raw_pos(p.start))]
        self._ranges: dict = {}
        self.limit = self._closing_limit()
        self.year_hint = plan_year(doc.clean)

    def _in_table(self, raw_index: int) -> bool:
        return any(a <= raw_index < b for a, b in (r.span for r in self.table))

    def table_tasks(self) -> list[Task]:
        """One task per row of a task table: content, lead, supporters, time as its columns say."""
        out = []
        for row in self.table:
            span = row.span
            lead = self._cell_names(row.lead, span)
            support = [n for n in self._cell_names(row.support, span) if agency_key(n) not in {agency_key(x) for x in lead}]
            due, rec, dl_ids = self._schedule(span, row.time, cue=False) if row.time else (None, None, [])
            inside = self.path_at(self.doc.clean_pos(span[0])) if self.doc.clean_pos(span[0]) < self.limit else []
            out.append(Task(title=_short(row.content), text=row.content,
                            section=(inside + [row.number] if inside else row.path) if row.number else inside or row.path,
                            lead=lead, support=support, due=due, recurrence=rec, deadline_ids=dl_ids,
                            target_ids=self._targets(span, None), span=span))
        return out

    def _cell_names(self, cell: str, row_span) -> list[str]:
        if not cell:
            return []
        at = self.doc.raw.find(cell, row_span[0], row_span[1])
        if at >= 0:
            found = [a.name for a in self.agencies if at <= a.span[0] and a.span[1] <= at + len(cell)]
            if found:
                return _dedupe(found)
        return _dedupe([expand(n) for n in split_bodies(re.sub(r"\s*<br\s*/?>\s*", "; ", cell))])

    # -- where tasks are -----------------------------------------------------
    def _closing_limit(self) -> int:
        first_work = next((s for s in self.sections if _WORK_TITLE.match(s.title)), None)
        start = self.doc.clean_pos(first_work.span[0]) if first_work else 0
        for p in self.body_paras:
            if p.start > start and _CLOSING.match(p.text.strip()):
                return p.start
        return len(self.doc.clean)

    def work_sections(self) -> list[Section]:
        chosen: list[Section] = []
        for s in self.sections:
            if len(s.path) > 2 or not _WORK_TITLE.match(s.title):
                continue
            pos = self.doc.clean_pos(s.span[0])
            if any(self.clean_range(c)[0] <= pos < self.clean_range(c)[1] for c in chosen):
                continue  # nested in a chosen block
            chosen.append(s)
        return chosen

    def clean_range(self, s: Section) -> tuple[int, int]:
        """A block in clean coordinates: from its heading to the next heading of the same or a
        higher level (computed here, in reading order, so moved footnotes cannot shift it)."""
        key = (s.span, len(s.path))
        if key not in self._ranges:
            self._ranges[key] = self._clean_range(s)
        return self._ranges[key]

    def _clean_range(self, s: Section) -> tuple[int, int]:
        start = self.doc.clean_pos(s.span[0])
        end = self.limit
        for later in self.sections:
            if later.span[0] > s.span[0] and len(later.path) <= len(s.path):
                end = min(end, self.doc.clean_pos(later.span[0]))
                break
        return start, end

    def path_at(self, clean_index: int) -> list[str]:
        best: list[str] = []
        for s in self.sections:
            start, end = self.clean_range(s)
            if start <= clean_index < end and len(s.path) >= len(best):
                best = list(s.path)
        return best

    def paras_in(self, start: int, end: int) -> list[Paragraph]:
        return [p for p in self.body_paras if start <= p.start < end]

    def children(self, s: Section) -> list[Section]:
        start, end = self.clean_range(s)
        return [c for c in self.sections if len(c.path) == len(s.path) + 1 and c.path[:len(s.path)] == s.path
                and start < self.doc.clean_pos(c.span[0]) < end]

    # -- units ---------------------------------------------------------------
    def tasks_in(self, work: Section) -> list[Task]:
        org = bool(_ORG_TITLE.search(work.title))
        tasks: list[Task] = []
        for unit in self.units(work, owners=[], org=org, top=True):
            tasks.extend(self.build(unit))
        return tasks

    def units(self, s: Section, owners: list[str], org: bool, top: bool = False) -> list[_Unit]:
        kids = self.children(s)
        start, end = self.clean_range(s)
        heading, body = self._heading_and_body(s, start, end, kids)
        if not top and (kids and any(_label_of(k.title)[0] for k in kids)
                        or not kids and any(_label_of(p.text)[0] in ("lead", "time") for p in body)):
            return [_Unit(self.paras_in(start, end), title=s.title, owners=owners, item=s,
                          path=list(s.path))]
        named, rest = ([], s.title) if top else self._heading_bodies(s, org, bool(kids or body))
        if named:
            owners = named
            if not kids and not body:  # `6. Đề nghị UB MTTQ … thực hiện giám sát …`
                return [_Unit([heading], title=_short(rest), owners=owners,
                               path=list(s.path))] if rest else []
        out: list[_Unit] = []
        if kids:
            if org and (top or named):
                out.extend(_Unit([p], owners=owners) for p in body if _is_duty(p.text))
            for k in kids:
                out.extend(self.units(k, owners, org))
            return out
        if top or named or (org and not owners):
            return [_Unit([p], owners=owners) for p in body if _is_duty(p.text)]
        # a leaf item: one duty (of the body heading above it, if any)
        return [_Unit([heading] + body, title=s.title, owners=owners, path=list(s.path))]

    def _heading_bodies(self, s: Section, org: bool, has_content: bool) -> tuple[list[str], str]:
        """Bodies a heading names: the whole title when items follow it (`2. Các cơ quan tham
        mưu giúp việc Huyện ủy`), the subject when the heading is itself the duty."""
        title = s.title
        if not BODY_START.match(LEAD_WORDS.sub("", title)) or (not org and len(title.split()) > 8):
            return [], title
        found = [a.name for a in self.agencies if s.span[0] <= a.span[0] and a.span[1] <= s.span[1]]
        if has_content:
            return (_dedupe(found) if found else split_bodies(title)), ""
        named, rest = leading_bodies(title)
        return (_dedupe(found) if found and named else named), rest

    def _heading_and_body(self, s: Section, start: int, end: int, kids: list[Section]):
        paras = self.paras_in(start, end)
        heading = paras[0] if paras else None
        first_kid = self.doc.clean_pos(kids[0].span[0]) if kids else end
        body = [p for p in paras[1:] if p.start < first_kid]
        return heading, body

    # -- one task per unit (or per line of a listed schedule) -----------------
    def build(self, unit: _Unit) -> list[Task]:
        if not unit.paras:
            return []
        fields = _labelled_fields(unit.paras) if unit.item else {}
        if unit.item is not None and (fields.get("lead") or fields.get("time") or fields.get("support")):
            return self._build_labelled(unit, fields)
        return [self._build_plain(unit)]

    def _span(self, paras: list[Paragraph]) -> tuple[int, int]:
        return self.doc.raw_span(paras[0].start, paras[0].end)[0], self.doc.raw_span(paras[-1].start, paras[-1].end)[1]

    def _build_labelled(self, unit: _Unit, fields: dict) -> list[Task]:
        span = self._span(unit.paras)
        lead = self._names(fields.get("lead", [])) or list(unit.owners)
        support = self._names(fields.get("support", []))
        content = [p for p in fields.get("content", [])]
        text = " ".join(_strip_marker(p.text) for p in content) or " ".join(p.text for p in unit.paras[1:3])
        section = list(unit.item.path)
        goal_span = self._span(fields["goal"]) if fields.get("goal") else None
        target_ids = self._targets(span, goal_span)
        title = _short(unit.title)
        steps = _schedule_steps(fields.get("time", []))
        if len(steps) <= 1:
            sched_paras = fields.get("time", [])
            due, rec, dl_ids = self._schedule(self._span(sched_paras) if sched_paras else None,
                                              " ".join(_value_text(p) for p in sched_paras), cue=False)
            return [Task(title=title, text=text, section=section, lead=lead, support=support, due=due,
                         recurrence=rec, deadline_ids=dl_ids, target_ids=target_ids, span=span)]
        out = []
        for label, para, value in steps:
            due, rec, dl_ids = self._schedule(self._span([para]), value, cue=False)
            step = _short(label, 80) if not _OTHER_STEPS.match(label) else f"{_short(unit.title, 70)} ({label.lower()})"
            out.append(Task(title=step, text=text, section=section, lead=lead,
                            support=support, due=due, recurrence=rec, deadline_ids=dl_ids,
                            target_ids=target_ids, span=span))
        return out

    def _build_plain(self, unit: _Unit) -> Task:
        paras = unit.paras
        span = self._span(paras)
        text = " ".join(_strip_marker(p.text) for p in paras)
        body_text = " ".join(_strip_marker(p.text) for p in (paras[1:] if unit.title and len(paras) > 1 else paras))
        lead, support = self._roles(unit, body_text or text, span)
        due, rec, dl_ids = self._schedule(span, text, cue=True)
        section = unit.path or self.path_at(paras[0].start)
        first = _strip_marker(paras[0].text)
        named, rest = leading_bodies(first)
        if named and rest:
            first = rest  # `Ban Tuyên giáo Huyện ủy: Chỉ đạo …` is titled by its duty
        first = duty_after_partners(first)
        title = _short(unit.title) if unit.title else _short(_first_clause(first))
        return Task(title=title, text=text, section=section, lead=lead, support=support, due=due, recurrence=rec,
                    deadline_ids=dl_ids, target_ids=self._targets(span, None), span=span)

    # -- who -------------------------------------------------------------------
    def _roles(self, unit: _Unit, text: str, span) -> tuple[list[str], list[str]]:
        t = _strip_marker(text)
        named, rest = leading_bodies(t)
        owners = [expand(n) for n in unit.owners]
        if named and not (not owners and all(_is_generic(n) for n in named)):
            # `Ban Tuyên giáo Huyện ủy: …` / `Các sở … định kỳ gửi báo cáo …` (a generic
            # `Các cấp ủy, chính quyền …` opening an item of NHIỆM VỤ names no body)
            owners, t = [expand(n) for n in named], rest
        first_coop = re.search(r"(?:^|,\s*|chủ động\s+|tích cực\s+)phối hợp(?![\p{L}])", t, re.I)
        chairs = re.search(r"chủ trì", t, re.I)
        opens_with_coop = bool(first_coop) and (not chairs or first_coop.start() < chairs.start()) \
            and not re.search(r"[.;]", t[:first_coop.start()])
        partners = [expand(n) for n in partners_after(t)] or self._found_partners(span)
        if not owners or (opens_with_coop and (partners or first_coop.start() == 0)):
            # `(A) phối hợp với B <task>`: B leads, A helps
            lead, support = partners, owners
        else:
            lead, support = owners, partners
        if not lead and not support:
            lead, support = self._found_roles(span)
        lead += self._told_to_act(span)
        lead = _dedupe(lead)
        return lead, [s for s in _dedupe(support) if agency_key(s) not in {agency_key(x) for x in lead}]

    def _found_partners(self, span) -> list[str]:
        """Bodies the agencies extractor found right after `phối hợp với` (a partner list too
        long or too unusual for our own split)."""
        raw = self.doc.raw
        m = re.search(r"(?:phối hợp|cùng)\s+với\s+", raw[span[0]:span[1]], re.I)
        if not m:
            return []
        at = span[0] + m.end()
        return [a.name for a in self.agencies if at <= a.span[0] < at + 160 and a.span[1] <= span[1]
                and _only_names_between(raw, at, a.span[0], self.agencies)]

    def _told_to_act(self, span) -> list[str]:
        """Bodies told to carry out the task (`Chỉ đạo các phòng ban chuyên môn, UBND các xã
        triển khai …`, `giao Phòng Dân tộc …`): leads with the body that instructs them."""
        raw = self.doc.raw
        out = []
        for m in re.finditer(r"(?:chỉ đạo|giao(?: cho)?|yêu cầu)\s+", raw[span[0]:span[1]], re.I):
            at = span[0] + m.end()
            out += [a.name for a in self.agencies if at <= a.span[0] < at + 160 and a.span[1] <= span[1]
                    and a.role == "lead" and not _is_generic(a.name)
                    and _only_names_between(raw, at, a.span[0], self.agencies)]
        return out

    def _found_roles(self, span) -> tuple[list[str], list[str]]:
        found = [a for a in self.agencies if span[0] <= a.span[0] and a.span[1] <= span[1] and a.role]
        specific = [a for a in found if not _is_generic(a.name)]
        lead = [a.name for a in specific if a.role == "lead"]
        support = [a.name for a in specific if a.role == "support"]
        return lead, support

    def _names(self, paras: list[Paragraph]) -> list[str]:
        """Bodies written in a labelled value (`Cơ quan thực hiện: Sở Nội vụ; Thanh tra tỉnh`):
        the agencies extractor's names where it read those words, else our own split."""
        if not paras:
            return []
        span = self._span(paras)
        found = [a for a in self.agencies if span[0] <= a.span[0] and a.span[1] <= span[1]]
        if found:
            return _dedupe([a.name for a in sorted(found, key=lambda a: a.span)])
        value = " ".join(_value_text(p) for p in paras)
        return _dedupe([expand(n) for n in split_bodies(value)])

    # -- when ------------------------------------------------------------------
    def _schedule(self, span, text: str, cue: bool):
        """(due, recurrence, deadline ids): the deadlines found inside `span`, else our own reading."""
        found = [d for d in self.deadlines if span and span[0] <= d.span[0] and d.span[1] <= span[1]]
        if found:
            dated = sorted((d for d in found if d.due and not d.due.startswith("--")), key=lambda d: d.due)
            yearly = [d for d in found if d.due and d.due.startswith("--")]
            pick = (dated or yearly or found)[0]
            rec = pick.recurrence or next((d.recurrence for d in found if d.recurrence), None)
            return pick.due, rec, [d.id for d in found if d.id]
        if cue:
            phrases = [m.group() for m in SCHEDULE_CUE.finditer(text)]
            phrases += [m.group() for s in re.split(r"(?<=[.;])\s+", text) for m in SCHEDULE_CUE.finditer(s)
                        if m.start() == 0]
            if not phrases:
                return None, None, []
            text = " ".join(phrases)
        due, rec = parse_schedule(text, self.year_hint)
        return due, rec, []

    # -- toward which target -------------------------------------------------------
    def _targets(self, span, goal_span) -> list[str]:
        """Targets stated inside the task (or its `Mục tiêu` block), and those of the parts of
        this plan the task names (`các chỉ tiêu tại khoản 2 Mục II`)."""
        named = _named_parts(self.doc.raw[span[0]:span[1]])
        ids = []
        for t in self.targets:
            inside = span[0] <= t.span[0] < span[1] or (goal_span and goal_span[0] <= t.span[0] < goal_span[1])
            cited = any(t.section[:len(p)] == p for p in named)
            if (inside or cited) and t.id:
                ids.append(t.id)
        return ids


# ---------------------------------------------------------------------------
# helpers

def _is_generic(name: str) -> bool:
    return bool(_GENERIC.match(re.sub(r"^(?:các|những|từng)\s+", "", name.strip(), flags=re.I)))


def _only_names_between(raw: str, start: int, end: int, agencies: list[Agency]) -> bool:
    """Is `raw[start:end]` nothing but other bodies' names and list separators?"""
    gap = raw[start:end]
    for a in agencies:
        if start <= a.span[0] and a.span[1] <= end:
            gap = gap.replace(raw[a.span[0]:a.span[1]], " ")
    return not re.sub(r"[\s,;]|\bvà\b", "", gap)


def _strip_marker(text: str) -> str:
    return strip_marker(text).strip()


def _label_of(text: str) -> tuple[Optional[str], str]:
    t = _strip_marker(text).strip("*_ ")
    for name, rx in _LABELS.items():
        m = rx.match(t)
        if m:
            return name, t[m.end():].strip()
    return None, t


def _value_text(p: Paragraph) -> str:
    label, rest = _label_of(p.text)
    return rest if label else _strip_marker(p.text)


def _labelled_fields(paras: list[Paragraph]) -> dict[str, list[Paragraph]]:
    """Group an item's paragraphs under the label that opens them (the heading line itself
    is skipped)."""
    fields: dict[str, list[Paragraph]] = {}
    current = None
    for p in paras[1:]:
        label, rest = _label_of(p.text)
        if label:
            current = label
            fields.setdefault(label, [])
            if rest:
                fields[label].append(p)
            continue
        if current:
            fields[current].append(p)
    return fields


def _schedule_steps(paras: list[Paragraph]) -> list[tuple[str, Paragraph, str]]:
    """`- Xây dựng kế hoạch triển khai: Hoàn thành trong tháng 5 năm 2026.` lines of a
    schedule: (what, line, when)."""
    steps = []
    for p in paras:
        t = _value_text(p)
        m = re.match(r"^([^:]{3,160}):\s*(.+)$", t)
        if m and re.match(r"^[-+•]", p.text.strip()):
            steps.append((m.group(1).strip(), p, m.group(2).strip()))
    return steps if len(steps) >= 2 else []


def _is_duty(text: str) -> bool:
    t = _strip_marker(text)
    return len(t.split()) >= 4 and not _CONDITIONAL.search(t) and not _CLOSING.match(t)


_LEAD_IN = re.compile(r"^(?:Theo|Căn cứ|Trên cơ sở|Dựa (?:trên|vào))(?![\p{L}])")
_DUTY_AFTER_COMMA = re.compile(
    r",\s+(?=(?:chủ động|chủ trì|phối hợp|tham mưu|xây dựng|tổ chức|triển khai|rà soát|thực hiện|cân đối|"
    r"bố trí|tổng hợp|hướng dẫn|đề xuất|nghiên cứu|tăng cường|đẩy mạnh|kiểm tra)(?![\p{L}]))")


def _first_clause(text: str) -> str:
    """The duty a paragraph opens with, past a lead-in (`Theo chức năng, nhiệm vụ được giao, …`)."""
    if _LEAD_IN.match(text):
        m = _DUTY_AFTER_COMMA.search(text)
        if m and m.start() < 200:
            text = text[m.end():]
    m = re.search(r"(?<=\S{2})[;.](?:\s|$)", text)
    return text[:m.start()] if m else text


def _short(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip(" .:;,")
    text = text[:1].upper() + text[1:]
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in (";", ",", " "):
        i = cut.rfind(sep)
        if i >= limit * 0.5:
            return cut[:i].rstrip(" ,;") + "…"
    return cut + "…"


def _dedupe(names: list[str]) -> list[str]:
    out, seen = [], set()
    for n in names:
        n = expand(n)
        k = agency_key(n)
        if n and k not in seen:
            seen.add(k)
            out.append(n[:1].upper() + n[1:])
    return out


# `điểm b khoản 3 Mục II (này)`, `khoản 2 Mục II`, `Mục II của Kế hoạch này`: parts of this
# plan; a part of another document (`khoản 2 Điều 5 Nghị định …`) names no Mục of ours
_PART_REF = re.compile(
    r"(?:điểm\s+(?P<point>[a-zđ])\s*,?\s+)?(?:khoản\s+(?P<clause>\d{1,2})\s*,?\s+)?[Mm]ục\s+(?P<part>[IVX]{1,5})"
    r"(?![\p{L}])(?!\s+(?:của\s+)?(?:Nghị|Quyết|Thông|Luật|Chỉ thị|Kết luận|Chương trình|Đề án))")


def _named_parts(text: str) -> list[list[str]]:
    out = []
    for m in _PART_REF.finditer(text):
        path = [m.group("part")]
        if m.group("clause"):
            path.append(m.group("clause"))
            if m.group("point"):
                path.append(m.group("point"))
        out.append(path)
    return out


