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
    "checklist": "pipeline.commands.checklist",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="chitieu",
        description="Read Vietnamese government plans into a catalogue of targets, deadlines and agencies.")
    sub = parser.add_subparsers(dest="command", required=True)
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
