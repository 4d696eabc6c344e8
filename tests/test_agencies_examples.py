"""The agency extractor's example table (extractors/agencies/examples.jsonl) is its test:
each phrase, read under its heading context, must give exactly the (name, role) pairs
listed, in order; an empty list means the phrase names no responsible body."""

import pytest

from examples import ids, load_examples

from extractors import nlp
from extractors.agencies.rules import extract_agencies
from extractors.outline.sections import extract_sections
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.agencies")


def run_example(ex: dict) -> list[tuple[str, str | None]]:
    context = ex.get("context", "")
    raw = f"{context}\n\n{ex['text']}" if context else ex["text"]
    doc = PlanText.from_raw(raw)
    found = extract_agencies(doc, extract_sections(doc))
    offset = len(raw) - len(ex["text"])
    return [(a.name, a.role) for a in sorted(found, key=lambda a: a.span) if a.span[0] >= offset]


@pytest.mark.parametrize("ex", EXAMPLES, ids=ids(EXAMPLES, "text", 50))
def test_agency_example(ex):
    if ex.get("nlp") and not nlp.enabled():
        pytest.skip("needs the NLP side (CHITIEU_NLP=0)")
    got = run_example(ex)
    want = [tuple(pair) for pair in ex["expect"]]
    norm = lambda pairs: [(" ".join(n.casefold().split()), r) for n, r in pairs]
    assert norm(got) == norm(want)


def test_mentions_point_at_their_words():
    ex = EXAMPLES[0]
    doc = PlanText.from_raw(ex["text"])
    for a in extract_agencies(doc, extract_sections(doc)):
        assert ex["text"][a.span[0]:a.span[1]] == a.text
        assert a.text.split()[0] in a.name.split()[0] or a.text.startswith(("UBND", "HĐND", "MTTQ"))
