#!/usr/bin/env python3
"""Score the catalogue's `indicator` (the phrase a target's number measures) against a
hand-written gold (tests/indicator_gold/gold.jsonl; convention in its README).

usage: .venv/bin/python scripts/score_indicator.py [--gold FILE] [--limit N] [--errors]
       .venv/bin/python scripts/score_indicator.py --compare [--show 8]   (NLP on and off)
       .venv/bin/python scripts/score_indicator.py --sample [--per-set 5] [--size 200] [--seed 37]

--sample prints the reproducible sample of gold targets to annotate (JSONL, one per line,
with the paragraph around the quote); it reads only the gold files, not the extractors.
Scoring builds the catalogue of each sampled text in-process (like scripts/score_real.py),
matches each gold target to the catalogue target whose span overlaps the quote and whose
value is the same, and compares indicators. CHITIEU_NLP=0 turns underthesea off.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from real_sets import scorer, sets  # noqa: E402

GOLD = ROOT / "tests" / "indicator_gold" / "gold.jsonl"
locate = scorer().locate  # the project's scorer places a gold quote; so does this one


def text_dir(set_name: str) -> Path:
    return {name: texts for name, texts, _ in sets()}[set_name]


def paragraph(text: str, span: tuple[int, int], width: int = 300) -> str:
    """The line around a span, clipped to `width` characters each side, quote in ⟦ ⟧."""
    start = max(text.rfind("\n", 0, span[0]) + 1, span[0] - width)
    end = text.find("\n", span[1])
    end = len(text) if end < 0 else min(end, span[1] + width)
    return text[start:span[0]] + "⟦" + text[span[0]:span[1]] + "⟧" + text[span[1]:end]


# the sets the committed gold was drawn from (batches added later must not move the draw)
GOLD_SETS = ("shared", *(f"b{i}" for i in range(1, 46)))


def sample(per_set: int, size: int, seed: int, names=GOLD_SETS) -> list[dict]:
    """At most `per_set` required (non-optional) gold targets from each of the sets `names`
    (None: every set), drawn with `seed`, then shuffled together and cut to `size`: any prefix
    of the list is itself a random sample."""
    rng = random.Random(seed)
    drawn = []
    for name, texts, gold in sets():
        if names is not None and name not in names:
            continue
        pool = []
        for gold_file in sorted(gold.glob("*.json")):
            doc = json.loads(gold_file.read_text(encoding="utf-8"))
            for t in doc.get("targets", []):
                if not t.get("optional"):
                    pool.append({"set": name, "file": f"{gold_file.stem}.txt", "quote": t["quote"],
                                 "occurrence": t.get("occurrence", 1), "value": t.get("value"),
                                 "value_max": t.get("value_max")})
        drawn += rng.sample(pool, min(per_set, len(pool)))
    rng.shuffle(drawn)
    return drawn[:size]


def fold(s: str) -> str:
    """Case and spaces folded (NFC, casefold, one space), the exact-match key."""
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())


_EDGE_PUNCT = "\"'“”‘’()[]{},.;:!?…-–—/"


def syllables(s: str) -> list[str]:
    """The folded syllables of a phrase, punctuation stripped from their edges (a syllable is
    what Vietnamese writes between spaces)."""
    return [w for w in (t.strip(_EDGE_PUNCT) for t in fold(s).split()) if w]


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


def predict(gold: list[dict]) -> list[dict]:
    """Each gold item with the indicator of the catalogue target it matches (`pred`, None when no
    catalogue target overlaps its quote with the same value and value_max)."""
    sys.path.insert(0, str(ROOT))
    from extractors.catalogue import build_catalogue  # the extractors as in the working tree

    catalogues: dict[tuple[str, str], tuple[str, list[dict]]] = {}
    out = []
    for g in gold:
        key = (g["set"], g["file"])
        if key not in catalogues:
            text = (text_dir(g["set"]) / g["file"]).read_text(encoding="utf-8")
            targets = build_catalogue(text, g["file"]).model_dump(mode="json")["targets"]
            catalogues[key] = (text, targets)
        text, targets = catalogues[key]
        start, end = locate(text, g["quote"], g["occurrence"])
        hits = [t for t in targets if t["span"][0] < end and start < t["span"][1]
                and _same_number(g.get("value"), t.get("value"))
                and _same_number(g.get("value_max"), t.get("value_max"))]
        # the target starting nearest the quote, when several overlap it
        hit = min(hits, key=lambda t: abs(t["span"][0] - start), default=None)
        out.append({**g, "pred": None if hit is None else hit.get("indicator", "")})
    return out


def score(items: list[dict]) -> dict:
    """Exact match (folded) and pooled syllable P/R/F1 over the matched items."""
    matched = [i for i in items if i["pred"] is not None]
    exact = sum(fold(i["pred"]) == fold(i["indicator"]) for i in matched)
    tp = fp = fn = 0
    for i in matched:
        g, p = Counter(syllables(i["indicator"])), Counter(syllables(i["pred"]))
        common = sum((g & p).values())
        tp, fp, fn = tp + common, fp + sum(p.values()) - common, fn + sum(g.values()) - common
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"items": len(items), "matched": len(matched), "unmatched": len(items) - len(matched),
            "exact": exact, "exact_rate": exact / len(matched) if matched else 0.0,
            "p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| NLP | matched / gold | unmatched | exact | syllable P | syllable R | syllable F1 |",
             "|---|---|---|---|---|---|---|"]
    for name, r in rows:
        lines.append(f"| {name} | {r['matched']}/{r['items']} | {r['unmatched']} | "
                     f"{r['exact']} ({r['exact_rate']:.3f}) | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |")
    return "\n".join(lines)


def _run_mode(nlp_on: bool, argv: list[str]) -> list[dict]:
    env = {**os.environ, "CHITIEU_NLP": "1" if nlp_on else "0"}
    done = subprocess.run([sys.executable, __file__, "--json", *argv], env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def compare(gold_args: list[str], show: int) -> None:
    """Both modes, each in its own process (NLP state must not leak between them)."""
    on, off = _run_mode(True, gold_args), _run_mode(False, gold_args)
    print(table([("on", score(on)), ("off (CHITIEU_NLP=0)", score(off))]))
    right = lambda i: i["pred"] is not None and fold(i["pred"]) == fold(i["indicator"])  # noqa: E731
    differ = [(a, b) for a, b in zip(on, off) if a["pred"] != b["pred"]]
    only_on = [(a, b) for a, b in zip(on, off) if right(a) and not right(b)]
    only_off = [(a, b) for a, b in zip(on, off) if right(b) and not right(a)]
    print(f"\nindicators that differ between modes: {len(differ)}; exactly right with NLP on only: "
          f"{len(only_on)}; with NLP off only: {len(only_off)}")
    for name, pairs in (("on only", only_on), ("off only", only_off), ("differ, neither exact", [
            p for p in differ if not right(p[0]) and not right(p[1])])):
        print(f"\n{name}:")
        for a, b in pairs[:show]:
            print(f"- {a['set']}/{a['file']} {a['quote']!r}: gold {a['indicator']!r} | on {a['pred']!r} "
                  f"| off {b['pred']!r}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", action="store_true")
    ap.add_argument("--per-set", type=int, default=5)
    ap.add_argument("--size", type=int, default=200)
    ap.add_argument("--seed", type=int, default=37)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N gold items")
    ap.add_argument("--json", action="store_true", help="print the items with predictions (JSON)")
    ap.add_argument("--errors", action="store_true", help="list the items not exactly right")
    ap.add_argument("--compare", action="store_true", help="NLP on and off, side by side")
    ap.add_argument("--show", type=int, default=8, help="examples per group with --compare")
    args = ap.parse_args(argv)
    if args.sample:
        for item in sample(args.per_set, args.size, args.seed):
            text = (text_dir(item["set"]) / item["file"]).read_text(encoding="utf-8")
            item["context"] = paragraph(text, locate(text, item["quote"], item["occurrence"]))
            print(json.dumps(item, ensure_ascii=False))
        return 0
    gold_args = ["--gold", str(args.gold)] + (["--limit", str(args.limit)] if args.limit else [])
    if args.compare:
        compare(gold_args, args.show)
        return 0
    gold = load_gold(args.gold)
    items = predict(gold[:args.limit] if args.limit else gold)
    if args.json:
        print(json.dumps(items, ensure_ascii=False))
        return 0
    from extractors import nlp
    print(table([("on" if nlp.enabled() else "off (CHITIEU_NLP=0)", score(items))]))
    if args.errors:
        for i in items:
            if i["pred"] is None or fold(i["pred"]) != fold(i["indicator"]):
                print(f"- {i['set']}/{i['file']} {i['quote']!r}: gold {i['indicator']!r} | pred {i['pred']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
