"""Careless users and hostile files (issue 10): every case ends in one line per bad file,
the batch goes on, nothing is written or read outside the output folder, names never
collide, limits hold. Outcomes only; no wall time is asserted."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.emit import INDEX_NAME, extractor_fingerprint, index_json, outputs_match, plan_products
from pipeline.lock import OutputLock
from pipeline.names import NAME_MAX, plan_names
from processes import tagged_processes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_78132967e5c04686.txt"
PLAN = "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Phấn đấu đến năm 2025 đạt 95% số hộ dân được sử dụng nước sạch.\n"


def _lines(err: str) -> list[str]:
    assert "Traceback" not in err, err
    return [line for line in err.strip().splitlines() if line]


def test_same_stem_and_index_name_never_collide(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "a.md", "A.TXT", "index.txt"):
        (src / name).write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["extract", str(src), "-o", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 4 and INDEX_NAME not in written, written
    sources = {json.loads((out / n).read_text(encoding="utf-8"))["source"] for n in written}
    assert sources == {"a.txt", "a.md", "A.TXT", "index.txt"}


def test_plan_names_are_unique_and_fit():
    long = Path("/x/" + "kế hoạch " * 40 + ".txt")
    names = plan_names([Path("/a/x.txt"), Path("/b/x.txt"), Path("/a/index.md"), long])
    assert len({n.casefold() for n in names.values()}) == 4
    assert "index" not in names.values()
    assert all(len((n + ".json").encode()) <= NAME_MAX for n in names.values())


def test_converted_text_never_replaces_a_user_file(tmp_path, capsys, monkeypatch):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for para in PLAN.split("\n\n"):
        d.add_paragraph(para)
    d.save(tmp_path / "a.docx")
    (tmp_path / "a.txt").write_text("my own notes\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["extract", "a.docx", "-o", "."]) == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "my own notes\n"
    assert (tmp_path / "a.docx.json").is_file() and (tmp_path / "a.docx.txt").is_file()


def test_long_vietnamese_name(tmp_path, capsys):
    name = ("Kế hoạch triển khai thực hiện " * 9)[:80].strip() + ".txt"
    while len(name.encode()) < 242:
        name = "ạ" + name
    plan = tmp_path / name
    plan.write_text(PLAN, encoding="utf-8")
    assert len(name.encode()) >= 242
    out = tmp_path / "out"
    assert cli.main(["extract", str(plan), str(SEED), "-o", str(out)]) == 0
    assert len(list(out.glob("*.json"))) == 2


def test_missing_fifo_and_device_are_one_line_each_and_the_batch_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    argv = ["extract", str(tmp_path / "missing.txt"), str(fifo), "/dev/zero", str(good), "-o", str(out)]
    assert cli.main(argv) == 1
    lines = _lines(capsys.readouterr().err)
    assert len(lines) == 3, lines
    assert "missing.txt: không có tệp này" in lines[0]
    assert "FIFO" in lines[1] and "thiết bị" in lines[2]
    assert (out / "good.json").is_file()


def test_size_limit(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text(PLAN * 200, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["extract", str(big), str(small), "-o", str(out), "--max-mb", "0.01"]) == 1
    lines = _lines(capsys.readouterr().err)
    assert len(lines) == 1 and lines[0].startswith(f"chitieu: {big}: ") and "--max-mb" in lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["small.json"]


def test_time_limit_fails_one_plan_named_and_the_batch_goes_on(tmp_path, capsys):
    slow = tmp_path / "slow.txt"  # all seed plans in one: seconds of work even in linear time
    slow.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")) * 3),
                    encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["extract", str(slow), str(small), "-o", str(out), "--max-seconds", "0.3"]) == 1
    lines = _lines(capsys.readouterr().err)
    assert len(lines) == 1 and lines[0].startswith(f"chitieu: {slow}: ") and "giới hạn thời gian" in lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["small.json"]


def test_output_folder_errors_are_one_line(tmp_path, capsys):
    plan = tmp_path / "p.txt"
    plan.write_text(PLAN, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["extract", str(plan), "-o", str(blocker)]) == 2
    assert len(_lines(capsys.readouterr().err)) == 1
    assert cli.main(["checklist", str(SEED), "-o", str(tmp_path)]) == 2  # a directory
    lines = _lines(capsys.readouterr().err)
    assert len(lines) == 1 and "không ghi được" in lines[0]
    assert cli.main(["run", str(tmp_path), "-o", str(blocker)]) == 2
    assert len(_lines(capsys.readouterr().err)) == 1


def test_one_run_at_a_time(tmp_path, capsys):
    plan = tmp_path / "p.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    with OutputLock(out):
        assert cli.main(["extract", str(plan), "-o", str(out)]) == 2
        assert cli.main(["run", str(plan), "-o", str(out)]) == 2
    lines = _lines(capsys.readouterr().err)
    assert len(lines) == 2 and all("lần chạy chitieu khác" in line for line in lines)
    assert cli.main(["extract", str(plan), "-o", str(out)]) == 0  # released, lock file gone
    assert sorted(p.name for p in out.iterdir()) == ["p.json"]


def test_run_never_reads_its_own_output_folder(tmp_path, capsys):
    (tmp_path / "p.txt").write_text(PLAN, encoding="utf-8")
    assert cli.main(["run", str(tmp_path), "-o", str(tmp_path)]) == 2
    assert "thư mục kết quả" in _lines(capsys.readouterr().err)[0]


def test_crafted_source_reads_nothing_outside(tmp_path, capsys):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "plan.txt").write_text(PLAN, encoding="utf-8")
    cats = tmp_path / "cats"
    cats.mkdir()
    cat = json.loads(plan_products("plan.txt", PLAN.encode()).files["plan.json"])
    cat["source"] = "../secret/plan.txt"
    (cats / "child.json").write_text(json.dumps(cat, ensure_ascii=False), encoding="utf-8")
    page = tmp_path / "page.html"
    assert cli.main(["compare", str(cats / "child.json"), str(SEED), "--html", str(page)]) == 2
    assert "source" in _lines(capsys.readouterr().err)[0]
    assert not page.exists()


def test_catalogue_lists_are_required(tmp_path, capsys):
    cat = json.loads(plan_products("p.txt", PLAN.encode()).files["p.json"])
    del cat["targets"]
    f = tmp_path / "p.json"
    f.write_text(json.dumps(cat, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["checklist", str(f)]) == 2
    assert "không phải danh mục chitieu" in _lines(capsys.readouterr().err)[0]
    from extractors.models import Catalogue
    assert {"targets", "tasks", "sections"} <= set(Catalogue.model_json_schema()["required"])


def _catalogued(corpus: Path, out: Path) -> None:
    """What `chitieu run` writes, without Prefect (the flow itself is test_flow's)."""
    out.mkdir()
    entries = []
    for p in sorted(corpus.iterdir()):
        prod = plan_products(p.name, p.read_bytes())
        for name, content in prod.files.items():
            (out / name).write_text(content, encoding="utf-8")
        entries.append(prod.entry)
    (out / INDEX_NAME).write_text(index_json(entries, extractor_fingerprint()), encoding="utf-8")


def test_freshness_comes_from_the_files_and_gone_plans_are_removed(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(PLAN.replace("95%", f"9{len(name) + ord(name[0]) % 5}%"), encoding="utf-8")
    out = tmp_path / "out"
    _catalogued(corpus, out)
    index = json.loads((out / INDEX_NAME).read_text(encoding="utf-8"))
    entries = {e["plan"]: e for e in index["plans"]}
    assert all(outputs_match(out, e) for e in entries.values())
    # truncated, emptied, another version's catalogue: none of them is up to date
    good = (out / "a.json").read_text(encoding="utf-8")
    (out / "a.json").write_text(good[:100], encoding="utf-8")
    assert not outputs_match(out, entries["a"])
    (out / "a.json").write_text(good, encoding="utf-8")
    (out / "a.md").write_text("", encoding="utf-8")
    assert not outputs_match(out, entries["a"])
    shutil.copy(out / "b.md", out / "a.md")
    assert not outputs_match(out, entries["a"])
    shutil.copy(out / "b.json", out / "a.json")
    assert not outputs_match(out, entries["a"])
    # a plan that left the corpus: its outputs go, the run says so (no Prefect: the rest is fresh)
    _catalogued_again = tmp_path / "out2"
    _catalogued(corpus, _catalogued_again)
    (corpus / "c.txt").unlink()
    (_catalogued_again / "notes.md").write_text("mine\n")
    assert cli.main(["run", str(corpus), "-o", str(_catalogued_again), "-q"]) == 0
    err = capsys.readouterr().err
    assert "đã xóa kết quả của 1 kế hoạch" in err and "c.txt" in err
    left = sorted(p.name for p in _catalogued_again.iterdir())
    assert left == ["a.json", "a.md", "b.json", "b.md", "index.json", "notes.md"]
    assert [e["plan"] for e in json.loads((_catalogued_again / INDEX_NAME).read_text())["plans"]] == ["a", "b"]


def test_sigterm_stops_extract_keeping_finished_plans(tmp_path, seed_plans):
    """SIGTERM in the middle of `extract`: the workers die at once, the run exits 143
    within seconds, the plans finished before it keep their catalogues, and no worker
    process outlives it."""
    import os
    import signal
    import subprocess
    import sys
    import time
    import uuid

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in seed_plans[:2]:
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "zz_slow.txt").write_text("\n\n".join(p.read_text(encoding="utf-8") for p in seed_plans) * 30,
                                         encoding="utf-8")
    out = tmp_path / "out"
    tag = uuid.uuid4().hex
    env = {**os.environ, "CHITIEU_TEST_TAG": tag}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", *sorted(map(str, corpus.iterdir())),
                             "-o", str(out)], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    try:
        finished = 0
        for line in proc.stdout:  # one line per finished plan
            finished += 1
            if finished == 2:
                break
        time.sleep(0.5)  # the slow plan is now in its worker
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert rc == 128 + signal.SIGTERM
    assert sorted(p.name for p in out.glob("*.json")) == sorted(f"{p.stem}.json" for p in seed_plans[:2])
    deadline = time.monotonic() + 15
    while tagged_processes(tag) and time.monotonic() < deadline:
        time.sleep(0.3)
    assert tagged_processes(tag) == []

