"""Warnings a reader needs before the details: a plan that is only an excerpt, a side with
no targets, two versions of very different length."""
from __future__ import annotations

from typing import Optional

import regex as re

from extractors.models import Catalogue

from pipeline import labels as L

EXCERPT_CHARS = 2500        # shorter than any whole plan seen (the shortest is ~2,800)
SHORTER_RATIO = 0.5         # a version under half the other's length


def _first_marker(marker: str) -> bool:
    m = marker.strip("().").strip()
    return bool(re.fullmatch(r"(?i)(?:I|1|A|Điều 1|Phần (?:thứ )?(?:nhất|I|1)|Mục 1|Chương I)", m))


def excerpt_reason(cat: Catalogue, text: Optional[str], lang: str = L.DEFAULT_LANG) -> Optional[str]:
    """Why the plan looks like an excerpt rather than a whole plan (None: it looks whole)."""
    d = cat.document
    why = []
    if text is not None and len(text) < EXCERPT_CHARS:
        why.append(L.count(len(text), "chars", lang))
    if not d.kind and not d.number:
        why.append("không có phần đầu (loại, số văn bản)" if lang != "en" else "no header (kind, number)")
    tops = [s for s in cat.sections if len(s.path) == 1]
    if tops and not _first_marker(tops[0].marker or tops[0].path[0]):
        first = tops[0].path[0]
        why.append(f"bắt đầu từ mục {first}" if lang != "en" else f"starts at section {first}")
    return ", ".join(why) if why else None


def size_of(cat: Catalogue, text: Optional[str]) -> int:
    """A plan's size: its text length, else (a catalogue without text) a proxy from its findings."""
    if text is not None:
        return len(text)
    return 200 * (len(cat.sections) + len(cat.targets) + len(cat.deadlines)) + sum(len(a.text) for a in cat.agencies)


def much_shorter(old: int, new: int) -> Optional[str]:
    """'old'/'new' when that side is under half the other's length."""
    if old and new < SHORTER_RATIO * old:
        return "new"
    if new and old < SHORTER_RATIO * new:
        return "old"
    return None
