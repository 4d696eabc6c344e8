"""`chitieu serve`: a child plan dropped into an inbox beside its catalogued parent gives, in
one run, its catalogue, the comparison, checklists, a digest and the site; a bad file is
moved aside with its reason; a rerun with nothing new does nothing; a run killed midway
leaves the index as it was and the rerun completes it."""
from __future__ import annotations

import datetime as dt
import json
import os
import time

import pytest

from pipeline import cli
from pipeline.emit import plan_products
from serve_plans import CHILD, PARENT, snapshot, write_child, write_parent

RUN_DATE = "2022-10-01"   # the child's yearly 30/11 deadline falls in the next 90 days


@pytest.fixture
def world(tmp_path):
    """A corpus holding the parent, an outputs folder where it is catalogued, an empty inbox."""
    corpus, out, inbox = tmp_path / "corpus", tmp_path / "outputs", tmp_path / "inbox"
    write_parent(corpus)
    inbox.mkdir()
    from pipeline.emit import extractor_fingerprint, index_json, write_if_changed
    prod = plan_products(f"{PARENT}.txt", (corpus / f"{PARENT}.txt").read_bytes())
    assert prod.error is None
    for name, content in prod.files.items():
        write_if_changed(out / name, content)
    write_if_changed(out / "index.json", index_json([prod.entry], extractor_fingerprint()))
    return corpus, out, inbox


def serve(inbox, out, corpus, *extra):
    return cli.main(["serve", str(inbox), "-o", str(out), "--once", "--corpus", str(corpus),
                     "--date", RUN_DATE, "--settle", "0", *extra])


def test_once_run_catalogues_compares_and_digests(prefect_harness, world, capsys):
    corpus, out, inbox = world
    parent_before = (out / f"{PARENT}.json").read_bytes()
    child = write_child(inbox)
    assert serve(inbox, out, corpus) == 0
    printed = capsys.readouterr().out
    assert f"{CHILD} → {PARENT}" in printed

    # the catalogue, as `chitieu run` writes it
    expected = plan_products(child.name, child.read_bytes())
    for name, content in expected.files.items():
        assert (out / name).read_text(encoding="utf-8") == content
    index = {e["plan"]: e for e in json.loads((out / "index.json").read_text(encoding="utf-8"))["plans"]}
    assert sorted(index) == [PARENT, CHILD]
    assert (out / f"{PARENT}.json").read_bytes() == parent_before
    assert child.exists()  # a read plan stays in the inbox

    # the comparison beside the child, found by `Thực hiện Kế hoạch số 75/KH-UBND ngày 15/6/2022`
    cmp = json.loads((out / f"{CHILD}.compare.json").read_text(encoding="utf-8"))
    assert cmp["parent"]["plan"] == PARENT and cmp["child"]["plan"] == CHILD
    assert cmp["counts"]["missing"] > 0 and cmp["counts"]["weaker"] > 0
    assert (out / f"{CHILD}.compare.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    # checklists per body, across both plans
    listed = (out / "checklists" / "README.md").read_text(encoding="utf-8")
    assert "Ban Tuyên giáo Huyện ủy" in listed or "Ban tuyên giáo Huyện ủy" in listed.replace("Tuyên", "tuyên")
    assert any("- [ ]" in p.read_text(encoding="utf-8") for p in (out / "checklists").glob("*.md"))

    # the digest, in Vietnamese
    digests = sorted((out / "digests").glob("*.md"))
    assert len(digests) == 1 and digests[0].name.startswith(RUN_DATE)
    digest = digests[0].read_text(encoding="utf-8")
    assert "## Kế hoạch mới đến (1)" in digest
    assert "Huyện ủy Bảo Yên" in digest
    assert "Chỉ tiêu cấp trên bị bỏ sót hoặc hạ thấp" in digest
    assert "- thấp hơn: " in digest and "- chưa cụ thể hóa: " in digest
    assert "**30/11/2022** (hằng năm)" in digest  # due in the next 90 days
    data = json.loads(digests[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert data["arrived"][0]["parent"]["plan"] == PARENT
    assert all(dt.date.fromisoformat(RUN_DATE) <= dt.date.fromisoformat(u["date"])
               <= dt.date.fromisoformat(RUN_DATE) + dt.timedelta(days=90) for u in data["upcoming"])

    # the site
    assert (out / "site" / "index.html").is_file()
    assert (out / "site" / "plans" / f"{CHILD}.html").is_file()
    assert (out / "site" / "compare" / f"{CHILD}.html").is_file()

    # a rerun with nothing new: no Prefect, not one byte or mtime changed
    before = snapshot(out), snapshot(inbox)
    from pipeline import serve_flow

    def no_flow(*a, **k):
        raise AssertionError("a run with nothing new must not start the flow")
    orig = serve_flow.run_once
    serve_flow.run_once = no_flow
    try:
        assert serve(inbox, out, corpus) == 0
    finally:
        serve_flow.run_once = orig
    assert "không có gì mới" in capsys.readouterr().out
    assert (snapshot(out), snapshot(inbox)) == before


def test_a_bad_file_is_moved_aside_with_its_reason(prefect_harness, world, capsys):
    corpus, out, inbox = world
    write_child(inbox)
    bad = "Kế hoạch số 1".encode("utf-16")
    (inbox / "hong.txt").write_bytes(bad)
    (inbox / "trong.md").write_bytes(b"")
    assert serve(inbox, out, corpus) == 1
    err = capsys.readouterr().err
    assert "hong.txt: văn bản mã hóa UTF-16" in err
    assert not (inbox / "hong.txt").exists() and not (inbox / "trong.md").exists()
    assert (inbox / "_loi" / "hong.txt").read_bytes() == bad  # moved, never changed or deleted
    assert (inbox / "_loi" / "trong.md").exists()
    assert "UTF-16" in (inbox / "_loi" / "hong.txt.ly-do.txt").read_text(encoding="utf-8")
    index = {e["plan"] for e in json.loads((out / "index.json").read_text(encoding="utf-8"))["plans"]}
    assert index == {PARENT, CHILD}  # the good plan went through
    assert not any(p.name.startswith("hong") for p in out.iterdir())
    digest = next((out / "digests").glob("*.md")).read_text(encoding="utf-8")
    assert "`hong.txt`: văn bản mã hóa UTF-16" in digest and "_loi/hong.txt" in digest

    # the same bad file dropped again: moved beside the first, nothing overwritten
    (inbox / "hong.txt").write_bytes(bad + b"\x00")
    assert serve(inbox, out, corpus) == 1
    assert (inbox / "_loi" / "hong.txt").read_bytes() == bad
    assert (inbox / "_loi" / "hong-2.txt").read_bytes() == bad + b"\x00"


def test_a_run_killed_midway_leaves_the_index_and_the_rerun_completes(world, tmp_path, monkeypatch):
    """No Prefect: the steps are the same functions the flow runs as tasks."""
    from pipeline import serve as S
    from pipeline import site
    corpus, out, inbox = world
    write_child(inbox)
    index_before = (out / "index.json").read_bytes()

    def killed(*a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(site, "write_site", killed)
    with pytest.raises(KeyboardInterrupt):
        S.run_inbox(inbox, out, run_date=dt.date(2022, 10, 1), settle=0, corpora=[corpus], quiet=True)
    assert (out / "index.json").read_bytes() == index_before  # the index is written last
    assert not [p for p in out.rglob("*.tmp")]
    monkeypatch.undo()

    report = S.run_inbox(inbox, out, run_date=dt.date(2022, 10, 1), settle=0, corpora=[corpus], quiet=True)
    assert report.arrived == [CHILD] and report.compared == {CHILD: PARENT}
    assert (out / "site" / "index.html").is_file()
    # the same products as an uninterrupted run
    clean_out, clean_inbox = tmp_path / "clean", tmp_path / "clean_inbox"
    clean_out.mkdir()
    for p in out.iterdir():  # the parent's catalogue as it was
        if p.name.startswith(PARENT) and p.suffix in (".json", ".md"):
            (clean_out / p.name).write_bytes(p.read_bytes())
    (clean_out / "index.json").write_bytes(index_before)
    write_child(clean_inbox)
    S.run_inbox(clean_inbox, clean_out, run_date=dt.date(2022, 10, 1), settle=0, corpora=[corpus], quiet=True)
    same = ["index.json", f"{CHILD}.json", f"{CHILD}.md", f"{CHILD}.compare.json", f"{CHILD}.compare.html"]
    for name in same:
        assert (out / name).read_bytes() == (clean_out / name).read_bytes(), name
    assert sorted(p.name for p in (out / "digests").iterdir()) == sorted(p.name for p in (clean_out / "digests").iterdir())


def test_a_file_still_being_copied_waits(world):
    from pipeline import serve as S
    corpus, out, inbox = world
    child = write_child(inbox)
    now = time.time()
    os.utime(child, (now, now))
    s = S.scan(inbox, out, settle=10, now=now + 2)
    assert s.todo == [] and s.waiting == [child]
    s = S.scan(inbox, out, settle=10, now=now + 11)
    assert s.todo == [child] and s.new == {CHILD}


def test_a_schedule_needs_a_prefect_server(world, capsys, monkeypatch):
    corpus, out, inbox = world
    from pipeline import serve_flow
    monkeypatch.setattr(serve_flow, "api_url", lambda: None)
    monkeypatch.setattr(serve_flow, "serve_forever", lambda *a, **k: pytest.fail("must not serve"))
    rc = cli.main(["serve", str(inbox), "-o", str(out), "--interval", "60"])
    assert rc == 2
    assert "prefect server start" in capsys.readouterr().err


def test_upcoming_deadlines_place_yearly_dates():
    from pipeline.serve import _next_date
    assert _next_date("--11-30", dt.date(2022, 10, 1)) == dt.date(2022, 11, 30)
    assert _next_date("--03-31", dt.date(2022, 10, 1)) == dt.date(2023, 3, 31)
    assert _next_date("2022-12-31", dt.date(2022, 10, 1)) == dt.date(2022, 12, 31)
    assert _next_date(None, dt.date(2022, 10, 1)) is None


def test_new_extractor_code_redoes_the_catalogued_plans_found_in_a_corpus(world):
    """The index's fingerprint must not vouch for a catalogue older code made."""
    from pipeline import serve as S
    from pipeline.emit import extractor_fingerprint
    corpus, out, inbox = world
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    index["extractor_fingerprint"] = "older-code"
    (out / "index.json").write_text(json.dumps(index), encoding="utf-8")
    report = S.run_inbox(inbox, out, run_date=dt.date(2022, 10, 1), settle=0, corpora=[corpus], quiet=True)
    assert report.recatalogued == [PARENT] and report.arrived == [] and report.failed == []
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["extractor_fingerprint"] == extractor_fingerprint()
    assert (corpus / f"{PARENT}.txt").exists()  # a corpus file is read, never moved
    again = S.run_inbox(inbox, out, run_date=dt.date(2022, 10, 1), settle=0, corpora=[corpus], quiet=True)
    assert again.nothing_new and again.digest is None
