"""Comparator semantics and indicator matching, over the example table
`pipeline/compare/examples.jsonl` and a few hand-built targets."""
from __future__ import annotations

import pytest

from examples import ids, load_examples

from pipeline.compare.indicators import (
    IndicatorSpace, expand_abbreviations, indicator_words, judge, normalise_indicator, polarity,
    units_compatible,
)
from extractors.models import Target
from pipeline.compare.align import THRESHOLD

ROWS = load_examples("pipeline.compare")
LEVELS = [r for r in ROWS if r["kind"] == "level"]
INDICATORS = [r for r in ROWS if r["kind"] == "indicator"]


def make_target(side: dict) -> Target:
    fields = {k: v for k, v in side.items() if k not in ("phrase", "context")}
    fields.setdefault("text", side["phrase"])
    return Target(span=(0, 1), **fields)


def test_table_is_large_and_varied():
    assert len(LEVELS) >= 25 and len(INDICATORS) >= 10
    assert {r["expect"] for r in LEVELS} == {"same", "stricter", "weaker"}


@pytest.mark.parametrize("row", LEVELS, ids=ids(LEVELS, "parent.phrase", 40))
def test_level_status(row):
    parent, child = make_target(row["parent"]), make_target(row["child"])
    assert units_compatible(parent.unit, child.unit)
    ppol = polarity(parent, row["parent"].get("context", row["parent"]["phrase"]))
    cpol = polarity(child, row["child"].get("context", row["child"]["phrase"]))
    assert ppol == cpol, "both sides of an example read the same way"
    assert judge(parent, child, ppol).status == row["expect"]


ALL_PHRASES = [p for r in INDICATORS for p in [r["text"], *r["candidates"]]]


@pytest.mark.parametrize("row", INDICATORS, ids=ids(INDICATORS, "text", 40))
def test_indicator_best_match(row):
    space = IndicatorSpace([row["text"], *row["candidates"], *ALL_PHRASES])
    sims = [space.similarity(0, 1 + k) for k in range(len(row["candidates"]))]
    if row["expect"] is None:
        assert max(sims) < THRESHOLD, sims
    else:
        assert max(range(len(sims)), key=sims.__getitem__) == row["expect"], sims
        assert sims[row["expect"]] >= THRESHOLD, sims


def test_abbreviations_expand_whole_words_only():
    assert expand_abbreviations("vùng đồng bào DTTS&MN") == "vùng đồng bào dân tộc thiểu số và miền núi"
    assert expand_abbreviations("Tỷ lệ CBCCVC") == "Tỷ lệ cán bộ công chức viên chức"
    assert expand_abbreviations("phát triển KT-XH") == "phát triển kinh tế xã hội"
    assert expand_abbreviations("xã ĐBKK") == "xã đặc biệt khó khăn"
    assert expand_abbreviations("ABCDTTS") == "ABCDTTS"


def test_normalise_drops_values_years_and_unifies_spelling():
    assert normalise_indicator("98% số hộ dân được dùng điện") == "số hộ dân được sử dụng điện"
    assert normalise_indicator("văn hoá đến năm 2025") == normalise_indicator("văn hóa")
    assert "2025" not in normalise_indicator("tỷ lệ hộ nghèo giai đoạn 2021-2025")


def test_indicator_words_drop_qualifiers():
    words = indicator_words("phấn đấu đạt trên 98% đồng bào DTTS tham gia BHYT")
    joined = " ".join(words)
    assert "bảo" in joined and "thiểu" in joined
    assert not {"đạt", "trên", "phấn_đấu", "phấn"} & set(words)


def test_polarity():
    cut_amount = Target(span=(0, 1), value=4, value_max=5, comparator="range", direction="cut", unit="%")
    assert polarity(cut_amount, "Tỷ lệ hộ nghèo mỗi năm giảm") == "higher"
    level = Target(span=(0, 1), value=10, comparator="=", direction="cut", unit="%", text="10%")
    assert polarity(level, "giảm tỷ lệ hộ nghèo xuống") == "lower"
    ceiling = Target(span=(0, 1), value=17, comparator="<", direction="reach", unit="%")
    assert polarity(ceiling, "") == "lower"
    floor = Target(span=(0, 1), value=98, comparator=">", direction="reach", unit="%")
    assert polarity(floor, "tham gia bảo hiểm y tế") == "higher"


def test_units():
    assert units_compatible("lần", "times")
    assert units_compatible("triệu đồng", "tỷ đồng")
    assert not units_compatible("%", "hộ")
    assert not units_compatible(None, "%")
