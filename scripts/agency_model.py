"""A small trained tagger of agency mention spans (spaCy `ner`, one label `AGENCY`).

`find_spans(text)` returns the character spans `[start, end)` of the bodies the model
reads as named to carry out a task (GUIDELINES.md, Agencies), as offsets into `text`.
It finds mentions only: names (`names.expand`) and roles are the rules' business.

An experiment, not part of the package: measured on real text (README, "NLP on real
text") it adds nothing the rules do not already find, so no extractor calls it. The
pipeline is written by `scripts/train_agency_model.py` to `AGENCY_MODEL_DIR` (outside the
package, git-ignored) and loaded once per process, offline; when the folder is missing (or
spaCy cannot load it) `find_spans` returns `[]`. spaCy comes with the `model` extra:
`pip install -e '.[model]'`.

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
AGENCY_MODEL_DIR = Path(__file__).resolve().parents[1] / ".models" / MODEL_NAME
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


# persons and offices that stand for a body (optional or not agencies, GUIDELINES.md)
_PERSON = re.compile(r"(?i)^(?:các\s+|những\s+)?(?:thủ trưởng|chủ tịch|phó chủ tịch|bộ trưởng|thứ trưởng|giám đốc"
                     r"|phó giám đốc|trưởng|phó trưởng|chánh|thường trực|lãnh đạo|đồng chí|cán bộ|người)(?![\p{L}])")


@lru_cache(maxsize=1)
def _head_re():
    from extractors.agencies.names import COLLECTIVES, PROPER_HEADS, STANDALONE_BODIES
    heads = sorted(set(PROPER_HEADS) | set(STANDALONE_BODIES) | {"Đảng bộ", "đảng bộ"}, key=len, reverse=True)
    alt = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"^(?:(?:[Cc]ác|[Tt]ừng|[Nn]hững)\s+)?(?:(?:{alt})(?![\p{{L}}\p{{N}}])(?:\s+(?:\p{{Lu}}|[\p{{L}}&-]*\p{{Lu}}|(?:tỉnh|huyện|xã|phường|thành phố|thị xã|thị trấn|quận|cấp|các)\b))"
                      rf"|(?:{alt})$"
                      rf"|(?i:(?:{'|'.join(COLLECTIVES)})))")


def plausible(name: str) -> bool:
    """Whether a span the model found reads as a body's name by its shape: it opens with
    a head the rules know (`Sở`, `UBND`, `Trung tâm` …, `các sở, ban, ngành`) followed by a
    name or a level word, and is not a person (`Thủ trưởng`, `Chủ tịch`). A gate for
    the spans only the model finds, before the role rules see them."""
    name = " ".join(name.split())
    if not name or _PERSON.match(name) or re.search(r"(?i)\bđồng chí\b", name):
        return False
    return bool(_head_re().match(name))


__all__ = ["find_spans", "plausible", "load", "tokenize_words", "AGENCY_MODEL_DIR", "LABEL"]
