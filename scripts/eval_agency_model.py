#!/usr/bin/env python3
"""Mention-level evaluation of the agency tagger against the rules, on a clean split.

usage: .venv/bin/python scripts/eval_agency_model.py [--epochs N] [--reverse] [--rules-cache FILE] [--show-errors]

Split A (default): train on seed + b1–b4, test on the 47 /work/shared/real texts.
Split B (--reverse): train on the 47 real texts, test on seed + b1–b4.
tests/real/b5 is never read.

For each test text it compares with the gold agency spans (a quote + occurrence):
  model  the spans `find_spans` gives (the model trained on the training side only);
  rules  the spans of `build_catalogue(text, name).agencies` (the code as it is now);
  union  the rules' spans plus the model's spans that overlap none of them;
  wired  the catalogue when the model's spans are handed to the rules as extra mentions
         (`find_mentions` patched for the run: a model span that overlaps no rule mention
         becomes a `Mention`), so the role rules decide which are responsible — what
         wiring `find_spans` into rules.py would give;
  ugated the rules' spans plus the model's spans that `plausible()` accepts and that
         overlap none of the rules' (no role rules);
  gated  as wired, but only the model's spans that `plausible()` accepts (a known head
         noun followed by a name or level word, not a person).
Matching is /work/shared/eval/score.py's for agencies: a prediction matches a gold item
when the spans overlap, each at most once; required gold items claim predictions first;
an unmatched prediction that overlaps an optional gold item is not counted.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_agency_model as T  # noqa: E402


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(gold_spans, pred_spans, text="", errors=None, tag=""):
    """(tp, fp, fn) as score.py counts agencies."""
    used, tp, fn = set(), 0, 0
    for s, e, opt in sorted(gold_spans, key=lambda g: (g[2], g[0], g[1])):
        hit = next((i for i, p in enumerate(pred_spans) if i not in used and overlaps((s, e), p)), None)
        if hit is None:
            if not opt:
                fn += 1
                if errors is not None:
                    errors.append(f"{tag} MISSED {text[s:e]!r}")
            continue
        used.add(hit)
        tp += not opt
    fp = 0
    for i, p in enumerate(pred_spans):
        if i in used or any(opt and overlaps(p, (s, e)) for s, e, opt in gold_spans):
            continue
        fp += 1
        if errors is not None:
            errors.append(f"{tag} EXTRA {text[p[0]:p[1]]!r}")
    return tp, fp, fn


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def union(rules, model):
    return sorted(list(rules) + [m for m in model if not any(overlaps(m, r) for r in rules)])


def rules_spans(docs, cache: Path | None):
    cached = json.loads(cache.read_text()) if cache and cache.exists() else {}
    from extractors.catalogue import build_catalogue
    out = {}
    for d in docs:
        key = f"{d['set']}/{d['stem']}"
        if key in cached and cached[key] is not None:
            out[key] = [tuple(s) for s in cached[key]]
            continue
        try:
            cat = build_catalogue(d["text"], d["stem"] + ".txt")
            out[key] = [tuple(a.span) for a in cat.agencies]
        except Exception as exc:  # the rules are being edited by others: count it, say so
            print(f"  rules failed on {key}: {exc!r}")
            out[key] = []
    return out


def wired_spans(docs, gate: bool = False):
    """Catalogue agency spans with the model's spans added to the rules' mentions."""
    from functools import lru_cache

    import agency_model as M
    from extractors.agencies import rules as R
    from extractors.agencies.mentions import Mention
    from extractors.catalogue import build_catalogue
    original = R.find_mentions

    @lru_cache(maxsize=None)
    def spans_of(text):
        return tuple(M.find_spans(text))

    def patched(text, known=()):
        found = original(text, known)
        extra = [Mention(s, e) for s, e in spans_of(text)
                 if not any(s < m.end and m.start < e for m in found)
                 and (not gate or M.plausible(text[s:e]))]
        return sorted(found + extra, key=lambda m: m.start)

    out = {}
    R.find_mentions = patched
    try:
        for d in docs:
            key = f"{d['set']}/{d['stem']}"
            try:
                out[key] = [tuple(a.span) for a in build_catalogue(d["text"], d["stem"] + ".txt").agencies]
            except Exception as exc:
                print(f"  wired rules failed on {key}: {exc!r}")
                out[key] = []
    finally:
        R.find_mentions = original
    return out


def run_split(name, train_sets, test_sets, epochs, cache, show_errors, keep: Path | None = None):
    train_docs = [d for s in train_sets for d in T.load_set(s)]
    test_docs = [d for s in test_sets for d in T.load_set(s)]
    print(f"\n== {name}: train {'+'.join(train_sets)} ({len(train_docs)} texts), "
          f"test {'+'.join(test_sets)} ({len(test_docs)} texts)")
    import agency_model as M
    with tempfile.TemporaryDirectory() as tmp:
        out = (keep / name if keep else Path(tmp)) / M.MODEL_NAME
        if keep and (out / "config.cfg").is_file():
            print(f"  reusing the split's model in {out}")
        else:
            t0 = time.time()
            nlp = T.train(train_docs, epochs=epochs)
            print(f"  trained in {time.time() - t0:.0f}s")
            T.save(nlp, out)
        size = T.dir_size(out)
        # load it as the package does (a fresh load from disk), then tag
        M.AGENCY_MODEL_DIR = out
        M.load.cache_clear()
        t1 = time.time()
        M.load()
        load_s = time.time() - t1
        t1 = time.time()
        model_pred = {f"{d['set']}/{d['stem']}": M.find_spans(d["text"]) for d in test_docs}
        per_text = (time.time() - t1) / max(len(test_docs), 1)
        wired_pred = wired_spans(test_docs)
        gated_pred = wired_spans(test_docs, gate=True)
    rules_pred = rules_spans(test_docs, cache)
    totals = {k: [0, 0, 0] for k in ("model", "rules", "union", "ugated", "wired", "gated")}
    per_set: dict = {}
    errors: list[str] = [] if show_errors else None
    for d in test_docs:
        key = f"{d['set']}/{d['stem']}"
        preds = {"model": model_pred[key], "rules": rules_pred[key],
                 "union": union(rules_pred[key], model_pred[key]),
                 "ugated": union(rules_pred[key], [p for p in model_pred[key] if M.plausible(d["text"][p[0]:p[1]])]), "wired": wired_pred[key],
                 "gated": gated_pred[key]}
        for k, p in preds.items():
            tp, fp, fn = score(d["spans"], p, d["text"], errors if k in ("model", "gated") else None, f"{key} {k}")
            for i, v in enumerate((tp, fp, fn)):
                totals[k][i] += v
                per_set.setdefault((d["set"], k), [0, 0, 0])[i] += v
    required = sum(1 for d in test_docs for s in d["spans"] if not s[2])
    print(f"  model: {size / 1e6:.2f} MB on disk, load {load_s:.2f}s, {per_text * 1000:.0f} ms/text "
          f"(mean {sum(len(d['text']) for d in test_docs) / len(test_docs):.0f} chars)")
    print(f"  required gold agencies: {required}")
    print(f"  {'':<7}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn")
    for k, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"  {k:<7}{p:7.3f}{r:7.3f}{f:7.3f}   {tp}/{fp}/{fn}")
    if len(test_sets) > 1:
        for s in test_sets:
            row = "  ".join(f"{k} F1 {prf(*per_set[(s, k)])[2]:.3f}" for k in totals if (s, k) in per_set)
            print(f"    {s:<5} {row}")
    if errors:
        print("\n".join("   " + e for e in errors))
    return totals


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--reverse", action="store_true", help="also train on real, test on seed + b1–b4")
    ap.add_argument("--only-reverse", action="store_true")
    ap.add_argument("--rules-cache", type=Path, help="JSON {set/stem: [[start, end], …]} of rules spans")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--keep", type=Path, help="save each split's model under DIR/<split>/ and reuse it when there")
    args = ap.parse_args(argv)
    rest = ["seed", "b1", "b2", "b3", "b4"]
    if not args.only_reverse:
        run_split("A", rest, ["real"], args.epochs, args.rules_cache, args.show_errors, args.keep)
    if args.reverse or args.only_reverse:
        run_split("B", ["real"], rest, args.epochs, args.rules_cache, args.show_errors, args.keep)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sys.exit(main())
