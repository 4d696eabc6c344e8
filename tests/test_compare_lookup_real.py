"""`compare CHILD --corpus DIR` on real pages (tests/compare_lookup: copied verbatim, urls in its
manifest): each child finds the parent it implements by the number and date the parent prints
in its own header, whether the child cites it in an opening `Thực hiện …` sentence (Lạng Sơn,
QĐ 1896/QĐ-TTg) or in a numbered `CĂN CỨ XÂY DỰNG KẾ HOẠCH` section (Tiền Giang, KH 370)."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pipeline import cli

FOLDER = Path(__file__).resolve().parent / "compare_lookup"
PAIRS = json.loads((FOLDER / "pairs.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pair", PAIRS, ids=[p["child"] for p in PAIRS])
def test_child_finds_its_real_parent(pair):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main(["compare", str(FOLDER / pair["child"]), "--corpus", str(FOLDER), "--json"])
    assert rc == 0, err.getvalue()
    assert json.loads(out.getvalue())["parent"]["source"] == pair["parent"]
