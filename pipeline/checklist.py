"""Per-agency checklists from a plan catalogue: for each body, what it must do (as lead or
supporter), by when, toward which target, and where the plan says so.

One body is one checklist whatever its spelling (`agency_key`); rows within a checklist
are ordered by deadline: dated first, then recurring, then continuous, then undated.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

import regex as re
from rapidfuzz import fuzz

from extractors.agencies.names import agency_key, expand
from extractors.models import Catalogue, Task

from pipeline import labels as L

ROLE_LABEL = {"lead": "chủ trì", "support": "phối hợp"}
RECURRENCE_LABEL = {
    "yearly": "hằng năm", "half-yearly": "6 tháng một lần", "quarterly": "hằng quý",
    "monthly": "hằng tháng", "weekly": "hằng tuần", "daily": "hằng ngày", "continuous": "thường xuyên",
}
_ORDER_RECURRING, _ORDER_CONTINUOUS, _ORDER_UNDATED = 1, 2, 3


@dataclass
class ChecklistRow:
    agency: str
    role: str                      # "lead" | "support"
    task: Task
    section_label: str
    due_date: Optional[dt.date]    # a calendar date (yearly dates placed in the plan's year)
    yearly_date: Optional[str]     # "--MM-DD" for a date that repeats every year
    partners: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)   # the targets it serves, as an officer reads them

    @property
    def role_label(self) -> str:
        return ROLE_LABEL[self.role]

    @property
    def when_label(self) -> str:
        """The deadline as an officer reads it."""
        return self.when(L.DEFAULT_LANG)

    def when(self, lang: str = L.DEFAULT_LANG) -> str:
        t = self.task
        en = lang == "en"
        if self.yearly_date:
            mm, dd = self.yearly_date[2:4], self.yearly_date[5:7]
            return f"by {mm}-{dd} every year" if en else f"trước {dd}/{mm} hằng năm"
        if self.due_date:
            base = self.due_date.isoformat() if en else self.due_date.strftime("%d/%m/%Y")
            rec = L.recurrence(t.recurrence, lang)
            return f"{base} ({rec})" if rec else base
        if t.recurrence:
            return L.recurrence(t.recurrence, lang)
        return L.word("undated", lang)

    @property
    def sort_key(self):
        t = self.task
        if self.due_date:
            group = 0
        elif t.recurrence == "continuous":
            group = _ORDER_CONTINUOUS
        elif t.recurrence:
            group = _ORDER_RECURRING
        else:
            group = _ORDER_UNDATED
        return (group, self.due_date or dt.date.max, t.span[0], t.title)


@dataclass
class Checklist:
    agency: str
    key: str
    rows: list[ChecklistRow]
    merged: list[str] = field(default_factory=list)   # other names of this body, merged into it

    @property
    def lead_count(self) -> int:
        return sum(r.role == "lead" for r in self.rows)


def plan_year(cat: Catalogue) -> Optional[int]:
    """The year the plan is set in: its date, else its earliest dated deadline, else the
    first year of its title (`giai đoạn 2026 - 2030`)."""
    for written in (cat.document.date, getattr(cat.document, "date_partial", None)):
        if written and re.match(r"\d{4}", written):
            return int(written[:4])
    years = sorted(int(x.due[:4]) for x in [*cat.deadlines, *cat.tasks] if x.due and x.due[:1].isdigit())
    if years:
        return years[0]
    m = re.search(r"(?:19|20)\d{2}", cat.document.title or "")
    return int(m.group()) if m else None


def parse_due(iso: Optional[str], year: Optional[int]) -> tuple[Optional[dt.date], Optional[str]]:
    if not iso:
        return None, None
    if iso.startswith("--"):
        if year is None:
            return None, iso
        try:
            return dt.date(year, int(iso[2:4]), int(iso[5:7])), iso
        except ValueError:
            return None, iso
    try:
        return dt.date.fromisoformat(iso[:10]), None
    except ValueError:
        return None, None


def section_label(cat: Catalogue, path: list[str], task_title: str = "") -> str:
    """`III.2 Rà soát, đánh giá, bố trí…`: the section's number, and its heading unless the
    task already carries it as its title."""
    if not path:
        return ""
    title = next((s.title for s in cat.sections if s.path == path), "")
    if _same_start(title, task_title):
        title = ""  # the task is titled by its own heading: the number says where it is
    short = title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + "…"
    return f"{section_number(path)} {short}".strip()


def section_number(path: list[str]) -> str:
    """`III.2.1` for ['III', '2', '2.1'] and `3.1` for ['3', '3.1']: a dotted marker already
    carries the numbers above it."""
    parts: list[str] = []
    for marker in reversed(path):
        if parts and parts[0].startswith(marker + "."):
            continue
        parts.insert(0, marker)
    return ".".join(parts)


def _same_start(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    n = min(len(a), len(b), 30)
    return n > 0 and a[:n] == b[:n]


def target_label(t) -> str:
    """`Tỷ lệ hồ sơ giải quyết đúng hạn: tối thiểu 98% (2030)`."""
    indicator = re.sub(r"\s+", " ", t.indicator or "").strip(" ,;:.")
    if len(indicator) > 70:
        indicator = indicator[:67].rsplit(" ", 1)[0] + "…"
    value = t.text or f"{t.value:g}{t.unit or ''}"
    label = f"{indicator}: {value}" if indicator else value
    return f"{label} ({t.target_year})" if t.target_year else label


def build_checklists(cat: Catalogue) -> list[Checklist]:
    """One checklist per body named in the plan's tasks, in order of first mention."""
    year = plan_year(cat)
    targets = {t.id: target_label(t) for t in cat.targets if t.id}
    groups: dict[str, Checklist] = {}
    for task in sorted(cat.tasks, key=lambda t: t.span):
        due_date, yearly = parse_due(task.due, year)
        for role, names in (("lead", task.lead), ("support", task.support)):
            for name in names:
                key = agency_key(name)
                if not key:
                    continue
                display = expand(name)
                display = display[:1].upper() + display[1:]
                cl = groups.setdefault(key, Checklist(display, key, []))
                if any(r.task is task for r in cl.rows):
                    continue  # named twice in one task: its first role stands
                partners = [p for p in (task.support if role == "lead" else task.lead) if agency_key(p) != key]
                cl.rows.append(ChecklistRow(display, role, task, section_label(cat, task.section, task.title),
                                            due_date, yearly, partners,
                                            [targets[i] for i in task.target_ids if i in targets]))
    _merge_own_level(groups, _LEVEL_WORD.get(cat.document.level))
    _merge_collectives(groups)
    for cl in groups.values():
        cl.rows.sort(key=lambda r: r.sort_key)
    return list(groups.values())


_LEVEL_WORD = {"province": "tỉnh", "district": "huyện", "commune": "xã"}


def _merge_own_level(groups: dict[str, Checklist], level_word: Optional[str]) -> None:
    """In a provincial plan `Các sở, ban, ngành tỉnh` and `Các sở, ban, ngành` are one body:
    the plan's own level word adds nothing to a name that is also written without it."""
    if not level_word:
        return
    for key in list(groups):
        base = key[: -len(level_word) - 1] if key.endswith(" " + level_word) else None
        if base and base in groups:
            _merge_into(groups[base], groups.pop(key))


def _merge_into(target: Checklist, merged: Checklist) -> None:
    for row in merged.rows:
        if not any(r.task is row.task for r in target.rows):
            row.agency = target.agency
            target.rows.append(row)
    for name in [merged.agency, *merged.merged]:
        if name != target.agency and name not in target.merged:
            target.merged.append(name)


# Collective names written differently for the same bodies: `Các sở, ban, ngành` and `Các sở,
# ngành`; `các cơ quan, đơn vị có liên quan` and `các cơ quan, đơn vị liên quan`.
_COLLECTIVE_FORMS = (
    (re.compile(r"^(?:sở|ban|ngành)(?: (?:sở|ban|ngành))+(?= |$)"), "sở ban ngành"),
    (re.compile(r"^(?:cơ quan|đơn vị)(?: (?:cơ quan|đơn vị))+(?= |$)"), "cơ quan đơn vị"),
    (re.compile(r" có liên quan$"), " liên quan"),
)


def collective_key(key: str) -> str:
    """One key for the spellings of one collective body (`sở ngành` = `sở ban ngành`)."""
    for pattern, repl in _COLLECTIVE_FORMS:
        key = pattern.sub(repl, key)
    return key


def _merge_collectives(groups: dict[str, Checklist]) -> None:
    """Merge collective names that mean the same bodies into the first one the plan writes;
    the merged spellings are kept on the checklist (`merged`) so the reader sees the merge."""
    first: dict[str, str] = {}
    for key in list(groups):
        ck = collective_key(key)
        if ck in first:
            _merge_into(groups[first[ck]], groups.pop(key))
        else:
            first[ck] = key


def find_agency(checklists: list[Checklist], query: str) -> list[Checklist]:
    """Checklists of the body `query` names, in any spelling: the same key, else a name
    that contains it (or is contained), else the closest fuzzy match."""
    # `ubnd` typed in lower case is still the abbreviation `UBND`
    shouted = re.sub(r"(?<![\p{L}])[A-Za-z&-]{2,8}(?![\p{L}])", lambda m: m.group().upper(), query)
    for spelling in (query, shouted):
        found = _find(checklists, spelling)
        if found:
            return found
    # typed without diacritics (`so noi vu`): compare the names with their accents folded
    folded = _fold(agency_key(query))
    if folded:
        exact = [c for c in checklists if _fold(c.key) == folded]
        return exact or [c for c in checklists
                         if re.search(rf"(?<!\S){re.escape(folded)}(?!\S)", _fold(c.key))]
    return []


def _fold(text: str) -> str:
    import unicodedata
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _find(checklists: list[Checklist], query: str) -> list[Checklist]:
    key = agency_key(query)
    if not key:
        return []
    bare = re.sub(r" (?:tỉnh|huyện|xã)$", "", key)
    exact = [c for c in checklists if c.key == key] or [c for c in checklists if c.key == bare]
    if exact:
        return exact
    contained = [c for c in checklists if re.search(rf"(?<!\S){re.escape(key)}(?!\S)", c.key)]
    if contained:
        return contained
    scored = sorted(((fuzz.token_set_ratio(key, c.key), c.key, c) for c in checklists), key=lambda x: (-x[0], x[1]))
    return [scored[0][2]] if scored and scored[0][0] >= 85 else []
