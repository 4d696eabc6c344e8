#!/usr/bin/env python3
"""Train the agency mention tagger (an experiment; see scripts/agency_model.py).

usage: .venv/bin/python scripts/train_agency_model.py [--epochs N] [--out DIR] [--sets real,seed,b1,...]

Training data: the gold agency quotes (required and optional: all are bodies named as
carrying out a task) of
  real  /work/shared/real/{texts,gold}       (47 real pages)
  seed  /work/shared/{corpus,gold}           (5 seed plans)
  b1–b4 tests/real/bN/{texts,gold}
Never tests/real/b5 (the held-out blind batch). A gold quote + occurrence becomes a
character span; every text is used whole, cut into chunks of a few lines (never inside a
gold span), so the chunks with no agency (preambles, recipients, signatures, past
reports) teach the model what is not a responsible body.

The model: spaCy `ner` with one label `AGENCY` over a small CNN tok2vec (no vectors),
CPU, fixed seed. It is written to .models/agency_ner/ (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import agency_model  # noqa: E402
from real_sets import SHARED, scorer  # noqa: E402

SCORER = scorer()  # gold quotes are located as ../shared/eval/score.py locates them

SOURCES = {
    "real": (SHARED / "real" / "texts", SHARED / "real" / "gold"),
    "seed": (SHARED / "corpus", SHARED / "gold"),
    **{b: (ROOT / "tests" / "real" / b / "texts", ROOT / "tests" / "real" / b / "gold")
       for b in ("b1", "b2", "b3", "b4")},
}
FORBIDDEN = "b5"
SEED = 0
CHUNK_CHARS = 700
NEGATIVE_SHARE = 0.4  # of the chunks without an agency, the share seen in each epoch

CONFIG = """
[nlp]
lang = "vi"
pipeline = ["tok2vec","ner"]
batch_size = 64

[nlp.tokenizer]
@tokenizers = "{tokenizer}"

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [4000,1000,1500,500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"
"""


def load_set(name: str) -> list[dict]:
    """[{stem, set, text, spans: [(start, end, optional)]}] for one source set."""
    if name == FORBIDDEN:
        raise SystemExit("tests/real/b5 is the blind batch: never train or tune on it")
    texts_dir, gold_dir = SOURCES[name]
    out = []
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        text = (texts_dir / f"{gf.stem}.txt").read_text(encoding="utf-8")
        spans = []
        for a in gold.get("agencies", []):
            s, e = SCORER.locate(text, a["quote"], a.get("occurrence", 1))
            spans.append((s, e, bool(a.get("optional"))))
        out.append({"stem": gf.stem, "set": name, "text": text, "spans": sorted(spans)})
    return out


def chunks(text: str, spans, limit: int = CHUNK_CHARS):
    """(start, end) pieces of `text`, cut after a newline, never inside a span."""
    cuts = [i + 1 for i, c in enumerate(text) if c == "\n"
            and not any(s <= i < e for s, e, *_ in spans)]
    pieces, start, last = [], 0, 0
    for cut in cuts + [len(text)]:
        if cut - start > limit and last > start:
            pieces.append((start, last))
            start = last
        last = cut
    if start < len(text):
        pieces.append((start, len(text)))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def make_examples(nlp, docs: list[dict], stats: dict | None = None):
    from spacy.training import Example
    from spacy.util import filter_spans
    examples = []
    for d in docs:
        text = d["text"]
        for cs, ce in chunks(text, d["spans"]):
            doc = nlp.make_doc(text[cs:ce])
            ents = []
            for s, e, _opt in d["spans"]:
                if s >= cs and e <= ce:
                    span = doc.char_span(s - cs, e - cs, label=agency_model.LABEL, alignment_mode="expand")
                    if span is None or span[0].is_space or span[-1].is_space:
                        if stats is not None:
                            stats["dropped"] = stats.get("dropped", 0) + 1
                        continue
                    ents.append(span)
            ents = filter_spans(ents)
            if stats is not None:
                stats["spans"] = stats.get("spans", 0) + len(ents)
                stats["chunks"] = stats.get("chunks", 0) + 1
                stats["negative_chunks"] = stats.get("negative_chunks", 0) + (not ents)
            pred = nlp.make_doc(doc.text)
            ref = doc
            ref.set_ents(ents, default="outside")
            examples.append(Example(pred, ref))
    return examples


def build_nlp(width: int = 64, depth: int = 4):
    import spacy
    from thinc.api import Config
    agency_model._register()
    cfg = Config().from_str(CONFIG.format(tokenizer=agency_model.TOKENIZER_NAME, width=width, depth=depth))
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    return nlp


def train(docs: list[dict], epochs: int = 20, width: int = 64, depth: int = 4, log=print):
    """A trained pipeline for these documents (deterministic for a given input)."""
    import spacy
    from spacy.util import minibatch, compounding
    from thinc.api import Adam
    spacy.util.fix_random_seed(SEED)
    random.seed(SEED)
    nlp = build_nlp(width, depth)
    stats: dict = {}
    examples = make_examples(nlp, docs, stats)
    log(f"  {len(docs)} texts, {stats.get('chunks', 0)} chunks ({stats.get('negative_chunks', 0)} without agency), "
        f"{stats.get('spans', 0)} spans, {stats.get('dropped', 0)} not on token bounds")
    nlp.get_pipe("ner").add_label(agency_model.LABEL)
    optimizer = nlp.initialize(lambda: examples, sgd=Adam(0.001))
    rng = random.Random(SEED)
    positive = [eg for eg in examples if eg.reference.ents]
    negative = [eg for eg in examples if not eg.reference.ents]
    t0 = time.time()
    for epoch in range(epochs):
        # every chunk with an agency, and a fresh sample of those without (they outnumber them)
        epoch_examples = positive + rng.sample(negative, min(len(negative), int(NEGATIVE_SHARE * len(negative))))
        rng.shuffle(epoch_examples)
        losses: dict = {}
        for batch in minibatch(epoch_examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        if epoch % 5 == 4 or epoch == epochs - 1:
            log(f"  epoch {epoch + 1:>3}  loss {losses.get('ner', 0):9.1f}  {time.time() - t0:6.1f}s")
    return nlp


def save(nlp, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    # keep only what loading needs; the tokenizer is code (registered in the package)
    for junk in ("tokenizer",):
        p = out / junk
        if p.is_file() and p.stat().st_size == 0:
            p.unlink()


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="real,seed,b1,b2,b3,b4")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--out", type=Path, default=agency_model.AGENCY_MODEL_DIR)
    args = ap.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    docs = [d for s in sets for d in load_set(s)]
    t0 = time.time()
    print(f"training on {', '.join(sets)}")
    nlp = train(docs, epochs=args.epochs, width=args.width, depth=args.depth)
    took = time.time() - t0
    save(nlp, args.out)
    print(f"trained in {took:.0f}s; wrote {args.out} ({dir_size(args.out) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
