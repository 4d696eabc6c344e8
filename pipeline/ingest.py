"""Read plan files into text, or say clearly why a file cannot be read.

`.txt` and `.md` plans are read as they are: catalogue spans index that text.
`.docx` (paragraphs and tables in document order) and `.pdf` (the text layer; a scan
without one through OCR, `pipeline.ocr`) are converted to text; callers keep that text beside the catalogue so spans stay checkable.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path


from pipeline.errors import PlanError
from pipeline.labels import problem

TEXT_SUFFIXES = (".txt", ".md")
CONVERTED_SUFFIXES = (".docx", ".pdf")
PLAN_SUFFIXES = TEXT_SUFFIXES + CONVERTED_SUFFIXES

# A corpus folder's own notes are not plans.
_NOT_PLANS = {"readme.md", "readme.txt", "license.txt", "changelog.md"}


def is_converted(path: str | Path) -> bool:
    """True when the catalogue's text is a conversion, not the file itself."""
    return Path(path).suffix.lower() in CONVERTED_SUFFIXES


def plan_files(paths: list[str | Path], problems: list[PlanError] | None = None,
               exclude: str | Path | None = None) -> list[Path]:
    """Expand files and directories into the plan files they name. With `problems`, a
    path that names nothing readable is reported there and the others still count;
    without it the first such path raises. Files inside `exclude` (the output folder)
    are never plans: a run must not read its own renderings back."""
    out: list[Path] = []
    skip = _resolved(exclude) if exclude is not None else None
    for p in map(Path, paths):
        try:
            if p.is_dir():
                found = sorted(f for f in p.iterdir()
                               if f.suffix.lower() in PLAN_SUFFIXES and f.is_file()
                               and not f.name.startswith(".") and f.name.lower() not in _NOT_PLANS
                               and (skip is None or _resolved(f).parent != skip))
                if not found:
                    raise PlanError(p, problem("no_plans_in_dir", suffixes=", ".join(PLAN_SUFFIXES)))
                out.extend(found)
            elif p.exists():
                if skip is not None and _resolved(p).parent == skip:
                    raise PlanError(p, problem("inside_output"))
                out.append(p)
            else:
                raise PlanError(p, problem("no_such_file"))
        except PlanError as exc:
            if problems is None:
                raise
            problems.append(exc)
        except OSError as exc:
            err = PlanError(p, problem("cannot_read", why=exc.strerror or exc))
            if problems is None:
                raise err
            problems.append(err)
    return out


def _resolved(p: str | Path) -> Path:
    try:
        return Path(p).resolve()
    except OSError:
        return Path(p).absolute()


def read_plan(path: str | Path, max_bytes: int | None = None) -> str:
    """The text of a plan file: a regular file only, never past the size limit
    (`pipeline.limits`; default from CHITIEU_MAX_MB)."""
    from pipeline.limits import Limits, read_bytes
    path = Path(path)
    if max_bytes is None:
        try:
            max_bytes = Limits.of().max_bytes
        except ValueError:
            max_bytes = Limits().max_bytes
    data = read_bytes(path, max_bytes)
    return plan_text(path, data)


def plan_text(path: str | Path, data: bytes) -> str:
    """The plan text of a file's bytes, by its suffix. Pure (but for a scan, read by OCR
    or taken from the OCR cache, `pipeline.ocr`), so workers on other machines can
    convert bytes sent to them."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not data.strip():
        raise PlanError(path, problem("empty"))
    if suffix == ".docx":
        text = docx_text(path, data)
    elif suffix == ".pdf":
        text = pdf_text(path, data)
    else:
        if data[:4] == b"%PDF" or data[:2] == b"PK":
            kind = "PDF" if data[:4] == b"%PDF" else "zip/Office"
            raise PlanError(path, problem("wrong_suffix", kind=kind, suffix=suffix) if suffix
                            else problem("wrong_no_suffix", kind=kind))
        text = decode_plan(path, data)
    check_plan_text(path, text)
    return text


def decode_plan(path: Path, data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise PlanError(path, problem("utf16"))
    if b"\x00" in data:
        sample = data[:4096]
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if max(odd, even) > len(sample) // 4 and min(odd, even) < len(sample) // 50:
            raise PlanError(path, problem("utf16_no_bom"))
        raise PlanError(path, problem("binary"))
    controls = sum(1 for b in data[:65536] if b < 32 and b not in (9, 10, 12, 13))
    if controls > min(len(data), 65536) // 100:
        raise PlanError(path, problem("binary"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanError(path, problem("not_utf8", byte=data[exc.start], offset=exc.start))
    # As `open(path, encoding="utf-8").read()` gives it (universal newlines, a BOM kept):
    # the text every span is measured in.
    return universal_newlines(text)


def universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def docx_text(path: Path, data: bytes) -> str:
    """Paragraphs and table rows in document order, one block per line pair.
    A table row becomes one line, cells joined by ` | ` (merged cells once)."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PlanError(path, problem("bad_docx", error=type(exc).__name__))
    except Exception as exc:  # python-docx raises assorted errors on damaged packages
        raise PlanError(path, problem("bad_docx", error=f"{type(exc).__name__}: {exc}"))

    def table_lines(table: Table) -> list[str]:
        lines = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                value = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                if value:
                    cells.append(value)
            if cells:
                lines.append(" | ".join(cells))
        return lines

    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            if text:
                blocks.append(text)
        elif tag == "tbl":
            blocks.extend(table_lines(Table(child, document)))
    return universal_newlines("\n\n".join(blocks) + "\n") if blocks else ""


def pdf_text(path: Path, data: bytes) -> str:
    """The text layer, page by page. A scanned PDF has none: its pages are read by OCR."""
    from pipeline import ocr
    try:
        pages = ocr.text_layer(data)  # parsed once: the scan test before kept it
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise PlanError(path, problem("bad_pdf", error=type(exc).__name__))
    ocr.forget_text_layer(data)
    pages = [p for p in pages if p]
    if not pages:
        return ocr.scan_text(path, data)
    # A blank line between pages: the text view glues a sentence cut by a page break.
    return universal_newlines("\n\n".join(pages) + "\n")


def check_plan_text(path: Path, text: str) -> None:
    if not text.strip():
        raise PlanError(path, problem("empty" if not is_converted(path) else "no_text_in_document"))
    letters = sum(ch.isalpha() for ch in text)
    if letters < 20:
        raise PlanError(path, problem("no_readable_text"))
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > len(text) // 50:
        raise PlanError(path, problem("binary"))
    if _looks_mis_decoded(text):
        raise PlanError(path, problem("mis_encoded"))


def _looks_mis_decoded(text: str) -> bool:
    """UTF-8 text of a Vietnamese plan has many precomposed or combining Vietnamese
    letters; text converted from TCVN3 through Latin-1 shows runs of `¸ µ ¶ ·` instead."""
    sample = text[:20000]
    tcvn_marks = sum(sample.count(ch) for ch in "¸µ¶·¹¨©ª«¬®¯°±²³´½¾")
    return tcvn_marks > 20 and tcvn_marks > len(sample) // 200
