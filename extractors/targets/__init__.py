"""Targets (chỉ tiêu): reads value expressions (`numbers.py`), the years they are due
(`extractors.grammar.years`) and the measured noun phrase (`indicator.py`), and emits one
`Target` per quantified goal (`rules.py`). Phrasings and their values: `examples.jsonl`."""
from extractors.targets.rules import extract_targets

__all__ = ["extract_targets"]
