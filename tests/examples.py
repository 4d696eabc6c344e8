"""The one loader of the example tables (`examples.jsonl` beside each kind's rules).

`load_examples("extractors.agencies")` (a package, dotted) or `load_examples("pipeline/compare/
examples.jsonl")` (a path, from the repository root or absolute) gives the table's rows in order,
one JSON object a line, blank lines skipped. `ids(rows, "text", 50)` names each row for
`pytest.mark.parametrize` by the start of one of its fields.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Union

ROOT = Path(__file__).resolve().parents[1]
TABLE = "examples.jsonl"


def examples_path(where: Union[str, Path]) -> Path:
    """The table a package or path names: `extractors.tasks` → `extractors/tasks/examples.jsonl`."""
    path = Path(where)
    if isinstance(where, str) and "/" not in where and not where.endswith(".jsonl"):
        path = Path(*where.split("."))
    if not path.is_absolute():
        path = ROOT / path
    return path / TABLE if path.suffix != ".jsonl" else path


# One key set for every table: `text` the phrasing (verbatim), `context` the heading or lines it
# is read under, `expect` what the rules must give, `note` why, `source` where it was copied from.
# A few tables read more than one phrasing per row (`parent` / `child` targets, `candidates`),
# or say which of their readers a row is for (`kind`), the year a phrase is read in, or that a
# row needs the NLP side (`nlp`).
KEYS = {"text", "context", "expect", "note", "source", "kind", "year", "nlp", "parent", "child", "candidates"}


def load_examples(where: Union[str, Path]) -> list[dict]:
    """Every row of the example table `where` names (see `examples_path`), in order; a row
    with a key outside `KEYS` or without `expect` is an error in the table."""
    path = examples_path(where)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, row in enumerate(rows, 1):
        unknown = set(row) - KEYS
        if unknown or "expect" not in row:
            raise ValueError(f"{path}: row {n}: keys {sorted(unknown)} not in the table's key set"
                             if unknown else f"{path}: row {n}: no `expect`")
    return rows


def field(row: dict, key: str):
    """`row[key]`, where a dotted key reaches into nested objects (`parent.phrase`)."""
    for part in key.split("."):
        row = row[part]
    return row


def ids(rows: list[dict], key: str = "text", width: int = 40, newline: Optional[str] = None) -> list[str]:
    """A parametrize id per row: the first `width` characters of its `key` field, newlines
    replaced by `newline` when given."""
    out = []
    for row in rows:
        name = field(row, key)[:width]
        out.append(name.replace("\n", newline) if newline is not None else name)
    return out
