"""Compose the extractors into one plan catalogue (pure: text in, Catalogue out)."""
from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from functools import lru_cache

from extractors.anchored import occurrences
from extractors.document import extract_document
from extractors.kinds import FINDING_KINDS, Extraction
from extractors.models import Catalogue
from extractors.outline import extract_sections
from extractors.text import NOT_REGEX_SPACES, PlanText, squeeze_spaces


@lru_cache(maxsize=8)  # (the kinds of one plan ask for the same text's line breaks in turn)
def _newlines(raw: str) -> tuple[int, ...]:
    return tuple(occurrences(raw, "\n"))


def _line_bounds(raw: str, span: tuple[int, int]) -> tuple[int, int]:
    """The paragraph around a span: from the line start before it to the line end after it
    (`raw.rfind("\n", 0, span[0]) + 1` and `raw.find("\n", span[1])`, by bisect over the
    text's line breaks: a text of few, long lines made those scans long)."""
    breaks = _newlines(raw)
    k = bisect.bisect_left(breaks, span[0])
    start = breaks[k - 1] + 1 if k else 0
    k = bisect.bisect_left(breaks, span[1])
    return start, breaks[k] if k < len(breaks) else len(raw)


def _folded_spaces(text: str) -> str:
    """`squeeze_spaces(text).strip()`: where `str.split` and `regex` read the same spaces, the
    words joined by one space straight away (one pass, no ends to strip)."""
    if any(c in text for c in NOT_REGEX_SPACES):
        return squeeze_spaces(text).strip()
    return " ".join(text.split())


def assign_ids(raw: str, items: list, prefix: str, key,
               paragraph_digests: dict[tuple[int, int], "hashlib._Hash"] | None = None) -> None:
    """Ids hang on the words, not on offsets or section numbers, so inserting text elsewhere
    leaves them unchanged: a digest of the paragraph around a finding (whitespace-folded),
    the finding's own text and its key. `paragraph_digests`: the paragraphs hashed so far,
    shared by the kinds of one plan (a paragraph's digest does not depend on the kind)."""
    seen: Counter = Counter()
    # a paragraph's folded words are hashed once, and each finding's digest continues from
    # that state: thousands of values in one paragraph cost its length once, not each time
    if paragraph_digests is None:
        paragraph_digests = {}
    for item in items:
        bounds = _line_bounds(raw, item.span)
        head = paragraph_digests.get(bounds)
        if head is None:
            context = _folded_spaces(raw[bounds[0]:bounds[1]])
            head = paragraph_digests[bounds] = hashlib.sha1((context + "\x1f").encode("utf-8"))
        h = head.copy()
        h.update("\x1f".join([raw[item.span[0]:item.span[1]], key(item)]).encode("utf-8"))
        digest = h.hexdigest()[:10]
        seen[digest] += 1
        item.id = f"{prefix}-{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else "")


def build_catalogue(raw: str, source: str) -> Catalogue:
    doc = PlanText.from_raw(raw)
    x = Extraction(doc=doc, sections=extract_sections(doc))
    paragraph_digests: dict = {}
    for kind in FINDING_KINDS:
        items = kind.extract(x)
        if not kind.ids_before_sort:
            items = sorted(items, key=kind.sort_key)
        if kind.id_prefix:
            assign_ids(raw, items, kind.id_prefix, kind.id_key, paragraph_digests)
        x.found[kind.name] = sorted(items, key=kind.sort_key)
    stem = source.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return Catalogue(
        plan=stem,
        source=source.rsplit("/", 1)[-1],
        text_sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        document=extract_document(doc, x.found["references"]),
        sections=x.sections,
        **x.found,
    )
