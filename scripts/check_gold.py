#!/usr/bin/env python3
"""Check a folder of gold files against the texts they annotate.

usage: check_gold.py SET_DIR        (SET_DIR holds texts/, gold/ and manifest.json)

Every quote must be an exact substring of its text (with the occurrence it names), every
item must carry the keys ../shared/gold/GUIDELINES.md gives its kind, and the manifest must
name every text once with its url. Prints one line per problem; exit 1 when there is any.
Standard library only, so annotators can run it before the package is installed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

KEYS = {
    "targets": {"quote", "value", "value_max", "comparator", "per_year"},
    "deadlines": {"quote", "due", "recurrence"},
    "agencies": {"quote", "name", "role"},
    "references": {"quote", "number", "date"},
    "sections": {"quote", "path"},
}
COMPARATORS = {">=", ">", "<=", "<", "=", "~", "range"}
RECURRENCES = {None, "yearly", "half-yearly", "quarterly", "monthly", "weekly", "daily", "continuous"}
ROLES = {"lead", "support", None}


def problems_of(text: str, gold: dict) -> list[str]:
    out = []
    for kind, keys in KEYS.items():
        for i, item in enumerate(gold.get(kind, [])):
            where = f"{kind}[{i}]"
            missing = keys - set(item)
            if missing:
                out.append(f"{where}: missing {sorted(missing)}")
            quote, occ = item.get("quote", ""), item.get("occurrence", 1)
            start = -1
            for _ in range(max(occ, 1)):
                start = text.find(quote, start + 1)
                if start < 0:
                    out.append(f"{where}: quote not found (occurrence {occ}): {quote!r}")
                    break
            if kind == "targets" and item.get("comparator") not in COMPARATORS:
                out.append(f"{where}: comparator {item.get('comparator')!r}")
            if kind == "deadlines" and item.get("recurrence") not in RECURRENCES:
                out.append(f"{where}: recurrence {item.get('recurrence')!r}")
            if kind == "agencies" and item.get("role") not in ROLES:
                out.append(f"{where}: role {item.get('role')!r}")
            if kind == "sections" and not isinstance(item.get("path"), list):
                out.append(f"{where}: path must be a list")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(argv[0])
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    listed = [m["file"] for m in manifest]
    bad = []
    for m in manifest:
        if not m.get("url"):
            bad.append(f"manifest: {m['file']} has no url")
    if len(set(listed)) != len(listed):
        bad.append("manifest: a file is listed twice")
    for text_path in sorted((root / "texts").glob("*.txt")):
        if text_path.name not in listed:
            bad.append(f"{text_path.name}: not in manifest.json")
        gold_path = root / "gold" / (text_path.stem + ".json")
        if not gold_path.exists():
            bad.append(f"{text_path.name}: no gold file")
            continue
        text = open(text_path, encoding="utf-8").read()
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        bad += [f"{gold_path.name}: {p}" for p in problems_of(text, gold)]
    for line in bad:
        print(line)
    print(f"{len(listed)} texts, {len(bad)} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
