"""Tasks read from the seed plans: rows an officer can check against the plan text."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from extractors.agencies.names import agency_key
from extractors.catalogue import build_catalogue

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@lru_cache(maxsize=None)
def catalogue(prefix: str):
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return build_catalogue(path.read_text(encoding="utf-8"), path.name), path.read_text(encoding="utf-8")


def keys(names):
    return {agency_key(n) for n in names}


def in_section(cat, *path):
    return [t for t in cat.tasks if t.section[:len(path)] == list(path)]


NOI_VU = agency_key("Sở Nội vụ")
XA_PHUONG = agency_key("UBND các xã, phường")
SO_BAN_NGANH = agency_key("Các sở, ban, ngành")


def test_004_labelled_items_give_lead_supporters_and_time():
    """Each paragraph of `Nội dung thực hiện` is a task of the block's bodies; a staged
    schedule gives each stage to the paragraphs that open with its work."""
    cat, _ = catalogue("004")
    q3 = [t for t in cat.tasks if t.due == "2026-09-30"]
    assert len(q3) >= 2 and all(t.section == ["III", "2"] for t in q3)
    assert any(t.text.startswith("Thực hiện bố trí, sắp xếp, điều động") for t in q3)
    for task in q3:
        assert keys(task.lead) == {NOI_VU}
        assert keys(task.support) == {SO_BAN_NGANH, XA_PHUONG}
        assert not task.title.endswith("…") or len(task.text) > len(task.title)
    item = in_section(cat, "III", "2")
    assert len(item) == 7  # seven paragraphs of `b) Nội dung thực hiện`
    plan = [t for t in item if t.text.startswith("Xây dựng kế hoạch rà soát")]
    assert [t.due for t in plan] == ["2026-05-31"]
    review = [t for t in item if t.text.startswith("Tổ chức rà soát đội ngũ")]
    assert [t.due for t in review] == ["2026-06-30"]
    assert sorted({t.due for t in item if t.due}) == ["2026-05-31", "2026-06-30", "2026-09-30"]
    assert any(t.recurrence == "continuous" and t.due is None for t in item)


@pytest.mark.parametrize("item,lead,support", [
    ("4", {"Sở Nội vụ"}, {"Trường Chính trị tỉnh", "Các sở, ban, ngành", "UBND các xã, phường"}),
    ("5", {"Sở Nội vụ", "Thanh tra tỉnh"}, {"Các sở, ban, ngành", "UBND các xã, phường"}),
    ("6", {"Sở Khoa học và Công nghệ"},
     {"Sở Nội vụ", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "UBND các xã, phường"}),
    ("7", {"Sở Nội vụ"}, {"Sở Tài chính", "Các sở, ban, ngành liên quan", "UBND các xã, phường"}),
])
def test_004_each_item_has_its_bodies(item, lead, support):
    cat, _ = catalogue("004")
    tasks = in_section(cat, "III", item)
    assert len(tasks) >= 2  # one per paragraph of `Nội dung thực hiện`
    for task in tasks:
        assert keys(task.lead) == keys(lead)
        assert keys(task.support) == keys(support)
        assert task.recurrence == "continuous" and task.due is None


def test_004_implementation_headings_own_their_items():
    cat, text = catalogue("004")
    noi_vu = in_section(cat, "V", "1")
    assert len(noi_vu) == 8  # eight paragraphs under `1. Sở Nội vụ`
    assert all(NOI_VU in keys(t.lead) | keys(t.support) for t in noi_vu)
    helper = [t for t in noi_vu if t.text.startswith("Phối hợp với Sở Xây dựng")]
    assert len(helper) == 1
    assert keys(helper[0].support) == {NOI_VU}
    assert keys(helper[0].lead) >= {agency_key("Sở Xây dựng"), agency_key("Sở Nông nghiệp và Môi trường"),
                                    agency_key("Sở Tài chính")}
    xa = in_section(cat, "V", "9")
    assert len(xa) == 9 and all(XA_PHUONG in keys(t.lead) | keys(t.support) for t in xa)
    # the closing `nếu có khó khăn, vướng mắc` line and the recipients list are no duties
    assert not any("vướng mắc, các cơ quan" in t.text or "Nơi nhận" in t.text for t in cat.tasks)


def test_000_commune_sections_assigned_to_bodies():
    cat, _ = catalogue("000")
    vhxh = in_section(cat, "V", "1")
    assert len(vhxh) == 8
    assert all(agency_key("Phòng Văn hóa - Xã hội") in keys(t.lead) | keys(t.support) for t in vhxh)
    report = [t for t in vhxh if t.due == "--11-01"]
    assert len(report) == 1 and report[0].recurrence == "yearly"
    front = in_section(cat, "V", "4")
    assert len(front) == 2
    lead = keys(front[1].lead)
    assert len(lead) == 2 and agency_key("Ủy ban Mặt trận Tổ quốc Việt Nam xã") in lead
    assert any(k.startswith(agency_key("các tổ chức chính trị - xã hội")) for k in lead)
    # `Phối hợp với Phòng Văn hóa - Xã hội …`: the front helps the office
    assert agency_key("Phòng Văn hóa - Xã hội") in keys(front[0].lead)
    assert in_section(cat, "V", "5") == []
    assert not any(t.text.startswith("Trên đây là") for t in cat.tasks)
    # NHIỆM VỤ VÀ GIẢI PHÁP items are tasks too, one per item
    assert [t.section for t in in_section(cat, "III")] == [["III", "1"], ["III", "2"], ["III", "3"], ["III", "4"]]


def test_003_province_sections_assigned_to_bodies():
    cat, _ = catalogue("003")
    ban_dan_toc = in_section(cat, "V", "1")
    assert len(ban_dan_toc) == 3
    assert all(keys(t.lead) == {agency_key("Ban Dân tộc tỉnh")} for t in ban_dan_toc)
    assert keys(ban_dan_toc[0].support) == {agency_key("các sở, ban, ngành tỉnh"),
                                            agency_key("Ủy ban nhân dân các huyện, thành phố")}
    front = in_section(cat, "V", "6")
    assert len(front) == 1
    assert agency_key("Ủy ban Mặt trận tổ quốc Việt Nam tỉnh") in keys(front[0].lead)
    report = in_section(cat, "V", "7")
    assert len(report) == 1 and report[0].recurrence == "half-yearly"
    assert keys(report[0].lead) == {SO_BAN_NGANH, agency_key("UBND các huyện, thành phố")}
    huyen = in_section(cat, "V", "5")
    assert len(huyen) == 4
    # `chủ động phối hợp với Ban Dân tộc tỉnh … xây dựng chương trình hành động … của địa
    # phương`: the districts' own work (TASKS.md), Ban Dân tộc helps
    assert keys(huyen[0].lead) == {agency_key("UBND các huyện, thành phố")}
    assert agency_key("Ban Dân tộc tỉnh") in keys(huyen[0].support)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_tasks_are_well_formed(prefix):
    cat, text = catalogue(prefix)
    assert cat.tasks
    ids = [t.id for t in cat.tasks]
    assert len(set(ids)) == len(ids) and all(i.startswith("K-") for i in ids)
    deadline_ids = {d.id for d in cat.deadlines}
    target_ids = {t.id for t in cat.targets}
    for t in cat.tasks:
        assert 0 <= t.span[0] < t.span[1] <= len(text)
        assert t.title and len(t.title) <= 100
        assert t.section, t.title
        assert set(t.deadline_ids) <= deadline_ids and set(t.target_ids) <= target_ids
        assert not (keys(t.lead) & keys(t.support)), t.title


def test_rerun_is_identical():
    path = next(CORPUS.glob("004_*.txt"))
    raw = path.read_text(encoding="utf-8")
    a = build_catalogue(raw, path.name).tasks
    b = build_catalogue(raw, path.name).tasks
    assert [t.model_dump() for t in a] == [t.model_dump() for t in b]
