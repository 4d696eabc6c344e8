"""References: reads every citation of another document by its number (`470/QĐ-TTg`,
`88/2019/QH14`, `số 1719 ngày …`) with its date and issuer, and emits `Reference`s
(`rules.py`). Phrasings and values: `examples.jsonl`."""
from extractors.references.rules import extract_references, iso_date

__all__ = ["extract_references", "iso_date"]
