"""Outline: reads the numbered headings and items of a plan (`I.`, `1.`, `2.1.`, `a)`, `(1)`,
`Điều 1.`) and emits `Section`s with their paths. Rules in `sections.py`; phrasings and the
paths they must give in `examples.jsonl`."""
from extractors.outline.sections import extract_sections

__all__ = ["extract_sections"]
