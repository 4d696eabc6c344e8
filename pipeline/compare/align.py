"""Compare a plan with the plan it implements: what the child did with each parent target.

For every parent target in the child's horizon the comparison says `same`,
`stricter`, `weaker` or `missing`, lists the child's own targets as `child_only`,
and flags child deadlines later than the parent's for the same task.

Alignment: every (parent, child) pair of targets gets a score, the similarity of
what the two values measure (the catalogue's `indicator` and the clause around the
value, see `indicator_contexts`) with a little of their whole sentences, lowered
when their years differ and when their values cannot be compared (other unit,
per-year rate against a total, a ceiling against an amount; `per_year` is the
catalogue's). What the values measure must agree on its own (INDICATOR_FLOOR): two
bare shares of one sentence do not pair on the sentence alone. Pairs under the threshold are never
formed; the rest are assigned one-to-one, best score first. A pair on the same
indicator whose values cannot be compared is kept only when its indicators agree
clearly, with status `not_comparable`. An unpaired target (`missing`, `child_only`)
carries the score of its closest counterpart, so a reader sees how far it was.

Horizon: a child plan that runs to 2025 does not have to localise its parent's
2030 targets yet; a later plan of the child will. Parent targets due after the
child's horizon (its latest target year) are therefore listed apart, under
`beyond_horizon`, and neither paired nor called missing. A child plan that sets
no year has no horizon and is compared with everything.
"""
from __future__ import annotations

from typing import Literal, Optional, Sequence

import regex as re
from pydantic import BaseModel, Field

from pipeline.compare.indicators import (
    IndicatorContext, IndicatorSpace, indicator_contexts, judge, polarity, units_compatible,
)
from extractors.models import Catalogue, Deadline, Target
from extractors.text import PlanText

Status = Literal["same", "stricter", "weaker", "missing", "child_only", "not_comparable"]
DeadlineStatus = Literal["later", "same", "earlier", "undated"]

THRESHOLD = 0.325             # least score of a comparable pair: the top of the plateau of pair F1 on the real pairs (tests/compare_real)
NOT_COMPARABLE_THRESHOLD = 0.55  # least indicator similarity to pair incomparable values
YEAR_PENALTY = 0.05
INCOMPARABLE_FACTOR = 0.7
PHRASE_WEIGHT = 0.75          # what the value measures vs its whole sentence
INDICATOR_FLOOR = 0.3         # least similarity of what two values measure, sentence aside
DEADLINE_THRESHOLD = 0.35

# a unit the extractor cut before its `phần trăm` (`giảm 1-1,5 điểm phần trăm`)
_POINTS_AFTER = re.compile(r"\s*(?:%|phần trăm)")
_CLAUSE_END = re.compile(r".*[;:.\n]", re.S)


class TargetSide(BaseModel):
    id: str = ""
    span: tuple[int, int]
    text: str
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    comparator: str = "="
    target_year: Optional[int] = None
    per_year: bool = False
    direction: str = "reach"
    indicator: str = ""
    polarity: str = "higher"
    clause: str = Field("", description="the words around the value that name what it measures")
    sentence: str = ""
    value_in_sentence: Optional[tuple[int, int]] = Field(
        None, description="where the value expression sits in `sentence`")
    sentence_span: Optional[tuple[int, int]] = None
    section: list[str] = Field(default_factory=list)


class TargetPair(BaseModel):
    parent: Optional[TargetSide]
    child: Optional[TargetSide]
    status: Status
    score: Optional[float] = None
    reason: str = ""


class DeadlineSide(BaseModel):
    id: str = ""
    span: tuple[int, int]
    text: str
    due: Optional[str] = None
    recurrence: Optional[str] = None
    task: str = ""


class DeadlinePair(BaseModel):
    parent: DeadlineSide
    child: DeadlineSide
    status: DeadlineStatus
    score: float


class PlanSummary(BaseModel):
    plan: str
    source: str
    title: str = ""
    number: Optional[str] = None
    date: Optional[str] = None
    horizon: Optional[int] = None
    targets: int = 0


class Comparison(BaseModel):
    child: PlanSummary
    parent: PlanSummary
    threshold: float
    pairs: list[TargetPair]
    beyond_horizon: list[TargetSide] = Field(default_factory=list)
    deadlines: list[DeadlinePair] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)


# ---------------------------------------------------------------------------

def plan_horizon(cat: Catalogue) -> Optional[int]:
    """The last year the plan sets a target for; else the end of a `giai đoạn` in its
    title; None when the plan names no year."""
    years = [t.target_year for t in cat.targets if t.target_year]
    if years:
        return max(years)
    m = re.search(r"giai đoạn\s*\d{4}\s*[-–]\s*(\d{4})", cat.document.title or "")
    return int(m.group(1)) if m else None


def _unit(t: Target, text: str) -> Optional[str]:
    """The target's unit; `điểm` followed by `phần trăm` or `%` in the text is `điểm %`,
    percentage points of a rate (the catalogue's unit stops at `điểm`)."""
    if (t.unit or "").strip().lower() == "điểm" and _POINTS_AFTER.match(text, t.span[1]):
        return "điểm %"
    return t.unit


def _phrase(t: Target, ctx: IndicatorContext) -> str:
    """What the target measures: the catalogue's indicator. Hand-built and gold-only
    catalogues, and bare values the extractor names nothing for, carry none: then the
    clause around the value (see `indicator_contexts`)."""
    return t.indicator.strip() or ctx.clause


def _polarity(t: Target, ctx: IndicatorContext) -> str:
    """Polarity from the words before the value within its own clause, and from what the
    target measures: a plain level is a ceiling only when both the catalogue's indicator
    and the clause name a falling indicator (either may take in a neighbour's words, `hộ
    nghèo, tỷ lệ người dân tham gia BHYT đạt 92%`)."""
    before = _CLAUSE_END.sub("", ctx.before)
    reads = {polarity(t, before, indicator=phrase) for phrase in (t.indicator.strip(), ctx.clause) if phrase}
    return "lower" if reads == {"lower"} else "higher" if "higher" in reads else polarity(t, before)


def _side(t: Target, ctx: IndicatorContext, pol: str) -> TargetSide:
    return TargetSide(id=t.id, span=tuple(t.span), text=t.text, value=t.value, value_max=t.value_max,
                      unit=t.unit, comparator=t.comparator, target_year=t.target_year,
                      per_year=t.per_year, direction=t.direction, indicator=t.indicator,
                      polarity=pol, clause=ctx.local, sentence=ctx.sentence,
                      value_in_sentence=ctx.value_in_sentence,
                      sentence_span=tuple(t.sentence_span) if t.sentence_span else None,
                      section=list(t.section))


def _assign(scores: list[list[float]]) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first; zero means 'never pair'.

    Best-first rather than a maximum-total assignment: maximising the sum would
    trade one clear pair for two mediocre ones, and an officer reads a pair as
    'these two are the same indicator', not as a share of a global optimum."""
    cells = sorted(((s, -i, -j) for i, row in enumerate(scores) for j, s in enumerate(row) if s > 0),
                   reverse=True)
    used_i, used_j, out = set(), set(), []
    for s, i, j in cells:
        i, j = -i, -j
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return sorted(out)


def compare_plans(child: Catalogue, child_text: str, parent: Catalogue, parent_text: str,
                  threshold: float = THRESHOLD) -> Comparison:
    cdoc, pdoc = PlanText.from_raw(child_text), PlanText.from_raw(parent_text)
    ctargets, ptargets = list(child.targets), list(parent.targets)
    cctx, pctx = indicator_contexts(cdoc, ctargets), indicator_contexts(pdoc, ptargets)
    cpol = [_polarity(t, c) for t, c in zip(ctargets, cctx)]
    ppol = [_polarity(t, c) for t, c in zip(ptargets, pctx)]
    cunit = [_unit(t, child_text) for t in ctargets]
    punit = [_unit(t, parent_text) for t in ptargets]
    horizon = plan_horizon(child)

    in_scope = [i for i, t in enumerate(ptargets)
                if horizon is None or t.target_year is None or t.target_year <= horizon]
    beyond = [i for i in range(len(ptargets)) if i not in set(in_scope)]

    np_, nc = len(ptargets), len(ctargets)
    n = np_ + nc
    space = IndicatorSpace([_phrase(t, c) for t, c in zip(ptargets, pctx)]
                           + [_phrase(t, c) for t, c in zip(ctargets, cctx)]
                           + [c.clause for c in pctx] + [c.clause for c in cctx]
                           + [c.sentence for c in pctx] + [c.sentence for c in cctx])

    def sim(i: int, j: int) -> float:
        ind = space.similarity(i, np_ + j)
        clause = space.similarity(n + i, n + np_ + j)
        sent = space.similarity(2 * n + i, 2 * n + np_ + j)
        # two reads of what each value measures: the catalogue's indicator and the clause
        # around the value. Where they agree (the indicator lies within the clause: the
        # clause is the same reading, with its predicate) the clause counts; where one of
        # them took in a neighbour's words, neither is trusted alone
        if pctx[i].agrees and cctx[j].agrees:
            what = clause
        else:
            what = (ind + clause) / 2
        if what < INDICATOR_FLOOR:
            # the sentence alone cannot pair two values (`80% ... và 100% ...` share one)
            return min(what, PHRASE_WEIGHT * what + (1 - PHRASE_WEIGHT) * sent)
        return PHRASE_WEIGHT * what + (1 - PHRASE_WEIGHT) * sent

    scores: list[list[float]] = []
    raw: dict[tuple[int, int], tuple[float, bool]] = {}
    for i in in_scope:
        p = ptargets[i]
        row = []
        for j, c in enumerate(ctargets):
            s = sim(i, j)
            comparable = (units_compatible(punit[i], cunit[j]) and ppol[i] == cpol[j]
                          and p.per_year == c.per_year)
            adj = s - (YEAR_PENALTY if p.target_year and c.target_year
                       and p.target_year != c.target_year else 0.0)
            if comparable:
                keep = adj >= threshold
            else:
                adj *= INCOMPARABLE_FACTOR
                keep = s >= NOT_COMPARABLE_THRESHOLD
            raw[(i, j)] = (adj, comparable)
            row.append(adj if keep and adj > 0 else 0.0)
        scores.append(row)

    paired_parent: dict[int, tuple[int, float, bool]] = {}
    for r, j in _assign(scores):
        i = in_scope[r]
        adj, comparable = raw[(i, j)]
        paired_parent[i] = (j, adj, comparable)

    pairs: list[TargetPair] = []
    used_child = set()
    for i in in_scope:
        pside = _side(ptargets[i], pctx[i], ppol[i])
        if i in paired_parent:
            j, adj, comparable = paired_parent[i]
            used_child.add(j)
            cside = _side(ctargets[j], cctx[j], cpol[j])
            if comparable:
                verdict = judge(ptargets[i], ctargets[j], ppol[i])
                pairs.append(TargetPair(parent=pside, child=cside, status=verdict.status,
                                        score=round(adj, 4), reason=verdict.reason))
            else:
                pairs.append(TargetPair(parent=pside, child=cside, status="not_comparable",
                                        score=round(adj, 4), reason=_why_incomparable(
                                            punit[i], cunit[j], ptargets[i].per_year,
                                            ctargets[j].per_year, ppol[i], cpol[j])))
        else:
            # the score of a missing target is that of its closest child target, which
            # is either too far or taken by a parent target closer to it
            best_j = max(range(nc), key=lambda j: raw[(i, j)][0], default=None)
            best = raw[(i, best_j)][0] if best_j is not None else None
            reason = "no child target on this indicator"
            if best is not None and raw[(i, best_j)][1] and best >= threshold:
                reason = (f"closest child target ({ctargets[best_j].text}) answers another "
                          f"parent target")
            pairs.append(TargetPair(parent=pside, child=None, status="missing",
                                    score=round(best, 4) if best is not None else None,
                                    reason=reason))
    for j in range(nc):
        if j not in used_child:
            best = max((raw[(i, j)][0] for i in in_scope), default=None)
            pairs.append(TargetPair(parent=None, child=_side(ctargets[j], cctx[j], cpol[j]),
                                    status="child_only",
                                    score=round(best, 4) if best is not None else None,
                                    reason="not in the parent plan"))

    deadlines = compare_deadlines(parent.deadlines, child.deadlines,
                                  parent_text=parent_text, child_text=child_text)
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p.status] = counts.get(p.status, 0) + 1
    counts["beyond_horizon"] = len(beyond)
    counts["later_deadlines"] = sum(1 for d in deadlines if d.status == "later")
    return Comparison(
        child=_summary(child, horizon), parent=_summary(parent, plan_horizon(parent)),
        threshold=threshold, pairs=pairs,
        beyond_horizon=[_side(ptargets[i], pctx[i], ppol[i]) for i in beyond],
        deadlines=deadlines, counts=counts)


def _why_incomparable(pu: Optional[str], cu: Optional[str], pyear: bool, cyear: bool,
                      pp: str, cp: str) -> str:
    if not units_compatible(pu, cu):
        return f"different units ({pu or '-'} vs {cu or '-'})"
    if pyear != cyear:
        return "a yearly rate against a total"
    if pp != cp:
        return "a level against an amount of change"
    return "values not comparable"


def _summary(cat: Catalogue, horizon: Optional[int]) -> PlanSummary:
    d = cat.document
    return PlanSummary(plan=cat.plan, source=cat.source, title=d.title, number=d.number,
                       date=d.date, horizon=horizon, targets=len(cat.targets))


# ---------------------------------------------------------------------------
# deadlines

def _due_key(d: Deadline) -> Optional[str]:
    if not d.due:
        return None
    return d.due[2:] if d.due.startswith("--") else d.due


_EVERY = {"daily": 1, "weekly": 7, "monthly": 30, "quarterly": 91, "half-yearly": 182, "yearly": 365}
_DAY = re.compile(r"ngày\s+(\d{1,2})(?!\s*[/.-]\d)")


def _recurring_status(p: Deadline, c: Deadline) -> DeadlineStatus:
    """Two schedules without a date: a child reporting less often than its parent asks
    (quarterly against monthly) is late; on the same period, the day in the period
    (`trước ngày 05 hằng tháng`) decides."""
    pe, ce = _EVERY.get(p.recurrence or ""), _EVERY.get(c.recurrence or "")
    if pe is None or ce is None:
        return "undated"
    if pe != ce:
        return "later" if ce > pe else "earlier"
    pd, cd = _DAY.search(p.text.lower()), _DAY.search(c.text.lower())
    if pd and cd and int(pd.group(1)) != int(cd.group(1)):
        return "later" if int(cd.group(1)) > int(pd.group(1)) else "earlier"
    return "same"


def _deadline_status(p: Deadline, c: Deadline) -> DeadlineStatus:
    pk, ck = _due_key(p), _due_key(c)
    if pk is None and ck is None:
        return _recurring_status(p, c)
    if pk is None or ck is None:
        return "undated"
    if p.due.startswith("--") != c.due.startswith("--"):
        pk, ck = pk[-5:], ck[-5:]   # a yearly date against a dated one: compare month-day
    if ck == pk:
        return "same"
    return "later" if ck > pk else "earlier"


def _deadline_words(d: Deadline, text: Optional[str]) -> str:
    """The task a deadline belongs to, plus the words before it on its line: one section
    often lists several deadlines (`- Xây dựng kế hoạch: Hoàn thành trong tháng 5`)."""
    if not text:
        return d.task
    line_start = text.rfind("\n", 0, d.span[0]) + 1
    lead = text[line_start:d.span[0]].strip(" -+•*:\t")
    return f"{d.task} {lead}" if lead and lead not in d.task else d.task


def compare_deadlines(parent: Sequence[Deadline], child: Sequence[Deadline],
                      threshold: float = DEADLINE_THRESHOLD, parent_text: Optional[str] = None,
                      child_text: Optional[str] = None) -> list[DeadlinePair]:
    """Pair deadlines by the similarity of their tasks; each pair says whether the child
    is due later than the parent."""
    parent = [d for d in parent if d.task.strip()]
    child = [d for d in child if d.task.strip()]
    if not parent or not child:
        return []
    space = IndicatorSpace([_deadline_words(d, parent_text) for d in parent]
                           + [_deadline_words(d, child_text) for d in child])
    n = len(parent)
    scores = []
    for i in range(n):
        row = []
        for j in range(len(child)):
            s = space.similarity(i, n + j)
            row.append(s if s >= threshold else 0.0)
        scores.append(row)
    out = []
    for i, j in _assign(scores):
        p, c = parent[i], child[j]
        out.append(DeadlinePair(
            parent=DeadlineSide(id=p.id, span=tuple(p.span), text=p.text, due=p.due,
                                recurrence=p.recurrence, task=p.task),
            child=DeadlineSide(id=c.id, span=tuple(c.span), text=c.text, due=c.due,
                               recurrence=c.recurrence, task=c.task),
            status=_deadline_status(p, c), score=round(scores[i][j], 4)))
    return out
