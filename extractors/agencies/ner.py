"""The NLP side of the agency extractor: underthesea word segmentation and POS tags,
run only on paragraphs that hold a candidate agency.

Rules know the head nouns (`Sở`, `Ban`, `Trung tâm` …) but not where a name written
in running text ends: `Sở Công Thương lập kế hoạch` vs `Hội Cựu chiến binh tỉnh`. A
Vietnamese word spans several syllables, and the tagger knows which syllables make one
word and whether it is a noun or a verb. Three questions are asked of it:
- `word_end`: where the word that starts at a syllable ends (`Cựu chiến binh`);
- `noun_tail`: the lowercase nouns that continue a noun phrase (`các cơ quan thông tin
  truyền thông`), ending before a verb;
- `verb_at`: does a verb open this text (a body as the subject of a task)?
Every answer is None when NLP is off (`CHITIEU_NLP=0`), and the rules decide alone.
"""
from __future__ import annotations

from functools import lru_cache

from extractors import nlp

# Nouns that end a body's name rather than continue it (what it works on, not who it is).
_NOT_NAME_NOUNS = {"cán bộ", "công chức", "viên chức", "người", "nhân dân", "kế hoạch", "nhiệm vụ",
                   "kinh phí", "dự toán", "hồ sơ", "báo cáo", "năm", "tháng", "ngày", "việc", "các",
                   "cấp", "liên quan", "đơn vị", "địa phương", "cơ quan", "tỉnh", "huyện", "xã", "phường",
                   "thị trấn", "thành phố", "thị xã", "quận", "đặc khu"}


@lru_cache(maxsize=512)
def _tagged_clause(clause: str) -> tuple[tuple[int, int, str, str], ...]:
    out, cursor = [], 0
    for word, tag in nlp.pos_tag(clause):
        at = clause.find(word, cursor)
        if at < 0:  # the tagger normalised this word: leave it out rather than guess its place
            continue
        out.append((at, at + len(word), word, tag))
        cursor = at + len(word)
    return tuple(out)


def _tagged(text: str, pos: int) -> list[tuple[int, int, str, str]]:
    """(start, end, word, POS) for the words of the clause of `text` around `pos`, in
    `text` offsets. Only that clause is tagged: the tagger is the slow part."""
    start = max(text.rfind(c, 0, pos) for c in ".;:!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".;:!?\n") if i >= 0]
    end = min(ends) if ends else len(text)
    return [(a + start, b + start, w, t) for a, b, w, t in _tagged_clause(text[start:end])]


def active() -> bool:
    return nlp.enabled()


def word_end(text: str, pos: int) -> int | None:
    """End of the segmented word that holds the syllable at `pos` (None: NLP off or no
    word there). The segmenter may glue a connective to a name word (`và Phát triển nông
    thôn`); the word still tells where the name's lowercase syllables end."""
    if not active():
        return None
    for start, end, _, _ in _tagged(text, pos):
        if start <= pos < end:
            return end
        if start > pos:
            break
    return None


def noun_tail(text: str, pos: int, limit: int = 3, reject=lambda word: False) -> int | None:
    """End of the lowercase common nouns (N) that follow `pos` (a noun phrase going on),
    stopping before a verb, a level word or a noun that names what a body works on."""
    if not active():
        return None
    end, taken = pos, 0
    for start, stop, word, tag in _tagged(text, pos):
        if stop <= pos:
            continue
        if start < pos or text[end:start].strip() or taken >= limit:
            break
        if tag != "N" or not word[:1].islower() or word.casefold() in _NOT_NAME_NOUNS or reject(word):
            break
        end, taken = stop, taken + 1
    return end


def verb_at(text: str, pos: int) -> bool | None:
    """Whether the first word at or after `pos` is a verb (or an adjective that opens a
    verb phrase, such as `chủ động`, `kịp thời`)."""
    if not active():
        return None
    for start, _, word, tag in _tagged(text, pos):
        if start >= pos:
            return tag in ("V", "A") and word[:1].islower()
    return False
