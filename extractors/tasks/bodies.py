"""Names of bodies as plans list them for a task: `Cơ quan thực hiện: Sở Nội vụ; Thanh
tra tỉnh`, a heading `1. Ban Dân tộc tỉnh` under TỔ CHỨC THỰC HIỆN, a subject `Ban Tổ chức
Huyện ủy chủ trì …`, a partner `phối hợp với Sở Xây dựng, Sở Tài chính và các cơ quan liên
quan …`.

A list splits on `;` always, and on `,` / `và` only where a new body begins: `UBND các xã,
phường` and `Sở Nông nghiệp và Môi trường` stay whole, `Sở Xây dựng, Sở Tài chính` splits.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from extractors import lexicon
from extractors.anchored import OpeningWords, RequiredWords
from extractors.grammar.markers import BULLETS
from extractors.agencies.names import agency_key, expand
from extractors.text import fold, split_folded

# The patterns here read the folded view (`fold`: `Uỷ ban` is `Ủy ban`, `Toà án` is `Tòa án`),
# so each lists the new spelling only; names are sliced from the text as written.

# Words that open the name of a body, written with a capital (a proper name) ...
_PROPER_HEAD = (
    r"Sở|Ban|Phòng|Văn phòng|Thanh tra|Trường|Công an|Bộ|Cục|Chi cục|Tổng cục|Trung tâm|"
    r"Ủy ban|UBND|HĐND|Hội đồng|Mặt trận|MTTQ(?:VN)?|Đảng ủy|Đảng bộ|Chi bộ|Huyện ủy|"
    r"Tỉnh ủy|Thành ủy|Quận ủy|Tỉnh đoàn|Huyện đoàn|Thành đoàn|Đoàn|Hội|Liên đoàn|Liên minh|Viện|Bệnh viện|"
    r"Kho bạc|Ngân hàng|Bảo hiểm xã hội|Đài|Báo|Bộ Chỉ huy|Ban Chỉ huy|Bộ đội|Đồn|Tòa án|"
    r"Chi nhánh|Công ty|Đại học|Học viện|Quân đội|Lực lượng|Cơ quan|Đơn vị|Tổ công tác|Hạt|Kiểm lâm"
)
# ... or a collective written in lower case after `các` / `những` / `từng`.
_COLLECTIVE = (
    r"(?:[Cc]ác|[Nn]hững|[Tt]ừng)\s+(?:sở|ban|ngành|cơ quan|đơn vị|tổ chức|phòng|hội|đoàn thể|"
    r"địa phương|xã|phường|huyện|tỉnh|doanh nghiệp|trường|cấp ủy|cấp|lực lượng|chi bộ|đảng bộ|bộ|Bộ|Sở|Ban|Phòng|Ủy ban|UBND)"
)
_BARE_HEAD = re.compile(rf"(?:{_PROPER_HEAD})")


def bare_head(name: str) -> bool:
    """`Đảng bộ`, `Ban`: a head word alone, naming no body."""
    return bool(_BARE_HEAD.fullmatch(fold(name.strip())))


# a level of government written in lower case, as the subject told it must act (`cấp huyện
# cần tăng cường tuyên truyền …`)
_LEVEL_SUBJECT = r"cấp\s+(?:tỉnh|huyện|xã)(?=\s+(?:cần|phải|có trách nhiệm)(?![\p{L}]))"
BODY_START = re.compile(rf"(?:(?:{_PROPER_HEAD})|{_COLLECTIVE}|{_LEVEL_SUBJECT})(?![\p{{L}}\p{{N}}])")

# Where the name of a subject ends and what it must do begins (lexicon/predicate_words.tsv;
# lower-case words only, so `Ban Tổ chức` stays a name while `… tổ chức thực hiện` is a verb).
# Pages copied from PDFs glue syllables (`Trung ương tậptrung chỉ đạo`, `các đoànthể`): a
# verb's syllables may be written together, so each space inside a verb reads as optional.
_PREDICATE_WORDS = "|".join(
    "".join(f"(?<!{re.escape(w, literal_spaces=True)}\\s)" for w in after) + re.escape(words, literal_spaces=True)
    + (f"(?! {re.escape(unless, literal_spaces=True)})" if unless else "")
    for words, after, unless in lexicon.predicate_words())
PREDICATE = re.compile(
    r"\s*:|\s+(?=(?:" + _PREDICATE_WORDS.replace(" ", r"\s*") + r")(?![\p{L}]))"
)
LEAD_WORDS = re.compile(rf"^(?:[{BULLETS}]\s*)?(?:[Đđ]ề nghị|[Gg]iao(?: cho)?|[Yy]êu cầu)\s+")


def without_lead_words(text: str) -> str:
    """`LEAD_WORDS.sub("", text)`: its one match is at the start, where `sub` would try every
    position of the text (a paragraph's, a dozen microseconds)."""
    m = LEAD_WORDS.match(text)
    return text[m.end():] if m else text
_SPLIT = re.compile(rf"\s*(?:,|\bvà\b|\bvới\b)\s*(?={BODY_START.pattern})"
                    r"|\s+và\s+(?=(?:các\s+)?(?:đơn vị|cơ quan|địa phương|tổ chức)\s+(?:có\s+)?liên quan)")
# a body's name runs to this many words at most (a subject, to twice that); a longer
# piece has run on into the duty
_MAX_NAME_WORDS = 16
# what is left once a partner list is set aside is a duty only if it has a verb and an
# object at least (`tổ chức kiểm tra …`); shorter, the partners were the sentence
_MIN_DUTY_WORDS = 3


# a body's grouping key (`agency_key`), kept: a plan names its few bodies again and again, in
# every unit's roles and lists
name_key = lru_cache(maxsize=4096)(agency_key)


_SEMICOLON = re.compile(r"\s*;\s*")
# a body's role noted after its name: `Sở Y tế (phối hợp)`
_ROLE_NOTE_END = re.compile(r"\s*\((?:nếu có|chủ trì|phối hợp)\)\s*$")


def split_bodies(text: str) -> list[str]:
    """Bodies in a written list, each as written (trimmed)."""
    out: list[str] = []
    for part in _SEMICOLON.split(text):
        for piece in split_folded(_SPLIT, part):
            piece = _ROLE_NOTE_END.sub("", piece.strip())
            piece = piece.strip(" .,:;-+")
            piece = without_lead_words(piece)
            if piece and len(piece.split()) <= _MAX_NAME_WORDS:
                out.append(piece)
    return out


_SENTENCE_BREAK = re.compile(r"[.;]\s")


def leading_bodies(text: str) -> tuple[list[str], str]:
    """(bodies, rest) when `text` opens with the names of bodies as its subject
    (`Ban Tuyên giáo Huyện ủy: Chỉ đạo …`, `Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị -
    xã hội thực hiện giám sát …`, a heading `Sở Tài chính`); else ([], text)."""
    body = without_lead_words(text.strip())
    folded = fold(body)
    head = BODY_START.match(folded)
    if not head:
        return [], text
    m = PREDICATE.search(folded, head.end())  # past the head noun: `Các tổ chức đoàn thể` is a name
    name, rest = (body[:m.start()], body[m.end():]) if m else (body, "")
    name = name.strip(" .,;")
    if not name or len(name.split()) > 2 * _MAX_NAME_WORDS or _SENTENCE_BREAK.search(name):
        return [], text
    bodies = split_bodies(name)
    return (bodies, rest.strip()) if bodies else ([], text)


_LIST_END = re.compile(r"[.;(]")
# (`phối hợp vớicác Bộ`: a copied page may glue `với` to the `các` of the list)
_PARTNERS_WITH = re.compile(r"(?:phối hợp(?:\s+(?:tốt|chặt chẽ))?(?:\s+với)?|cùng\s+với)"
                            r"(?:\s+|(?<=với)(?=(?:các|những)\s))", re.I)
_PARTNERS_WITH_WORDS = OpeningWords("phối hợp", "cùng")  # (every match opens with one: tried there only)
# a partner written in lower case without `các` (`phối hợp tốt với cơ quan bảo hiểm xã hội huyện`)
_PLAIN_HEAD = re.compile(r"(?:cơ quan|đơn vị)(?=\s+\p{L})")


def partners_after(text: str, start: int = 0) -> list[str]:
    """Bodies named after `phối hợp với` / `cùng với` at or after `start`, up to the verb of
    the joint task."""
    folded = fold(text)
    for m in _PARTNERS_WITH_WORDS.finditer(_PARTNERS_WITH, folded, start):
        tail, folded_tail = text[m.end():], folded[m.end():]
        head = BODY_START.match(folded_tail) or _PLAIN_HEAD.match(folded_tail)
        if head:
            break
    else:
        return []
    stop = PREDICATE.search(folded_tail, head.end())
    name = tail[:stop.start()] if stop else tail
    name = _LIST_END.split(name)[0]
    return split_bodies(name)


_WITH_PARTNERS_OPENING = re.compile(r"^(?:chủ trì\s*,?\s*|chủ động\s+)?(?:phối hợp|cùng)\s+với\s+", re.I)
_SENTENCE_MARK = re.compile(r"[.;]")


def duty_after_partners(text: str) -> str:
    """`Chủ trì, phối hợp với Sở Tài chính, Công an tỉnh tổ chức kiểm tra …` -> `tổ chức kiểm
    tra …`: the duty itself, once the partner list (shown apart) is set aside."""
    m = _WITH_PARTNERS_OPENING.match(text)
    if not m:
        return text
    tail, folded_tail = text[m.end():], fold(text)[m.end():]
    head = BODY_START.match(folded_tail)
    stop = PREDICATE.search(folded_tail, head.end()) if head else None
    if not stop or _SENTENCE_MARK.search(tail[:stop.start()]):
        return text
    rest = tail[stop.end():].lstrip(" ,")
    return rest if len(rest.split()) >= _MIN_DUTY_WORDS else text


# the kinds of central body a list names apart (`các bộ, cơ quan ngang bộ, cơ quan thuộc Chính
# phủ` is three bodies), unlike level words of one collective (`các sở, ban, ngành`)
_STATE_BODY_KIND = re.compile(r",\s*(?=cơ quan\s+(?:ngang\s+bộ|thuộc\s+Chính\s+phủ)(?![\p{L}]))", re.I)
_STATE_BODY_KIND_WORDS = RequiredWords("cơ quan")  # (every cut holds it: a name without it is not split)


def dedupe_names(names: list[str]) -> list[str]:
    """Each body once (the first spelling of it), its full name, capitalised; `Các bộ, cơ quan
    ngang bộ` as its two bodies."""
    out, seen = [], set()
    names = [part.strip() for n in names
             for part in ((n,) if _STATE_BODY_KIND_WORDS.absent(n) else _STATE_BODY_KIND.split(n)) if part.strip()]
    for n in names:
        n = expand(n)
        k = name_key(n)
        if n and k not in seen:
            seen.add(k)
            out.append(n[:1].upper() + n[1:])
    return out
