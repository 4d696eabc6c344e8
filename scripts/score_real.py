#!/usr/bin/env python3
"""Score the catalogue of every real-text set with ../shared/eval/score.py and print one
Markdown table per set (the README's accuracy tables).

usage: .venv/bin/python scripts/score_real.py [SET ...]
   SET: `shared` (../shared/real) or a batch folder under tests/real (b1, b2 …); default all

Catalogues are built in-process with the extractors as they are in the working tree.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from extractors.catalogue import build_catalogue  # noqa: E402
from real_sets import scorer as _scorer, sets  # noqa: E402


def score_set(score, texts: Path, gold: Path) -> dict:
    sums = {k: {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "attrs": {}} for k in score.KINDS}
    for gold_file in sorted(gold.glob("*.json")):
        text = (texts / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        pred = build_catalogue(text, f"{gold_file.stem}.txt").model_dump(mode="json")
        expected = json.loads(gold_file.read_text(encoding="utf-8"))
        for kind, r in score.score_doc(text, expected, pred, [], gold_file.stem).items():
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
        out[kind] = {"p": p, "r": r, "f1": f, "exact_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
                     "counts": (s["tp"], s["fp"], s["fn"]),
                     "attrs": {a: h / n for a, (h, n) in s["attrs"].items() if n}}
    return out


def table(result: dict) -> str:
    lines = ["| kind | P | R | F1 | exact F1 | tp/fp/fn | attributes |", "|---|---|---|---|---|---|---|"]
    for kind, r in result.items():
        attrs = " ".join(f"{a}={v:.2f}" for a, v in r["attrs"].items())
        lines.append(f"| {kind} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} | {r['exact_f1']:.3f} | "
                     f"{'/'.join(map(str, r['counts']))} | {attrs} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    score = _scorer()
    for name, texts, gold in sets(argv):
        n = len(list(gold.glob("*.json")))
        print(f"\n{name} ({n} texts)\n")
        print(table(score_set(score, texts, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
