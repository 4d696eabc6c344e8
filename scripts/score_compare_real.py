#!/usr/bin/env python3
"""Compare every real parent-child pair of tests/compare_real and score the reports with
../shared/eval/score_compare.py, pooled over the pairs.

usage: .venv/bin/python scripts/score_compare_real.py [--threshold T ...] [--show-errors]

Prints pair precision/recall/F1, status accuracy and missing precision/recall, pooled over
all pairs, for each threshold asked (default: the comparison's own THRESHOLD).
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.catalogue import build_catalogue  # noqa: E402
from pipeline.commands.compare import comparison_json  # noqa: E402
from pipeline.compare import align  # noqa: E402

PAIRS = ROOT / "tests" / "compare_real"
SCORER = ROOT.parent / "shared" / "eval" / "score_compare.py"


def _scorer():
    sys.path.insert(0, str(SCORER.parent))
    spec = importlib.util.spec_from_file_location("chitieu_score_compare", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CATALOGUES: dict = {}


def _catalogue(text: str, name: str):
    """Each plan is extracted once, whatever the number of thresholds asked."""
    if name not in _CATALOGUES:
        _CATALOGUES[name] = build_catalogue(text, name)
    return _CATALOGUES[name].model_copy(deep=True)


def pooled(threshold: float | None, show_errors: bool) -> dict:
    score = _scorer()
    texts = PAIRS / "texts"
    totals = {"tp": 0, "fp": 0, "fn": 0, "status_ok": 0, "m_tp": 0, "m_fp": 0, "m_fn": 0}
    for pair in json.loads((PAIRS / "pairs.json").read_text(encoding="utf-8")):
        child, parent = pair["child"], pair["parent"]
        ctext = (texts / child).read_text(encoding="utf-8")
        ptext = (texts / parent).read_text(encoding="utf-8")
        kwargs = {} if threshold is None else {"threshold": threshold}
        report = align.compare_plans(_catalogue(ctext, child), ctext, _catalogue(ptext, parent), ptext,
                                     **kwargs)
        gold = PAIRS / "gold" / f"{Path(child).stem}__under__{Path(parent).stem}.json"
        pred = PAIRS / ".report.json"
        pred.write_text(comparison_json(report), encoding="utf-8")
        try:
            out = io.StringIO()
            args = ["--gold", str(gold), "--pred", str(pred), "--corpus", str(texts), "--json"]
            with contextlib.redirect_stdout(out):
                score.main(args)
            r = json.loads(out.getvalue())
            if show_errors:
                print(f"== {gold.stem} (threshold {report.threshold})", file=sys.stderr)
                with contextlib.redirect_stdout(sys.stderr):
                    score.main(args[:-1] + ["--show-errors"])
        finally:
            pred.unlink()
        # the scorer's summary holds pair counts but only rates for `missing`: recount them
        # with the scorer's own definitions (a rate of 0 hides how many were wrongly flagged)
        counts = {"tp": r["pairs"]["tp"], "fp": r["pairs"]["fp"], "fn": r["pairs"]["fn"],
                  "status_ok": round((r["status_accuracy"] or 0) * r["pairs"]["tp"]),
                  **missing_counts(score, gold, report, texts)}
        for k in totals:
            totals[k] += counts[k]
    return totals


def missing_counts(score, gold_path: Path, report, texts: Path) -> dict:
    """`missing` true/false positives and misses as score_compare.py counts them: a gold
    missing target flagged `missing` is a hit; a target flagged `missing` that the gold
    pairs is a false flag."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ptext = (texts / gold["parent"]).read_text(encoding="utf-8")
    gpairs = [score.locate(ptext, g["parent_quote"], g.get("parent_occurrence", 1)) for g in gold["pairs"]]
    gmissing = [score.locate(ptext, g["parent_quote"], g.get("parent_occurrence", 1))
                for g in gold.get("missing", [])]
    said = [tuple(p.parent.span) for p in report.pairs if p.parent and p.status == "missing"]
    m_tp = sum(1 for g in gmissing if any(score.overlaps(g, s) for s in said))
    m_fp = sum(1 for s in said if any(score.overlaps(s, g) for g in gpairs))
    return {"m_tp": m_tp, "m_fp": m_fp, "m_fn": len(gmissing) - m_tp}


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, nargs="*", default=[None])
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args(argv)
    print("| threshold | pair P | pair R | pair F1 | status acc | missing P | missing R |")
    print("|---|---|---|---|---|---|---|")
    for t in a.threshold:
        s = pooled(t, a.show_errors)
        p, r, f = _prf(s["tp"], s["fp"], s["fn"])
        mp, mr, _ = _prf(s["m_tp"], s["m_fp"], s["m_fn"])
        acc = s["status_ok"] / s["tp"] if s["tp"] else 0.0
        label = f"{t:g}" if t is not None else f"{align.THRESHOLD:g} (default)"
        print(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {acc:.3f} | {mp:.3f} | {mr:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
