"""A clean reading view of a plan text that still knows where every character came from.

Plans arrive with markdown marks from PDF conversion, footnote bodies in the
middle of the text, sentences cut by page breaks, hard line breaks every ~80
characters (legal portals) and `|` between header cells. Extractors read
`PlanText.clean`, where all of that is undone, and report spans through
`PlanText.raw_span`, which maps back into the text exactly as read.

Cleaning never invents letters: every character of `clean` is either a
character of the raw text or a space/newline standing for removed material,
and `offsets[i]` is the raw index it stands for.
"""
from __future__ import annotations

import bisect
import re as _sre  # the standard engine: for the plain character runs only (see `_plain_run`)

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Optional

import regex as re

from extractors.anchored import matches_at, occurrences
from extractors.grammar.markers import (ARABIC_ANY, ARTICLE, BULLETS, CHAPTER, EN_DASH, LETTERS_LATIN_HORNED, NAMED, NAMED_NUMBER,
                                        PAREN_ANY, PDF_BULLETS, ROMAN, ROMAN_RUN_WIDE, UPPER)

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_LINE = re.compile(rf"^[ \t]*(?:[{SUPERSCRIPTS}]+|\[\^\d+\]:)[ \t]*\S")


def _footnote_line(line: str) -> bool:
    """`_FOOTNOTE_LINE.match(line)`, tried only where the line's first character past its
    spaces can open a footnote (a superscript or `[`): most lines are not tried at all."""
    head = line.lstrip(" \t")[:1]
    return bool(head) and (head in SUPERSCRIPTS or head == "[") and bool(_FOOTNOTE_LINE.match(line))


_FRAC = re.compile(r"\$\s*\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}\s*\$")
_UNICODE_FRACTIONS = {"½": "1/2", "⅓": "1/3", "¼": "1/4", "¾": "3/4", "⅔": "2/3", "⅕": "1/5"}
# a line that opens a list item or a numbered heading: never glued to the line above
_ITEM_START = re.compile(
    # (a number alone on the last line, its heading cut off by the excerpt: `(Gửi kèm Công văn …)` / `1. `)
    rf"^\s*(?:[{BULLETS}{PDF_BULLETS}{EN_DASH}]\s|(?:{ROMAN_RUN_WIDE}|{ARABIC_ANY}|[{UPPER}])(?:[.)\-–]\s|\.$)"
    rf"|[{LETTERS_LATIN_HORNED}][)]\s|{PAREN_ANY}\s|"
    rf"{ARTICLE}\s+\d+|Nơi nhận|PHẦN\s|Phần\s+thứ|"
    # a project or task numbered by name (`Dự án 3: phát triển …` under `Dự án 2: … cần thiết`, no stop between)
    rf"{NAMED}\s+{NAMED_NUMBER}[.:]?(?:\s|$)|"
    # a chapter's number on a line of its own, its title below (`Chương I` / `NHỮNG QUY ĐỊNH`)
    rf"{CHAPTER}[.:]?[ \t]*$|"
    # a short heading numbered without its dot: `2 Yêu cầu:`
    r"\d{1,2}\s+\p{Lu}[^\n.;]{0,60}:\s*$)"
)


_LONE_ARTICLE_WORD = re.compile(rf"^\s*{ARTICLE}\s*$")
_TERMINAL = re.compile(r"[.:;!?…]\s*$")


_PARAGRAPH = _sre.compile(r"[^\n]+")  # (no class `regex` reads otherwise: the standard engine, faster)


# Old and new tone placement write one syllable two ways (`uỷ`/`ủy`, `hoà`/`hòa`, `khoẻ`/`khỏe`):
# in `oa`, `oe`, `uy` with no final consonant the old way marks the second vowel, the new
# way the first. `fold` writes every such syllable the new way; in NFC both are two code
# points, so a folded text keeps every offset and a matcher lists one spelling only.
# (`qu` + `y` is a consonant and a vowel, not the pair: `quý` stays.)
_OLD_TONE = re.compile(r"([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?![\p{L}])|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}])")


def _new_tone(m: re.Match) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    base, mark = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + mark) + base


# the pairs `_OLD_TONE` rewrites where no Latin letter follows (a sure `\p{L}`: `hoàn`, `khoá`
# are not old spellings): a text holding none is folded as it is (Python's `re` finds that out
# several times faster than `regex` substitutes nothing)
_OLD_TONE_PAIR = _sre.compile("(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])"
                              "(?![a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF])")


@lru_cache(maxsize=4096)  # (the extractors fold the same names and clauses again and again)
def fold(text: str) -> str:
    """`text` with old tone placement written the new way (`Uỷ ban` → `Ủy ban`, `hoà` →
    `hòa`), same length, every other character unchanged: what matchers read."""
    if _OLD_TONE_PAIR.search(text) is None:
        return text
    return _OLD_TONE.sub(_new_tone, text)


def split_folded(pattern: re.Pattern, text: str) -> list[str]:
    """`pattern.split(text)` with the cuts found in `fold(text)` (for a `pattern` that lists
    the new spelling only, has no groups and matches no empty string), the pieces as written."""
    pieces, at = [], 0
    for m in pattern.finditer(fold(text)):
        pieces.append(text[at:m.start()])
        at = m.end()
    pieces.append(text[at:])
    return pieces


_NEW_TONE = re.compile(r"[òóỏõọÒÓỎÕỌ][aeAE](?![\p{L}])|(?<![qQ])[ùúủũụÙÚỦŨỤ][yY](?![\p{L}])")


def respell(s: str, text: str) -> str:
    """`s`, built from pieces of `fold(text)` (a name a matcher put together), with each
    syllable the fold rewrote given back as `text` writes it, so an emitted name keeps the
    writer's spelling; a syllable `text` also writes the new way is left as it is."""
    written: dict[str, set[str]] = {}
    for m in _OLD_TONE.finditer(text):
        written.setdefault(_new_tone(m), set()).add(m.group(0))
    if not written:
        return s
    also_new = {m.group(0) for m in _NEW_TONE.finditer(text)}

    def back(m: re.Match) -> str:
        old = written.get(m.group(0), ())
        return next(iter(old)) if len(old) == 1 and m.group(0) not in also_new else m.group(0)
    return _NEW_TONE.sub(back, s)


_WHITESPACE = re.compile(r"\s+")
# `\s` of `regex` is `str.isspace` but for these four separators, which `str.split` also cuts at
NOT_REGEX_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def _is_regex_space(c: str) -> bool:
    """Whether `regex`'s `\s` reads `c`: Python's spaces but the four separators it leaves out."""
    return c.isspace() and c not in NOT_REGEX_SPACES


def squeeze_spaces(text: str) -> str:
    r"""`re.sub(r"\s+", " ", text)`, by `str.split` (several times faster on a long text) where
    the two read the same spaces (tests/test_exact_shortcuts.py checks every code point)."""
    if any(c in text for c in NOT_REGEX_SPACES):
        return _WHITESPACE.sub(" ", text)
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


@dataclass
class Paragraph:
    start: int  # in clean coordinates
    end: int
    text: str
    footnote: bool = False
    # `fold(text)` when already at hand: a line of the plan's folded view (`PlanText.folded`)
    known_folded: Optional[str] = field(default=None, repr=False, compare=False)

    @property
    def folded(self) -> str:
        """The paragraph with spelling variants folded (`fold`): same offsets as `text`."""
        return fold(self.text) if self.known_folded is None else self.known_folded


@dataclass
class PlanText:
    raw: str
    clean: str = ""
    offsets: list[int] = field(default_factory=list)
    footnote_from: int = -1  # clean index where moved footnote bodies begin (-1: none)

    @classmethod
    def from_raw(cls, raw: str) -> "PlanText":
        clean, offsets, footnote_from = _build_clean(raw)
        return cls(raw=raw, clean=clean, offsets=offsets, footnote_from=footnote_from)

    # -- coordinates -------------------------------------------------------
    def raw_pos(self, i: int) -> int:
        if not self.offsets:
            return 0
        if i >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw `[start, end)` of the clean slice `[start, end)` (trimmed of spaces)."""
        while start < end and self.clean[start].isspace():
            start += 1
        while end > start and self.clean[end - 1].isspace():
            end -= 1
        if end <= start:
            p = self.raw_pos(start)
            return (p, p + 1)
        a = self.offsets[start]
        b = self.offsets[end - 1] + 1
        if b <= a:  # crossed a moved footnote: keep the first piece
            b = a + 1
        return (a, b)

    def clean_pos(self, raw_index: int) -> int:
        """First clean index whose raw offset is >= raw_index (clean order is raw order
        outside moved footnotes)."""
        hi = len(self.offsets) if self.footnote_from < 0 else min(self.footnote_from, len(self.offsets))
        return bisect.bisect_left(self.offsets, raw_index, 0, hi)  # no slice: O(log n) a call


    @cached_property
    def folded(self) -> str:
        """`clean` with spelling variants folded (`fold`): same length and offsets."""
        return fold(self.clean)

    # -- structure ---------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        out = []
        folded = self.folded
        for m in _PARAGRAPH.finditer(self.clean):
            text = m.group()
            if not text.strip():
                continue
            fn = self.footnote_from >= 0 and m.start() >= self.footnote_from
            # a line of the folded view is the line folded: a fold rewrites two letters inside
            # a line and reads one character around them, which a line break or the text's
            # end answers alike (not a letter, not `q`)
            out.append(Paragraph(m.start(), m.end(), text, fn, folded[m.start():m.end()]))
        return out

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, clean_index: int) -> Paragraph | None:
        """The paragraph holding `clean_index` (paragraphs are sorted and disjoint: bisect)."""
        i = bisect.bisect_right(self._paragraph_starts, clean_index) - 1
        if i >= 0:
            p = self.paragraphs[i]
            if p.start <= clean_index < p.end:
                return p
        return None


_SENT_END = re.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}\d(\"“])|(?<=;)\s+")


# a boundary branch that opens after one written mark: `(?<=[.!?…])\s+…`, `(?<=;)\s+`
_AFTER_MARK_BRANCH = re.compile(r"\(\?<=(?:\[([^\]\\^\-\[]+)\]|([^\\()\[\]|?*+{}.^$]))\)\\s\+")
# … or one that opens after a single character (not a space) and runs up to written words:
# `(?<=\p{Ll})\s+(?=(?:Hằng|Hàng|Mỗi|Định\s+kỳ)\s+…)`
_BEFORE_WORDS_BRANCH = re.compile(r"\(\?<=((?:[^()\\]|\\.)+)\)\\s\+\(\?=(.*)\)$")
_REGEX_SPACES = [c for c in map(chr, range(0x3000 + 1)) if _is_regex_space(c)]


@lru_cache(maxsize=64)
def _boundary_starts(boundary: re.Pattern):
    """(marks, words) when every branch of `boundary` opens with `\\s+` after either a written
    mark (`marks`, a standard-engine class: a match starts right after one) or a character
    that is not a space, with a look-ahead whose every match opens with one of `words` (a
    match is the whole run of spaces before one); None for any other boundary (searched
    plainly). Either way a match is never empty."""
    from extractors.anchored import branches_of, leading_words  # (no cycle at import)
    if boundary.flags & (re.IGNORECASE | re.VERBOSE | re.FULLCASE):
        return None
    marks, words = set(), set()
    for branch in branches_of(boundary.pattern):
        m = _AFTER_MARK_BRANCH.match(branch)
        if m:
            marks.update(m.group(1) or m.group(2))
            continue
        m = _BEFORE_WORDS_BRANCH.match(branch)
        if not m:
            return None
        try:
            behind = re.compile(m.group(1))
            read = leading_words(m.group(2))
        except (re.error, ValueError):
            return None
        if read is None or read[1] or not read[0] or any(behind.fullmatch(c) for c in _REGEX_SPACES):
            return None
        words |= read[0]
    finder = _sre.compile("[" + "".join(_sre.escape(c) for c in sorted(marks)) + "]") if marks else None
    return finder, tuple(sorted(words))


def _boundaries(boundary: re.Pattern, text: str):
    """`boundary.finditer(text)`: where every match starts right after a mark or at the run of
    spaces before a word (`_boundary_starts`), the pattern is tried there only (left to right,
    not overlapping), not at every character."""
    read = _boundary_starts(boundary)
    if read is None:
        yield from boundary.finditer(text)
        return
    marks, words = read
    starts = {m.end() for m in marks.finditer(text)} if marks else set()
    for w in words:
        for at in occurrences(text, w):
            run = at
            while run and _is_regex_space(text[run - 1]):
                run -= 1
            if run < at:
                starts.add(run)
    yield from matches_at(boundary, text, starts)


def sentences(text: str, base: int = 0, boundary: re.Pattern = _SENT_END) -> list[tuple[int, int]]:
    """Split a paragraph into sentence/clause spans (`base`-shifted). By default splits
    after `.`, `!`, `?` before an upper-case start, and after `;`; an extractor may
    pass its own `boundary`."""
    spans, start = [], 0
    for m in _boundaries(boundary, text):
        if text[start:m.start()].strip():
            spans.append((base + start, base + m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((base + start, base + len(text.rstrip())))
    return spans


# ---------------------------------------------------------------------------
# building the clean view

# (the standard engine, faster; no class `regex` reads otherwise, and the lines kept are the
# non-empty matches, which the two engines find alike)
_LINE = _sre.compile(r"[^\n]*\n?")


# Some stored pages keep their line breaks as the escapes `\r\n` (a JSON string copied as text):
# where a line holds two or more, they are its line breaks
_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n")


def _physical_lines(lines) -> list[tuple[str, int]]:
    """(line, raw offset) for every line, a line with escaped breaks cut at them."""
    out = []
    for m in lines:
        line = m.group()
        if not line:
            continue
        breaks = list(_ESCAPED_BREAK.finditer(line)) if "\\" in line else []
        if len(breaks) < 2:
            out.append((line, m.start()))
            continue
        start = 0
        for b in breaks:
            out.append((line[start:b.start()], m.start() + start))
            start = b.end()
        out.append((line[start:], m.start() + start))
    return out


_STAMP_LINE = re.compile(r"^\s*date\s+(?:19|20)\d{2}(?:-\d{1,2}(?:-\d{1,2})?)?\s+(?=\S)")


def _build_clean(raw: str) -> tuple[str, list[int], int]:
    lines = list(_LINE.finditer(raw))
    body: list[tuple[str, list[int]]] = []   # cleaned lines with offsets
    notes: list[tuple[str, list[int]]] = []
    for line, base in _physical_lines(lines):
        text, offs = _clean_line(line.rstrip("\n").rstrip("\r"), base)
        if _footnote_line(line) and not _looks_like_heading(text):
            notes.append((text, offs))
        elif not body and (stamp := _STAMP_LINE.match(text)):
            # a stored copy's publication stamp runs into its first line (` date 2025-10-15 I-
            # MỤC ĐÍCH, YÊU CẦU`): the stamp is a line of its own, so the heading opens a line
            body.append((text[:stamp.end()].rstrip(), offs[:len(text[:stamp.end()].rstrip())]))
            body.extend(_split_run_together(text[stamp.end():], offs[stamp.end():]))
        else:
            body.extend(_split_run_together(text, offs))

    wrapped = _hard_wrapped([t for t, _ in body])
    width = _wrap_width([t for t, _ in body]) if wrapped else 0
    pieces: list[str] = []
    offsets: list[int] = []  # one per character of the pieces

    def emit(s: str, offs: list[int]):
        pieces.append(s)
        offsets.extend(offs)

    prev_text = ""
    pending_blank: list[int] = []  # raw offsets of blank lines since the last text line
    for text, offs in body:
        if not text.strip():
            pending_blank.append(offs[0] if offs else (offsets[-1] + 1 if offsets else 0))
            continue
        if prev_text:
            if _glue(prev_text, text, blank=bool(pending_blank), width=width):
                emit(" ", [offsets[-1] if offsets else 0])
            else:
                emit("\n", [offsets[-1] if offsets else 0])
                if pending_blank:
                    emit("\n", [offsets[-1]])
        emit(text, offs)
        prev_text = text
        pending_blank = []
    footnote_from = -1
    if notes:
        emit("\n\n", [offsets[-1] if offsets else 0] * 2)
        footnote_from = len(offsets)
        for text, offs in notes:
            emit(text, offs)
            emit("\n", [offs[-1] if offs else 0])
    return "".join(pieces), offsets, footnote_from


# Some pages store a whole outline on one line (`… chủ yếu I. Về kinh tế 1. Tốc độ … 16%. 2. Thu
# nhập …`). A marker inside a line opens an item only as part of a numbered run: three or
# more Arabic numbers in sequence (after a sentence end or a bracket), or a Roman sequence.
_RUN_LINE_CHARS = 300
_INLINE_ARABIC = re.compile(r"(?<=[.;:!?…)]) (\d{1,2})\. (?=\p{Lu})")
_INLINE_ROMAN = re.compile(rf"(?<=\S) ({ROMAN})\. (?=\p{{Lu}})")
# `QUYẾT ĐỊNH: Điều 1. Ban hành … Cao Bằng Điều 2. Quyết định này …`: a decision's articles on one line
# (`… và chính quyền địa phương.Điều 2. Quan điểm …`: a copy that lost the space after the stop)
_INLINE_ARTICLE = re.compile(r"(?<=\S) Điều (\d{1,2})\. (?=\p{Lu})|(?<=\p{L}[.;:])Điều (\d{1,2})\. (?=\p{Lu})")
# the line's own marker is the run's first member: `2. Trung tâm … giường. 3. Trung tâm … 4. Trung tâm …`
# and `Điều 1. Đẩy mạnh … phương.Điều 2. Quan điểm …` are runs on a line shorter than _RUN_LINE_CHARS
_LEADING_ARABIC = re.compile(r"(\d{1,2})\. (?=\p{Lu})")
_LEADING_ARTICLE = re.compile(r"Điều (\d{1,2})\. (?=\p{Lu})")
_ASCII_DIGITS = "0123456789"
# (an excerpt cut after its first article still opens it at the enacting word: `QUYẾT ĐỊNH: Điều 1. Ban hành …`)
_ENACTED_ARTICLE = re.compile(r"(?<=(?:QUYẾT ĐỊNH|QUYẾT NGHỊ):) Điều \d{1,2}\. (?=\p{Lu})")
# (a PDF that lost its line breaks: `… như sau: A. Mục đích yêu cầu: 1. Nhằm … 2. Nâng cao …`; a capital-letter
# heading whose items `1.`, `2.` follow it opens the run, so two numbers suffice under it)
_INLINE_UPPER = re.compile(rf"(?<=[.;:!?…)]) ([{UPPER}])\. (?=\p{{Lu}})")
_UPPER_HEADING_CHARS = 160
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


def _roman_value(s: str) -> int:
    return sum(-_ROMAN_DIGITS[a] if b in _ROMAN_DIGITS and _ROMAN_DIGITS[b] > _ROMAN_DIGITS[a]
               else _ROMAN_DIGITS[a] for a, b in zip(s, s[1:] + " "))


def _in_runs(markers: list[tuple[int, int]], least: int) -> list[int]:
    """Positions of the markers that belong to a run of `least` or more consecutive numbers
    (each linked to the latest earlier marker numbered one less)."""
    parent = list(range(len(markers)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    latest: dict[int, int] = {}
    for i, (_, n) in enumerate(markers):
        if n - 1 in latest:
            parent[root(i)] = root(latest[n - 1])
        latest[n] = i
    size: dict[int, int] = {}
    for i in range(len(markers)):
        size[root(i)] = size.get(root(i), 0) + 1
    return [pos for i, (pos, _) in enumerate(markers) if size[root(i)] >= least]


def _lettered_runs(text: str, arabic: list[tuple[int, int]]) -> list[int]:
    """Positions of inline capital-letter headings (`A. Mục đích yêu cầu:`) followed within their
    heading by a `1.` that the next numbers go on from (`2.`, …), and of those numbers."""
    out: list[int] = []
    uppers = [m.start() for m in _INLINE_UPPER.finditer(text)]
    for k, at in enumerate(uppers):
        upto = uppers[k + 1] if k + 1 < len(uppers) else len(text)
        items = [(pos, n) for pos, n in arabic if at < pos < upto]
        if not items or items[0][1] != 1 or items[0][0] - at > _UPPER_HEADING_CHARS:
            continue
        chain = [items[0][0]]
        for pos, n in items[1:]:
            if n == len(chain) + 1:
                chain.append(pos)
        if len(chain) >= 2:
            out += [at] + chain
    return out


# What the inline markers need written (their look-behinds start each search at every
# character, so a long line without these is not searched): a number or capital after a
# sentence end (`. 2. `, `: A. `), a Roman numeral's last letter and its dot, `Điều ` (spaced or glued to a stop)
_AFTER_END_MARK = _sre.compile(r"[.;:!?…)] \S{1,2}\. ")
_ROMAN_ENDS = ("I. ", "V. ", "X. ")


def _split_run_together(text: str, offs: list[int]) -> list[tuple[str, list[int]]]:
    # (tried only where the line's first character can open them: a digit, a non-ASCII one
    # that may be a digit, `Điều `)
    first = text[:1]
    lead_arabic = _LEADING_ARABIC.match(text) if first and (first in _ASCII_DIGITS or not first.isascii()) else None
    lead_article = _LEADING_ARTICLE.match(text) if text.startswith("Điều ") else None
    if len(text) < _RUN_LINE_CHARS and not lead_arabic and not lead_article:
        return [(text, offs)]
    after_end = bool(_AFTER_END_MARK.search(text))
    arabic = [(m.start(), int(m.group(1))) for m in _INLINE_ARABIC.finditer(text)] if after_end else []
    roman = [(m.start(), _roman_value(m.group(1))) for m in _INLINE_ROMAN.finditer(text)] \
        if any(e in text for e in _ROMAN_ENDS) else []
    article = "Điều " in text
    articles = [(m.start(), int(m.group(1) or m.group(2))) for m in _INLINE_ARTICLE.finditer(text)] if article else []
    enacted = {m.start() for m in _ENACTED_ARTICLE.finditer(text)} if article else set()
    runs_arabic = [(-1, int(lead_arabic.group(1)))] + arabic if lead_arabic else arabic
    runs_articles = [(-1, int(lead_article.group(1)))] + articles if lead_article else articles
    cuts = sorted(set(_in_runs(runs_arabic, 3)) | set(_in_runs(roman, 2) if _in_runs(arabic, 3) else [])
                  | set(_in_runs(runs_articles, 2)) | enacted
                  | set(_lettered_runs(text, arabic) if after_end else []))
    cuts = [c for c in cuts if c >= 0]
    if not cuts:
        return [(text, offs)]
    pieces, start = [], 0
    for cut in cuts:  # the space before the marker becomes the line break (a glued marker is cut before)
        pieces.append((text[start:cut], offs[start:cut]))
        start = cut + 1 if text[cut] == " " else cut
    pieces.append((text[start:], offs[start:]))
    return [p for p in pieces if p[0].strip()]


def _looks_like_heading(text: str) -> bool:
    return bool(_ITEM_START.match(text))


# Characters that are a grapheme cluster of their own before any of them and stay
# unchanged under NFC (Vietnamese letters, Latin, quotes, bullets, arrows, shapes; a test
# checks the claim against the Unicode tables): runs of them are copied whole instead of
# one cluster at a time. Everything `_clean_line` changes or drops is left out.
_PLAIN_CHARS = (r"\x00-\x08\x0b\x0c\x0e-\x1f!-#%-)+-[\]^`-{}~\x7f"  # ASCII but $ * _ \ | and spaces
                r"\u00a1-\u00ac\u00ae-\u00b1\u00b4-\u00b8\u00ba\u00bb\u00bf-\u024f"
                r"\u1e00-\u1eff\u2018-\u201f\u2022\u2026\u2030-\u2044\u2190-\u2211\u2213-\u22ff\u25a0-\u25ff")
_SPACES = " \t\u00a0\u2009\u202f\r"
# Words of plain characters with single spaces between them come out as they are. A run
# stops before its last character when a combining mark follows: that character and its
# marks are one cluster, read by the per-character path.
_PLAIN_RUN = re.compile(rf"[{_PLAIN_CHARS}]+(?: [{_PLAIN_CHARS}]+)*"
                        r"(?![\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}])")
# The same run without its look-ahead, on the standard engine, which reads a run of one
# character class about four times faster than `regex`; `_plain_run` puts the look-ahead back.
_PLAIN_RUN_FAST = _sre.compile(rf"[{_PLAIN_CHARS}]+(?: [{_PLAIN_CHARS}]+)*")
_CLUSTER_MARK = re.compile(r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}]")
_SPACE_RUN = re.compile(rf"[{_SPACES}]+")


def _plain_run(line: str, i: int) -> int:
    """Where `_PLAIN_RUN.match(line, i)` ends (-1: no match). Where a mark follows the greedy
    run, the look-ahead gives back characters as `regex` backtracks: the end moves left to the
    previous end a run can have (after a plain character, never after a space), until no mark
    follows."""
    m = _PLAIN_RUN_FAST.match(line, i)
    if not m:
        return -1
    end = m.end()
    while end < len(line) and _CLUSTER_MARK.match(line, end):
        end -= 1
        while end > i and line[end - 1] == " ":
            end -= 1
        if end <= i:
            return -1
    return end
# (ASCII only: the standard engine reads it as `regex` does, several times faster a line)
_LEAD_MARKS = _sre.compile(r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]+)?")
_GRAPHEME = re.compile(r"\X")
_REGIONAL_INDICATOR = re.compile(r"\p{GCB=Regional_Indicator}")
_NFC: dict[str, str] = {}


def _grapheme_at(line: str, i: int) -> str:
    """The grapheme cluster that starts at `i`, read as if the line began there. Only a
    regional-indicator pair looks back past its start, so only a flag needs the slice."""
    if _REGIONAL_INDICATOR.match(line, i):
        return _GRAPHEME.match(line[i:]).group()
    return _GRAPHEME.match(line, i).group()


def _clean_line(line: str, base: int) -> tuple[str, list[int]]:
    """Strip markdown marks, superscript footnote calls, `|` cells and runs of
    spaces from one line; fractions become `a/b`. Linear in the line: plain runs and
    space runs are taken whole, every other character by the rules below."""
    out: list[str] = []  # pieces; a space is always a piece of its own
    offs: list[int] = []
    i = _LEAD_MARKS.match(line).end()  # leading markdown heading / quote marks
    n = len(line)
    while i < n:
        run_end = _plain_run(line, i)
        if run_end >= 0:
            out.append(line[i:run_end])
            offs.extend(range(base + i, base + run_end))
            i = run_end
            continue
        spaces = _SPACE_RUN.match(line, i)
        if spaces:  # a run of spaces is one space, none after a space or a cell break
            if not (out and out[-1][-1] in " \n"):
                out.append(" ")
                offs.append(base + i)
            i = spaces.end()
            continue
        ch = line[i]
        if ch == "$":
            fm = _FRAC.match(line, i)
            if fm:
                frac = f"{fm.group(1)}/{fm.group(2)}"
                out.append(frac)
                # first and last characters stand for the ends of the formula
                offs.extend([base + i] + [base + i + 1] * (len(frac) - 2) + [base + fm.end() - 1])
                i = fm.end()
                continue
        if ch in _UNICODE_FRACTIONS:
            frac = _UNICODE_FRACTIONS[ch]
            # keep a space between a preceding number and the fraction ("2½" is rare)
            out.append(frac)
            offs.extend([base + i] * len(frac))
            i += 1
            continue
        if ch == "*" or (ch == "_" and (i + 1 < n and line[i + 1] == "_")):
            i += 1
            continue
        if ch == "\\" and i + 1 < n and not line[i + 1].isalnum():
            i += 1
            continue
        if ch in SUPERSCRIPTS:
            i += 1
            continue
        if ch == "|":  # portal header cells: one cell, one line
            while out and out[-1][-1] == " ":  # a prepended mark can carry a space
                out[-1] = out[-1][:-1]
                offs.pop()
                if not out[-1]:
                    out.pop()
            out.append("\n")
            offs.append(base + i)
            i += 1
            continue
        if ord(ch) < 0x80:
            out.append(ch)
            offs.append(base + i)
            i += 1
            continue
        g = _grapheme_at(line, i)
        nfc = _NFC.get(g)
        if nfc is None:
            nfc = _NFC[g] = unicodedata.normalize("NFC", g)
        if ch in "\u2013\u2014\u2212":  # dashes read as hyphen
            nfc = "-"
        out.append(nfc)
        offs.extend([base + i] * len(nfc))
        i += len(g)
    # trim spaces at both ends (and around the `|` newlines)
    s = "".join(out)
    lstrip = len(s) - len(s.lstrip(" "))
    rstrip = len(s.rstrip(" "))
    s2 = s[lstrip:rstrip]
    return s2, offs[lstrip:rstrip]


def _hard_wrapped(lines: list[str]) -> bool:
    """Portal copies break every ~80 characters; detect that from line lengths."""
    lengths = [len(t) for t in lines if t.strip()]
    if len(lengths) < 8:
        return False
    long_lines = [n for n in lengths if n > 200]
    band = [n for n in lengths if 55 <= n <= 100]
    return not long_lines and len(band) >= 0.5 * len(lengths)


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(t) for t in lines if t.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


_TERMINAL_MARKS = ".:;!?…"


def _ends_terminal(line: str) -> bool:
    """`_TERMINAL.search(line)`: the last character that is not a space (`\\s` of `regex`:
    `str.isspace` but `\\x1c`–`\\x1f`) is a sentence mark; read from the end, not searched."""
    end = len(line)
    while end and _is_regex_space(line[end - 1]):
        end -= 1
    return bool(end) and line[end - 1] in _TERMINAL_MARKS


_ASCII_LOWER = _sre.compile("[a-z]")


def _all_caps(line: str) -> bool:
    """Every letter of the line is a capital (and it has one); a line with a lower-case
    ASCII letter is not, without reading every character."""
    if _ASCII_LOWER.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _glue(prev: str, nxt: str, blank: bool, width: int) -> bool:
    """Is the line break between `prev` and `nxt` inside a sentence? `width` is the
    wrap width of a hard-wrapped copy (0 when the text is not hard-wrapped)."""
    if _LONE_ARTICLE_WORD.match(prev):
        return True  # `Điều` / `1. Phê duyệt …`: the article word printed on a line of its own
    if _ITEM_START.match(nxt) or _ends_terminal(prev):
        return False
    if "\n" in prev or "\n" in nxt:
        return False  # a row of `|` cells is a line of its own (`3 | Tổ chức … | Trước ngày 30/11`)
    if _all_caps(prev) and not nxt[:1].islower():
        return False  # an all-caps heading line ends its own block
    if blank:
        # a page break: the next line carries on the sentence in lower case
        return nxt[:1].islower()
    if width:
        # a wrapped line is cut only when the next word would not fit: a line that
        # stops short (a heading, a header cell, a paragraph's last line) ends its block
        first_word = nxt.split(" ", 1)[0]
        return len(prev) + 1 + len(first_word) > width - 2 or nxt[:1].islower()
    # a single line break inside a title or paragraph; but a numbered heading line
    # followed by a capitalised line is a heading over its body
    return not (_ITEM_START.match(prev) and nxt[:1].isupper())
