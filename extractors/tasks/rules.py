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

Reads a plan's outline and text with the other extractors' findings; emits one `Task` per
unit (or per line of a listed schedule) and one per row of a task table. Where the tasks
are: `layout.py`; who, when and toward which target: `links.py`; titles: `titles.py`.
"""
from __future__ import annotations

import regex as re

from extractors.anchored import RequiredWords
from extractors.grammar.markers import BULLETS
from extractors.models import Agency, Deadline, Section, Target, Task
from extractors.tasks.bodies import dedupe_names, duty_after_partners, leading_bodies, name_key
from extractors.tasks.found import Spans
from extractors.tasks.layout import Layout, Unit, label_of, unmarked, value_text
from extractors.tasks.links import Links
from extractors.tasks.prose import prose_tasks
from extractors.tasks.schedule import parse_schedule
from extractors.tasks.tables import table_rows
from extractors.tasks.titles import STEP_ITEM_TITLE_CHARS, STEP_TITLE_CHARS, first_clause, short
from extractors.text import Paragraph, PlanText

_OTHER_STEPS = re.compile(r"^(?:các\s+)?(?:nội dung|nhiệm vụ|công việc)\s+(?:khác|còn lại)", re.I)
# the label of a schedule step (`- Xây dựng kế hoạch triển khai: …`) runs up to this many
# characters; a longer text before a colon is a sentence, not a label
_STEP_LABEL_CHARS = 160
_STEP = re.compile(rf"^([^:]{{3,{_STEP_LABEL_CHARS}}}):\s*(.+)$")


def extract_tasks(doc: PlanText, sections: list[Section], targets: list[Target],
                  deadlines: list[Deadline], agencies: list[Agency]) -> list[Task]:
    agencies = Spans(agencies)  # read by where they start (the same items, in the same order)
    layout = Layout(doc, sections, agencies, table_rows(doc.raw))
    links = Links(doc, targets, deadlines, agencies)
    tasks: list[Task] = []
    covered = []  # work sections that gave tasks: their prose is read there, not again
    for work in layout.work_sections():
        before = len(tasks)
        for unit in layout.work_units(work):
            tasks.extend(_build(unit, layout, links))
        if len(tasks) > before:
            start, end = layout.clean_range(work)
            covered.append(doc.raw_span(start, end))
    tasks.extend(_table_tasks(layout, links))
    tasks.extend(prose_tasks(layout, links, [t.span for t in tasks] + covered))
    tasks.sort(key=lambda t: t.span[0])
    return tasks


def _table_tasks(layout: Layout, links: Links) -> list[Task]:
    """One task per row of a task table: content, lead, supporters, time as its columns say."""
    out = []
    for row in layout.table:
        span = row.span
        lead = links.cell_names(row.lead, span)
        leads = {name_key(x) for x in lead}
        support = [n for n in links.cell_names(row.support, span) if name_key(n) not in leads]
        due, rec, dl_ids = links.schedule(span, row.time, cue=False) if row.time else (None, None, [])
        start = layout.doc.clean_pos(span[0])
        inside = layout.path_at(start) if start < layout.limit else []
        out.append(Task(title=short(row.content), text=row.content,
                        section=(inside + [row.number] if inside else row.path) if row.number else inside or row.path,
                        lead=lead, support=support, due=due, recurrence=rec, deadline_ids=dl_ids,
                        target_ids=links.target_ids(span, None), span=span))
    return out


# -- one task per unit (or per line of a listed schedule) -----------------------
def _build(unit: Unit, layout: Layout, links: Links) -> list[Task]:
    if not unit.paras:
        return []
    fields = _labelled_fields(unit.paras) if unit.item else {}
    if unit.item is not None and (fields.get("lead") or fields.get("time") or fields.get("support")):
        return _build_labelled(unit, fields, layout, links)
    return _periodic_apart(_build_plain(unit, layout, links), unit, layout, links)


# a sentence or `;` clause inside an item that opens with its own period: a duty of its own
_PERIODIC = re.compile(r"(?<=[.;:])\s+(?=định kỳ\s+(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)(?![\p{L}]))",
                       re.I)
_PERIODIC_WORDS = RequiredWords("định kỳ")  # (every match holds it: searched only then)


def _periodic_apart(task: Task, unit: Unit, layout: Layout, links: Links) -> list[Task]:
    """`… tham mưu giúp Huyện ủy tổ chức triển khai … Định kỳ hằng năm tổng hợp tình hình
    báo cáo Thường trực Huyện ủy.`: the item's work, then the periodic duty that runs to the
    item's end, each with its own time; the same body leads both."""
    raw = layout.doc.raw
    if _PERIODIC_WORDS.absent(raw[task.span[0]:task.span[1]]):
        return [task]
    m = _PERIODIC.search(raw, task.span[0], task.span[1])
    if not m:
        return [task]
    first = (task.span[0], m.start())
    second = (m.end(), task.span[1])
    first_text = " ".join(raw[first[0]:first[1]].split())
    second_text = " ".join(raw[second[0]:second[1]].split())
    due, rec, dl_ids = links.schedule(first, first_text, cue=True)
    head = task.model_copy(update={"span": first, "due": due, "recurrence": rec, "deadline_ids": dl_ids,
                                   "target_ids": links.target_ids(first, None)})
    # the body whose item it is (not the partners or bodies it directs), unless the clause
    # names its own
    named = leading_bodies(unmarked(unit.paras[0].text))[0]
    lead, support = dedupe_names(named or list(unit.owners) or list(task.lead)), []
    if leading_bodies(second_text)[0]:
        lead, support = links.roles(Unit([], owners=unit.owners), second_text, second)
    due, rec, dl_ids = links.schedule(second, second_text, cue=True)
    tail = Task(title=short(first_clause(second_text)), text=second_text, section=task.section,
                lead=lead or list(task.lead), support=support, due=due, recurrence=rec,
                deadline_ids=dl_ids, target_ids=links.target_ids(second, None), span=second)
    return [head, tail]


def _build_labelled(unit: Unit, fields: dict, layout: Layout, links: Links) -> list[Task]:
    span = layout.span(unit.paras)
    lead = links.names(fields.get("lead", [])) or list(unit.owners)
    support = links.names(fields.get("support", []))
    content = [p for p in fields.get("content", [])]
    text = " ".join(unmarked(p.text) for p in content) or " ".join(p.text for p in unit.paras[1:3])
    section = list(unit.item.path)
    goal_span = layout.span(fields["goal"]) if fields.get("goal") else None
    target_ids = links.target_ids(span, goal_span)
    title = short(unit.title)
    steps = _schedule_steps(fields.get("time", []))
    if len(content) >= 2 and fields.get("lead"):
        return _per_paragraph(unit, content, steps, lead, support, section, target_ids, fields, layout, links)
    if len(steps) <= 1:
        sched_paras = fields.get("time", [])
        due, rec, dl_ids = links.schedule(layout.span(sched_paras) if sched_paras else None,
                                          " ".join(value_text(p) for p in sched_paras), cue=False)
        return [Task(title=title, text=text, section=section, lead=lead, support=support, due=due,
                     recurrence=rec, deadline_ids=dl_ids, target_ids=target_ids, span=span)]
    out = []
    for label, para, value in steps:
        due, rec, dl_ids = links.schedule(layout.span([para]), value, cue=False)
        step = (short(label, STEP_TITLE_CHARS) if not _OTHER_STEPS.match(label)
                else f"{short(unit.title, STEP_ITEM_TITLE_CHARS)} ({label.lower()})")
        out.append(Task(title=step, text=text, section=section, lead=lead,
                        support=support, due=due, recurrence=rec, deadline_ids=dl_ids,
                        target_ids=target_ids, span=span))
    return out


def _per_paragraph(unit, content, steps, lead, support, section, target_ids, fields, layout, links) -> list[Task]:
    """A NHIỆM VỤ block whose `Nội dung thực hiện` lists several duties: one task per
    paragraph, all led by the block's `Cơ quan thực hiện`; a staged schedule gives each stage
    to the paragraphs that open with its work (`Xây dựng kế hoạch triển khai: tháng 5/2026` to
    `Xây dựng kế hoạch rà soát …`), the rest (`Các nội dung khác`) to the others."""
    sched_paras = fields.get("time", [])
    value = " ".join(value_text(p) for p in sched_paras)
    whole = links.schedule(layout.span(sched_paras) if sched_paras else None, value, cue=False)
    timed = [(label, links.schedule(layout.span([para]), value, cue=False)) for label, para, value in steps]
    other = next((when for label, when in timed if _OTHER_STEPS.match(label)), None)
    if not steps and ";" in value:
        # `Thực hiện thường xuyên; sơ kết, tổng kết theo yêu cầu của cấp có thẩm quyền.`: a later
        # part names its own work; the first part times the rest
        first, *later = [part.strip(" .") for part in value.split(";") if part.strip(" .")]
        if later:
            timed = [(part, (*parse_schedule(part, links.year_hint), [])) for part in later]
            other = (*parse_schedule(first, links.year_hint), [])
    out = []
    for p in content:
        text = unmarked(p.text)
        when = whole
        if timed:
            named = _stage_of(text, [(label, w) for label, w in timed if not _OTHER_STEPS.match(label)])
            when = named or other or whole
        due, rec, dl_ids = when
        out.append(Task(title=short(first_clause(text)), text=text, section=section, lead=list(lead),
                        support=list(support), due=due, recurrence=rec, deadline_ids=dl_ids,
                        target_ids=target_ids, span=layout.span([p])))
    return out


# a paragraph's opening words, where the work a schedule stage names is looked for
_STAGE_WINDOW_WORDS = 10


_SYLLABLE = re.compile(r"\p{L}+")


def _syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(text.lower())


def _stage_of(text: str, stages):
    """The stage whose work the paragraph opens with: the stage's first two words (its verb)
    and at least one more of its word pairs among the paragraph's first words; the earliest."""
    head = _syllables(text)[:_STAGE_WINDOW_WORDS]
    pairs = {(a, b): i for i, (a, b) in reversed(list(enumerate(zip(head, head[1:]))))}
    best = None
    for label, when in stages:
        words = _syllables(label)
        wanted = list(zip(words, words[1:]))
        if not wanted or wanted[0] not in pairs:
            continue
        if sum(1 for w in set(wanted) if w in pairs) < 2:
            continue
        at = pairs[wanted[0]]
        if best is None or at < best[0]:
            best = (at, when)
    return best[1] if best else None


def _build_plain(unit: Unit, layout: Layout, links: Links) -> Task:
    paras = unit.paras
    span = layout.span(paras)
    text = " ".join(unmarked(p.text) for p in paras)
    body_text = " ".join(unmarked(p.text) for p in (paras[1:] if unit.title and len(paras) > 1 else paras))
    lead, support = links.roles(unit, body_text or text, span)
    due, rec, dl_ids = links.schedule(span, text, cue=True)
    section = unit.path or layout.path_at(paras[0].start)
    first = unmarked(paras[0].text)
    named, rest = leading_bodies(first)
    if named and rest:
        first = rest  # `Ban Tuyên giáo Huyện ủy: Chỉ đạo …` is titled by its duty
    first = duty_after_partners(first)
    title = short(unit.title) if unit.title else short(first_clause(first))
    return Task(title=title, text=text, section=section, lead=lead, support=support, due=due, recurrence=rec,
                deadline_ids=dl_ids, target_ids=links.target_ids(span, None), span=span)


# -- an item's labelled blocks ----------------------------------------------------
def _labelled_fields(paras: list[Paragraph]) -> dict[str, list[Paragraph]]:
    """Group an item's paragraphs under the label that opens them (the heading line itself
    is skipped)."""
    fields: dict[str, list[Paragraph]] = {}
    current = None
    for p in paras[1:]:
        label, rest = label_of(p.text)
        if label:
            current = label
            fields.setdefault(label, [])
            if rest:
                fields[label].append(p)
            continue
        if current:
            fields[current].append(p)
    return fields


_BULLET_OPENING = re.compile(rf"^[{BULLETS}]")


def _schedule_steps(paras: list[Paragraph]) -> list[tuple[str, Paragraph, str]]:
    """`- Xây dựng kế hoạch triển khai: Hoàn thành trong tháng 5 năm 2026.` lines of a
    schedule: (what, line, when)."""
    steps = []
    for p in paras:
        t = value_text(p)
        m = _STEP.match(t)
        if m and _BULLET_OPENING.match(p.text.strip()):
            steps.append((m.group(1).strip(), p, m.group(2).strip()))
    return steps if len(steps) >= 2 else []
