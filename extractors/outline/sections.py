"""The outline: every numbered heading or item that opens a block.

A plan nests marker kinds in its own order (`I.` > `1.` > `a)` > `(1)` in most
plans, but `1.` > `(1)` or `A.` > `I.` in others), so the outline is built with
a stack of marker kinds: a marker of a kind already on the stack closes
everything below it; a new kind opens a deeper level. Numbering that jumps
(`5.` then `9.`) is recorded as printed.
"""
from __future__ import annotations

import bisect
import re as _sre  # the standard engine: finding three literal marks

import regex as re

from extractors.anchored import matches_at
from extractors.grammar.markers import LETTERS_FOREIGN, MARKER
from extractors.models import Section
from extractors.text import Paragraph, PlanText

# Conventional rank of the kinds whose order plans agree on: a chapter groups articles, an article is above a Roman
# numeral, a Roman numeral above `1.`, `1.` above `1.1.`. A ranked kind arriving below kinds
# that all rank lower (an excerpt that starts below the top, a page that lost a heading)
# closes them instead of nesting under them. Letters and parenthesised numbers nest either
# way round in real plans, so they take no part.
_RANK = {"chapter": -1, "article": 0, "roman": 1, "arabic1": 2, "arabic2": 3, "arabic3": 4, "arabic4": 5}
# an attached document (`(Kèm theo Quyết định số …)`) starts an outline of its own
_ATTACHED = re.compile(r"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s+(?:Quyết định|Nghị quyết|Công văn|Kế hoạch|Tờ trình)")
_LINE_END = re.compile(r"[ \t]*\n")
# a site's breadcrumb copied as a numbered list (`1. Trang chủ` / `2. » Tất cả`) is navigation
_SITE_NAVIGATION = re.compile(r"^\s*(?:[»›>]|Trang\s+chủ\s*$)", re.I)
# `Điều 22 Thông tư 57/2020/TT-BQP hướng dẫn …`: an article of a cited document (a page title,
# a wrapped citation), not an article of this one, which prints its heading after the number;
# so is a chapter (`Chương III Nghị định 77/2015/NĐ-CP: Triển khai …`, a page that copies one chapter)
_CITED_ARTICLE = re.compile(
    r"^\s*(?:Thông\s+tư|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Luật|Bộ\s+luật|Pháp\s+lệnh|Chỉ\s+thị)"
    r"(?:\s+liên\s+tịch)?\s+(?:số\s+)?\d+[/-]")
# a viewer that lists a document's pages numbers the first one (`1. ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI
# CHỦ NGHĨA VIỆT NAM TỈNH QUẢNG NGÃI …`): an item that opens with the issuer and the national
# motto is the document's header, not a block of its outline
_HEADER_BLOCK = re.compile(r"^\s*[\p{Lu}\p{M}\s.,&-]{0,80}?CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}
# a page's image keeps its file name as a line of its own (`3.png`, `2011giamngheo1.jpg`): a
# name, not the number of an item
_FILE_NAME = re.compile(r"\s*[\w-]+\.(?i:png|jpe?g|gif|webp|bmp|svg|tiff?)\s*")


# a dotted number alone on its line (`1.`, `II.`, `2.1.`)
_MARKER_ALONE = re.compile(r"\s*(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})\.\s*")
_HEADING_START = re.compile(r"\s*\p{Lu}")
# stands in for the title of a heading cut off at the excerpt's end, so that the marker reads as one
_CUT_TITLE = "Tiêu đề"


def _roman_int(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN_VALUE[a]
        total += -v if b in _ROMAN_VALUE and _ROMAN_VALUE[b] > v else v
    return total


_SPACES = re.compile(r"\s+")
# where a heading's title ends: a sentence mark after three characters of it
_TITLE_END = re.compile(r"(?<=\S{3})[.:;](?:\s|$)")
_TITLE_MARK = _sre.compile(r"[.:;]")


def _kind(m: re.Match) -> tuple[str, str]:
    for kind in ("chapter", "article", "named", "roman", "upper", "arabic", "letter", "paren", "paren_roman"):
        if m.group(kind):
            marker = m.group(kind)
            if kind == "arabic":
                kind = f"arabic{marker.count('.') + 1}"
            elif kind == "named" and "." in marker:
                # (`Mục tiêu 1.1:` under `Mục tiêu 1:`: a dotted number is a level of its own below the plain one)
                kind = f"named{marker.count('.') + 1}"
            if kind in ("chapter", "article", "named"):
                marker = _SPACES.sub(" ", marker)
            return kind, marker
    raise ValueError(m.group())


def _title_end(text: str):
    """`_TITLE_END.search(text)`, tried at the marks only (every match opens with one), not at
    every character of a long paragraph."""
    return next(matches_at(_TITLE_END, text, [m.start() for m in _TITLE_MARK.finditer(text)]), None)


def _title(text: str) -> str:
    text = text.strip()
    cut = _title_end(text)
    if cut and cut.start() < 160:
        text = text[: cut.start()]
    return text[:160].strip()


def _candidates(doc: PlanText) -> list[tuple]:
    found = []
    paragraphs = doc.paragraphs
    for j, para in enumerate(paragraphs):
        if para.footnote:
            break
        m = MARKER.match(para.text)
        if not m and _MARKER_ALONE.fullmatch(para.text) and j + 1 < len(paragraphs):
            # `1.` / `Mục đích: Cụ thể hóa …`: a copy that broke the line after the number; the heading
            # is the next line (a number standing alone before a line that opens with another marker is not)
            after = paragraphs[j + 1]
            if not after.footnote and _HEADING_START.match(after.text) and not MARKER.match(after.text):
                para = Paragraph(para.start, after.end, f"{para.text.rstrip()} {after.text}")
                m = MARKER.match(para.text)
        if not m and j == len(paragraphs) - 1 and _MARKER_ALONE.fullmatch(para.text):
            # `I. ` closing an excerpt: a heading whose title the excerpt cut off
            m = MARKER.match(f"{para.text.rstrip()} {_CUT_TITLE}")
        if not m:
            continue
        if m.group("nodot"):
            # `61` on a line of its own followed by a capitalised line (a page counter) is no
            # marker: the number and its heading must share a printed line
            if _LINE_END.match(doc.raw, doc.raw_span(para.start, para.start + m.end("arabic"))[1]):
                continue
        rest = para.text[m.end():]
        if _FILE_NAME.fullmatch(para.text) or _SITE_NAVIGATION.match(rest) or _HEADER_BLOCK.match(rest) \
                or ((m.group("article") or m.group("chapter")) and _CITED_ARTICLE.match(rest)):
            continue
        found.append((para, m))
    # A number printed without its dot (`I MỤC ĐÍCH`, `2 Yêu cầu:`) is a marker only inside
    # a sequence: the plan goes on to the next number, or came from the one before.
    # (A footnote number or a wrapped `Điều` / `17 Thông tư …` has no such neighbour.)
    romans = [_roman_int(m.group("roman")) for _, m in found if m.group("roman") and not m.group("bare")]
    arabics = [int(m.group("arabic")) for _, m in found if m.group("arabic") and "." not in m.group("arabic")]
    uppers = {m.group("upper") for _, m in found if m.group("upper")}
    letters = {m.group("letter") for _, m in found if m.group("letter")}
    kept = []
    for p, m in found:
        # `N. Minh` closing a news item is the writer's initial and name, not an item `N`: a
        # capital letter past `A` with no letter beside it in the outline, before a bare name
        if m.group("upper") and m.group("upper") != "A" and _PERSON_NAME.fullmatch(p.text[m.end():]) \
                and not uppers & _neighbour_letters(m.group("upper")):
            continue
        # `f)` (no letter of the Vietnamese alphabet) goes on a list lettered in Latin order: `e)` before it
        if m.group("letter") in tuple(LETTERS_FOREIGN) and chr(ord(m.group("letter")) - 1) not in letters:
            continue
        if m.group("bare") and _roman_int(m.group("roman")) + 1 not in romans:
            continue
        # so is one glued to its word (`I.MỤC ĐÍCH` opens a plan; `X.Trinh` under a letter is
        # a signature's initial): past `I` it needs the number before or after it
        if m.group("roman") and m.group().endswith(".") and m.group("roman") != "I":
            n = _roman_int(m.group("roman"))
            if n - 1 not in romans and n + 1 not in romans:
                continue
        if m.group("nodot") and "." not in m.group("arabic"):
            n = int(m.group("arabic"))
            if n - 1 not in arabics and n + 1 not in arabics:
                continue
        kept.append((p, m))
    return kept


# one to three capitalised words and nothing else: a person's (given) name
_PERSON_NAME = re.compile(r"\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){0,2}[ \t]*")
_ALPHABET = "ABCDĐEFGHIJKLMNOPQRSTUVWXYZ"


def _neighbour_letters(letter: str) -> set[str]:
    i = _ALPHABET.find(letter)
    return {_ALPHABET[j] for j in (i - 1, i + 1) if 0 <= j < len(_ALPHABET)} if i >= 0 else set()


def extract_sections(doc: PlanText) -> list[Section]:
    stack: list[tuple[str, str]] = []
    found: list[tuple[list[str], str, str, int, int]] = []
    candidates = _candidates(doc)
    order = {p.start: j for j, p in enumerate(doc.paragraphs)}
    # (every match holds `èm theo`: a paragraph without it is not tried)
    attached = [p.start for p in doc.paragraphs if "èm theo" in p.text and _ATTACHED.match(p.text)]
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
        if kind in _RANK and kind.startswith("arabic") and kind != "arabic1" and "arabic1" in kinds \
                and marker.split(".")[0] != stack[kinds.index("arabic1")][1]:
            # `7. Kết cấu của Luận văn` / `3.1. Quan điểm, định hướng …`: a dotted number names its own
            # parent (`3`); under an open `7.` it starts a numbering of its own (a quoted chapter), not a child
            del stack[kinds.index("arabic1"):]
            kinds = [k for k, _ in stack]
        if kind in kinds:
            del stack[kinds.index(kind):]
        elif kind == "chapter" or (kind in _RANK and stack and all(_RANK.get(k, -1) > _RANK[kind] for k in kinds)):
            # nothing a plan prints stands above its chapters
            stack.clear()
        stack.append((kind, marker))
        title = _title(para.text[m.end():])
        found.append(([mk for _, mk in stack], marker, title, para.start, para.end))

    body_limit = doc.footnote_from if doc.footnote_from >= 0 else len(doc.clean)
    # a block ends where the next heading of the same or a higher level begins: for every
    # heading, the first later one no deeper, found in one sweep from the end (a heading
    # deeper than one before it is never the first for anything earlier), not by a scan of
    # the rest of the list per heading
    next_level: list[int | None] = [None] * len(found)
    later: list[int] = []
    for i in range(len(found) - 1, -1, -1):
        while later and len(found[later[-1]][0]) > len(found[i][0]):
            later.pop()
        next_level[i] = later[-1] if later else None
        later.append(i)
    sections = []
    for i, (path, marker, title, start, end) in enumerate(found):
        block_end = body_limit if next_level[i] is None else found[next_level[i]][3]
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
    if marker == "1" and stack and stack[-1][0] == kind and i > 0:
        heading = candidates[i - 1][0]
        # (`1. Mục đích.` / `1. Làm cho Nhân dân …`: a second `1` cannot follow the first as
        # its sibling, whatever the heading's last stop)
        bare = not heading.text.rstrip().endswith(".") or stack[-1][1] == "1"
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


class _SectionIndex:
    """Which sections hold each position, computed once per list of sections: the
    boundaries of all blocks cut the text into pieces, and a sweep records, for each
    piece, the sections open over it. A lookup is then a bisect, not a scan."""

    def __init__(self, sections: list[Section]):
        import heapq
        blocks = [(s.span[0], max(s.body_end, s.span[1]), i) for i, s in enumerate(sections)]
        bounds = sorted({b for a, e, _ in blocks for b in (a, e)})
        by_start = sorted((a, i) for a, e, i in blocks if e > a)
        self.bounds = bounds
        self.best: list[int] = []  # per piece: index of the innermost section, or -1
        self.open: list[tuple[int, ...]] = []  # per piece: sections holding it, in list order
        heap: list[tuple[int, int]] = []  # (end, index) of open sections
        active: set[int] = set()
        k = 0
        for lo in bounds:
            while heap and heap[0][0] <= lo:
                active.discard(heapq.heappop(heap)[1])
            while k < len(by_start) and by_start[k][0] <= lo:
                i = by_start[k][1]
                heapq.heappush(heap, (blocks[i][1], i))
                active.add(i)
                k += 1
            chain = tuple(sorted(active))
            self.open.append(chain)
            best = -1
            for i in chain:  # the deepest; the later one on a tie (as the scan did)
                if best < 0 or len(sections[i].path) >= len(sections[best].path):
                    best = i
            self.best.append(best)

    def piece(self, raw_index: int) -> int:
        return bisect.bisect_right(self.bounds, raw_index) - 1


_INDEXES: dict[int, tuple[list, int, _SectionIndex]] = {}


def _index(sections: list[Section]) -> _SectionIndex:
    hit = _INDEXES.get(id(sections))
    if hit is not None and hit[0] is sections and hit[1] == len(sections):
        return hit[2]
    if len(_INDEXES) >= 8:  # a few plans at a time; drop the oldest
        _INDEXES.pop(next(iter(_INDEXES)))
    idx = _SectionIndex(sections)
    _INDEXES[id(sections)] = (sections, len(sections), idx)
    return idx


def section_path_at(sections: list[Section], raw_index: int) -> list[str]:
    """Path of the innermost section whose block holds `raw_index`."""
    if len(sections) < 16:
        best: list[str] = []
        for s in sections:
            if s.span[0] <= raw_index < max(s.body_end, s.span[1]) and len(s.path) >= len(best):
                best = s.path
        return best
    idx = _index(sections)
    k = idx.piece(raw_index)
    if k < 0 or idx.best[k] < 0:
        return []
    return sections[idx.best[k]].path


def ancestors_at(sections: list[Section], raw_index: int) -> list[Section]:
    """Sections whose block holds `raw_index`, outermost first."""
    if len(sections) < 16:
        chain = [s for s in sections if s.span[0] <= raw_index < max(s.body_end, s.span[1])]
        return sorted(chain, key=lambda s: len(s.path))
    idx = _index(sections)
    k = idx.piece(raw_index)
    if k < 0:
        return []
    return sorted((sections[i] for i in idx.open[k]), key=lambda s: len(s.path))
