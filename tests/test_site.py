"""The static site `chitieu serve` writes (`OUTPUTS/site/`): its content and links as files,
then in a real browser (Debian's headless chromium, as `test_compare_html.py` runs it):
the pages render, a link leads to its page, and the search box finds a target typed
without diacritics."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from serve_plans import CHILD, PARENT, write_child, write_parent

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             "/usr/bin/chromium") if p and shutil.os.path.exists(p)), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="chromium not installed (scripts/setup.sh installs it as root)")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Parent and child through the serve pipeline without Prefect (the same steps)."""
    from pipeline.serve import run_inbox
    root = tmp_path_factory.mktemp("site")
    inbox, out = root / "inbox", root / "outputs"
    write_parent(inbox)
    write_child(inbox)
    report = run_inbox(inbox, out, run_date=dt.date(2022, 10, 1), settle=0, quiet=True)
    assert report.compared == {CHILD: PARENT}
    return out / "site"


def _ids(page: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page))


def test_index_lists_plans_by_level_with_parent_and_comparison(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in index
    assert "Cấp: tỉnh (1)" in index and "Cấp: cấp ủy Đảng (1)" in index
    assert index.index("Cấp: tỉnh") < index.index("Cấp: cấp ủy Đảng")
    assert "Triển khai thực hiện Chiến lược công tác dân tộc" in index and "Huyện ủy Bảo Yên" in index
    row = re.search(rf'<tr data-plan="{CHILD}">.*?</tr>', index, re.S).group(0)
    assert f'href="plans/{PARENT}.html"' in row and f'href="compare/{CHILD}.html"' in row
    assert "15/06/2022" in index
    assert 'id="q"' in index and "search-index.js" in index


def test_every_link_of_every_page_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', html):
            if href.startswith(("http:", "https:", "//")):
                pytest.fail(f"{page.name}: a link out of the site: {href}")
            path, _, frag = href.partition("#")
            target = (page.parent / unquote(path)).resolve() if path else page
            assert target.exists(), f"{page.relative_to(site)}: {href}"
            if frag and target.suffix == ".html":
                assert frag in _ids(target.read_text(encoding="utf-8")), f"{page.relative_to(site)}: {href}"


def test_plan_page_links_each_finding_to_its_place_in_the_text(site):
    page = (site / "plans" / f"{CHILD}.html").read_text(encoding="utf-8")
    from pipeline.serve import load_catalogues
    from pipeline.emit import read_index
    out = site.parent
    cat = load_catalogues(out, {e["plan"]: e for e in read_index(out)["plans"]})[CHILD]
    text = re.search(r'<div class="plan-text">(.*?)</div>', page, re.S).group(1)
    for t in cat.targets[:10]:
        m = re.search(rf'<mark id="{re.escape(t.id)}[^"]*" class="target">(.*?)</mark>', text, re.S)
        assert m, t.id
        import html as H
        assert H.unescape(m.group(1)).replace("\n", " ").strip() != ""
    assert f'<a id="{cat.tasks[0].id}' in text  # a task anchored where it starts
    # tags stripped, the rendered text is the plan text
    plain = re.sub(r"<[^>]+>", "", text)
    import html as H
    assert H.unescape(plain) == (site.parent.parent / "inbox" / f"{CHILD}.txt").read_text(encoding="utf-8")
    assert "Kế hoạch cấp trên" in page and f'href="../compare/{CHILD}.html"' in page


def test_body_pages_and_deadlines(site):
    bodies = (site / "bodies" / "index.html").read_text(encoding="utf-8")
    assert "Ban Dân tộc tỉnh" in bodies or "Ban Dân tộc" in bodies
    first = re.search(r'<a href="([^"]+\.html)">', bodies.split("<main>")[1]).group(1)
    body = (site / "bodies" / first).read_text(encoding="utf-8")
    assert "<h2><a href=\"../plans/" in body and "chủ trì" in body or "phối hợp" in body
    upcoming = (site / "deadlines.html").read_text(encoding="utf-8")
    assert '<tr class="soon"><td>30/11/2022' in upcoming


def _chromium(url: str, tmp_path, *flags) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", *flags, url]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not finish in 90 s")
    return out


def _dump(url: str, tmp_path) -> str:
    out = _chromium(url, tmp_path, "--dump-dom")
    if out.returncode != 0 or "<body" not in out.stdout:
        pytest.skip(f"chromium could not run here: {out.stderr.strip()[-300:]}")
    return out.stdout


@needs_chromium
def test_chromium_renders_the_index_and_follows_a_link(site, tmp_path):
    index_url = (site / "index.html").as_uri()
    dom = _dump(index_url, tmp_path)
    assert "Danh mục kế hoạch" in dom and "Kế hoạch theo cấp" in dom
    assert '<ul id="results"></ul>' in dom  # no query, no results
    # follow the child's comparison link as the browser resolves it
    href = re.search(rf'<tr data-plan="{CHILD}">.*?href="(compare/[^"]+)"', dom, re.S).group(1)
    target = urljoin(index_url, href)
    assert Path(unquote(urlparse(target).path)).is_file()
    cmp_dom = _dump(target, tmp_path)
    assert "So sánh chỉ tiêu kế hoạch cấp dưới với kế hoạch cấp trên" in cmp_dom
    assert re.search(r'<td class="status">thấp hơn<', cmp_dom)
    # and a plan page, with its text rendered and a target marked
    plan_dom = _dump(urljoin(index_url, f"plans/{CHILD}.html"), tmp_path)
    assert 'class="plan-text"' in plan_dom and 'class="target"' in plan_dom
    assert "Huyện ủy Bảo Yên" in plan_dom


@needs_chromium
def test_chromium_search_finds_targets_without_diacritics(site, tmp_path):
    dom = _dump((site / "index.html").as_uri() + "?q=bao%20hiem%20y%20te", tmp_path)
    results = re.search(r'<ul id="results">(.*?)</ul>', dom, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", results, re.S)
    assert items, "the search found nothing"
    import unicodedata

    def fold(s: str) -> str:
        s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
        return "".join(c for c in s if not unicodedata.combining(c)).lower()
    texts = [re.sub(r"<[^>]+>", " ", i) for i in items]
    # every result holds every word; those holding the phrase come first
    assert all(all(w in fold(t) for w in ("bao", "hiem", "y", "te")) for t in texts)
    own = [re.sub(r"<[^>]+>", " ", re.sub(r'<span class="muted">.*', "", i, flags=re.S)) for i in items]
    with_phrase = ["bảo hiểm y tế" in t.lower() for t in own]
    assert with_phrase[0] and with_phrase == sorted(with_phrase, reverse=True)
    first = [i for i, p in zip(items, with_phrase) if p]
    assert any(f'href="plans/{PARENT}.html#' in i for i in first) and any(f'href="plans/{CHILD}.html#' in i for i in first)
    assert re.search(r'<p id="results-info"[^>]*>\d+ kết quả</p>', dom)
    none = _dump((site / "index.html").as_uri() + "?q=khongcotu", tmp_path)
    assert '<ul id="results"></ul>' in none and ">0 kết quả<" in none


@needs_chromium
def test_chromium_screenshot(site, tmp_path):
    png = tmp_path / "site.png"
    out = _chromium((site / "index.html").as_uri(), tmp_path, "--hide-scrollbars", "--window-size=1280,900",
                    f"--screenshot={png}")
    if out.returncode != 0 or not png.exists():
        pytest.skip(f"chromium could not take a screenshot here: {out.stderr.strip()[-300:]}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
