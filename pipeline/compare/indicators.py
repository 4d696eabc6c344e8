"""Which targets of two plans measure the same indicator, and which of the two asks more.

Plans of different levels word the same indicator differently: abbreviations
(`DTTS` / `dân tộc thiểu số`), extra qualifiers (`trong vùng đồng bào DTTS`), word
order and near-synonyms (`được dùng điện` / `được sử dụng điện`). An indicator
phrase is normalised (abbreviations expanded, old/new tone placement unified,
values and qualifier words dropped), segmented into words with underthesea, and
compared by TF-IDF cosine over words and over character n-grams. The IDF comes
from both plans together, so words that every target of a subject shares (`đồng
bào dân tộc thiểu số` in an ethnic-minority plan) weigh little and the words that
tell indicators apart (`hộ nghèo`, `bảo hiểm y tế`) weigh much.

The comparator semantics turn a value expression into the requirement it sets
(a floor for an indicator that should rise, a ceiling for one that should fall,
an amount for a cut) and compare two requirements by meaning: `từ 4-5%/năm`
asks more than `trên 3%/năm`, `tăng trên 2 lần` more than `tăng 2 lần`, `còn
dưới 13,5%` more than `xuống dưới 17%` for a falling rate.

Pure: text in, numbers out.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Literal, Optional, Sequence

import regex as re

from extractors import lexicon, nlp
from extractors.models import Target
from extractors.targets.indicator import drop_framing
from extractors.targets.rules import card_label
from extractors.text import PlanText

Polarity = Literal["higher", "lower"]
Verdict = Literal["same", "stricter", "weaker"]

# Abbreviations common in Vietnamese plans, longest first when applied.
# the shared table, lower-cased with dashes dropped for matching (`kinh tế - xã hội` → `kinh tế xã hội`)
ABBREVIATIONS: dict[str, str] = {short: long.lower().replace(" - ", " ")
                                 for short, long in lexicon.abbreviations("indicator").items()}

# Phrasings that name the same thing, mapped to one spelling (applied after lower-casing).
SYNONYMS: dict[str, str] = {
    "rải nhựa hoặc bê tông": "cứng hóa",
    "rải nhựa hoặc bê tông hóa": "cứng hóa",
    "nhựa hóa hoặc bê tông hóa": "cứng hóa",
    "bê tông hóa": "cứng hóa",
    "kiên cố hóa": "xây dựng kiên cố",
    "được dùng": "được sử dụng",
    "tỉ lệ": "tỷ lệ",
    "phần đầu": "phấn đấu",   # a frequent OCR slip for `phấn đấu`
    "phân đầu": "phấn đấu",
    "đội văn hóa, văn nghệ": "đội văn nghệ",
    "đội văn hóa văn nghệ": "đội văn nghệ",
    "nhà văn hóa": "nhà sinh hoạt cộng đồng",
    "đài phát thanh": "phát thanh",
    "học sinh học": "học sinh",
    # the output of an economy: national GDP, a province's or district's GRDP, a commune's
    # `tổng giá trị sản phẩm`; its growth is the plan's `tăng trưởng kinh tế`
    "tổng sản phẩm trong nước": "gdp",
    "tổng sản phẩm trên địa bàn": "gdp",
    "tổng giá trị sản phẩm": "gdp",
    "tổng sản phẩm": "gdp",
    "grdp": "gdp",
    "tăng trưởng kinh tế": "tăng gdp",
    "tăng trưởng gdp": "tăng gdp",
    # health-insurance coverage is the share of the population enrolled
    "bao phủ bảo hiểm y tế": "dân số tham gia bảo hiểm y tế",
    "người dân tham gia bảo hiểm y tế": "dân số tham gia bảo hiểm y tế",
}

# Words that qualify a value or carry direction; the comparator semantics read them,
# the indicator similarity must not. Compounds are written with `_` as underthesea
# segments them; without NLP they are removed as phrases before splitting.
STOP_WORDS = set("""
đạt phấn_đấu tối_thiểu tối_đa ít_nhất khoảng trở_lên trên dưới từ đến năm bảo_đảm đảm_bảo
duy_trì có được các những của và trong số tỷ_lệ là với so_với mỗi hằng hàng đó trong_đó cho
đối_với về theo tăng giảm xuống còn hơn không quá lên nâng nâng_cao bình_quân lần gấp
hoàn_thành chỉ_tiêu mục_tiêu cụ_thể sau như nhất người nơi này phù_hợp cơ_bản ra vào tại
thì mà hoặc cùng toàn_bộ
""".split())
_STOP_PHRASES = re.compile(
    "|".join(rf"(?<!\p{{L}}){re.escape(w.replace('_', ' '))}(?!\p{{L}})"
             for w in sorted((w for w in STOP_WORDS if "_" in w), key=len, reverse=True)))

# Indicators that should fall: a plain level of one of them is a ceiling.
FALLING_INDICATORS = re.compile(
    r"hộ nghèo|cận nghèo|tái nghèo|suy dinh dưỡng|tảo hôn|hôn nhân cận huyết|tử vong|thất nghiệp|"
    r"ô nhiễm|tai nạn|tội phạm|trễ hạn|quá hạn|nợ xấu|bỏ học|lưu ban|mù chữ|tái mù|"
    r"khiếu nại|vi phạm|sai phạm|chênh lệch|khoảng cách|thiếu đất|thiếu nước|nhà tạm|dột nát|"
    r"di cư tự do|di cư không theo kế hoạch|sinh con thứ ba|mất cân bằng giới tính|"
    r"chi phí|thời gian giải quyết|cắt giảm|tinh giản"
)

_VALUE = re.compile(
    r"\d+(?:[.,]\d+)*\s*(?:%|phần trăm)?(?:/\s*\w+)*|[½⅓¼¾⅔]|\$[^$]*\$"
)
_TONE_OLD_NEW = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
# Modern spelling puts the tone on the main vowel (`hóa`, `thủy`); plans use both.
_TONE_FIX = {new: old for old, new in _TONE_OLD_NEW.items()}
_TONE_RE = re.compile("|".join(map(re.escape, _TONE_FIX)))
# `bác sỹ` / `bác sĩ`, `kỹ thuật` / `kĩ thuật`, `tỉ lệ` / `tỷ lệ`: syllables written with a
# final `i` or `y`; one spelling (the one word segmentation knows) for both
_I_Y_SPELLING = {"sỹ": "sĩ", "kĩ": "kỹ", "tỉ": "tỷ", "lí": "lý", "mĩ": "mỹ"}
_I_Y_RE = re.compile("|".join(rf"(?<!\p{{L}}){k}(?!\p{{L}})" for k in _I_Y_SPELLING))


def unify_i_y(text: str) -> str:
    """`bác sỹ` → `bác sĩ`, `kĩ thuật` → `kỹ thuật` (lower-case text)."""
    return _I_Y_RE.sub(lambda m: _I_Y_SPELLING[m.group()], text)


_ABBR_RE = re.compile(
    "|".join(rf"(?<![\p{{L}}\d]){re.escape(k)}(?![\p{{L}}\d])"
             for k in sorted(ABBREVIATIONS, key=len, reverse=True)))
_SYN_RE = re.compile("|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True)))
_YEAR_PHRASE = re.compile(r"(?:đến|vào|trong|tới)?\s*(?:cuối\s+)?năm\s+\d{4}|giai đoạn\s+\d{4}\s*-\s*\d{4}")


# an aside in brackets qualifies the indicator (`(đủ điều kiện theo quy định của pháp luật)`,
# `(không tính giường trạm y tế xã)`) rather than naming it; a short one (`(GDP)`, `(thể
# thấp còi)`) names it and stays
_ASIDE = re.compile(r"\((?:[^()]*?\s){3,}[^()]*\)")


def expand_abbreviations(text: str) -> str:
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group()], text)


def normalise_indicator(text: str) -> str:
    """Lower case, abbreviations expanded, one tone spelling, synonyms unified, numbers,
    years and punctuation removed: `98% số hộ dân được dùng điện` → `số hộ dân được sử
    dụng điện`."""
    text = unicodedata.normalize("NFC", text)
    text = _ASIDE.sub(" ", text)
    text = expand_abbreviations(text)
    text = text.lower()
    text = _TONE_RE.sub(lambda m: _TONE_FIX[m.group()], text)
    text = unify_i_y(text)
    text = _SYN_RE.sub(lambda m: SYNONYMS[m.group()], text)
    text = _YEAR_PHRASE.sub(" ", text)
    text = _VALUE.sub(" ", text)
    text = re.sub(r"[^\p{L}\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def indicator_words(text: str) -> list[str]:
    """Content words of an indicator phrase: underthesea compounds (`hộ_nghèo`) when NLP
    is on, syllables otherwise; qualifier words dropped."""
    norm = normalise_indicator(text)
    if not norm:
        return []
    if nlp.enabled():
        words = [w.replace(" ", "_") for w in nlp.word_tokenize(norm)]
    else:
        words = _STOP_PHRASES.sub(" ", norm).split()
    return [w for w in words if w not in STOP_WORDS and len(w) > 1]


def _char_grams(words: Sequence[str], n: int = 4) -> list[str]:
    grams: list[str] = []
    for w in words:
        s = f" {w.replace('_', ' ')} "
        grams += [s[i:i + n] for i in range(max(1, len(s) - n + 1))]
    return grams


def _syllables(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        out += w.split("_")
    return out


class IndicatorSpace:
    """TF-IDF vectors of indicator phrases over words, syllables and character
    4-grams, with IDF taken from all phrases given (both plans)."""

    WEIGHTS = (("words", 0.4), ("syllables", 0.3), ("chars", 0.3))

    def __init__(self, phrases: Sequence[str]):
        self.words = [indicator_words(p) for p in phrases]
        feats = {
            "words": self.words,
            "syllables": [_syllables(w) for w in self.words],
            "chars": [_char_grams(w) for w in self.words],
        }
        self.vectors: dict[str, list[dict[str, float]]] = {}
        n = max(len(phrases), 1)
        for kind, docs in feats.items():
            df = Counter(f for d in docs for f in set(d))
            idf = {f: math.log((1 + n) / (1 + c)) + 1.0 for f, c in df.items()}
            vecs = []
            for d in docs:
                tf = Counter(d)
                v = {f: (1 + math.log(c)) * idf[f] for f, c in tf.items()}
                norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
                vecs.append({f: x / norm for f, x in v.items()})
            self.vectors[kind] = vecs

    def similarity(self, i: int, j: int) -> float:
        total = 0.0
        for kind, weight in self.WEIGHTS:
            a, b = self.vectors[kind][i], self.vectors[kind][j]
            if len(a) > len(b):
                a, b = b, a
            total += weight * sum(x * b.get(f, 0.0) for f, x in a.items())
        return total


# ---------------------------------------------------------------------------
# where a target's indicator is written: the clause around its value

_CLAUSE_STOP = re.compile(r"[;:]|\.(?=\s|$)|\n")
# words that open a noun phrase after a value: `98% số hộ`, `80% thôn`, `100% trạm y tế`
_AFTER_QUALIFIER = re.compile(
    r"\s*(?:trở lên|trở xuống|so với|/\s*năm|mỗi năm|hằng năm|hàng năm|năm\s+\d{4}|"
    r"vào năm|đến năm|[,;.)(]|$)", re.I)


@dataclass
class IndicatorContext:
    """The words a target's indicator is written in: `local` is the clause that belongs
    to its value, `sentence` the whole sentence, `before` the words just before it."""
    local: str
    sentence: str
    before: str
    value_in_sentence: Optional[tuple[int, int]] = None
    clause: str = ""      # the clause alone, without the extractor's indicator put in front
    agrees: bool = True   # the extractor's indicator, if any, lies within the clause


def indicator_contexts(doc: PlanText, targets: Sequence[Target]) -> list[IndicatorContext]:
    """For each target (in the given order) the clause that names what it measures.

    A value either follows its indicator (`Tỷ lệ hộ nghèo ... giảm 4-5%`, value-last)
    or precedes it (`98% số hộ dân được sử dụng điện`, value-first): what comes right
    after the value tells which. The clause runs from the neighbouring value or
    clause stop to the value (value-last) or from the value to the next value or
    clause stop (value-first), so that in `80% số trường ... và 100% trạm y tế ...`
    each value keeps its own words. The extractor's `indicator`, when it has one, is
    added in front.
    """
    clean = doc.clean
    positions = []
    for t in targets:
        cs = doc.clean_pos(t.span[0])
        ce = max(cs + 1, doc.clean_pos(t.span[1] - 1) + 1) if t.span[1] > t.span[0] else cs + 1
        positions.append((cs, ce))
    order = sorted(range(len(targets)), key=lambda k: positions[k])
    out: list[Optional[IndicatorContext]] = [None] * len(targets)
    bounds = {}
    for rank, k in enumerate(order):
        cs, ce = positions[k]
        para = doc.paragraph_at(min(cs, max(len(clean) - 1, 0)))
        p_start, p_end = (para.start, para.end) if para else (max(0, cs - 200), min(len(clean), ce + 200))
        prev_end = positions[order[rank - 1]][1] if rank > 0 else p_start
        next_start = positions[order[rank + 1]][0] if rank + 1 < len(order) else p_end
        prev_end = max(p_start, prev_end if prev_end <= cs else p_start)
        next_start = min(p_end, next_start if next_start >= ce else p_end)
        # clause stops inside the paragraph
        left = prev_end
        for m in _CLAUSE_STOP.finditer(clean, prev_end, cs):
            left = m.end()
        right = next_start
        m = _CLAUSE_STOP.search(clean, ce, next_start)
        if m:
            right = m.start()
        after = clean[ce:right]
        value_first = not _AFTER_QUALIFIER.match(after) and bool(re.match(r"\s*\p{L}", after))
        bounds[k] = (p_start, p_end, prev_end, next_start, left, right, value_first)
    for rank, k in enumerate(order):
        cs, ce = positions[k]
        p_start, p_end, prev_end, next_start, left, right, value_first = bounds[k]
        nxt = order[rank + 1] if rank + 1 < len(order) else None
        prv = order[rank - 1] if rank > 0 else None
        # `giảm 0,35% hộ nghèo, tỷ lệ người dân tham gia BHYT đạt 92%`: between a value
        # that names its indicator after it and one that names it before, the last comma
        # parts the two indicators
        if value_first and nxt is not None and right == next_start and not bounds[nxt][6]:
            comma = clean.rfind(",", ce, right)
            if comma >= 0:
                right = comma
        if not value_first and prv is not None and left == prev_end and bounds[prv][6]:
            comma = clean.rfind(",", left, cs)
            if comma >= 0:
                left = comma + 1
        if value_first:
            local = clean[cs:right]
            # `80% số trường ... và 100% trạm y tế ... được xây dựng kiên cố`: in a
            # coordinated list the predicate after the last item belongs to every item
            if right == next_start and nxt is not None:
                nxt_end = positions[nxt][1]
                stop = _CLAUSE_STOP.search(clean, nxt_end, p_end)
                tail = clean[nxt_end:stop.start() if stop else p_end]
                if len(indicator_words(local)) < 2:
                    # `đạt 80% (2030) và … đạt 100% số cán bộ được đào tạo`: staged values
                    # share the noun phrase written after the last one
                    local = f"{local} {tail}"
                elif re.search(r"(?:\bvà|\bhoặc|,)\s*$", local):
                    pred = re.search(r"\b(?:được|có|đạt|phải)\b.*", tail)
                    if pred:
                        local = f"{local} {pred.group()}"
        else:
            local = clean[left:ce]
            # framing prose before the indicator (`Nhằm bảo đảm an sinh xã hội, xã đặt mục
            # tiêu giảm tỷ lệ hộ nghèo 0,58%`) names no measure
            framed = drop_framing(local)
            if len(indicator_words(framed)) >= 2:
                local = framed
        sent_left = p_start
        for m in re.finditer(r"[;]|\.(?=\s)", clean[p_start:cs]):
            sent_left = p_start + m.end()
        m = re.search(r"[;]|\.(?=\s|$)", clean[ce:p_end])
        sent_right = ce + m.start() if m else p_end
        if len(indicator_words(local)) < 2:
            # a bare value (`đạt 65%`, a table cell): the sentence up to it names it
            local = clean[sent_left:ce] if not value_first else clean[sent_left:right]
        card = card_label(doc.raw, tuple(targets[k].span))
        if card is not None:
            # an infographic card (`Tỷ lệ bao phủ bảo hiểm y tế ;` / `>95%`): the clean view
            # runs the cards together, the label is the raw line above the value
            local = card[0]
            marked = _fold(f"{card[0]} \x01{clean[cs:ce]}\x02")
        else:
            marked = _fold(f"{clean[sent_left:cs]}\x01{clean[cs:ce]}\x02{clean[ce:sent_right]}")
        a, b = marked.find("\x01"), marked.find("\x02")
        sentence = marked.replace("\x01", "").replace("\x02", "")
        ind = targets[k].indicator.strip()
        own = local
        agrees = not ind or normalise_indicator(ind) in normalise_indicator(local)
        if not agrees:
            local = f"{ind} {local}"
        out[k] = IndicatorContext(local=_fold(local), sentence=sentence,
                                  before=_fold(clean[max(p_start, cs - 40):cs]),
                                  value_in_sentence=(a, b - 1) if 0 <= a < b else None,
                                  clause=_fold(own), agrees=agrees)
    return [c for c in out if c is not None]


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" -+•,")


# ---------------------------------------------------------------------------
# comparator semantics

_MONEY_SCALE = {"đồng": 1.0, "nghìn đồng": 1e3, "ngàn đồng": 1e3, "triệu đồng": 1e6, "triệu": 1e6,
                "tỷ đồng": 1e9, "tỷ": 1e9, "nghìn tỷ đồng": 1e12, "nghìn tỷ": 1e12, "usd": None}
_UNIT_ALIASES = {"lần": "times", "gấp": "times", "phần trăm": "%"}


_UNIT_POINTS = re.compile(r"^điểm\s*(?:%|phần trăm)$")
# words that scale a number rather than name what is counted: never the head of a unit
_SCALE_WORDS = {"nghìn", "ngàn", "triệu", "tỷ", "vạn", "trăm", "chục"}


def _unit_words(unit: Optional[str]) -> str:
    u = unicodedata.normalize("NFC", (unit or "").strip().lower())
    u = re.sub(r"/.*$", "", u).strip()
    return re.sub(r"\s+", " ", unify_i_y(u))


def unit_key(unit: Optional[str]) -> tuple[str, float]:
    """(dimension, scale): money units share one dimension with their scale; `bác sỹ` is
    `bác sĩ`; percentage points (`điểm %`) are the `%` of a rate."""
    u = _unit_words(unit)
    if _UNIT_POINTS.match(u):
        u = "%"
    u = _UNIT_ALIASES.get(u, u)
    scale = _MONEY_SCALE.get(u)
    if scale:
        return ("đồng", scale)
    return (u, 1.0)


def units_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Same dimension, or the same counted thing named shorter (`giường` / `giường bệnh`):
    one unit's words begin the other's, the first being a noun, not a scale."""
    ka, kb = unit_key(a)[0], unit_key(b)[0]
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return bool(short) and short.split()[0] not in _SCALE_WORDS and long_.startswith(short + " ")


def polarity(target: Target, context: str = "", indicator: Optional[str] = None) -> Polarity:
    """Whether a larger value asks more (`higher`) or less (`lower`).

    A ceiling (`dưới`, `tối đa`) and the level a falling rate must come down to (`giảm
    ... xuống 10%`, `còn dưới 5%`, a plain `tỷ lệ hộ nghèo 5%`) ask more when lower.
    The amount of a cut (`mỗi năm giảm 4-5%`, `giảm trên 30% số ...`) asks more when
    higher, like any floor of a rising indicator.

    `context` is the words just before the value (`xuống`, `còn` end it); whether the
    indicator is one that should fall is read off `indicator` when given, so that a `hộ
    nghèo` ending the previous item does not make a training rate fall."""
    text = f"{context if indicator is None else indicator} {target.text}".lower()
    if target.comparator in ("<", "<="):
        return "lower"
    if target.direction == "cut":
        if re.search(r"xuống|còn\s*(?:dưới|không quá|tối đa)?\s*$", (context or "").lower()) or \
                re.search(r"^\s*(?:xuống|còn)", (target.text or "").lower()):
            return "lower"
        return "higher"
    if target.direction in ("reach", "keep") and FALLING_INDICATORS.search(normalise_indicator(text)) \
            and not re.search(r"giảm|cắt giảm", text):
        return "lower"
    return "higher"


def _bounds(t: Target, scale: float) -> tuple[float, float]:
    lo = t.value * scale
    hi = (t.value_max if t.value_max is not None else t.value) * scale
    return (min(lo, hi), max(lo, hi))


def requirement_key(t: Target, pol: Polarity, scale: float = 1.0) -> tuple[float, int, float]:
    """A sortable key: greater means asks more. The commitment of a floor is its low end
    (`từ 4-5%` promises 4), of a ceiling its high end; an open bound (`trên 30%`) asks a
    little more than a closed one (`30%`, `tối thiểu 30%`)."""
    lo, hi = _bounds(t, scale)
    if pol == "higher":
        open_ = 1 if t.comparator == ">" else 0
        return (lo, open_, hi)
    open_ = 1 if t.comparator == "<" else 0
    return (-hi, open_, -lo)


def compare_values(parent: Target, child: Target, pol: Polarity) -> Verdict:
    """How the child's level compares with the parent's, years aside."""
    pk = requirement_key(parent, pol, unit_key(parent.unit)[1])
    ck = requirement_key(child, pol, unit_key(child.unit)[1])
    if _close(pk[0], ck[0]):
        pk, ck = (0.0, pk[1], pk[2]), (0.0, ck[1], ck[2])
        if pk[1] == ck[1]:
            if _close(pk[2], ck[2]):
                return "same"
            return "stricter" if ck[2] > pk[2] else "weaker"
    return "stricter" if ck > pk else "weaker"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@dataclass
class Judgement:
    status: Verdict
    reason: str


def judge(parent: Target, child: Target, pol: Polarity) -> Judgement:
    """Status of the child's target against the parent's: by value, then by year (an
    earlier year asks more, a later one less). When value and year disagree the child
    fails the parent's target as set, so it is weaker. A yearly rate asks the same every
    year: its horizon is the period it runs for, not a due date, so the year only
    explains."""
    by_value = compare_values(parent, child, pol)
    by_year: Verdict = "same"
    years_differ = bool(parent.target_year and child.target_year
                        and parent.target_year != child.target_year)
    if years_differ and not (parent.per_year and child.per_year):
        by_year = "stricter" if child.target_year < parent.target_year else "weaker"
    what = {"higher": "floor", "lower": "ceiling"}[pol]
    if parent.direction == "cut" and pol == "higher":
        what = "cut"
    reasons = []
    if by_value != "same":
        reasons.append(f"{'higher' if (by_value == 'stricter') == (pol == 'higher') else 'lower'} {what}")
    if years_differ:
        early = child.target_year < parent.target_year
        reasons.append(f"{'earlier' if early else 'later'} year ({child.target_year} vs "
                       f"{parent.target_year}){'' if by_year != 'same' else ', a yearly rate'}")
    if by_value == by_year or by_year == "same":
        status = by_value
    elif by_value == "same":
        status = by_year
    else:
        status = "weaker"
    return Judgement(status, "; ".join(reasons) or "same level")
