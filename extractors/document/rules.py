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
from extractors.grammar.dates import PLACE_DATE, header_date, iso_date, own_date
from extractors.grammar.markers import MARKER
from extractors.text import Paragraph, PlanText, fold, split_folded

DOC_KINDS = {
    "KẾ HOẠCH HÀNH ĐỘNG": "Kế hoạch hành động",
    "KẾ HOẠCH": "Kế hoạch",
    "CÔNG VĂN": "Công văn",
    "TỜ TRÌNH": "Tờ trình",
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

# `Số: 12/2016/CT-UBND`, `Số: 45/2019/QH14`, `Số: 102/2003/QĐ.TTg`, `Số: 18 /KH - UBND`, `Số 45-KH/HU`,
# `Số: /KH-UBND` (a draft's blank number); the symbol may sit on the line after `Số:`
NUMBER_LINE = re.compile(r"^Số\s*(?:hiệu\s*)?:?\s*(?P<sym>\d*[\p{Ll}]?\s*[/-]\s*[\p{Lu}\d][\p{L}\p{N}&.()/-]*"
                         r"(?:\s*[/-]\s*[\p{Lu}\d][\p{L}\p{N}&.()/-]*)*|\d+[\p{Ll}]?[/-]\p{Lu}[\p{L}\p{N}&./-]*)")
# The patterns below read the folded view (`fold`: `Uỷ ban` is `Ủy ban`, `HOÀ` is `HÒA`), so
# each lists the new spelling only; a name they find is sliced from the text as written.
MOTTO = re.compile(r"CỘNG HÒA|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM", re.IGNORECASE)

_BODY = (r"(?:Ủy ban|UBND|HĐND|Hội đồng|Tỉnh ủy|Huyện ủy|Thành ủy|Quận ủy|"
         r"Thị ủy|Đảng ủy|Đảng bộ|Ban|BCH|BTV|Bộ|Sở|Chính phủ|Thủ tướng|Quốc hội|Văn phòng|Chi bộ)")
BODY_LINE = re.compile(rf"^(?i:{_BODY})(?![\p{{L}}])")
# the issuer's level (lexicon/level_words.tsv)
_LEVELS = lexicon.level_words("document")
LEVEL_WORD = rf"(?:{'|'.join(_LEVELS)})"
# `UBND xã Bạch Thông ban hành Kế hoạch`, `Huyện ủy Bảo Yên xây dựng Kế hoạch`
PREAMBLE_ISSUER = re.compile(
    rf"(?:^|[,;:)]\s*|\.\s+)(?P<issuer>{_BODY}(?![\p{{L}}])[^,;:()\n]{{0,80}}?)\s+"
    r"(?i:xây dựng và ban hành|ban hành|xây dựng|phê duyệt)\s+"  # `Ủy ban nhân dân huyện Xây dựng Kế hoạch`
    r"(?:Kế hoạch|Chương trình hành động|Chương trình|Đề án|Quyết định|Hướng dẫn)\b",
    re.MULTILINE)
TRIGGER = re.compile(r"^\s*(?i:Căn cứ|Thực hiện|Triển khai|Thi hành|Tiếp tục thực hiện|Để triển khai|"
                     r"Nhằm triển khai|Nhằm thực hiện|Để thực hiện|Quán triệt)\b"
                     r"|(?<=\s)(?:Căn cứ|Thực hiện|Triển khai thực hiện|Thi hành)\s")
NOT_IMPLEMENTED = re.compile(r"đề nghị|đề xuất|ý kiến|xét\s", re.IGNORECASE)
# a preamble glued onto the title when a portal copy has no blank line between them
TITLE_CUT = re.compile(r"(?<=\S)\s+(?=(?:Căn cứ|Thực hiện|Triển khai thực hiện|Thi hành|Xét đề nghị|"
                       r"Theo đề nghị)\s|\(\s*(?:Ban hành\s+)?(?i:kèm theo)\s)")
# a plan issued with a decision names it under its title: `(Kèm theo Quyết định số: 934/QĐ-UBND ngày
# 20/6/2013 của UBND tỉnh)`, `(Ban hành kèm theo Quyết định số1294 /QĐ-BYT ngày19 tháng 5 năm 2022 của
# Bộ trưởng Bộ Y tế)`, `(Theo Quyết định số 1/QĐ-UBND … của UBND tỉnh)`; the plan is that body's,
# and of that day when it is issued with it (`kèm theo`)
ATTACHED_TO = re.compile(
    r"\(\s*(?P<how>(?:Ban hành\s+)?(?i:kèm theo)|Theo)\s+(?:Quyết định|Nghị quyết|Chỉ thị)\s*(?:số)?\s*:?\s*"
    r"[\w./ -]{1,30}?\s*ngày\s*(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:năm|/|-|\.)\s*(?P<y>\d{4})"
    r"\s*(?:của\s+(?P<body>[^()]{3,80}?))?\s*\)")
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
    rf"\s+(?=Số\s*:|Số\s+\d+[/-]|V/v\s|Kính gửi|CỘNG HÒA)"
    rf"|(?<!(?<![\p{{L}}])\p{{Lu}}\p{{Ll}}+)\s+(?=\p{{Lu}}\p{{Ll}}*(?:\s\p{{Lu}}\p{{Ll}}*){{0,3}},\s*ngày\s)"
    rf"|\s+(?=(?:{_KIND_CAPS})(?:\s+\p{{Lu}}?\p{{Ll}}|\s*$))"
    rf"|(?<=^(?:{_KIND_CAPS}))\s+(?=\p{{Lu}}?\p{{Ll}})")


def _cells(p: Paragraph) -> list[Paragraph]:
    out, start = [], 0
    for m in CELL_BREAK.finditer(p.folded):
        if m.start() > start:
            out.append(Paragraph(p.start + start, p.start + m.start(), p.text[start:m.start()]))
        start = m.end()
    out.append(Paragraph(p.start + start, p.end, p.text[start:]))
    return [c for c in out if c.text.strip()]


def _top_cells(doc: PlanText) -> tuple[list[Paragraph], int, list[Paragraph]]:
    """The body's paragraphs, where the first numbered section is among them, and the header
    cells of the lines before it (cut once a plan: the header and the scan both read them)."""
    paras = [p for p in doc.paragraphs if not p.footnote]
    first_section = next((i for i, p in enumerate(paras) if MARKER.match(p.text)), len(paras))
    return paras, first_section, [c for p in paras[:first_section] for c in _cells(p)]


def _header_and_rest(top: list[Paragraph]) -> tuple[list[Paragraph], Paragraph | None, list[Paragraph]]:
    """Header lines before the kind heading, the heading, and the lines up to the
    first numbered section (preamble), of the top cells. Without a heading everything
    before the first section is both header and preamble."""
    for i, p in enumerate(top):
        if KIND_HEADING.match(p.text.strip()):
            return top[:i], p, top[i + 1:]
        # a PDF line break inside the kind word (`QUYẾT` / `ĐỊNH`)
        if i + 1 < len(top) and KIND_HEADING.match(f"{p.text.strip()} {top[i + 1].text.strip()}"):
            joined = Paragraph(p.start, top[i + 1].end, f"{p.text.strip()} {top[i + 1].text.strip()}")
            return top[:i], joined, top[i + 2:]
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
        if w in _LEVELS or two in _LEVELS \
                or (fold(w) == "ủy" and i > 0 and words[i - 1] in ("tỉnh", "huyện", "thành", "quận", "thị", "đảng")):
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


_NUMBER_LINE_OPENING = re.compile(r"^Số\b")
_LEVEL_WORD_OPENING = re.compile(rf"(?i:{LEVEL_WORD})\s")
# a header line with no level of its own runs on to the next: `ỦY BAN NHÂN DÂN` / `XÃ NHÂN KHANG`
_LEVEL_OR_COMMITTEE = re.compile(rf"(?i:{LEVEL_WORD}|(?:tỉnh|huyện|thành|quận|thị|đảng) ủy)")


_MOTTO_CELL = re.compile(r"^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)$")
_STEERING = re.compile(r"^BCĐ(?=\s)")


def _header_issuer(header: list[Paragraph], caps_only: bool) -> str | None:
    """The lowest body named in the header cells (`TỈNH ỦY LÀO CAI` / `HUYỆN ỦY BẢO YÊN` ->
    the Huyện ủy). Without a kind heading only capitalised cells count: a line of running
    text that starts with `Sở …` is not a header."""
    # the motto cell a flattened copy puts between the two lines of the left cell (`BCĐ XÂY DỰNG NÔNG
    # THÔN MỚI` / `ĐẢNG CỘNG SẢN VIỆT NAM` / `XÃ NHÂN KHANG`) is not part of it
    lines = [_STEERING.sub("BAN CHỈ ĐẠO", p.text.strip()) for p in header
             if (not caps_only or _all_caps(p.text)) and not _MOTTO_CELL.match(p.folded.strip())]
    bodies: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if BODY_LINE.match(fold(line)) and not MOTTO.search(fold(line)) and len(line.split()) <= 14 \
                and not _NUMBER_LINE_OPENING.match(line):
            if not _LEVEL_OR_COMMITTEE.search(fold(expand(line))) \
                    and i + 1 < len(lines) \
                    and _LEVEL_WORD_OPENING.match(lines[i + 1]):
                line = f"{line} {lines[i + 1]}"
                i += 1
            bodies.append(line)
        i += 1
    if not bodies:
        return None
    body = expand(bodies[-1])
    return expand(_running_case(body)) if _all_caps(bodies[-1]) else body


def _attached_issuer(attached, text: str, title: str = "") -> str | None:
    """The body of the decision a plan is issued with, its place named where the text names it,
    or where its title in capitals does (`… TRÊN ĐỊA BÀN TỈNH BẮC KẠN, GIAI ĐOẠN …`)."""
    if not attached or not attached.group("body"):
        return None
    issuer = expand(_PERSON_TITLE.sub("", _WHITESPACE.sub(" ", attached.group("body")).strip()))
    if lv := _LEVEL_WORD_AT_END.search(issuer):
        place = _named_place(lv.group(1), text)
        caps = re.search(rf"(?<![\p{{L}}]){lv.group(1).upper()}\s+((?:\p{{Lu}}+\s?){{1,4}})", title)
        if not place and caps:
            place = " ".join(w.capitalize() for w in caps.group(1).split())
        if place:
            issuer = f"{issuer} {place}"
    return issuer


def _preamble_issuer(preamble: str) -> str | None:
    m = PREAMBLE_ISSUER.search(fold(preamble))
    return expand(preamble[m.start("issuer"):m.end("issuer")]) if m else None


_LEVEL_WORD_AT_END = re.compile(rf"(?<![\p{{L}}])({LEVEL_WORD})$")


def _complete(issuer: str, preamble: str, place: str | None) -> str:
    """`Ủy ban nhân dân tỉnh` names its place elsewhere: `trên địa bàn tỉnh Đắk Lắk`, or the
    place line of the header."""
    m = _LEVEL_WORD_AT_END.search(issuer)
    if not m:
        return issuer
    named = _named_place(m.group(1), preamble)
    if named:
        return f"{issuer} {named}"
    return f"{issuer} {place}" if place else issuer


# a ministry, the Government Office, a central steering committee: central, below the Government
MINISTRY: Level = "ministry"


_PARTY_BODY = re.compile(r"(?<!\p{L})(?:tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy|đảng ủy|đảng bộ|chi bộ|ban thường vụ|"
               r"ban chấp hành|bộ chính trị|ban bí thư)(?!\p{L})")
_MINISTRY_BODY = re.compile(r"(?:bộ |bộ trưởng|ủy ban dân tộc|văn phòng chính phủ|ban chỉ đạo .*trung ương)")
_NATIONAL_BODY = re.compile(r"(?:chính phủ|thủ tướng|quốc hội|ủy ban thường vụ quốc hội)")
_COMMUNE_WORD = re.compile(r"(?<!\p{L})(?<!thị )(?:xã|phường|thị trấn|đặc khu)(?!\p{L})")
_DISTRICT_WORD = re.compile(r"(?<!\p{L})(?:huyện|quận|thị xã|thành phố)(?!\p{L})")
_PROVINCE_WORD = re.compile(r"(?<!\p{L})tỉnh(?!\p{L})")


_CITY_WITH_WARDS = re.compile(r"(?<![\p{L}])(?:các|UBND|Ủy ban nhân dân)\s+quận(?![\p{L}])")


def level_of(issuer: str | None) -> Level:
    if not issuer:
        return "unknown"
    s = fold(issuer).casefold()
    if _PARTY_BODY.search(s):
        return "party committee"
    if _MINISTRY_BODY.match(s):
        return MINISTRY
    if _NATIONAL_BODY.match(s):
        return "national"
    if _COMMUNE_WORD.search(s):
        return "commune"
    if re.search(r"(?<!\p{L})thành phố\s+(?:" + "|".join(c.casefold() for c in CENTRAL_CITIES) + r")", s):
        return "province"
    if _DISTRICT_WORD.search(s):
        return "district"
    if _PROVINCE_WORD.search(s) or s.startswith("sở "):
        return "province"
    return "unknown"


_ANY_LETTER = re.compile(r"\p{L}")
_AS_FOLLOWS_END = re.compile(r"như sau\s*:?\s*$")
# a first line that issues a plan (`… ban hành Kế hoạch …`) opens the preamble: no title above it
_ISSUES_A_PLAN = re.compile(r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|Đề án)")
_BASIS_OPENING = re.compile(r"(?i:Căn cứ)\b")
_WHITESPACE = re.compile(r"\s+")


def _title(rest: list[Paragraph]) -> str:
    for p in rest:
        text = p.text.strip()
        if not _ANY_LETTER.search(text):
            continue  # a rule line under the title
        cut = TITLE_CUT.search(text)
        if cut:
            return _WHITESPACE.sub(" ", text[: cut.start()]).strip()
        if _AS_FOLLOWS_END.search(text) or _ISSUES_A_PLAN.search(text) or _BASIS_OPENING.match(text):
            return ""
        return _WHITESPACE.sub(" ", text).strip()
    return ""


_CLAUSE_BREAK = re.compile(r"[;]|\.\s")
# `… Văn phòng UBND tỉnh ban hành văn bản số 986/…`, `UBND tỉnh có Kế hoạch số 748/…`: the document
# the text reports or is, not one it carries out
ISSUED_HERE = re.compile(r"(?:ban hành|ký|(?<![\p{L}])có)\s+(?:(?:văn bản|Văn bản|công văn|Công văn)\s+)?(?:số\s*:?\s*)?$")
# the kind word and `số` a reference may leave before its span
_KIND_BEFORE = re.compile(r"\s*(?:(?i:văn bản|công văn|kế hoạch|quyết định|nghị quyết|chỉ thị|kết luận|nghị định|"
                          r"thông tư|hướng dẫn|thông báo|chương trình|luật)\s*)?(?:(?i:số)\s*:?\s*)?$")
# a second document in one clause is carried out too when listed (`Kết luận số 126-KL/TW … và Kết
# luận số 127-KL/TW`), not when the first one's description names it (`… về tổng kết Nghị quyết số
# 18-NQ/TW`, `… sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP`)
_LISTED = re.compile(r"(?:,|(?<![\p{L}])(?:và|cùng|hoặc))\s*$")
# `Văn bản nêu rõ, để triển khai Kết luận số …`, `để tập trung chỉ đạo, triển khai có hiệu quả
# Nghị quyết số …`: a purpose clause inside a news sentence carries out what it names
PURPOSE = re.compile(r"(?<![\p{L}])(?:để|nhằm)\s+(?:[\p{Ll}]+,?\s+){0,4}?(?:triển khai|thực hiện)\s+(?:[\p{Ll}]+\s+){0,3}?(?=\p{Lu}|$)")


def _implements(doc: PlanText, start: int, end: int, references: list[Reference],
                basis: tuple[int, int] | None = None) -> list[Reference]:
    """References in the preamble that the plan carries out: clauses opened by `Thực hiện`,
    `Căn cứ`, … (a clause without an opener continues the list above it), and every item of
    a `CĂN CỨ` section (`basis`); a submission (`theo đề nghị của … tại Tờ trình …`), the
    document the text reports and one named inside another's description are not carried out."""
    out: dict[str, Reference] = {}
    refs = sorted((r for r in references if r.number), key=lambda r: r.span[0])
    previous_end = -1
    for ref in refs:
        pos = doc.clean_pos(ref.span[0])
        ref_end = doc.clean_pos(ref.span[1])
        before_end, previous_end = previous_end, ref_end
        if not (start <= pos < end):
            continue
        para_start = doc.clean.rfind("\n", start, pos) + 1
        clauses = _CLAUSE_BREAK.split(doc.clean[max(para_start, start):pos])
        last_clause = clauses[-1]
        in_basis = basis is not None and basis[0] <= pos < basis[1]
        mode = in_basis or any(TRIGGER.search(c) or PURPOSE.search(c) for c in clauses)
        if not mode or NOT_IMPLEMENTED.search(last_clause) or "/TTr" in ref.number \
                or ISSUED_HERE.search(last_clause):
            continue
        # an earlier reference in this clause: this one is listed with it or named inside its description
        clause_start = pos - len(last_clause)
        if before_end > clause_start and before_end <= pos:
            between = _KIND_BEFORE.sub("", doc.clean[before_end:pos])
            if not _LISTED.search(between) and not TRIGGER.search(between) and not PURPOSE.search(between + "X"):
                continue
        if ref.number in out:
            known = out[ref.number]
            out[ref.number] = known.model_copy(update={"date": known.date or ref.date,
                                                       "issuer": known.issuer or ref.issuer})
        else:
            out[ref.number] = ref
    return list(out.values())


_CAPS_CELL_END = re.compile(r"CỘNG\s*HÒA|ĐẢNG CỘNG SẢN|Độc lập|ĐỘC LẬP|(?<![\p{L}])Số\b|-{3,}|\*|\|")
_CAPS_BODY = re.compile(r"(?:ỦY BAN|UBND|HỘI ĐỒNG|HĐND|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|"
                        r"QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ĐẢNG BỘ|BAN |BCH|BỘ |SỞ |CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|"
                        r"VĂN PHÒNG|CHI BỘ|PHÒNG |CỤC |TỔNG CỤC|BỘ TRƯỞNG|CHỦ TỊCH)")


_HDND_OPENING = re.compile(r"^HĐND\b")
# where a second body starts in a header joined on one line: `HUYỆN ỦY … SỞ …`
_NEXT_BODY_START = re.compile(r"(?<=\s)(?:HUYỆN ỦY|ĐẢNG ỦY|SỞ |PHÒNG |CHI BỘ|BAN (?!NHÂN DÂN|CHẤP HÀNH ĐẢNG BỘ))")


_UBND_OPENING = re.compile(r"^UBND\b")


def _joined_header_issuer(header: list[Paragraph]) -> str | None:
    """The issuing body when a portal or PDF flattened the left header column into
    fragments (`ỦY` / `BAN NHÂN DÂN` / `TỈNH KHÁNH HÒA`, `THỦ TƯỚNG CHÍNH` / `PHỦ`): the
    capitalised run before the motto, `Số:` or a rule line, read as one cell."""
    text = " ".join(p.text.strip() for p in header)
    cells = split_folded(_CAPS_CELL_END, text)
    found = None
    for cell in cells:
        words = cell.split()
        # the trailing run of capitalised words (website lines in running case come first)
        run: list[str] = []
        for w in reversed(words):
            if _all_caps(w) or not _ANY_LETTER.search(w):
                run.insert(0, w)
            else:
                break
        caps = " ".join(run).strip(" .,:-")
        m = _CAPS_BODY.search(fold(caps))
        if not m or len(caps.split()) > 16:
            continue
        caps = caps[m.start():]
        # `TỈNH ỦY LÀO CAI HUYỆN ỦY BẢO YÊN`, `UBND TỈNH LÀO CAI SỞ NỘI VỤ`: the lowest body
        parts = [b.start() for b in _NEXT_BODY_START.finditer(fold(caps))]
        if parts:
            caps = caps[parts[-1]:]
        caps = _UBND_OPENING.sub("ỦY BAN NHÂN DÂN", _HDND_OPENING.sub("HỘI ĐỒNG NHÂN DÂN", caps))
        found = expand(_running_case(caps))
    return found


_BARE_BODY = re.compile(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân)$")


_COUNCIL_OF_PLACE = re.compile(r"(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?!\p{L})")


def _place_body(issuer: str, text: str, place: str | None) -> str:
    """`Ủy ban nhân dân` alone in a portal header: the level word the text uses for it
    (`UBND tỉnh ban hành`, `Ủy ban nhân dân huyện`) and the place of the date line."""
    if not place or not _BARE_BODY.match(fold(issuer)):
        return issuer
    if any(place.endswith(c) for c in CENTRAL_CITIES):
        return f"{issuer} thành phố {place.replace('TP. ', '').replace('TP ', '')}"
    m = _COUNCIL_OF_PLACE.search(fold(text))
    return f"{issuer} {text[m.start(1):m.end(1)] if m else 'tỉnh'} {place}"


# news: `UBND huyện vừa ban hành Kế hoạch số 48/KH-UBND`, `Bộ Y tế ban hành kế hoạch`,
# `Văn phòng Chính phủ vừa có văn bản`, `Đảng bộ xã X tổ chức Đại hội`, `Chính phủ ban hành Nghị quyết`
_NEWS_BODY = (r"(?:Ban Thường vụ (?:Tỉnh|Huyện|Thành|Quận|Thị) ủy|Ban Chấp hành Đảng bộ|BCH Đảng bộ|Chủ tịch (?:UBND|Ủy ban nhân dân)|"
              r"Phó Chủ tịch (?:UBND|Ủy ban nhân dân)|Văn phòng (?:UBND|Ủy ban nhân dân|Chính phủ)|UBND|Ủy ban nhân dân|"
              r"HĐND|Hội đồng nhân dân|Hội đồng Nhân dân|Ủy ban Nhân dân|Thủ tướng Chính phủ|Thủ tướng|Chính phủ|Quốc hội|Bộ|Sở|Tỉnh ủy|Huyện ủy|"
              r"Thành ủy|Quận ủy|Thị ủy|Đảng ủy|Đảng bộ|Ban Chỉ đạo|Phòng)")
_PLACE = r"(?:\s+(?:\p{Lu}[\p{Ll}\p{M}]*|\d+)(?:\s+(?:\p{Lu}[\p{Ll}\p{M}]*|\d+)){0,3})?"
# a ministry's, department's or office's field, whose later words are in lower case (`Bộ Y tế`,
# `Sở Tài nguyên và Môi trường`, `Sở Văn hóa, Thể thao và Du lịch`, `Sở GDĐT TP. Hồ Chí Minh`):
# as few words as lead to the verb
# (never a verb, a preposition or the head of a second body: `Bộ GD&ĐT, Sở GD&ĐT yêu cầu`)
_NOT_FIELD = (r"(?:Sở|Bộ|Phòng|UBND|HĐND|Ủy|có|được|đã|đang|sẽ|cũng|vừa|là|các|cho|tại|của|với|trong|số|đến|nhiều|"
              r"ban hành|hướng dẫn|đề nghị|yêu cầu|giao)(?![\p{L}])")
_FIELD = rf"\s+\p{{Lu}}[\p{{L}}\p{{M}}&.]*(?:,?\s+(?!{_NOT_FIELD})(?:[\p{{L}}\p{{M}}&.]+|-)){{0,7}}?"
_FIELD_HEADS = r"(?:Bộ|Sở|Phòng|Văn phòng|Cục|Tổng cục|Ban)"
# what may stand between the body and its verb: a bracket, a term (`khóa XXII, nhiệm kỳ 2020-2025`),
# an aside between commas
_BODY_TAIL = (r"(?:\s*(?:\([^)]{0,40}\)|khóa [IVXLC]+(?:,?\s*nhiệm kỳ\s*\d{4}\s*[-–]\s*\d{4})?|,[^,]{0,60},))?")
NEWS_ISSUER = re.compile(
    rf"(?<![\p{{L}}])(?P<issuer>(?:{_FIELD_HEADS}(?![\p{{L}}])(?:\s+\d+)?{_FIELD}"
    rf"|{_NEWS_BODY}(?:\s+\d+)?(?:\s+(?:{LEVEL_WORD}|(?:\p{{Lu}}[\p{{Ll}}\p{{M}}]*)(?:\s+(?:và|-)?\s*\p{{Lu}}[\p{{Ll}}\p{{M}}]*)*|GD&ĐT|GDĐT|NN&PTNT))?{_PLACE}))"
    rf"{_BODY_TAIL}\s+"
    r"(?:đã\s+|vừa\s+|đã\s+ký\s+|vừa\s+ký\s+|chính thức\s+|trân trọng\s+|kính\s+)?"
    r"(?P<verb>ban hành|ký ban hành|banh|có văn bản|ra văn bản|có Công văn|đã có Công văn|hướng dẫn|phê duyệt|giao|yêu cầu|"
    r"có (?:Kế hoạch|Quyết định|Chỉ thị|Công văn|Thông báo|ý kiến)|ký (?:văn bản|Công văn)|đề nghị|khai mạc|gửi|"
    r"(?:tổ chức|tiến hành)(?: thành công)? (?:Đại hội|đại hội|Hội nghị|hội nghị|kỳ họp|Kỳ họp|lễ)|"
    # `xây dựng` only before a plan: `Ban Chỉ đạo … xây dựng nông thôn mới` names the body
    r"đề ra|xây dựng(?=\s+(?:[Kk]ế hoạch|[Cc]hương trình|[Đđ]ề án))|đã chọn|đưa ra|triển khai|điều chỉnh|chỉ đạo|quyết định)")
# `Đại hội đại biểu Đảng bộ huyện X`, `Hội nghị Ban Chấp hành Đảng bộ huyện X`: the party body that meets
_CONGRESS = re.compile(r"(?:Đại hội|Nghị quyết Đại hội|Hội nghị)(?: đại biểu| Đại biểu| đảng viên)?\s+"
                       r"(?P<issuer>(?:(?:Ban Chấp hành|BCH) )?Đảng bộ\s+(?:tỉnh|huyện|xã|phường|thành phố|thị xã|quận)\s+"
                       r"\p{Lu}[\p{Ll}\p{M}]*(?:[ ]\p{Lu}[\p{Ll}\p{M}]*){0,3})")


_DATE_STAMP = re.compile(r"^date \S+\s*")
# a person named after the body (`Chủ tịch UBND thành phố Lê Trung Chinh`)
_PERSON_NAME = re.compile(r"\s+(?:Trần|Nguyễn|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Vương|Trịnh|Đinh|"
                          r"Lương|Đoàn|Triệu)\b(?! Chí Minh).*$")
# the office a person holds stands for the body (`Phó Chủ tịch UBND tỉnh` -> the UBND tỉnh)
_PERSON_TITLE = re.compile(r"^(?:Phó\s+)?(?:Chủ tịch|Bộ trưởng|Giám đốc|Trưởng ban)\s+(?=\S)")
# `do Văn phòng Chính phủ vừa gửi`, `được Bộ … ban hành`: the body that sent or issued what is reported;
# `nhiệm vụ do Chính phủ giao` only names who gave a task
_PASSIVE = re.compile(r"(?<![\p{L}])(?:do|được)[^\S\n]+(?:\p{Lu}[\p{L}\p{M} ]{0,30},[^\S\n]*)?$")
_PASSIVE_VERBS = ("ban hành", "ký ban hành", "gửi", "phê duyệt")
# a body that is the object of another's verb or a partner (`phối hợp Sở … hướng dẫn`, `giao Sở …`,
# `Quyết định … của UBND tỉnh ban hành …`) is not the one that speaks
_OBJECT_OF = re.compile(r"(?<![\p{L}])(?:phối hợp|với|giao|cùng|và|yêu cầu|đề nghị|của|gửi)[^\S\n]+$")


_CITY = re.compile(r"(?<![\p{L}])TP\.?\s*(?=\p{Lu})")


def _named_place(level: str, text: str) -> str | None:
    """The place a bare level word stands for, named in full on one line of the text (`huyện Ân Thi`);
    a place never runs across a line break (`tỉnh` / `Cập nhật lúc …`)."""
    m = re.search(rf"(?<![\p{{L}}])(?:{level}|{level[:1].upper() + level[1:]})[ ]+(?![UỦ][ỷy](?![\p{{L}}]))"
                  rf"((?:\p{{Lu}}[\p{{Ll}}\p{{M}}]*[ ]?){{1,4}})", text)
    if not m:
        return None
    place = _PERSON_NAME.sub("", " " + m.group(1).strip()).strip()
    return place if place not in ("UBND", "HĐND") else None


def _news_issuer(paras: list[Paragraph], letter: bool = False) -> str | None:
    """The body a news item names as issuing the document it reports. In a letter without its
    header the body that writes (`Bộ … đề nghị`) issues it, not one whose decision it recalls
    (`Thủ tướng Chính phủ đã ban hành Quyết định số …`)."""
    text = "\n".join(p.text for p in paras[:10])
    text = _DATE_STAMP.sub("", text)
    found = []
    for m in NEWS_ISSUER.finditer(fold(text)):
        written = text[m.start("issuer"):m.end("issuer")]
        issuer = written.strip()
        issuer = _PERSON_NAME.sub("", issuer)
        if issuer in ("Bộ", "Sở", "Phòng", "Đảng bộ", "Chính phủ", "Ban") and written.strip() != "Chính phủ":
            continue
        if _OBJECT_OF.search(text[max(0, m.start() - 20):m.start()]):
            continue
        passive = _PASSIVE.search(text[max(0, m.start() - 48):m.start()])
        if passive and m.group("verb") not in _PASSIVE_VERBS:
            continue
        if m.group("verb") == "gửi" and not passive:
            continue
        if letter and m.group("verb") in ("ban hành", "ký ban hành"):
            continue
        if m.group("verb") in ("ban hành", "ký ban hành"):
            issuer = _PERSON_TITLE.sub("", issuer)  # who signs a document signs it for the body
        found.append((m.start(), issuer))
    if not found:
        if m := _CONGRESS.search(text):
            return m.group("issuer")
        return None
    issuer = expand(_CITY.sub("thành phố ", found[0][1]))
    if issuer == "Thủ tướng":
        issuer = "Thủ tướng Chính phủ"
    # `UBND huyện` named in full further on: `huyện Ân Thi`
    if (lv := _LEVEL_WORD_AT_END.search(issuer)) and (place := _named_place(lv.group(1), text)):
        issuer = f"{issuer} {place}"
    return issuer


_DATE_STAMP_OPENING = re.compile(r"^\s*date \d{4}")


def _is_news(doc: PlanText) -> bool:
    return bool(_DATE_STAMP_OPENING.match(doc.clean))


_TITLE_STOP = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai thực hiện|Thi hành|Xét đề nghị|Theo đề nghị|Kính gửi|"
                         r"ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG BAN|GIÁM ĐỐC|CHÍNH PHỦ$|"
                         r"BAN CHẤP HÀNH|BAN THƯỜNG VỤ|\(?(?:Kèm|Ban hành kèm)|Phần|PHẦN)")


_TITLE_RUN_ON = re.compile(r"[\p{Ll}(“\"]")


def _long_title(rest: list[Paragraph]) -> str:
    """The subject line(s) under the kind heading, joined across the line breaks a PDF or
    portal leaves in it, up to the preamble, the issuing body's line or the first section."""
    first = _title(rest)
    if not first:
        return first
    lines = [p.text.strip() for p in rest if _ANY_LETTER.search(p.text)]
    if not lines or not lines[0].startswith(first[:20]) or first != _WHITESPACE.sub(" ", lines[0]).strip():
        return first
    out = [lines[0]]
    caps = _all_caps(lines[0])
    for line in lines[1:]:
        if _TITLE_STOP.match(fold(line)) or MARKER.match(line) or len(" ".join(out)) > 600:
            break
        if caps and not _all_caps(line):
            break
        if not caps and not _TITLE_RUN_ON.match(line):
            break
        cut = TITLE_CUT.search(line)
        out.append(line[: cut.start()] if cut else line)
        if cut:
            break
    return _WHITESPACE.sub(" ", " ".join(out)).strip()


def _caps_title(top: list[Paragraph]) -> str:
    """A header without its kind line: the capitalised subject under the number and date cells
    (`Số: 123/KH-UBND | Quảng Nam, ngày …` / `THỰC HIỆN BỘ TIÊU CHÍ …`), joined across lines."""
    cells = [p.text.strip() for p in top[:25]]
    last = max((i for i, t in enumerate(cells) if NUMBER_LINE.match(t) or PLACE_DATE.match(t) or MOTTO.search(fold(t))),
               default=-1)
    if last < 0:
        return ""
    out: list[str] = []
    for t in cells[last + 1:]:
        if not _ANY_LETTER.search(t) or (not out and _NUMBER_LABEL.match(t)):
            continue  # rule lines, a stray `|`
        if not _all_caps(t) or _TITLE_STOP.match(fold(t)) or MARKER.match(t) or (not out and BODY_LINE.match(fold(t))):
            break
        out.append(t)
    title = _WHITESPACE.sub(" ", " ".join(out)).strip()
    return title if len(title.split()) >= 3 else ""


_KIND_OPENING = re.compile(rf"^(?P<kind>{_KIND_CAPS})\s+(?P<rest>\S.*)$")


# the plan as its preamble names it: `UBND tỉnh ban hành Kế hoạch giám sát, đánh giá … (sau đây gọi
# tắt là Chương trình), cụ thể như sau:`
_PREAMBLE_TITLE = re.compile(r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình hành động|Chương trình|Đề án)\s+"
                             r"(?P<title>[^:;()]{10,300}?)\s*(?:\(sau đây|,?\s*(?:cụ thể\s+)?(?:như|với các nội dung)\s+sau|:)")


def _preamble_title(preamble: str) -> str:
    m = _PREAMBLE_TITLE.search(preamble)
    title = _WHITESPACE.sub(" ", m.group("title")).strip(" ,") if m else ""
    return title if len(title.split()) >= 5 else ""  # `Kế hoạch triển khai thực hiện, cụ thể như sau` names nothing


VV_LINE = re.compile(r"^V/v\.?\s*:?\s*(?P<subject>.+)")
FIRST_LINE_TITLE = re.compile(rf"^(?P<kind>{_KIND_CAPS}|Kế hoạch|Chương trình|Đề án|Thông báo|Hướng dẫn|Báo cáo|Tờ trình)\s+(?P<title>\S.{{3,200}})$")


_BASIS_WORD = re.compile(r"CĂN CỨ|Căn cứ")
_SYMBOL_BREAK = re.compile(r"[/.-]")
_NUMBER_LABEL = re.compile(r"Số\s*:?")
_AS_FOLLOWS = re.compile(r"như sau")
_ADDRESS_OR_NUMBER_OPENING = re.compile(r"(?i:Kính gửi|Số\b)")
# a first line that dates or reports a plan is a news headline, not the plan's title: `… vừa ban hành Kế hoạch …`
_NEWS_TITLE_SIGN = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|(?i:ban hành|vừa|số \d|:)")
_HOME_PAGE = re.compile(r"(?i:Trang chủ)")
_KIND_AT_END = re.compile(r"(Kế hoạch|Chương trình hành động|Chương trình|Đề án|Quyết định|Hướng dẫn)$")
_SUBJECT_RUN_ON = re.compile(r"[\p{Ll}\d(“\"]")
# an official letter is addressed: `Kính gửi: …`
_ADDRESSEE_LINE = re.compile(r"Kính\s*gửi")


def extract_document(doc: PlanText, references: list[Reference]) -> DocumentInfo:
    paras, first_section, top = _top_cells(doc)
    header, heading, rest = _header_and_rest(top)
    top = top[:40]
    info: dict = {}
    if heading is not None:
        info["kind"] = DOC_KINDS[heading.text.strip()]
        info["title"] = _long_title(rest)
    scan = header if heading is not None else top
    vv = None
    for i, p in enumerate(scan):
        text = p.text.strip()
        if _NUMBER_LABEL.fullmatch(text) and i + 1 < len(scan):
            text = f"Số: {scan[i + 1].text.strip()}"
        if "symbol" not in info and (m := NUMBER_LINE.match(text)):
            symbol = _WHITESPACE.sub("", m.group("sym")).rstrip(".-/")
            info["symbol"] = symbol
            info["number"] = symbol if symbol[:1].isdigit() else None
        if "place" not in info and (m := PLACE_DATE.match(text)):
            own = header_date(m)
            info["place"] = own.place
            if own.iso or m.group("d") or m.group("d2"):
                info["date"] = own.iso  # a day printed: the date, or None when it is no real day
            elif own.year:
                info["date_partial"] = f"{own.year}-{own.month:02d}" if own.month else str(own.year)
        if vv is None and (m := VV_LINE.match(text)):
            lines = [m.group("subject")]
            for q in scan[i + 1:i + 4]:
                t = q.text.strip()
                if PLACE_DATE.match(t) or MOTTO.search(fold(t)) or _ADDRESS_OR_NUMBER_OPENING.match(t) or not _SUBJECT_RUN_ON.match(t):
                    break
                lines.append(t)
            vv = _WHITESPACE.sub(" ", " ".join(lines)).strip()
    preamble_start = rest[0].start if rest else (heading.end if heading else 0)
    preamble_end = rest[-1].end if rest else preamble_start
    if heading is not None:
        preamble_start = heading.end
    # a `CĂN CỨ` (`I. CĂN CỨ PHÁP LÝ`) section belongs to the preamble
    basis = None
    if first_section < len(paras) and _BASIS_WORD.search(paras[first_section].text[:40]):
        nxt = next((p for p in paras[first_section + 1:] if MARKER.match(p.text)), None)
        preamble_end = nxt.start if nxt else paras[-1].end
        basis = (paras[first_section].end, preamble_end)
    preamble = doc.clean[preamble_start:preamble_end]
    # under the title, before the first section (an excerpt may open with that line, read as a marker)
    attached = ATTACHED_TO.search(" ".join(p.text for p in (rest[:8] or paras[:1])))
    if attached and attached.group("how") != "Theo" and "date" not in info:
        info["date"] = iso_date(attached.group("d"), attached.group("m"), attached.group("y"))
    has_header = heading is not None or info.get("number") is not None or "symbol" in info or "place" in info
    if vv and heading is None:
        info["kind"] = info.get("kind") or "Công văn"
        info["title"] = vv
    if heading is None and not has_header and not vv:
        for p in paras[:5]:
            t = p.text.strip()
            m = FIRST_LINE_TITLE.match(t)
            if m and not _NEWS_TITLE_SIGN.search(t) \
                    and (_all_caps(t) or p is paras[0] or _HOME_PAGE.match(paras[0].text)):
                kind = m.group("kind")
                info["kind"] = DOC_KINDS.get(kind, kind[:1].upper() + kind[1:].lower())
                info["title"] = m.group("title").strip()
                break
    if has_header and heading is None and not info.get("title"):
        info["title"] = _caps_title(top) or _preamble_title(preamble)
        # `CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA UBND TỈNH THỰC HIỆN …`: the kind opens the subject line
        if m := _KIND_OPENING.match(info["title"]):
            info["kind"], info["title"] = DOC_KINDS[m.group("kind")], m.group("rest")
    if has_header or heading is not None:
        issuer = _header_issuer(header, caps_only=heading is None)
        joined = _joined_header_issuer(header if heading is not None else top[:15])
        if joined and (not issuer or len(joined.split()) > len(issuer.split())):
            issuer = joined
        issuer = issuer or _preamble_issuer(preamble) \
            or _attached_issuer(attached, doc.clean[:6000], heading.text + " " + info.get("title", "") if heading else "")
        if issuer:
            issuer = _place_body(issuer, doc.clean[:4000], info.get("place"))
            issuer = _complete(issuer, preamble, info.get("place"))
    else:
        issuer = _preamble_issuer(preamble) if info.get("kind") else None
        letter = any(_ADDRESSEE_LINE.match(p.text.strip()) for p in top[:25])
        issuer = issuer or _attached_issuer(attached, doc.clean[:6000]) or _news_issuer(paras, letter)
        if issuer and _preamble_issuer(preamble):
            issuer = _complete(issuer, preamble, None)
    info["issuer"] = issuer
    info["level"] = level_of(issuer)
    if info["level"] == "district" and issuer and issuer.endswith("thành phố") \
            and _CITY_WITH_WARDS.search(doc.clean[:6000]):
        info["level"] = "province"  # a city that has urban districts (`UBND các quận, huyện`) is a province
    if not has_header and "date" not in info:
        # a page without a header: its publication date (`grammar.dates.own_date`); a page that
        # carries the plan itself (its kind and title on the first line) dates the page, not the plan
        own = own_date(doc.clean)
        carries_plan = bool(info.get("kind") and info.get("title")) and not vv
        info["date"] = own.iso if own.where == "stamp" or not carries_plan else None
    if "kind" not in info:
        codes = _SYMBOL_BREAK.split(info.get("symbol") or "")
        kind = next((SYMBOL_KINDS[c] for c in codes if c in SYMBOL_KINDS), None)
        if not kind and (vv or any(_ADDRESSEE_LINE.match(p.text.strip()) for p in top[:25])):
            kind = "Công văn"
        if not kind and (m := PREAMBLE_ISSUER.search(fold(preamble))) and _AS_FOLLOWS.search(preamble[m.end():m.end() + 200]):
            kind = _KIND_AT_END.search(m.group(0)).group(1)
        info["kind"] = kind
    info["implements"] = _implements(doc, preamble_start, preamble_end, references, basis)
    return DocumentInfo(**info)
