"""A real parent/child pair for the `chitieu serve` tests, made from the seed plans: 003
(UBND tỉnh Bắc Kạn, Chiến lược công tác dân tộc) gets the number and date its draft
leaves blank, and 001 (Huyện ủy Bảo Yên, the district plan the gold aligns under 003)
names it in its opening `Thực hiện Kế hoạch số …`, as a signed child plan does."""
from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PARENT, CHILD = "bac_kan_75", "bao_yen"


def parent_text() -> str:
    text = (CORPUS / "003_5b145272ffd81972.txt").read_text(encoding="utf-8")
    return (text.replace("Số: /KH-UBND", "Số: 75/KH-UBND", 1)
                .replace("ngày tháng 6 năm 2022", "ngày 15 tháng 6 năm 2022", 1))


def child_text() -> str:
    text = (CORPUS / "001_8da98ca94852457b.txt").read_text(encoding="utf-8")
    opening = "Thực hiện Chỉ thị số 28-CT/TU, ngày 01/7/2022"
    assert opening in text
    return text.replace(opening, "Thực hiện Kế hoạch số 75/KH-UBND ngày 15/6/2022 của UBND tỉnh Bắc Kạn triển "
                                 "khai thực hiện Chiến lược công tác dân tộc; thực hiện Chỉ thị số 28-CT/TU, "
                                 "ngày 01/7/2022", 1)


def write_parent(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{PARENT}.txt"
    path.write_text(parent_text(), encoding="utf-8")
    return path


def write_child(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{CHILD}.txt"
    path.write_text(child_text(), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and mtime: a run that does nothing keeps both."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}
