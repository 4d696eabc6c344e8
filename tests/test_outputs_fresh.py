"""The committed `outputs/` must be what `chitieu run` writes for `corpus/` today.
Regenerated here with the same emitters, without Prefect. When this fails, run
`chitieu run` and commit `outputs/`."""
from __future__ import annotations

from pathlib import Path

from pipeline.emit import INDEX_NAME, extractor_fingerprint, index_json, plan_products
from pipeline.ingest import plan_files

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ROOT / "outputs"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def test_committed_outputs_match_a_fresh_regeneration():
    entries, stale, expected = [], [], {INDEX_NAME}
    for plan in plan_files([ROOT / "corpus"]):
        products = plan_products(plan.name, plan.read_bytes())
        assert products.error is None, f"{plan.name}: {products.error}"
        entries.append(products.entry)
        for name, content in sorted(products.files.items()):
            expected.add(name)
            if _read(OUTPUTS / name) != content:
                stale.append(name)
    if _read(OUTPUTS / INDEX_NAME) != index_json(entries, extractor_fingerprint()):
        stale.append(INDEX_NAME)
    extra = sorted(p.name for p in OUTPUTS.iterdir() if p.is_file() and p.name not in expected
                   and not p.name.startswith("."))
    assert not stale and not extra, (
        f"outputs/ is stale ({', '.join(stale)}; unexpected: {', '.join(extra) or 'none'}): "
        "run `chitieu run` and commit outputs/")
