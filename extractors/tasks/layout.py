"""Where a plan's tasks are: reads the outline (`Section`s) and the body paragraphs outside
task tables, up to the closing formula (`Nơi nhận`, `TM. ỦY BAN NHÂN DÂN`, …); emits the
work sections (NHIỆM VỤ, GIẢI PHÁP, NỘI DUNG, TỔ CHỨC THỰC HIỆN, …) and, inside each, the
`Unit`s: the paragraphs that make one task, with the bodies the headings above them name.

Block bounds are computed here in clean coordinates, in reading order, so footnotes moved
to the end of the text cannot shift them.
"""
from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field
from typing import Optional

import regex as re

from extractors.anchored import RequiredWords
from extractors.grammar.markers import strip_marker
from extractors.models import Agency, Section
from extractors.tasks.bodies import BODY_START, dedupe_names, leading_bodies, split_bodies, without_lead_words
from extractors.tasks.found import as_spans
from extractors.tasks.tables import TableRow
from extractors.tasks.titles import short
from extractors.text import Paragraph, PlanText, fold

_WORK_TITLE = re.compile(
    r"^(?:các\s+)?(?:nhiệm vụ|giải pháp|nội dung|tổ chức thực hiện|trách nhiệm|phân công|giao nhiệm vụ)", re.I)
_ORG_TITLE = re.compile(r"tổ chức thực hiện|trách nhiệm|phân công|giao nhiệm vụ", re.I)
# the signature titles are capitals (`KT. CHỦ TỊCH`): a sentence opening with `Chủ tịch UBND
# tỉnh yêu cầu …` is a duty, not the signature
_CLOSING = re.compile(
    r"^(?:(?i:Nơi nhận|Trên đây là|Lưu:|\(Có Phụ lục|\(Kèm theo)|"
    r"TM\.|T/M|KT\.|Q\.\s*CHỦ TỊCH|CHỦ TỊCH|PHÓ CHỦ TỊCH|BÍ THƯ)")
# a line that only asks bodies to report problems, or the closing formula that asks them
# all to carry the plan out: not a duty of its own
_CONDITIONAL = re.compile(r"nếu có\s+(?:phát sinh\s+)?(?:khó khăn|vướng mắc)"
                          r"|^\S+(?:\s+\S+){0,6}\s+(?:yêu cầu|đề nghị)\s+(?:các|lãnh đạo)[^.]{0,160}"
                          r"thực hiện[^.]{0,60}\./\.\s*$", re.I)
# (every match holds one of these: a paragraph without either is not searched, a hundred
# microseconds saved on a long one)
_CONDITIONAL_WORDS = RequiredWords("nếu có", "./.")

_LABELS = {
    "goal": re.compile(r"^(?:mục tiêu)\s*(?::|$)", re.I),
    "content": re.compile(r"^(?:nội dung(?: thực hiện| công việc)?|nhiệm vụ cụ thể)\s*(?::|$)", re.I),
    "lead": re.compile(r"^(?:cơ quan|đơn vị)\s+(?:thực hiện|chủ trì|đầu mối)(?:\s+chính)?\s*(?::|$)"
                       r"|^(?:chủ trì|cơ quan chịu trách nhiệm)\s*:", re.I),
    "support": re.compile(r"^(?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?\s*(?::|$)|^phối hợp\s*:", re.I),
    "time": re.compile(r"^(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ"
                       r"(?: thực hiện)?)\s*(?::|$)", re.I),
}

# the words a label opens with (every `_LABELS` pattern is anchored at the start, the longest
# word 15 letters): a line whose opening holds none is not tried against the five patterns
_LABEL_WORDS = RequiredWords("mục tiêu", "nội dung", "nhiệm vụ cụ thể", "cơ quan", "đơn vị", "chủ trì",
                             "phối hợp", "thời gian", "thời hạn", "tiến độ")
_LABEL_OPENING_CHARS = 24

# work sections are parts (`II. NHIỆM VỤ`) or their items (`1. Nhiệm vụ cụ thể`), no deeper
_WORK_DEPTH = 2
# outside TỔ CHỨC THỰC HIỆN, a heading longer than this many words is a duty that opens
# with a body's name, not a heading naming the body
_HEADING_NAME_WORDS = 8
# fewer words than this make no duty (a stray sub-heading such as `Các sở, ngành:`)
_MIN_DUTY_WORDS = 4


@dataclass
class Unit:
    """Paragraphs that make one task, and what the structure above says about it."""
    paras: list[Paragraph]
    title: str = ""
    owners: list[str] = field(default_factory=list)     # body named by the heading above
    item: Optional[Section] = None                      # the numbered item it belongs to
    path: list[str] = field(default_factory=list)       # its section, when it is one


def unmarked(text: str) -> str:
    """A paragraph's words without its item marker (`1.`, `a)`, `-`)."""
    return strip_marker(text).strip()


def label_of(text: str) -> tuple[Optional[str], str]:
    """(label, value) of a labelled line (`Cơ quan thực hiện: Sở Nội vụ` -> `lead`, `Sở Nội
    vụ`); (None, text) for any other line."""
    t = unmarked(text).strip("*_ ")
    if _LABEL_WORDS.absent(t[:_LABEL_OPENING_CHARS]):
        return None, t
    for name, rx in _LABELS.items():
        m = rx.match(t)
        if m:
            return name, t[m.end():].strip()
    return None, t


def value_text(p: Paragraph) -> str:
    label, rest = label_of(p.text)
    return rest if label else unmarked(p.text)


def raw_span(doc: PlanText, paras: list[Paragraph]) -> tuple[int, int]:
    """Where a run of paragraphs sits in the raw text."""
    first = doc.raw_span(paras[0].start, paras[0].end)
    if len(paras) == 1:  # (most runs are one paragraph: its span is read once)
        return first
    return first[0], doc.raw_span(paras[-1].start, paras[-1].end)[1]


def _is_duty(text: str) -> bool:
    t = unmarked(text)
    return len(t.split()) >= _MIN_DUTY_WORDS and (_CONDITIONAL_WORDS.absent(t) or not _CONDITIONAL.search(t)) and not _CLOSING.match(t)


class Layout:
    def __init__(self, doc: PlanText, sections: list[Section], agencies: list[Agency], table: list[TableRow]):
        self.doc, self.sections, self.agencies = doc, sections, as_spans(agencies)
        self.table = table
        rows = sorted(r.span for r in table)
        self._row_starts = [a for a, _ in rows]
        self._row_reach = []
        for _, b in rows:
            self._row_reach.append(max(b, self._row_reach[-1]) if self._row_reach else b)
        # a table's cells are read row by row (`rules._table_tasks`), never as paragraphs
        self.body_paras = [p for p in doc.paragraphs if not p.footnote and not self._in_table(doc.raw_pos(p.start))]
        # their starts (in order, as the text's paragraphs), so a block's are found by bisect
        self._para_starts = [p.start for p in self.body_paras]
        self._ranges: dict = {}
        # every lookup below is an index built once, so a plan's tasks cost linear time
        self._starts = [doc.clean_pos(s.span[0]) for s in sections]  # clean start of each heading
        self._at_start: dict[int, list[Section]] = {}
        for s, start in zip(sections, self._starts):
            self._at_start.setdefault(start, []).append(s)
        self._kids: dict[tuple, list[tuple[Section, int]]] = {}
        for s, start in zip(sections, self._starts):
            if s.path:
                self._kids.setdefault(tuple(s.path[:-1]), []).append((s, start))
        # per depth: the raw starts of the headings of that depth or higher, in list order, with
        # their running maximum (the first later heading is where that maximum passes a start)
        self._level_heads: dict[int, tuple[list[int], list[int]]] = {}
        for depth in {len(s.path) for s in sections}:
            idx = [k for k, s in enumerate(sections) if len(s.path) <= depth]
            running, top = [], -1
            for k in idx:
                top = max(top, sections[k].span[0])
                running.append(top)
            self._level_heads[depth] = (idx, running)
        self.limit = self._closing_limit()
        self._path_index: Optional[tuple[list[int], list[list[str]]]] = None

    def _in_table(self, raw_index: int) -> bool:
        # rows starting at or before the index hold it when the furthest of their ends is past it
        k = bisect.bisect_right(self._row_starts, raw_index)
        return k > 0 and self._row_reach[k - 1] > raw_index

    def span(self, paras: list[Paragraph]) -> tuple[int, int]:
        return raw_span(self.doc, paras)

    # -- blocks ----------------------------------------------------------------
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
            if len(s.path) > _WORK_DEPTH or not _WORK_TITLE.match(s.title):
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
        # the first heading in list order past this one at its level or higher
        idx, running = self._level_heads[len(s.path)]
        k = bisect.bisect_right(running, s.span[0])
        if k < len(idx):
            end = min(end, self._starts[idx[k]])
        return start, end

    def path_at(self, clean_index: int) -> list[str]:
        """The path of the deepest block holding `clean_index` (of equal ones, the last listed)."""
        if self._path_index is None:
            self._path_index = self._build_path_index()
        bounds, paths = self._path_index
        k = bisect.bisect_right(bounds, clean_index) - 1
        return list(paths[k]) if k >= 0 else []

    def _build_path_index(self) -> tuple[list[int], list[list[str]]]:
        """One sweep over the block boundaries: between two of them the answer of `path_at`
        does not change."""
        ranges = [(self.clean_range(s), (len(s.path), k)) for k, s in enumerate(self.sections)]
        bounds = sorted({x for (a, b), _ in ranges if a < b for x in (a, b)})
        opening: dict[int, list] = {}
        for (a, b), key in ranges:
            if a < b:
                opening.setdefault(a, []).append((key, b))
        heap: list = []  # (-depth, -index, end): the deepest, then the last listed, on top
        paths: list[list[str]] = []
        for x in bounds:
            for (depth, k), b in opening.get(x, ()):
                heapq.heappush(heap, (-depth, -k, b))
            while heap and heap[0][2] <= x:
                heapq.heappop(heap)  # lazily: only the top must still be open
            paths.append(list(self.sections[-heap[0][1]].path) if heap else [])
        return bounds, paths

    def paras_in(self, start: int, end: int) -> list[Paragraph]:
        return self.body_paras[bisect.bisect_left(self._para_starts, start):
                               bisect.bisect_left(self._para_starts, end)] if start < end else []

    def children(self, s: Section) -> list[Section]:
        start, end = self.clean_range(s)
        return [c for c, pos in self._kids.get(tuple(s.path), ()) if start < pos < end]

    def sections_at(self, clean_index: int) -> list[Section]:
        """The headings whose clean start is `clean_index`."""
        return self._at_start.get(clean_index, [])

    # -- units -----------------------------------------------------------------
    def work_units(self, work: Section) -> list[Unit]:
        """The units of a work section; under TỔ CHỨC THỰC HIỆN (and the like) a heading that
        names a body makes every duty below it that body's."""
        org = bool(_ORG_TITLE.search(work.title))
        return self.units(work, owners=[], org=org, top=True)

    def units(self, s: Section, owners: list[str], org: bool, top: bool = False) -> list[Unit]:
        kids = self.children(s)
        start, end = self.clean_range(s)
        heading, body = self._heading_and_body(s, start, end, kids)
        if not top and (kids and any(label_of(k.title)[0] for k in kids)
                        or not kids and any(label_of(p.text)[0] in ("lead", "time") for p in body)):
            return [Unit(self.paras_in(start, end), title=s.title, owners=owners, item=s,
                         path=list(s.path))]
        named, rest = ([], s.title) if top else self._heading_bodies(s, org, bool(kids or body))
        if named:
            owners = named
            if not kids and not body:  # `6. Đề nghị UB MTTQ … thực hiện giám sát …`
                return [Unit([heading], title=short(rest), owners=owners,
                             path=list(s.path))] if rest else []
        out: list[Unit] = []
        if kids:
            if org and (top or named):
                out.extend(Unit([p], owners=owners) for p in body if _is_duty(p.text))
            for k in kids:
                out.extend(self.units(k, owners, org))
            return out
        if top or named or (org and not owners):
            return [Unit([p], owners=owners) for p in body if _is_duty(p.text)]
        # a leaf item: one duty (of the body heading above it, if any)
        return [Unit([heading] + body, title=s.title, owners=owners, path=list(s.path))]

    def _heading_bodies(self, s: Section, org: bool, has_content: bool) -> tuple[list[str], str]:
        """Bodies a heading names: the whole title when items follow it (`2. Các cơ quan tham
        mưu giúp việc Huyện ủy`), the subject when the heading is itself the duty."""
        title = s.title
        if not BODY_START.match(fold(without_lead_words(title))) or (not org and len(title.split()) > _HEADING_NAME_WORDS):
            return [], title
        found = [a.name for a in self.agencies.inside(s.span)]
        if has_content:
            return (dedupe_names(found) if found else split_bodies(title)), ""
        named, rest = leading_bodies(title)
        return (dedupe_names(found) if found and named else named), rest

    def _heading_and_body(self, s: Section, start: int, end: int, kids: list[Section]):
        paras = self.paras_in(start, end)
        heading = paras[0] if paras else None
        first_kid = self.doc.clean_pos(kids[0].span[0]) if kids else end
        body = [p for p in paras[1:] if p.start < first_kid]
        return heading, body
