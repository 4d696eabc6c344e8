"""`pattern.search(text, pos)`, tried only where a match can start.

The `regex` module tries every branch of an alternation at every position of the text; a
pattern of many branches that open with character classes and look-behinds (the agency
collectives: `các sở, ban, ngành`, `Công an các huyện`, `…, đoàn thể`) costs hundreds of
nanoseconds a character. Yet each of its matches starts with one of a few written words
(`các`, `Các`, `từng`, `Sở,`, `Thường trực` …) or a digit, and where those are written is
found in one pass of a trie of them (about 2 ms a seed plan, against 7 for the collectives'
pattern). `AnchoredSearch` reads the words off the pattern itself, lists where they occur in
a text, and tries the pattern there only: the same match at the same place as the plain
search (a match at p is what `pattern.match(text, p)` finds, look-behinds reading the text
before p alike), since no match can start anywhere else. It pays only for a slow pattern:
for the other mention patterns the pass that finds the words costs as much as their search.

The words are read from the pattern's text by a small reader of its leading elements
(look-arounds skipped, a group's branches each read, `[Cc]` classes of letters, literal
letters and spaces, `\\d`); a pattern it cannot read wholly (an optional first element,
an inline flag, a case-insensitive or fuzzy pattern) is searched plainly, as before.
"""
from __future__ import annotations

import bisect
import re as plain_re
from functools import lru_cache

import regex as re

from extractors.grammar.tries import trie_pattern

_ASSERTIONS = ("(?<=", "(?<!", "(?=", "(?!")
_COUNT = re.compile(r"\{[1-9]\d*(?:,\d*)?\}")  # a repeat at least once (not `{0,…}`, not fuzzy `{e<=1}`)
_FUZZY = re.compile(r"\{[^}]*[eisd]\s*[<=]")
# what ends a run of written characters: an escape (but an escaped sign), a group, a class, a
# repeat, an alternation, any character, an anchor
_SIGNS = frozenset("\\()[]{}|.^$?*+")


def _structure(s: str, i: int = 0):
    """(index, character, depth after it) of the characters of pattern text `s` from `i` that
    shape it: escapes and the insides of character classes are skipped."""
    depth, k, cls = 0, i, False
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        else:
            depth += (c == "(") - (c == ")")
            yield k, c, depth
        k += 1


def end_of_group(s: str, i: int) -> int:
    """Index after the group opened at s[i] == '('."""
    for k, c, depth in _structure(s, i):
        if c == ")" and depth == 0:
            return k + 1
    raise ValueError("unbalanced group")


def branches_of(s: str) -> list[str]:
    """The top-level branches of an alternation."""
    cuts = [k for k, c, depth in _structure(s) if c == "|" and depth == 0]
    return [s[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(s)])]


def _optional_at(s: str, k: int) -> bool:
    return s[k:k + 1] in ("?", "*") or s.startswith("{0", k) or s.startswith("{,", k)


def _required_group(s: str, k: int) -> bool:
    """Whether the group opened at s[k] is passed through at least once (no `?`, `*`, `{0,…}`)."""
    end = end_of_group(s, k)
    return not (_optional_at(s, end) or (s[end:end + 1] == "{" and not _COUNT.match(s, end)))


def leading_words(s: str) -> tuple[frozenset[str], bool] | None:
    """(words, digits): every match of pattern text `s` starts with one of `words`, or with
    a digit when `digits`; None when the reader cannot tell."""
    branches = branches_of(s)
    if len(branches) > 1:
        return _union(branches)
    while s.startswith(_ASSERTIONS):
        s = s[end_of_group(s, 0):]
    if s.startswith("(?:"):
        if not _required_group(s, 0):
            return None
        return _union(branches_of(s[3:end_of_group(s, 0) - 1]))
    if s.startswith("\\d"):
        return frozenset(), True
    firsts = [""]
    if s.startswith("["):
        end = s.index("]", 1)
        chars = s[1:end]
        if not chars or not all(c.isalpha() for c in chars) or s[end + 1:end + 2] in ("?", "*", "+", "{"):
            return None
        firsts, s = list(chars), s[end + 1:]
    run, k = "", 0
    while k < len(s):
        if s[k] == "\\" and s[k + 1:k + 2] and not s[k + 1].isalnum():
            run, k = run + s[k + 1], k + 2  # an escaped sign is the sign itself (`\ `, `\~`)
        elif s[k] not in _SIGNS:
            run, k = run + s[k], k + 1  # a letter, a space, a written sign (`≥`, `>=`)
        else:
            break
    if k < len(s) and s[k] in "?*+{":
        run = run[:-1]  # (the quantifier is the last character's)
    elif s.startswith("(?:", k) and _required_group(s, k):
        # the run goes on into a group every match passes through (`t(?:ỉnh|hành phố)`, as a
        # trie writes words): each of its branches' words after the run, not the bare `t`
        inner = _union(branches_of(s[k + 3:end_of_group(s, k) - 1]))
        if inner is not None and not inner[1] and "" not in inner[0]:
            return frozenset(first + run + w for first in firsts for w in inner[0]), False
    words = {first + run for first in firsts}
    if "" in words:
        return None
    return frozenset(words), False


def _union(branches: list[str]) -> tuple[frozenset[str], bool] | None:
    """What `leading_words` reads of an alternation: the union of its branches' readings."""
    words, digits = set(), False
    for branch in branches:
        read = leading_words(branch)
        if read is None:
            return None
        words |= read[0]
        digits = digits or read[1]
    return frozenset(words), digits


def _trie(words) -> str:
    """The words as one trie-shaped alternation that matches where any of them starts."""
    return trie_pattern(words, starts_only=True)


_NOT_AFTER_WORD = r"(?<![\p{L}\p{N}])"
# the blocks plans are written in (Latin, its diacritics and Vietnamese letters, punctuation,
# currency, letter-like signs, arrows and maths, enclosed numbers, boxes and shapes, CJK
# punctuation, variation selectors, the BOM, full-width forms)
_PLAIN_BLOCKS = ((0x0000, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20BF),
                 (0x2100, 0x214F), (0x2190, 0x22FF), (0x2460, 0x26FF), (0x3000, 0x303F),
                 (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFF00, 0xFFEF))


@lru_cache(maxsize=1)
def _plain_unsure():
    """A `re` pattern finding a character where Python's `re` may not read a letter, a number
    or a digit as `regex` does (the two ship their own Unicode tables, of different
    versions): any outside `_PLAIN_BLOCKS`, and those inside where the two disagree (none
    today; checked here once, so another version of either stays safe)."""
    word, plain_word = re.compile(r"[\p{L}\p{N}]"), plain_re.compile(r"[^\W_]")
    digit, plain_digit = re.compile(r"\d"), plain_re.compile(r"\d")
    agree = [cp for lo, hi in _PLAIN_BLOCKS for cp in range(lo, hi + 1)
             if bool(word.match(chr(cp))) == bool(plain_word.match(chr(cp)))
             and bool(digit.match(chr(cp))) == bool(plain_digit.match(chr(cp)))]
    runs, start = [], agree[0]
    for prev, cp in zip(agree, agree[1:] + [-1]):
        if cp != prev + 1:
            runs.append(f"\\U{start:08x}-\\U{prev:08x}")
            start = cp
    return plain_re.compile("[^" + "".join(runs) + "]")


class AnchoredSearch:
    """A pattern's `search`, tried at the starts of the words its matches open with."""

    def __init__(self, pattern: re.Pattern, outer: tuple[str, str] = ("", "")):
        """`outer`: the look-arounds the pattern's text opens and closes with around the
        alternation of its branches (`_B`, `_E`), set apart before reading."""
        self.pattern = pattern
        # the starts in the texts searched lately (a paragraph is searched many times over; a
        # cache, not a slot, so that threads searching other texts at once do not mix them)
        self._starts = lru_cache(maxsize=64)(self._starts_in)
        text = pattern.pattern
        read = None
        if not pattern.flags & (re.IGNORECASE | re.VERBOSE) and not _FUZZY.search(text) \
                and text.startswith(outer[0]) and text.endswith(outer[1]):
            try:
                read = leading_words(text[len(outer[0]):len(text) - len(outer[1])])
            except ValueError:
                read = None
        self.words, self.digits = read if read else (frozenset(), False)
        self.anchored = read is not None  # False: searched plainly
        # the words' starts, found in one pass (every start: a word may begin inside another's
        # match, `sở` in `cơ sở đảng`), behind the look-behind the pattern opens with
        before = outer[0] if outer[0].startswith(("(?<=", "(?<!")) and end_of_group(outer[0], 0) == len(outer[0]) else ""
        body = "(?:" + "|".join(filter(None, [_trie(self.words), r"\d" if self.digits else ""])) + ")"
        self._finder = re.compile(before + body)
        # the same starts found by Python's own `re` (a third of the time: `regex` pays for
        # each overlapped match), where it reads the look-behind and `\d` as `regex` does:
        # not a letter or a number (`[^\W_]`) before, and on texts of the code points where
        # the two modules' Unicode tables agree (`_plain_unsure`)
        self._plain_finder = None
        if before in ("", _NOT_AFTER_WORD):
            try:
                self._plain_finder = plain_re.compile((r"(?<![^\W_])" if before else "") + "(?=" + body + ")")
            except plain_re.error:
                self._plain_finder = None

    def _starts_in(self, text: str) -> tuple[int, ...]:
        if self._plain_finder is not None and _plain_unsure().search(text) is None:
            # (zero-width matches: one at every place the look-ahead holds, as `overlapped`)
            return tuple(m.start() for m in self._plain_finder.finditer(text))
        return tuple(m.start() for m in self._finder.finditer(text, overlapped=True))

    def search(self, text: str, pos: int = 0):
        if not self.anchored:
            return self.pattern.search(text, pos)
        starts = self._starts(text)
        for k in range(bisect.bisect_left(starts, pos), len(starts)):
            at = starts[k]
            m = self.pattern.match(text, at)
            if m:
                return m
        return None


# Letters a case-insensitive pattern reads as another letter that they do not lower-case to
# (`İ` lower-cases to `i` and a dot, `ſ`, long s, stays itself but reads as `s`): a text that
# holds one is never ruled out by `RequiredWords` (tests/test_anchored.py checks every code
# point against the words of every `RequiredWords`)
CASE_ODD = ("\u0130", "\u017f")


@lru_cache(maxsize=32)  # (the same sentence is lowered for several patterns in a row)
def plain_lower(text: str) -> str | None:
    """`text.lower()`, letter for letter (None when a letter of `CASE_ODD` is written or the
    lower-casing changes the text's length: no word is ruled out or placed by it)."""
    if "\u0130" in text or "\u017f" in text:
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def occurrences(text: str, word: str, pos: int = 0):
    """Where `word` is written in `text`, from `pos` on (overlapping)."""
    at = text.find(word, pos)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def matches_at(pattern: re.Pattern, text: str, starts, pos: int = 0):
    """`pattern.finditer(text, pos)` for a pattern whose every match starts at one of `starts`:
    the same matches, left to right and not overlapping, tried there only."""
    end = pos
    for at in sorted(starts):
        if at < end:
            continue
        m = pattern.match(text, at)
        if m:
            yield m
            end = m.end()


class RequiredWords:
    """Words one of which every match of a case-insensitive pattern contains, written as the
    pattern writes them (lower case, a literal space): `absent(text)` says, by `in` over the
    lower-cased text, that the pattern cannot match there, so the search is skipped (a
    search over a few hundred characters costs tens of microseconds; `in`, well under one)."""
    every: list["RequiredWords"] = []

    def __init__(self, *words: str):
        self.words = tuple(w.lower() for w in words)
        RequiredWords.every.append(self)

    def absent(self, text: str) -> bool:
        low = plain_lower(text)
        return low is not None and not any(w in low for w in self.words)


class OpeningWords(RequiredWords):
    """Words every match of a case-insensitive pattern opens with: `finditer` tries the
    pattern only where one of them is written (found by `str.find` in the lower-cased text),
    or at the starts `also` the caller knows (`numbers.CORE`: where a run of digits starts),
    left to right and not overlapping, as the pattern's own `finditer` (whose matches, opening
    with a word, are never empty); a text whose lower-casing changes its length, or holding a
    letter of `CASE_ODD`, is searched plainly."""

    def finditer(self, pattern: re.Pattern, text: str, pos: int = 0, also=()):
        low = plain_lower(text)
        if low is None:
            yield from pattern.finditer(text, pos)
            return
        starts = {at for w in self.words for at in occurrences(low, w, pos)}
        starts.update(also)
        yield from matches_at(pattern, text, starts, pos)

    def search(self, pattern: re.Pattern, text: str, pos: int = 0):
        return next(self.finditer(pattern, text, pos), None)
