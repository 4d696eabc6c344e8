"""`chitieu diff`: what a reader cares about between two versions of a plan."""
from __future__ import annotations

import json

import regex as re

from extractors.catalogue import build_catalogue
from extractors.models import Agency, Catalogue, Deadline, DocumentInfo, Target
from pipeline import cli
from pipeline.diff import Side, diff_catalogues
from pipeline.emit import catalogue_json


def _cat(targets=(), deadlines=(), agencies=(), title="Kế hoạch") -> Catalogue:
    return Catalogue(plan="p", source="p.txt", text_sha256="0" * 64,
                     document=DocumentInfo(title=title), targets=list(targets),
                     deadlines=list(deadlines), agencies=list(agencies))


def _t(id, indicator, value, span, **kw) -> Target:
    return Target(id=id, indicator=indicator, value=value, unit="%", span=span, **kw)


OLD = _cat(
    targets=[_t("T-1", "tỷ lệ hộ nghèo", 5, (10, 12), comparator="<=", target_year=2030),
             _t("T-2", "tỷ lệ cán bộ cấp xã được bồi dưỡng", 100, (20, 24), target_year=2030),
             _t("T-3", "tỷ lệ trường đạt chuẩn quốc gia", 80, (30, 33), target_year=2030)],
    deadlines=[Deadline(id="D-1", due="2026-09-30", task="Hoàn thành rà soát vị trí việc làm", span=(40, 50))],
    agencies=[Agency(id="A-1", name="Sở Nội vụ", role="lead", span=(60, 69)),
              Agency(id="A-2", name="Sở Tài chính", role="support", span=(70, 82))],
)
NEW = _cat(
    targets=[_t("T-9", "tỷ lệ hộ nghèo", 4, (10, 12), comparator="<=", target_year=2030),
             _t("T-2", "tỷ lệ cán bộ cấp xã được bồi dưỡng", 100, (20, 24), target_year=2030),
             _t("T-4", "số km đường giao thông nông thôn được cứng hóa", 120, (35, 40), target_year=2028)],
    deadlines=[Deadline(id="D-7", due="2026-12-31", task="Hoàn thành rà soát vị trí việc làm", span=(40, 50))],
    agencies=[Agency(id="A-1", name="Sở Nội vụ", role="lead", span=(60, 69)),
              Agency(id="A-3", name="Sở Y tế", role="support", span=(70, 77))],
)


def test_changed_value_is_a_change_not_removed_plus_added():
    d = diff_catalogues(Side(OLD), Side(NEW))
    assert [(o.id, n.id, c) for o, n, c in d.targets_changed] == [("T-1", "T-9", {"value": [5, 4]})]
    assert [t.id for t in d.targets_added] == ["T-4"]
    assert [t.id for t in d.targets_removed] == ["T-3"]
    assert [(o.id, n.id, c["due"]) for o, n, c in d.deadlines_changed] == [
        ("D-1", "D-7", ["2026-09-30", "2026-12-31"])]
    assert d.agencies_added == ["Sở Y tế"] and d.agencies_dropped == ["Sở Tài chính"]
    assert not d.equal


def test_cli_exit_codes_text_and_json(tmp_path, capsys):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(catalogue_json(OLD), encoding="utf-8")
    new.write_text(catalogue_json(NEW), encoding="utf-8")
    assert cli.main(["diff", str(old), str(old)]) == 0
    assert "không thay đổi" in capsys.readouterr().out

    assert cli.main(["diff", str(old), str(new)]) == 1
    text = capsys.readouterr().out
    assert "Chỉ tiêu: 1 thêm, 1 bỏ, 1 thay đổi" in text
    assert "~ tỷ lệ hộ nghèo: giá trị 5 → 4" in text
    assert "> Hoàn thành rà soát vị trí việc làm: thời hạn 30/09/2026 → 31/12/2026" in text
    assert "+ Sở Y tế" in text and "- Sở Tài chính" in text

    assert cli.main(["diff", str(old), str(new), "--lang", "en"]) == 1
    text = capsys.readouterr().out
    assert "Targets: 1 added, 1 removed, 1 changed" in text
    assert "~ tỷ lệ hộ nghèo: value 5 → 4" in text
    assert "> Hoàn thành rà soát vị trí việc làm: due 2026-09-30 → 2026-12-31" in text

    assert cli.main(["diff", str(old), str(new), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["equal"] is False
    assert report["targets"]["changed"][0]["changes"] == {"value": [5, 4]}
    assert report["deadlines"]["moved"][0]["changes"]["due"] == ["2026-09-30", "2026-12-31"]
    assert report["agencies"] == {"added": ["Sở Y tế"], "dropped": ["Sở Tài chính"], "role_changed": []}

    assert cli.main(["diff", str(old), str(tmp_path / "missing.json")]) == 2


def test_two_versions_of_a_seed_plan(seed_plans, tmp_path, capsys):
    """A real plan with one value edited and a paragraph inserted above it."""
    plan = next(p for p in seed_plans
                if len(build_catalogue(p.read_text(encoding="utf-8"), p.name).targets) > 5)
    raw = plan.read_text(encoding="utf-8")
    cat = build_catalogue(raw, plan.name)
    target = next(t for t in cat.targets if t.unit == "%" and t.value_max is None and 0 < t.value < 99)
    quote = raw[target.span[0]:target.span[1]]
    new_value = int(target.value) + 1
    new_quote = re.sub(r"\d+(?:,\d+)?", str(new_value), quote, count=1)
    edited = raw[:target.span[0]] + new_quote + raw[target.span[1]:]
    first = edited.index("\n\n") + 2
    edited = edited[:first] + "Văn bản này được gửi kèm phụ lục chi tiết.\n\n" + edited[first:]
    old_file, new_file = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old_file.write_text(raw, encoding="utf-8")
    new_file.write_text(edited, encoding="utf-8")

    assert cli.main(["diff", str(old_file), str(old_file)]) == 0
    capsys.readouterr()
    assert cli.main(["diff", str(old_file), str(new_file), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["targets"]["added"] == [] and report["targets"]["removed"] == []
    changed = report["targets"]["changed"]
    assert len(changed) == 1
    assert changed[0]["old_id"] == target.id
    assert changed[0]["changes"]["value"] == [target.value, new_value]


def test_names_and_titles_compared_after_normalising():
    """Draft and issued text: the title differs only by case and a cut; bodies by case,
    spacing and abbreviation. None of that is a change."""
    title = "Triển khai thực hiện Chỉ thị số 18/CT-TTg về nâng cao chất lượng cán bộ, công chức cấp xã"
    old = _cat(title=title.upper(), agencies=[
        Agency(id="A-1", name="Các sở, ban, ngành", role="support", span=(1, 5)),
        Agency(id="A-2", name="UBND các xã, phường", role="lead", span=(6, 9))])
    old.document.issuer = "UBND tỉnh Đắk Lắk"
    new = _cat(title=title[:60], agencies=[
        Agency(id="A-3", name="các sở,  ban, ngành", role="support", span=(1, 5)),
        Agency(id="A-4", name="Ủy ban nhân dân các xã, phường", role="lead", span=(6, 9))])
    new.document.issuer = "Ủy ban nhân dân tỉnh Đắk Lắk"
    d = diff_catalogues(Side(old), Side(new))
    assert d.document == {}
    assert d.agencies_added == [] and d.agencies_dropped == [] and d.agency_roles == []
    assert d.equal

    new.document.title = "Kế hoạch tổ chức Tháng hành động vì an toàn thực phẩm năm 2026"
    assert "title" in diff_catalogues(Side(old), Side(new)).document


def test_role_change_shown_once_per_body_whatever_its_case():
    old = _cat(agencies=[Agency(id="A-1", name="Các sở, ban, ngành", role="support", span=(1, 5)),
                         Agency(id="A-2", name="các sở, ban, ngành", role="support", span=(7, 9))])
    new = _cat(agencies=[Agency(id="A-3", name="Các sở, ban, ngành", role="lead", span=(1, 5))])
    d = diff_catalogues(Side(old), Side(new))
    assert d.agency_roles == [("Các sở, ban, ngành", ["support"], ["lead"])]
    from pipeline.diff import diff_text
    assert "~ Các sở, ban, ngành: phối hợp → chủ trì" in diff_text(d)


def test_warns_when_one_side_is_much_shorter(seed_plans, tmp_path, capsys):
    plan = max(seed_plans, key=lambda p: p.stat().st_size)
    raw = plan.read_text(encoding="utf-8")
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text(raw[:2000], encoding="utf-8")
    assert cli.main(["diff", str(plan), str(excerpt)]) == 1
    out = capsys.readouterr().out
    assert "⚠ Cảnh báo: bản mới (excerpt.txt) ngắn hơn nhiều" in out and "trích đoạn" in out
    assert out.index("Cảnh báo") < out.index("Chỉ tiêu:")
    assert cli.main(["diff", str(plan), str(excerpt), "--json"]) == 1
    captured = capsys.readouterr()
    assert "trích đoạn" in captured.err and json.loads(captured.out)["equal"] is False
    assert cli.main(["diff", str(plan), str(plan)]) == 0
    assert "Cảnh báo" not in capsys.readouterr().out


def test_help_documents_exit_codes(capsys):
    import pytest
    with pytest.raises(SystemExit) as exc:
        cli.main(["diff", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "Mã thoát:" in out and "0  hai bản như nhau" in out and "1  hai bản khác nhau" in out
    assert "Ví dụ:" in out and "chitieu diff" in out


def test_every_other_registered_kind_is_diffed_by_what_it_says(tmp_path, capsys):
    """Tasks and references (and any kind added to the registry later) have no matching of
    their own: an item only one version says is added or removed, a repeat counts."""
    from extractors.models import Reference, Task
    ref = lambda n, span: Reference(number=n, text=f"Quyết định số {n}", span=span)
    old = OLD.model_copy(update={"references": [ref("12/QĐ-UBND", (1, 5)), ref("12/QĐ-UBND", (90, 95))],
                                 "tasks": [Task(title="Rà soát vị trí việc làm", text="Rà soát vị trí việc làm",
                                                span=(40, 50))]})
    new = OLD.model_copy(update={"references": [ref("12/QĐ-UBND", (1, 5)), ref("99/QĐ-UBND", (90, 95))]})
    d = diff_catalogues(Side(old), Side(new))
    assert [r.number for r in d.others["references"][0]] == ["99/QĐ-UBND"]
    assert [r.number for r in d.others["references"][1]] == ["12/QĐ-UBND"]
    assert d.others["tasks"][0] == [] and [t.title for t in d.others["tasks"][1]] == ["Rà soát vị trí việc làm"]
    assert not d.equal
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(catalogue_json(old), encoding="utf-8")
    b.write_text(catalogue_json(new), encoding="utf-8")
    assert cli.main(["diff", str(a), str(b)]) == 1
    text = capsys.readouterr().out
    assert "Văn bản dẫn chiếu: 1 thêm, 1 bỏ" in text and "+ Quyết định số 99/QĐ-UBND" in text
    assert "Nhiệm vụ: 0 thêm, 1 bỏ" in text
    assert cli.main(["diff", str(a), str(b), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["references"]["added"][0]["number"] == "99/QĐ-UBND" and "span" not in report["references"]["added"][0]
    assert cli.main(["diff", str(a), str(a)]) == 0
