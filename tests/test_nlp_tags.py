"""`nlp.pos_tag` builds the POS tagger's features itself (underthesea's own builder is
quadratic in the clause); its tags must be underthesea's, word for word."""
import glob

import pytest
import regex as re

from extractors import nlp

underthesea = pytest.importorskip("underthesea")


def _clauses() -> list[str]:
    text = "\n".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("corpus/*.txt"))[:2])
    clauses = [c.strip() for c in re.split(r"(?<=[.;:])\s+|\n+", text) if c.strip()]
    return clauses[::7][:60] + ["", "A  B", "Sở  Y tế", "x", "Ủy ban nhân dân tỉnh", "1 2 3"]


def test_pos_tags_are_underthesea_s():
    for clause in _clauses():
        assert list(nlp.pos_tag(clause)) == [tuple(p) for p in underthesea.pos_tag(clause)], clause


def test_features_are_underthesea_s():
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
    transformer = CRFPOSTagPredictor.Instance().transformer
    for clause in _clauses():
        words = underthesea.word_tokenize(clause)
        if words:
            assert nlp.pos_features(words) == transformer.transform([[(w, "X") for w in words]])[0][0]


_ODD_TOKENS = ["+5", "-5", "2147483648", "2147483647", "-2147483648", "-2147483649", "²", "05",
               "000000000007", "5.0", "+", "-", "1_000", "ǅa", "Đà", "đà", "1a", "(", "İ", "ß", "ŉ", "Ⓐ", "Ａ",
               "a b", "C D", "E f", "EOS", "BOS", "Ủy ban"]


def test_word_segments_are_underthesea_s():
    for clause in _clauses():
        assert list(nlp.word_tokenize(clause)) == underthesea.word_tokenize(clause), clause


def test_segment_features_are_underthesea_core_s():
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
    segmenter = nlp._segmenter()
    assert segmenter is not None
    _, _, featurizer, dictionary = segmenter
    sentences = [tokenize(c) for c in _clauses()] + [_ODD_TOKENS, ["A"], ["a", "b"], ["x", "y", "z"]]
    for tokens in filter(None, sentences):
        assert nlp.segment_features(tokens, dictionary) == featurizer.process([[[t] for t in tokens]])[0], tokens
    assert nlp.segment_features(["Σ"], dictionary) is None  # its lower case depends on what follows
    # beyond the Latin blocks each side cases letters by its own tables: the featurizer reads it
    assert nlp.segment_features(["٣", "a"], dictionary) is None
    assert nlp.segment_features(["x", "\u1c89"], dictionary) is None
    for clause in ["Sở 中文 🎯 Y tế", "số ٣ và \u1c89\u1c8a"]:
        assert list(nlp.word_tokenize(clause)) == underthesea.word_tokenize(clause)


def test_segment_tags_are_crfsuite_s():
    """The segmenter's Viterbi, computed from the model file's weights, tags as crfsuite does."""
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
    _, tagger, featurizer, dictionary = nlp._segmenter()
    model = nlp._segment_model()
    assert model is not None
    sentences = [tokenize(c) for c in _clauses()] + [_ODD_TOKENS, ["A"], ["a", "b"], ["Ủy", "ban", "nhân", "dân"]]
    for tokens in filter(None, sentences):
        columns = nlp._segment_columns(tokens, dictionary)
        expected = tagger.tag(featurizer.process([[[t] for t in tokens]])[0])
        assert nlp.segment_tags(columns, len(tokens), model) == expected, tokens


def test_pos_tags_alike_with_the_unknown_features_left_out():
    """Handing crfsuite only the features its POS model knows gives its tags for all of them."""
    tagger, known = nlp._pos_tagger(), nlp._pos_attributes()
    assert known is not None and "T[0]=BOS" not in known and len(known) > 1000
    for clause in _clauses():
        words = underthesea.word_tokenize(clause)
        if words:
            features = nlp.pos_features(words)
            assert tagger.tag([[f for f in w if f in known] for w in features]) == tagger.tag(features)
