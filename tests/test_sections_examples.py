"""The outline extractor's example table (extractors/outline/examples.jsonl) is its test."""

import pytest

from examples import ids, load_examples

from extractors.outline.sections import extract_sections
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.outline")


@pytest.mark.parametrize("ex", EXAMPLES, ids=ids(EXAMPLES, "text", 40))
def test_outline(ex):
    doc = PlanText.from_raw(ex["text"])
    sections = extract_sections(doc)
    assert [s.path for s in sections] == ex["expect"]
    for s in sections:
        # the span starts at the marker as printed (markdown marks aside; a line break
        # inside `Điều\n4.` reads as the space of the marker)
        quoted = " ".join(ex["text"][s.span[0]:s.span[1]].split())
        assert s.marker.strip("()") in quoted
