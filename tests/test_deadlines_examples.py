"""The deadlines extractor's example table (extractors/deadlines/examples.jsonl) is its test.

Each line: `text` (the phrase under test), optional `context` (text placed before it,
e.g. a heading that gives the year or a `Thời gian thực hiện` label), and `expect`: the
deadlines found inside the phrase, in order, with `due`, `recurrence` and optionally a
`quote` the deadline's span must overlap.
"""

import pytest

from examples import ids, load_examples

from extractors.deadlines.rules import extract_deadlines
from extractors.outline.sections import extract_sections
from extractors.text import PlanText

EXAMPLES = load_examples("extractors.deadlines")


def _found(ex):
    context = ex.get("context", "")
    raw = f"{context}\n\n{ex['text']}\n" if context else f"{ex['text']}\n"
    base = raw.index(ex["text"])
    doc = PlanText.from_raw(raw)
    found = [d for d in extract_deadlines(doc, extract_sections(doc)) if d.span[0] >= base]
    return raw, base, found


@pytest.mark.parametrize("ex", EXAMPLES, ids=ids(EXAMPLES, "text", 50))
def test_deadline_example(ex):
    raw, base, found = _found(ex)
    got = [(d.due, d.recurrence, raw[d.span[0]:d.span[1]]) for d in found]
    assert len(found) == len(ex["expect"]), got
    for d, want in zip(found, ex["expect"]):
        assert (d.due, d.recurrence) == (want["due"], want["recurrence"]), got
        if "quote" in want:
            q = base + ex["text"].index(want["quote"])
            assert d.span[0] < q + len(want["quote"]) and q < d.span[1], got


FIELD_CHECKED = [e for e in EXAMPLES if e["expect"]][:20]


@pytest.mark.parametrize("ex", FIELD_CHECKED, ids=ids(FIELD_CHECKED, "text", 40))
def test_deadline_fields_point_back(ex):
    raw, _, found = _found(ex)
    for d in found:
        assert d.text and d.task
        assert raw[d.span[0]:d.span[1]].replace("\n", " ").split()[0] in d.text


def test_task_is_the_enclosing_task_heading():
    raw = ("III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Rà soát, sắp xếp đội ngũ cán bộ cấp xã\n\na) Mục tiêu\n\nRà soát toàn diện.\n\n"
           "b) Cơ quan thực hiện: Sở Nội vụ.\n\nc) Thời gian thực hiện: Hoàn thành trong Quý III năm 2026.\n")
    doc = PlanText.from_raw(raw)
    sections = extract_sections(doc)
    [d] = extract_deadlines(doc, sections)
    assert d.task == "Rà soát, sắp xếp đội ngũ cán bộ cấp xã"
    assert d.section == ["III", "1", "c"]
    assert d.due == "2026-09-30"


def test_task_outside_a_block_is_the_sentence():
    raw = "Các sở gửi báo cáo về Sở Nội vụ trước ngày 15/12/2026. Câu khác.\n"
    doc = PlanText.from_raw(raw)
    [d] = extract_deadlines(doc, extract_sections(doc))
    assert d.task.startswith("Các sở gửi báo cáo về Sở Nội vụ trước ngày 15/12/2026")
    assert len(d.task) <= 121


def test_task_of_a_clause_continued_from_the_line_above():
    raw = ("1. Tổ chức tuyên truyền nhân Ngày Phụ nữ Việt Nam 20/10;\n"
           "hoàn thành trong tháng 10/2024.\n")
    doc = PlanText.from_raw(raw)
    [d] = extract_deadlines(doc, extract_sections(doc))
    assert d.due == "2024-10-31"
    assert d.task.startswith("Tổ chức tuyên truyền nhân Ngày Phụ nữ Việt Nam 20/10;")


def test_scope_names_the_part_of_the_task():
    raw = ("1. Rà soát đội ngũ\n\nd) Thời gian thực hiện:\n\n"
           "- Xây dựng kế hoạch triển khai: Hoàn thành trong tháng 5 năm 2026.\n")
    doc = PlanText.from_raw(raw)
    [d] = extract_deadlines(doc, extract_sections(doc))
    assert (d.task, d.scope, d.due) == ("Rà soát đội ngũ", "Xây dựng kế hoạch triển khai", "2026-05-31")
