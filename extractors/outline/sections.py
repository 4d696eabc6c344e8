"""The outline: every numbered heading or item that opens a block.

A plan nests marker kinds in its own order (`I.` > `1.` > `a)` > `(1)` in most
plans, but `1.` > `(1)` or `A.` > `I.` in others), so the outline is built with
a stack of marker kinds: a marker of a kind already on the stack closes
everything below it; a new kind opens a deeper level. Numbering that jumps
(`5.` then `9.`) is recorded as printed.
"""
from __future__ import annotations

import regex as re

from extractors.models import Section
from extractors.text import PlanText

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_LETTERS = "abcdđeghiklmnoôơpqrstuưvxy"
# Named markers open a block like `Điều 1.` (`Tiêu chí 1.`, `Chương 2.`); `Điếu` is a frequent
# slip of the tone mark in typed pages. Portal and congress pages write `1-`, `I-`, `A-` for `1.`.
_ARTICLE = r"Đi[ềếệểễe]u"
_NAMED = r"(?:Tiêu\s+chí|Chương|Bước)"
MARKER = re.compile(
    rf"""^(?:
        (?P<article>{_ARTICLE}\s+\d+)(?:[.:]?\s|[.:]?$)
      | (?P<named>{_NAMED}\s+\d+)(?:[.:]?\s|[.:]?$)
      | (?P<roman>(?=[IVX])(?:{_ROMAN}))(?:\.(?:\s+|(?=\p{{Lu}}\p{{L}}+\s+\p{{L}}))(?=\S)|[-–]\s+(?=\S)|(?P<bare>\s+(?=\p{{Lu}}{{2}})))
      | (?P<upper>[A-ZĐ])(?:\.|[-–])\s+(?=\S)
      | (?P<arabic>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(?:\.(?!\d)\s*(?=\S)|\)\s+|[-–]\s+(?=\S)|(?P<nodot>\s+(?=\p{{Lu}})))
      | (?P<letter>[{_LETTERS}])\)\s*(?=\S)
      | (?P<paren>\(\d{{1,2}}\))\s*(?=\S)
    )""",
    re.VERBOSE,
)
# Conventional rank of the kinds whose order plans agree on: an article is above a Roman
# numeral, a Roman numeral above `1.`, `1.` above `1.1.`. A ranked kind arriving below kinds
# that all rank lower (an excerpt that starts below the top, a page that lost a heading)
# closes them instead of nesting under them. Letters and parenthesised numbers nest either
# way round in real plans, so they take no part.
_RANK = {"article": 0, "roman": 1, "arabic1": 2, "arabic2": 3, "arabic3": 4, "arabic4": 5}
# an attached document (`(Kèm theo Quyết định số …)`) starts an outline of its own
_ATTACHED = re.compile(r"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s+(?:Quyết định|Nghị quyết|Công văn|Kế hoạch|Tờ trình)")
_LINE_END = re.compile(r"[ \t]*\n")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


def _roman_int(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN_VALUE[a]
        total += -v if b in _ROMAN_VALUE and _ROMAN_VALUE[b] > v else v
    return total


def _kind(m: re.Match) -> tuple[str, str]:
    for kind in ("article", "named", "roman", "upper", "arabic", "letter", "paren"):
        if m.group(kind):
            marker = m.group(kind)
            if kind == "arabic":
                kind = f"arabic{marker.count('.') + 1}"
            if kind in ("article", "named"):
                marker = re.sub(r"\s+", " ", marker)
            return kind, marker
    raise ValueError(m.group())


def _title(text: str) -> str:
    text = text.strip()
    cut = re.search(r"(?<=\S{3})[.:;](?:\s|$)", text)
    if cut and cut.start() < 160:
        text = text[: cut.start()]
    return text[:160].strip()


def _candidates(doc: PlanText) -> list[tuple]:
    found = []
    for para in doc.paragraphs:
        if para.footnote:
            break
        m = MARKER.match(para.text)
        if not m:
            continue
        if m.group("nodot"):
            # `61` on a line of its own followed by a capitalised line (a page counter) is no
            # marker: the number and its heading must share a printed line
            if _LINE_END.match(doc.raw, doc.raw_span(para.start, para.start + m.end("arabic"))[1]):
                continue
        found.append((para, m))
    # A number printed without its dot (`I MỤC ĐÍCH`, `2 Yêu cầu:`) is a marker only inside
    # a sequence: the plan goes on to the next number, or came from the one before.
    # (A footnote number or a wrapped `Điều` / `17 Thông tư …` has no such neighbour.)
    romans = [_roman_int(m.group("roman")) for _, m in found if m.group("roman") and not m.group("bare")]
    arabics = [int(m.group("arabic")) for _, m in found if m.group("arabic") and "." not in m.group("arabic")]
    kept = []
    for p, m in found:
        if m.group("bare") and _roman_int(m.group("roman")) + 1 not in romans:
            continue
        if m.group("nodot") and "." not in m.group("arabic"):
            n = int(m.group("arabic"))
            if n - 1 not in arabics and n + 1 not in arabics:
                continue
        kept.append((p, m))
    return kept


def extract_sections(doc: PlanText) -> list[Section]:
    stack: list[tuple[str, str]] = []
    found: list[tuple[list[str], str, str, int, int]] = []
    candidates = _candidates(doc)
    order = {p.start: j for j, p in enumerate(doc.paragraphs)}
    attached = [p.start for p in doc.paragraphs if _ATTACHED.match(p.text)]
    for i, (para, m) in enumerate(candidates):
        if attached and attached[0] < para.start:
            stack.clear()
            attached = [a for a in attached if a > para.start]
        kind, marker = _kind(m)
        if kind == "upper" and marker in "IVX" and any(k == "roman" for k, _ in stack):
            kind = "roman"
        # a roman-looking single letter continuing an A., B., C. sequence stays a letter
        if kind == "roman" and len(marker) == 1 and stack and any(k == "upper" for k, _ in stack) \
                and not any(k == "roman" for k, _ in stack) and marker not in ("I",):
            kind = "upper"
        kind = _list_kind(candidates, i, order, stack, kind, marker)
        kinds = [k for k, _ in stack]
        if kind in kinds:
            del stack[kinds.index(kind):]
        elif kind in _RANK and stack and all(_RANK.get(k, -1) > _RANK[kind] for k in kinds):
            stack.clear()
        stack.append((kind, marker))
        title = _title(para.text[m.end():])
        found.append(([mk for _, mk in stack], marker, title, para.start, para.end))

    body_limit = doc.footnote_from if doc.footnote_from >= 0 else len(doc.clean)
    sections = []
    for i, (path, marker, title, start, end) in enumerate(found):
        # a block ends where the next heading of the same or a higher level begins
        block_end = body_limit
        for later in found[i + 1:]:
            if len(later[0]) <= len(path):
                block_end = later[3]
                break
        span = doc.raw_span(start, end)
        sections.append(Section(path=path, marker=marker, title=title, span=span,
                                body_end=_raw_end(doc, block_end)))
    return sections


def _list_kind(candidates: list, i: int, order: dict, stack: list, kind: str, marker: str) -> str:
    """A list numbered from 1 right under an item of the same kind that has no body of its own
    (`2. Các chỉ tiêu chủ yếu` / `1. Duy trì …`) nests under that item, as a kind of its own
    (`arabic1'`); the inner list goes on while its numbers follow on (`2.`, `3.` …)."""
    if not kind.startswith("arabic"):
        return kind
    inner = f"{kind}'"
    open_inner = [mk for k, mk in stack if k == inner]
    if open_inner:
        follows = marker.isdigit() and open_inner[-1].isdigit() and int(marker) == int(open_inner[-1]) + 1
        return inner if follows else kind
    if marker == "1" and stack and stack[-1][0] == kind and stack[-1][1] != "1" and i > 0:
        heading = candidates[i - 1][0]
        bare = not heading.text.rstrip().endswith(".")
        if bare and order[candidates[i][0].start] == order[heading.start] + 1:
            return inner
    return kind


def _raw_end(doc: PlanText, clean_end: int) -> int:
    """Raw end of the block that ends at `clean_end`: one past its last non-space
    character (the separator before moved footnotes maps nowhere useful)."""
    i = clean_end - 1
    while i > 0 and doc.clean[i].isspace():
        i -= 1
    return doc.offsets[i] + 1 if doc.offsets else 0


def section_path_at(sections: list[Section], raw_index: int) -> list[str]:
    """Path of the innermost section whose block holds `raw_index`."""
    best: list[str] = []
    for s in sections:
        if s.span[0] <= raw_index < max(s.body_end, s.span[1]) and len(s.path) >= len(best):
            best = s.path
    return best


def ancestors_at(sections: list[Section], raw_index: int) -> list[Section]:
    """Sections whose block holds `raw_index`, outermost first."""
    chain = [s for s in sections if s.span[0] <= raw_index < max(s.body_end, s.span[1])]
    return sorted(chain, key=lambda s: len(s.path))
