"""A small trained tagger of agency mention spans (spaCy `ner`, one label `AGENCY`).

`find_spans(text)` returns the character spans `[start, end)` of the bodies the model
reads as named to carry out a task (GUIDELINES.md, Agencies), as offsets into `text`.
It finds mentions only: names (`names.expand`) and roles are the rules' business.

The pipeline ships in this folder (`AGENCY_MODEL_DIR`, written by
`scripts/train_agency_model.py`); it is loaded once per process on first use, offline.
When the folder is missing (or spaCy cannot load it) `find_spans` returns `[]`.

Tokens are syllables with punctuation split off; `&`, `-` and `/` stay inside a token
when letters or digits stand on both sides (`KH&ĐT`, `VH-XH`, `QĐ-UBND`), so an
abbreviation is one token; `.` and `,` only between digits (`1.373`, `93,5`). Every whitespace run but a single space is a token of its
own, so `doc.text == text` and token offsets are offsets into the input.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import regex as re

MODEL_NAME = "agency_ner"
AGENCY_MODEL_DIR = Path(__file__).resolve().parent / MODEL_NAME
TOKENIZER_NAME = "chitieu_agency_tokenizer.v1"
LABEL = "AGENCY"

# a word: letters/digits, joined by & - / with letters or digits on both sides, and by `.`
# or `,` between digits (`1.373`, `93,5`, `2.1`)
_TOKEN = re.compile(r"(?:\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+)(?:[&\-/](?:\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+))*|\S")
_WS = re.compile(r"\s+")


def tokenize_words(text: str) -> tuple[list[str], list[bool]]:
    """spaCy (words, spaces) for `text`: joined back they give `text` exactly."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        gap = text[pos:m.start()]
        if gap:
            if gap == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                if words and not spaces[-1] and gap[0] == " ":
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
        words.append(m.group())
        spaces.append(False)
        pos = m.end()
    gap = text[pos:]
    if gap:
        if gap == " " and words and not spaces[-1]:
            spaces[-1] = True
        else:
            if words and not spaces[-1] and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
    return words, spaces


class SyllableTokenizer:
    """Syllables and punctuation, offsets kept (see the module docstring)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc
        words, spaces = tokenize_words(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # nothing to save: the tokenizer is all code
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        pass

    def from_disk(self, path, **kwargs):
        return self


def _register() -> bool:
    try:
        import spacy
    except ImportError:
        return False
    if TOKENIZER_NAME not in spacy.registry.tokenizers:
        @spacy.registry.tokenizers(TOKENIZER_NAME)
        def _make_tokenizer():
            def create(nlp):
                return SyllableTokenizer(nlp.vocab)
            return create
    return True


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load():
    """The pipeline, or None when it is not shipped or cannot be loaded."""
    if not (AGENCY_MODEL_DIR / "config.cfg").is_file():
        return None
    with _LOCK:
        if not _register():
            return None
        try:
            import spacy
            return spacy.load(AGENCY_MODEL_DIR)
        except Exception:  # a broken or incompatible model must not break extraction
            return None


def find_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of agency mentions in `text` (sorted, not overlapping)."""
    if not text or not text.strip():
        return []
    nlp = load()
    if nlp is None:
        return []
    doc = nlp(text)
    spans = []
    for ent in doc.ents:
        if ent.label_ != LABEL:
            continue
        start, end = ent.start_char, ent.end_char
        # trim whitespace and edge punctuation the model may have taken in
        while start < end and (text[start].isspace() or text[start] in ",;:.()-–"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.(-–"):
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


__all__ = ["find_spans", "load", "tokenize_words", "AGENCY_MODEL_DIR", "LABEL"]
