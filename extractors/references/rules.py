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
from itertools import accumulate

import regex as re

from extractors import lexicon
from extractors.agencies.names import expand
from extractors.grammar.dates import dmy, iso_date
from extractors.models import Reference
from extractors.text import PlanText

# kind words as written (any case) -> the kind as catalogued; longest first when matched
KINDS: dict[str, str] = {
    "quyết định": "Quyết định",
    "nghị quyết liên tịch": "Nghị quyết liên tịch",
    "nghị quyết": "Nghị quyết",
    "chỉ thị": "Chỉ thị",
    "kế hoạch": "Kế hoạch",
    "thông tư liên tịch": "Thông tư liên tịch",
    "thông tư": "Thông tư",
    "nghị định": "Nghị định",
    "công văn": "Công văn",
    "văn bản": "Văn bản",
    "kết luận": "Kết luận",
    "tờ trình": "Tờ trình",
    "bộ luật": "Bộ luật",
    "luật": "Luật",
    "pháp lệnh": "Pháp lệnh",
    "đề án": "Đề án",
    "chương trình hành động": "Chương trình hành động",
    "chương trình": "Chương trình",
    "thông báo kết luận": "Thông báo kết luận",
    "thông báo": "Thông báo",
    "hướng dẫn": "Hướng dẫn",
    "quy định": "Quy định",
    "quy chế": "Quy chế",
    "công điện": "Công điện",
    "báo cáo": "Báo cáo",
    "chiến lược": "Chiến lược",
}

# type code inside a symbol -> kind, for a symbol cited without its kind word (`số 12/QĐ-UBND`)
CODE_KINDS: dict[str, str] = lexicon.document_kinds()

_KIND_WORDS = "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True))
_KIND_NAMES = "|".join(re.escape(k) for k in sorted(set(KINDS.values()), key=len, reverse=True))
# the number (and year) of a symbol, then its codes: `470/QĐ-TTg`, `88/2019/QH14`, `28 -CT/TU`
# (a line break inside a symbol, `470/QĐ-` / `TTg`, reads as a space after the separator)
_SYMBOL = (r"\d{1,5}(?:/\d{4})?\s?[/-]\s?\p{Lu}[\p{L}\p{N}&]*(?:[/-]\s?[\p{Lu}\p{N}][\p{L}\p{N}&]*)*"
           r"(?<![-/])(?:\(\p{Lu}{1,4}\))?")
_BARE_NUMBER = r"\d{1,5}(?=\s*(?:,\s*)?(?:ngày|của|ban hành)\b)"
_DATE = rf"(?:,\s*)?(?:ban hành\s+)?(?i:ngày)\s+{dmy(words=('m2', 'y2'))}"
# a law may carry its name between the kind word and the number (`Luật Đất đai số 31/2024/QH15`)
_LAW_NAME = rf"(?:,?\s+(?!(?:{_KIND_NAMES}|số)(?![\p{{L}}]))(?:\p{{Lu}}[\p{{Ll}}\p{{M}}]*|[\p{{Ll}}\p{{M}}]+)){{1,10}}?"

MENTION = re.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<kind>(?i:{_KIND_WORDS}))(?P<name>(?<=(?i:luật)){_LAW_NAME})?"
    rf"(?:\s+(?:số|Số|SỐ)\s*:?\s*|\s+)(?P<num>{_SYMBOL}|(?<=(?:số|Số|SỐ)\s*){_BARE_NUMBER})"
    rf"(?P<date>\s*{_DATE})?"
)
# a symbol cited without a kind word (`đã phê duyệt tại số 15/QĐ-UBND`): the kind is read from its code
BARE_SYMBOL = re.compile(
    rf"(?<=(?<!\p{{L}})số\s{{1,3}})(?<!(?i:phụ lục|mẫu|biểu|điều|khoản|điểm|mục|tiết|phần)\s+số\s{{1,3}})"
    rf"(?P<num>{_SYMBOL})(?P<date>\s*{_DATE})?")
# more numbers of the same kind: `Nghị quyết số 88/2019/QH14, số 120/2020/QH14 và 121/2020/QH14`
NEXT_SYMBOL = re.compile(rf"\s*(?:,|;|và)\s*(?:số\s+)?(?P<num>{_SYMBOL})(?P<date>\s*{_DATE})?")
# a comma inside a body's name: `Bộ Văn hóa, Thể thao và Du lịch`
_NAME_COMMA = r",\s(?=\p{Lu}\p{Ll}*(?:\s\p{Ll}+){0,2}\svà\s\p{Lu})"
ISSUER = re.compile(
    r"\s*,?\s*của\s+(?P<issuer>\p{Lu}(?:[^,;:.()\n]|" + _NAME_COMMA + r")*?"
    r"(?:\s*\([^)\n]*\)[^,;:.()\n]*?)*)"
    r"(?=\s+(?:về|phê duyệt|ban hành|quy định|hướng dẫn|triển khai|thực hiện|tại|theo|trên|đối với|"
    r"và(?!\s+\p{Lu})|"
    r"nhằm|đã|để|kèm theo|khóa|khoá|phù hợp|đáp ứng|bảo đảm|đảm bảo|trong|đến|cho|gồm|là|được|có)"
    r"(?![\p{L}\p{N}])|\s*(?!" + _NAME_COMMA + r")[,;:.()\n]|\s*$)"
)


def _date_of(m: re.Match) -> str | None:
    if not m.group("date"):
        return None
    return iso_date(m.group("d"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2"))


# news reports put the date first: `Ngày 03/6/2020, Thủ tướng Chính phủ đã ban hành Quyết định số 749/QĐ-TTg`
_DATE_BEFORE = re.compile(
    rf"(?:^|(?<=[.;:\n]\s*))(?i:ngày)\s+{dmy()}\s*,"
    r"[^.;:\n]{0,80}?\b(?:đã\s+)?(?:ban hành|ký(?:\s+ban hành)?)\s+$")


def _date_before(clean: str, start: int) -> str | None:
    m = _DATE_BEFORE.search(clean, max(0, start - 130), start)
    return iso_date(m.group("d"), m.group("m"), m.group("y")) if m else None


_SYMBOL_RE1 = re.compile(r"\s+")


def _symbol(text: str) -> str:
    return _SYMBOL_RE1.sub("", text)


_KIND_OF_SYMBOL_RE1 = re.compile(r"[/-]")


def _kind_of_symbol(symbol: str) -> str | None:
    for code in _KIND_OF_SYMBOL_RE1.split(symbol)[1:]:
        if code in CODE_KINDS:
            return CODE_KINDS[code]
    return None


# the body that sent a submission is written before it: `đề nghị của Sở Nội vụ tại Tờ trình số …`
ISSUER_BEFORE = re.compile(
    r"(?:đề nghị|ý kiến|chỉ đạo|hướng dẫn|tham mưu)\s*của\s+(?P<issuer>\p{Lu}[^,;:.()\n]{1,80}?)\s+tại\s*$")


_ISSUER_RE1 = re.compile(r"\s*\((?:gọi tắt|viết tắt|sau đây)[^)]*\)")
_ISSUER_RE2 = re.compile(r"\s*\(([^)]*)\)")


def _issuer(clean: str, start: int, end: int) -> str | None:
    m = ISSUER.match(clean, end) or ISSUER_BEFORE.search(clean, max(0, start - 120), start)
    if not m or len(m.group("issuer").split()) > 14:
        return None
    issuer = _ISSUER_RE1.sub("", m.group("issuer"))
    issuer = _ISSUER_RE2.sub(lambda p: "" if len(p.group(1).split()) <= 2 else p.group(0), issuer)
    issuer = expand(issuer)
    return issuer or None


def _reference(doc: PlanText, start: int, end: int, number: str, kind: str | None,
               date_iso: str | None) -> Reference:
    span = doc.raw_span(start, end)
    return Reference(number=number, kind=kind, date=date_iso, issuer=_issuer(doc.clean, start, end),
                     text=doc.clean[start:end].strip(), span=span)


_EXTRACT_REFERENCES_RE1 = re.compile(r"\d+/\d{4}/")


def extract_references(doc: PlanText) -> list[Reference]:
    clean = doc.clean
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []  # clean spans already read as a mention

    for m in MENTION.finditer(clean):
        kind = KINDS[m.group("kind").casefold()]
        number = _symbol(m.group("num"))
        date_iso = _date_of(m) or _date_before(clean, m.start())
        listed = [_reference(doc, m.start(), m.end(), number, kind, date_iso)]
        taken.append((m.start(), m.end()))
        pos = m.end()
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
    for m in BARE_SYMBOL.finditer(clean):
        before = bisect.bisect_left(starts, m.end())
        if before and reach[before - 1] > m.start():
            continue
        number = _symbol(m.group("num"))
        # an official letter's symbol carries no type code, only the sender's (`5119/UBND-NC`)
        kind = _kind_of_symbol(number) or (None if _EXTRACT_REFERENCES_RE1.match(number) else "Công văn")
        found.append(_reference(doc, m.start(), m.end(), number, kind, _date_of(m)))
    return sorted(found, key=lambda r: r.span)
