"""`chitieu schema`: the JSON Schema of a catalogue, from the pydantic models."""
from __future__ import annotations

import json
import sys

from extractors.models import Catalogue

from pipeline.commands.common import add_command


def catalogue_schema() -> dict:
    schema = Catalogue.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "chitieu plan catalogue"
    return schema


def add_parser(sub) -> None:
    p = add_command(
        sub, "schema", lang=False,
        help=("in JSON Schema của danh mục", "print the JSON Schema of the catalogue"),
        description=("In JSON Schema (draft 2020-12) của tệp danh mục <tên>.json, sinh từ các mô hình pydantic; "
                     "dùng để kiểm tra danh mục trong chương trình khác.",
                     "Print the JSON Schema (draft 2020-12) of a <stem>.json catalogue, from the pydantic "
                     "models; for checking catalogues in other programs."),
        examples=[("chitieu schema > catalogue.schema.json", ("", ""))],
        exit_codes=[(0, ("đã in", "printed"))])
    p.set_defaults(func=run)


def run(args) -> int:
    sys.stdout.write(json.dumps(catalogue_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0
