"""Output names that cannot collide.

Plan `P` writes `P.json`, `P.md` (`run`) and, for .docx/.pdf plans, `P.txt`. `P` is the
file's stem when no other plan of the run has the same stem (compared case- and
Unicode-form-insensitively, as some file systems do), else the whole file name (`a.txt`
and `a.md` become plans `a.txt` and `a.md`), then a counter (`a.txt-2`, two folders
holding an `a.txt`). `index` is never a plan name (`index.json` is the corpus index), a
name never makes a product over 255 bytes, and a product never replaces an input file
or a file in the output folder that chitieu did not write (`extract a.docx -o .` beside
the user's own `a.txt` writes `a.docx.json` and `a.docx.txt`).
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.ingest import is_converted

NAME_MAX = 255  # bytes; ext4, xfs, btrfs, APFS and NTFS allow at least this
PRODUCT_SUFFIXES = (".json", ".md", ".txt")
RESERVED = {"index"}  # index.json


def fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def fit(name: str) -> str:
    """`name`, or its start plus a short hash when `name.json` would pass NAME_MAX bytes."""
    longest = max(len(s) for s in PRODUCT_SUFFIXES)
    if len(name.encode("utf-8")) + longest <= NAME_MAX:
        return name
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    room = NAME_MAX - longest - len(digest) - 1
    cut = name.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return f"{cut}~{digest}"


def _catalogue_in(path: Path) -> dict | None:
    """The JSON object in `path` when it is a chitieu catalogue, else None."""
    try:
        if not path.is_file():
            return None
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(doc, dict) and {"plan", "source", "text_sha256", "document"} <= doc.keys():
        return doc
    return None


def products_of(plan: str, source: str, rendering: bool = True) -> list[str]:
    names = [f"{plan}.json"] + ([f"{plan}.md"] if rendering else [])
    return names + ([f"{plan}.txt"] if is_converted(source) else [])


def _ours(out: Path, plan: str, source: str, rendering: bool, inputs: set[Path], owned: set[str]) -> bool:
    """May this plan's products be written into `out`? Not over an input file, not over
    a file chitieu did not write (`owned`: names the output index lists)."""
    names = products_of(plan, source, rendering)
    paths = [out / n for n in names]
    if any(_resolved(p) in inputs for p in paths):
        return False
    existing = [n for n in names if (out / n).exists() or (out / n).is_symlink()]
    if not existing or all(n in owned for n in existing):
        return True
    cat = _catalogue_in(out / f"{plan}.json")
    if cat is None:
        return False  # something of the user's is there
    return cat.get("source") == source or not any(n.endswith(".txt") for n in existing)


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def plan_names(files: list[Path], out: Path | None = None, *, rendering: bool = True,
               owned: set[str] = frozenset()) -> dict[Path, str]:
    """A unique plan name for each file (in the order given, so the result is
    deterministic for a sorted list)."""
    inputs = {_resolved(p) for p in files}
    stems = Counter(fold(p.stem) for p in files)
    taken: set[str] = set(RESERVED)
    names: dict[Path, str] = {}
    for p in files:
        first = [p.stem] if stems[fold(p.stem)] == 1 else []
        candidates = first + [p.name] + [f"{p.name}-{i}" for i in range(2, len(files) + 3)]
        for cand in candidates:
            cand = fit(cand)
            if fold(cand) in taken:
                continue
            if out is not None and not _ours(out, cand, p.name, rendering, inputs, owned):
                continue
            taken.add(fold(cand))
            names[p] = cand
            break
        else:  # every candidate is taken by the user's own files: a hash of the path
            cand = fit(f"{p.name}~{hashlib.sha1(str(_resolved(p)).encode()).hexdigest()[:10]}")
            taken.add(fold(cand))
            names[p] = cand
    return names
