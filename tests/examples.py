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


def load_examples(where: Union[str, Path]) -> list[dict]:
    """Every row of the example table `where` names (see `examples_path`), in order."""
    text = examples_path(where).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


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
