"""Floors on the real parent → child pairs of tests/compare_real (national targets from
the press against province, district and commune plans), pooled over the pairs and
scored by ../shared/eval/score_compare.py through scripts/score_compare_real.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from scoring import needs_shared

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "eval" / "score_compare.py"
ASKED = {"pair_f1": 0.90, "status_accuracy": 0.95, "missing_recall": 0.90}
# what the comparison reaches today (1.000 on all three), less 0.02
REACHED = {"pair_f1": 0.98, "status_accuracy": 0.98, "missing_recall": 0.98}

pytestmark = needs_shared(SCORER)


@pytest.fixture(scope="module")
def pooled() -> dict:
    spec = importlib.util.spec_from_file_location("score_compare_real", REPO / "scripts" / "score_compare_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    s = module.pooled(None, False)
    _, _, f1 = module._prf(s["tp"], s["fp"], s["fn"])
    _, m_recall, _ = module._prf(s["m_tp"], s["m_fp"], s["m_fn"])
    return {"pair_f1": f1, "status_accuracy": s["status_ok"] / s["tp"] if s["tp"] else 0.0,
            "missing_recall": m_recall, "counts": s}


def test_status_accuracy_floor(pooled):
    assert pooled["status_accuracy"] >= ASKED["status_accuracy"], pooled


def test_no_regression_below_what_is_reached(pooled):
    assert pooled["pair_f1"] >= REACHED["pair_f1"], pooled
    assert pooled["status_accuracy"] >= REACHED["status_accuracy"], pooled
    assert pooled["missing_recall"] >= REACHED["missing_recall"], pooled


def test_asked_floors(pooled):
    assert pooled["pair_f1"] >= ASKED["pair_f1"], pooled
    assert pooled["missing_recall"] >= ASKED["missing_recall"], pooled
