"""The `chitieu` command line. Each sub-command lives in its own module under
`pipeline/commands/`; this file only wires them up."""
from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = {
    "extract": "pipeline.commands.extract",
    "show": "pipeline.commands.show",
    "run": "pipeline.commands.run",
    "diff": "pipeline.commands.diff",
    "schema": "pipeline.commands.schema",
    "compare": "pipeline.commands.compare",
    "coverage": "pipeline.commands.coverage",
    "checklist": "pipeline.commands.checklist",
    "serve": "pipeline.commands.serve",
}


def main(argv: list[str] | None = None) -> int:
    from pipeline.commands.common import T, _Formatter, localise, set_help_lang

    set_help_lang(sys.argv[1:] if argv is None else argv)
    parser = localise(argparse.ArgumentParser(
        prog="chitieu", formatter_class=_Formatter,
        description=T("Đọc kế hoạch, chương trình, đề án của cơ quan nhà nước thành danh mục chỉ tiêu, "
                      "thời hạn, cơ quan chủ trì / phối hợp và nhiệm vụ.",
                      "Read Vietnamese government plans into a catalogue of targets, deadlines and agencies."),
        epilog=T("Xem `chitieu LỆNH --help` cho từng lệnh; thêm --lang en để có nhãn tiếng Anh.",
                 "See `chitieu COMMAND --help`; --lang en gives English labels.")))
    sub = parser.add_subparsers(dest="command", required=True, title=T("lệnh", "commands"))
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_parser(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
