"""The registry of finding kinds: what each kind is called in the catalogue, how it is
extracted, sorted and given stable ids, and how the Markdown catalogue tabulates it.

`catalogue.build_catalogue` and `pipeline.emit` loop over `FINDING_KINDS`, so a new kind
(say budgets, kinh phí) is one package under `extractors/` and one entry here. The outline
and the document facts are the frame the findings hang on, not findings, and stay apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from extractors.agencies import extract_agencies
from extractors.deadlines import extract_deadlines
from extractors.models import Section
from extractors.references import extract_references
from extractors.targets import extract_targets
from extractors.tasks import extract_tasks
from extractors.text import PlanText


@dataclass
class Extraction:
    """What the kinds extracted so far read: the text, its outline, and earlier findings."""
    doc: PlanText
    sections: list[Section]
    found: dict[str, list] = field(default_factory=dict)


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class FindingKind:
    name: str                                   # the catalogue key: `targets`
    heading: str                                # the Markdown section: `Targets`
    extract: Callable[[Extraction], list]
    sort_key: Callable[[Any], Any]
    columns: tuple[Column, ...]
    id_prefix: Optional[str] = None             # `T` → `T-3f2a…`; None: no ids
    id_key: Callable[[Any], str] = lambda item: ""  # values that tell two findings of one sentence apart
    ids_before_sort: bool = False               # tasks number their twins in reading order


def _value(t) -> str:
    v = f"{t.value:g}"
    if t.value_max is not None:
        v += f"–{t.value_max:g}"
    return v


def _col(header: str, attr: str) -> Column:
    return Column(header, lambda item: getattr(item, attr))


# Markdown order; extraction runs in this order too (tasks read the three kinds before them).
FINDING_KINDS: tuple[FindingKind, ...] = (
    FindingKind(
        "targets", "Targets",
        extract=lambda x: extract_targets(x.doc, x.sections),
        sort_key=lambda t: (t.span, t.value),
        id_prefix="T", id_key=lambda t: f"{t.value}|{t.value_max}|{t.unit}",
        columns=(_col("id", "id"), _col("section", "section"), _col("indicator", "indicator"),
                 _col("comparator", "comparator"), Column("value", _value), _col("unit", "unit"),
                 _col("year", "target_year"), Column("per year", lambda t: "yes" if t.per_year else ""),
                 _col("baseline", "baseline_year"), _col("direction", "direction"),
                 _col("as written", "text"))),
    FindingKind(
        "deadlines", "Deadlines",
        extract=lambda x: extract_deadlines(x.doc, x.sections),
        sort_key=lambda d: d.span,
        id_prefix="D", id_key=lambda d: f"{d.due}|{d.recurrence}",
        columns=(_col("id", "id"), _col("section", "section"), _col("due", "due"),
                 _col("recurrence", "recurrence"), _col("task", "task"), _col("as written", "text"))),
    FindingKind(
        "agencies", "Agencies",
        extract=lambda x: extract_agencies(x.doc, x.sections),
        sort_key=lambda a: (a.span, a.name),
        id_prefix="A", id_key=lambda a: f"{a.name}|{a.role}",
        columns=(_col("id", "id"), _col("section", "section"), _col("role", "role"), _col("name", "name"),
                 _col("as written", "text"))),
    FindingKind(
        "tasks", "Tasks",
        extract=lambda x: extract_tasks(x.doc, x.sections, x.found["targets"], x.found["deadlines"],
                                        x.found["agencies"]),
        sort_key=lambda k: k.span,
        id_prefix="K", id_key=lambda k: k.title, ids_before_sort=True,
        columns=(_col("id", "id"), _col("section", "section"), _col("title", "title"),
                 Column("lead", lambda k: "; ".join(k.lead)), Column("support", lambda k: "; ".join(k.support)),
                 _col("due", "due"), _col("recurrence", "recurrence"))),
    FindingKind(
        "references", "References",
        extract=lambda x: extract_references(x.doc),
        sort_key=lambda r: r.span,
        columns=(_col("number", "number"), _col("kind", "kind"), _col("date", "date"), _col("issuer", "issuer"))),
)

KIND_BY_NAME: dict[str, FindingKind] = {k.name: k for k in FINDING_KINDS}
