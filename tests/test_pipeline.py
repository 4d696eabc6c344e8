"""Ingest of .docx/.pdf, the Markdown rendering, index entries, `show` and `schema`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.models import Catalogue
from pipeline import cli
from pipeline.emit import catalogue_markdown, plan_products
from pipeline.ingest import plan_files, read_plan

PARAS = [
    "KẾ HOẠCH",
    "Triển khai thực hiện Nghị quyết số 06-NQ/TU ngày 03/5/2026 của Tỉnh ủy",
    "I. MỤC TIÊU",
    "1. Mục tiêu cụ thể đến năm 2030",
    "a) Phấn đấu 100% cán bộ cấp xã được bồi dưỡng kiến thức, kỹ năng.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu thực hiện; hoàn thành trong Quý III năm 2026.",
]
TABLE = [["Chỉ tiêu", "Đơn vị", "Năm 2030"], ["Tỷ lệ hộ nghèo", "%", "dưới 2"]]


def make_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in PARAS[:5]:
        document.add_paragraph(text)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for text in PARAS[5:]:
        document.add_paragraph(text)
    document.save(str(path))


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(path: Path, pages: list[list[str]]) -> None:
    pytest.importorskip("reportlab")
    if not DEJAVU.exists():
        pytest.skip("no DejaVuSans TTF: reportlab's base fonts cannot draw Vietnamese diacritics")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        c.setFont("DejaVuSans", 10)
        y = 800
        for line in lines:
            c.drawString(40, y, line)
            y -= 16
        c.showPage()
    c.save()


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    plan = tmp_path / "plan.docx"
    make_docx(plan)
    text = read_plan(plan)
    assert text.index("a) Phấn đấu 100%") < text.index("Tỷ lệ hộ nghèo | % | dưới 2") < text.index("II. TỔ CHỨC")
    assert "Chỉ tiêu | Đơn vị | Năm 2030" in text


def test_extract_docx_keeps_text_beside_and_spans_index_it(tmp_path):
    plan = tmp_path / "plan.docx"
    make_docx(plan)
    out = tmp_path / "out"
    assert cli.main(["extract", str(plan), "-o", str(out)]) == 0
    text = (out / "plan.txt").read_text(encoding="utf-8")
    cat = Catalogue.model_validate(json.loads((out / "plan.json").read_text(encoding="utf-8")))
    assert cat.source == "plan.docx" and cat.plan == "plan"
    titles = [s.title for s in cat.sections]
    assert "MỤC TIÊU" in titles and "TỔ CHỨC THỰC HIỆN" in titles
    for finding in [*cat.sections, *cat.targets, *cat.deadlines, *cat.agencies]:
        start, end = finding.span
        assert 0 <= start < end <= len(text)
    for s in cat.sections:
        assert s.title.split()[0] in text[s.span[0]:s.span[1]]
    # `show` on the catalogue finds the text beside it
    assert cli.main(["show", str(out / "plan.json")]) == 0


def test_pdf_text_layer_across_pages(tmp_path):
    plan = tmp_path / "plan.pdf"
    make_pdf(plan, [PARAS[:4], PARAS[4:]])
    text = read_plan(plan)
    assert "Mục tiêu cụ thể đến năm 2030" in text
    assert text.index("I. MỤC TIÊU") < text.index("II. TỔ CHỨC THỰC HIỆN")
    products = plan_products(plan.name, plan.read_bytes())
    assert products.error is None
    assert products.files["plan.txt"] == text
    assert products.entry["files"]["text"] == "plan.txt"


def test_scanned_pdf_without_text_layer(tmp_path, capsys):
    plan = tmp_path / "scan.pdf"
    make_pdf(plan, [[]])  # a blank page: neither a text layer nor letters for OCR
    assert cli.main(["extract", str(plan), "-o", str(tmp_path / "out")]) == 2
    assert "không có lớp chữ" in capsys.readouterr().err


def test_crlf_plan_spans_index_text_as_python_reads_it(tmp_path):
    plan = tmp_path / "crlf.txt"
    plan.write_bytes("\r\n".join(PARAS).encode("utf-8"))
    text = read_plan(plan)
    assert text == plan.read_text(encoding="utf-8")


def test_directory_scan_skips_readme_and_hidden_files(tmp_path):
    for name in ("b.txt", "a.md", "c.docx", "README.md", ".draft.txt", "notes.csv"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in plan_files([tmp_path])] == ["a.md", "b.txt", "c.docx"]


def test_markdown_rendering_one_line_per_finding_without_offsets(seed_plans):
    plan = seed_plans[1]
    cat = plan_products(plan.name, plan.read_bytes())
    md = cat.files[f"{plan.stem}.md"]
    catalogue = Catalogue.model_validate(json.loads(cat.files[f"{plan.stem}.json"]))
    assert md == catalogue_markdown(catalogue)  # deterministic
    for t in catalogue.targets:
        assert sum(line.startswith(f"| {t.id} |") for line in md.splitlines()) == 1
    for a in catalogue.agencies:
        assert sum(line.startswith(f"| {a.id} |") for line in md.splitlines()) == 1
    assert str(catalogue.sections[-1].span[0]) not in md.replace(catalogue.text_sha256, "")
    assert f"## Chỉ tiêu ({len(catalogue.targets)})" in md
    assert "- Tệp: " in md and "## Bố cục (" in md and "| id | mục | chỉ tiêu |" in md


def test_show_prints_outline_and_tables_plain_when_piped(seed_plans, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    plan = seed_plans[2]
    assert cli.main(["show", str(plan)]) == 0
    out = capsys.readouterr().out
    cat = plan_products(plan.name, plan.read_bytes())
    catalogue = Catalogue.model_validate(json.loads(cat.files[f"{plan.stem}.json"]))
    assert "\x1b[" not in out  # no colour codes in a pipe
    assert max(len(line) for line in out.splitlines()) <= 100
    assert f"Chỉ tiêu ({len(catalogue.targets)})" in out
    assert f"{len(catalogue.agencies)} lượt nêu)" in out
    assert catalogue.sections[0].title[:30] in out


def test_schema_validates_a_real_catalogue(seed_plans, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    plan = seed_plans[0]
    catalogue = json.loads(plan_products(plan.name, plan.read_bytes()).files[f"{plan.stem}.json"])
    jsonschema.validate(catalogue, schema)
    catalogue["targets"] = [{"value": "many"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(catalogue, schema)


def test_failed_plan_travels_back_as_error_not_exception():
    products = plan_products("empty.txt", b"")
    assert products.error == "tệp rỗng" and products.files == {}
    assert products.entry == {"plan": "empty", "source": "empty.txt",
                              "source_sha256": products.source_sha256, "error": "tệp rỗng"}


def test_extract_show_diff_do_not_load_prefect(seed_plans, tmp_path):
    """Prefect's import and server cost 15-25 s: only `run` may pay it."""
    import subprocess
    import sys
    plan = str(seed_plans[0])
    code = (
        "import contextlib, io, sys\n"
        "from pipeline import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    cli.main(['extract', {plan!r}, '-o', {str(tmp_path)!r}])\n"
        f"    cli.main(['show', {plan!r}])\n"
        f"    cli.main(['diff', {plan!r}, {plan!r}])\n"
        "    cli.main(['schema'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('prefect', 'distributed')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
