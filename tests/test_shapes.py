"""Plan shapes the seed corpus lacks (synthetic but written the way such plans are):
a portal copy with a hard line break every ~80 characters and `|` header cells, an
excerpt that starts at `2. Mục tiêu cụ thể` with no header, and a commune decision with
`Điều 1.` articles. `build_catalogue` must find their outline, citations and metadata,
and every span must point at the words it reports."""
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.catalogue import build_catalogue

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def plan(name: str):
    raw = (DATA / name).read_text(encoding="utf-8")
    return raw, build_catalogue(raw, name)


def words(text: str) -> str:
    return " ".join(text.split())


SHAPES = {
    "portal_wrapped_plan.txt": dict(
        sections=[["I"], ["I", "1"], ["I", "2"], ["II"], ["II", "1"], ["II", "2"], ["III"], ["III", "1"],
                  ["III", "2"], ["IV"]],
        references=[
            ("Nghị định số 20/2014/NĐ-CP ngày 24/3/2014", "20/2014/NĐ-CP", "2014-03-24", "Chính phủ"),
            ("Quyết định số 1234/QĐ-UBND ngày 05 tháng 02 năm 2025", "1234/QĐ-UBND", "2025-02-05",
             "Ủy ban nhân dân tỉnh Lào Cai"),
            ("Quyết định số 1234/QĐ-UBND ngày 05/02/2025", "1234/QĐ-UBND", "2025-02-05", "Ủy ban nhân dân tỉnh"),
            ("Hướng dẫn số 45/HD-SGDĐT ngày 10/01/2025", "45/HD-SGDĐT", "2025-01-10", "Sở Giáo dục và Đào tạo"),
            ("Thông tư số 12/2024/TT-BGDĐT ngày 30-8-2024", "12/2024/TT-BGDĐT", "2024-08-30",
             "Bộ Giáo dục và Đào tạo"),
        ],
        document=dict(kind="Kế hoạch", number="215/KH-SGDĐT", issuer="Sở Giáo dục và Đào tạo", place="Lào Cai",
                      level="province", date="2025-03-14",
                      title="Triển khai thực hiện Chương trình phổ cập giáo dục mầm non cho trẻ em mẫu giáo "
                            "trên địa bàn tỉnh Lào Cai giai đoạn 2025 - 2030",
                      implements=["20/2014/NĐ-CP", "1234/QĐ-UBND"]),
    ),
    "excerpt_objectives.txt": dict(
        sections=[["2"], ["2", "a"], ["2", "b"], ["3"], ["3", "3.1"], ["3", "3.2"], ["4"]],
        references=[
            ("Kế hoạch số 56/KH-UBND ngày 20/01/2026", "56/KH-UBND", "2026-01-20", "Ủy ban nhân dân huyện"),
            ("Nghị quyết số 33-NQ/TW ngày 09/6/2014", "33-NQ/TW", "2014-06-09", "Ban Chấp hành Trung ương"),
            ("Nghị định số 69/2008/NĐ-CP", "69/2008/NĐ-CP", None, "Chính phủ"),
        ],
        document=dict(kind=None, number=None, issuer=None, place=None, level="unknown", date=None, title="",
                      implements=[]),
    ),
    "commune_decision_articles.txt": dict(
        sections=[["Điều 1"], ["Điều 2"], ["Điều 3"]],
        references=[
            ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025", "72/2025/QH15",
             "2025-06-16", None),
            ("Kế hoạch số 77/KH-UBND ngày 12/3/2026", "77/KH-UBND", "2026-03-12", "Ủy ban nhân dân tỉnh Lào Cai"),
            ("Tờ trình số 14/TTr-KT ngày 02/4/2026", "14/TTr-KT", "2026-04-02", "Phòng Kinh tế"),
        ],
        document=dict(kind="Quyết định", number="32/QĐ-UBND", issuer="Ủy ban nhân dân xã Phong Niên",
                      place="Phong Niên", level="commune", date="2026-04-08",
                      title="Ban hành Kế hoạch phòng, chống dịch bệnh trên cây trồng năm 2026",
                      implements=["72/2025/QH15", "77/KH-UBND"]),
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_outline(name):
    raw, cat = plan(name)
    assert [s.path for s in cat.sections] == SHAPES[name]["sections"]
    for s in cat.sections:
        assert raw[s.span[0]:s.span[1]].startswith(s.path[-1]), s.path


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_references(name):
    raw, cat = plan(name)
    got = [(words(raw[r.span[0]:r.span[1]]), r.number, r.date, r.issuer) for r in cat.references]
    assert got == SHAPES[name]["references"]


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_document(name):
    _, cat = plan(name)
    document = cat.document.model_dump()
    document["implements"] = [r["number"] for r in document["implements"]]
    expected = SHAPES[name]["document"]
    assert {k: document[k] for k in expected} == expected


def test_portal_reference_split_across_lines_maps_back():
    raw, cat = plan("portal_wrapped_plan.txt")
    ref = next(r for r in cat.references if r.number == "12/2024/TT-BGDĐT")
    assert raw[ref.span[0]:ref.span[1]] == "Thông tư số 12/2024/TT-BGDĐT ngày 30-8-2024"
    # the heading cell after `|` is read as its own line, not glued to the motto
    assert cat.document.number == "215/KH-SGDĐT"


def test_no_header_number_in_references():
    for name in SHAPES:
        _, cat = plan(name)
        assert cat.document.number not in {r.number for r in cat.references}


def test_portal_short_heading_keeps_its_own_title():
    _, cat = plan("portal_wrapped_plan.txt")
    titles = {tuple(s.path): s.title for s in cat.sections}
    assert titles[("I", "1")] == "Mục đích"
