"""Task floors (issue 15): the tasks of catalogues built from the five seed plans and from the
46 real texts of `tests/tasks_gold/real/` scored against their gold with
`scripts/score_tasks.py` (rules: `tests/tasks_gold/TASKS.md`). Texts under `../shared` are
gated with `needs_shared`."""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue
from scoring import SHARED, needs_shared

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "tasks_gold"

# seeds: issue 15 asks 0.95 for each; these are the figures reached less 0.02 (a ratchet)
SEED_FLOORS = {"f1": 0.97, "lead": 0.98, "support": 0.98, "due": 0.97, "recurrence": 0.97}
# real texts: issue 15 asks F1 0.90, lead 0.95, support 0.90, due/recurrence 0.95; these are
# the figures reached so far less 0.02 (a ratchet: raise them, never lower them)
REAL_FLOORS = {"f1": 0.97, "lead": 0.94, "support": 0.97, "due": 0.95, "recurrence": 0.95}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_tasks", ROOT / "scripts" / "score_tasks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@lru_cache(maxsize=2)
def _score(kind: str) -> dict:
    mod = _scorer()
    manifest = GOLD / kind / "manifest.json"
    texts = mod.load_texts(manifest)
    tot = {"tp": 0, "fp": 0, "fn": 0, "attrs": {a: [0, 0] for a in mod.ATTRS}}
    errors: list[str] = []
    for gold_file in sorted((GOLD / kind).glob("*.json")):
        if gold_file.name == "manifest.json":
            continue
        text = texts[gold_file.stem].read_text(encoding="utf-8")
        pred = build_catalogue(text, texts[gold_file.stem].name).model_dump(mode="json")
        r = mod.score_doc(text, json.loads(gold_file.read_text(encoding="utf-8")), pred, errors, gold_file.stem)
        for k in ("tp", "fp", "fn"):
            tot[k] += r[k]
        for a, (h, n) in r["attrs"].items():
            tot["attrs"][a][0] += h
            tot["attrs"][a][1] += n
    _, _, f1 = mod.prf(tot["tp"], tot["fp"], tot["fn"])
    out = {"f1": f1, "errors": errors}
    out.update({a: h / n for a, (h, n) in tot["attrs"].items() if n})
    return out


@pytest.mark.parametrize("measure", sorted(SEED_FLOORS))
def test_seed_task_floors(measure):
    got = _score("seeds")
    assert got[measure] >= SEED_FLOORS[measure], "\n".join(got["errors"][:30])


@needs_shared(SHARED / "real" / "texts")
@pytest.mark.parametrize("measure", sorted(REAL_FLOORS))
def test_real_task_floors(measure):
    got = _score("real")
    assert got[measure] >= REAL_FLOORS[measure], "\n".join(got["errors"][:30])
