"""Find the plan a child plan implements among the plans of a corpus.

The child names its parent in its opening (`Thực hiện Kế hoạch số 128/KH-UBND ngày
01/4/2026 của UBND tỉnh …`): `document.implements`. The parent is the corpus plan
whose own number (`Số: 128/KH-UBND`) and date match one of those references. Only
the header of each corpus plan is read (document and reference extractors), so a
large corpus is searched quickly.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import regex as re

from extractors import lexicon
from extractors.document.rules import extract_document
from extractors.models import Catalogue, DocumentInfo, Reference
from extractors.references.rules import extract_references
from extractors.text import PlanText

from pipeline.errors import PlanError
from pipeline.labels import problem
from pipeline.ingest import plan_files, read_plan

# the kind a document symbol stands for (`128/KH-UBND` → Kế hoạch)
_KIND_BY_SYMBOL = lexicon.document_kinds()


@dataclass
class ParentMatch:
    path: Path
    reference: Reference
    document: DocumentInfo


class ParentNotFound(Exception):
    """The corpus holds none of the documents the child implements."""

    def __init__(self, wanted: list[Reference], siblings: Optional[list[Path]] = None):
        self.wanted = wanted
        self.siblings = siblings or []
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        """What is missing, in the reader's language (the officer's by default)."""
        msg = describe_needed(self.wanted, lang)
        if self.siblings:
            names = ", ".join(p.name for p in self.siblings)
            msg += (f"; corpus plans that implement the same document (siblings, comparable with "
                    f"`chitieu compare CHILD OTHER`): {names}" if lang == "en" else
                    f"; kế hoạch trong thư mục cùng thực hiện văn bản đó (so sánh được bằng "
                    f"`chitieu compare CHILD KHÁC`): {names}")
        return msg


def normalise_number(number: Optional[str]) -> str:
    if not number:
        return ""
    n = unicodedata.normalize("NFC", number).upper()
    n = re.sub(r"\s+", "", n)
    n = re.sub(r"[–—‐]", "-", n)
    return n.strip(".,;")


def kind_of(ref: Reference) -> str:
    if ref.kind:
        return ref.kind
    m = re.search(r"[/-]([A-Za-zĐđ]+)", ref.number or "")
    return _KIND_BY_SYMBOL.get(m.group(1), "văn bản") if m else "văn bản"


def describe_reference(ref: Reference) -> str:
    parts = [kind_of(ref)]
    if ref.number:
        parts.append(f"số {ref.number}")
    if ref.date:
        y, m, d = ref.date.split("-")
        parts.append(f"ngày {int(d):02d}/{int(m):02d}/{y}")
    if ref.issuer:
        parts.append(f"của {ref.issuer}")
    return " ".join(parts)


def describe_needed(refs: list[Reference], lang: str = "vi") -> str:
    if lang == "en":
        if not refs:
            return "the child plan names no document it implements (no `Thực hiện …` reference)"
        return "parent plan not in the corpus; needed: " + "; or ".join(describe_reference(r) for r in refs)
    if not refs:
        return "kế hoạch cấp dưới không nêu văn bản nào mà nó thực hiện (không có câu `Thực hiện …`)"
    return ("không có kế hoạch cấp trên trong thư mục; cần: "
            + "; hoặc ".join(describe_reference(r) for r in refs))


# a section that lists what the plan is based on: `I. CĂN CỨ XÂY DỰNG KẾ HOẠCH`, `Căn cứ pháp lý`
_BASES_HEADING = re.compile(r"^\W*căn cứ(?:\s+(?:xây dựng|ban hành|pháp lý|để xây dựng))?", re.I)


def implemented_references(child: Catalogue) -> list[Reference]:
    """What the child implements: `document.implements`, else the numbered references
    of its opening paragraph (before the first section) and of a section listing its bases
    (`I. CĂN CỨ XÂY DỰNG KẾ HOẠCH … 7. Kế hoạch số 370/KH-UBND …`), without repeats."""
    refs = list(child.document.implements)
    if not refs:
        first_section = min((s.span[0] for s in child.sections), default=None)
        bases = [_section_extent(child, s) for s in child.sections if _BASES_HEADING.match(s.title)]
        refs = [r for r in child.references
                if r.number and (first_section is None or r.span[0] < first_section
                                 or any(a <= r.span[0] < b for a, b in bases))]
    out, seen = [], set()
    for r in refs:
        key = (normalise_number(r.number), r.date)
        if r.number and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _dates_agree(ref_date: Optional[str], doc: DocumentInfo) -> bool:
    if not ref_date:
        return True
    if doc.date:
        return doc.date == ref_date
    partial = getattr(doc, "date_partial", None)
    if partial:
        return ref_date.startswith(partial)
    return True


def reference_to(info: DocumentInfo, keys: list[tuple[str, Reference]]) -> Optional[Reference]:
    """The child's reference (among `(normalised number, reference)` pairs) that names the
    document `info` describes: the same number, and dates that agree."""
    own = normalise_number(info.number)
    return next((ref for key, ref in keys if own and key == own and _dates_agree(ref.date, info)), None)


def header_of(path: Path) -> DocumentInfo:
    """The document header of a corpus plan (or of a catalogue JSON)."""
    if path.suffix.lower() == ".json":
        try:
            return Catalogue.model_validate(json.loads(path.read_text(encoding="utf-8"))).document
        except Exception as exc:  # a JSON file that is not a catalogue: not a candidate
            raise PlanError(path, problem("not_catalogue", count=type(exc).__name__))
    doc = PlanText.from_raw(read_plan(path))
    return extract_document(doc, extract_references(doc))


def corpus_candidates(corpus: Path) -> list[Path]:
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise PlanError(corpus, problem("not_a_directory"))
    files = plan_files([corpus])
    files += sorted(p for p in corpus.glob("*.json") if not (p.with_suffix(".txt")).exists())
    return files


def find_parent(child: Catalogue, corpus: Path, child_path: Optional[Path] = None) -> ParentMatch:
    """The corpus plan the child implements; raises ParentNotFound naming what is needed."""
    wanted = implemented_references(child)
    if not wanted:
        raise ParentNotFound([])
    keys = [(normalise_number(r.number), r) for r in wanted]
    siblings = []
    for path in corpus_candidates(corpus):
        if child_path is not None and path.resolve() == Path(child_path).resolve():
            continue
        try:
            info = header_of(path)
        except PlanError:
            continue
        if (ref := reference_to(info, keys)) is not None:
            return ParentMatch(path=path, reference=ref, document=info)
        if {normalise_number(r.number) for r in info.implements} & {k for k, _ in keys}:
            siblings.append(path)
    raise ParentNotFound(wanted, siblings)


def _section_extent(cat: Catalogue, section) -> tuple[int, int]:
    """From a heading to the next heading of its rank or above (the end of the text else)."""
    later = [s.span[0] for s in cat.sections
             if s.span[0] > section.span[0] and len(s.path) <= len(section.path)]
    return section.span[0], min(later, default=10 ** 12)
