"""Deadlines: reads time expressions tied to a task (`phrases.py` segments a sentence into
deadline phrases over the shared date grammar `extractors.grammar.dates`) and emits
`Deadline`s with due date and recurrence (`rules.py`). Phrasings and values: `examples.jsonl`."""
from extractors.deadlines.rules import extract_deadlines

__all__ = ["extract_deadlines"]
