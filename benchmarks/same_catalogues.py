"""Byte-identity check for speed work: the catalogue JSON of every text in the test sets,
../shared/real/texts and ../shared/corpus, written to one file, so two code versions
(run with their own PYTHONPATH) can be compared.

    PYTHONPATH=<code> python benchmarks/same_catalogues.py OUT.jsonl     # (CHITIEU_NLP as set)
    python benchmarks/same_catalogues.py --compare A.jsonl B.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[Path]:
    shared = ROOT.parent / "shared"
    if not shared.is_dir():
        shared = Path("/work/shared")
    paths = sorted(ROOT.glob("tests/real/*/texts/*.txt"))
    paths += sorted((shared / "real" / "texts").glob("*.txt"))
    paths += sorted((shared / "corpus").glob("*.txt"))
    return paths


def dump(out: Path) -> None:
    from extractors.catalogue import build_catalogue
    with out.open("w", encoding="utf-8") as f:
        for p in texts():
            cat = build_catalogue(p.read_text(encoding="utf-8"), p.name).model_dump(mode="json")
            f.write(json.dumps({"path": str(p.relative_to(p.parents[2])), "catalogue": cat},
                               ensure_ascii=False, sort_keys=True) + "\n")


def compare(a: Path, b: Path) -> int:
    la = a.read_text(encoding="utf-8").splitlines()
    lb = b.read_text(encoding="utf-8").splitlines()
    if len(la) != len(lb):
        print(f"different counts: {len(la)} vs {len(lb)}")
        return 1
    bad = [json.loads(x)["path"] for x, y in zip(la, lb) if x != y]
    for p in bad[:20]:
        print("DIFFERS:", p)
    print(f"{len(la)} catalogues, {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    dump(Path(sys.argv[1]))
