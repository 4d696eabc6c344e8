"""The date and period grammar under the deadlines extractor (extractors/grammar/dates.py)."""
import pytest

from extractors.grammar.dates import find_recurrences, find_time_exprs, most_frequent


def last_day(text, before=False, yearly=False):
    [t] = find_time_exprs(text)
    return t.last_day(before=before, yearly=yearly)


@pytest.mark.parametrize("text,before,expected", [
    ("tháng 1/2026", True, "2025-12-31"),      # the month before January is last year's December
    ("quý I/2026", True, "2025-12-31"),
    ("quý III năm 2026", True, "2026-06-30"),
    ("6 tháng cuối năm 2026", True, "2026-06-30"),
    ("năm 2027", True, "2026-12-31"),
    ("ngày 01/11/2026", True, "2026-11-01"),   # `trước ngày X` is due on X itself
    ("tháng 2/2028", False, "2028-02-29"),      # leap year
    ("tháng 2 năm 2026", False, "2026-02-28"),
    ("quý 4-2025", False, "2025-12-31"),
    ("ngày 5 tháng 9 năm 2026", False, "2026-09-05"),
    ("30.6.2026", False, "2026-06-30"),
    ("năm 2026 - 2030", False, "2030-12-31"),
])
def test_last_day(text, before, expected):
    assert last_day(text, before=before) == expected


def test_a_date_without_year_is_yearly_or_unknown():
    assert last_day("ngày 30 tháng 11") is None
    assert last_day("ngày 30 tháng 11", yearly=True) == "--11-30"


def test_impossible_dates_are_not_dates():
    assert find_time_exprs("ngày 31/4/2026") == []
    assert find_time_exprs("ngày 30/2") == []


def test_numbers_that_are_not_dates():
    assert find_time_exprs("tăng 25,3% so với cùng kỳ") == []
    assert find_time_exprs("Nghị quyết số 88/2019/QH14") == []
    assert find_time_exprs("trên 2000 hộ") == []


def test_a_year_written_once_serves_the_whole_list():
    a, b = find_time_exprs("trước ngày 15/6 và 15/12/2026")
    assert (a.year, b.year) == (2026, 2026)


def test_a_window_ends_at_its_last_day():
    [t] = find_time_exprs("từ ngày 15/7/2026 đến ngày 30/7/2026")
    assert t.window and t.last_day() == "2026-07-30"


@pytest.mark.parametrize("text,expected", [
    ("định kỳ 6 tháng, hằng năm", "half-yearly"),
    ("hằng quý và hằng năm", "quarterly"),
    ("thường xuyên theo kế hoạch hằng năm", "continuous"),
    ("từ năm 2026 và các năm tiếp theo", "continuous"),
    ("trước ngày 10 của tháng tiếp theo", "monthly"),
    ("hằng tuần", "weekly"),
    ("hàng ngày", "daily"),
    ("02 lần/năm", "half-yearly"),
])
def test_the_more_frequent_period_sets_the_rhythm(text, expected):
    assert most_frequent(r for _, _, r in find_recurrences(text)) == expected


def test_a_dated_month_is_no_period():
    assert find_recurrences("trong tháng 5 năm 2026") == []
    assert find_recurrences("6 tháng đầu năm 2026") == []


def test_a_duty_to_prevent_is_no_forecast():
    # (written for this test: a period whose task is to keep something from happening keeps its
    # deadline; a forecast of what will happen in a period does not)
    from extractors.deadlines.phrases import segment_deadlines
    kept = segment_deadlines("Trong quý III/2024, tổ chức kiểm tra, không để xảy ra tình trạng khai thác cát trái phép.", False)
    assert [f.due for f in kept] == ["2024-09-30"]
    assert segment_deadlines("Trong tháng 1 và tháng 2 sẽ có khoảng 4 - 5 đợt rét đậm, rét hại xảy ra", False) == []
