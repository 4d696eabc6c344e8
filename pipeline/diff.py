"""What changed between two versions of a plan, as a reader asks it: which targets were
added, removed or changed, which deadlines moved, which agencies came or went.

Findings are matched by stable id first (same words, same value), then by content:
the indicator and the sentence around the value, so `tỷ lệ hộ nghèo giảm còn 5%` →
`… còn 4%` is one target *changed*, not one removed and one added.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz

from extractors.agencies.names import agency_key, expand
from extractors.kinds import FINDING_KINDS, FindingKind
from extractors.models import Agency, Catalogue, Deadline, Target

from pipeline import labels as L
from pipeline.notices import much_shorter, size_of

TARGET_FIELDS = ("value", "value_max", "unit", "comparator", "target_year", "per_year",
                 "baseline_year", "direction", "indicator")
DEADLINE_FIELDS = ("due", "recurrence", "task")
DOCUMENT_FIELDS = ("title", "kind", "number", "issuer", "place", "level", "date")
MATCH_THRESHOLD = 0.6


@dataclass
class Side:
    """One version: its catalogue and, when known, the plan text (for sentence context)."""
    cat: Catalogue
    text: str | None = None

    def context(self, item) -> str:
        span = getattr(item, "sentence_span", None) or item.span
        if self.text is None:
            return getattr(item, "task", "") or item.text
        start = self.text.rfind("\n", 0, span[0]) + 1
        end = self.text.find("\n", span[1])
        return " ".join(self.text[start:end if end >= 0 else len(self.text)].split())


@dataclass
class PlanDiff:
    old_name: str
    new_name: str
    document: dict = field(default_factory=dict)
    targets_added: list[Target] = field(default_factory=list)
    targets_removed: list[Target] = field(default_factory=list)
    targets_changed: list[tuple[Target, Target, dict]] = field(default_factory=list)
    deadlines_added: list[Deadline] = field(default_factory=list)
    deadlines_removed: list[Deadline] = field(default_factory=list)
    deadlines_changed: list[tuple[Deadline, Deadline, dict]] = field(default_factory=list)
    agencies_added: list[str] = field(default_factory=list)
    agencies_dropped: list[str] = field(default_factory=list)
    agency_roles: list[tuple[str, list, list]] = field(default_factory=list)
    # every other registered kind (tasks, references, a kind added later): (added, removed)
    others: dict[str, tuple[list, list]] = field(default_factory=dict)
    old_size: int = 0
    new_size: int = 0

    @property
    def shorter(self) -> str | None:
        """'old' or 'new' when that version is under half the other's length (an excerpt?)."""
        return much_shorter(self.old_size, self.new_size)

    @property
    def equal(self) -> bool:
        return not any((self.document, self.targets_added, self.targets_removed,
                        self.targets_changed, self.deadlines_added, self.deadlines_removed,
                        self.deadlines_changed, self.agencies_added, self.agencies_dropped,
                        self.agency_roles, *(a or r for a, r in self.others.values())))


def _changes(old, new, fields) -> dict:
    return {f: [getattr(old, f), getattr(new, f)] for f in fields
            if getattr(old, f) != getattr(new, f)}


def normal_text(value) -> str:
    """A name or title as compared: abbreviations expanded (`UBND` → `Ủy ban nhân dân`),
    case, spacing and punctuation around words ignored."""
    if value is None:
        return ""
    text = expand(" ".join(str(value).split()))
    return " ".join(re.sub(r"[\s,;:.\-–]+", " ", text.casefold()).split())


_NAME_FIELDS = ("issuer", "place")
_TEXT_FIELDS = ("title",)


def _document_changes(old, new) -> dict:
    """Document facts that changed: names compared by their agency key, titles after
    normalising (a title cut short is the same title)."""
    out = {}
    for f in DOCUMENT_FIELDS:
        a, b = getattr(old, f), getattr(new, f)
        if a == b:
            continue
        if f in _NAME_FIELDS and a and b and (agency_key(a) == agency_key(b) or normal_text(a) == normal_text(b)):
            continue
        if f in _TEXT_FIELDS and a and b:
            na, nb = normal_text(a), normal_text(b)
            short, long_ = sorted((na, nb), key=len)
            if na == nb or (len(short) >= 30 and long_.startswith(short)):
                continue
        if f in ("kind",) and a and b and normal_text(a) == normal_text(b):
            continue
        out[f] = [a, b]
    return out


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return fuzz.token_sort_ratio(a, b) / 100.0


def _target_score(o: Target, n: Target, old: Side, new: Side) -> float:
    context = _similarity(old.context(o), new.context(n))
    if o.indicator and n.indicator:
        score = 0.6 * _similarity(o.indicator, n.indicator) + 0.3 * context
    else:
        score = 0.9 * context
    return score + (0.1 if o.unit == n.unit else 0.0)


def _deadline_score(o: Deadline, n: Deadline, old: Side, new: Side) -> float:
    task = _similarity(o.task, n.task) if o.task and n.task else 0.0
    context = _similarity(old.context(o), new.context(n))
    score = max(task, context) * 0.9
    return score + (0.1 if o.recurrence == n.recurrence else 0.0)


def match(olds: list, news: list, score) -> tuple[list[tuple], list, list]:
    """(matched pairs, unmatched old, unmatched new): by id, then best content score."""
    by_id = {n.id: n for n in news}
    pairs, rest_old = [], []
    used = set()
    for o in olds:
        n = by_id.get(o.id)
        if n is not None and id(n) not in used:
            pairs.append((o, n))
            used.add(id(n))
        else:
            rest_old.append(o)
    rest_new = [n for n in news if id(n) not in used]
    candidates = sorted(((score(o, n), i, j) for i, o in enumerate(rest_old)
                         for j, n in enumerate(rest_new)), key=lambda c: (-c[0], c[1], c[2]))
    taken_o, taken_n = set(), set()
    for s, i, j in candidates:
        if s < MATCH_THRESHOLD:
            break
        if i in taken_o or j in taken_n:
            continue
        taken_o.add(i)
        taken_n.add(j)
        pairs.append((rest_old[i], rest_new[j]))
    removed = [o for i, o in enumerate(rest_old) if i not in taken_o]
    added = [n for j, n in enumerate(rest_new) if j not in taken_n]
    pairs.sort(key=lambda p: p[1].span)
    return pairs, removed, added


def _roles(agencies: list[Agency]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Roles per body, keyed by `agency_key` (one body whatever its case, spacing or
    abbreviation), and the spelling shown for each key (a capitalised one first)."""
    roles: dict[str, set] = {}
    names: dict[str, str] = {}
    for a in agencies:
        key = agency_key(a.name) or normal_text(a.name)
        roles.setdefault(key, set()).add(a.role or "")
        shown = names.get(key)
        if shown is None or (shown[:1].islower() and a.name[:1].isupper()):
            names[key] = a.name
    return {k: sorted(r for r in rs if r) for k, rs in roles.items()}, names


def diff_catalogues(old: Side, new: Side) -> PlanDiff:
    d = PlanDiff(old.cat.source, new.cat.source)
    d.document = _document_changes(old.cat.document, new.cat.document)
    d.old_size, d.new_size = size_of(old.cat, old.text), size_of(new.cat, new.text)

    pairs, d.targets_removed, d.targets_added = match(
        old.cat.targets, new.cat.targets, lambda o, n: _target_score(o, n, old, new))
    d.targets_changed = [(o, n, c) for o, n in pairs if (c := _changes(o, n, TARGET_FIELDS))]

    pairs, d.deadlines_removed, d.deadlines_added = match(
        old.cat.deadlines, new.cat.deadlines, lambda o, n: _deadline_score(o, n, old, new))
    d.deadlines_changed = [(o, n, c) for o, n in pairs if (c := _changes(o, n, DEADLINE_FIELDS))]

    (old_roles, old_names), (new_roles, new_names) = _roles(old.cat.agencies), _roles(new.cat.agencies)
    d.agencies_added = sorted(new_names[k] for k in set(new_roles) - set(old_roles))
    d.agencies_dropped = sorted(old_names[k] for k in set(old_roles) - set(new_roles))
    d.agency_roles = sorted((new_names[k], old_roles[k], new_roles[k])
                            for k in set(old_roles) & set(new_roles) if old_roles[k] != new_roles[k])
    for kind in OTHER_KINDS:
        d.others[kind.name] = _added_removed(kind, getattr(old.cat, kind.name), getattr(new.cat, kind.name))
    return d


# The kinds read above have their own matching (a target changed, a deadline moved, a body's
# role); every other kind of the registry is diffed by what it says, so a new kind is diffed
# with no change here.
OWN_MATCHING = ("targets", "deadlines", "agencies")
OTHER_KINDS: tuple[FindingKind, ...] = tuple(k for k in FINDING_KINDS if k.name not in OWN_MATCHING)


def _item_key(kind: FindingKind, item) -> str:
    return f"{kind.id_key(item)}|{normal_text(getattr(item, 'text', ''))}"


def _added_removed(kind: FindingKind, old_items: list, new_items: list) -> tuple[list, list]:
    """Items of one kind that only one version has, counted as a multiset (a repeated
    mention that one version drops is one removed)."""
    return _beyond(kind, new_items, old_items), _beyond(kind, old_items, new_items)


def _beyond(kind: FindingKind, items: list, other: list) -> list:
    """The items of `items` that `other` does not say as often."""
    left = Counter(_item_key(kind, i) for i in other)
    out = []
    for item in items:
        key = _item_key(kind, item)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(item)
    return out


# --- presentation ---------------------------------------------------------------------

def _target_brief(t: Target) -> dict:
    return {"id": t.id, "section": ".".join(t.section), "indicator": t.indicator,
            "comparator": t.comparator, "value": t.value, "value_max": t.value_max,
            "unit": t.unit, "target_year": t.target_year, "text": t.text}


def _deadline_brief(x: Deadline) -> dict:
    return {"id": x.id, "section": ".".join(x.section), "due": x.due,
            "recurrence": x.recurrence, "task": x.task, "text": x.text}


def diff_json(d: PlanDiff) -> dict:
    return {
        "old": d.old_name, "new": d.new_name, "equal": d.equal,
        "document": d.document,
        "targets": {
            "added": [_target_brief(t) for t in d.targets_added],
            "removed": [_target_brief(t) for t in d.targets_removed],
            "changed": [{"old_id": o.id, "new_id": n.id, "section": ".".join(n.section),
                         "indicator": n.indicator or o.indicator, "changes": c}
                        for o, n, c in d.targets_changed],
        },
        "deadlines": {
            "added": [_deadline_brief(x) for x in d.deadlines_added],
            "removed": [_deadline_brief(x) for x in d.deadlines_removed],
            "moved": [{"old_id": o.id, "new_id": n.id, "task": n.task or o.task,
                       "section": ".".join(n.section), "changes": c}
                      for o, n, c in d.deadlines_changed],
        },
        "agencies": {
            "added": d.agencies_added, "dropped": d.agencies_dropped,
            "role_changed": [{"name": n, "old": o, "new": w} for n, o, w in d.agency_roles],
        },
        **{kind: {"added": [_brief(i) for i in added], "removed": [_brief(i) for i in removed]}
           for kind, (added, removed) in d.others.items()},
    }


def _brief(item) -> dict:
    """An item of another kind as its catalogue writes it, less its character offsets."""
    return item.model_dump(mode="json", exclude={"span", "sentence_span"})


_FIELD_LABELS = {
    "title": ("tên", "title"), "kind": ("loại", "kind"), "number": ("số", "number"),
    "issuer": ("cơ quan ban hành", "issuer"), "place": ("địa bàn", "place"), "level": ("cấp", "level"),
    "date": ("ngày", "date"), "value": ("giá trị", "value"), "value_max": ("giá trị tối đa", "value_max"),
    "unit": ("đơn vị", "unit"), "comparator": ("so sánh", "comparator"), "target_year": ("năm", "year"),
    "per_year": ("mỗi năm", "per year"), "baseline_year": ("năm gốc", "baseline year"),
    "direction": ("xu hướng", "direction"), "indicator": ("chỉ tiêu", "indicator"),
    "due": ("thời hạn", "due"), "recurrence": ("định kỳ", "recurrence"), "task": ("nhiệm vụ", "task"),
}


def _field(k: str, lang: str) -> str:
    pair = _FIELD_LABELS.get(k)
    return (pair[1] if lang == "en" else pair[0]) if pair else k


def _fmt(v, key: str = "", lang: str = L.DEFAULT_LANG) -> str:
    if v is None or v == "":
        return "—"
    if key == "direction":
        return L.direction(v, lang)
    if key == "comparator":
        return L.comparator(v, lang) or "="
    if key == "unit":
        return L.unit(v, lang) or str(v)
    if key == "recurrence":
        return L.recurrence(v, lang)
    if key in ("due", "date"):
        return L.date(v, lang)
    if key == "level":
        return L.level(v, lang) or str(v)
    if key == "per_year":
        return ("có" if v else "không") if lang != "en" else ("yes" if v else "no")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return L.number(v, lang)
    return str(v)


def _value(t: Target, lang: str = L.DEFAULT_LANG) -> str:
    return L.amount(t, lang, with_year=True)


def _where(item) -> str:
    section = getattr(item, "section", None)  # references hang on no section
    return f"[{'.'.join(section)}] " if section else ""


def _roles_text(roles: list, lang: str) -> str:
    return ", ".join(L.role(r, lang) for r in roles) or "—"


def shorter_warning(d: PlanDiff, lang: str = L.DEFAULT_LANG) -> str | None:
    side = d.shorter
    if side is None:
        return None
    short, long_ = (d.new_size, d.old_size) if side == "new" else (d.old_size, d.new_size)
    name = d.new_name if side == "new" else d.old_name
    if lang == "en":
        return (f"{'the new' if side == 'new' else 'the old'} version ({name}) is much shorter "
                f"({L.number(short, lang)} against {L.number(long_, lang)} characters): it may be an excerpt, "
                f"so what it lacks may only lie outside it.")
    return (f"bản {'mới' if side == 'new' else 'cũ'} ({name}) ngắn hơn nhiều ({L.number(short)} so với "
            f"{L.number(long_)} ký tự): có thể chỉ là trích đoạn, nên những gì «bị bỏ» có thể chỉ nằm ngoài "
            f"đoạn trích.")


def diff_text(d: PlanDiff, lang: str = L.DEFAULT_LANG) -> str:
    vi = lang != "en"
    w = (lambda a, b: a if vi else b)
    lines = [f"--- {d.old_name}", f"+++ {d.new_name}"]
    warning = shorter_warning(d, lang)
    if warning:
        lines.append(("⚠ Cảnh báo: " if vi else "⚠ Warning: ") + warning)
    if d.equal:
        return "\n".join(lines + [w("không thay đổi chỉ tiêu, thời hạn hay cơ quan",
                                     "no change in targets, deadlines or agencies")]) + "\n"
    if d.document:
        lines.append(w("Văn bản:", "Document:"))
        lines += [f"  ~ {_field(k, lang)}: {_fmt(o, k, lang)} → {_fmt(n, k, lang)}" for k, (o, n) in d.document.items()]
    no_ind = L.word("no_indicator", lang)
    if d.targets_added or d.targets_removed or d.targets_changed:
        lines.append(w(f"Chỉ tiêu: {len(d.targets_added)} thêm, {len(d.targets_removed)} bỏ, "
                       f"{len(d.targets_changed)} thay đổi",
                       f"Targets: {len(d.targets_added)} added, {len(d.targets_removed)} removed, "
                       f"{len(d.targets_changed)} changed"))
        for o, n, c in d.targets_changed:
            what = "; ".join(f"{_field(k, lang)} {_fmt(a, k, lang)} → {_fmt(b, k, lang)}" for k, (a, b) in c.items())
            lines.append(f"  ~ {_where(n)}{n.indicator or o.indicator or n.text}: {what}")
        lines += [f"  + {_where(t)}{t.indicator or no_ind}: {_value(t, lang)}  «{t.text}»"
                  for t in d.targets_added]
        lines += [f"  - {_where(t)}{t.indicator or no_ind}: {_value(t, lang)}  «{t.text}»"
                  for t in d.targets_removed]
    if d.deadlines_added or d.deadlines_removed or d.deadlines_changed:
        lines.append(w(f"Thời hạn: {len(d.deadlines_added)} thêm, {len(d.deadlines_removed)} bỏ, "
                       f"{len(d.deadlines_changed)} dời hoặc thay đổi",
                       f"Deadlines: {len(d.deadlines_added)} added, {len(d.deadlines_removed)} removed, "
                       f"{len(d.deadlines_changed)} moved or changed"))
        for o, n, c in d.deadlines_changed:
            what = "; ".join(f"{_field(k, lang)} {_fmt(a, k, lang)} → {_fmt(b, k, lang)}"
                             for k, (a, b) in c.items() if k != "task")
            lines.append(f"  > {_where(n)}{n.task or n.text}: {what or w('nhiệm vụ viết lại', 'task reworded')}")
        lines += [f"  + {_where(x)}{x.task or x.text}: {_fmt(x.due, 'due', lang)} {L.recurrence(x.recurrence, lang)}".rstrip()
                  for x in d.deadlines_added]
        lines += [f"  - {_where(x)}{x.task or x.text}: {_fmt(x.due, 'due', lang)} {L.recurrence(x.recurrence, lang)}".rstrip()
                  for x in d.deadlines_removed]
    if d.agencies_added or d.agencies_dropped or d.agency_roles:
        lines.append(w(f"Cơ quan: {len(d.agencies_added)} thêm, {len(d.agencies_dropped)} bỏ, "
                       f"{len(d.agency_roles)} đổi vai trò",
                       f"Agencies: {len(d.agencies_added)} added, {len(d.agencies_dropped)} dropped, "
                       f"{len(d.agency_roles)} with another role"))
        lines += [f"  + {name}" for name in d.agencies_added]
        lines += [f"  - {name}" for name in d.agencies_dropped]
        lines += [f"  ~ {name}: {_roles_text(o, lang)} → {_roles_text(n, lang)}"
                  for name, o, n in d.agency_roles]
    for kind in OTHER_KINDS:
        added, removed = d.others.get(kind.name, ([], []))
        if added or removed:
            lines.append(w(f"{kind.heading}: {len(added)} thêm, {len(removed)} bỏ",
                           f"{kind.name.capitalize()}: {len(added)} added, {len(removed)} removed"))
            lines += [f"  + {_where(i)}{_said(i)}" for i in added]
            lines += [f"  - {_where(i)}{_said(i)}" for i in removed]
    return "\n".join(lines) + "\n"


def _said(item) -> str:
    return " ".join((getattr(item, "title", "") or getattr(item, "text", "") or "").split())
