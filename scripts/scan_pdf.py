"""Make an image-only PDF of a plan text, as a scanner would: pages drawn as pictures,
no text layer. Used by scripts/ocr_measure.py and tests/test_ocr.py to read real plan
texts back through OCR.

    python scripts/scan_pdf.py PLAN.txt OUT.pdf [--dpi 300]

Pillow only (it comes with pdfplumber); the font is a Unicode TrueType font found on the
machine (DejaVu Sans or Liberation Sans, which Debian installs with Chromium and Tesseract).
"""
from __future__ import annotations

import argparse
import io
import re
import sys
import textwrap
from pathlib import Path
from typing import Optional

FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
         "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")


def find_font() -> Optional[str]:
    for path in FONTS:
        if Path(path).exists():
            return path
    try:
        import subprocess
        out = subprocess.run(["fc-match", "-f", "%{file}", "sans:lang=vi"], capture_output=True,
                             text=True, timeout=10)
        if out.returncode == 0 and out.stdout.endswith(".ttf"):
            return out.stdout
    except (OSError, Exception):
        pass
    return None


_HEADING_MARK = re.compile(r"(?m)^#{1,6}\s*")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|\\(?=[\\`*_#.\-])")


def as_printed(text: str) -> str:
    """The text as the printed page shows it: a plan kept as Markdown prints its headings
    and bold words, not the `#` and `**` that mark them."""
    return _EMPHASIS.sub("", _HEADING_MARK.sub("", text))


def image_only_pdf(text: str, dpi: int = 300, font_path: Optional[str] = None,
                   chars_per_line: int = 78) -> bytes:
    """A4 pages of `text` (12 pt, lines wrapped at word boundaries) as 1-bit images in a PDF."""
    from PIL import Image, ImageDraw, ImageFont
    font_path = font_path or find_font()
    if font_path is None:
        raise RuntimeError("no Unicode TrueType font found (install fonts-dejavu-core)")
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    margin = round(0.8 * dpi)
    size = round(12 / 72 * dpi)
    font = ImageFont.truetype(font_path, size)
    line_height = round(size * 1.35)
    lines: list[str] = []
    for paragraph in as_printed(text).splitlines():
        lines.extend(textwrap.wrap(paragraph, chars_per_line) or [""])
    per_page = (height - 2 * margin) // line_height
    pages = []
    for start in range(0, max(len(lines), 1), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(lines[start:start + per_page]):
            draw.text((margin, margin + i * line_height), line, font=font, fill=0)
        pages.append(page.convert("1"))
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("out")
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args(argv)
    Path(args.out).write_bytes(image_only_pdf(Path(args.text).read_text(encoding="utf-8"), args.dpi))
    return 0


if __name__ == "__main__":
    sys.exit(main())
