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

`word_tokenize` is underthesea's word segmentation (its regex tokens, its CRF model, its
dictionary) with the segmenter's features built here too: underthesea_core's featurizer
re-reads each of its 43 templates for each token (about half the segmentation time); here
each token's columns (lower case, digits, title case, in the dictionary) are read once and
the feature strings built from them, the same strings in the same order
(tests/test_nlp_tags.py compares them with underthesea_core's on every clause it tries).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache


def enabled() -> bool:
    return os.environ.get("CHITIEU_NLP", "1") not in ("0", "false", "no", "off")


@lru_cache(maxsize=4096)
def word_tokenize(text: str) -> tuple[str, ...]:
    segmenter = _segmenter()
    if segmenter is None:  # another underthesea layout: its own path
        from underthesea import word_tokenize as _wt
        return tuple(_wt(text))
    tokenize, tagger, featurizer, dictionary = segmenter
    tokens = tokenize(text, use_token_normalize=True, fixed_words=[])
    if not tokens:
        return ()
    features = segment_features(tokens, dictionary)
    if features is None:  # a token the fast path does not read as the featurizer does
        features = featurizer.process([[[t] for t in tokens]])[0]
    words: list[str] = []
    # as underthesea joins them: a token tagged I-W continues the word before it
    for tag, token in zip(tagger.tag(features), tokens):
        if tag == "I-W" and words:
            words[-1] = words[-1] + " " + token
        else:
            words.append(token)
    return tuple(words)


# the word segmenter's feature templates (underthesea's `ws_crf_vlsp2013_20230727`), in its
# order: `segment_features` builds exactly these
SEGMENT_TEMPLATE = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]", "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-2,0]", "T[-1,1]", "T[0,2]", "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower",
    "T[2].lower", "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit", "T[-2].istitle", "T[-1].istitle",
    "T[0].istitle", "T[1].istitle", "T[2].istitle", "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict",
    "T[2].is_in_dict", "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict",
    "T[1,2].is_in_dict", "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)


@lru_cache(maxsize=1)
def _segmenter():
    """underthesea's word segmentation pieces, loaded as its `word_tokenize` loads them: its
    tokenizer, the CRF tagger, its featurizer and dictionary (None if its layout changed)."""
    try:
        from os.path import dirname, join

        import joblib
        import pycrfsuite
        import underthesea.pipeline.word_tokenize as ws
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
        from underthesea_core import CRFFeaturizer
        base = join(dirname(ws.__file__), "models", "ws_crf_vlsp2013_20230727")
        templates = joblib.load(join(base, "features.bin"))
        dictionary = joblib.load(join(base, "dictionary.bin"))
        tagger = pycrfsuite.Tagger()
        tagger.open(join(base, "models.bin"))
    except (ImportError, AttributeError, OSError):
        return None
    if tuple(templates) != SEGMENT_TEMPLATE:
        return None
    return tokenize, tagger, CRFFeaturizer(templates, dictionary), dictionary


_I32 = re.compile(r"[+-]?[0-9]+")


def _i32(token: str) -> str:
    """underthesea_core's `isdigit`: whether Rust reads the token as an i32 (a sign, ASCII
    digits, in range)."""
    if not _I32.fullmatch(token):
        return "False"
    digits = token.lstrip("+-").lstrip("0")
    return "True" if len(digits) <= 10 and -2**31 <= int(token) < 2**31 else "False"


def segment_features(tokens: list[str], dictionary) -> list[list[str]] | None:
    """underthesea_core's `CRFFeaturizer.process` for `SEGMENT_TEMPLATE`, one sentence: a
    feature before the first token is `BOS`, after the last `EOS` (a span: where it starts,
    or where it ends past the last); `lower` and `is_in_dict` read the span lower-cased,
    `istitle` whether each space-separated part's first letter is its own upper case.
    None for a token with an empty part (the featurizer fails on it) or a `Σ` (whose lower
    case depends on what follows): the caller asks the featurizer."""
    n = len(tokens)
    for t in tokens:
        if not t or t[0] == " " or t[-1] == " " or "  " in t or "Σ" in t:
            return None
    low = [t.lower() for t in tokens]
    title = [all(p[0] == p[0].upper() for p in t.split(" ")) for t in tokens]
    yes = {True: "True", False: "False"}
    pad = ["BOS", "BOS"]
    end = ["EOS", "EOS"]

    def spans(values: list[str], width: int) -> list[str]:
        # the span of `width` tokens starting at j, for j = -2 .. n + 1 (index j + 2)
        return pad + [" ".join(values[j:j + width]) if j + width <= n else "EOS"
                      for j in range(n)] + end
    w1, w2, w3 = pad + tokens + end, spans(tokens, 2), spans(tokens, 3)
    l1, l2 = pad + low + end, spans(low, 2)
    d1 = pad + [yes[x in dictionary] for x in low] + end
    d2 = pad + [yes[x in dictionary] if j + 2 <= n else "EOS" for j, x in enumerate(l2[2:-2])] + end
    l3 = spans(low, 3)
    d3 = pad + [yes[x in dictionary] if j + 3 <= n else "EOS" for j, x in enumerate(l3[2:-2])] + end
    g1 = pad + [_i32(t) for t in tokens] + end
    t1 = pad + [yes[x] for x in title] + end
    t2 = pad + [yes[title[j] and title[j + 1]] if j + 2 <= n else "EOS" for j in range(n)] + end
    t3 = pad + [yes[title[j] and title[j + 1] and title[j + 2]] if j + 3 <= n else "EOS"
                for j in range(n)] + end
    # (template, column, offset) in SEGMENT_TEMPLATE's order; column index i + offset + 2
    specs = [("T[-2]=", w1, -2), ("T[-1]=", w1, -1), ("T[0]=", w1, 0), ("T[1]=", w1, 1),
             ("T[2]=", w1, 2), ("T[-2,-1]=", w2, -2), ("T[-1,0]=", w2, -1), ("T[0,1]=", w2, 0),
             ("T[1,2]=", w2, 1), ("T[-2,0]=", w3, -2), ("T[-1,1]=", w3, -1), ("T[0,2]=", w3, 0),
             ("T[-2].lower=", l1, -2), ("T[-1].lower=", l1, -1), ("T[0].lower=", l1, 0),
             ("T[1].lower=", l1, 1), ("T[2].lower=", l1, 2), ("T[-2,-1].lower=", l2, -2),
             ("T[-1,0].lower=", l2, -1), ("T[0,1].lower=", l2, 0), ("T[1,2].lower=", l2, 1),
             ("T[-1].isdigit=", g1, -1), ("T[0].isdigit=", g1, 0), ("T[1].isdigit=", g1, 1),
             ("T[-2].istitle=", t1, -2), ("T[-1].istitle=", t1, -1), ("T[0].istitle=", t1, 0),
             ("T[1].istitle=", t1, 1), ("T[2].istitle=", t1, 2), ("T[0,1].istitle=", t2, 0),
             ("T[0,2].istitle=", t3, 0), ("T[-2].is_in_dict=", d1, -2),
             ("T[-1].is_in_dict=", d1, -1), ("T[0].is_in_dict=", d1, 0),
             ("T[1].is_in_dict=", d1, 1), ("T[2].is_in_dict=", d1, 2),
             ("T[-2,-1].is_in_dict=", d2, -2), ("T[-1,0].is_in_dict=", d2, -1),
             ("T[0,1].is_in_dict=", d2, 0), ("T[1,2].is_in_dict=", d2, 1),
             ("T[-2,0].is_in_dict=", d3, -2), ("T[-1,1].is_in_dict=", d3, -1),
             ("T[0,2].is_in_dict=", d3, 0)]
    specs = [(name, column, offset + 2) for name, column, offset in specs]
    return [[name + column[i + k] for name, column, k in specs] for i in range(n)]


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
