"""`pipeline.labels`: officers' words for values, numbers, dates and compare reasons."""
from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from pipeline import labels as L


def _t(value, unit="%", comparator="=", value_max=None, per_year=False, target_year=None):
    return NS(value=value, unit=unit, comparator=comparator, value_max=value_max, per_year=per_year,
              target_year=target_year)


@pytest.mark.parametrize("t,vi,en", [
    (_t(98, comparator=">="), "ít nhất 98%", "at least 98%"),
    (_t(2, "times", ">"), "trên 2 lần", "over 2 times"),
    (_t(17, comparator="<"), "dưới 17%", "under 17%"),
    (_t(30, comparator="~"), "khoảng 30%", "about 30%"),
    (_t(2.5, value_max=3, comparator="range", per_year=True), "từ 2,5 đến 3%/năm", "2.5–3%/yr"),
    (_t(56000, "lao động", ">", per_year=True), "trên 56.000 lao động/năm", "over 56,000 lao động/yr"),
])
def test_amount(t, vi, en):
    assert L.amount(t) == vi and L.amount(t, "en") == en


def test_directions_roles_dates():
    assert [L.direction(d) for d in ("raise", "cut", "reach", "keep")] == ["tăng", "giảm", "đạt", "duy trì"]
    assert L.role("lead") == "chủ trì" and L.role("support") == "phối hợp"
    assert L.date("2026-09-30") == "30/09/2026" and L.date("--11-01") == "01/11 hằng năm"
    assert L.date("2026-09-30", "en") == "2026-09-30"


def test_cut_between_words():
    s = "Triển khai thực hiện Chỉ thị số 18/CT-TTg ngày 08/5/2026"
    out = L.cut(s, 30)
    assert out.endswith("…") and len(out) <= 30 and s.startswith(out[:-1])
    assert s[len(out) - 1] == " "
    assert L.cut("ngắn", 30) == "ngắn"


def test_reasons():
    assert L.reason("higher floor; later year (2026 vs 2025)") == "mức sàn cao hơn; năm muộn hơn (2026 so với 2025)"
    assert L.reason("no child target on this indicator") == "cấp dưới không có chỉ tiêu này"
    assert L.reason("higher floor", "en") == "higher floor"


def test_lang_from_environment(monkeypatch):
    monkeypatch.setenv("CHITIEU_LANG", "en")
    assert L.lang_of(None) == "en" and L.lang_of("vi") == "vi"
    monkeypatch.delenv("CHITIEU_LANG")
    assert L.lang_of(None) == "vi" and L.lang_of("xx") == "vi"
