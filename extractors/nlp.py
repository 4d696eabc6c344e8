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
The segmenter's Viterbi is then computed here from the model file's own weights, in
crfsuite's order of operations (two labels: a few additions a token), not by crfsuite, whose
look-up of ~40 feature strings a token was most of the segmentation's time; the tests
compare its tags with crfsuite's.
"""
from __future__ import annotations

import os
import re
import struct
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
    columns = _segment_columns(tokens, dictionary)
    tags = None
    if columns is not None:
        model = _segment_model()
        tags = segment_tags(columns, len(tokens), model) if model else None
    if tags is None:  # tokens (or a model) the fast path does not read as underthesea does
        features = segment_features(tokens, dictionary) if columns is not None else None
        if features is None:
            features = featurizer.process([[[t] for t in tokens]])[0]
        tags = tagger.tag(features)
    words: list[str] = []
    # as underthesea joins them: a token tagged I-W continues the word before it
    for tag, token in zip(tags, tokens):
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


# Python and the Rust featurizer each case letters by their own Unicode tables (of different
# versions): within the Latin blocks, punctuation and signs plans are written in the letters
# and their cases have stood unchanged for many versions; a token with any other character is
# read by the featurizer itself
_BEYOND_LATIN = re.compile("[^\u0000-\u024F\u0300-\u036F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20BF"
                           "\u2100-\u214F\u2190-\u22FF\u2460-\u26FF\u3000-\u303F\uFF00-\uFFEF]")
_I32 = re.compile(r"[+-]?[0-9]+")


def _i32(token: str) -> str:
    """underthesea_core's `isdigit`: whether Rust reads the token as an i32 (a sign, ASCII
    digits, in range)."""
    if not _I32.fullmatch(token):
        return "False"
    digits = token.lstrip("+-").lstrip("0")
    return "True" if len(digits) <= 10 and -2**31 <= int(token) < 2**31 else "False"


def segment_features(tokens: list[str], dictionary) -> list[list[str]] | None:
    """underthesea_core's `CRFFeaturizer.process` for `SEGMENT_TEMPLATE`, one sentence (None
    where `_segment_columns` is)."""
    columns = _segment_columns(tokens, dictionary)
    if columns is None:
        return None
    return [[name + "=" + column[i + k] for name, column, k in columns] for i in range(len(tokens))]


def _segment_columns(tokens: list[str], dictionary) -> list[tuple[str, list[str], int]] | None:
    """The values of `SEGMENT_TEMPLATE`'s features, one column per template: (template,
    values, k), the value at token i being values[i + k]. As underthesea_core's featurizer: a
    feature before the first token is `BOS`, after the last `EOS` (a span: where it starts,
    or where it ends past the last); `lower` and `is_in_dict` read the span lower-cased,
    `istitle` whether each space-separated part's first letter is its own upper case.
    None for a token with an empty part (the featurizer fails on it), a `Σ` (whose lower
    case depends on what follows) or a character beyond `_BEYOND_LATIN`'s blocks: the caller
    asks the featurizer."""
    n = len(tokens)
    for t in tokens:
        if not t or t[0] == " " or t[-1] == " " or "  " in t or "Σ" in t:
            return None
    if _BEYOND_LATIN.search("".join(tokens)):
        return None
    low = [t.lower() for t in tokens]
    title = [t[0] == t[0].upper() if " " not in t else all(p[0] == p[0].upper() for p in t.split(" "))
             for t in tokens]
    pad = ["BOS", "BOS"]

    def column(values: list[str]) -> list[str]:
        # values at j = 0 .. len - 1, padded to j = -2 .. n + 1 (index j + 2): a feature whose
        # span starts before the first token is BOS, one that ends past the last EOS
        return pad + values + ["EOS"] * (n + 2 - len(values))

    def truth(values) -> list[str]:
        return ["True" if v else "False" for v in values]
    pairs = [a + " " + b for a, b in zip(tokens, tokens[1:])]
    low_pairs = [a + " " + b for a, b in zip(low, low[1:])]
    low_triples = [a + " " + b for a, b in zip(low_pairs, low[2:])]
    w1, w2 = column(tokens), column(pairs)
    w3 = column([a + " " + b for a, b in zip(pairs, tokens[2:])])
    l1, l2 = column(low), column(low_pairs)
    d1 = column(truth(x in dictionary for x in low))
    d2 = column(truth(x in dictionary for x in low_pairs))
    d3 = column(truth(x in dictionary for x in low_triples))
    g1 = column([_i32(t) if t[0] in "+-0123456789" else "False" for t in tokens])
    t1 = column(truth(title))
    t2 = column(truth(a and b for a, b in zip(title, title[1:])))
    t3 = column(truth(a and b and c for a, b, c in zip(title, title[1:], title[2:])))
    # (template, column, offset) in SEGMENT_TEMPLATE's order; column index i + offset + 2
    specs = [("T[-2]", w1, -2), ("T[-1]", w1, -1), ("T[0]", w1, 0), ("T[1]", w1, 1),
             ("T[2]", w1, 2), ("T[-2,-1]", w2, -2), ("T[-1,0]", w2, -1), ("T[0,1]", w2, 0),
             ("T[1,2]", w2, 1), ("T[-2,0]", w3, -2), ("T[-1,1]", w3, -1), ("T[0,2]", w3, 0),
             ("T[-2].lower", l1, -2), ("T[-1].lower", l1, -1), ("T[0].lower", l1, 0),
             ("T[1].lower", l1, 1), ("T[2].lower", l1, 2), ("T[-2,-1].lower", l2, -2),
             ("T[-1,0].lower", l2, -1), ("T[0,1].lower", l2, 0), ("T[1,2].lower", l2, 1),
             ("T[-1].isdigit", g1, -1), ("T[0].isdigit", g1, 0), ("T[1].isdigit", g1, 1),
             ("T[-2].istitle", t1, -2), ("T[-1].istitle", t1, -1), ("T[0].istitle", t1, 0),
             ("T[1].istitle", t1, 1), ("T[2].istitle", t1, 2), ("T[0,1].istitle", t2, 0),
             ("T[0,2].istitle", t3, 0), ("T[-2].is_in_dict", d1, -2),
             ("T[-1].is_in_dict", d1, -1), ("T[0].is_in_dict", d1, 0),
             ("T[1].is_in_dict", d1, 1), ("T[2].is_in_dict", d1, 2),
             ("T[-2,-1].is_in_dict", d2, -2), ("T[-1,0].is_in_dict", d2, -1),
             ("T[0,1].is_in_dict", d2, 0), ("T[1,2].is_in_dict", d2, 1),
             ("T[-2,0].is_in_dict", d3, -2), ("T[-1,1].is_in_dict", d3, -1),
             ("T[0,2].is_in_dict", d3, 0)]
    return [(name, column, offset + 2) for name, column, offset in specs]


def segment_tags(columns, n: int, model) -> list[str] | None:
    """crfsuite's Viterbi tags for the segmenter (two labels), computed here from the model's
    own weights, in crfsuite's own order of operations, so the same floats and the same tags:
    a token's score for a label is 0 plus the weight of each of its features the model
    knows, in template order (crfsuite skips a feature it does not know); a path's score adds
    the transition's weight then the token's; a tie keeps the earlier label. Builds no
    feature strings and asks crfsuite nothing (its string look-ups were most of the
    segmentation's time). None where crfsuite would not read the features as written (a
    NUL ends its strings)."""
    tables, trans, labels = model
    for _, column, _ in columns[:1]:
        if any("\x00" in v for v in column):
            return None
    # a token's two scores as one complex number (its parts add apart, each as a float):
    # the weights of a feature the model knows, added in template order
    scores = [0j] * n
    for (_, column, k), table in zip(columns, tables):
        get = table.get
        scores = [a if (w := get(v)) is None else a + w for a, v in zip(scores, column[k:k + n])]
    first = [a.real for a in scores]
    second = [a.imag for a in scores]
    (t00, t01), (t10, t11) = trans
    prev0, prev1 = first[0], second[0]
    back = []
    for i in range(1, n):
        # to label 0: from 0 unless 1 scores higher (strictly), as crfsuite's loop keeps it
        # (every score is finite: `_segment_model` checks the weights)
        a, b = prev0 + t00, prev1 + t10
        from0 = 1 if a < b else 0
        c, d = prev0 + t01, prev1 + t11
        from1 = 1 if c < d else 0
        back.append((from0, from1))
        prev0 = (b if from0 else a) + first[i]
        prev1 = (d if from1 else c) + second[i]
    label = 1 if prev0 < prev1 else 0
    out = [label]
    for pair in reversed(back):
        label = pair[label]
        out.append(label)
    out.reverse()
    return [labels[x] for x in out]


@lru_cache(maxsize=1)
def _segment_model():
    """The segmenter's CRF weights read from its crfsuite model file (crf1d format: a header,
    the labels' and attributes' CQDB string tables, the features, each attribute's feature
    references): per template of `SEGMENT_TEMPLATE`, value -> (weight for label 0, for label
    1); the 2 x 2 transition weights; the labels. None for a file that is not laid out so."""
    from os.path import dirname, join
    try:
        import underthesea.pipeline.word_tokenize as ws
        data = open(join(dirname(ws.__file__), "models", "ws_crf_vlsp2013_20230727", "models.bin"), "rb").read()
        (magic, _, kind, _, _, n_labels, n_attrs, off_features, off_labels, off_attrs, _,
         off_attrrefs) = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
        if magic != b"lCRF" or kind != b"FOMC" or n_labels != 2:
            return None
        labels, names = _cqdb(data, off_labels), _cqdb(data, off_attrs)
        chunk, _, n_features = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT" or len(names) != n_attrs or labels != ["B-W", "I-W"]:
            return None
        features = list(struct.iter_unpack("<IIId", data[off_features + 12:off_features + 12 + 20 * n_features]))
        chunk, _, n_refs = struct.unpack_from("<4sII", data, off_attrrefs)
        if chunk != b"AFRF" or n_refs != n_attrs:
            return None
        # weights far from the float range: no sum of a sentence's can overflow
        if not all(abs(f[3]) < 1e6 for f in features):
            return None
        trans = [[0.0, 0.0], [0.0, 0.0]]
        for kind_, src, dst, weight in features:
            if kind_ == 1:
                trans[src][dst] = weight
        index = {name: k for k, name in enumerate(SEGMENT_TEMPLATE)}
        tables: list[dict] = [{} for _ in SEGMENT_TEMPLATE]
        for aid, at in enumerate(struct.unpack_from(f"<{n_attrs}I", data, off_attrrefs + 12)):
            (count,) = struct.unpack_from("<I", data, at)
            weights = [0.0, 0.0]
            for fid in struct.unpack_from(f"<{count}I", data, at + 4):
                kind_, src, dst, weight = features[fid]
                if kind_ != 0 or src != aid:
                    return None
                weights[dst] = weight
            template, eq, value = names[aid].partition("=")
            if not eq or template not in index:
                return None
            if count:  # (a label without a feature adds 0, as crfsuite adds nothing)
                tables[index[template]][value] = complex(*weights)
        return tables, trans, labels
    except (ImportError, OSError, struct.error, UnicodeDecodeError, IndexError):
        return None


def _cqdb(data: bytes, at: int) -> list[str]:
    """The strings of a CQDB table (crfsuite's string <-> id map) by id, from its backward
    array: (id, size with the closing NUL, bytes) records."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, at)
    if chunk != b"CQDB":
        raise struct.error("not a CQDB chunk")
    out = []
    for k, off in enumerate(struct.unpack_from(f"<{count}I", data, at + backward)):
        ident, size = struct.unpack_from("<II", data, at + off)
        if ident != k:
            raise struct.error("CQDB ids out of order")
        out.append(data[at + off + 8:at + off + 7 + size].decode("utf-8"))
    return out


@lru_cache(maxsize=4096)
def pos_tag(text: str) -> tuple[tuple[str, str], ...]:
    tagger = _pos_tagger()
    if tagger is None:  # another underthesea layout: its own (slower) path
        from underthesea import pos_tag as _pt
        return tuple((w, t) for w, t in _pt(text))
    words = list(word_tokenize(text))  # what underthesea's pos_tag segments first
    if not words:
        return ()
    features = pos_features(words)
    known = _pos_attributes()
    if known is not None and not any("\x00" in w for w in words):
        # crfsuite skips a feature its model does not know (a third of them): not handed it,
        # the same tags for less of its string look-ups (a NUL would end its string early)
        features = [[f for f in word if f in known] for word in features]
    return tuple(zip(words, tagger.tag(features)))


@lru_cache(maxsize=1)
def _pos_attributes() -> frozenset[str] | None:
    """The feature strings the POS model knows (its attributes' CQDB table), None if its
    file is not where or as expected."""
    from os.path import dirname, join
    try:
        import underthesea.pipeline.pos_tag as pos
        data = open(join(dirname(pos.__file__), "pos_crf_2017_10_11.bin"), "rb").read()
        magic, _, kind, _, _, _, n_attrs, _, _, off_attrs = struct.unpack_from("<4sI4sIIIIIII", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        names = _cqdb(data, off_attrs)
        return frozenset(names) if len(names) == n_attrs else None
    except (ImportError, OSError, struct.error, UnicodeDecodeError, IndexError):
        return None


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
