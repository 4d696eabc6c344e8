"""Targets on the dev gold: the five corpus plans, catalogued by `build_catalogue` and scored by
the project's scorer (`../shared/eval/score.py`), must clear the targets floors."""
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.exists() or not (SHARED / "gold").is_dir(),
                                reason="../shared (scorer and dev gold) is not beside the repo")

FLOORS = {"f1": 0.95, "exact_f1": 0.90, "unit": 0.95, "comparator": 0.95, "target_year": 0.95}


@lru_cache(maxsize=1)
def targets_score() -> dict:
    spec = importlib.util.spec_from_file_location("chitieu_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tp = fp = fn = exact = 0
    attrs: dict[str, list[int]] = {}
    for gold_file in sorted((SHARED / "gold").glob("*.json")):
        text = (ROOT / "corpus" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        pred = build_catalogue(text, f"{gold_file.stem}.txt").model_dump(mode="json")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        r = score.score_doc(text, gold, pred, [], gold_file.stem)["targets"]
        tp, fp, fn, exact = tp + r["tp"], fp + r["fp"], fn + r["fn"], exact + r["exact"]
        for a, (hit, n) in r["attrs"].items():
            attrs.setdefault(a, [0, 0])
            attrs[a][0] += hit
            attrs[a][1] += n
    _, _, f1 = score.prf(tp, fp, fn)
    ep = exact / (tp + fp) if tp + fp else 0.0
    er = exact / (tp + fn) if tp + fn else 1.0
    return {"f1": f1, "exact_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
            **{a: h / n for a, (h, n) in attrs.items() if n}}


@pytest.mark.parametrize("metric,floor", sorted(FLOORS.items()))
def test_targets_floor(metric, floor):
    got = targets_score()[metric]
    assert got >= floor, f"targets {metric} = {got:.3f} < {floor}"
