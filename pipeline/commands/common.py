"""What every sub-command shares: a `--help` with a description, examples and exit codes,
in Vietnamese unless `--lang en` (or `CHITIEU_LANG=en`) is on the command line, and the
`--lang` option itself."""
from __future__ import annotations

import argparse
import textwrap
from typing import Optional, Sequence

from pipeline import labels as L

HELP_LANG = L.DEFAULT_LANG


def set_help_lang(argv: Optional[Sequence[str]]) -> str:
    """Help is printed while the command line is parsed, so its language is read first."""
    global HELP_LANG
    asked = None
    args = list(argv or [])
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            asked = args[i + 1]
        elif a.startswith("--lang="):
            asked = a.split("=", 1)[1]
    HELP_LANG = L.lang_of(asked)
    return HELP_LANG


def T(vi: str, en: str) -> str:
    """The help text in the help language."""
    return en if HELP_LANG == "en" else vi


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None and HELP_LANG != "en":
            prefix = "Cách dùng: "
        return super().add_usage(usage, actions, groups, prefix)


def localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """argparse's own words (section titles, -h) in the help language."""
    if HELP_LANG != "en":
        parser._positionals.title = "đối số"
        parser._optionals.title = "tùy chọn"
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "in trợ giúp này rồi thoát"
    return parser


def add_command(sub, name: str, *, help: tuple[str, str], description: tuple[str, str],
                examples: Sequence[tuple[str, tuple[str, str]]],
                exit_codes: Sequence[tuple[int, tuple[str, str]]], lang: bool = True):
    """A sub-parser whose `--help` says what it does, shows examples and lists exit codes."""
    ex_title, code_title = T("Ví dụ:", "Examples:"), T("Mã thoát:", "Exit status:")
    lines = [ex_title]
    for cmd, note in examples:
        lines.append(f"  {cmd}")
        if note and (note[0] or note[1]):
            lines.append(f"      {T(*note)}")
    lines += ["", code_title]
    lines += [f"  {code}  {T(*text)}" for code, text in exit_codes]
    p = sub.add_parser(name, help=T(*help), description=textwrap.fill(T(*description), 78), epilog="\n".join(lines),
                       formatter_class=_Formatter)
    localise(p)
    if lang:
        p.add_argument("--lang", choices=L.LANGS, default=None,
                       help=T("ngôn ngữ của nhãn: vi (mặc định) hoặc en; khóa và giá trị JSON không đổi",
                              "language of the labels: vi (default) or en; JSON keys and values never change"))
    return p
