"""Typed findings: what a plan says, each pointing back into the plan text.

Every `span` is `[start, end)` in characters of the plan text exactly as read
(`open(path, encoding="utf-8").read()`), so a reader can jump from a finding
to the words that state it.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

Span = tuple[int, int]

Comparator = Literal[">=", ">", "<=", "<", "=", "~", "range"]
Direction = Literal["raise", "cut", "reach", "keep"]
Recurrence = Literal["yearly", "half-yearly", "quarterly", "monthly", "weekly", "daily", "continuous"]
Role = Literal["lead", "support"]
Level = Literal["national", "ministry", "province", "district", "commune", "party committee", "unknown"]


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Section(Finding):
    """A numbered heading or item that opens a block of the outline."""
    path: list[str] = Field(description="markers from the top, as printed: ['III', '2', '2.1']")
    marker: str
    title: str
    span: Span = Field(description="the heading line (marker and title)")
    body_end: int = Field(0, description="end (exclusive) of the block this heading opens")


class Target(Finding):
    """One quantified goal: one value expression."""
    id: str = ""
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    comparator: Comparator = "="
    target_year: Optional[int] = None
    per_year: bool = False
    baseline_year: Optional[int] = None
    direction: Direction = "reach"
    indicator: str = ""
    text: str = Field("", description="the value expression as written")
    section: list[str] = Field(default_factory=list)
    span: Span
    sentence_span: Optional[Span] = None


class Deadline(Finding):
    """When a task or report is due."""
    id: str = ""
    due: Optional[str] = Field(None, description="ISO date, or --MM-DD for a yearly date")
    recurrence: Optional[Recurrence] = None
    text: str = ""
    task: str = Field("", description="the task the deadline belongs to, as written")
    scope: str = Field("", description="the part of the task a schedule line names before its "
                       "time (`- Xây dựng kế hoạch triển khai: Hoàn thành …`), else empty")
    section: list[str] = Field(default_factory=list)
    span: Span


class Agency(Finding):
    """A body named as responsible for the plan or one of its tasks."""
    id: str = ""
    name: str = Field(description="full name, abbreviations expanded")
    text: str = Field("", description="the mention as written")
    role: Optional[Role] = None
    section: list[str] = Field(default_factory=list)
    span: Span


class Reference(Finding):
    """A cited document."""
    number: Optional[str] = None
    kind: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    text: str = ""
    span: Span


class DocumentInfo(Finding):
    title: str = ""
    kind: Optional[str] = None
    number: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    level: Level = "unknown"
    date: Optional[str] = None
    implements: list[Reference] = Field(default_factory=list)
    symbol: Optional[str] = Field(None, description="the `Số:` symbol as printed, also when the number "
                                  "is left blank in a draft (`/KH-UBND`); `number` is null then")
    date_partial: Optional[str] = Field(None, description="what a header date with blanks gives: "
                                        "`ngày tháng 6 năm 2022` -> `2022-06`")


class Task(Finding):
    """A unit of work an agency must carry out."""
    id: str = ""
    title: str
    text: str = ""
    section: list[str] = Field(default_factory=list)
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    due: Optional[str] = None
    recurrence: Optional[Recurrence] = None
    deadline_ids: list[str] = Field(default_factory=list)
    target_ids: list[str] = Field(default_factory=list)
    span: Span


CATALOGUE_LISTS = ("sections", "targets", "deadlines", "agencies", "references", "tasks")


def _require_lists(schema: dict) -> None:
    schema["required"] = list(schema.get("required", [])) + [
        k for k in CATALOGUE_LISTS if k not in schema.get("required", [])]


class Catalogue(Finding):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_require_lists)

    schema_version: int = 1
    plan: str = Field(description="the plan file's stem")
    source: str = Field(description="the plan file's name")
    text_sha256: str
    document: DocumentInfo
    # Required, even when empty: a file without them is not a catalogue. Python code may
    # leave them out (empty lists); reading a file (`validation context {"file": True}`,
    # see `pipeline.load`) and the published JSON Schema require every one.
    sections: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _lists_present(cls, data, info: ValidationInfo):
        if isinstance(data, dict) and info.context and info.context.get("file"):
            missing = [k for k in CATALOGUE_LISTS if k not in data]
            if missing:
                raise ValueError(f"missing list(s): {', '.join(missing)}")
        return data
