"""Read scanned plans: a PDF without a text layer, through OCR.

Many plans reach offices as scans. Their pages are rendered to images (pypdfium2, which
pdfplumber already brings) and read by Tesseract with its Vietnamese model (Debian's
`tesseract-ocr` and `tesseract-ocr-vie`, called as a command: no Python binding to keep
in step with the C library).

OCR is slow (seconds a page), so `chitieu run` and `serve` read scans in a Prefect task
of their own before cataloguing (`pipeline.flow.read_scan`, task `read-scans`), with a
progress line per page, and keep
each text in a cache keyed by the PDF's bytes (`CHITIEU_OCR_CACHE`, default
`~/.cache/chitieu/ocr`): the cataloguing worker, and every later run, finds the text
there instead of reading the scan again. A plan read without the run (`chitieu extract`,
a worker on another machine) is read on the spot.
"""
from __future__ import annotations

import hashlib
import io
import os
import regex as re
import shutil
import subprocess
import threading
import unicodedata
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from pipeline.errors import PlanError
from pipeline.labels import problem

LANG = "vie"
DPI = 300  # Tesseract reads Vietnamese diacritics well from about 300 dpi
PAGE_SECONDS = 180.0  # one page past this is a stuck process, not a slow one
# A new cache entry when what Tesseract reads would differ (not when `repair` changes).
_CACHE_VERSION = f"3-{LANG}-{DPI}"

OnPage = Callable[[int, int], None]  # (pages done, pages in the file)


def missing_tools() -> Optional[str]:
    """Why OCR cannot run here (in Vietnamese), or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return problem("no_tesseract")
    langs = _tesseract_langs(exe)
    if isinstance(langs, str):
        return problem("tesseract_fails", error=langs)
    if LANG not in langs:
        return problem("no_vie_model")
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return problem("no_pdfium")
    return None


@lru_cache(maxsize=None)
def _tesseract_langs(exe: str) -> frozenset[str] | str:
    """The languages this Tesseract reads (or the name of the error that stopped it),
    asked once per process and program: a run of many scans starts Tesseract once for
    this, not once a file. `reset_tools()` forgets the answer (after installing a model)."""
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return type(exc).__name__
    return frozenset((out.stdout + out.stderr).split())


def reset_tools() -> None:
    _tesseract_langs.cache_clear()


# The text layers read by `is_scan`, kept for the reader that follows it in the same process
# (`ingest.pdf_text`): a PDF is parsed once, not once to test it and again to read it. A few
# files only: the run tests a wave of plans before cataloguing it, and a file pushed out is
# simply read again.
_LAYERS: "OrderedDict[str, list[str]]" = OrderedDict()
_LAYERS_KEPT = 64


def text_layer(data: bytes) -> list[str]:
    """The text of each page of a PDF, stripped (empty for a page without a text layer).
    Raises what pdfplumber raises on a damaged file."""
    key = key_of(data)
    with _LOCK:
        if key in _LAYERS:
            return _LAYERS[key]
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [(page.extract_text() or "").strip() for page in pdf.pages]
    with _LOCK:
        _LAYERS[key] = pages
        while len(_LAYERS) > _LAYERS_KEPT:
            _LAYERS.popitem(last=False)
    return pages


def forget_text_layer(data: bytes) -> None:
    """The reader has the text: no need to keep it."""
    with _LOCK:
        _LAYERS.pop(key_of(data), None)


def has_text_layer(data: bytes) -> bool:
    """True when some page of the PDF holds text; a damaged PDF counts as having text, so
    the text-layer reader reports the damage instead of OCR."""
    try:
        return any(text_layer(data))
    except Exception:  # pdfminer raises many kinds of errors on damaged files
        return True


def is_scan(name: str, data: bytes) -> bool:
    """A PDF without a text layer: the kind of file OCR reads."""
    return Path(name).suffix.lower() == ".pdf" and data[:4] == b"%PDF" and not has_text_layer(data)


# ---- the cache: text by the sha256 of the PDF's bytes ------------------------------------

_MEMORY: dict[str, str] = {}
_LOCK = threading.Lock()


def key_of(data: bytes) -> str:
    """The cache key of a scan: the sha256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


def cache_dir() -> Path:
    env = os.environ.get("CHITIEU_OCR_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chitieu" / "ocr"


def _cache_file(key: str) -> Path:
    return cache_dir() / f"{key}-{_CACHE_VERSION}.txt"


def cached(data: bytes) -> Optional[str]:
    key = key_of(data)
    with _LOCK:
        if key in _MEMORY:
            return _MEMORY[key]
    try:
        return _cache_file(key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def remember(data: bytes, text: str) -> None:
    """Keep what Tesseract read on a scan (`read_pages`) in this process and on disk (a cache that cannot be written
    only costs a second reading)."""
    key = key_of(data)
    with _LOCK:
        _MEMORY[key] = text
    try:
        from pipeline.emit import write_atomic
        write_atomic(_cache_file(key), text)
    except OSError:
        pass


# ---- reading ------------------------------------------------------------------------------

def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _page_png(pdf, index: int, dpi: int) -> bytes:
    page = pdf[index]
    try:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        page.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _tesseract(png: bytes, lang: str) -> str:
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")  # one core a page: the run's workers share the machine
    try:
        out = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang], input=png,
                             capture_output=True, timeout=PAGE_SECONDS, env=env)
    except subprocess.TimeoutExpired:
        raise RuntimeError(problem("tesseract_timeout", seconds=PAGE_SECONDS))
    except OSError as exc:
        raise RuntimeError(problem("tesseract_fails", error=exc.strerror or exc))
    if out.returncode != 0:
        why = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(problem("tesseract_error", code=out.returncode, detail=f": {why[-1]}" if why else ""))
    return out.stdout.decode("utf-8", "replace")


# Tesseract reads the roman numeral I of a heading (`I. MỤC ĐÍCH`) as a vertical bar,
# which no Vietnamese word holds, or as a small l: at the head of a line before `. `, the
# bars are Is; a small l only before a heading in capitals (`l)` and `l.` also mark the
# eleventh item of a lettered list).
_BAR_NUMERAL = re.compile(r"(?m)^([|I]{0,3}\|[|I]{0,3})(?=[.)]\s)")
_L_NUMERAL = re.compile(r"(?m)^([lI]{0,3}l[lI]{0,3})(?=\.\s+\p{Lu}{2})")


def repair(text: str) -> str:
    """What Tesseract misreads the same way on every plan, put right."""
    text = _BAR_NUMERAL.sub(lambda m: m.group(1).replace("|", "I"), text)
    return _L_NUMERAL.sub(lambda m: m.group(1).replace("l", "I"), text)


def _clean(page: str) -> str:
    # NFC as plan texts are; Tesseract ends a page with a form feed
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", page).replace("\f", "\n").split("\n")]
    return "\n".join(lines).strip()


def ocr_pdf(path: str | Path, data: bytes, on_page: Optional[OnPage] = None,
            lang: str = LANG, dpi: int = DPI) -> str:
    """The plan text of a scanned PDF: what Tesseract read, repaired."""
    return repair(read_pages(path, data, on_page, lang, dpi))


def read_pages(path: str | Path, data: bytes, on_page: Optional[OnPage] = None,
               lang: str = LANG, dpi: int = DPI) -> str:
    """What Tesseract reads on a scanned PDF, page by page (a blank line between pages, as
    the text layer reader joins them); the cache keeps this, so a better `repair` needs no
    second reading. Raises PlanError naming the file when OCR cannot run or fails."""
    why = missing_tools()
    if why:
        raise PlanError(path, problem("scan_no_ocr", why=why))
    try:
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # pdfium raises its own error kinds on damaged files
        raise PlanError(path, problem("scan_not_rendered", error=type(exc).__name__))
    pages: list[str] = []
    try:
        total = len(pdf)
        for i in range(total):
            try:
                pages.append(_clean(_tesseract(_page_png(pdf, i, dpi), lang)))
            except RuntimeError as exc:
                raise PlanError(path, problem("scan_page_failed", page=i + 1, pages=total, why=exc))
            except Exception as exc:
                raise PlanError(path, problem("scan_page_failed", page=i + 1, pages=total,
                                              why=type(exc).__name__))
            if on_page is not None:
                on_page(i + 1, total)
    finally:
        pdf.close()
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise PlanError(path, problem("scan_no_letters"))
    return text.replace("\r\n", "\n").replace("\r", "\n") + "\n"


def scan_text(path: str | Path, data: bytes, on_page: Optional[OnPage] = None) -> str:
    """A scan's plan text: read from the cache when the run's OCR task read it, else now."""
    read = cached(data)
    if read is None:
        read = read_pages(path, data, on_page)
        remember(data, read)
    return repair(read)
