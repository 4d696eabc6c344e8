"""`chitieu checklist`: per-agency checklists of the seed plans in md, csv, xlsx and ics."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from extractors.agencies.names import agency_key
from pipeline.checklist import build_checklists, find_agency
from pipeline.checklist_formats import HEADERS, sheet_names
from pipeline.cli import main
from pipeline.load import load_catalogue

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLAN_004 = str(next(CORPUS.glob("004_*.txt")))
PLAN_000 = str(next(CORPUS.glob("000_*.txt")))
PLAN_003 = str(next(CORPUS.glob("003_*.txt")))


def run_cli(capsysbinary, *argv) -> tuple[int, bytes, str]:
    code = main(["checklist", *argv])
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8")


def test_noi_vu_rows_in_004():
    cat, _ = load_catalogue(PLAN_004)
    [noi_vu] = find_agency(build_checklists(cat), "Sở Nội vụ")
    dated = [(r.due_date, r.role, r.task.title) for r in noi_vu.rows if r.due_date]
    # one row per paragraph of `Nội dung thực hiện`: two paragraphs open with the Quý III work
    assert sorted(set(d for d, _, _ in dated)) == [dt.date(2026, 5, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30)]
    assert [d for d, _, _ in dated] == sorted(d for d, _, _ in dated)
    q3 = next(r for r in noi_vu.rows if r.due_date == dt.date(2026, 9, 30))
    assert q3.role == "lead" and q3.section_label.startswith("III.2 ")
    assert {agency_key(p) for p in q3.partners} == {agency_key("Các sở, ban, ngành"),
                                                    agency_key("UBND các xã, phường")}
    # Sở Nội vụ also helps Sở Khoa học và Công nghệ with the digital-transformation item
    helps = [r for r in noi_vu.rows if r.role == "support" and r.task.section == ["III", "6"]]
    assert len(helps) >= 2 and all(h.partners == ["Sở Khoa học và Công nghệ"] for h in helps)


def test_one_body_one_checklist():
    cat, _ = load_catalogue(PLAN_004)
    lists = build_checklists(cat)
    keys = [c.key for c in lists]
    assert len(keys) == len(set(keys))
    assert sum(1 for c in lists if "nội vụ" in c.key) == 1
    a = find_agency(lists, "UBND các xã, phường")
    b = find_agency(lists, "Ủy ban nhân dân các xã, phường")
    c = find_agency(lists, "uỷ ban nhân dân các xã phường")
    d = find_agency(lists, "ubnd xã, phường")
    assert len(a) == 1 and a == b == c == d


def test_own_level_word_adds_nothing():
    cat, _ = load_catalogue(PLAN_003)
    lists = build_checklists(cat)
    assert not any(c.key == agency_key("Các sở, ban, ngành tỉnh") for c in lists)
    [so_nganh] = find_agency(lists, "Các sở, ban, ngành tỉnh")
    assert so_nganh.key == agency_key("các sở, ban, ngành")
    sections = {tuple(r.task.section) for r in so_nganh.rows}
    assert {("V", "1"), ("V", "4"), ("V", "7")} <= sections
    # a body that is only ever written with the level word keeps it
    assert find_agency(lists, "Ban Dân tộc tỉnh")[0].agency == "Ban Dân tộc tỉnh"


def test_markdown_ordered_by_deadline(capsysbinary):
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--agency", "sở nội vụ")
    assert code == 0
    md = out.decode("utf-8")
    assert md.count("\n## ") == 1 and "## Sở Nội vụ" in md
    items = [l for l in md.splitlines() if l.startswith("- [ ] ")]
    dated_items = [l for l in items if re.search(r"\*\*\d\d/\d\d/\d{4}", l)]
    assert items[:len(dated_items)] == dated_items
    assert "**30/09/2026** · chủ trì · Thực hiện bố trí, sắp xếp, điều động" in dated_items[-1]
    assert "_(mục III.2 " in dated_items[-1] and "Ủy ban nhân dân các xã, phường" in dated_items[-1]
    kinds = [("dated" if re.search(r"\*\*\d\d/", l) else "continuous" if "**thường xuyên**" in l
              else "undated" if "**chưa có hạn**" in l else "other") for l in items]
    order = {"dated": 0, "other": 1, "continuous": 2, "undated": 3}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
    assert "undated" in kinds and "continuous" in kinds


def test_yearly_label_in_000(capsysbinary):
    code, out, _ = run_cli(capsysbinary, PLAN_000, "--agency", "Phòng Văn hóa – Xã hội")
    md = out.decode("utf-8")
    assert code == 0
    first = next(l for l in md.splitlines() if l.startswith("- [ ] "))
    assert first.startswith("- [ ] **trước 01/11 hằng năm** · chủ trì · ")


def test_unknown_agency_lists_bodies(capsysbinary):
    code, out, err = run_cli(capsysbinary, PLAN_003, "--agency", "Bộ Quốc phòng")
    assert code == 2 and out == b""
    assert "Ban Dân tộc tỉnh" in err and "Sở Kế hoạch và Đầu tư" in err


def test_csv_rows(capsysbinary):
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"))))
    assert rows[0] == HEADERS
    cat, _ = load_catalogue(PLAN_004)
    assert len(rows) - 1 == sum(len(c.rows) for c in build_checklists(cat))
    q3 = [r for r in rows[1:] if r[3] == "2026-09-30"]
    # one task, three bodies: the lead and two supporters each get their row
    assert sorted(set((r[0], r[1]) for r in q3)) == [("Các sở, ban, ngành", "phối hợp"), ("Sở Nội vụ", "chủ trì"),
                                                    ("Ủy ban nhân dân các xã, phường", "phối hợp")]
    assert len(q3) % 3 == 0


def test_xlsx_sheets_rows_and_dates(tmp_path, capsysbinary):
    from openpyxl import load_workbook
    target = tmp_path / "004.xlsx"
    code, _, _ = run_cli(capsysbinary, PLAN_004, "-o", str(target))
    assert code == 0 and target.exists()
    wb = load_workbook(target)
    cat, _ = load_catalogue(PLAN_004)
    lists = build_checklists(cat)
    assert wb.sheetnames[0] == "Tổng hợp"
    assert len(wb.sheetnames) == len(lists) + 1
    for name in wb.sheetnames:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    summary = wb["Tổng hợp"]
    assert [c.value for c in summary[1]][:2] == ["Cơ quan", "Số nhiệm vụ"]
    noi_vu_row = next(r for r in summary.iter_rows(min_row=2, values_only=True) if r[0] == "Sở Nội vụ")
    ws = wb[noi_vu_row[6]]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.max_row - 1 == noi_vu_row[1]
    q3 = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == dt.datetime(2026, 9, 30)]
    assert len(q3) >= 1 and all(r[1] == "chủ trì" for r in q3)
    assert ws.column_dimensions["C"].width >= 40


def test_xlsx_to_stdout_is_refused(capsysbinary):
    code, out, err = run_cli(capsysbinary, PLAN_004, "--format", "xlsx")
    assert code == 2 and out == b"" and "-o" in err


def test_ics_events_and_yearly_rule(tmp_path, capsysbinary):
    from icalendar import Calendar
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--format", "ics")
    assert code == 0
    events = Calendar.from_ical(out).walk("VEVENT")
    # 004 dates four task lines (May: two items of one title, June, Quý III), each for its bodies:
    # one event per body and task, the same task on the same day once per body
    assert sorted({e.decoded("dtstart") for e in events}) == [
        dt.date(2026, 5, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30)]
    assert len({str(e["uid"]) for e in events}) == len(events)
    keys = [(str(e["summary"]), e.decoded("dtstart")) for e in events]
    assert len(keys) == len(set(keys)), "no two events with the same summary on the same day"
    q3 = sorted({str(e["summary"]).split(" (")[0] for e in events if e.decoded("dtstart") == dt.date(2026, 9, 30)})
    assert q3 == ["Các sở, ban, ngành", "Sở Nội vụ", "Ủy ban nhân dân các xã, phường"]
    lead = next(e for e in events if e.decoded("dtstart") == dt.date(2026, 9, 30)
                and str(e["summary"]).startswith("Sở Nội vụ"))
    assert str(lead["summary"]).startswith("Sở Nội vụ (chủ trì): ")
    assert "bố trí, sắp xếp, điều động" in str(lead["summary"])
    assert "Chủ trì: Sở Nội vụ" in str(lead["description"])

    code, out, _ = run_cli(capsysbinary, PLAN_000, "--format", "ics")
    events = Calendar.from_ical(out).walk("VEVENT")
    assert {e.decoded("dtstart") for e in events} == {dt.date(2026, 11, 1)}
    assert all(e["rrule"]["FREQ"] == ["YEARLY"] for e in events)
    assert any(str(e["summary"]).startswith("Phòng Văn hóa") for e in events)


def test_ics_cuts_between_words(capsysbinary):
    from icalendar import Calendar
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--format", "ics", "--agency", "Sở Nội vụ")
    cal = Calendar.from_ical(out)
    name = str(cal["x-wr-calname"])
    assert name.startswith("Nhiệm vụ của Sở Nội vụ: ")
    cat, text = load_catalogue(PLAN_004)
    words = set(re.findall(r"\w+", cat.document.title + " " + text))
    for s in [name] + [str(e["description"]) for e in cal.walk("VEVENT")] + [str(e["summary"]) for e in cal.walk("VEVENT")]:
        if s.endswith("…"):
            last = re.findall(r"\w+", s[:-1])[-1]
            assert last in words, f"cut mid-word: …{s[-30:]!r}"
    assert all(str(e["summary"]).startswith("Sở Nội vụ (") for e in cal.walk("VEVENT"))


def test_collective_names_merged_and_listed(capsysbinary, tmp_path):
    cat, _ = load_catalogue(PLAN_004)
    lists = build_checklists(cat)
    [so_nganh] = [c for c in lists if c.agency == "Các sở, ban, ngành"]
    assert "Các sở, ngành" in so_nganh.merged
    assert not any(c.agency == "Các sở, ngành" for c in lists)
    assert ("V", "9") in {tuple(r.task.section) for r in so_nganh.rows}
    code, out, _ = run_cli(capsysbinary, PLAN_004)
    md = out.decode("utf-8")
    assert "- Các sở, ban, ngành ← Các sở, ngành" in md and "_(gộp cả: Các sở, ngành)_" in md
    target = tmp_path / "004.xlsx"
    code, _, err = run_cli(capsysbinary, PLAN_004, "-o", str(target))
    assert code == 0 and "gộp cả: Các sở, ngành" in err
    from openpyxl import load_workbook
    summary = load_workbook(target)["Tổng hợp"]
    row = next(r for r in summary.iter_rows(min_row=2, values_only=True) if r[0] == "Các sở, ban, ngành")
    assert row[7] == "Các sở, ngành"


@pytest.mark.parametrize("a,b", [("sở ban ngành", "sở ngành"), ("cơ quan đơn vị có liên quan", "cơ quan đơn vị liên quan")])
def test_collective_key(a, b):
    from pipeline.checklist import collective_key
    assert collective_key(a) == collective_key(b)
    assert collective_key("sở nội vụ") == "sở nội vụ"


def test_english_labels(capsysbinary):
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--agency", "Sở Nội vụ", "--lang", "en")
    md = out.decode("utf-8")
    assert code == 0 and md.startswith("# Tasks by body: ")
    assert "**2026-09-30** · lead · Thực hiện bố trí, sắp xếp" in md and "· chủ trì ·" not in md
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--format", "csv", "--lang", "en")
    assert out.decode("utf-8").splitlines()[0].startswith("Body,Role,Task,Due date")


def test_ics_is_byte_identical_on_rerun(tmp_path, capsysbinary):
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run_cli(capsysbinary, PLAN_004, "-o", str(a))[0] == 0
    assert run_cli(capsysbinary, PLAN_004, "-o", str(b))[0] == 0
    assert a.read_bytes() == b.read_bytes()
    assert b"DTSTAMP" in a.read_bytes()


def test_catalogue_json_gives_the_same_checklist(tmp_path, capsysbinary):
    assert main(["extract", PLAN_003, "-o", str(tmp_path)]) == 0
    capsysbinary.readouterr()
    json_path = next(tmp_path.glob("003_*.json"))
    _, from_json, _ = run_cli(capsysbinary, str(json_path))
    _, from_plan, _ = run_cli(capsysbinary, PLAN_003)
    assert from_json == from_plan and b"## Ban D\xc3\xa2n t\xe1\xbb\x99c t\xe1\xbb\x89nh" in from_plan


def test_missing_plan_is_a_user_error(capsysbinary):
    code, _, err = run_cli(capsysbinary, "/nonexistent/plan.txt")
    assert code == 2 and "plan.txt" in err


@pytest.mark.parametrize("names,expected", [
    (["Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn tỉnh Đắk Lắk"], ["Ủy ban nhân dân các xã, phường"]),
    (["A/B: C?", "A/B: C?"], ["A B C", "A B C (2)"]),
    (["Tổng hợp"], ["Tổng hợp (2)"]),
])
def test_sheet_names(names, expected):
    assert sheet_names(names) == expected


@pytest.mark.parametrize("path,expected", [
    (["III", "2"], "III.2"), (["III", "2", "2.1"], "III.2.1"), (["3", "3.1"], "3.1"),
    (["II", "4", "(3)"], "II.4.(3)"), (["Điều 1", "2"], "Điều 1.2"),
])
def test_section_numbers(path, expected):
    from pipeline.checklist import section_number
    assert section_number(path) == expected


def test_xlsx_is_byte_identical_on_rerun(tmp_path, capsysbinary, monkeypatch):
    import time as _time
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_cli(capsysbinary, PLAN_004, "--format", "xlsx", "-o", str(a))[0] == 0
    # a later wall clock must not reach the file: openpyxl stamps the save time otherwise
    later = _time.time() + 3 * 86400
    monkeypatch.setattr(_time, "time", lambda: later)
    assert run_cli(capsysbinary, PLAN_004, "--format", "xlsx", "-o", str(b))[0] == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("typed", ["so noi vu", "SỞ NỘI VỤ", "Sở Nội vụ tỉnh"])
def test_agency_typed_any_way_finds_one_body(capsysbinary, typed):
    code, out, _ = run_cli(capsysbinary, PLAN_004, "--agency", typed)
    md = out.decode("utf-8")
    assert code == 0
    assert [l for l in md.splitlines() if l.startswith("## ")] == ["## Sở Nội vụ"]
