"""The real-text sets and the project's scorer, named once for every scoring script: `shared`
(../shared/real) and each batch folder under tests/real (b1, b2 …)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def sets(names=None) -> list[tuple[str, Path, Path]]:
    """(name, texts dir, gold dir) of every real set, or of those in `names` when given."""
    found = [("shared", SHARED / "real" / "texts", SHARED / "real" / "gold")]
    found += [(p.name, p / "texts", p / "gold") for p in sorted((ROOT / "tests" / "real").glob("b*"))
              if (p / "gold").is_dir()]
    return [s for s in found if not names or s[0] in names]


def scorer():
    """../shared/eval/score.py as a module (its `locate`, `score_doc`, `prf`, `KINDS`)."""
    spec = importlib.util.spec_from_file_location("chitieu_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
