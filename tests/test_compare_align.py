"""Alignment of hand-built targets: pairs, statuses, missing, child-only, horizon, deadlines."""
from __future__ import annotations

import json

from extractors.models import Catalogue, Deadline, DocumentInfo, Target
from pipeline.commands.compare import comparison_json
from pipeline.compare.align import compare_plans, plan_horizon

PARENT = """II. MỤC TIÊU
- Tỷ lệ hộ nghèo trong đồng bào dân tộc thiểu số mỗi năm giảm từ 2,5-3%/năm.
- Trên 98% đồng bào dân tộc thiểu số tham gia bảo hiểm y tế.
- Trên 90% phụ nữ và trẻ em gái dân tộc thiểu số được phổ biến pháp luật về hôn nhân và gia đình.
- Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân xuống dưới 17%.
- Đến năm 2030, tỷ lệ che phủ rừng của tỉnh đạt 70%.
III. NHIỆM VỤ
1. Xây dựng kế hoạch triển khai thực hiện Chiến lược. Hoàn thành trong tháng 6 năm 2025.
"""

CHILD = """4. Chỉ tiêu đến năm 2025
- Tỷ lệ hộ nghèo trong vùng đồng bào DTTS mỗi năm giảm từ 4-5%.
- Tỷ lệ đồng bào DTTS tham gia BHYT đạt 97%.
- Giảm tỷ lệ trẻ em người DTTS suy dinh dưỡng thể nhẹ cân còn dưới 13,5%.
- Mỗi năm tổ chức ít nhất 01 cuộc kiểm tra việc thực hiện chính sách dân tộc.
5. Tổ chức thực hiện
Xây dựng kế hoạch triển khai thực hiện Chiến lược trên địa bàn huyện. Hoàn thành trong tháng 8 năm 2025.
"""


def target(text: str, quote: str, occurrence: int = 1, **fields) -> Target:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return Target(span=(start, start + len(quote)), text=quote, **fields)


def deadline(text: str, quote: str, task: str, due: str) -> Deadline:
    start = text.index(quote)
    return Deadline(span=(start, start + len(quote)), text=quote, task=task, due=due)


def catalogue(name: str, targets, deadlines=()) -> Catalogue:
    return Catalogue(plan=name, source=f"{name}.txt", text_sha256="", document=DocumentInfo(),
                     targets=list(targets), deadlines=list(deadlines))


def parent_catalogue() -> Catalogue:
    t = PARENT
    return catalogue("parent", [
        target(t, "từ 2,5-3%/năm", value=2.5, value_max=3, unit="%", comparator="range", per_year=True,
               direction="cut", target_year=2025),
        target(t, "Trên 98%", value=98, unit="%", comparator=">", target_year=2025),
        target(t, "Trên 90%", value=90, unit="%", comparator=">", target_year=2025),
        target(t, "xuống dưới 17%", value=17, unit="%", comparator="<", direction="cut", target_year=2025),
        target(t, "70%", value=70, unit="%", comparator="=", target_year=2030),
    ], [deadline(t, "Hoàn thành trong tháng 6 năm 2025",
                 "Xây dựng kế hoạch triển khai thực hiện Chiến lược", "2025-06-30")])


def child_catalogue() -> Catalogue:
    t = CHILD
    return catalogue("child", [
        target(t, "từ 4-5%", value=4, value_max=5, unit="%", comparator="range", per_year=True,
               direction="cut", target_year=2025),
        target(t, "đạt 97%", value=97, unit="%", comparator="=", target_year=2025),
        target(t, "còn dưới 13,5%", value=13.5, unit="%", comparator="<", direction="cut", target_year=2025),
        target(t, "ít nhất 01 cuộc", value=1, unit="cuộc", comparator=">=", per_year=True),
    ], [deadline(t, "Hoàn thành trong tháng 8 năm 2025",
                 "Xây dựng kế hoạch triển khai thực hiện Chiến lược trên địa bàn huyện", "2025-08-31")])


def by_parent_text(cmp):
    return {p.parent.text: p for p in cmp.pairs if p.parent}


def test_statuses_follow_meaning():
    cmp = compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT)
    pairs = by_parent_text(cmp)
    assert pairs["từ 2,5-3%/năm"].child.text == "từ 4-5%"
    assert pairs["từ 2,5-3%/năm"].status == "stricter"          # a larger yearly cut
    assert pairs["Trên 98%"].child.text == "đạt 97%"
    assert pairs["Trên 98%"].status == "weaker"
    assert pairs["xuống dưới 17%"].child.text == "còn dưới 13,5%"
    assert pairs["xuống dưới 17%"].status == "stricter"         # a lower ceiling of a falling rate
    assert pairs["Trên 90%"].status == "missing" and pairs["Trên 90%"].child is None
    child_only = [p.child.text for p in cmp.pairs if p.status == "child_only"]
    assert child_only == ["ít nhất 01 cuộc"]
    for p in cmp.pairs:
        if p.parent and p.child:
            assert 0 < p.score <= 1.0001


def test_parent_targets_beyond_child_horizon_are_set_apart():
    cmp = compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT)
    assert cmp.child.horizon == 2025
    assert [t.text for t in cmp.beyond_horizon] == ["70%"]
    assert "70%" not in by_parent_text(cmp)
    assert cmp.counts["beyond_horizon"] == 1


def test_child_without_years_is_compared_with_everything():
    child = child_catalogue()
    for t in child.targets:
        t.target_year = None
    assert plan_horizon(child) is None
    cmp = compare_plans(child, CHILD, parent_catalogue(), PARENT)
    assert not cmp.beyond_horizon
    assert by_parent_text(cmp)["70%"].status == "missing"


def test_unrelated_targets_are_not_forced_into_pairs():
    text = "- Tỷ lệ che phủ rừng của huyện đạt 65%.\n- 100% xã có trạm y tế đạt chuẩn.\n"
    child = catalogue("c", [target(text, "65%", value=65, unit="%", target_year=2025),
                            target(text, "100%", value=100, unit="%", target_year=2025)])
    cmp = compare_plans(child, text, parent_catalogue(), PARENT)
    assert all(p.status in ("missing", "child_only") for p in cmp.pairs)


def test_different_units_never_compared_by_value():
    text = "- Tỷ lệ hộ nghèo trong đồng bào dân tộc thiểu số mỗi năm giảm 300 hộ.\n"
    child = catalogue("c", [target(text, "300 hộ", value=300, unit="hộ", per_year=True, direction="cut",
                                   target_year=2025)])
    cmp = compare_plans(child, text, parent_catalogue(), PARENT)
    pair = by_parent_text(cmp)["từ 2,5-3%/năm"]
    assert pair.status in ("not_comparable", "missing")
    assert pair.status != "stricter" and pair.status != "weaker"


def test_later_child_deadline_is_flagged():
    cmp = compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT)
    assert len(cmp.deadlines) == 1
    assert cmp.deadlines[0].status == "later"
    assert cmp.counts["later_deadlines"] == 1


def test_json_report_carries_spans_values_status_score():
    cmp = compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT)
    report = json.loads(comparison_json(cmp))
    pair = next(p for p in report["pairs"] if p["parent"] and p["parent"]["text"] == "Trên 98%")
    s, e = pair["parent"]["span"]
    assert PARENT[s:e] == "Trên 98%"
    s, e = pair["child"]["span"]
    assert CHILD[s:e] == "đạt 97%"
    assert pair["parent"]["value"] == 98 and pair["child"]["value"] == 97
    assert pair["status"] == "weaker" and isinstance(pair["score"], float)
    missing = next(p for p in report["pairs"] if p["status"] == "missing")
    assert missing["child"] is None


def test_deterministic():
    a = comparison_json(compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT))
    b = comparison_json(compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT))
    assert a == b


def test_plans_without_targets():
    empty = catalogue("e", [])
    cmp = compare_plans(empty, "Không có chỉ tiêu.", parent_catalogue(), PARENT)
    assert {p.status for p in cmp.pairs} == {"missing"}
    cmp = compare_plans(child_catalogue(), CHILD, empty, "Không có chỉ tiêu.")
    assert {p.status for p in cmp.pairs} == {"child_only"}


def test_recurring_deadlines_compare_by_period_and_day():
    from pipeline.compare.align import _deadline_status

    def d(text, recurrence, due=None):
        return Deadline(span=(0, 1), text=text, recurrence=recurrence, due=due)
    monthly5 = d("trước ngày 05 hằng tháng", "monthly")
    assert _deadline_status(monthly5, d("trước ngày 05 hằng tháng", "monthly")) == "same"
    assert _deadline_status(monthly5, d("trước ngày 10 hằng tháng", "monthly")) == "later"
    assert _deadline_status(monthly5, d("hằng quý", "quarterly")) == "later"
    assert _deadline_status(d("định kỳ 6 tháng", "half-yearly"), d("hằng quý", "quarterly")) == "earlier"
    assert _deadline_status(d("trước ngày 30 tháng 11", "yearly", "--11-30"),
                            d("trước ngày 15 tháng 12", "yearly", "--12-15")) == "later"
    assert _deadline_status(d("Thực hiện thường xuyên", "continuous"), monthly5) == "undated"


def test_bare_shares_on_other_indicators_do_not_pair():
    """Two bare shares in one sentence share its words; what each measures must agree."""
    ptext = "- Đến năm 2025, 90% cán bộ, công chức được bồi dưỡng kiến thức số và 70% hồ sơ được xử lý trực tuyến.\n"
    ctext = "- Đến năm 2025, 95% hồ sơ công việc được xử lý trực tuyến và 60% người dân có tài khoản số.\n"
    parent = catalogue("p", [target(ptext, "90%", value=90, unit="%", target_year=2025),
                             target(ptext, "70%", value=70, unit="%", target_year=2025)])
    child = catalogue("c", [target(ctext, "95%", value=95, unit="%", target_year=2025),
                            target(ctext, "60%", value=60, unit="%", target_year=2025)])
    cmp = compare_plans(child, ctext, parent, ptext)
    pairs = by_parent_text(cmp)
    assert pairs["70%"].child is not None and pairs["70%"].child.text == "95%"
    assert pairs["90%"].status == "missing"


def test_catalogue_per_year_and_unit_spellings():
    """`bác sỹ` is `bác sĩ`, `giường` is `giường bệnh`; a yearly rate is read off the
    catalogue's `per_year`, not re-derived from the words."""
    ptext = "- Số bác sĩ trên 1 vạn dân đạt 12 bác sĩ; số giường bệnh trên 1 vạn dân đạt 32 giường bệnh.\n"
    ctext = "- Số bác sỹ trên 1 vạn dân đạt 14 bác sỹ; số giường bệnh trên 1 vạn dân đạt 45 giường.\n"
    parent = catalogue("p", [target(ptext, "12 bác sĩ", value=12, unit="bác sĩ", indicator="số bác sĩ trên 1 vạn dân"),
                             target(ptext, "32 giường bệnh", value=32, unit="giường bệnh",
                                    indicator="số giường bệnh trên 1 vạn dân")])
    child = catalogue("c", [target(ctext, "14 bác sỹ", value=14, unit="bác sỹ", indicator="số bác sỹ trên 1 vạn dân"),
                            target(ctext, "45 giường", value=45, unit="giường", indicator="số giường bệnh trên 1 vạn dân")])
    pairs = by_parent_text(compare_plans(child, ctext, parent, ptext))
    assert pairs["12 bác sĩ"].status == "stricter" and pairs["12 bác sĩ"].child.text == "14 bác sỹ"
    assert pairs["32 giường bệnh"].status == "stricter"


def test_falling_indicator_of_the_previous_item_does_not_make_a_rate_fall():
    text = "Phấn đấu giảm 2.000 hộ nghèo, tỷ lệ lao động qua đào tạo đạt 67%.\n"
    ptext = "- Tỷ lệ lao động qua đào tạo đạt 66%.\n"
    child = catalogue("c", [target(text, "giảm 2.000 hộ", value=2000, unit="hộ", direction="cut", indicator="hộ nghèo"),
                            target(text, "đạt 67%", value=67, unit="%", indicator="tỷ lệ lao động qua đào tạo")])
    parent = catalogue("p", [target(ptext, "đạt 66%", value=66, unit="%", indicator="tỷ lệ lao động qua đào tạo")])
    pair = by_parent_text(compare_plans(child, text, parent, ptext))["đạt 66%"]
    assert pair.child.text == "đạt 67%" and pair.status == "stricter"
