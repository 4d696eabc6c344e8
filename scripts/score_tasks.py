#!/usr/bin/env python3
"""Score the tasks of catalogues against task gold (tests/tasks_gold/TASKS.md).

usage: score_tasks.py --corpus-list MANIFEST_OR_DIR --gold DIR --pred DIR [--json] [--show-errors] [--doc STEM ...]

--corpus-list is either a manifest JSON (a list of {"file", "path"} rows; a
relative "path" is resolved against the current directory, then against the
manifest's folder and its parents) or a folder holding <stem>.txt.  For every
gold file DIR/<stem>.json (manifest.json excepted) it reads the text and the
catalogue <pred>/<stem>.json.

A predicted task matches a gold task when its "span" ([start, end) in
characters of the text) overlaps the span of the gold quote (quote +
occurrence).  Matching is one-to-one; required gold items claim predictions
first (in text order, each taking the earliest overlapping unused prediction),
then optional ones; an unmatched prediction that overlaps an optional gold item
is not counted.  Reported: tasks P/R/F1, and over matched required tasks the
accuracy of the lead set, the support set, due and recurrence, and exact F1 (a
match with all four right).

Body sets are compared after normalising each name: NFC, casefold, dashes
folded, whitespace folded, "uỷ"->"ủy" (and hoà/hoá), a leading "các"/"những"
dropped, and the abbreviations UBND, HĐND, MTTQ(VN) expanded; then, as
../shared/eval/score.py compares agency names, with every space removed, so a
name copied with glued syllables ("Bộ Kếhoạch", "các đoànthể") equals the same
name spaced.  The same key applies to every gold and predicted name.

Fields read from the catalogue:
  tasks[]: span, lead (list of names or of objects with "name"),
           support (same), due, recurrence
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ATTRS = ("lead", "support", "due", "recurrence")


class GoldError(Exception):
    pass


def locate(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            raise GoldError(f"quote not found (occurrence {occurrence}): {quote[:80]!r}")
    return start, start + len(quote)


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def valid_span(item):
    span = item.get("span") if isinstance(item, dict) else None
    if (isinstance(span, (list, tuple)) and len(span) == 2
            and all(isinstance(x, int) for x in span) and span[0] < span[1]):
        return (span[0], span[1])
    return None


ABBR = [
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bmttqvn\b", "mặt trận tổ quốc việt nam"),
    (r"\bmttq\b", "mặt trận tổ quốc"),
]


def norm_name(s) -> str:
    if isinstance(s, dict):
        s = s.get("name")
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).casefold()
    for dash in "\u2013\u2014\u2212":
        s = s.replace(dash, "-")
    s = s.replace("uỷ", "ủy").replace("hoà", "hòa").replace("hoá", "hóa")
    for pat, rep in ABBR:
        s = re.sub(pat, rep, s)
    s = " ".join(s.replace(" - ", "-").replace("- ", "-").replace(" -", "-").split())
    s = re.sub(r"^(các|những)\s+", "", s)
    return s.strip(" .,;:")


def name_set(v) -> frozenset:
    if v is None:
        return frozenset()
    if isinstance(v, (str, dict)):
        v = [v]
    return frozenset(n for n in (norm_name(x) for x in v) if n)


def name_keys(v) -> frozenset:
    """The names of a set as compared: normalised, spaces removed (as score.py's agency names)."""
    return frozenset(n.replace(" ", "") for n in name_set(v))


def same_attr(attr, gold, pred) -> bool:
    if attr in ("lead", "support"):
        return name_keys(gold) == name_keys(pred)
    if attr == "due":
        return (gold or None) == (pred or None)
    return (gold or None) == (pred or None)


def score_doc(text, gold, pred, errors, stem):
    golds = []
    for g in gold.get("tasks", []):
        golds.append((locate(text, g["quote"], g.get("occurrence", 1)), g))
    preds = [(valid_span(p), p) for p in (pred.get("tasks") or [])]
    preds = [(s, p) for s, p in preds if s is not None]
    used = set()
    tp = fn = exact = 0
    hits = {a: [0, 0] for a in ATTRS}
    for gspan, g in sorted(golds, key=lambda x: (bool(x[1].get("optional")), x[0])):
        hit = None
        for i, (pspan, p) in sorted(enumerate(preds), key=lambda x: x[1][0]):
            if i not in used and overlaps(gspan, pspan):
                hit = i
                break
        if hit is None:
            if not g.get("optional"):
                fn += 1
                errors.append(f"{stem} MISSED {text[gspan[0]:gspan[1]][:100]!r} @{gspan[0]}"
                              f" lead={g.get('lead')}")
            continue
        used.add(hit)
        if g.get("optional"):
            continue
        tp += 1
        p = preds[hit][1]
        ok = True
        for a in ATTRS:
            hits[a][1] += 1
            if same_attr(a, g.get(a), p.get(a)):
                hits[a][0] += 1
            else:
                ok = False
                gv = sorted(name_set(g.get(a))) if a in ("lead", "support") else g.get(a)
                pv = sorted(name_set(p.get(a))) if a in ("lead", "support") else p.get(a)
                errors.append(f"{stem} WRONG {a}: gold={gv!r} got={pv!r} at {text[gspan[0]:gspan[1]][:70]!r}")
        exact += ok
    fp = 0
    for i, (pspan, p) in enumerate(preds):
        if i in used:
            continue
        if any(overlaps(pspan, gs) and g.get("optional") for gs, g in golds):
            continue
        fp += 1
        errors.append(f"{stem} EXTRA {text[pspan[0]:min(pspan[1], pspan[0] + 90)]!r} @{pspan[0]}"
                      f" lead={sorted(name_set(p.get('lead')))}")
    return {"tp": tp, "fp": fp, "fn": fn, "exact": exact, "attrs": hits}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_texts(spec: Path) -> dict:
    """stem -> Path of the text"""
    out = {}
    if spec.is_dir():
        for p in spec.glob("*.txt"):
            out[p.stem] = p
        return out
    rows = json.loads(spec.read_text(encoding="utf-8"))
    for row in rows:
        rel = Path(row.get("path") or row["file"])
        cands = [rel] if rel.is_absolute() else [Path.cwd() / rel] + [b / rel for b in [spec.parent, *spec.parent.parents]]
        for c in cands:
            if c.exists():
                out[Path(row["file"]).stem] = c
                break
        else:
            raise GoldError(f"text not found for {row['file']}: {rel}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus-list", required=True, type=Path)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--pred", required=True, type=Path)
    ap.add_argument("--doc", action="append", help="score only these stems")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    try:
        texts = load_texts(args.corpus_list)
    except GoldError as exc:
        print(exc, file=sys.stderr)
        return 2
    gold_files = sorted(g for g in args.gold.glob("*.json") if g.name != "manifest.json")
    if args.doc:
        gold_files = [g for g in gold_files if g.stem in set(args.doc)]
    if not gold_files:
        print("no gold files", file=sys.stderr)
        return 2
    tot = {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "attrs": {a: [0, 0] for a in ATTRS}}
    errors, missing = [], []
    n_opt = 0
    for gf in gold_files:
        stem = gf.stem
        gold = json.loads(gf.read_text(encoding="utf-8"))
        n_opt += sum(1 for t in gold.get("tasks", []) if t.get("optional"))
        if stem not in texts:
            print(f"no text for {stem}", file=sys.stderr)
            return 2
        text = texts[stem].read_text(encoding="utf-8")
        pf = args.pred / f"{stem}.json"
        pred = {}
        if pf.exists():
            try:
                pred = json.loads(pf.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                errors.append(f"{stem} catalogue is not JSON: {exc}")
        else:
            missing.append(stem)
        try:
            r = score_doc(text, gold, pred, errors, stem)
        except GoldError as exc:
            print(f"gold error in {gf.name}: {exc}", file=sys.stderr)
            return 2
        for k in ("tp", "fp", "fn", "exact"):
            tot[k] += r[k]
        for a, (h, n) in r["attrs"].items():
            tot["attrs"][a][0] += h
            tot["attrs"][a][1] += n
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    ep = tot["exact"] / (tot["tp"] + tot["fp"]) if tot["tp"] + tot["fp"] else 0.0
    er = tot["exact"] / (tot["tp"] + tot["fn"]) if tot["tp"] + tot["fn"] else 1.0
    ef = 2 * ep * er / (ep + er) if ep + er else 0.0
    summary = {"documents": len(gold_files), "gold_required": tot["tp"] + tot["fn"], "gold_optional": n_opt,
               "missing_catalogues": missing,
               "tasks": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                         "exact_f1": round(ef, 4), "tp": tot["tp"], "fp": tot["fp"], "fn": tot["fn"],
                         "attributes": {a: (round(h / n, 4) if n else None) for a, (h, n) in tot["attrs"].items()}}}
    if args.show_errors:
        for e in errors:
            print(e)
        print()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        s = summary["tasks"]
        print(f"documents {summary['documents']}  gold tasks {summary['gold_required']} (+{n_opt} optional)")
        print(f"{'':6} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6}   tp/fp/fn     lead  support  due  recurrence")
        at = s["attributes"]
        fmt = lambda v: "  -  " if v is None else f"{v:.3f}"
        print(f"{'tasks':6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['exact_f1']:6.3f}"
              f"   {s['tp']}/{s['fp']}/{s['fn']:<6} {fmt(at['lead'])} {fmt(at['support'])} {fmt(at['due'])} {fmt(at['recurrence'])}")
        if missing:
            print("no catalogue for:", " ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
