"""`chitieu compare CHILD --corpus DIR`: the parent found by the child's `Thực hiện …`
reference, and a clear message naming the document when it is not in the corpus."""
from __future__ import annotations

import contextlib
import io
import json

from extractors.models import Catalogue, DocumentInfo, Reference
from pipeline.cli import main
from pipeline.compare.parent import describe_reference, implemented_references, normalise_number

PARENT = """ỦY BAN NHÂN DÂN TỈNH BẮC KẠN

Số: 128/KH-UBND

Bắc Kạn, ngày 01 tháng 4 năm 2026

KẾ HOẠCH

Thực hiện chính sách dân tộc trên địa bàn tỉnh năm 2026

I. MỤC TIÊU

1. Đến năm 2026, tỷ lệ đồng bào dân tộc thiểu số tham gia bảo hiểm y tế đạt trên 98%.

2. Phấn đấu 90% đồng bào dân tộc thiểu số được sử dụng nước sinh hoạt hợp vệ sinh.

3. Tỷ lệ hộ nghèo trong đồng bào dân tộc thiểu số giảm 3%/năm.
"""

DECOY = PARENT.replace("128/KH-UBND", "129/KH-UBND")

CHILD = """ỦY BAN NHÂN DÂN HUYỆN CHỢ ĐỒN

Số: 45/KH-UBND

Chợ Đồn, ngày 20 tháng 4 năm 2026

KẾ HOẠCH

Thực hiện chính sách dân tộc trên địa bàn huyện năm 2026

Thực hiện Kế hoạch số 128/KH-UBND ngày 01/4/2026 của UBND tỉnh Bắc Kạn về thực hiện chính sách dân tộc trên địa bàn tỉnh năm 2026, UBND huyện Chợ Đồn ban hành Kế hoạch như sau:

I. MỤC TIÊU

1. Đến năm 2026, tỷ lệ đồng bào DTTS tham gia BHYT đạt 99%.

2. Tỷ lệ hộ nghèo trong đồng bào DTTS giảm 2%/năm.
"""


def run_cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


def test_parent_found_by_number_and_date(tmp_path):
    (tmp_path / "a_decoy.txt").write_text(DECOY, encoding="utf-8")
    (tmp_path / "b_parent.txt").write_text(PARENT, encoding="utf-8")
    (tmp_path / "c_child.txt").write_text(CHILD, encoding="utf-8")
    rc, out, err = run_cli("compare", str(tmp_path / "c_child.txt"), "--corpus", str(tmp_path), "--json")
    assert rc == 0, err
    report = json.loads(out)
    assert report["parent"]["source"] == "b_parent.txt"
    statuses = {p["parent"]["text"] if p["parent"] else None: p["status"] for p in report["pairs"]}
    by_status = sorted(statuses.values())
    assert by_status.count("missing") == 1          # clean water: nothing in the child
    assert "stricter" in by_status and "weaker" in by_status   # 99% > trên 98%; 2%/năm < 3%/năm


def test_parent_not_in_corpus_names_the_document(tmp_path):
    (tmp_path / "a_decoy.txt").write_text(DECOY, encoding="utf-8")
    (tmp_path / "c_child.txt").write_text(CHILD, encoding="utf-8")
    rc, out, err = run_cli("compare", str(tmp_path / "c_child.txt"), "--corpus", str(tmp_path))
    assert rc != 0
    assert "128/KH-UBND" in err and "01/04/2026" in err and "Kế hoạch" in err


def test_parent_not_found_speaks_the_readers_language(tmp_path):
    (tmp_path / "c_child.txt").write_text(CHILD, encoding="utf-8")
    _, _, err = run_cli("compare", str(tmp_path / "c_child.txt"), "--corpus", str(tmp_path))
    assert "không có kế hoạch cấp trên" in err and "needed" not in err
    _, _, err = run_cli("compare", str(tmp_path / "c_child.txt"), "--corpus", str(tmp_path), "--lang", "en")
    assert "parent plan not in the corpus; needed:" in err


def test_a_date_that_disagrees_is_not_the_parent(tmp_path):
    (tmp_path / "b_parent.txt").write_text(PARENT.replace("ngày 01 tháng 4", "ngày 05 tháng 4"),
                                           encoding="utf-8")
    (tmp_path / "c_child.txt").write_text(CHILD, encoding="utf-8")
    rc, _, err = run_cli("compare", str(tmp_path / "c_child.txt"), "--corpus", str(tmp_path))
    assert rc != 0 and "128/KH-UBND" in err


def test_compare_needs_parent_or_corpus(tmp_path):
    (tmp_path / "c_child.txt").write_text(CHILD, encoding="utf-8")
    rc, _, err = run_cli("compare", str(tmp_path / "c_child.txt"))
    assert rc == 2 and "--corpus" in err


def test_implemented_references_fall_back_to_the_opening():
    refs = [Reference(number="128/KH-UBND", date="2026-04-01", span=(10, 20)),
            Reference(number="99/QĐ-UBND", span=(500, 510))]
    from extractors.models import Section
    cat = Catalogue(plan="c", source="c.txt", text_sha256="", document=DocumentInfo(), references=refs,
                    sections=[Section(path=["I"], marker="I", title="MỤC TIÊU", span=(300, 310))])
    assert [r.number for r in implemented_references(cat)] == ["128/KH-UBND"]


def test_numbers_and_descriptions():
    assert normalise_number(" 128 / KH–UBND ") == "128/KH-UBND"
    assert describe_reference(Reference(number="18/CT-TTg", date="2026-05-08", span=(0, 1))) \
        == "Chỉ thị số 18/CT-TTg ngày 08/05/2026"


def test_siblings_are_suggested_when_the_parent_is_absent(tmp_path):
    (tmp_path / "c_child.txt").write_text(CHILD, encoding="utf-8")
    (tmp_path / "d_other_district.txt").write_text(
        CHILD.replace("45/KH-UBND", "52/KH-UBND").replace("Chợ Đồn", "Ba Bể"), encoding="utf-8")
    rc, _, err = run_cli("compare", str(tmp_path / "c_child.txt"), "--corpus", str(tmp_path))
    assert rc != 0 and "d_other_district.txt" in err and "128/KH-UBND" in err
