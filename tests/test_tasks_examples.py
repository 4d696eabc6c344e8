"""The task reader over its table of phrasings (`extractors/tasks/examples.jsonl`): body
lists, schedule values, and small plan excerpts read from structure alone (no findings
from the other extractors), so the tasks are right before those land, and a few excerpts
(`with_findings`) read with the other extractors' findings."""
from __future__ import annotations

import pytest

from examples import ids, load_examples

from extractors.agencies import extract_agencies
from extractors.deadlines import extract_deadlines
from extractors.targets import extract_targets
from extractors.agencies.names import agency_key
from extractors.outline.sections import extract_sections
from extractors.tasks.bodies import split_bodies
from extractors.tasks.schedule import parse_schedule
from extractors.tasks.rules import extract_tasks
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.tasks")


def _rows(kind):
    return [e for e in EXAMPLES if e["kind"] == kind]


@pytest.mark.parametrize("ex", _rows("bodies"), ids=ids(_rows("bodies"), "text", 50))
def test_body_lists(ex):
    assert split_bodies(ex["text"]) == ex["expect"]


@pytest.mark.parametrize("ex", _rows("schedule"), ids=ids(_rows("schedule"), "text", 50))
def test_schedule_values(ex):
    due, rec = parse_schedule(ex["text"], ex.get("year"))
    assert {"due": due, "recurrence": rec} == ex["expect"]


def _keys(names):
    return [agency_key(n) for n in names]


@pytest.mark.parametrize("ex", _rows("plan"), ids=ids(_rows("plan"), "note", 60))
def test_plan_excerpts(ex):
    doc = PlanText.from_raw(ex["text"])
    _check(ex, doc, extract_tasks(doc, extract_sections(doc), [], [], []))


@pytest.mark.parametrize("ex", _rows("with_findings"), ids=ids(_rows("with_findings"), "note", 60))
def test_excerpts_with_findings(ex):
    """Excerpts read with the other extractors' findings, as the catalogue reads them: leads
    from the agencies found (which body only directs, where a name ends), refined here (`…
    nêu tại Điều 1` kept in the name); due from the deadlines found (which of them the task
    keeps)."""
    doc = PlanText.from_raw(ex["text"])
    sections = extract_sections(doc)
    _check(ex, doc, extract_tasks(doc, sections, extract_targets(doc, sections), extract_deadlines(doc, sections),
                                  extract_agencies(doc, sections)))


def _check(ex, doc, tasks):
    assert len(tasks) == len(ex["expect"]), [t.title for t in tasks]
    for task, want in zip(tasks, ex["expect"]):
        for field, value in want.items():
            got = getattr(task, field)
            if field in ("lead", "support"):
                assert _keys(got) == _keys(value), (task.title, field, got)
            else:
                assert got == value, (task.title, field, got)
        assert ex["text"][task.span[0]:task.span[1]].strip(), "span points at the plan text"


def test_table_has_all_kinds():
    kinds = {e["kind"] for e in EXAMPLES}
    assert kinds == {"bodies", "schedule", "plan", "with_findings"}
    assert len(_rows("plan")) >= 5


def test_targets_served_inside_or_cited():
    from extractors.models import Target
    text = """II. MỤC TIÊU

2. Mục tiêu cụ thể

Tỷ lệ hồ sơ đúng hạn đạt 98%.

III. NHIỆM VỤ, GIẢI PHÁP

1. Cải cách thủ tục hành chính

a) Mục tiêu: 100% thủ tục được số hóa.

b) Nội dung thực hiện: Thực hiện các chỉ tiêu tại khoản 2 Mục II.

c) Cơ quan thực hiện: Văn phòng UBND tỉnh.

2. Tuyên truyền

Tổ chức tuyên truyền trên báo, đài.
"""
    doc = PlanText.from_raw(text)
    sections = extract_sections(doc)
    at = text.index("98%")
    cited = Target(id="T-cited", value=98, unit="%", section=["II", "2"], span=(at, at + 3))
    at = text.index("100%")
    own = Target(id="T-own", value=100, unit="%", section=["III", "1", "a"], span=(at, at + 4))
    tasks = extract_tasks(doc, sections, [cited, own], [], [])
    assert [t.section for t in tasks] == [["III", "1"], ["III", "2"]]
    assert tasks[0].target_ids == ["T-cited", "T-own"]
    assert tasks[0].lead == ["Văn phòng Ủy ban nhân dân tỉnh"]
    assert tasks[1].target_ids == []
