"""The dev-gold floors of issue 2, scored by the project's own scorer (../shared/eval/score.py)
over catalogues built from the bundled corpus."""
import pytest

from scoring import ROOT, SCORER, needs_shared, score_folder

pytestmark = needs_shared(SCORER)

FLOORS = {
    "targets": {"f1": 0.95, "exact_f1": 0.90, "unit": 0.95, "comparator": 0.95, "target_year": 0.95,
                "per_year": 0.95},
    "deadlines": {"f1": 0.95, "exact_f1": 0.90, "due": 0.95, "recurrence": 0.95},
    "agencies": {"f1": 0.90, "precision": 0.90, "role": 0.90, "name": 0.90},
    "references": {"f1": 0.95, "number": 0.95, "date": 0.95},
    "sections": {"f1": 0.97},
}


@pytest.mark.parametrize("kind,metric,floor",
                         [(k, m, v) for k, ms in FLOORS.items() for m, v in ms.items()])
def test_floor(kind, metric, floor):
    totals = score_folder(ROOT / "corpus", SCORER.parents[1] / "gold")
    got = totals[kind][metric]
    errors = [e for e in totals["errors"] if f" {kind} " in e]
    assert got >= floor, f"{kind} {metric} = {got:.3f} < {floor}\n" + "\n".join(errors[:20])


# What the rules reach on the dev gold today (every kind F1 1.000; one agency name of 102 differs
# from the gold's split). Real-text rules must not cost the seeds: one wrong attribute among the
# 127 targets (exact 0.992) already fails these.
REACHED = {
    "targets": {"f1": 0.995, "exact_f1": 0.995},
    "deadlines": {"f1": 0.995, "exact_f1": 0.995},
    "agencies": {"f1": 0.995, "exact_f1": 0.98},
    "references": {"f1": 0.995, "exact_f1": 0.995},
    "sections": {"f1": 0.995},
}


@pytest.mark.parametrize("kind,metric,floor",
                         [(k, m, v) for k, ms in REACHED.items() for m, v in ms.items()])
def test_reached(kind, metric, floor):
    test_floor(kind, metric, floor)
