"""How much of the seed gold comes back when the seed plans arrive as scans.

Each seed plan (corpus/*.txt) is drawn as an image-only PDF (scripts/scan_pdf.py: A4,
12 pt, 1-bit pages at --dpi), read back by `pipeline.ocr`, and catalogued. The OCR text is
not the corpus text, so each catalogue span is carried onto the corpus text through a
character alignment of the two (rapidfuzz's Levenshtein opcodes); the gold is then
matched as /work/shared/eval/score.py matches it (span overlap; a target's value), and a
gold target counts as back when its value, unit and target year are right, a deadline
when its due date and recurrence are right. The text-layer catalogue (the corpus text
itself) is scored the same way beside it.

    python scripts/ocr_measure.py [--dpi 300] [--gold ../shared/gold] [--keep DIR] [--reuse]

--keep DIR keeps the scans, the OCR texts and, in DIR/pred, the OCR catalogues with their
spans carried onto the corpus text, so the shared scorer reads them as it reads any
catalogue: `python ../shared/eval/score.py --corpus corpus --gold ../shared/gold --pred DIR/pred`.
--reuse reads the OCR texts kept in DIR by an earlier run instead of reading the scans again.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from pipeline import ocr  # noqa: E402
from pipeline.load import catalogue_of  # noqa: E402
from scan_pdf import image_only_pdf  # noqa: E402


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def span_map(ocr_text: str, plan_text: str):
    """A function carrying a [start, end) span of the OCR text onto the plan text."""
    pos = [0] * (len(ocr_text) + 1)
    for tag, a0, a1, b0, b1 in Levenshtein.opcodes(ocr_text, plan_text):
        for i in range(a0, a1):
            # equal and replace: position by position; a deletion lands where it was cut
            pos[i] = b0 + min(i - a0, max(b1 - b0 - 1, 0)) if tag != "delete" else b0
    pos[len(ocr_text)] = len(plan_text)

    def carry(span):
        start, end = span
        s, e = pos[start], pos[max(end - 1, start)] + 1
        return [s, max(e, s + 1)]
    return carry


def counts(score, kind: str, gold: dict, text: str, items: list[dict]) -> tuple[int, int, int]:
    """(required gold items, matched, matched with every attribute right)."""
    golds = [(score.locate(text, g["quote"], g.get("occurrence", 1)), g) for g in gold.get(kind, [])]
    preds = [(score.valid_span(p), p) for p in items]
    preds = [(s, p) for s, p in preds if s is not None]
    used, total, hit, exact = set(), 0, 0, 0
    for gspan, g in sorted(golds, key=lambda x: (bool(x[1].get("optional")), x[0])):
        found = None
        for i, (pspan, p) in enumerate(preds):
            if i not in used and score.overlaps(gspan, pspan) and score.key_ok(kind, g, p):
                found = i
                break
        if found is not None:
            used.add(found)
        if g.get("optional"):
            continue
        total += 1
        if found is None:
            continue
        hit += 1
        p = preds[found][1]
        attrs = ("unit", "target_year") if kind == "targets" else ("due", "recurrence")
        if all(score.same_attr(kind, a, g.get(a), p.get(a)) for a in attrs):
            exact += 1
    return total, hit, exact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--keep", type=Path, help="keep the scans, OCR texts and carried catalogues here")
    parser.add_argument("--reuse", action="store_true", help="read the OCR texts kept in --keep, not the scans")
    args = parser.parse_args(argv)
    why = ocr.missing_tools()
    if why:
        print(f"ocr_measure: {why}", file=sys.stderr)
        return 2
    score = load_scorer(args.scorer)
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep DIR")
    if args.keep:
        (args.keep / "pred").mkdir(parents=True, exist_ok=True)
    totals = {("text", k): [0, 0, 0] for k in ("targets", "deadlines")}
    totals.update({("ocr", k): [0, 0, 0] for k in ("targets", "deadlines")})
    rows, pages_all, seconds_all, chars_err = [], 0, 0.0, [0, 0]
    for gold_file in sorted(args.gold.glob("*.json")):
        plan = ROOT / "corpus" / f"{gold_file.stem}.txt"
        if not plan.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = plan.read_text(encoding="utf-8")
        kept = args.keep / f"{plan.stem}.ocr.txt" if args.keep else None
        if args.reuse and kept.exists() and (args.keep / f"{plan.stem}.pdf").exists():
            scan = (args.keep / f"{plan.stem}.pdf").read_bytes()
            read, seconds = ocr.repair(kept.read_text(encoding="utf-8")), 0.0
        else:
            scan = image_only_pdf(text, dpi=args.dpi)
            started = time.perf_counter()
            read = ocr.ocr_pdf(f"{plan.stem}.pdf", scan,
                               lambda d, n: print(f"  {plan.stem}: trang {d}/{n}", file=sys.stderr, flush=True))
            seconds = time.perf_counter() - started
        pages = ocr.page_count(scan)
        pages_all += pages
        seconds_all += seconds
        chars_err[0] += Levenshtein.distance(read, text)
        chars_err[1] += len(text)
        if args.keep:
            (args.keep / f"{plan.stem}.pdf").write_bytes(scan)
            (args.keep / f"{plan.stem}.ocr.txt").write_text(read, encoding="utf-8")
        text_cat = catalogue_of(plan.name, text).model_dump(mode="json")
        ocr_cat = catalogue_of(f"{plan.stem}.pdf", read).model_dump(mode="json")
        carry = span_map(read, text)
        if args.keep:
            carried = dict(ocr_cat)
            for kind, items in ocr_cat.items():
                if isinstance(items, list) and items and isinstance(items[0], dict) and "span" in items[0]:
                    carried[kind] = [{**item, "span": carry(item["span"])} for item in items]
            (args.keep / "pred" / f"{plan.stem}.json").write_text(
                json.dumps(carried, ensure_ascii=False, indent=1), encoding="utf-8")
        row = [plan.stem, pages, f"{seconds:.0f}"]
        for kind in ("targets", "deadlines"):
            moved = [{**item, "span": carry(item["span"])} for item in ocr_cat[kind]]
            for side, items in (("text", text_cat[kind]), ("ocr", moved)):
                c = counts(score, kind, gold, text, items)
                totals[(side, kind)] = [a + b for a, b in zip(totals[(side, kind)], c)]
                row.append(f"{c[2]}/{c[0]}")
        rows.append(row)
        print(" | ".join(map(str, row)), file=sys.stderr, flush=True)

    print(f"Seed plans drawn as image-only PDFs at {args.dpi} dpi, read by Tesseract (vie): "
          f"{pages_all} pages in {seconds_all:.0f} s ({seconds_all / max(pages_all, 1):.1f} s a page), "
          f"character error rate {chars_err[0] / max(chars_err[1], 1):.1%}.\n")
    print("| plan | pages | OCR s | targets, text layer | targets, OCR | deadlines, text layer | deadlines, OCR |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(map(str, r)) + " |")

    def cell(side, kind):
        total, hit, exact = totals[(side, kind)]
        return f"{exact}/{total}"
    print(f"| **all** | {pages_all} | {seconds_all:.0f} | {cell('text', 'targets')} | {cell('ocr', 'targets')} | "
          f"{cell('text', 'deadlines')} | {cell('ocr', 'deadlines')} |")
    print("\nA cell: required gold items back with every attribute right (targets: value, unit, "
          "target year; deadlines: due, recurrence) / required gold items.")
    for side in ("text", "ocr"):
        for kind in ("targets", "deadlines"):
            total, hit, exact = totals[(side, kind)]
            print(f"- {side} {kind}: found {hit}/{total}, all attributes right {exact}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
