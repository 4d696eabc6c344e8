"""Shared access to the NLP models: loaded once per process, on first use.

underthesea's bundled models (word segmentation, POS, chunking, NER) and a blank
spaCy `vi` pipeline (pyvi tokenizer) work offline. Nothing here downloads.
Set `CHITIEU_NLP=0` to run the rule-based extractors alone (the README's ablation).
"""
from __future__ import annotations

import os
from functools import lru_cache


def enabled() -> bool:
    return os.environ.get("CHITIEU_NLP", "1") not in ("0", "false", "no", "off")


@lru_cache(maxsize=4096)
def word_tokenize(text: str) -> tuple[str, ...]:
    from underthesea import word_tokenize as _wt
    return tuple(_wt(text))


@lru_cache(maxsize=4096)
def pos_tag(text: str) -> tuple[tuple[str, str], ...]:
    from underthesea import pos_tag as _pt
    return tuple((w, t) for w, t in _pt(text))


@lru_cache(maxsize=4096)
def chunk(text: str) -> tuple[tuple[str, str, str], ...]:
    """(word, POS, chunk IOB tag) triples."""
    from underthesea import chunk as _ch
    return tuple((w, p, c) for w, p, c in _ch(text))


@lru_cache(maxsize=1)
def spacy_vi():
    """A blank Vietnamese spaCy pipeline (pyvi word segmentation), loaded once."""
    import spacy
    return spacy.blank("vi")
