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
