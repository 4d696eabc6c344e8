"""Plan metadata (placeholder until the document extractor lands)."""
from __future__ import annotations

from .models import DocumentInfo, Reference
from .text import PlanText


def extract_document(doc: PlanText, references: list[Reference]) -> DocumentInfo:
    return DocumentInfo()
