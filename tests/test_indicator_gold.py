"""The indicator gold (tests/indicator_gold) is well-formed and its scorer runs."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_indicator", ROOT / "scripts" / "score_indicator.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


si = _scorer()
GOLD = si.load_gold()


def _folded(s: str) -> str:
    return " ".join(s.split())


def test_gold_size_and_fields():
    assert len(GOLD) == 200
    for g in GOLD:
        assert set(g) == {"set", "file", "quote", "occurrence", "value", "value_max", "indicator", "note"}
        # an empty indicator is marked: the measured thing is only implied
        assert g["indicator"] or g["note"].startswith("implied:")


@pytest.mark.parametrize("g", GOLD, ids=lambda g: f"{g['file']}:{g['quote']}:{g['occurrence']}")
def test_quote_and_indicator_are_in_the_text(g):
    text = (si.text_dir(g["set"]) / g["file"]).read_text(encoding="utf-8")
    start, end = si.locate(text, g["quote"], g["occurrence"])
    # the indicator stands near its number (whitespace folded: PDF texts wrap lines)
    near = _folded(text[max(0, start - 600):end + 600])
    assert _folded(g["indicator"]) in near


def test_sample_is_reproducible():
    drawn = si.sample(5, 200, 37)
    assert [(d["set"], d["file"], d["quote"], d["occurrence"]) for d in drawn] == [
        (g["set"], g["file"], g["quote"], g["occurrence"]) for g in GOLD]


def test_scorer_runs_on_a_few_items():
    items = si.predict(GOLD[:25])
    result = si.score(items)
    assert result["items"] == 25 and result["matched"] >= 20
    # loose floor, a few points under what the whole gold measures with NLP on
    assert result["f1"] >= 0.75


def test_syllable_scores():
    items = [{"indicator": "Tỷ lệ hộ nghèo", "pred": "tỷ  lệ hộ nghèo"},
             {"indicator": "số hộ dân", "pred": "số hộ dân được sử dụng"},
             {"indicator": "x", "pred": None}]
    r = si.score(items)
    assert (r["matched"], r["unmatched"], r["exact"]) == (2, 1, 1)
    assert r["r"] == 1.0 and r["p"] == pytest.approx(7 / 10)
