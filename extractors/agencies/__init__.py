"""Agencies: finds body names by shape (`mentions.py`), spells them out (`names.py`), reads
task tables (`tables.py`) by rules alone (no tagger: a name ends by its shape and the lexicon); `rules.py`
decides which mentions are responsible and in which role, and emits `Agency`s.
Phrasings and the names/roles they must give: `examples.jsonl`."""
from extractors.agencies.rules import extract_agencies

__all__ = ["extract_agencies"]
