"""Stable ids: editing a plan elsewhere (a paragraph inserted near the top, a section
inserted above, later sections renumbered) leaves the ids of unchanged findings alone."""
from __future__ import annotations

import regex as re

from extractors.catalogue import build_catalogue

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
NEW_PARAGRAPH = "Kế hoạch này thay thế các văn bản hướng dẫn trước đây về cùng nội dung.\n\n"
NEW_SECTION = ("CĂN CỨ XÂY DỰNG KẾ HOẠCH\n\n"
               "- Tình hình thực tế và yêu cầu phát triển của địa phương trong giai đoạn mới.\n\n")


def modified_copy(raw: str) -> str:
    """Insert a paragraph after the first one and a new section II, renumbering II.. down."""
    first_end = raw.index("\n\n") + 2
    raw = raw[:first_end] + NEW_PARAGRAPH + raw[first_end:]
    headings = list(re.finditer(r"(?m)^(\W*)(X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s", raw))
    assert len(headings) >= 2, "the seed plan should have roman section headings"
    insert_at = headings[1].start()
    out, last = [], 0
    for h in headings[1:]:  # renumber from the old II on
        nxt = ROMAN[ROMAN.index(h.group(2)) + 1]
        out.append(raw[last:h.start(2)] + nxt)
        last = h.end(2)
    renumbered = "".join(out) + raw[last:]
    return renumbered[:insert_at] + f"{headings[1].group(1)}II. " + NEW_SECTION + renumbered[insert_at:]


def _by_id(items, raw):
    return {i.id: raw[i.span[0]:i.span[1]] for i in items}


def test_ids_survive_insertions_and_renumbering_above(seed_plans):
    checked = 0
    for plan in seed_plans[:3]:
        raw = plan.read_text(encoding="utf-8")
        edited = modified_copy(raw)
        old, new = build_catalogue(raw, plan.name), build_catalogue(edited, plan.name)
        assert len(new.sections) == len(old.sections) + 1
        for kind in ("targets", "deadlines", "agencies"):
            old_ids = _by_id(getattr(old, kind), raw)
            new_ids = _by_id(getattr(new, kind), edited)
            missing = sorted(set(old_ids) - set(new_ids))
            assert not missing, f"{plan.name} {kind}: ids lost: {[old_ids[m] for m in missing]}"
            for i, quote in old_ids.items():
                assert new_ids[i] == quote
            checked += len(old_ids)
        moved = [t for t in new.targets if t.section and t.section[0] in ROMAN[2:]]
        assert all(t.id in {o.id for o in old.targets} for t in moved)
    assert checked > 20  # the test means something only when there are findings to keep


def test_changed_value_changes_only_that_id(seed_plans):
    plan = next(p for p in seed_plans if build_catalogue(p.read_text(encoding="utf-8"), p.name).targets)
    raw = plan.read_text(encoding="utf-8")
    old = build_catalogue(raw, plan.name)
    target = old.targets[len(old.targets) // 2]
    quote = raw[target.span[0]:target.span[1]]
    new_quote = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), quote, count=1)
    edited = raw[:target.span[0]] + new_quote + raw[target.span[1]:]
    new = build_catalogue(edited, plan.name)
    new_ids = {t.id for t in new.targets}
    assert target.id not in new_ids
    # findings in other paragraphs keep their ids
    para_start = raw.rfind("\n", 0, target.span[0])
    para_end = raw.find("\n", target.span[1])
    elsewhere = {t.id for t in old.targets if t.span[1] <= para_start or t.span[0] >= para_end}
    assert elsewhere and elsewhere <= new_ids
