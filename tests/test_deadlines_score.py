"""Deadline floors on the dev gold, scored by the project's scorer (../shared/eval/score.py)
over catalogues built from the bundled corpus with `build_catalogue`."""
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold"

pytestmark = pytest.mark.skipif(not SCORER.exists() or not GOLD.is_dir(),
                                reason="../shared/eval/score.py or ../shared/gold is not beside the repo")


@lru_cache(maxsize=1)
def deadline_totals() -> dict:
    spec = importlib.util.spec_from_file_location("chitieu_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tp = fp = fn = exact = 0
    attrs: dict[str, list[int]] = {}
    errors: list[str] = []
    for gold_file in sorted(GOLD.glob("*.json")):
        text = (ROOT / "corpus" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        pred = build_catalogue(text, f"{gold_file.stem}.txt").model_dump(mode="json")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        r = score.score_doc(text, gold, pred, errors, gold_file.stem)["deadlines"]
        tp, fp, fn, exact = tp + r["tp"], fp + r["fp"], fn + r["fn"], exact + r["exact"]
        for a, (hit, n) in r["attrs"].items():
            attrs.setdefault(a, [0, 0])
            attrs[a][0] += hit
            attrs[a][1] += n
    p, rec, f1 = score.prf(tp, fp, fn)
    ep = exact / (tp + fp) if tp + fp else 0.0
    er = exact / (tp + fn) if tp + fn else 1.0
    return {"f1": f1, "exact_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
            **{a: h / n for a, (h, n) in attrs.items() if n},
            "errors": [e for e in errors if " deadlines " in e]}


@pytest.mark.parametrize("measure,floor", [("f1", 0.95), ("exact_f1", 0.90), ("due", 0.95), ("recurrence", 0.95)])
def test_deadline_floor(measure, floor):
    totals = deadline_totals()
    assert totals[measure] >= floor, totals["errors"]
