"""Bad input: a one-line error naming the file and the problem, no traceback, a
non-zero exit when nothing could be read, never a half-written catalogue."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import cli

PLAN = "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Tổ chức thực hiện tốt các nhiệm vụ của Kế hoạch.\n"

CASES = {
    # name: (file bytes, words the message must hold)
    "empty.txt": (b"", "tệp rỗng"),
    "blank.txt": (b"  \n\n \t\n", "tệp rỗng"),
    "binary.txt": (bytes(range(256)) * 8, "tệp nhị phân"),
    "utf16.txt": (PLAN.encode("utf-16"), "UTF-16"),
    "utf16le-nobom.txt": (PLAN.encode("utf-16-le"), "UTF-16 không có BOM"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "tệp nhị phân"),
    "cp1258.txt": (PLAN.encode("cp1258", errors="replace"), "không phải UTF-8"),
    # TCVN3 (ABC) bytes: Vietnamese letters live in 0x80-0xFF, not valid UTF-8
    "tcvn3.txt": (b"K\xd5 HO\xb8CH\n\nI. M\xd6C TI\xaaU\n\n1. T\xe6 ch\xf8c th\xf9c hi\xd6n.\n" * 3, "không phải UTF-8"),
    "no_structure.txt": ("Hôm nay trời đẹp, chúng tôi đi dạo quanh hồ và ăn kem ở ven đường.\n"
                         .encode("utf-8"), "không có gì để lập danh mục"),
    "fake.docx": (b"PK\x03\x04 this is not a real office package", "tệp .docx hỏng"),
    "fake.pdf": (b"%PDF-1.4\n garbage without objects", "PDF"),
    "pdf_named.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "hãy đổi đuôi thành .pdf"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gets_one_line_error_and_no_catalogue(name, tmp_path, capsys):
    data, words = CASES[name]
    plan = tmp_path / name
    plan.write_bytes(data)
    out = tmp_path / "out"
    rc = cli.main(["extract", str(plan), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"chitieu: {plan}: ")
    assert words in lines[0]
    assert "Traceback" not in err
    assert not out.exists() or not list(out.iterdir())


def test_missing_file(tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    assert cli.main(["extract", str(missing), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"chitieu: {missing}: không có tệp này"
    assert cli.main(["show", str(missing)]) == 2
    assert cli.main(["diff", str(missing), str(missing)]) == 2
    assert cli.main(["run", str(missing), "-o", str(tmp_path / "out")]) == 2


def test_directory_with_no_plans(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n")
    (empty / "README.md").write_text("# notes about the corpus: kế hoạch\n")
    for argv in (["extract", str(empty), "-o", str(tmp_path / "out")],
                 ["run", str(empty), "-o", str(tmp_path / "out")]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith(f"chitieu: {empty}: thư mục không có tệp kế hoạch nào")
    assert not (tmp_path / "out").exists()


def test_one_bad_plan_does_not_stop_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    assert cli.main(["extract", str(bad), str(good), "-o", str(out)]) == 1
    assert f"chitieu: {bad}: tệp rỗng" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]


def test_plan_without_targets_is_a_valid_catalogue(tmp_path):
    import json

    from extractors.models import Catalogue
    plan = tmp_path / "plain.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert cli.main(["extract", str(plan), "-o", str(tmp_path)]) == 0
    cat = Catalogue.model_validate(json.loads((tmp_path / "plain.json").read_text(encoding="utf-8")))
    assert cat.targets == [] and cat.deadlines == []
    assert [s.title for s in cat.sections][:1] == ["MỤC TIÊU"]


def test_corrupt_catalogue_json(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{"plan": "x"', encoding="utf-8")
    assert cli.main(["show", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"chitieu: {broken}: không phải tệp JSON danh mục")
    other = tmp_path / "other.json"
    other.write_text('{"plan": "x"}', encoding="utf-8")
    assert cli.main(["diff", str(other), str(other)]) == 2
    assert "không phải danh mục chitieu" in capsys.readouterr().err


def test_console_script_prints_no_traceback(tmp_path):
    plan = tmp_path / "utf16.txt"
    plan.write_bytes(PLAN.encode("utf-16"))
    exe = Path(sys.executable).with_name("chitieu")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]
    proc = subprocess.run(cmd + ["extract", str(plan), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"chitieu: {plan}: văn bản mã hóa UTF-16; hãy lưu lại dạng UTF-8"
    assert proc.stdout == ""
    # the English reason where the reader asks for English labels
    english = subprocess.run(cmd + ["extract", str(plan), "-o", str(tmp_path / "out")], capture_output=True,
                             text=True, timeout=120, env={**os.environ, "CHITIEU_LANG": "en"})
    assert english.stderr.strip() == f"chitieu: {plan}: text is UTF-16; save it as UTF-8"


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_reason_has_its_english(name, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHITIEU_LANG", "en")
    plan = tmp_path / name
    plan.write_bytes(CASES[name][0])
    assert cli.main(["extract", str(plan), "-o", str(tmp_path / "out"), "--max-seconds", "0"]) == 2
    reason = capsys.readouterr().err.strip().split(f"{plan}: ", 1)[1]
    assert reason.isascii(), reason


def test_unreachable_dask_scheduler(tmp_path, capsys, seed_plans):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_plans[0], corpus / seed_plans[0].name)
    out = tmp_path / "out"
    rc = cli.main(["run", str(corpus), "-o", str(out), "-q", "--dask", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2
    assert len(err) == 1
    assert err[0].startswith("chitieu: luồng không chạy được (Dask scheduler tcp://127.0.0.1:1): ")
    assert not out.exists() or not any(p.suffix == ".json" and p.name != "index.json" for p in out.iterdir())
