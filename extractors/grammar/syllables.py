"""Vietnamese syllables: a word that a web copy glued out of two (`cácsở`, `Kếhoạch`,
`đoànthể`) is split back where both halves are syllables.

A Vietnamese syllable is (initial) vowel cluster (final), with at most one tone mark, and a
syllable closed by a stop (`p`, `t`, `c`, `ch`) takes only the acute or the dot below
(`tập`, `các`, never `nữt`). A glued pair breaks one of those rules as a whole and keeps
them in both halves: that is the only split made, so real words and abbreviations stay as
written. Where two splits keep them (`các|huyện`, `cách|uyện`), the syllables the project's
texts use as words decide (lexicon/syllables.tsv).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

import regex as re

from extractors import lexicon

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(rf"{_INITIAL}(?P<vowels>[aăâeêioôơuưy]{{1,3}})(?P<final>{_FINAL})")
_STOP_FINAL = re.compile(r"(?:ch|[cpt])$")
# a cluster closed by a glide (`ơi`, `ao`, `âu`) takes no final consonant (`vớic` is no syllable);
# `uy` does (`huynh`)
_GLIDE_CLOSED = re.compile(r"(?<!^u)(?<=[aăâeêioôơuưy])[iyou]$")
_VIETNAMESE = re.compile(r"[đăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
_WORD = re.compile(r"\p{L}{4,}")


def _tones(syllable: str) -> list[str]:
    return [_TONES[c] for c in unicodedata.normalize("NFD", syllable) if c in _TONES]


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def is_syllable(word: str) -> bool:
    """One well-formed Vietnamese syllable (case ignored)."""
    w = word.casefold()
    tones = _tones(w)
    m = _SYLLABLE.fullmatch(_toneless(w))
    if len(tones) > 1 or not m or (m.group("final") and _GLIDE_CLOSED.search(m.group("vowels"))):
        return False
    return not (_STOP_FINAL.search(w) and (not tones or tones[0] not in ("acute", "dot")))


@lru_cache(maxsize=4096)
def split_glued(word: str) -> Optional[tuple[str, str]]:
    """(`các`, `sở`) for `cácsở`; None for a syllable, a foreign word or an abbreviation."""
    if not _VIETNAMESE.search(word.casefold()) or is_syllable(word):
        return None
    inner_capital = next((i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()), None)
    if inner_capital is not None:  # `đốcSở`: the capital opens the second word
        head, tail = word[:inner_capital], word[inner_capital:]
        return (head, tail) if is_syllable(head) and is_syllable(tail) else None
    if not word[1:].islower():
        return None  # an abbreviation (`HĐND`, `BCĐ`)
    splits = [(word[:i], word[i:]) for i in range(len(word) - 1, 0, -1)
              if is_syllable(word[:i]) and is_syllable(word[i:])]
    if not splits:
        return None
    # the split whose rarer half the project's texts write most often as a word (`các|huyện`,
    # not `cách|uyện`; `Trung|ương`, not `Trun|gương`); else the longest first syllable
    seen = lexicon.syllable_counts()
    return max(splits, key=lambda s: min(seen.get(s[0].casefold(), 0), seen.get(s[1].casefold(), 0)))


def unglue(text: str) -> str:
    """`Ban vì sự tiến bộ phụ nữ cácsở` → `… các sở`: every glued pair of syllables split."""
    def one(m: re.Match) -> str:
        pair = split_glued(m.group())
        return f"{pair[0]} {pair[1]}" if pair else m.group()
    return _WORD.sub(one, text)
