"""Scanned plans: a PDF without a text layer is read through OCR (Tesseract, Vietnamese).

`tests/data/scan_excerpt.pdf` (24 KB) is an image-only PDF of a real plan excerpt (the
objectives of corpus/000, drawn at 150 dpi by scripts/scan_pdf.py); another test draws
one from the corpus text itself. Without Tesseract and its Vietnamese model the tests
skip with the reason (scripts/setup.sh installs them as root); with
CHITIEU_REQUIRE_OCR=1 they fail instead.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from pipeline import cli, ocr
from pipeline.emit import plan_products
from pipeline.ingest import read_plan
from pipeline.load import catalogue_of

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "scan_excerpt.pdf"
MISSING = ocr.missing_tools()
REQUIRED = os.environ.get("CHITIEU_REQUIRE_OCR") == "1"


def _needs_ocr():
    if MISSING:
        if REQUIRED:
            pytest.fail(f"CHITIEU_REQUIRE_OCR=1 but OCR cannot run: {MISSING}")
        pytest.skip(f"OCR cannot run here: {MISSING}")


@pytest.fixture(autouse=True)
def ocr_cache(tmp_path, monkeypatch):
    """Each test reads its scans afresh, into a cache of its own."""
    monkeypatch.setenv("CHITIEU_OCR_CACHE", str(tmp_path / "ocr-cache"))
    ocr._MEMORY.clear()
    ocr._LAYERS.clear()
    yield
    ocr._MEMORY.clear()
    ocr._LAYERS.clear()


def _amounts(cat):
    return sorted((t.value, t.unit, t.target_year) for t in cat.targets)


# the targets of the excerpt as its text layer gives them (corpus/000, section II)
EXCERPT_TARGETS = {(35.0, "%", 2030), (80.0, "%", 2030), (100.0, "%", 2035), (20.0, "%", 2035)}


def test_fixture_has_no_text_layer():
    data = FIXTURE.read_bytes()
    assert len(data) < 100_000
    assert ocr.is_scan(FIXTURE.name, data)
    assert not ocr.is_scan("plan.txt", data)


def test_tesseract_is_asked_its_languages_once_per_process(monkeypatch):
    """A run of many scans does not start Tesseract once a file to ask what it reads."""
    calls = []

    class Listed:
        stdout, stderr = "List of available languages (2):\neng\nvie\n", ""
    monkeypatch.setattr(ocr.shutil, "which", lambda name: "/opt/bin/tesseract")
    monkeypatch.setattr(ocr.subprocess, "run", lambda cmd, **kw: calls.append(cmd) or Listed())
    ocr.reset_tools()
    try:
        assert ocr.missing_tools() == ocr.missing_tools() == ocr.missing_tools()
        assert calls == [["/opt/bin/tesseract", "--list-langs"]]
        ocr.reset_tools()  # e.g. after installing a model: asked again
        ocr.missing_tools()
        assert len(calls) == 2
    finally:
        ocr.reset_tools()


def test_a_pdf_is_parsed_once_to_test_it_and_to_read_it(monkeypatch):
    import pdfplumber
    from pipeline.ingest import pdf_text
    opened, real_open = [], pdfplumber.open
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **kw: opened.append(1) or real_open(*a, **kw))
    monkeypatch.setattr(ocr, "scan_text", lambda path, data: "read by OCR\n")
    data = FIXTURE.read_bytes()
    assert ocr.is_scan(FIXTURE.name, data) and ocr.is_scan(FIXTURE.name, data)
    assert pdf_text(FIXTURE, data) == "read by OCR\n"
    assert len(opened) == 1
    assert not ocr._LAYERS  # the reader took it: nothing kept


def test_image_only_pdf_is_read_and_gives_its_targets():
    _needs_ocr()
    text = read_plan(FIXTURE)
    assert "Mục tiêu cụ thể về tỷ lệ cán bộ người dân tộc thiểu số" in text
    cat = catalogue_of(FIXTURE.name, text)
    assert EXCERPT_TARGETS <= set(_amounts(cat))
    # the products keep the OCR text beside the catalogue: spans index it
    products = plan_products(FIXTURE.name, FIXTURE.read_bytes())
    assert products.error is None
    assert products.files["scan_excerpt.txt"] == text
    for t in cat.targets:
        assert f"{t.value:g}" in text[t.span[0]:t.span[1]]


def test_scan_drawn_from_a_real_plan_gives_the_text_layer_targets(tmp_path):
    _needs_ocr()
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from scan_pdf import find_font, image_only_pdf
    finally:
        sys.path.pop(0)
    if find_font() is None:
        pytest.skip("no Unicode TrueType font to draw the scan (fonts-dejavu-core)")
    plan = (ROOT / "corpus" / "004_e5441faa78144875.txt").read_text(encoding="utf-8")
    start = plan.index("II. MỤC TIÊU") if "II. MỤC TIÊU" in plan else 0
    excerpt = plan[start:start + 2500]
    scan = tmp_path / "excerpt.pdf"
    scan.write_bytes(image_only_pdf(excerpt, dpi=200))
    expected = _amounts(catalogue_of("excerpt.txt", excerpt))
    assert expected, "the excerpt should hold targets"
    got = _amounts(catalogue_of(scan.name, read_plan(scan)))
    assert len(set(got) & set(expected)) >= 0.8 * len(set(expected)), (got, expected)


def test_scan_is_read_once_then_from_the_cache(monkeypatch):
    _needs_ocr()
    data = FIXTURE.read_bytes()
    first = ocr.scan_text(FIXTURE, data)
    ocr._MEMORY.clear()  # a new process: only the disk cache remains

    def no_ocr(*a, **k):
        raise AssertionError("read again")
    monkeypatch.setattr(ocr, "read_pages", no_ocr)
    assert ocr.scan_text(FIXTURE, data) == first


def test_ocr_failure_is_one_vietnamese_line_naming_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)  # as on a machine without Tesseract
    plan = tmp_path / "ban_quet.pdf"
    plan.write_bytes(FIXTURE.read_bytes())
    # in this process (--max-seconds 0: no worker process, which would keep its own PATH)
    assert cli.main(["extract", str(plan), "-o", str(tmp_path / "out"), "--max-seconds", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "ban_quet.pdf" in err[0] and "chưa cài Tesseract" in err[0] and "không có lớp chữ" in err[0]


def test_run_reads_scans_in_their_own_task_with_page_progress(prefect_harness, tmp_path, capsys):
    _needs_ocr()
    inbox = tmp_path / "plans"
    inbox.mkdir()
    (inbox / "ban_quet.pdf").write_bytes(FIXTURE.read_bytes())
    out = tmp_path / "out"
    assert cli.main(["run", str(inbox), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "OCR ban_quet.pdf: đã đọc 1/1 trang" in err
    cat = json.loads((out / "ban_quet.json").read_text(encoding="utf-8"))
    assert EXCERPT_TARGETS <= {(t["value"], t["unit"], t["target_year"]) for t in cat["targets"]}
    assert (out / "ban_quet.txt").exists()
    # the Prefect run shows the OCR as its own task
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName

    async def names():
        async with get_client() as client:
            runs = await client.read_task_runs(task_run_filter=TaskRunFilter(
                name=TaskRunFilterName(like_="read-scans")))
            return [r.name for r in runs]
    import asyncio
    assert any(n.startswith("read-scans") for n in asyncio.run(names()))


def test_repair_puts_right_the_roman_numerals_tesseract_misreads():
    read = "|. MỤC ĐÍCH, YÊU CẦU\nl. MỤC TIÊU\n|I. NỘI DUNG\nl) Tổ chức hội nghị\nl. mục\nGiá trị | bảng"
    assert ocr.repair(read).splitlines() == [
        "I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC TIÊU", "II. NỘI DUNG",
        "l) Tổ chức hội nghị", "l. mục", "Giá trị | bảng"]  # a lettered item and a table bar stay


def test_reasons_name_the_scan_in_both_languages(monkeypatch):
    from pipeline import labels as L
    assert "không có lớp chữ" in L.problem("scan_no_letters")
    assert L.problem("scan_no_letters", "en") == "PDF has no text layer (a scan) and OCR found no letters"
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    monkeypatch.setenv("CHITIEU_LANG", "en")
    assert ocr.missing_tools().startswith("Tesseract is not installed")


def test_run_without_tesseract_fails_the_scan_alone_in_one_line(prefect_harness, tmp_path, capsys, monkeypatch,
                                                                 seed_plans):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "ban_quet.pdf").write_bytes(FIXTURE.read_bytes())
    (plans / seed_plans[0].name).write_bytes(seed_plans[0].read_bytes())
    out = tmp_path / "out"
    assert cli.main(["run", str(plans), "-o", str(out)]) == 1  # one plan failed, the other went through
    lines = [line for line in capsys.readouterr().err.splitlines() if "ban_quet.pdf" in line]
    assert lines == [f"chitieu: ban_quet.pdf: {ocr.problem('scan_no_ocr', why=ocr.problem('no_tesseract'))}"]
    assert (out / f"{seed_plans[0].stem}.json").exists() and not (out / "ban_quet.json").exists()
