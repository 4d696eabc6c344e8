"""The comparison page: self-contained, and rendered by a real browser (Debian's
headless chromium) with every status visible."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pipeline.compare.align import compare_plans
from pipeline.compare.html import render_html
from test_compare_align import CHILD, PARENT, child_catalogue, parent_catalogue

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             "/usr/bin/chromium") if p and shutil.os.path.exists(p)), None)


@pytest.fixture(scope="module")
def page():
    return render_html(compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT))


def test_page_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", page), "no resources from outside"
    assert "<style>" in page


def test_page_shows_both_plans_side_by_side_with_sentences(page):
    assert page.count('class="pair status-') == 5   # 4 parent targets in the horizon, 1 child-only
    # the parent's sentence with its value marked, and the child's
    assert "<mark>Trên 98%</mark> đồng bào dân tộc thiểu số tham gia bảo hiểm y tế" in page
    assert "tham gia BHYT <mark>đạt 97%</mark>" in page
    assert 'id="parent-' in page and 'id="child-' in page


def _dump_dom(page: str, tmp_path) -> str:
    html_file = tmp_path / "compare.html"
    html_file.write_text(page, encoding="utf-8")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", html_file.as_uri()]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not finish in 90 s")
    if out.returncode != 0 or "<body" not in out.stdout:
        pytest.skip(f"chromium could not run here: {out.stderr.strip()[-300:]}")
    return out.stdout


def _visible_text(dom: str) -> str:
    body = dom[dom.index("<body"):]
    body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (scripts/setup.sh installs it as root)")
def test_chromium_page_reads_in_vietnamese_with_no_score_on_unpaired(page, tmp_path):
    dom = _dump_dom(page, tmp_path)
    assert '<html lang="vi">' in dom
    text = _visible_text(dom)
    for english in ("Status", "Parent target", "Child target", "targets", "horizon", "closest",
                    "no child target", "not in the parent plan", "higher floor", "chars"):
        assert english not in text, english
    for vi in ("Kết quả", "Chỉ tiêu cấp trên", "Chỉ tiêu cấp dưới", "cấp dưới không có chỉ tiêu này"):
        assert vi in text, vi
    for status in ("missing", "child_only"):
        score = re.search(rf'<tr class="pair status-{status}".*?<td class="score">(.*?)</td>', dom, re.S)
        assert score and score.group(1) == "", status


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (scripts/setup.sh installs it as root)")
def test_chromium_english_page_and_warnings(tmp_path):
    cmp = compare_plans(child_catalogue(), CHILD, parent_catalogue(), PARENT)
    dom = _dump_dom(render_html(cmp, lang="en", warnings=["The child plan looks like an excerpt"]), tmp_path)
    assert '<html lang="en">' in dom
    assert re.search(r'<td class="status">stricter<', dom)
    assert "beyond the child's horizon" in dom.replace("&#x27;", "'").replace("&#39;", "'").lower()
    assert re.search(r'<p class="warning"[^>]*>⚠ The child plan looks like an excerpt</p>', dom)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (scripts/setup.sh installs it as root)")
def test_chromium_renders_statuses(page, tmp_path):
    html_file = tmp_path / "compare.html"
    html_file.write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--dump-dom", html_file.as_uri()]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not finish in 90 s")
    if out.returncode != 0 or "<body" not in out.stdout:
        pytest.skip(f"chromium could not run here: {out.stderr.strip()[-300:]}")
    dom = out.stdout
    rows = re.findall(r'<tr class="pair status-(\w+)"', dom)
    assert sorted(rows) == ["child_only", "missing", "stricter", "stricter", "weaker"]
    for label in ("cao hơn", "thấp hơn", "chưa cụ thể hóa", "chỉ ở cấp dưới"):
        assert re.search(rf'<td class="status">{label}<', dom), label
    assert "Ngoài thời hạn của kế hoạch cấp dưới" in dom
    assert "later" in re.findall(r'<tr class="deadline deadline-(\w+)"', dom)
