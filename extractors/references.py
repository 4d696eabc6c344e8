"""Cited documents (placeholder until the references extractor lands)."""
from __future__ import annotations

from .models import Reference
from .text import PlanText


def extract_references(doc: PlanText) -> list[Reference]:
    return []
