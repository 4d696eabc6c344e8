"""Read plan files into text, or say clearly why a file cannot be read."""
from __future__ import annotations

from pathlib import Path

import regex as re

from .errors import PlanError

PLAN_SUFFIXES = (".txt", ".md")


def plan_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories into the plan files they name."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in PLAN_SUFFIXES)
            if not found:
                raise PlanError(p, f"directory holds no plan files ({', '.join(PLAN_SUFFIXES)})")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise PlanError(p, "no such file")
    return out


def read_plan(path: str | Path) -> str:
    path = Path(path)
    if not path.exists():
        raise PlanError(path, "no such file")
    if path.is_dir():
        raise PlanError(path, "is a directory, not a plan file")
    data = path.read_bytes()
    return decode_plan(path, data)


def decode_plan(path: Path, data: bytes) -> str:
    if not data.strip():
        raise PlanError(path, "file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise PlanError(path, "text is UTF-16; save it as UTF-8")
    if data.count(b"\x00") > len(data) // 10:
        raise PlanError(path, "binary file, not a plan text (UTF-16 without BOM or another format)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanError(path, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                              "re-save the plan as UTF-8 (legacy TCVN3/VNI/Windows-1258 encodings are not read)")
    if text.startswith("\ufeff"):
        text = text[1:]
    check_plan_text(path, text)
    return text


_PLAN_SIGNS = re.compile(
    r"(?im)^\W*(?:[IVX]+|\d+|[a-zđ])[.)]\s|kế hoạch|chương trình|đề án|nhiệm vụ|mục tiêu|chỉ tiêu|thực hiện")


def check_plan_text(path: Path, text: str) -> None:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 20:
        raise PlanError(path, "no readable text")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > len(text) // 50:
        raise PlanError(path, "binary file, not a plan text")
    if not _PLAN_SIGNS.search(text):
        raise PlanError(path, "no plan structure found (no numbered headings and no plan vocabulary)")
