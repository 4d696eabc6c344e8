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
    # the closed vocabulary the value's codes come from (`direction`, `role`, `recurrence`):
    # a renderer words them in the reader's language; None: shown as it is
    vocabulary: Optional[str] = None


@dataclass(frozen=True)
class FindingKind:
    name: str                                   # the catalogue key: `targets`
    heading: str                                # the Markdown section: `Chỉ tiêu`
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


def _col(header: str, attr: str, vocabulary: Optional[str] = None) -> Column:
    return Column(header, lambda item: getattr(item, attr), vocabulary)


# Markdown order; extraction runs in this order too (tasks read the three kinds before them).
FINDING_KINDS: tuple[FindingKind, ...] = (
    FindingKind(
        "targets", "Chỉ tiêu",
        extract=lambda x: extract_targets(x.doc, x.sections),
        sort_key=lambda t: (t.span, t.value),
        id_prefix="T", id_key=lambda t: f"{t.value}|{t.value_max}|{t.unit}",
        columns=(_col("id", "id"), _col("mục", "section"), _col("chỉ tiêu", "indicator"),
                 _col("so sánh", "comparator"), Column("giá trị", _value), _col("đơn vị", "unit"),
                 _col("năm", "target_year"), Column("mỗi năm", lambda t: "có" if t.per_year else ""),
                 _col("năm gốc", "baseline_year"), _col("xu hướng", "direction", "direction"),
                 _col("nguyên văn", "text"))),
    FindingKind(
        "deadlines", "Thời hạn",
        extract=lambda x: extract_deadlines(x.doc, x.sections),
        sort_key=lambda d: d.span,
        id_prefix="D", id_key=lambda d: f"{d.due}|{d.recurrence}",
        columns=(_col("id", "id"), _col("mục", "section"), _col("thời hạn", "due"),
                 _col("định kỳ", "recurrence", "recurrence"), _col("nhiệm vụ", "task"), _col("nguyên văn", "text"))),
    FindingKind(
        "agencies", "Cơ quan",
        extract=lambda x: extract_agencies(x.doc, x.sections),
        sort_key=lambda a: (a.span, a.name),
        id_prefix="A", id_key=lambda a: f"{a.name}|{a.role}",
        columns=(_col("id", "id"), _col("mục", "section"), _col("vai trò", "role", "role"), _col("tên", "name"),
                 _col("nguyên văn", "text"))),
    FindingKind(
        "tasks", "Nhiệm vụ",
        extract=lambda x: extract_tasks(x.doc, x.sections, x.found["targets"], x.found["deadlines"],
                                        x.found["agencies"]),
        sort_key=lambda k: k.span,
        id_prefix="K", id_key=lambda k: k.title, ids_before_sort=True,
        columns=(_col("id", "id"), _col("mục", "section"), _col("tên nhiệm vụ", "title"),
                 Column("chủ trì", lambda k: "; ".join(k.lead)), Column("phối hợp", lambda k: "; ".join(k.support)),
                 _col("thời hạn", "due"), _col("định kỳ", "recurrence", "recurrence"))),
    FindingKind(
        "references", "Văn bản dẫn chiếu",
        extract=lambda x: extract_references(x.doc),
        sort_key=lambda r: r.span,
        columns=(_col("số", "number"), _col("loại", "kind"), _col("ngày", "date"), _col("cơ quan ban hành", "issuer"))),
)

KIND_BY_NAME: dict[str, FindingKind] = {k.name: k for k in FINDING_KINDS}
