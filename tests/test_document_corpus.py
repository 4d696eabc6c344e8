"""Metadata of each seed plan, as read by a person (see corpus/README.md)."""
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

EXPECTED = {
    "000_78132967e5c04686": dict(kind="Kế hoạch", issuer="Ủy ban nhân dân xã Bạch Thông", level="commune",
                                 number=None, symbol=None, place=None, date=None, date_partial=None,
                                 implements=["470/QĐ-TTg", "128/KH-UBND"]),
    "001_8da98ca94852457b": dict(kind="Kế hoạch", issuer="Huyện ủy Bảo Yên", level="party committee",
                                 number=None, symbol=None, place=None, date=None, date_partial=None,
                                 implements=["28-CT/TU"]),
    "002_08557a7fcc84bc3b": dict(kind="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Thái Nguyên", level="province",
                                 number=None, symbol="/KH-UBND", place="Thái Nguyên", date=None,
                                 date_partial="2026", implements=["18/CT-TTg", "06-NQ/TU"]),
    "003_5b145272ffd81972": dict(kind="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Bắc Kạn", level="province",
                                 number=None, symbol="/KH-UBND", place="Bắc Kạn", date=None,
                                 date_partial="2022-06", implements=["10/NQ-CP"]),
    "004_e5441faa78144875": dict(kind="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Đắk Lắk", level="province",
                                 number=None, symbol="/KH-UBND", place="Đắk Lắk", date=None,
                                 date_partial="2026-05", implements=["18/CT-TTg", "700/QĐ-TTg"]),
}
TITLES = {
    "001_8da98ca94852457b": "Thực hiện Chỉ thị 28-CT/TU, ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy về tăng cường "
                            "sự lãnh đạo của Đảng đối với công tác Dân tộc trong tình hình mới",
    "002_08557a7fcc84bc3b": "Nâng cao chất lượng đội ngũ cán bộ cấp xã đáp ứng yêu cầu nhiệm vụ trên địa bàn tỉnh "
                            "Thái Nguyên giai đoạn 2026 - 2030",
    "003_5b145272ffd81972": "Triển khai thực hiện Chiến lược công tác dân tộc giai đoạn 2021-2030, tầm nhìn đến năm "
                            "2045 trên địa bàn tỉnh",
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_seed_metadata(stem):
    raw = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    document = build_catalogue(raw, f"{stem}.txt").document.model_dump()
    document["implements"] = [r["number"] for r in document["implements"]]
    assert {k: document[k] for k in EXPECTED[stem]} == EXPECTED[stem]
    if stem in TITLES:
        assert document["title"] == TITLES[stem]


def test_implemented_reference_keeps_its_date_and_issuer():
    raw = (CORPUS / "000_78132967e5c04686.txt").read_text(encoding="utf-8")
    first = build_catalogue(raw, "000.txt").document.implements[0]
    assert (first.kind, first.date, first.issuer) == ("Quyết định", "2026-03-24", "Thủ tướng Chính phủ")
    assert raw[first.span[0]:first.span[1]] == "Quyết định số 470/QĐ-TTg ngày 24/3/2026"
