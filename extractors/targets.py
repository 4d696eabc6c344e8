"""Numeric targets (placeholder until the targets extractor lands)."""
from __future__ import annotations

from .models import Section, Target
from .text import PlanText


def extract_targets(doc: PlanText, sections: list[Section]) -> list[Target]:
    return []
