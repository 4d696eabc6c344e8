"""Document facts: reads the header, title and preamble of a plan and emits one
`DocumentInfo` (kind, number, issuer, place, level, date, the documents it implements)
(`rules.py`). Header shapes and the facts they must give: `examples.jsonl`."""
from extractors.document.rules import extract_document

__all__ = ["extract_document"]
