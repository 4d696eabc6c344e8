"""Agencies on the dev gold: the five corpus plans are extracted with the whole pipeline
(`build_catalogue`) and scored with the project's scorer (../shared/eval/score.py)."""
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repo")


@lru_cache(maxsize=1)
def agency_scores() -> dict:
    spec = importlib.util.spec_from_file_location("chitieu_score_agencies", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tp = fp = fn = 0
    attrs = {"name": [0, 0], "role": [0, 0]}
    for gold_file in sorted(GOLD.glob("*.json")):
        text = (ROOT / "corpus" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        pred = build_catalogue(text, f"{gold_file.stem}.txt").model_dump(mode="json")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        r = score.score_doc(text, gold, pred, [], gold_file.stem)["agencies"]
        tp, fp, fn = tp + r["tp"], fp + r["fp"], fn + r["fn"]
        for a, (hit, n) in r["attrs"].items():
            attrs[a][0] += hit
            attrs[a][1] += n
    p, rec, f = score.prf(tp, fp, fn)
    return {"precision": p, "recall": rec, "f1": f,
            **{a: hit / n for a, (hit, n) in attrs.items() if n}}


def test_agencies_f1_floor():
    assert agency_scores()["f1"] >= 0.90


def test_agency_roles_floor():
    assert agency_scores()["role"] >= 0.90


def test_agency_names_spelled_out():
    assert agency_scores()["name"] >= 0.90


def test_named_bodies_precise():
    # generic actors are optional in gold, so every counted extra is a named body
    assert agency_scores()["precision"] >= 0.90
