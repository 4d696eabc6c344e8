"""`chitieu show`: Vietnamese labels by default, a one-line summary, the outline, only the
tables that have rows; `--lang en` for English labels."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import cli
from pipeline.load import load_catalogue

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLAN_004 = str(next(CORPUS.glob("004_*.txt")))
DATA = Path(__file__).resolve().parent / "data"


def _show(capsys, monkeypatch, *argv) -> str:
    monkeypatch.setenv("COLUMNS", "120")
    assert cli.main(["show", *argv]) == 0
    return capsys.readouterr().out


def test_summary_outline_and_vietnamese_tables(capsys, monkeypatch):
    out = _show(capsys, monkeypatch, PLAN_004)
    cat, _ = load_catalogue(PLAN_004)
    lines = out.splitlines()
    summary = next(l for l in lines if "chỉ tiêu ·" in l)
    assert summary.startswith(f"{len(cat.targets)} chỉ tiêu · {len(cat.deadlines)} thời hạn · ")
    assert f"{len(cat.sections)} mục" in summary
    assert out.index(summary) < out.index("Bố cục (")
    assert "Bố cục (81 mục)" in out and "Chỉ tiêu (16)" in out and "Thời hạn (13)" in out
    for header in ("Mục", "Mức", "Năm", "Xu hướng", "Nguyên văn", "Chủ trì (mục)", "Phối hợp (mục)"):
        assert header in out, header
    # officers' words, never code words
    for code_word in ("indicator", " cmp ", "direction", "reach", "raise", "/yr", "times", "ratio",
                      "Outline", "Targets", "Deadlines", "Agencies", "continuous", "lead ", "support"):
        assert code_word not in out, code_word
    assert "ít nhất 98%" in out and "khoảng 30%" in out and "ít nhất 2%/năm" in out
    assert "trên 56.000 lao động/năm" in out
    assert "thường xuyên" in out and "31/05/2026" in out
    # one row per body, whatever the case it is written in
    rows = [l for l in lines if l.strip().casefold().startswith("các sở, ban, ngành  ")]
    assert len(rows) == 1


def test_only_tables_with_rows(capsys, monkeypatch):
    plan = DATA / "commune_decision_articles.txt"
    cat, _ = load_catalogue(str(plan))
    assert not cat.targets
    out = _show(capsys, monkeypatch, str(plan))
    assert "Chỉ tiêu (" not in out and "0 chỉ tiêu" in out
    if not cat.deadlines:
        assert "Thời hạn (" not in out
    if not cat.agencies:
        assert "Cơ quan (" not in out


def test_english_labels(capsys, monkeypatch):
    out = _show(capsys, monkeypatch, PLAN_004, "--lang", "en")
    assert "Outline (81 headings)" in out and "Targets (16)" in out
    assert "at least 98%" in out and "raise" in out and "16 targets · 13 deadlines" in out
    assert "Chỉ tiêu (16)" not in out


@pytest.mark.parametrize("argv,expected", [
    (["show", "--lang", "en", "--help"], "Exit status:"),
    (["show", "--help"], "Mã thoát:"),
])
def test_help_in_the_asked_language(capsys, argv, expected):
    with pytest.raises(SystemExit):
        cli.main(argv)
    assert expected in capsys.readouterr().out


def test_a_kind_without_its_own_table_is_shown_by_its_registry_columns(capsys, monkeypatch):
    """`show` loops over the registry: a kind it has no table for (here references, taken
    out of the summary-only set) is drawn from the Markdown columns, with no code of its own."""
    from pipeline import render
    cat, _ = load_catalogue(PLAN_004)
    assert cat.references
    monkeypatch.setattr(render, "SUMMARY_ONLY", {"tasks"})
    out = _show(capsys, monkeypatch, PLAN_004)
    assert f"Văn bản dẫn chiếu ({len(cat.references)})" in out
    assert "cơ quan ban hành" in out and cat.references[0].number in out
