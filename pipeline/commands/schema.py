"""`chitieu schema`: the JSON Schema of a catalogue, from the pydantic models."""
from __future__ import annotations

import json
import sys

from extractors.models import Catalogue


def catalogue_schema() -> dict:
    schema = Catalogue.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "chitieu plan catalogue"
    return schema


def add_parser(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the catalogue")
    p.set_defaults(func=run)


def run(args) -> int:
    sys.stdout.write(json.dumps(catalogue_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0
