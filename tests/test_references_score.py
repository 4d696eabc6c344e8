"""References and sections on the seed corpus, scored by the project's scorer
(../shared/eval/score.py) over catalogues from `build_catalogue`."""
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repo")


@lru_cache(maxsize=1)
def scores() -> dict:
    spec = importlib.util.spec_from_file_location("chitieu_score_refs", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    sums = {k: {"tp": 0, "fp": 0, "fn": 0, "attrs": {}} for k in ("references", "sections")}
    for gold_file in sorted((SHARED / "gold").glob("*.json")):
        plan = ROOT / "corpus" / f"{gold_file.stem}.txt"
        text = plan.read_text(encoding="utf-8")
        pred = build_catalogue(text, plan.name).model_dump(mode="json")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for kind, r in score.score_doc(text, gold, pred, [], gold_file.stem).items():
            if kind not in sums:
                continue
            for k in ("tp", "fp", "fn"):
                sums[kind][k] += r[k]
            for a, (hit, n) in r["attrs"].items():
                h0, n0 = sums[kind]["attrs"].get(a, (0, 0))
                sums[kind]["attrs"][a] = (h0 + hit, n0 + n)
    out = {}
    for kind, s in sums.items():
        out[kind] = {"f1": score.prf(s["tp"], s["fp"], s["fn"])[2],
                     **{a: h / n for a, (h, n) in s["attrs"].items() if n}}
    return out


def test_references_f1():
    assert scores()["references"]["f1"] >= 0.95


@pytest.mark.parametrize("attr", ["number", "date"])
def test_reference_attributes(attr):
    assert scores()["references"][attr] >= 0.95


def test_sections_f1():
    assert scores()["sections"]["f1"] >= 0.97
