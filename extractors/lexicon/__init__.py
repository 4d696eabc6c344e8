"""Vocabulary as data: one table per concept, read once per process.

Each table is a UTF-8 TSV beside this module (`#` lines are comments). The tables say
what words mean; each consumer normalises them for its own use (an agency name keeps
the cased spelling, indicator matching lower-cases it), so a word is added in one place.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (_HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=None)
def abbreviations(user: str) -> dict[str, str]:
    """Short form → long form, for one user of the table (`agency` or `indicator`), in the
    table's order. Long forms are spelled as in an agency name (`Ủy ban nhân dân`)."""
    return {short: long for short, long, users in _rows("abbreviations.tsv") if user in users.split()}


@lru_cache(maxsize=None)
def document_kinds() -> dict[str, str]:
    """Type code inside a document symbol → kind of document (`QĐ` → `Quyết định`)."""
    return {code: kind for code, kind in _rows("document_kinds.tsv")}
