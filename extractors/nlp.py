"""Shared access to the NLP models: loaded once per process, on first use.

underthesea's bundled word segmentation and POS tagger work offline; nothing here
downloads. Only targets ask them (a compound unit noun, where an indicator phrase starts and
ends); agencies are read by rules alone, which scored better on unseen pages. (underthesea's NER finds 2 of 102 gold agencies and is not used; a blank
spaCy `vi` pipeline added nothing the POS tagger did not already give.)
Set `CHITIEU_NLP=0` to run the rule-based extractors alone (the README's ablation).

`pos_tag` gives underthesea's own tags from underthesea's own model, but builds the
tagger's features itself: underthesea rebuilds every column of the sentence and
re-parses the template for each of 22 templates of each word (quadratic in the clause,
three quarters of the tagging time); here each feature is one string per word.
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
    tagger = _pos_tagger()
    if tagger is None:  # another underthesea layout: its own (slower) path
        from underthesea import pos_tag as _pt
        return tuple((w, t) for w, t in _pt(text))
    words = list(word_tokenize(text))  # what underthesea's pos_tag segments first
    if not words:
        return ()
    return tuple(zip(words, tagger.tag(pos_features(words))))


@lru_cache(maxsize=1)
def _pos_tagger():
    """The CRF tagger underthesea's default `pos_tag` uses (None if its layout changed)."""
    try:
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
        return CRFPOSTagPredictor.Instance().model
    except (ImportError, AttributeError):
        return None


def _is_title(word: str) -> bool:
    """underthesea's `istitle` feature: every space-separated part starts upper-case
    (an empty part, from two spaces, makes it False)."""
    if not word:
        return False
    return all(part and part[0].istitle() for part in word.split(" "))


def pos_features(words: list[str]) -> list[list[str]]:
    """The features of underthesea's POS template (`model_crf.CRFPOSTagPredictor`), in
    its order and spelling: words at -2..2 lower-cased, title case at 0, -1, 1, words at
    -2..2, word bigrams, and the placeholder tag column `X` at -3..-1."""
    n = len(words)
    lower = [w.lower() for w in words]
    title = [str(_is_title(w)) for w in words]

    def at(values: list[str], j: int) -> str:
        return "BOS" if j < 0 else "EOS" if j >= n else values[j]

    def pair(j: int) -> str:  # words j and j + 1
        return "BOS" if j < 0 else "EOS" if j + 1 >= n else f"{words[j]} {words[j + 1]}"
    out = []
    for i in range(n):
        out.append([
            f"T[-2].lower={at(lower, i - 2)}", f"T[-1].lower={at(lower, i - 1)}",
            f"T[0].lower={lower[i]}", f"T[1].lower={at(lower, i + 1)}", f"T[2].lower={at(lower, i + 2)}",
            f"T[0].istitle={title[i]}", f"T[-1].istitle={at(title, i - 1)}", f"T[1].istitle={at(title, i + 1)}",
            f"T[-2]={at(words, i - 2)}", f"T[-1]={at(words, i - 1)}", f"T[0]={words[i]}",
            f"T[1]={at(words, i + 1)}", f"T[2]={at(words, i + 2)}",
            f"T[-2,-1]={pair(i - 2)}", f"T[-1,0]={pair(i - 1)}", f"T[0,1]={pair(i)}", f"T[1,2]={pair(i + 1)}",
            f"T[-3][1]={'BOS' if i < 3 else 'X'}", f"T[-2][1]={'BOS' if i < 2 else 'X'}",
            f"T[-1][1]={'BOS' if i < 1 else 'X'}",
            f"T[-3,-2][1]={'BOS' if i < 3 else 'X X'}", f"T[-2,-1][1]={'BOS' if i < 2 else 'X X'}",
        ])
    return out
