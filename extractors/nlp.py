"""Shared access to the NLP models: loaded once per process, on first use.

underthesea's bundled word segmentation and POS tagger work offline; nothing here
downloads. (underthesea's NER finds 2 of 102 gold agencies and is not used; a blank
spaCy `vi` pipeline added nothing the POS tagger did not already give.)
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
