"""Deadlines (placeholder until the deadlines extractor lands)."""
from __future__ import annotations

from .models import Deadline, Section
from .text import PlanText


def extract_deadlines(doc: PlanText, sections: list[Section]) -> list[Deadline]:
    return []
