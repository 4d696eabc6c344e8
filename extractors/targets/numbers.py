"""Vietnamese value expressions: qualifier + number (or range, or fraction) + unit.

Plans write `1.373 hộ` (dot groups thousands), `93,5%` (comma is the decimal
mark), `100 %`, `05 người`, `4-5%`, `từ 6,0 đến 6,5%/năm`, `1/2` (after the
text view has turned `½` / `$\\frac{1}{2}$` into it), `gấp 2,5 - 3 lần`.
This module only reads the expression; whether it is a target is decided in
`targets.py`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import re as _sre  # the standard engine: finding the prefix words in 40 characters

import regex as re

from extractors import nlp
from extractors.anchored import CASE_ODD, OpeningWords, leading_words, matches_at, occurrences, plain_lower

# dot-grouped thousands first, then comma decimals, then a dot decimal (`2.5%`)
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d+|\d+"
_FRACTION = r"\d{1,2}/\d{1,2}"
_WORD_VALUES = {"một": 1.0, "hai": 2.0, "ba": 3.0, "bốn": 4.0, "sáu": 6.0, "bảy": 7.0, "tám": 8.0, "chín": 9.0,
                "mười": 10.0}
_NUMBER_WORDS = "|".join(_WORD_VALUES)
# measure symbols printed glued to the number (`20,7m2/người`, `140tạ/ha`, `40ha`)
_GLUED = r"(?:m2|m3|ha|km|cm|mm|tạ|tấn|kg|tỷđ|trđ)(?![\p{L}\d])"

# a number (or range, or fraction) that is not glued to letters, a document symbol or a date
CORE = re.compile(
    rf"""# an amount written in two magnitudes (`34 triệu 170 ngàn đồng`): one value in the larger
    # (the smaller a thousandth of the larger: `tỷ` then `triệu`, `triệu` then `nghìn`)
    (?<![\w/.,\-])(?P<big>\d{{1,3}})\s+(?P<bigw>tỷ|tỉ|triệu)\s+(?P<small>\d{{1,3}})\s+
    (?:(?<=(?:tỷ|tỉ)\s+\d{{1,3}}\s+)triệu|(?<=triệu\s+\d{{1,3}}\s+)(?:nghìn|ngàn))\s+đồng\b
    |# a count written as a word where a bound or a range says it is one (`ít nhất một mô hình`,
    # `từ một đến hai công trình`, `giúp thêm được hai gia đình hội viên trở lên`; not `năm`, a year too)
    (?<=\b(?:ít\s+nhất|tối\s+thiểu)\s)(?P<w1>{_NUMBER_WORDS})(?=\s+\p{{Ll}})(?!\s+nửa\b)
    |# a half after a bound (`giảm ít nhất một nửa tỷ lệ nghèo`): the ratio 0.5, not one
    (?<=\b(?:ít\s+nhất|tối\s+thiểu)\s)(?P<half>một\s+nửa)(?![\p{{L}}])
    |(?<=\btừ\s)(?P<w2>{_NUMBER_WORDS})\s+đến\s+(?P<w3>{_NUMBER_WORDS})(?=\s+\p{{Ll}})
    |(?<![\p{{L}}])(?P<w4>{_NUMBER_WORDS})(?=(?:\s+\p{{Ll}}+){{1,4}}\s+trở\s+lên)
    |# a rate per so many people (`dưới 02/100.000 dân`, `dưới 1/100.000 dân`)
    (?<![\w/.,\-])(?P<rate>\d{{1,3}}(?:,\d+)?)\s*/\s*(?P<per>10{{0,2}}(?:\.000)+)(?=\s+\p{{L}})
    |(?<![\w/.,\-])(?<!\d:)
    (?:
        (?P<frac>{_FRACTION})(?![\d/\-.]\d|/)
      | (?P<n1>{NUMBER})
        (?:\s*(?P<u1>%|phần\s+trăm))?
        (?:\s*(?:-|–|đến|tới)\s*(?P<n2>{NUMBER})(?![\d/\-]|\.\d))?
    )
    # (`khoảng 50/ lao động`: a slash left between a number and its unit, a space and the unit after it)
    (?:(?![\w/]|[.,-]\d)|(?={_GLUED})|(?<=\d)(?=/\s+\p{{Ll}}))(?<!\b(?:19|20)\d\d-\d\d)
    |(?<![\w/.,\-])(?P<n3>{NUMBER})(?={_GLUED})
    # `tăng gấp đôi`, `lên 1,5 lần … và gấp đôi vào năm 2030`: a multiple written as a word, after
    # a verb of measure (not `nỗ lực gấp đôi`, twice the effort)
    |(?<=\b(?:tăng(?:\s+lên)?|lên|đạt|và)\s+gấp\s)(?P<nw>đôi|rưỡi)(?![\p{{L}}])""",
    re.VERBOSE | re.IGNORECASE,
)


# `1.373`, `2.500,5`: dots group thousands, the comma marks decimals
_THOUSANDS_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


_PROHIBITION_BEFORE = re.compile(r"\bkhông\s+để\b[^.;:!?\d]*$", re.I)
_FORBIDDEN_BEYOND = {">": "<=", "<": ">="}


def parse_number(s: str) -> float:
    """`1.373` → 1373, `93,5` → 93.5, `56.000` → 56000, `2.5` → 2.5, `1/2` → 0.5."""
    s = s.strip()
    if "/" in s:
        a, b = s.split("/", 1)
        return float(a) / float(b)
    if _THOUSANDS_DOTTED.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    return float(s)


# qualifiers that sit right before the number, longest first, and what they mean
QUALIFIERS: list[tuple[str, str]] = [
    ("tối thiểu là", ">="), ("tối thiểu bằng", ">="), ("tối thiểu từ", ">="), ("tối thiểu ở mức", ">="),
    ("tối thiểu đạt", ">="), ("tối thiểu", ">="), ("ít nhất là", ">="), ("ít nhất bằng", ">="),
    ("ít nhất đạt", ">="), ("ít nhất", ">="), ("không dưới", ">="), ("không thấp hơn", ">="),
    ("không ít hơn", ">="), ("≥", ">="), (">=", ">="),
    ("thấp nhất là", ">="),  # `Phấn đấu tỷ lệ huy động trẻ em ra lớp đạt: thấp nhất là 30%`
    # (`ư` printed as `ƣ` by some PDF fonts: `giảm tỷ lệ … dƣới 0,75%`)
    ("không dƣới", ">="), ("xuống dƣới", "<"), ("còn dƣới", "<"), ("dƣới", "<"),
    ("trên dưới", "~"),
    ("đạt và vượt", ">="), ("vượt trên", ">"), ("cao hơn", ">"), ("nhiều hơn", ">"), ("trên", ">"), ("hơn", ">"), ("vượt", ">"),
    (">", ">"),
    ("tối đa là", "<="), ("tối đa bằng", "<="), ("tối đa", "<="), ("không vượt quá", "<="),
    ("không cao hơn", "<="), ("không quá", "<="), ("≤", "<="), ("<=", "<="),
    ("xuống dưới mức", "<"), ("dưới mức", "<"), ("trên mức", ">"),  # `kiểm soát nợ xấu xuống dưới mức 3%`
    ("xuống dưới", "<"), ("còn dưới", "<"), ("thấp hơn", "<"), ("ít hơn", "<"), ("dưới", "<"), ("<", "<"),
    ("khoảng từ", "~"), ("khoảng", "~"), ("xấp xỉ", "~"), ("chừng", "~"), ("gần", "~"), ("~", "~"),
    ("từ", ">="),
]
_QUAL_ALT = "|".join(re.escape(q) for q, _ in sorted(QUALIFIERS, key=lambda x: -len(x[0])))
QUAL_MAP = {q: c for q, c in QUALIFIERS}

# verbs written inside the value expression (`đạt 80%`, `tăng 2 lần`, `giảm xuống còn 5%`)
LEAD_VERBS = (r"đạt|là|bằng|tăng(?:\s+(?:lên|thêm))?|giảm(?:\s+(?:xuống(?:\s+còn)?|còn))?|"
              r"xuống\s+còn|xuống|còn|(?<!trở\s)lên|gấp|chiếm|ở\s+mức|duy\s+trì(?:\s+ở\s+mức)?")
PREFIX = re.compile(
    # (a bound may lead a list with a colon: `cắt giảm ít nhất: 30% thời gian …`)
    # (a bound may stand before the period it counts in: `ít nhất mỗi năm 1 lần`)
    rf"(?:(?P<verb>{LEAD_VERBS})\s+)?(?:(?P<qual>{_QUAL_ALT})\s*:?\s*(?:(?<=(?:nhất|thiểu)\s)(?:mỗi|hằng|hàng)\s+(?:năm|tháng|quý|tuần)\s+)?)?(?:(?P<gap>đủ)\s+)?$",
    re.IGNORECASE,
)

# unit words printed after a number, multi-word first (lower case, as written)
MULTIWORD_UNITS = [
    "nghìn tỷ đồng", "ngàn tỷ đồng", "triệu tỷ đồng", "nghìn tỷ", "tỷ đồng", "triệu đồng", "nghìn đồng",
    "ngàn đồng", "triệu usd", "tỷ usd", "nghìn usd", "triệu người", "nghìn người", "nghìn hộ",
    "nghìn tỉ đồng", "ngàn tỉ đồng", "tỉ đồng", "tr. đồng", "tr.đồng",
    "lượt lao động", "khu dân cư", "cơ sở kinh doanh",
    # (`40 triệu lượt người dân`: `người dân` is one noun, the citizens counted)
    "nghìn ha", "nghìn tấn", "triệu tấn", "triệu lượt", "nghìn lượt", "lượt người dân", "lượt người", "lượt khách",
    "lượt du khách",
    "người lao động", "lao động", "cán bộ", "công chức", "viên chức", "đảng viên", "đoàn viên", "hội viên", "học sinh",
    "sinh viên", "học viên", "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "sản phẩm", "công trình",
    "mô hình", "giường bệnh", "bác sĩ", "ngày công", "việc làm", "cơ sở", "tổ chức đảng", "tổ chức", "dự án",
    "câu lạc bộ", "nhà văn hóa", "điểm trường", "phòng học", "trạm y tế", "ngày làm việc", "trường hợp",
    # (`108,66 trẻ em trai/100 trẻ em gái`: the sex ratio at birth counts boys, as `109 trẻ trai/100 trẻ gái`)
    "bác sỹ", "đoạn đường", "đường hẻm", "trẻ em trai", "trẻ em gái", "trẻ em", "trẻ trai", "trẻ gái", "đồng chí",
    "ha", "km",
    # schools of a level a plan counts by name (`có 1 trường cao đẳng đạt chuẩn chất lượng cao`): the level
    # is part of the noun (a general school, `4 trường phổ thông nội trú`, stays `trường`)
    "trường cao đẳng", "trường đại học", "trường trung cấp",
    "chỉ tiêu", "nhiệm vụ", "giải pháp", "con số", "chữ số", "tiêu chí",
    # (`01 đơn vị cấp huyện`: the level after the counted noun qualifies it, the unit is `đơn vị`)
    "đơn vị", "hộ gia đình",
    "di tích", "ấn phẩm",
    # a classifier and the noun it counts, read as one (`70.000 ngôi nhà`, `1 mái ấm`):
    # segmentation splits these, the gold keeps the whole noun (`căn` is left alone: b8_03's
    # gold counts `trên 110.000 căn` of `căn nhà ở xã hội`)
    "ngôi nhà", "mái ấm",
    # counted nouns of two or three syllables that rules alone would cut to the first one (`vận`
    # of `vận động viên`, `công` of `công dân`): people, bodies and things a plan counts
    "vận động viên", "thanh niên", "công dân", "phụ nữ", "cá nhân", "tập thể", "gia đình",
    "biên chế", "đô thị", "dịch vụ", "tài khoản", "trường học", "quốc gia", "cơ quan", "cây xanh",
    "đề án", "thiết chế", "loại hình", "tiêu chuẩn", "báo cáo",
    # (structural: `2 giai đoạn` is a span of the plan, not a count it aims at)
    "giai đoạn",
    "m2", "m3",
]
_MAGNITUDE = re.compile(r"(?:triệu|nghìn|ngàn|tỷ|tỉ) ")
# the many-word units a magnitude can count (`triệu` + `lượt khách`)
_COUNTED_UNITS = [u for u in MULTIWORD_UNITS if " " in u and not _MAGNITUDE.match(u)]
# measure words that never make a number a target by themselves
STRUCTURAL_UNITS = {
    "cấp", "nhóm", "tháng", "ngày", "giờ", "quý", "tuần", "nội dung", "khoản", "điều", "mục",
    "loại", "bước", "khâu", "văn bằng", "giai đoạn", "mặt", "phương châm", "thành phần", "chương",
    "phần", "tầng", "vòng", "kỳ", "đợt thi", "dân tộc", "bậc", "hạng", "độ", "phút", "giây",
    "lĩnh vực", "cụm", "khối", "ngành", "tiết", "trang", "bản sao", "chữ",
    # how many digits a figure has (`tăng trưởng 2 con số`: double-digit growth)
    "con số", "chữ số",
    # how many goals or tasks a plan sets (`đề ra 25 chỉ tiêu`, `với 188 nhiệm vụ cụ thể`)
    "chỉ tiêu", "nhiệm vụ", "giải pháp",
}
# words that follow a number without being its unit
NOT_UNIT = {
    "và", "hoặc", "so", "với", "trong", "đến", "tới", "trở", "mỗi", "hằng", "hàng", "là",
    "tại", "theo", "của", "cho", "vào", "từ", "trên", "dưới", "đạt", "được", "có", "các", "những",
    "thì", "nhưng", "để", "khi", "nếu", "đã", "sẽ", "sau", "trước", "hay", "cùng", "bình", "thực",
    # a campaign's name counts no thing (`cuộc vận động "5 không, 3 sạch"`)
    "không", "sạch",
    # (the verb of a change: `từ 200 lên 215 giường` — the first count's unit is written at the end)
    "lên", "xuống",
}


# words after a fraction that name the reference it is a fraction of
RATIO_OF = {"mức", "bình", "tổng", "số", "của", "so", "thu", "giá", "lương", "dân"}


@dataclass
class ValueExpr:
    start: int  # clean coordinates of the expression (qualifier .. unit/suffix)
    end: int
    num_start: int
    num_end: int
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    comparator: str
    qualifier: str  # the qualifier word as written ('' when none)
    verb: str
    per_year_suffix: bool
    fraction: bool
    bare: bool  # no unit printed after the number


# a per-mille sign, also as typed with a percent and zero: `0,5%0`, `0,5%o`
# how far the unit and bound patterns below read after a number (a few words): a value copies
# this much of its text, not the rest of its paragraph (thousands of values stay linear)
_READ_AFTER = 400
_PER_MILLE = re.compile(r"\s*(‰|%[0o](?![\p{L}\d])|phần\s+nghìn|phần\s+ngàn)", re.IGNORECASE)
_PERCENT = re.compile(r"\s*(%|phần\s+trăm)", re.IGNORECASE)
_TIMES = re.compile(r"\s*lần\b", re.IGNORECASE)
# `_PER_MILLE`, else `_PERCENT`, else `_TIMES`, in one match: each opens past the same spaces
# with no space of its own, so the first that matches there is the one the three in turn give
_SIGN_AFTER = re.compile(rf"\s*(?:(?P<mille>{_PER_MILLE.pattern[3:]})|(?P<percent>{_PERCENT.pattern[3:]})|"
                         rf"(?P<times>{_TIMES.pattern[3:]}))", re.IGNORECASE)
_WORD = re.compile(r"[\p{L}\d]+")
_NEXT_WORD = re.compile(r"\s+([\p{L}\d]+)")
# the short forms news prints for whom a count counts (`tạo việc làm cho thêm 20.000 LĐ`): workers,
# enterprises, cooperatives, cooperative groups, clubs (`có 1.500 CLB`)
_COUNTED_ACRONYMS = {"LĐ", "NLĐ", "DN", "HTX", "THT", "CLB"}
_STRAY_SLASH = re.compile(r"/(?=\s+\p{Ll})")
_ACRONYM_KIND = re.compile(r" (?-i:[A-ZĐ]{2,}(?:[-&][A-ZĐ]{2,})+)(?![\p{L}\d])")
_LIVE_BIRTHS = re.compile(r"\s+(?:đẻ|sinh)(?:\s+ra)?\s+sống\b", re.IGNORECASE)
_GLUED_UNIT = re.compile(_GLUED)
_YEAR_NEXT = re.compile(r"\s+(?:19|20)\d\d\b")
_LE_NEXT = re.compile(r"\s+lệ\b", re.IGNORECASE)
# `lần thứ` counts occurrences (`lần thứ 3`), not a multiple
_NTH_TIME = re.compile(r"\s*lần\s+thứ", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NOT_CONTAINER_NEXT = re.compile(r"\s+(?:quân|luận|thường|đẳng|yên|ổn|chọn|xét|dân|minh|diện)\b|\s*$", re.I)
_PER_SLASH = re.compile(r"\s*/")
_MAGNITUDE_WORDS = {"triệu", "nghìn", "ngàn", "tỷ", "tỉ"}


def _unit_after(text: str, pos: int) -> tuple[Optional[str], int]:
    """The unit printed at `pos` (after the number), and where it ends."""
    # `0,5%0`, `0,5%o`: a per-mille sign typed as percent and zero
    # (the three signs read in one match: `_SIGN_AFTER`)
    m = _SIGN_AFTER.match(text[pos:pos + _READ_AFTER])
    if m and m.group("mille") is not None:
        return "‰", pos + m.end()  # birth and mortality rates: `giảm tỷ suất sinh 0,2‰/năm`
    if m and m.group("percent") is not None:
        return "%", pos + m.end()
    if m and not _NTH_TIME.match(text[pos:pos + _READ_AFTER]):
        if _PER_SLASH.match(text, pos + m.end()):
            return "lần", pos + m.end()  # `ít nhất 2 lần/năm`: how often, a count of times, not a multiple
        return "times", pos + m.end()
    stray = _STRAY_SLASH.match(text, pos)
    if stray:
        pos = stray.end()  # `50/ lao động`: the unit after a slash left in, its denominator lost
    rest = text[pos:pos + 40].split("\n", 1)[0]  # a unit is on the number's line (`ảnh 1\n\ntin liên quan`)
    low = rest.lower()
    lead = len(low) - len(low.lstrip(" "))
    if lead == 0 and not low[:1] == "%":
        glued = _GLUED_UNIT.match(low)
        if not glued:
            return None, pos
        return glued.group(), pos + glued.end()
    body = low[lead:]
    # a magnitude and the unit it counts, whole: `1,5 triệu lượt khách`, `6,3 triệu việc làm`
    magnitude = _MAGNITUDE.match(body)
    if magnitude:
        rest_body = body[magnitude.end():]
        counted = max((u for u in _COUNTED_UNITS if rest_body.startswith(u)
                       and (len(rest_body) == len(u) or not rest_body[len(u)].isalnum())), key=len, default=None)
        if counted:
            return body[:magnitude.end()] + counted, pos + lead + magnitude.end() + len(counted)
    for u in MULTIWORD_UNITS:
        if body.startswith(u) and (len(body) == len(u) or not body[len(u)].isalnum()):
            return u, pos + lead + len(u)
    m = _WORD.match(rest[lead:])
    if not m:
        return None, pos
    word = m.group()
    if word.lower() == "năm" and _YEAR_NEXT.match(rest[lead + len(word):]):
        return None, pos  # `90% năm 2030`, `tháng 5 năm 2026`: a date follows, not a unit
    if word.lower() == "bình" and not _NOT_CONTAINER_NEXT.match(rest, lead + len(word)):
        # `trang bị ít nhất 1 bình chữa cháy xách tay`: a container counted (not `bình quân`,
        # `bình luận`, `bình thường`)
        return "bình", pos + lead + len(word)
    if not word[0].isalpha() or word.lower() in NOT_UNIT:
        return None, pos
    if word.lower() == "tỷ" and _LE_NEXT.match(rest[lead + len(word):]):
        return None, pos  # `năm 2024 tỷ lệ …`: a year before `tỷ lệ`, not money
    # a magnitude word and what it counts (`15 triệu khách`, `1,0 triệu m3`)
    more = _NEXT_WORD.match(rest[lead + len(word):])
    if word.lower() in ("triệu", "nghìn", "ngàn", "tỷ", "tỉ") and more and more.group(1).lower() not in NOT_UNIT \
            and more.group(1).lower() not in ("lệ",) and not _DIGIT.match(more.group(1)):
        # (the noun counted may be two syllables only segmentation knows: `1,6 triệu thanh niên`)
        after = rest[lead + len(word) + more.start(1):]
        counted = _compound_noun(after, more.group(1)) or more.group(1).lower()
        counted_end = pos + lead + len(word) + more.start(1) + len(counted)
        then = _NEXT_WORD.match(text, counted_end) if counted in _MAGNITUDE_WORDS else None
        if then and then.group(1).lower() not in NOT_UNIT and then.group(1)[0].isalpha() and then.end() - pos <= 40:
            # two magnitudes and what they count (`2 ngàn triệu quả`: two thousand million fruit)
            return f"{word.lower()} {counted} {then.group(1).lower()}", then.end()
        return f"{word.lower()} {counted}", counted_end
    if word in _CURRENCY_CODES:
        return word, pos + lead + len(word)  # `8.500 USD`
    if _LEGAL_KIND.match(rest, lead):
        # `dự thảo 16 Nghị định hướng dẫn thi hành 5 Luật trình Thủ tướng; 8 Quyết định`: legal
        # documents, capitalised, counted in a report of drafting work or numbered in a list of
        # grounds (`4 Nghị định 35/2015/NĐ-CP`), are not a unit a goal measures
        return None, pos
    compound = _compound_noun(rest[lead:], word)
    if compound:
        return compound, pos + lead + len(compound)
    if word in _COUNTED_ACRONYMS:
        # `hơn 30 DN KH-CN`: an acronym after the counted one says which kind (science and technology
        # enterprises), the unit keeps both
        kind = _ACRONYM_KIND.match(rest, lead + len(word))
        if kind:
            return rest[lead:kind.end()].lower(), pos + kind.end()
    if word[0].isupper() and word.lower() != word and len(word) > 1 and word.isupper() \
            and word not in _COUNTED_ACRONYMS:
        return None, pos  # an acronym (`28 CT`, `THCS`) is not a unit
    if word[0].isupper() and word[1:].islower() and _NEXT_CAPITAL.match(rest[lead + len(word):]):
        return None, pos  # a name (`15 Thi Sách, TP.Vũng Tàu`: a street address) is not a unit
    return word.lower(), pos + lead + len(word)


_LETTERS_RUN = re.compile(r"[\p{L} ]{1,40}")


def _compound_noun(rest: str, word: str) -> Optional[str]:
    """The unit noun when word segmentation reads the word after the number as the first
    syllable of a two-syllable noun (`02 hội nghị`, `02 hội chợ`): rules stop at one
    syllable, underthesea knows the word. A classifier keeps the word it makes with the
    next syllable (`170 trường học`, `ít nhất 1 tập thể`) and stays one syllable before
    what qualifies it (`04 lớp tập huấn`, `2 điểm du lịch`, where segmentation splits);
    people and households stay themselves: `1.373 hộ nghèo` counts `hộ`, `người dân` `người`."""
    if not nlp.enabled() or word.lower() in _UNJOINED_CLASSIFIERS:
        return None
    chunk = _LETTERS_RUN.match(rest)
    if not chunk:
        return None
    words = nlp.word_tokenize(chunk.group().strip())
    if not words:
        return None
    first = words[0]
    if first.count(" ") == 1 and first.split(" ", 1)[0].lower() == word.lower() \
            and rest.lower().startswith(first.lower()):
        return first.lower()
    return None


_NEXT_CAPITAL = re.compile(r" \p{Lu}\p{Ll}")
_LEGAL_KIND = re.compile(r"(?:Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư|Chỉ\s+thị|Pháp\s+lệnh)\b")
_CURRENCY_CODES = {"USD", "EUR", "VND", "VNĐ"}


# who is counted as a person or a household: the word after them says which (`hộ nghèo`,
# `người dân`), the gold counts `hộ`, `người`
# (measures too: `dưới 5 tuổi thể thấp còi` is an age, `tuổi` the measure, not `tuổi thể`)
_UNJOINED_CLASSIFIERS = {"hộ", "người", "tuổi", "giờ", "ngày", "tháng", "năm", "tiết", "lần", "lượt",
                       "km", "ha", "tấn", "m2", "m3"}


# `108 triệu đồng/năm`, `45 triệu đồng/người/năm`
_PER_YEAR_SUFFIX = re.compile(r"(?:\s*/\s*(?:người|hộ|lao động)\b)?\s*/\s*năm\b", re.IGNORECASE)
# (`80% TCCSĐ trở lên`: what is counted, written short, between the share and its bound)
_BOUND_OF_SHARE = re.compile(r"(?:\s+(?:chỉ\s+tiêu|kế\s+hoạch|(?-i:\p{Lu}{2,8}))(?=\s+trở\s+lên))?\s*(trở\s+lên|trở\s+xuống)",
                             re.IGNORECASE)
_BOUND = re.compile(r"\s*(trở\s+lên|trở\s+xuống)", re.IGNORECASE)
# the bound after the counted noun and what qualifies it (`100 hộ nghèo thoát nghèo trở lên`,
# `80 đảng viên mới trở lên`): a few lower-case words, no figure, no punctuation between
_BOUND_AFTER_NOUN = re.compile(r"(?:\s+\p{Ll}+){1,4}?\s+(trở\s+lên|trở\s+xuống)")
_SLASH_YEAR = re.compile(r"\s*/\s*năm\b")
_ONE_OVER = re.compile(r"0*1/")
_PER_YEAR_AFTER_NOUN = re.compile(r"(?:\s+[\p{Ll}]+){1,3}\s*/\s*năm\b")
_WHITESPACE = re.compile(r"\s+")


_WORD_MULTIPLES = {"đôi": 2.0, "rưỡi": 1.5}


def read_value(text: str, m: re.Match) -> ValueExpr:
    """Widen a CORE match into the whole value expression."""
    if m.group("big"):
        value = int(m.group("big")) + int(m.group("small")) / 1000
        return _with_prefix(text, m, round(value, 6), f"{m.group('bigw')} đồng", m.end())
    if m.group("rate"):
        # the unit is the denominator and what it counts: `/100.000 dân`
        who = _NEXT_WORD.match(text, m.end())
        unit_end = who.end() if who else m.end()
        unit = f"/{m.group('per')} {who.group(1).lower()}" if who else f"/{m.group('per')}"
        if who:  # the counted noun may be two words: `500/100.000 trẻ em`
            after = text[who.start(1):who.start(1) + 40].lower()
            whole = next((u for u in _COUNTED_UNITS if after.startswith(u)
                          and (len(after) == len(u) or not after[len(u)].isalnum())), None)
            if whole and whole.split(" ", 1)[0] == who.group(1).lower():
                unit, unit_end = f"/{m.group('per')} {whole}", who.start(1) + len(whole)
        births = _LIVE_BIRTHS.match(text, unit_end) if who and who.group(1).lower() == "trẻ" else None
        if births:  # `dưới 45/100.000 trẻ đẻ sống`: the births the rate is counted over
            unit, unit_end = f"{unit} {' '.join(births.group(0).split()).lower()}", births.end()
        return _with_prefix(text, m, parse_number(m.group("rate")), unit, unit_end)
    frac = m.group("frac")
    n2 = None if frac else m.group("n2")
    word = m.group("w1") or m.group("w2") or m.group("w4")
    if m.group("half"):
        return _with_prefix(text, m, 0.5, "ratio", m.end())
    if word:
        value = _WORD_VALUES[word.lower()]
        value_max = _WORD_VALUES[m.group("w3").lower()] if m.group("w3") else None
    else:
        value = _WORD_MULTIPLES[m.group("nw").lower()] if m.group("nw") else parse_number(frac or m.group("n1") or m.group("n3"))
        value_max = parse_number(n2) if n2 else None
    if frac:
        unit, end = _unit_after(text, m.end())
        if unit is None or unit in RATIO_OF or _ONE_OVER.match(frac):
            # `1/2 mức bình quân chung`, `½ thời gian xử lý`: a fraction of a reference
            unit, end = "ratio", m.end()
        elif unit not in ("%", "times"):
            unit = f"of {unit}"  # `04/09 thôn`: a count out of a total
    else:
        if m.group("u1") and not n2:
            unit, end = "%", m.end()
        else:
            unit, end = _unit_after(text, m.end())
            if m.group("u1") and unit is None:
                unit = "%"
    if m.group("nw"):
        unit, end = "times", m.end()  # `gấp đôi thu nhập`: the word is the multiple, what follows is the measure
    if unit and value_max is None and not frac and not word:
        # `từ 80,4 triệu đồng đến 80,8 triệu đồng`: a range whose unit is written at both ends
        upper = _RANGE_END.match(text, end)
        if upper and text[upper.end():upper.end() + len(unit) + 1].lower().startswith(unit) \
                and not text[upper.end() + len(unit):upper.end() + len(unit) + 1].isalnum():
            value_max, end = parse_number(upper.group(1)), upper.end() + len(unit)
    bare = unit is None
    per_year = False
    suffix = _PER_YEAR_SUFFIX.match(text[end:end + _READ_AFTER])
    if suffix:
        per_year = True
        end += suffix.end()
    elif unit and _PER_YEAR_AFTER_NOUN.match(text[end:end + _READ_AFTER]):
        per_year = True  # `01 cuộc diễn tập/năm`, `04 lớp tập huấn/năm`
    comparator = "="
    # `đạt 100% chỉ tiêu trở lên`: the bound qualifies the share of the plan
    more = _BOUND_OF_SHARE.match(text[end:end + _READ_AFTER]) if unit == "%" else _BOUND.match(text[end:end + _READ_AFTER])
    if not more and unit and not per_year:
        more = _BOUND_AFTER_NOUN.match(text[end:end + _READ_AFTER])
    if more:
        comparator = ">=" if "lên" in more.group(1).lower() else "<="
        end += more.end()
        per = _SLASH_YEAR.match(text[end:end + _READ_AFTER])
        if per:
            per_year = True
            end += per.end()
    start, qual, verb = _prefix(text, m.start())
    if unit == "times" and qual and _EVERY_PERIOD.search(text, start, m.start()):
        unit = "lần"  # `ít nhất mỗi năm 1 lần`: how often, a count of times, not a multiple
    if qual and not qual.endswith("đủ"):
        comparator = QUAL_MAP.get(_WHITESPACE.sub(" ", qual), comparator)
        # a bound after a prohibition is the limit allowed (`không để nợ xấu, nợ quá hạn trên 0,3%`: at
        # most 0,3%)
        if comparator in _FORBIDDEN_BEYOND and _PROHIBITION_BEFORE.search(text, max(0, start - 60), start):
            comparator = _FORBIDDEN_BEYOND[comparator]
    if verb.startswith("gấp") and unit is None:
        unit = "times"
        bare = False
    if value_max is not None:
        comparator = "range"
    return ValueExpr(start, end, m.start(), m.end(), value, value_max, unit, comparator, qual, verb,
                     per_year, bool(frac), bare)


_BOUND_BEFORE_VERB = re.compile(r"(?<![\p{L}\d])(ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+dưới|không\s+quá)\s+$", re.I)


_RANGE_END = re.compile(rf"\s*(?:đến|tới|-|–)\s*({NUMBER})\s+")


def _opening_words(alternation: str) -> frozenset[str] | None:
    """The written words (lower case) every match of `alternation` opens with (past a
    look-behind, up to its first pattern sign: `tăng(?:\\s+lên)?` -> `tăng`, `tối\\ thiểu`
    -> `tối thiểu`, `\\~` -> `~`); None if a branch opens otherwise (a digit, a class, an
    optional element)."""
    read = leading_words(alternation)
    return None if read is None or read[1] else frozenset(w.lower() for w in read[0])


# what a non-empty PREFIX match opens with: a verb, a qualifier or `đủ`; PREFIX is tried only
# where one of these is written (found in the lower-cased 40 characters by the standard
# engine, every start), or where `$` holds, not at each of the 40 positions
_PREFIX_RUNS = None if (_v := _opening_words(LEAD_VERBS)) is None or (_q := _opening_words(_QUAL_ALT)) is None \
    else _v | _q | {"đủ"}
# (a word another of them opens, `tối thiểu là` after `tối thiểu`, adds no start)
_PREFIX_FINDER = None if _PREFIX_RUNS is None else _sre.compile("(?=" + "|".join(
    _sre.escape(r) for r in sorted(_PREFIX_RUNS) if not any(o != r and r.startswith(o) for o in _PREFIX_RUNS)) + ")")


_NONE_WRITTEN = object()
_CASE_ODD_0, _CASE_ODD_1 = CASE_ODD  # (asked of each value's 40 characters: two `in`, no generator)


def _written_prefix(before: str):
    """`_prefix_search` up to its last two tries: the match opening with a word, or the plain
    search's result; `_NONE_WRITTEN` when no word opens one (what is left, a match at `$`, is
    empty or a line break: a value with nothing written before it, `_prefix` needs no more)."""
    if _PREFIX_FINDER is None or _CASE_ODD_0 in before or _CASE_ODD_1 in before:
        return PREFIX.search(before)
    low = before.lower()
    if len(low) != len(before):
        return PREFIX.search(before)
    for m in _PREFIX_FINDER.finditer(low):
        pm = PREFIX.match(before, m.start())
        if pm:
            return pm
    return _NONE_WRITTEN


def _prefix_search(before: str):
    """`PREFIX.search(before)`: the leftmost start where PREFIX matches, tried only where a
    match can start (a letter `(?i)` reads as one of the words' letters lower-cases to it,
    checked for every code point in tests/test_anchored.py; a text holding `İ` or `ſ`, or
    whose lower-casing changes its length, is searched plainly)."""
    pm = _written_prefix(before)
    if pm is not _NONE_WRITTEN:
        return pm
    n = len(before)
    if n and before[-1] == "\n":
        pm = PREFIX.match(before, n - 1)  # (`$` before a last line break)
        if pm:
            return pm
    return PREFIX.match(before, n)


def _prefix(text: str, at: int) -> tuple[int, str, str]:
    """Where a value expression starts, and its qualifier and verb, read before the number at `at`."""
    before = text[max(0, at - 40):at]
    pm = _written_prefix(before)  # (a match at `$` alone, empty or a line break, adds nothing)
    start, qual, verb = at, "", ""
    if pm is not _NONE_WRITTEN and pm and pm.group(0).strip():
        start = at - len(before) + pm.start()
        qual = (pm.group("qual") or "").lower()
        verb = (pm.group("verb") or "").lower()
        if pm.group("gap"):
            qual = (qual + " đủ").strip()
    # a qualifier needs a word boundary before it (`hơn` inside `cao hơn` is caught whole,
    # but `trên` must not be the tail of another word)
    if start > 0 and text[start - 1].isalnum():
        return at, "", ""
    if verb and not qual:
        # `tăng đầu tư … ít nhất gấp 2 lần giai đoạn 2011 – 2020`: a bound written before the verb
        bound = _BOUND_BEFORE_VERB.search(text, max(0, start - 20), start)
        if bound:
            start, qual = bound.start(), _WHITESPACE.sub(" ", bound.group(1).lower())
    return start, qual, verb


_EVERY_PERIOD = re.compile(r"\b(?:mỗi|hằng|hàng)\s+(?:năm|tháng|quý|tuần)\b", re.I)


def _with_prefix(text: str, m: re.Match, value: float, unit: str, end: int) -> ValueExpr:
    """A value whose number and unit are read, with the verb and qualifier written before it."""
    start, qual, verb = _prefix(text, m.start())
    comparator = QUAL_MAP.get(_WHITESPACE.sub(" ", qual), "=") if qual and not qual.endswith("đủ") else "="
    return ValueExpr(start, end, m.start(), m.end(), value, None, unit, comparator, qual, verb,
                     False, False, False)


# Every CORE branch opens with a digit (after look-behinds that no word character passes: the
# start of a run of digits) or with a number word (`một` … `mười`, `đôi`, `rưỡi`, any case):
# CORE is tried only there, not at every character (`_core_matches`)
_DIGITS = re.compile(r"\d+")
_CORE_WORDS = OpeningWords(*sorted(set(_WORD_VALUES) | set(_WORD_MULTIPLES)))


# every number word CORE reads stands whole: no letter before it (a look-behind of `\s` after
# `ít nhất`/`từ`/`gấp`, or `(?<![\p{L}])`) and a space or a non-letter after it; so a word
# found inside another (`chín` in `chính`, `ba` in `ban`, `hai` in `khai`: all of the word
# starts the seed plans give) is not tried. Only an ASCII letter rules a start out (a letter
# to every Unicode table; any other neighbour is left to CORE itself)
_JOINERS = frozenset("/.,-")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _core_matches(text: str):
    """`CORE.finditer(text)`: the same matches, left to right and not overlapping (`OpeningWords`'
    starts, as lower-casing finds them; a text holding a letter of `CASE_ODD`, or whose
    lower-casing changes its length, is searched plainly)."""
    low = plain_lower(text)
    if low is None:
        return CORE.finditer(text)
    n = len(low)
    # (every branch that opens with a digit has no `/`, `.`, `,` or `-` before it: the later
    # runs of `1.373`, `93,5`, `31/12` are not tried)
    starts = [at for m in _DIGITS.finditer(text) if not ((at := m.start()) and text[at - 1] in _JOINERS)]
    for w in _CORE_WORDS.words:
        for at in occurrences(low, w):
            end = at + len(w)
            if (at and text[at - 1] in _ASCII_LETTERS) or (end < n and text[end] in _ASCII_LETTERS):
                continue  # inside a longer word
            starts.append(at)
    return matches_at(CORE, text, starts)


def find_values(text: str) -> list[ValueExpr]:
    out: list[ValueExpr] = []
    for m in _core_matches(text):
        if out and m.start() < out[-1].end:
            continue  # the upper end of a range read with its unit at both ends
        out.append(read_value(text, m))
    return out
