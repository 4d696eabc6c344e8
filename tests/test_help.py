"""Every sub-command's `--help`: a description, an example and its exit codes."""
from __future__ import annotations

import pytest

from pipeline import cli

COMMANDS = list(cli.COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("lang,example,codes", [("vi", "Ví dụ:", "Mã thoát:"), ("en", "Examples:", "Exit status:")])
def test_help_has_description_example_and_exit_codes(capsys, monkeypatch, name, lang, example, codes):
    monkeypatch.setenv("CHITIEU_LANG", lang)
    with pytest.raises(SystemExit) as exc:
        cli.main([name, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    usage, _, rest = out.partition("\n\n")
    description = rest.split("\n\n")[0]
    assert len(description.split()) >= 8, f"{name}: no description"
    assert example in out and f"chitieu {name}" in out.split(example, 1)[1], f"{name}: no example"
    assert codes in out and "  0  " in out.split(codes, 1)[1], f"{name}: no exit codes"


def test_top_level_help_in_vietnamese(capsys, monkeypatch):
    monkeypatch.delenv("CHITIEU_LANG", raising=False)
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: chitieu")
    assert "so sánh chỉ tiêu" in out and "danh mục nhiệm vụ theo cơ quan" in out
