"""A task's links to the other findings on the same words: reads the agencies, deadlines
and targets extractors' findings (and, where they say nothing, the task's own words); emits
who leads and who supports, when it is due (and how often), and the ids of the targets it
serves.

The structure (a heading's body, a labelled value) decides who is responsible; the
agencies extractor's names refine it where they sit on the same words and fill in bodies
where structure names none.
"""
from __future__ import annotations

from typing import Optional

import regex as re

from extractors.agencies.names import expand
from extractors.anchored import OpeningWords, RequiredWords
from extractors.grammar.years import plan_year
from extractors.models import Agency, Deadline, Target
from extractors.tasks.bodies import dedupe_names, leading_bodies, name_key, partners_after, split_bodies
from extractors.tasks.found import Spans, as_spans
from extractors.tasks.layout import Unit, raw_span, unmarked, value_text
from extractors.tasks.schedule import SCHEDULE_CUE, SCHEDULE_CUE_WORDS, parse_schedule, schedule_cues
from extractors.text import Paragraph, PlanText

# how far after `phối hợp với` / `chỉ đạo`, `giao` a list of bodies may run: a name found
# further on belongs to the task's own words, not to the list
_NAME_LIST_CHARS = 160

_GENERIC = re.compile(
    r"^(?:người đứng đầu|thủ trưởng|lãnh đạo|cấp ủy|các cấp|chính quyền|cơ quan|đơn vị|địa phương|"
    r"tập thể|cán bộ|cấp xã|cấp huyện|cấp tỉnh|tổ chức đảng)", re.I)

# `điểm b khoản 3 Mục II (này)`, `khoản 2 Mục II`, `Mục II của Kế hoạch này`: parts of this
# plan; a part of another document (`khoản 2 Điều 5 Nghị định …`) names no Mục of ours
_PART_REF = re.compile(
    r"(?:điểm\s+(?P<point>[a-zđ])\s*,?\s+)?(?:khoản\s+(?P<clause>\d{1,2})\s*,?\s+)?[Mm]ục\s+(?P<part>[IVX]{1,5})"
    r"(?![\p{L}])(?!\s+(?:của\s+)?(?:Nghị|Quyết|Thông|Luật|Chỉ thị|Kết luận|Chương trình|Đề án))")


# the body that `phối hợp` works with the lead, it does not lead
_COOPERATES = re.compile(r"(?:^|,\s*|chủ động\s+|tích cực\s+)phối hợp(?![\p{L}])", re.I)
_CHAIRS = re.compile(r"chủ trì", re.I)
_WITH_PARTNERS = re.compile(r"(?:phối hợp|cùng)\s+với\s+", re.I)
_WITH_PARTNERS_WORDS = OpeningWords("phối hợp", "cùng")  # (every match opens with one: tried there only)
_INSTRUCTS = re.compile(r"(?:chỉ đạo|giao(?: cho)?|yêu cầu)\s+", re.I)
_INSTRUCTS_WORDS = OpeningWords("chỉ đạo", "giao", "yêu cầu")
_SENTENCE_MARK = re.compile(r"[.;]")
_SENTENCE_BREAK = re.compile(r"(?<=[.;])\s+")
_LINE_BREAK_TAG = re.compile(r"\s*<br\s*/?>\s*")


# a step timed by a part of the year before the one it serves: done every year
_YEARLY_STEP = re.compile(r"(?:quý\s+[IV]{1,3}|tháng\s+\d{1,2})\s+(?:của\s+)?năm trước(?![\p{L}])", re.I)
_YEARLY_STEP_WORDS = RequiredWords("năm trước")


# work done in the body's own place or field (`… của địa phương`, `… tại địa phương`)
_OWN_WORK = re.compile(r"(?:của|tại|ở)\s+(?:địa phương|đơn vị|ngành|cơ quan)(?:\s+mình)?(?![\p{L}])", re.I)
_OWN_WORK_WORDS = RequiredWords("địa phương", "đơn vị", "ngành", "cơ quan")
# a lead-in before the duty (`Trên cơ sở dự toán kinh phí của các cơ quan, đơn vị,`)
_GROUNDS_FIRST = re.compile(r"^(?:Trên cơ sở|Theo|Căn cứ|Dựa (?:trên|vào))(?![\p{L}])[^.;]*,?\s*$", re.I)
# a partner that is only a catch-all (`các đơn vị liên quan`), never the lead of a named body's item
_CATCH_ALL = re.compile(r"^(?:các\s+)?(?:cơ quan|đơn vị|địa phương|sở, ngành|ngành)(?:,\s*\S+)*\s+(?:có\s+)?liên quan$", re.I)
# a local government, whose `địa phương` is itself
_LOCAL = re.compile(r"Ủy ban nhân dân|UBND|địa phương|(?:xã|phường|huyện|thị xã|thành phố)(?![\p{L}])", re.I)


def _own_work(text: str, owners: list[str]) -> bool:
    m = None if _OWN_WORK_WORDS.absent(text) else _OWN_WORK.search(text)
    if not m:
        return False
    if "mình" in m.group() or "địa phương" not in m.group().lower():
        return True  # `… của đơn vị mình`, `… tại cơ quan`
    return any(_LOCAL.search(o) for o in owners)
# an item whose first duty is to direct or hand on work to others
_DIRECTS_FIRST = re.compile(r"(?:chỉ đạo|giao(?: cho)?|yêu cầu|đề nghị)(?![\p{L}])", re.I)


# words that make a date one the task must keep, not a period or a stage
_TOLD_DATE = re.compile(r"trước|chậm nhất|hạn|hoàn thành|xong|trong", re.I)


class Links:
    def __init__(self, doc: PlanText, targets: list[Target], deadlines: list[Deadline], agencies: list[Agency]):
        self.doc = doc
        # (indexed by where they start: a task asks for those on its own words many times)
        self.targets, self.deadlines, self.agencies = as_spans(targets), as_spans(deadlines), as_spans(agencies)
        self.year_hint = plan_year(doc.clean)

    # -- who -------------------------------------------------------------------
    def roles(self, unit: Unit, text: str, span) -> tuple[list[str], list[str]]:
        t = unmarked(text)
        named, rest = leading_bodies(t)
        owners = [expand(n) for n in unit.owners]
        if named and not (not owners and all(_is_generic(n) for n in named)):
            # `Ban Tuyên giáo Huyện ủy: …` / `Các sở … định kỳ gửi báo cáo …` (a generic
            # `Các cấp ủy, chính quyền …` opening an item of NHIỆM VỤ names no body)
            owners, t = [expand(n) for n in named], rest
        first_coop = _COOPERATES.search(t)
        chairs = _CHAIRS.search(t)
        opens_with_coop = bool(first_coop) and (not chairs or first_coop.start() < chairs.start()) \
            and not _SENTENCE_MARK.search(t[:first_coop.start()])
        partners = [expand(n) for n in partners_after(t)] or self._found_partners(span)
        first = opens_with_coop and (first_coop.start() == 0 or _GROUNDS_FIRST.match(t[:first_coop.start()]))
        if owners and opens_with_coop and partners and (_own_work(t, owners) or all(_CATCH_ALL.search(n) for n in partners)):
            # `chủ động phối hợp với Ban Dân tộc tỉnh … xây dựng chương trình hành động … của địa
            # phương` under UBND các huyện: the body's own work, the partners help; so too where
            # the partners are only `các đơn vị liên quan`
            lead, support = owners, partners
        elif not owners or (opens_with_coop and (partners or first)):
            # `(A) phối hợp với B <task>`: B leads, A helps; `Phối hợp <task>` with no partner
            # named (after a lead-in such as `Trên cơ sở …,`): A only helps
            lead, support = partners, owners
        else:
            lead, support = owners, partners
        if not lead and not support:
            lead, support = self._found_roles(span)
        if not owners or _DIRECTS_FIRST.match(t.lstrip(" :")):
            # `Chỉ đạo các phòng ban chuyên môn, UBND các xã triển khai …`: those told lead; an
            # item that opens with the body's own duty keeps it the lead of what it later directs
            lead += self._told_to_act(span)
        lead = dedupe_names(lead)
        leads = {name_key(x) for x in lead}
        return lead, [s for s in dedupe_names(support) if name_key(s) not in leads]

    def _found_partners(self, span) -> list[str]:
        """Bodies the agencies extractor found right after `phối hợp với` (a partner list too
        long or too unusual for our own split)."""
        raw = self.doc.raw
        words = raw[span[0]:span[1]]
        m = _WITH_PARTNERS_WORDS.search(_WITH_PARTNERS, words)
        if not m:
            return []
        at = span[0] + m.end()
        return [a.name for a in self.agencies.starting(at, at + _NAME_LIST_CHARS) if a.span[1] <= span[1]
                and _only_names_between(raw, at, a.span[0], self.agencies)]

    def _told_to_act(self, span) -> list[str]:
        """Bodies told to carry out the task (`Chỉ đạo các phòng ban chuyên môn, UBND các xã
        triển khai …`, `giao Phòng Dân tộc …`): leads with the body that instructs them."""
        raw = self.doc.raw
        out = []
        words = raw[span[0]:span[1]]
        for m in _INSTRUCTS_WORDS.finditer(_INSTRUCTS, words):
            at = span[0] + m.end()
            out += [a.name for a in self.agencies.starting(at, at + _NAME_LIST_CHARS) if a.span[1] <= span[1]
                    and a.role == "lead" and not _is_generic(a.name)
                    and _only_names_between(raw, at, a.span[0], self.agencies)]
        return out

    def _found_roles(self, span) -> tuple[list[str], list[str]]:
        found = [a for a in self.agencies.inside(span) if a.role]
        specific = [a for a in found if not _is_generic(a.name)]
        lead = [a.name for a in specific if a.role == "lead"]
        support = [a.name for a in specific if a.role == "support"]
        return lead, support

    def names(self, paras: list[Paragraph]) -> list[str]:
        """Bodies written in a labelled value (`Cơ quan thực hiện: Sở Nội vụ; Thanh tra tỉnh`):
        the agencies extractor's names where it read those words, else our own split."""
        if not paras:
            return []
        span = raw_span(self.doc, paras)
        found = self.agencies.inside(span)
        if found:
            return dedupe_names([a.name for a in sorted(found, key=lambda a: a.span)])
        value = " ".join(value_text(p) for p in paras)
        return dedupe_names([expand(n) for n in split_bodies(value)])

    def cell_names(self, cell: str, row_span) -> list[str]:
        """Bodies in a task table's cell: the agencies extractor's names inside it, else our
        own split (a `<br>` separates bodies like `;`)."""
        if not cell:
            return []
        at = self.doc.raw.find(cell, row_span[0], row_span[1])
        if at >= 0:
            found = [a.name for a in self.agencies.inside((at, at + len(cell)))]
            if found:
                return dedupe_names(found)
        return dedupe_names([expand(n) for n in split_bodies(_LINE_BREAK_TAG.sub("; ", cell))])

    # -- when ------------------------------------------------------------------
    def schedule(self, span, text: str, cue: bool):
        """(due, recurrence, deadline ids): the deadlines found inside `span`, else our own
        reading; a step set in a part of the year before (`vào Quý IV của năm trước`) recurs
        yearly."""
        due, rec, ids = self._schedule(span, text, cue)
        if rec is None and not _YEARLY_STEP_WORDS.absent(text) and _YEARLY_STEP.search(text):
            rec = "yearly"
        return due, rec, ids

    def _schedule(self, span, text: str, cue: bool):
        found = self.deadlines.inside(span) if span else []  # (in list order)
        if found:
            dated = sorted((d for d in found if d.due and not d.due.startswith("--")), key=lambda d: d.due)
            yearly = [d for d in found if d.due and d.due.startswith("--")]
            # a date the task is told to keep (`chậm nhất trước ngày 20 tháng 12 năm 2023`) wins,
            # the earliest first; where only periods or stages are given (`sơ kết giữa kỳ vào
            # năm 2008 và tổng kết vào năm 2010`), the task runs to the last of them
            told = [d for d in dated if _TOLD_DATE.search(self.doc.raw[d.span[0]:d.span[1]])]
            pick = (told or dated[-1:] or yearly or found)[0]
            rec = pick.recurrence or next((d.recurrence for d in found if d.recurrence), None)
            return pick.due, rec, [d.id for d in found if d.id]
        if cue:
            if SCHEDULE_CUE_WORDS.absent(text):
                return None, None, []
            phrases = [m.group() for m in schedule_cues(text)]
            # (a cue that opens a sentence: matched at its start, not searched through it)
            phrases += [m.group() for s in _SENTENCE_BREAK.split(text) if (m := SCHEDULE_CUE.match(s))]
            if not phrases:
                return None, None, []
            text = " ".join(phrases)
        due, rec = parse_schedule(text, self.year_hint)
        return due, rec, []

    # -- toward which target -----------------------------------------------------
    def target_ids(self, span, goal_span: Optional[tuple[int, int]]) -> list[str]:
        """Targets stated inside the task (or its `Mục tiêu` block), and those of the parts of
        this plan the task names (`các chỉ tiêu tại khoản 2 Mục II`)."""
        named = _named_parts(self.doc.raw[span[0]:span[1]])
        if not named:  # only those inside: found by where they start, in list order
            near = set(self.targets.indices(span[0], span[1]))
            if goal_span:
                near.update(self.targets.indices(goal_span[0], goal_span[1]))
            return [self.targets[k].id for k in sorted(near) if self.targets[k].id]
        ids = []
        for t in self.targets:
            inside = span[0] <= t.span[0] < span[1] or (goal_span and goal_span[0] <= t.span[0] < goal_span[1])
            cited = any(t.section[:len(p)] == p for p in named)
            if (inside or cited) and t.id:
                ids.append(t.id)
        return ids


_PLURAL_OPENING = re.compile(r"^(?:các|những|từng)\s+", re.I)


def _is_generic(name: str) -> bool:
    return bool(_GENERIC.match(_PLURAL_OPENING.sub("", name.strip())))


_NAME_LIST_GLUE = re.compile(r"[\s,;]|\bvà\b")


def _only_names_between(raw: str, start: int, end: int, agencies: Spans) -> bool:
    """Is `raw[start:end]` nothing but other bodies' names and list separators?"""
    gap = raw[start:end]
    for a in agencies.inside((start, end)):
        gap = gap.replace(raw[a.span[0]:a.span[1]], " ")
    return not _NAME_LIST_GLUE.sub("", gap)


_PART_REF_WORDS = RequiredWords("mục")  # (every match holds `[Mm]ục`)


def _named_parts(text: str) -> list[list[str]]:
    out = []
    if _PART_REF_WORDS.absent(text):
        return out
    for m in _PART_REF.finditer(text):
        path = [m.group("part")]
        if m.group("clause"):
            path.append(m.group("clause"))
            if m.group("point"):
                path.append(m.group("point"))
        out.append(path)
    return out
