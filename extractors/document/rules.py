"""Plan metadata: what the plan is, who issued it, where and when, and what it carries out.

A Vietnamese administrative document opens with header cells (issuing body,
`Số: 379/KH-UBND`, the national motto, `Thái Nguyên, ngày … tháng … năm …`),
then its kind in capitals (`KẾ HOẠCH`), its subject line(s), and a preamble
(`Thực hiện …; Căn cứ …; xét đề nghị của …, UBND xã X ban hành Kế hoạch …
như sau:`) before the first numbered section. Portal copies put the header
cells on one line with `|` (the clean view turns them into lines); excerpts may
have no header at all, which leaves the fields empty.

Decisions: a draft's blank number (`Số: /KH-UBND`) gives `number = None` and
keeps the printed symbol in `symbol`; a header date with blanks (`ngày tháng 6
năm 2022`) gives `date = None` and what is known in `date_partial` (`2022-06`).
"""
from __future__ import annotations

import regex as re

from extractors import lexicon
from extractors.agencies.names import expand
from extractors.models import DocumentInfo, Level, Reference
from extractors.references.rules import iso_date
from extractors.outline.sections import MARKER
from extractors.text import Paragraph, PlanText

DOC_KINDS = {
    "KẾ HOẠCH": "Kế hoạch",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động",
    "CHƯƠNG TRÌNH": "Chương trình",
    "ĐỀ ÁN": "Đề án",
    "QUYẾT ĐỊNH": "Quyết định",
    "NGHỊ QUYẾT": "Nghị quyết",
    "CHỈ THỊ": "Chỉ thị",
    "HƯỚNG DẪN": "Hướng dẫn",
    "KẾT LUẬN": "Kết luận",
    "THÔNG BÁO": "Thông báo",
    "BÁO CÁO": "Báo cáo",
    "ĐỀ CƯƠNG": "Đề cương",
}
KIND_HEADING = re.compile(r"^(?:" + "|".join(sorted(DOC_KINDS, key=len, reverse=True)) + r")$")
SYMBOL_KINDS = lexicon.document_kinds()

NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<sym>\d*\s*[/-]\s*\p{Lu}[\p{L}\p{N}&/-]*|\d+[/-]\p{Lu}[\p{L}\p{N}&/-]*)")
_BLANK = r"[\s._…]*"
PLACE_DATE = re.compile(
    rf"^(?P<place>\p{{Lu}}[\p{{L}}.' -]{{1,40}}?)\s*,\s*ngày\s*(?:(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})"
    rf"\s*[/.-]\s*(?P<y>\d{{4}})|(?P<d2>\d{{1,2}})?{_BLANK}tháng\s*(?P<m2>\d{{1,2}})?{_BLANK}năm\s*(?P<y2>\d{{4}})?)")
MOTTO = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM", re.IGNORECASE)

_BODY = (r"(?:Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Quận ủy|"
         r"Thị ủy|Đảng ủy|Đảng uỷ|Đảng bộ|Ban|BCH|BTV|Bộ|Sở|Chính phủ|Thủ tướng|Quốc hội|Văn phòng|Chi bộ)")
BODY_LINE = re.compile(rf"^(?i:{_BODY})(?![\p{{L}}])")
LEVEL_WORD = r"(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|quận|thị xã|đặc khu)"
# `UBND xã Bạch Thông ban hành Kế hoạch`, `Huyện ủy Bảo Yên xây dựng Kế hoạch`
PREAMBLE_ISSUER = re.compile(
    rf"(?:^|[,;:)]\s*|\.\s+)(?P<issuer>{_BODY}(?![\p{{L}}])[^,;:()\n]{{0,80}}?)\s+"
    r"(?:xây dựng và ban hành|ban hành|xây dựng|phê duyệt)\s+"
    r"(?:Kế hoạch|Chương trình hành động|Chương trình|Đề án|Quyết định|Hướng dẫn)\b",
    re.MULTILINE)
TRIGGER = re.compile(r"^\s*(?i:Căn cứ|Thực hiện|Triển khai|Thi hành|Tiếp tục thực hiện|Để triển khai|"
                     r"Nhằm triển khai|Nhằm thực hiện|Để thực hiện|Quán triệt)\b"
                     r"|(?<=\s)(?:Căn cứ|Thực hiện|Triển khai thực hiện|Thi hành)\s")
NOT_IMPLEMENTED = re.compile(r"đề nghị|ý kiến|xét\s", re.IGNORECASE)
# a preamble glued onto the title when a portal copy has no blank line between them
TITLE_CUT = re.compile(r"(?<=\S)\s+(?=(?:Căn cứ|Thực hiện|Triển khai thực hiện|Thi hành|Xét đề nghị|"
                       r"Theo đề nghị)\s)")
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
# words an all-caps header keeps capitalised when it is written in running case
PROPER_PHRASES = {"ban thường vụ": "Ban Thường vụ", "ban chấp hành": "Ban Chấp hành", "đảng": "Đảng",
                  "mặt trận tổ quốc": "Mặt trận Tổ quốc", "chính phủ": "Chính phủ", "quốc hội": "Quốc hội",
                  "trung ương": "Trung ương", "bộ chính trị": "Bộ Chính trị", "việt nam": "Việt Nam",
                  "tỉnh ủy": "Tỉnh ủy", "huyện ủy": "Huyện ủy", "thành ủy": "Thành ủy", "quận ủy": "Quận ủy",
                  "thị ủy": "Thị ủy"}


_KIND_CAPS = "|".join(sorted(DOC_KINDS, key=len, reverse=True))
# header cells that a copy without blank lines runs together: `… Hạnh phúc Số: 45/KH-SNV`,
# `… năm 2026 KẾ HOẠCH`, `KẾ HOẠCH Tổ chức thi tuyển …`
CELL_BREAK = re.compile(
    rf"\s+(?=Số\s*:|Số\s+\d+[/-])"
    rf"|(?<!(?<![\p{{L}}])\p{{Lu}}\p{{Ll}}+)\s+(?=\p{{Lu}}\p{{Ll}}*(?:\s\p{{Lu}}\p{{Ll}}*){{0,3}},\s*ngày\s)"
    rf"|\s+(?=(?:{_KIND_CAPS})(?:\s+\p{{Lu}}?\p{{Ll}}|\s*$))"
    rf"|(?<=^(?:{_KIND_CAPS}))\s+(?=\p{{Lu}}?\p{{Ll}})")


def _cells(p: Paragraph) -> list[Paragraph]:
    out, start = [], 0
    for m in CELL_BREAK.finditer(p.text):
        if m.start() > start:
            out.append(Paragraph(p.start + start, p.start + m.start(), p.text[start:m.start()]))
        start = m.end()
    out.append(Paragraph(p.start + start, p.end, p.text[start:]))
    return [c for c in out if c.text.strip()]


def _header_and_rest(doc: PlanText) -> tuple[list[Paragraph], Paragraph | None, list[Paragraph]]:
    """Header lines before the kind heading, the heading, and the lines up to the
    first numbered section (preamble). Without a heading everything before the first
    section is both header and preamble."""
    paras = [p for p in doc.paragraphs if not p.footnote]
    first_section = next((i for i, p in enumerate(paras) if MARKER.match(p.text)), len(paras))
    top = [c for p in paras[:first_section] for c in _cells(p)]
    for i, p in enumerate(top):
        if KIND_HEADING.match(p.text.strip()):
            return top[:i], p, top[i + 1:]
    return top[:12], None, top


def _running_case(caps: str) -> str:
    """`ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN` -> `Ủy ban nhân dân tỉnh Thái Nguyên`: common words
    lower case, the place name after the last level word capitalised."""
    words = caps.lower().split()
    last_level = -1
    for i, w in enumerate(words):
        two = " ".join(words[i:i + 2])
        if two == "xã hội":
            continue
        if w in ("tỉnh", "huyện", "xã", "phường", "quận") or two in ("thành phố", "thị xã", "thị trấn", "đặc khu") \
                or (w in ("ủy", "uỷ") and i > 0 and words[i - 1] in ("tỉnh", "huyện", "thành", "quận", "thị", "đảng")):
            last_level = i + (1 if two in ("thành phố", "thị xã", "thị trấn", "đặc khu") else 0)
    out = [w.capitalize() if i > last_level >= 0 else w for i, w in enumerate(words)]
    if words and words[0] in ("sở", "bộ", "ban", "phòng", "cục", "chi"):
        # `Sở Giáo dục và Đào tạo`, `Bộ Lao động - Thương binh và Xã hội`: each field named opens capitalised
        head = 2 if words[0] == "chi" else 1
        for i in range(head, len(out) if last_level < 0 else last_level):
            if i == head or words[i - 1] in ("và", "-") or words[i - 1].endswith(","):
                out[i] = out[i].capitalize()
    text = " ".join(out)
    for phrase, proper in PROPER_PHRASES.items():
        text = re.sub(rf"(?<![\p{{L}}]){phrase}(?![\p{{L}}])", proper, text)
    return text[:1].upper() + text[1:]


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _header_issuer(header: list[Paragraph], caps_only: bool) -> str | None:
    """The lowest body named in the header cells (`TỈNH ỦY LÀO CAI` / `HUYỆN ỦY BẢO YÊN` ->
    the Huyện ủy). Without a kind heading only capitalised cells count: a line of running
    text that starts with `Sở …` is not a header."""
    lines = [p.text.strip() for p in header if not caps_only or _all_caps(p.text)]
    bodies: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if BODY_LINE.match(line) and not MOTTO.search(line) and len(line.split()) <= 14 \
                and not re.match(r"^Số\b", line):
            if not re.search(rf"(?i:{LEVEL_WORD}|(?:tỉnh|huyện|thành|quận|thị|đảng) (?:ủy|uỷ))", expand(line)) \
                    and i + 1 < len(lines) \
                    and re.match(rf"(?i:{LEVEL_WORD})\s", lines[i + 1]):
                line = f"{line} {lines[i + 1]}"
                i += 1
            bodies.append(line)
        i += 1
    if not bodies:
        return None
    body = expand(bodies[-1])
    return expand(_running_case(body)) if _all_caps(bodies[-1]) else body


def _preamble_issuer(preamble: str) -> str | None:
    m = PREAMBLE_ISSUER.search(preamble)
    return expand(m.group("issuer")) if m else None


def _complete(issuer: str, preamble: str, place: str | None) -> str:
    """`Ủy ban nhân dân tỉnh` names its place elsewhere: `trên địa bàn tỉnh Đắk Lắk`, or the
    place line of the header."""
    m = re.search(rf"(?<![\p{{L}}])({LEVEL_WORD})$", issuer)
    if not m:
        return issuer
    level = m.group(1)
    named = re.search(rf"(?<![\p{{L}}]){level}\s+((?:\p{{Lu}}[\p{{Ll}}\p{{M}}]*\s?){{1,4}})", preamble)
    if named:
        return f"{issuer} {named.group(1).strip()}"
    return f"{issuer} {place}" if place else issuer


def level_of(issuer: str | None) -> Level:
    if not issuer:
        return "unknown"
    s = issuer.casefold().replace("uỷ", "ủy")
    if re.search(r"(?<!\p{L})(?:tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy|đảng ủy|đảng bộ|chi bộ|ban thường vụ|"
                 r"ban chấp hành|bộ chính trị|ban bí thư)(?!\p{L})", s):
        return "party committee"
    if re.match(r"(?:chính phủ|thủ tướng|quốc hội|bộ |ủy ban dân tộc|ủy ban thường vụ quốc hội|văn phòng chính phủ)", s):
        return "national"
    if re.search(r"(?<!\p{L})(?<!thị )(?:xã|phường|thị trấn|đặc khu)(?!\p{L})", s):
        return "commune"
    if re.search(r"(?<!\p{L})thành phố\s+(?:" + "|".join(c.casefold() for c in CENTRAL_CITIES) + r")", s):
        return "province"
    if re.search(r"(?<!\p{L})(?:huyện|quận|thị xã|thành phố)(?!\p{L})", s):
        return "district"
    if re.search(r"(?<!\p{L})tỉnh(?!\p{L})", s) or s.startswith("sở "):
        return "province"
    return "unknown"


def _title(rest: list[Paragraph]) -> str:
    for p in rest:
        text = p.text.strip()
        if not re.search(r"\p{L}", text):
            continue  # a rule line under the title
        cut = TITLE_CUT.search(text)
        if cut:
            return re.sub(r"\s+", " ", text[: cut.start()]).strip()
        if re.search(r"như sau\s*:?\s*$", text) or re.search(
                r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|Đề án)", text) or re.match(r"(?i:Căn cứ)\b", text):
            return ""
        return re.sub(r"\s+", " ", text).strip()
    return ""


def _implements(doc: PlanText, start: int, end: int, references: list[Reference]) -> list[Reference]:
    """References in the preamble that the plan carries out: clauses opened by `Thực hiện`,
    `Căn cứ`, … (a clause without an opener continues the list above it); a submission
    (`theo đề nghị của … tại Tờ trình …`) is not carried out."""
    out: dict[str, Reference] = {}
    for ref in references:
        pos = doc.clean_pos(ref.span[0])
        if not (start <= pos < end) or not ref.number:
            continue
        mode = False
        para_start = doc.clean.rfind("\n", start, pos) + 1
        for clause in re.split(r"[;]|\.\s", doc.clean[max(para_start, start):pos]):
            if TRIGGER.search(clause):
                mode = True
        last_clause = re.split(r"[;]|\.\s", doc.clean[max(para_start, start):pos])[-1]
        if not mode or NOT_IMPLEMENTED.search(last_clause):
            continue
        if ref.number in out:
            known = out[ref.number]
            out[ref.number] = known.model_copy(update={"date": known.date or ref.date,
                                                       "issuer": known.issuer or ref.issuer})
        else:
            out[ref.number] = ref
    return list(out.values())


def extract_document(doc: PlanText, references: list[Reference]) -> DocumentInfo:
    header, heading, rest = _header_and_rest(doc)
    info: dict = {}
    if heading is not None:
        info["kind"] = DOC_KINDS[heading.text.strip()]
        info["title"] = _title(rest)
    for p in header:
        text = p.text.strip()
        if "symbol" not in info and (m := NUMBER_LINE.match(text)):
            symbol = re.sub(r"\s+", "", m.group("sym"))
            info["symbol"] = symbol
            info["number"] = symbol if symbol[:1].isdigit() else None
        if "place" not in info and (m := PLACE_DATE.match(text)):
            info["place"] = m.group("place").strip()
            d, mo, y = m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2")
            if d and mo and y:
                info["date"] = iso_date(d, mo, y)
            elif y:
                info["date_partial"] = f"{y}-{int(mo):02d}" if mo else y
    preamble_start = rest[0].start if rest else (heading.end if heading else 0)
    preamble_end = rest[-1].end if rest else preamble_start
    if heading is not None:
        preamble_start = heading.end
    preamble = doc.clean[preamble_start:preamble_end]
    issuer = _header_issuer(header, caps_only=heading is None) or _preamble_issuer(preamble)
    if issuer:
        issuer = _complete(issuer, preamble, info.get("place"))
    info["issuer"] = issuer
    info["level"] = level_of(issuer)
    if "kind" not in info:
        codes = re.split(r"[/-]", info.get("symbol") or "")
        kind = next((SYMBOL_KINDS[c] for c in codes if c in SYMBOL_KINDS), None)
        if not kind and (m := PREAMBLE_ISSUER.search(preamble)):
            kind = re.search(r"(Kế hoạch|Chương trình hành động|Chương trình|Đề án|Quyết định|Hướng dẫn)$",
                             m.group(0)).group(1)
        info["kind"] = kind
    info["implements"] = _implements(doc, preamble_start, preamble_end, references)
    return DocumentInfo(**info)
