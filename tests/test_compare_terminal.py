"""`chitieu compare` in a terminal: the summary first, Vietnamese labels, rows that fit the
width, the indicator said once, no score on unpaired rows, a warning for an excerpt or a
side without targets."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import cli

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CHILD = str(next(CORPUS.glob("001_*.txt")))
PARENT = str(next(CORPUS.glob("003_*.txt")))


def _compare(capsys, monkeypatch, *argv, width=100) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    assert cli.main(["compare", *argv]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def report():
    mp = pytest.MonkeyPatch()
    mp.setenv("COLUMNS", "100")
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert cli.main(["compare", CHILD, PARENT]) == 0
    mp.undo()
    return buf.getvalue()


def test_summary_comes_first(report):
    lines = report.splitlines()
    assert lines[0].startswith("So sánh chỉ tiêu: 001_")
    head = "\n".join(lines[:6])
    assert "Cấp trên:" in head and "Cấp dưới:" in head and "đến năm 2025" in head
    assert "giữ nguyên: " in head and "cao hơn: " in head and "chưa cụ thể hóa: " in head
    assert report.index("chưa cụ thể hóa: ") < report.index("Kết quả")


def test_rows_fit_the_width_in_vietnamese(report):
    assert max(len(l) for l in report.splitlines()) <= 100
    for english in ("missing", "stricter", "weaker", "child only", "parent target", "no child target",
                    "higher floor", "score"):
        assert english not in report, english
    rows = [l for l in report.splitlines() if l.startswith(" chưa cụ thể hóa ")]
    assert rows and all(not l.rstrip()[-4:].replace(".", "").isdigit() for l in rows), "no score on missing"


def test_indicator_said_once(report):
    for line in report.splitlines():
        words = line.split()
        for n in (3, 4):
            grams = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
            dup = [g for g in set(grams) if grams.count(g) > 1 and any(c.isdigit() for c in g)]
            assert not dup, line


def test_english_labels(capsys, monkeypatch):
    out = _compare(capsys, monkeypatch, CHILD, PARENT, "--lang", "en")
    assert out.startswith("Targets compared: ") and "stricter: " in out and "missing" in out


def test_warns_when_child_is_an_excerpt_without_targets(capsys, monkeypatch, tmp_path):
    raw = Path(CHILD).read_text(encoding="utf-8")
    excerpt = tmp_path / "trich.txt"
    excerpt.write_text(raw[:1200], encoding="utf-8")
    out = _compare(capsys, monkeypatch, str(excerpt), PARENT)
    head = out[:out.index("Kết quả")] if "Kết quả" in out else out
    assert "⚠ Cảnh báo: Kế hoạch cấp dưới (trich.txt) không có chỉ tiêu nào" in head
    assert "trích đoạn" in head


def test_html_page_carries_the_warning(capsys, monkeypatch, tmp_path):
    raw = Path(CHILD).read_text(encoding="utf-8")
    excerpt = tmp_path / "trich.txt"
    excerpt.write_text(raw[:1200], encoding="utf-8")
    page = tmp_path / "p.html"
    _compare(capsys, monkeypatch, str(excerpt), PARENT, "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert 'class="warning"' in html and "không có chỉ tiêu nào" in html
