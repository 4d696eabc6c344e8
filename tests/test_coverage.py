"""`chitieu coverage`: one parent plan's targets across its children, as HTML and xlsx.

On the real pairs of tests/compare_real that share a parent (the National Assembly's 2023
plan, implemented by Phú Thọ and Quảng Nam) and on the bundled corpus (the province plan
003 and the district plan 001 that implements it)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.compare.align import compare_plans
from pipeline.coverage import STATUS_ORDER, coverage, render_html, render_xlsx
from pipeline.ingest import read_plan
from pipeline.load import catalogue_of

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "compare_real" / "texts"
PAIRS = json.loads((ROOT / "tests" / "compare_real" / "pairs.json").read_text(encoding="utf-8"))
CORPUS = ROOT / "corpus"


def _plan(path: Path):
    text = read_plan(path)
    return catalogue_of(path.name, text), text


def _family(parent: str) -> tuple[Path, list[Path]]:
    return REAL / parent, [REAL / p["child"] for p in PAIRS if p["parent"] == parent]


@pytest.fixture(scope="module")
def nat2023():
    parent_path, child_paths = _family("nat_ktxh2023.txt")
    assert len(child_paths) >= 2
    parent = _plan(parent_path)
    children = [_plan(p) for p in child_paths]
    return parent, children, coverage(*parent, children)


def test_every_parent_target_once_with_one_cell_per_child(nat2023):
    (parent, _), children, cov = nat2023
    assert len(cov.rows) == len(parent.targets)
    assert [c.plan for c in cov.children] == [c.plan for c, _ in children]
    assert all(len(row.cells) == len(children) for row in cov.rows)
    for counts in cov.counts:
        assert sum(counts.values()) == len(parent.targets)


def test_cells_say_what_compare_says(nat2023):
    (parent, parent_text), children, cov = nat2023
    for i, (child, text) in enumerate(children):
        cmp = compare_plans(child, text, parent, parent_text)
        expected = {tuple(p.parent.span): p.status for p in cmp.pairs if p.parent is not None}
        expected.update({tuple(t.span): "beyond_horizon" for t in cmp.beyond_horizon})
        assert {tuple(row.parent.span): row.cells[i].status for row in cov.rows} == expected
        for row in cov.rows:
            cell = row.cells[i]
            assert (cell.child is not None) == (cell.status not in ("missing", "beyond_horizon"))
    # the two provinces do not do the same with every target: the grid tells them apart
    assert any(len({c.status for c in row.cells}) > 1 for row in cov.rows)


def test_html_page_in_vietnamese(nat2023):
    _, _, cov = nat2023
    page = render_html(cov)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert "Độ phủ chỉ tiêu" in page and "Kế hoạch cấp trên" in page
    for status in ("cao hơn", "chưa cụ thể hóa"):
        assert status in page
    for child in cov.children:
        assert f'<th data-child="{child.plan}"' in page
    assert page.count('<td class="cell"') == len(cov.rows) * len(cov.children)
    english = render_html(cov, lang="en")
    assert '<html lang="en">' in english and "Parent target" in english and "missing" in english


def test_xlsx_grid_and_summary(nat2023, tmp_path):
    from openpyxl import load_workbook
    _, children, cov = nat2023
    path = tmp_path / "c.xlsx"
    path.write_bytes(render_xlsx(cov))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Độ phủ", "Tóm tắt"]
    grid = wb["Độ phủ"]
    header = [c.value for c in grid[3]]
    assert header[:4] == ["Mục", "Chỉ tiêu cấp trên", "Mức", "Năm"]
    assert len(header) == 4 + len(children) + 1
    rows = list(grid.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(cov.rows)
    for row, xl in zip(cov.rows, rows):
        for cell, value in zip(row.cells, xl[4:4 + len(children)]):
            assert value.startswith(("giữ nguyên", "cao hơn", "thấp hơn", "chưa cụ thể hóa",
                                     "không so sánh được", "ngoài thời hạn cấp dưới"))
    summary = list(wb["Tóm tắt"].iter_rows(min_row=2, values_only=True))
    assert [list(r[1:1 + len(STATUS_ORDER)]) for r in summary] == \
        [[c[s] for s in STATUS_ORDER] for c in cov.counts]


def test_command_on_the_bundled_corpus_with_catalogues(tmp_path, capsys):
    # catalogues written by `extract` away from their plans, as `run` leaves them
    cats = tmp_path / "cats"
    parent, child = CORPUS / "003_5b145272ffd81972.txt", CORPUS / "001_8da98ca94852457b.txt"
    assert cli.main(["extract", str(parent), str(child), "-o", str(cats), "--max-seconds", "0"]) == 0
    capsys.readouterr()
    out = tmp_path / "do-phu"
    # the plan texts sit beside the catalogues' sources: run from the corpus
    import os
    here = os.getcwd()
    os.chdir(CORPUS)
    try:
        rc = cli.main(["coverage", str(cats / f"{parent.stem}.json"), str(cats / f"{child.stem}.json"),
                       "-o", str(out)])
    finally:
        os.chdir(here)
    printed = capsys.readouterr().out
    assert rc == 0
    assert f"{child.stem}:" in printed and "ngoài thời hạn cấp dưới" in printed  # 2030 targets of a 2025 plan
    page = (out / f"{parent.stem}.coverage.html").read_text(encoding="utf-8")
    assert 'data-status="beyond_horizon"' in page and 'data-status="stricter"' in page
    assert (out / f"{parent.stem}.coverage.xlsx").stat().st_size > 0
    assert not any(p.name.startswith(".") for p in out.iterdir())  # no temporary left


def test_command_errors_are_one_line(tmp_path, capsys):
    parent, children = _family("nat_ktxh2023.txt")
    assert cli.main(["coverage", str(parent), str(tmp_path / "khong-co.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "khong-co.txt" in err[0]
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert cli.main(["coverage", str(parent), str(children[0]), "-o", str(blocker)]) == 2
    err = [line for line in capsys.readouterr().err.strip().splitlines() if "không ghi được" in line]
    assert len(err) == 1 and str(blocker) in err[0]
