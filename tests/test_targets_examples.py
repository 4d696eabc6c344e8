"""The targets extractor's example table (extractors/targets/examples.jsonl) is its test.

Each line: `text` (a plan paragraph), optional `context` (the heading or lead-in
lines printed above it) and the `targets` it must give, in order. Attributes a
line leaves out are not checked; `indicator_has` / `indicator_not` list words
the indicator must / must not contain; `needs_nlp` marks indicators (and compound
unit nouns) only the NLP mode gets right (rules-only runs, `CHITIEU_NLP=0`, skip those checks).
"""

import pytest

from examples import ids, load_examples

from extractors import nlp
from extractors.outline.sections import extract_sections
from extractors.targets.rules import extract_targets
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.targets")
CHECKED = ("value", "value_max", "unit", "comparator", "target_year", "per_year", "baseline_year", "direction")


def targets_of(example: dict):
    """Targets found in the example's own text (not in its context lines)."""
    context = example.get("context", "")
    raw = f"{context}\n\n{example['text']}" if context else example["text"]
    offset = len(raw) - len(example["text"])
    doc = PlanText.from_raw(raw)
    found = extract_targets(doc, extract_sections(doc))
    return raw, [t for t in found if t.span[0] >= offset]


@pytest.mark.parametrize("ex", EXAMPLES, ids=ids(EXAMPLES, "text", 50))
def test_example(ex):
    raw, found = targets_of(ex)
    expected = ex["expect"]
    got = [(t.value, t.text) for t in found]
    assert len(found) == len(expected), f"got {got}"
    for want, t in zip(expected, found):
        for attr in CHECKED:
            # a compound unit noun (`hội nghị`) is read by word segmentation only
            if attr == "unit" and want.get("needs_nlp") and not nlp.enabled():
                continue
            if attr in want:
                assert getattr(t, attr) == want[attr], f"{attr} of {t.text!r}: {getattr(t, attr)!r}"
        if "value_max" not in want:
            assert t.value_max is None
        # the span covers the value expression as printed (the text view reads dashes as `-` and
        # glues a hard-wrapped line back: `tăng từ\n2-2,5%`)
        assert t.text.replace(" ", "") in raw[t.span[0]:t.span[1]].replace(" ", "").replace("\n", "").replace(
            "$\\frac{1}{2}$", "1/2").replace("½", "1/2").replace("–", "-").replace("—", "-")
        if want.get("needs_nlp") and not nlp.enabled():
            continue
        for word in want.get("indicator_has", []):
            assert word.lower() in t.indicator.lower(), f"indicator {t.indicator!r} lacks {word!r}"
        for word in want.get("indicator_not", []):
            assert word.lower() not in t.indicator.lower(), f"indicator {t.indicator!r} has {word!r}"
