"""The references extractor's example table (extractors/references/examples.jsonl) is its test:
each phrasing must give exactly the listed citations, with spans on the words quoted."""

import pytest

from examples import ids, load_examples

from extractors.references.rules import extract_references
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.references")


@pytest.mark.parametrize("ex", EXAMPLES, ids=ids(EXAMPLES, "text", 40))
def test_citations(ex):
    text = ex["text"]
    got = [{"quote": text[r.span[0]:r.span[1]], "number": r.number, "kind": r.kind, "date": r.date,
            "issuer": r.issuer} for r in extract_references(PlanText.from_raw(text))]
    assert got == ex["expect"]


def test_header_number_is_not_a_citation():
    text = "UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 379/KH-UBND | Lào Cai, ngày 05 tháng 3 năm 2026\n"
    assert extract_references(PlanText.from_raw(text)) == []


def test_footnote_citation_points_into_the_footnote_body():
    text = ("Quán triệt các văn bản¹ tại hội nghị.\n\n¹ Nghị định số 179/2024/NĐ-CP ngày 31/12/2024 của Chính phủ.\n\n"
            "2. Nhiệm vụ khác\n")
    refs = extract_references(PlanText.from_raw(text))
    assert [r.number for r in refs] == ["179/2024/NĐ-CP"]
    assert text[refs[0].span[0]:refs[0].span[1]] == "Nghị định số 179/2024/NĐ-CP ngày 31/12/2024"
