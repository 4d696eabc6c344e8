#!/usr/bin/env python3
"""Score the catalogue's `indicator` (the phrase a target's number measures) against a
hand-written gold (tests/indicator_gold/gold.jsonl; convention in its README).

usage: .venv/bin/python scripts/score_indicator.py [--gold FILE] [--limit N] [--errors]
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
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "indicator_gold" / "gold.jsonl"


def sets() -> list[tuple[str, Path, Path]]:
    """(name, texts dir, gold dir) of every real set, named as scripts/score_real.py names them."""
    found = [("shared", SHARED / "real" / "texts", SHARED / "real" / "gold")]
    found += [(p.name, p / "texts", p / "gold") for p in sorted((ROOT / "tests" / "real").glob("b*"))
              if (p / "gold").is_dir()]
    return found


def text_dir(set_name: str) -> Path:
    return {name: texts for name, texts, _ in sets()}[set_name]


def locate(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            raise ValueError(f"quote not found (occurrence {occurrence}): {quote!r}")
    return start, start + len(quote)


def paragraph(text: str, span: tuple[int, int], width: int = 300) -> str:
    """The line around a span, clipped to `width` characters each side, quote in ⟦ ⟧."""
    start = max(text.rfind("\n", 0, span[0]) + 1, span[0] - width)
    end = text.find("\n", span[1])
    end = len(text) if end < 0 else min(end, span[1] + width)
    return text[start:span[0]] + "⟦" + text[span[0]:span[1]] + "⟧" + text[span[1]:end]


def sample(per_set: int, size: int, seed: int) -> list[dict]:
    """At most `per_set` required (non-optional) gold targets from each set, drawn with `seed`,
    then shuffled together and cut to `size`: any prefix of the list is itself a random sample."""
    rng = random.Random(seed)
    drawn = []
    for name, texts, gold in sets():
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


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", action="store_true")
    ap.add_argument("--per-set", type=int, default=5)
    ap.add_argument("--size", type=int, default=200)
    ap.add_argument("--seed", type=int, default=37)
    args = ap.parse_args(argv)
    if args.sample:
        for item in sample(args.per_set, args.size, args.seed):
            text = (text_dir(item["set"]) / item["file"]).read_text(encoding="utf-8")
            item["context"] = paragraph(text, locate(text, item["quote"], item["occurrence"]))
            print(json.dumps(item, ensure_ascii=False))
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
