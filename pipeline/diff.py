"""What changed between two versions of a plan, as a reader asks it: which targets were
added, removed or changed, which deadlines moved, which agencies came or went.

Findings are matched by stable id first (same words, same value), then by content:
the indicator and the sentence around the value, so `tỷ lệ hộ nghèo giảm còn 5%` →
`… còn 4%` is one target *changed*, not one removed and one added.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractors.models import Agency, Catalogue, Deadline, Target

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

    @property
    def equal(self) -> bool:
        return not any((self.document, self.targets_added, self.targets_removed,
                        self.targets_changed, self.deadlines_added, self.deadlines_removed,
                        self.deadlines_changed, self.agencies_added, self.agencies_dropped,
                        self.agency_roles))


def _changes(old, new, fields) -> dict:
    return {f: [getattr(old, f), getattr(new, f)] for f in fields
            if getattr(old, f) != getattr(new, f)}


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


def _roles(agencies: list[Agency]) -> dict[str, list[str]]:
    roles: dict[str, set] = {}
    for a in agencies:
        roles.setdefault(a.name, set()).add(a.role or "")
    return {name: sorted(r for r in rs if r) for name, rs in roles.items()}


def diff_catalogues(old: Side, new: Side) -> PlanDiff:
    d = PlanDiff(old.cat.source, new.cat.source)
    d.document = _changes(old.cat.document, new.cat.document, DOCUMENT_FIELDS)

    pairs, d.targets_removed, d.targets_added = match(
        old.cat.targets, new.cat.targets, lambda o, n: _target_score(o, n, old, new))
    d.targets_changed = [(o, n, c) for o, n in pairs if (c := _changes(o, n, TARGET_FIELDS))]

    pairs, d.deadlines_removed, d.deadlines_added = match(
        old.cat.deadlines, new.cat.deadlines, lambda o, n: _deadline_score(o, n, old, new))
    d.deadlines_changed = [(o, n, c) for o, n in pairs if (c := _changes(o, n, DEADLINE_FIELDS))]

    old_roles, new_roles = _roles(old.cat.agencies), _roles(new.cat.agencies)
    d.agencies_added = sorted(set(new_roles) - set(old_roles))
    d.agencies_dropped = sorted(set(old_roles) - set(new_roles))
    d.agency_roles = [(name, old_roles[name], new_roles[name])
                      for name in sorted(set(old_roles) & set(new_roles))
                      if old_roles[name] != new_roles[name]]
    return d


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
    }


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:g}"
    return "—" if v is None or v == "" else str(v)


def _value(t: Target) -> str:
    v = f"{t.comparator} {t.value:g}" if t.comparator not in ("=", "range") else f"{t.value:g}"
    if t.value_max is not None:
        v += f"–{t.value_max:g}"
    v += f" {t.unit}" if t.unit else ""
    return v + (f" ({t.target_year})" if t.target_year else "")


def _where(item) -> str:
    return f"[{'.'.join(item.section)}] " if item.section else ""


def diff_text(d: PlanDiff) -> str:
    lines = [f"--- {d.old_name}", f"+++ {d.new_name}"]
    if d.equal:
        return "\n".join(lines + ["no change in targets, deadlines or agencies"]) + "\n"
    if d.document:
        lines.append("Document:")
        lines += [f"  ~ {k}: {_fmt(o)} → {_fmt(n)}" for k, (o, n) in d.document.items()]
    if d.targets_added or d.targets_removed or d.targets_changed:
        lines.append(f"Targets: {len(d.targets_added)} added, {len(d.targets_removed)} removed, "
                     f"{len(d.targets_changed)} changed")
        for o, n, c in d.targets_changed:
            what = "; ".join(f"{k} {_fmt(a)} → {_fmt(b)}" for k, (a, b) in c.items())
            lines.append(f"  ~ {_where(n)}{n.indicator or o.indicator or n.text}: {what}")
        lines += [f"  + {_where(t)}{t.indicator or '(no indicator)'}: {_value(t)}  «{t.text}»"
                  for t in d.targets_added]
        lines += [f"  - {_where(t)}{t.indicator or '(no indicator)'}: {_value(t)}  «{t.text}»"
                  for t in d.targets_removed]
    if d.deadlines_added or d.deadlines_removed or d.deadlines_changed:
        lines.append(f"Deadlines: {len(d.deadlines_added)} added, {len(d.deadlines_removed)} removed, "
                     f"{len(d.deadlines_changed)} moved or changed")
        for o, n, c in d.deadlines_changed:
            what = "; ".join(f"{k} {_fmt(a)} → {_fmt(b)}" for k, (a, b) in c.items() if k != "task")
            lines.append(f"  > {_where(n)}{n.task or n.text}: {what or 'task reworded'}")
        lines += [f"  + {_where(x)}{x.task or x.text}: {_fmt(x.due)} {x.recurrence or ''}".rstrip()
                  for x in d.deadlines_added]
        lines += [f"  - {_where(x)}{x.task or x.text}: {_fmt(x.due)} {x.recurrence or ''}".rstrip()
                  for x in d.deadlines_removed]
    if d.agencies_added or d.agencies_dropped or d.agency_roles:
        lines.append(f"Agencies: {len(d.agencies_added)} added, {len(d.agencies_dropped)} dropped, "
                     f"{len(d.agency_roles)} with another role")
        lines += [f"  + {name}" for name in d.agencies_added]
        lines += [f"  - {name}" for name in d.agencies_dropped]
        lines += [f"  ~ {name}: {', '.join(o) or '—'} → {', '.join(n) or '—'}"
                  for name, o, n in d.agency_roles]
    return "\n".join(lines) + "\n"
