"""Vietnamese number and value-expression reading (extractors/targets/numbers.py, extractors/grammar/years.py)."""
import pytest

from extractors.targets.numbers import find_values, parse_number
from extractors.grammar.years import context_year, year_mentions


@pytest.mark.parametrize("written,value", [
    ("1.373", 1373), ("56.000", 56000), ("93,5", 93.5), ("6,0", 6.0), ("0,69", 0.69),
    ("05", 5), ("1/2", 0.5), ("2.5", 2.5), ("1.234.567,8", 1234567.8),
])
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("text,expr,value,value_max,unit,comparator", [
    ("mỗi năm giảm từ 4-5%.", "giảm từ 4-5%", 4, 5, "%", "range"),
    ("đạt tối thiểu từ 6,0 đến 6,5%/năm", "đạt tối thiểu từ 6,0 đến 6,5%/năm", 6.0, 6.5, "%", "range"),
    ("gấp 2,5 - 3 lần so với năm 2020", "gấp 2,5 - 3 lần", 2.5, 3, "times", "range"),
    ("tăng trên 2 lần", "tăng trên 2 lần", 2, None, "times", ">"),
    ("có ít nhất 05 người tốt", "ít nhất 05 người", 5, None, "người", ">="),
    ("ít nhất 01 cuộc/năm;", "ít nhất 01 cuộc/năm", 1, None, "cuộc", ">="),
    ("đạt 86,4 triệu đồng/người/năm", "đạt 86,4 triệu đồng/người/năm", 86.4, None, "triệu đồng", "="),
    ("đạt 361,6 nghìn tỷ đồng", "đạt 361,6 nghìn tỷ đồng", 361.6, None, "nghìn tỷ đồng", "="),
    ("từ 85 % trở lên", "từ 85 % trở lên", 85, None, "%", ">="),
    ("40% trở lên có trình độ", "40% trở lên", 40, None, "%", ">="),
    ("còn dưới 13,5%", "còn dưới 13,5%", 13.5, None, "%", "<"),
    ("không quá 3%", "không quá 3%", 3, None, "%", "<="),
    ("khoảng 60% số hộ", "khoảng 60%", 60, None, "%", "~"),
    ("đạt ≥ 70%", "đạt ≥ 70%", 70, None, "%", ">="),
    ("bằng ít nhất 1/2 mức bình quân", "bằng ít nhất 1/2", 0.5, None, "ratio", ">="),
    ("trên 56.000 lao động", "trên 56.000 lao động", 56000, None, "lao động", ">"),
])
def test_value_expression(text, expr, value, value_max, unit, comparator):
    [v] = [v for v in find_values(text) if v.unit is not None]
    assert text[v.start:v.end] == expr
    assert (v.value, v.value_max, v.unit, v.comparator) == (pytest.approx(value), value_max, unit, comparator)


@pytest.mark.parametrize("text", [
    "Quyết định số 470/QĐ-TTg ngày 24/3/2026", "Nghị quyết số 88/2019/QH14", "ngày 30-5-2019",
    "cách mạng công nghiệp 4.0", "các nội dung 3,4,5", "COVID-19", "Chỉ thị 28-CT/TU",
])
def test_not_a_value(text):
    assert [v for v in find_values(text) if v.unit is not None] == []


def test_year_roles():
    kinds = {(y.kind, y.year) for y in year_mentions(
        "từ năm 2026 đến năm 2030 đạt 80%, tăng 2 lần so với năm 2020, giai đoạn 2021-2025")}
    assert kinds == {("range", 2030), ("baseline", 2020), ("period", 2025)}


def test_context_year_staged_lead_in_takes_the_last_stage():
    lead = "Thực hiện theo lộ trình phấn đấu từ năm 2026 đến năm 2030 đạt 80% và từ năm 2030 đến năm 2035 đạt 100% các mục tiêu sau:"
    assert context_year(lead, staged=True) == 2035
    assert context_year("Mục tiêu đến năm 2025, định hướng đến năm 2030", staged=False) == 2025
