"""The dev-gold floors of issue 2, scored by the project's own scorer (../shared/eval/score.py)
over catalogues built from the bundled corpus."""
import importlib.util
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repo")

FLOORS = {
    "targets": {"f1": 0.95, "exact_f1": 0.90, "unit": 0.95, "comparator": 0.95, "target_year": 0.95,
                "per_year": 0.95},
    "deadlines": {"f1": 0.95, "exact_f1": 0.90, "due": 0.95, "recurrence": 0.95},
    "agencies": {"f1": 0.90, "precision": 0.90, "role": 0.90, "name": 0.90},
    "references": {"f1": 0.95, "number": 0.95, "date": 0.95},
    "sections": {"f1": 0.97},
}


@lru_cache(maxsize=1)
def totals() -> dict:
    spec = importlib.util.spec_from_file_location("chitieu_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    import json
    sums = {k: {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "attrs": {}} for k in score.KINDS}
    errors: list[str] = []
    for gold_file in sorted((SHARED / "gold").glob("*.json")):
        text = (ROOT / "corpus" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        pred = build_catalogue(text, f"{gold_file.stem}.txt").model_dump(mode="json")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for kind, r in score.score_doc(text, gold, pred, errors, gold_file.stem).items():
            s = sums[kind]
            for k in ("tp", "fp", "fn", "exact"):
                s[k] += r[k]
            for a, (hit, n) in r["attrs"].items():
                h0, n0 = s["attrs"].get(a, (0, 0))
                s["attrs"][a] = (h0 + hit, n0 + n)
    out = {}
    for kind, s in sums.items():
        p, r, f = score.prf(s["tp"], s["fp"], s["fn"])
        ep = s["exact"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
        er = s["exact"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        out[kind] = {"precision": p, "f1": f, "exact_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
                     **{a: h / n for a, (h, n) in s["attrs"].items() if n}}
    out["errors"] = errors
    return out


@pytest.mark.parametrize("kind,metric,floor",
                         [(k, m, v) for k, ms in FLOORS.items() for m, v in ms.items()])
def test_floor(kind, metric, floor):
    got = totals()[kind][metric]
    errors = [e for e in totals()["errors"] if f" {kind} " in e]
    assert got >= floor, f"{kind} {metric} = {got:.3f} < {floor}\n" + "\n".join(errors[:20])
