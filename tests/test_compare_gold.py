"""The aligner alone, on the gold-annotated targets of the seed plans: 001 (district
Bảo Yên) under 003 (province Bắc Kạn), scored by `../shared/eval/score_compare.py`.
Holding this apart from the full pipeline tells alignment errors from extraction errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractors.models import Catalogue, DocumentInfo, Target
from scoring import needs_shared as shared_gate
from pipeline.commands.compare import comparison_json
from pipeline.compare.align import compare_plans

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
CHILD, PARENT = "001_8da98ca94852457b", "003_5b145272ffd81972"
FLOORS = {"pair_f1": 0.90, "status_accuracy": 0.95, "missing_recall": 0.90}

needs_shared = shared_gate(SHARED / "eval" / "score_compare.py")


def _locate(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def gold_catalogue(stem: str) -> tuple[Catalogue, str]:
    """A catalogue holding a plan's gold targets (direction read off the words before
    the value, as the gold does not record it)."""
    gold = json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    text = (CORPUS / gold["doc"]).read_text(encoding="utf-8")
    targets = []
    for g in gold["targets"]:
        if g.get("optional"):
            continue
        s, e = _locate(text, g["quote"], g["occurrence"])
        before, quote = text[max(0, s - 40):s].lower(), g["quote"].lower()
        direction = ("cut" if "giảm" in before or "giảm" in quote or "xuống" in quote
                     else "raise" if "tăng" in before[-20:] or "tăng" in quote else "reach")
        targets.append(Target(value=g["value"], value_max=g["value_max"], unit=g["unit"],
                              comparator=g["comparator"], target_year=g["target_year"],
                              per_year=g["per_year"], direction=direction, text=g["quote"], span=(s, e)))
    targets.sort(key=lambda t: t.span)
    return Catalogue(plan=stem, source=gold["doc"], text_sha256="", document=DocumentInfo(),
                     targets=targets), text


def score_report(report_json: str, tmp_path: Path) -> dict:
    """Run the project's comparison scorer on a `--json` report."""
    pred = tmp_path / "report.json"
    pred.write_text(report_json, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_compare.py"),
         "--gold", str(SHARED / "gold" / "compare" / "001_under_003.json"),
         "--pred", str(pred), "--corpus", str(CORPUS), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def assert_floors(summary: dict) -> None:
    assert summary["pairs"]["f1"] >= FLOORS["pair_f1"], summary
    assert summary["status_accuracy"] is not None
    assert summary["status_accuracy"] >= FLOORS["status_accuracy"], summary
    assert summary["missing"]["recall"] >= FLOORS["missing_recall"], summary


@needs_shared
def test_aligner_on_gold_targets_meets_floors(tmp_path):
    child, ctext = gold_catalogue(CHILD)
    parent, ptext = gold_catalogue(PARENT)
    summary = score_report(comparison_json(compare_plans(child, ctext, parent, ptext)), tmp_path)
    assert_floors(summary)


@needs_shared
def test_gold_targets_sibling_plans_002_004():
    """002 (Thái Nguyên) and 004 (Đắk Lắk) both carry out Chỉ thị 18/CT-TTg on commune
    cadres; most of their targets differ and must stay unpaired."""
    child, ctext = gold_catalogue("002_08557a7fcc84bc3b")
    parent, ptext = gold_catalogue("004_e5441faa78144875")
    cmp = compare_plans(child, ctext, parent, ptext)
    paired = [p for p in cmp.pairs if p.parent and p.child]
    assert 1 <= len(paired) <= 4
    # 004 d) bồi dưỡng, cập nhật kiến thức về chuyển đổi số, CNTT ~ 002 c) cập nhật kiến thức ... CNTT, chuyển đổi số
    digital = next(p for p in cmp.pairs if p.parent and "cập nhật kiến thức về chuyển đổi số" in p.parent.clause)
    assert digital.child is not None and "cập nhật kiến thức pháp luật" in digital.child.clause
    assert digital.status == "same"
    for p in cmp.pairs:
        if p.parent and any(w in p.parent.clause for w in ("hộ nghèo", "hài lòng", "đúng hạn", "lao động")):
            assert p.status == "missing", p.parent.clause
        if p.child and any(w in p.child.clause for w in ("thạc sĩ", "cấp ủy", "trang bị máy móc")):
            assert p.status == "child_only", p.child.clause
