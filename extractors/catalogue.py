"""Compose the extractors into one plan catalogue (pure: text in, Catalogue out)."""
from __future__ import annotations

import hashlib
from collections import Counter

import regex as re

from extractors.agencies.rules import extract_agencies
from extractors.deadlines.rules import extract_deadlines
from extractors.document.rules import extract_document
from extractors.models import Catalogue
from extractors.references.rules import extract_references
from extractors.outline.sections import extract_sections
from extractors.targets.rules import extract_targets
from extractors.tasks.rules import extract_tasks
from extractors.text import PlanText


def _context(raw: str, span: tuple[int, int]) -> str:
    """The paragraph around a span, whitespace-folded: ids hang on the words, not on
    offsets or section numbers, so inserting text elsewhere leaves them unchanged."""
    start = raw.rfind("\n", 0, span[0]) + 1
    end = raw.find("\n", span[1])
    end = len(raw) if end < 0 else end
    return re.sub(r"\s+", " ", raw[start:end]).strip()


def assign_ids(raw: str, items: list, prefix: str, key) -> None:
    seen: Counter = Counter()
    for item in items:
        basis = "\x1f".join([_context(raw, item.span), raw[item.span[0]:item.span[1]], key(item)])
        digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
        seen[digest] += 1
        item.id = f"{prefix}-{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else "")


def build_catalogue(raw: str, source: str) -> Catalogue:
    doc = PlanText.from_raw(raw)
    sections = extract_sections(doc)
    references = extract_references(doc)
    document = extract_document(doc, references)
    targets = sorted(extract_targets(doc, sections), key=lambda t: (t.span, t.value))
    deadlines = sorted(extract_deadlines(doc, sections), key=lambda d: d.span)
    agencies = sorted(extract_agencies(doc, sections), key=lambda a: (a.span, a.name))
    assign_ids(raw, targets, "T", lambda t: f"{t.value}|{t.value_max}|{t.unit}")
    assign_ids(raw, deadlines, "D", lambda d: f"{d.due}|{d.recurrence}")
    assign_ids(raw, agencies, "A", lambda a: f"{a.name}|{a.role}")
    tasks = extract_tasks(doc, sections, targets, deadlines, agencies)
    assign_ids(raw, tasks, "K", lambda k: k.title)
    stem = source.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return Catalogue(
        plan=stem,
        source=source.rsplit("/", 1)[-1],
        text_sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        document=document,
        sections=sections,
        targets=targets,
        deadlines=deadlines,
        agencies=agencies,
        references=sorted(references, key=lambda r: r.span),
        tasks=sorted(tasks, key=lambda k: k.span),
    )
