"""Responsible agencies (placeholder until the agencies extractor lands)."""
from __future__ import annotations

from .models import Agency, Section
from .text import PlanText


def extract_agencies(doc: PlanText, sections: list[Section]) -> list[Agency]:
    return []
