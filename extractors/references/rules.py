"""Cited documents: every mention of another document by its number (số ký hiệu).

Vietnamese document symbols have one shape across all issuers: a number, an
optional year, then the type and issuer codes (`470/QĐ-TTg`, `88/2019/QH14`,
`28-CT/TU`, `45/2023/TT-BTC`, `5119/UBND-NC`). A mention is the kind word
(`Quyết định`, `Chỉ thị`, `Văn bản` …, optionally `số`) and the symbol, then
the date printed with it (`ngày 24/3/2026`, `ngày 24 tháng 3 năm 2026`) and
the issuer (`của Thủ tướng Chính phủ`). The plan's own `Số: …` header line is
the plan's number, not a citation, and never matches (no kind word).
"""
from __future__ import annotations

import bisect
import re as _sre
from itertools import accumulate

import regex as re

from extractors import lexicon
from extractors.agencies.names import expand
from extractors.anchored import matches_at, occurrences
from extractors.deadlines.rules import _in_school_year, _only_year
from extractors.grammar.dates import OwnDate, dmy, iso_date, own_date
from extractors.grammar.tries import trie_pattern
from extractors.models import Reference
from extractors.text import PlanText

# kind words as written (any case) -> the kind as catalogued; longest first when matched
KINDS: dict[str, str] = {
    "quyết định": "Quyết định",
    "nghị quyết liên tịch": "Nghị quyết liên tịch",
    "nghị quyết": "Nghị quyết",
    # (copies drop the tone mark of `quyết`: `Nghị quyêt 33-NQ/TW`, `Quyêt định số …`)
    "nghị quyêt": "Nghị quyết",
    "quyêt định": "Quyết định",
    "chỉ thị": "Chỉ thị",
    "kế hoạch": "Kế hoạch",
    "thông tư liên tịch": "Thông tư liên tịch",
    "thông tư": "Thông tư",
    "nghị định": "Nghị định",
    "công văn": "Công văn",
    # (`Bộ Y tế vừa có Công văn khẩn số 5995 gửi …`: an urgent letter, numbered as any)
    "công văn khẩn": "Công văn",
    "văn bản hợp nhất": "Văn bản hợp nhất",
    "văn bản": "Văn bản",
    "kết luận": "Kết luận",
    "tờ trình": "Tờ trình",
    "bộ luật": "Bộ luật",
    "luật": "Luật",
    "pháp lệnh": "Pháp lệnh",
    "đề án": "Đề án",
    "chương trình hành động": "Chương trình hành động",
    # (`Kế hoạch hành động 328-KH/TU thực hiện Nghị quyết 57-NQ/TW`: a party committee's plan, coded KH)
    "kế hoạch hành động": "Kế hoạch",
    "chương trình": "Chương trình",
    "thông báo kết luận": "Thông báo kết luận",
    "thông báo": "Thông báo",
    "hướng dẫn": "Hướng dẫn",
    "quy định": "Quy định",
    "quy chế": "Quy chế",
    "công điện": "Công điện",
    "báo cáo": "Báo cáo",
    # (`Báo cáo thẩm tra số 46/BC-HĐND`: a council committee's review report, coded BC)
    "báo cáo thẩm tra": "Báo cáo",
    "chiến lược": "Chiến lược",
}

# type code inside a symbol -> kind, for a symbol cited without its kind word (`số 12/QĐ-UBND`)
CODE_KINDS: dict[str, str] = lexicon.document_kinds()

# (a copy may lose the space inside a kind word: `Nghịđịnh số: 150/2006/NĐ-CP`)
_KIND_WORDS = "|".join(r"\s?".join(re.escape(w) for w in k.split()) for k in sorted(KINDS, key=len, reverse=True))
_KIND_BY_LETTERS = {k.replace(" ", ""): v for k, v in KINDS.items()}


_SPACE = re.compile(r"\s")


def _kind_word(written: str) -> str:
    """The catalogued kind of a kind word as written (any case, its spaces lost or not), or of
    its abbreviation (`QĐ`)."""
    return CODE_KINDS.get(written) or _KIND_BY_LETTERS[_SPACE.sub("", written).casefold()]


# a kind word abbreviated as its type code, before `số` (`Nguồn QĐ số: 376/QĐ-UBND`, `theo CV số …`)
# or before a whole symbol (`Nguồn CV 2642/UBND-KT ngày 19/11/2010`):
# capitals as printed, so no word of the text reads as one
_ABBREVIATED_KIND = "|".join(re.escape(c) for c in sorted(CODE_KINDS, key=len, reverse=True))


def _kind_trie(words) -> str:
    r"""The kind words as one trie-shaped alternation, a space between syllables optional as in
    `_KIND_WORDS` (`quy(?:ết\s?định|\s?(?:chế|định))`)."""
    return trie_pattern(words, space=r"\s?")


# a kind word stands alone, or right after a list item's number that lost its space
# (`- 2Nghị định 113/2013/NĐ-CP về hoạt động mỹ thuật`, a related-documents list copied from a page)
_OPEN = r"(?<!\p{L})(?:(?<!\p{N})|(?<=(?:^|\n)[-+*]?[ \t]*\d{1,2}))"
# where a kind word starts (as MENTION and SHORT_MENTION open): found in one pass, every start
# (overlapped), so the two patterns are tried only there and not searched over the whole text
_KIND_AT = re.compile(rf"{_OPEN}(?:(?i:{_kind_trie(KINDS)})|{_ABBREVIATED_KIND})")
# how MENTION and SHORT_MENTION open (a kind word, or MENTION's abbreviation of one): a pattern
# that opens otherwise (rewritten since) is searched plainly, through the whole text
_KIND_OPENINGS = (rf"{_OPEN}(?P<kind>(?i:{_KIND_WORDS}))",
                  rf"{_OPEN}(?P<kind>(?i:{_KIND_WORDS})|(?:{_ABBREVIATED_KIND})(?=")


def _shortest(words) -> list[str]:
    """The words no other of them opens (`kế` for `kế`, `kết`): where those are found, all are."""
    words = set(words)
    return sorted(w for w in words if not any(v != w and w.startswith(v) for v in words))


# what every kind word opens with (its first syllable, any case: found in the lower-cased
# text) and the abbreviations (as printed): a kind word starts only where one of these is
# written, so `_KIND_AT` is tried there only instead of at every character
_KIND_FIRST_SYLLABLES = _shortest(k.split()[0].lower() for k in KINDS)
_KIND_CODES = _shortest(CODE_KINDS)
# the kind words whole, read by Python's `re` in the lower-cased text: three candidates in four
# (`bộ`, `công`, `quy` of running text) open no kind word, and `re` tells so several times faster
# than `_KIND_AT` (its `\s` reads a space wherever `regex`'s does, and more: it rules out only
# what `_KIND_AT` cannot match)
_KIND_WORD_LOWER = _sre.compile("|".join(r"\s?".join(_sre.escape(w) for w in k.split()) for k in KINDS))


def _kind_starts(clean: str) -> list[int]:
    """Where `_KIND_AT` matches, every start, ascending: what
    `[m.start() for m in _KIND_AT.finditer(clean, overlapped=True)]` gives. The candidates
    come from `str.find` over the lower-cased text: a letter `(?i)` reads as one of a kind
    word's letters lower-cases to it, one letter to one (tests/test_anchored.py checks it for
    every code point), so no start is missed; a text whose lower-casing changes its length
    (`İ`) is searched plainly."""
    low = clean.lower()
    if len(low) != len(clean):
        return [m.start() for m in _KIND_AT.finditer(clean, overlapped=True)]
    kind_word = _KIND_WORD_LOWER.match
    candidates = {at for w in _KIND_FIRST_SYLLABLES for at in occurrences(low, w) if kind_word(low, at)}
    candidates.update(at for w in _KIND_CODES for at in occurrences(clean, w))
    match = _KIND_AT.match
    return [at for at in sorted(candidates) if match(clean, at)]


def _bare_symbols(clean: str):
    """`BARE_SYMBOL.finditer(clean)`, tried where a digit follows a space only."""
    return matches_at(BARE_SYMBOL, clean, [m.start() for m in _BARE_START.finditer(clean)])


def _at_kind_words(pattern: re.Pattern, text: str, starts: list[int]):
    """`pattern.finditer(text)` for a pattern whose matches open with a kind word: the
    same matches, left to right and not overlapping, tried at the kind words' starts only."""
    if not pattern.pattern.startswith(_KIND_OPENINGS):
        yield from pattern.finditer(text)
        return
    yield from matches_at(pattern, text, starts)

_KIND_NAMES = "|".join(re.escape(k) for k in sorted(set(KINDS.values()), key=len, reverse=True))
# the number (and year) of a symbol, then its codes: `470/QĐ-TTg`, `88/2019/QH14`, `28 -CT/TU`
# (a line break inside a symbol, `470/QĐ-` / `TTg`, reads as a space after the separator)
# (copies also space a separator inside the codes, `103/QĐ /BVHTTDL`, `23/2012/TT - BCA`:
# then a code of two capitals or digits must follow, so `12/KH-UBND - Sở Y tế` stays apart)
# (a copy may glue the date to the codes, `70-TB/TWngày 06 tháng 01 năm 2012`: a code never
# holds `ngày`, so it ends there; and may space the number from its codes, `số 84 QĐ/TWĐTN`,
# `Nghị quyết số 57 NQ/TW`: then a code of two capitals and a separator follow)
_CODE_LETTERS = r"(?:(?!ngày)[\p{L}\p{N}&])*"
_SYMBOL = (r"\d{1,5}[a-z]?(?:/\d{4})?(?:\s?[/-]\s?|\s(?=\p{Lu}{2,}[/-]\p{Lu}))\p{Lu}" + _CODE_LETTERS +
           r"(?:(?:[/-]\s?|\s[/-]\s?(?=[\p{Lu}\p{N}]{2})|\.(?=\p{Lu}{2}))[\p{Lu}\p{N}]" + _CODE_LETTERS +
           # (`10/2007/TTLT-BLĐTB &XH-HCCBVN-BTC-BQP`: a copy's space before the `&` of `LĐTB&XH`)
           r"|(?<=\p{Lu})\s&\p{Lu}[\p{L}\p{N}&]*)*"
           r"(?<![-/])(?:\(\p{Lu}{1,4}\))?")
# a number cited without its codes (`Nghị quyết số 306 về …`, `quyết định số 785 giao …`,
# `công điện số 415 yêu cầu …`, `Công văn khẩn số 5995 gửi …`,
# `(sau đây viết tắt là Quyết định số 765)`); without `số` only a lettered one (`Nghị Quyết 30a của`)
# (also one listed before another document: `Nghị quyết số 18, Kết luận 34 của Bộ Chính trị`)
# (or dated in brackets, as `_DATE` reads: `Công văn số 1153 (ngày 25.6.2021) của Sở Kế hoạch và đầu tư`)
_BARE_NUMBER = (r"\d{1,5}[a-z]?(?=\s*(?:,\s*)?(?:ngày|của|ban hành|về|giao|phê duyệt|gửi|yêu cầu)\b"
                r"|\s*\(\s*(?:(?i:ban hành)\s+)?(?i:ngày)\s*\d|\s*[);]|[^\S\n]*\n|\s*$"
                rf"|\s*(?:,|\svà)\s+(?:{_KIND_NAMES})\s+(?:số\s+)?\d)")
_LETTERED_NUMBER = r"\d{1,5}[a-z](?=\s+(?:ngày|của|về)\b)"
# a number with its year but no codes, after `số` (`Nghị quyết số 170/2024 và Nghị quyết số 265/2025
# của Quốc hội`): the symbol as the text gives it
_NUMBER_YEAR = r"\d{1,5}/(?:19|20)\d\d(?![\p{L}\p{N}/-])"
# a decision or resolution cited by its number alone, without `số` (`Chính phủ đã ban hành Nghị quyết 154 về …`);
# news cite a ministry's letter so too (`Bộ KH&CN ban hành văn bản 5721 ngày 17/10/2025 quy định …`,
# `đã ban hành văn bản 5199 hướng dẫn …`): a letter's serial, never a year (`Văn bản 1277 2024 về`)
# (a pair that shares the issuer after the second: `Nghị quyết 11 và Nghị quyết 13 của Chính phủ`)
# (news shorten a well-known one so, whatever follows it: `thực hiện Nghị quyết 57, đưa khoa học …`,
# `Nghị quyết 57 đặt mục tiêu …`, `Thông tư 37 có hiệu lực.`; a count of something is no number of it:
# `Nghị quyết 3 năm`, never a year)
_UNCODED_NUMBER = (r"\d{1,4}(?=\s+(?:về|của|ngày|đã|hướng dẫn)\s"
                   rf"|\s+và\s+(?i:{_KIND_NAMES})\s+\d{{1,4}}\s+(?:về|của|ngày)\s)")
# (only after the kinds news shorten so, on the same line: `vượt kế hoạch 4 chỉ tiêu` counts, and a
# heading `KẾ HOẠCH` over `1. …` opens a list)
_SHORTENED_NUMBER = (r"(?!(?:19|20)\d\d(?!\d))\d{1,4}(?=[ \t]*[,.;)](?!\d)|[ \t]+(?!(?:năm|tháng|quý|lần|người"
                     r"|triệu|tỷ|nghìn|đồng|ha|km|xã|hộ)\b)\p{Ll})")
_UNCODED_LETTER = r"(?!(?:19|20)\d\d(?!\d))\d{2,5}(?=\s+(?:về|của|ngày|đã|hướng dẫn)\s)"
# (`Công văn 832/BNNMT-MT (ban hành ngày 08/4/2025)`: the date in brackets right after the number)
_DATE = (rf"(?:(?:,\s*)?(?:ban hành\s+)?(?i:ngày)\s*{dmy(words=('m2', 'y2'))}"
         rf"|\(\s*(?:(?i:ban hành)\s+)?(?i:ngày)\s*{dmy(words=('m2', 'y2'))}\s*\))")
# a citation dated without its year in a letter or news item (`Quyết định số 1484/QĐ-BVHTTDL
# ngày 12/4`): the year is the text's own
_YEARLESS_DATE = re.compile(r"\s*(?:,\s*)?(?i:ngày)\s*(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?!\s*[/.\-]?\s*\d)")
# a law may carry its name between the kind word and the number (`Luật Đất đai số 31/2024/QH15`)
# (a title line in capitals: `LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15`)
_LAW_NAME = rf"(?:,?\s+(?!(?:{_KIND_NAMES}|số)(?![\p{{L}}]))(?:\p{{Lu}}[\p{{Ll}}\p{{M}}]*|\p{{Lu}}[\p{{Lu}}\p{{M}}]+|[\p{{Ll}}\p{{M}}]+)){{1,10}}?"

MENTION = re.compile(
    rf"{_OPEN}(?P<kind>(?i:{_KIND_WORDS})|(?:{_ABBREVIATED_KIND})(?=\s*:?\s+(?:số|Số|SỐ)\b|\s+\d{{1,5}}(?:/\d{{4}})?[/-]\p{{Lu}}))(?P<name>(?<=(?i:luật)){_LAW_NAME})?"
    # (`tại các Quyết định: Số 652/QĐ-TTg …, số 147/QĐ-TTg`: a plural kind word and a colon;
    # `Chỉ thị s 05/2007/CT-TTg`, `Chương trình hành động sơ 02/CTHĐ-UBND`: `số` lost its letters or its
    # mark, a full symbol follows; `Công văn sô 7681/BKH-TH`: the hook of `số` lost)
    # (`Quyết địnhsố 1781/QĐ-TTg`: a copy glued `số` to the kind word)
    rf"(?:\s*:?\s+(?:(?:số|Số|SỐ)\s*:?\s*){{1,2}}|(?<=\p{{L}})số\s*:?\s*|\s+s[ơoô]?\s+(?=\d{{1,5}}(?:/\d{{4}})?[/-]\p{{Lu}})|\s+)(?P<num>{_SYMBOL}|(?<=(?:số|Số|SỐ)\s*){_NUMBER_YEAR}|(?<=(?:số|Số|SỐ)\s*){_BARE_NUMBER}"
    rf"|(?<=\p{{L}}\s){_LETTERED_NUMBER}|(?<=(?i:nghị quyết|nghị định|quyết định|chỉ thị|kết luận|thông tư|kế hoạch)\s){_UNCODED_NUMBER}"
    rf"|(?<=(?i:nghị quyết|nghị định|quyết định|chỉ thị|kết luận|thông tư) ){_SHORTENED_NUMBER}"
    rf"|(?<=(?i:văn bản|công văn|công điện)\s){_UNCODED_LETTER})"
    rf"(?P<date>\s*{_DATE})?"
)
# a symbol cited without a kind word (`đã phê duyệt tại số 15/QĐ-UBND`): the kind is read from its code
# (a list under a plural kind word opens each item with a capital: `Căn cứ các Quyết định của UBND
# tỉnh: Số 64/2009/QĐ-UBND ngày 05.5.2009 …; Số 34/2012/QĐ-UBND …`; a header's `Số:` takes a colon)
# (an item of a `;` list of such that lost its `số`, dated: `các Nghị quyết của Hội đồng nhân dân tỉnh: số
# 340/NQ-HĐND ngày 22/12/2020 về …; số 160/NQ-HĐND ngày 08/12/2021 về …; 148/NQ-HĐND ngày 26/10/2021 về …`)
BARE_SYMBOL = re.compile(
    rf"(?:(?<=(?<!\p{{L}})số\s{{1,3}}|[:;,]\s{{1,3}}Số\s{{1,3}})|(?<=;\s{{1,3}})(?=[^\s;]{{4,40}}\s+ngày\s*\d))"
    rf"(?<!(?i:phụ lục|mẫu|biểu|điều|khoản|điểm|mục|tiết|phần)\s+số\s{{1,3}})"
    rf"(?P<num>{_SYMBOL})(?P<date>\s*{_DATE})?")
# every BARE_SYMBOL match opens with its number's first digit right after a space (each branch of
# its look-behind ends with `\s`): tried there only (`_bare_symbols`), not at every character
_BARE_START = re.compile(r"(?<=\s)\d")
# more numbers of the same kind: `Nghị quyết số 88/2019/QH14, số 120/2020/QH14 và 121/2020/QH14`
NEXT_SYMBOL = re.compile(rf"\s*(?:,|;|và)\s*(?:số\s+)?(?P<num>{_SYMBOL})(?P<date>\s*{_DATE})?")
# a comma inside a body's name: `Bộ Văn hóa, Thể thao và Du lịch`
_NAME_COMMA = r",\s(?=\p{Lu}\p{Ll}*(?:\s\p{Ll}+){0,2}\svà\s\p{Lu})"
ISSUER = re.compile(
    r"\s*,?\s*của\s+(?P<issuer>\p{Lu}(?:[^,;:.()\n]|" + _NAME_COMMA + r")*?"
    r"(?:\s*\([^)\n]*\)[^,;:.()\n]*?)*)"
    # the words that end the name (lexicon/issuer_ends.tsv), and `và` before no second name
    r"(?=\s+(?:" + "|".join(re.escape(w, literal_spaces=True) for w in lexicon.issuer_ends()) + r"|"
    r"và(?!\s+\p{Lu}))"
    r"(?![\p{L}\p{N}])|\s*(?!" + _NAME_COMMA + r")[,;:.()\n]|\s*$)"
)


def _date_of(m: re.Match) -> str | None:
    if not m.group("date"):
        return None
    return iso_date(m.group("d"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2"))


# A news report puts the date first (`Ngày 03/6/2020, Thủ tướng Chính phủ đã ban hành Quyết định số
# 749/QĐ-TTg`; `…, ngày 13/6/2024 Bộ Y tế đã ban hành Thông tư …`): that is the day the sentence tells
# of, not a date printed at the mention, so the citation stays undated (GUIDELINES; the gold of the real
# sets leaves it null 60 times in 90: 46/69 where the date opens the sentence, 14/21 after a clause).

# (an issuer of at most eight words: a longer run is the document's subject)
_DATE_AFTER_ISSUER = re.compile(rf"\s*,?\s*của\s+\p{{Lu}}[^\s,;:.()\d]*(?:\s+[^\s,;:.()\d]+){{0,7}}?\s*,?\s*{_DATE}")


def _date_after_issuer(clean: str, end: int) -> str | None:
    """`Nghị định số 38/2023/NĐ-CP của Chính phủ ngày 24 tháng 6 năm 2023`: the date written after
    the issuer."""
    m = _DATE_AFTER_ISSUER.match(clean, end)
    return iso_date(m.group("d"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2")) if m else None


def _yearless_date(clean: str, end: int, own: OwnDate) -> tuple[str, int] | None:
    """(ISO date, end) of `ngày 12/4` after a symbol, in the text's own year (the year
    before when the day would fall after the text's own date); a news item that prints no
    date of its own dates it, as its deadlines, in the one year it speaks of (`trong Quý IV
    năm 2017`) or by its school year (`năm học 2019-2020`: January to July in 2020)."""
    m = _YEARLESS_DATE.match(clean, end)
    if not m:
        return None
    year = own.year or _only_year(clean) or _in_school_year(clean, int(m.group("m")))
    if year is None:
        return None
    iso = iso_date(m.group("d"), m.group("m"), year)
    if iso and own.iso and iso > own.iso:
        iso = iso_date(m.group("d"), m.group("m"), own.year - 1)
    return (iso, m.end()) if iso else None


_WHITESPACE = re.compile(r"\s+")


def _symbol(text: str) -> str:
    return _WHITESPACE.sub("", text)


_SYMBOL_BREAK = re.compile(r"[/-]")


def _kind_of_symbol(symbol: str) -> str | None:
    for code in _SYMBOL_BREAK.split(symbol)[1:]:
        if code in CODE_KINDS:
            return CODE_KINDS[code]
    return None


# the body that sent a submission is written before it: `đề nghị của Sở Nội vụ tại Tờ trình số …`
ISSUER_BEFORE = re.compile(
    r"(?:đề nghị|ý kiến|chỉ đạo|hướng dẫn|tham mưu)\s*của\s+(?P<issuer>\p{Lu}[^,;:.()\n]{1,80}?)\s+tại\s*$")


# `(gọi tắt là …)`, `(sau đây viết tắt là …)`: a name given, not the issuer's
_SHORT_NAME_ASIDE = re.compile(r"\s*\((?:gọi tắt|viết tắt|sau đây)[^)]*\)")
_ASIDE = re.compile(r"\s*\(([^)]*)\)")
_ISSUER_DATE = re.compile(r"\s*,?\s+(?i:ngày)\s*\d.*$", re.S)


def _issuer(doc: PlanText, start: int, end: int) -> str | None:
    """The body that issued the document cited at `start:end`: found in the folded view
    (`khoá` reads as `khóa`), its name read from the text as written."""
    m = ISSUER.match(doc.folded, end) or ISSUER_BEFORE.search(doc.folded, max(0, start - 120), start)
    if not m or len(m.group("issuer").split()) > 14:
        return None
    issuer = _SHORT_NAME_ASIDE.sub("", doc.clean[m.start("issuer"):m.end("issuer")])
    issuer = _ISSUER_DATE.sub("", issuer)  # `của Chính phủ ngày 24 tháng 6 năm 2023 sửa đổi …`
    issuer = _ASIDE.sub(lambda p: "" if len(p.group(1).split()) <= 2 else p.group(0), issuer)
    issuer = expand(issuer)
    return issuer or None


def _reference(doc: PlanText, start: int, end: int, number: str, kind: str | None,
               date_iso: str | None) -> Reference:
    span = doc.raw_span(start, end)
    return Reference(number=number, kind=kind, date=date_iso, issuer=_issuer(doc, start, end),
                     text=doc.clean[start:end].strip(), span=span)


# `15/2021/…`: a number with its year but no kind code leaves the kind unknown, not `Công văn`
_NUMBER_AND_YEAR = re.compile(r"\d+/\d{4}/")


def extract_references(doc: PlanText) -> list[Reference]:
    clean = doc.clean
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []  # clean spans already read as a mention

    own: OwnDate | None = None
    kind_starts = _kind_starts(clean)
    for m in _at_kind_words(MENTION, clean, kind_starts):
        kind = _kind_word(m.group("kind"))
        number = _symbol(m.group("num"))
        date_iso, end = _date_of(m) or _date_after_issuer(clean, m.end()), m.end()
        if date_iso is None and _YEARLESS_DATE.match(clean, end):
            own = own or own_date(doc.raw)
            date_iso, end = _yearless_date(clean, end, own) or (None, end)
        listed = [_reference(doc, m.start(), end, number, kind, date_iso)]
        taken.append((m.start(), end))
        pos = end
        # a list of numbers under one kind word cites one document per number
        while nxt := NEXT_SYMBOL.match(clean, pos):
            listed.append(_reference(doc, nxt.start("num"), nxt.end(), _symbol(nxt.group("num")),
                                     kind, _date_of(nxt)))
            taken.append((nxt.start("num"), nxt.end()))
            pos = nxt.end()
        # `… số 88/2019/QH14, số 120/2020/QH14 của Quốc hội`: the issuer written last is everyone's
        if len(listed) > 1 and listed[-1].issuer:
            listed = [r if r.issuer else r.model_copy(update={"issuer": listed[-1].issuer}) for r in listed]
        found.extend(listed)
    # Does a bare symbol overlap a mention? Of the spans starting before its end, the one
    # reaching furthest decides: one bisect, not a scan of every mention.
    taken.sort()
    starts = [x for x, _ in taken]
    reach = list(accumulate((y for _, y in taken), max))
    for m in _bare_symbols(clean):
        before = bisect.bisect_left(starts, m.end())
        if before and reach[before - 1] > m.start():
            continue
        number = _symbol(m.group("num"))
        # an official letter's symbol carries no type code, only the sender's (`5119/UBND-NC`)
        kind = _kind_of_symbol(number) or (None if _NUMBER_AND_YEAR.match(number) else "Công văn")
        found.append(_reference(doc, m.start(), m.end(), number, kind, _date_of(m)))
    # `Thông tư 37/2019/TT-BYT` once cited in full is then `Thông tư 37`: the kind word and
    # the number of a symbol the text has cited (a number of no cited symbol stays unread);
    # so is one cited by `số` and its number alone (`Chỉ thị số 16 của Ban Bí thư` … `Chỉ thị 16`)
    cited = {(r.kind, _NUMBER_PART.match(r.number).group()) for r in found
             if r.kind and _NUMBER_PART.match(r.number) and r.number != _NUMBER_PART.match(r.number).group()}
    cited |= {(r.kind, r.number) for r in found if r.kind and r.number.isdigit() and _BY_NUMBER.search(r.text)}
    if cited:
        for m in _at_kind_words(SHORT_MENTION, clean, kind_starts):
            kind = _kind_word(m.group("kind"))
            if (kind, m.group("num")) not in cited:
                continue
            before = bisect.bisect_left(starts, m.end())
            if before and reach[before - 1] > m.start():
                continue
            found.append(_reference(doc, m.start(), m.end(), m.group("num"), kind, None))
    # A legal database's page of a document opens with the document itself: its title
    # (`Quyết định 1574/QĐ-TTg năm 2025 về …`) and a `Số hiệu | 1574/QĐ-TTg` field name the
    # page's own number, as a header's `Số:` line does; citations of it further down stay.
    # (a page that prints the document whole, `Nghị quyết 38/2012/NQ-HĐND về …` above its header
    # `Số: 38/2012/NQ-HĐND`, names that number in its title lines before the header)
    # A news lead above the copy tells of the document as issued (`Thủ tướng Chính phủ vừa có Quyết định
    # 1677/QĐ-TTg phê duyệt …`): that sentence cites it. Below the header, the title line in capitals
    # (`QUYẾT ĐỊNH 1677/QĐ-TTg`) names the document itself, as `Số:` does.
    own_number = _OWN_NUMBER.search(doc.raw, 0, _OWN_NUMBER_CHARS)
    if own_number:
        number, field_end = _symbol(own_number.group("num")), own_number.end()
        # (a page's title slug prints the codes in capitals: `QUYẾT ĐỊNH 2086/QĐ-TTG NĂM 2016` above `Số: 2086/QĐ-TTg`)
        found = [r for r in found if not (r.number.casefold() == number.casefold() and (
            r.span[0] < field_end and not _TOLD_ISSUED.search(doc.raw, max(0, r.span[0] - 40), r.span[0])
            or r.span[0] >= field_end and _CAPITAL_TITLE_LINE.match(doc.raw, _line_start(doc.raw, r.span[0]))))]
    # A page that copies one article (or chapter) of a document is titled by it (`Điều 22 Thông tư
    # 57/2020/TT-BQP hướng dẫn …`, `Chương III Nghị định 77/2015/NĐ-CP: …`): the title names the
    # page's own document.
    article_page = _ARTICLE_PAGE_TITLE.match(doc.raw)
    if article_page:
        number, title_end = _symbol(article_page.group("num")), article_page.end()
        found = [r for r in found if not (r.number == number and r.span[0] < title_end)]
    return _shared_dates(doc, sorted(found, key=lambda r: r.span))


# `Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013`, `văn bản số 4382/GDĐT-KHTC,
# số 4383/GDĐT-KHTC, số 4384/GDĐT-KHTC ngày 14/12/2018`: documents of one kind and one issuer's
# codes listed (`,`, `và`) before one date (and issuer) were issued together
_AND = re.compile(r"\s*(?:,|\svà)\s+(?:số\s+)?")
_CODES = re.compile(r"^\d{1,5}[a-z]?")


def _shared_dates(doc: PlanText, refs: list[Reference]) -> list[Reference]:
    out = list(refs)
    for n in range(len(out) - 2, -1, -1):
        first, second = out[n], out[n + 1]
        if first.date or not second.date or first.kind != second.kind \
                or not _AND.fullmatch(doc.raw[first.span[1]:second.span[0]]):
            continue
        codes = _CODES.sub("", first.number)
        if codes and codes == _CODES.sub("", second.number):
            out[n] = first.model_copy(update={"date": second.date, "issuer": first.issuer or second.issuer})
    return out


_OWN_NUMBER_CHARS = 2000
# `… vừa có`, `… đã ban hành`, `… ký ban hành` right before the document: a sentence reporting its issue
_TOLD_ISSUED = re.compile(r"(?:\b(?:vừa|đã)[ \t]+(?:có|ký|ban[ \t]+hành)|\bký[ \t]+ban[ \t]+hành|\bban[ \t]+hành)[ \t]+$")
# a line that opens with the kind word in capitals and the number: the document's own title
_CAPITAL_TITLE_LINE = re.compile(rf"[ \t#*]*(?:{'|'.join(re.escape(k.upper()) for k in sorted(KINDS, key=len, reverse=True))})"
                                 rf"[ \t]+(?:SỐ[ \t]*:?[ \t]*)?{_SYMBOL}")


def _line_start(raw: str, at: int) -> int:
    return raw.rfind("\n", 0, at) + 1
# (a page that runs its header into one line prints `Số:` inside it, `… Hạnh phúc -------- Số:
# 941/QĐ-UBND Quảng Ngãi, ngày …`; a citation never writes `Số:` after anything but its kind word)
# (a legal database's attribute table may print both marks: `Số hiệu: | 681/QĐ-TTg |`)
# (a party document's header prints the field without its colon, `Số 219-QĐ/TW` alone on its line)
# (a header may name its kind in the field, `Nghị quyết số: 653/2019/UBTVQH14` alone on its line under
# the issuer; a citation runs on into its date or subject, never a colon and a line end)
_OWN_NUMBER = re.compile(
    rf"(?m)(?:^[ \t|]*(?:Số hiệu[ \t]*:?[ \t]*\|?|Số[ \t]*:|Số(?=[ \t]+{_SYMBOL}[ \t]*$)|(?:{_KIND_NAMES})[ \t]+số[ \t]*:(?=[ \t]*{_SYMBOL}[ \t]*$))|(?<=[^\S\n])(?<!(?:(?i:{_KIND_WORDS})|{_ABBREVIATED_KIND})\s+)Số[ \t]*:)"
    rf"[ \t]*(?P<num>{_SYMBOL})")
_ARTICLE_PAGE_TITLE = re.compile(
    rf"\s*(?:#+[ \t]*)?(?:(?:(?:Khoản|Điểm)[ \t]+\S+[ \t]+)?Điều[ \t]+\d+[a-z]?|Chương[ \t]+(?:[IVXL]+|\d{{1,2}}))[ \t]+"
    rf"(?:{_KIND_NAMES})[ \t]+"
    rf"(?:số[ \t]+)?(?P<num>{_SYMBOL})")
_NUMBER_PART = re.compile(r"\d{1,5}(?=[/-])")
_BY_NUMBER = re.compile(r"\bsố\b", re.I)
SHORT_MENTION = re.compile(
    rf"{_OPEN}(?P<kind>(?i:{_KIND_WORDS}))\s+(?:số\s+)?(?P<num>\d{{1,5}})(?![\p{{L}}\p{{N}}/-])(?![.,]\d)"
    # (`Văn bản 1277 2024 về …`: a page title's slug of the number and year, not a mention)
    r"(?!\s+(?:19|20)\d\d\b)")
