"""Agencies: finds body names by shape (`mentions.py`), spells them out (`names.py`), reads
task tables (`tables.py`) and, where rules run out, asks the NLP side (`ner.py`); `rules.py`
decides which mentions are responsible and in which role, and emits `Agency`s.
Phrasings and the names/roles they must give: `examples.jsonl`."""
from extractors.agencies.rules import extract_agencies

__all__ = ["extract_agencies"]
