"""The whole pipeline on the seed pair: extract 001 (district Bảo Yên, child) and 003
(province Bắc Kạn, parent), `chitieu compare --json`, and score the report with
`../shared/eval/score_compare.py` against the gold alignment of their 2025 targets."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from test_compare_gold import CHILD, CORPUS, PARENT, assert_floors, needs_shared, score_report

pytestmark = needs_shared


@pytest.fixture(scope="module")
def report_json(tmp_path_factory):
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(["compare", str(CORPUS / f"{CHILD}.txt"), str(CORPUS / f"{PARENT}.txt"), "--json"])
    assert rc == 0
    return out.getvalue()


def test_pipeline_meets_floors(report_json, tmp_path):
    summary = score_report(report_json, tmp_path)
    print(json.dumps(summary))
    assert_floors(summary)


def test_report_fields_the_scorer_reads(report_json):
    report = json.loads(report_json)
    parent_text = (CORPUS / f"{PARENT}.txt").read_text(encoding="utf-8")
    child_text = (CORPUS / f"{CHILD}.txt").read_text(encoding="utf-8")
    statuses = {p["status"] for p in report["pairs"]}
    assert {"same", "stricter", "weaker", "missing", "child_only"} <= statuses
    for p in report["pairs"]:
        for side, text in (("parent", parent_text), ("child", child_text)):
            if p[side] is not None:
                s, e = p[side]["span"]
                assert text[s:e] == p[side]["text"]
        if p["parent"] and p["child"]:
            assert isinstance(p["score"], float)


def test_parent_targets_after_2025_are_beyond_the_childs_horizon(report_json):
    report = json.loads(report_json)
    assert report["child"]["horizon"] == 2025
    assert report["beyond_horizon"], "003 sets 2030 and 2045 targets"
    assert all(t["target_year"] > 2025 for t in report["beyond_horizon"])
    assert all(p["parent"]["target_year"] in (None, 2025) for p in report["pairs"] if p["parent"])
