"""The document-metadata example table (extractors/document/examples.jsonl): header shapes
(two-line issuer cells, `|` portal cells, party headers, blank draft numbers, no header)."""

import pytest

from examples import ids, load_examples

from extractors.document.rules import MINISTRY, extract_document, level_of
from extractors.references.rules import extract_references
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.document")


@pytest.mark.parametrize("ex", EXAMPLES, ids=ids(EXAMPLES, "text", 30, newline="/"))
def test_metadata(ex):
    doc = PlanText.from_raw(ex["text"])
    info = extract_document(doc, extract_references(doc)).model_dump()
    info["implements"] = [r["number"] for r in info["implements"]]
    assert {k: info[k] for k in ex["expect"]} == ex["expect"]


@pytest.mark.parametrize("issuer,level", [
    ("Ủy ban nhân dân tỉnh Thái Nguyên", "province"),
    ("Ủy ban nhân dân xã Bạch Thông", "commune"),
    ("Ủy ban nhân dân phường Tân Lập", "commune"),
    ("Ủy ban nhân dân thị trấn Phố Ràng", "commune"),
    ("Ủy ban nhân dân huyện Bảo Yên", "district"),
    ("Ủy ban nhân dân thị xã Sa Pa", "district"),
    ("Ủy ban nhân dân thành phố Bắc Kạn", "district"),
    ("Ủy ban nhân dân thành phố Hồ Chí Minh", "province"),
    ("Huyện ủy Bảo Yên", "party committee"),
    ("Đảng ủy xã Xuân Hòa", "party committee"),
    ("Ban Thường vụ Tỉnh ủy", "party committee"),
    ("Thủ tướng Chính phủ", "national"),
    ("Bộ Nội vụ", MINISTRY),
    ("Văn phòng Chính phủ", MINISTRY),
    ("Sở Nội vụ", "province"),
    (None, "unknown"),
])
def test_level(issuer, level):
    assert level_of(issuer) == level


def test_implements_skips_a_submission_and_merges_repeats():
    text = ("KẾ HOẠCH\n\nThực hiện Chỉ thị số 18/CT-TTg của Thủ tướng Chính phủ; Chỉ thị số 18/CT-TTg ngày "
            "08/5/2026; xét đề nghị của Sở Nội vụ tại Tờ trình số 625/TTr-SNV ngày 21/5/2026, UBND tỉnh "
            "ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\nThực hiện Nghị quyết số 06-NQ/TU.\n")
    doc = PlanText.from_raw(text)
    info = extract_document(doc, extract_references(doc))
    assert [(r.number, r.date) for r in info.implements] == [("18/CT-TTg", "2026-05-08")]


def test_empty_text():
    info = extract_document(PlanText.from_raw(""), [])
    assert info.title == "" and info.issuer is None and info.level == "unknown"
