"""The outline extractor's example table (extractors/outline/examples.jsonl) is its test."""
import json
from pathlib import Path

import pytest

from extractors.outline.sections import extract_sections
from extractors.text import PlanText

EXAMPLES = [json.loads(line) for line in
            (Path(__file__).parents[1] / "extractors/outline/examples.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_outline(ex):
    doc = PlanText.from_raw(ex["text"])
    sections = extract_sections(doc)
    assert [s.path for s in sections] == ex["paths"]
    for s in sections:
        # the span starts at the marker as printed (markdown marks aside; a line break
        # inside `Điều\n4.` reads as the space of the marker)
        quoted = " ".join(ex["text"][s.span[0]:s.span[1]].split())
        assert s.marker.strip("()") in quoted
