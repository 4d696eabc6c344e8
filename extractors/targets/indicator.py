"""The indicator: the phrase a target's number measures.

Plans put it on either side of the number:
- after it, as the noun phrase the share is taken of: `98% số hộ dân được sử
  dụng điện lưới quốc gia`, `Trên 85% phụ nữ người DTTS có thai được khám thai`;
- before it, as the subject of the clause: `Tỷ lệ hộ nghèo trong vùng đồng bào
  DTTS mỗi năm giảm từ 4-5%`, `HDI đạt trên 0,69`.

Rules find the side and the rough boundaries (punctuation, connectors, a list
of opening action verbs). With NLP on, underthesea's POS tags decide what the
rules cannot: whether the words after the number start a noun phrase, whether a
`và` / comma ends the phrase (after its verb: `... điện lưới quốc gia và các
nguồn điện khác`) or joins two nouns (`phụ nữ và trẻ em gái`, `cán bộ, công
chức`), and which opening words are the action (`giảm`, `bố trí`, `nâng
cấp`, any verb) rather than the indicator.
"""
from __future__ import annotations

import regex as re

from extractors import nlp
from extractors.grammar.markers import strip_marker

# words that, right after the value, do not start the measured noun phrase
_CONNECTORS = re.compile(
    r"^(?:và|hoặc|so|với|trong|đến|tới|năm|trở|mỗi|hằng|hàng|vào|từ|theo|tại|thì|nhưng|để|"
    r"khi|nếu|sau|trước|bình quân|/)\b", re.I)
# the indicator stands before the value when the clause opens with a measure noun
_MEASURE_NOUNS = (r"(?:tỷ lệ|tỉ lệ|chỉ số|mức|tốc độ|thu nhập|tuổi thọ|tổng|năng suất|"
                  r"tăng trưởng|giá trị|diện tích|độ che phủ|số lượng|số|hệ số|quy mô|"
                  r"kim ngạch|sản lượng|tổng sản phẩm|vốn đầu tư|GRDP|GDP|HDI)")
MEASURE_SUBJECT = re.compile(rf"^{_MEASURE_NOUNS}\b", re.I)
# action verbs and adverbs that open a clause before its indicator (the rules' own list)
_LEAD_VERBS = re.compile(
    r"^(?:(?:phấn đấu|phần đầu|phân đầu|đảm bảo|bảo đảm|duy trì|giữ vững|giữ|nâng cao|nâng cấp|nâng|"
    r"tăng cường|tăng|giảm|hạ|kéo giảm|đưa|bố trí|sắp xếp|di dời|quy hoạch|hỗ trợ|xây dựng|"
    r"thực hiện|hoàn thành|có|đạt|tập trung|giải quyết|tổ chức|cơ bản|phát triển|lộ trình|"
    r"theo lộ trình|theo|trong đó có|trong đó|cho|là|được|đến)(?:[\s,]+|$))+", re.I)
_TIME = re.compile(r"(?:từ\s+)?(?:năm\s+)?(?:19|20)\d\d\s*(?:-|đến|tới)\s*(?:năm\s+)?(?:19|20)\d\d|"
                   r"(?:đến|tới|vào|trong)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d|"
                   r"giai đoạn\s+\S+|mỗi năm|hằng năm|hàng năm", re.I)
_TRAILING = re.compile(
    r"(?:[\s,]+(?:giảm|tăng|đạt|là|chiếm|phấn đấu|có|còn|xuống|lên|được|cụ thể|ở mức|cho|bình quân|sẽ|"
    r"trung bình))+$", re.I)
_AFTER_STOP = re.compile(r"\s*(?:[;:.()]|\s+trong đó\b|\s+so với\b|\s+(?:vào|đến|tới)\s+năm\b|"
                         r"\s+mỗi năm\b|\s+hằng năm\b|\s+hàng năm\b)", re.I)
_VERBISH = re.compile(r"\b(?:được|có|đạt|là|phải|sử dụng|tham gia)\b", re.I)
_NOUNISH = {"N", "Np", "Nc", "Nu", "Ny", "Nb", "L", "M", "P"}
_MAX_WORDS = 20


def _clip(text: str, n: int, from_end: bool = False) -> str:
    words = text.split()
    return " ".join(words[-n:] if from_end else words[:n])


_IS_OR_HAS_OPENING = re.compile(r"^\s*(?:là|gồm)\s+", re.I)


def _after_text(after: str) -> str:
    after = _IS_OR_HAS_OPENING.sub("", after)
    stop = _AFTER_STOP.search(after)
    return (after[:stop.start()] if stop else after).strip()


_ASIDE_OPENING = re.compile(r"^\s*\([^)]*\)")
# a horizon opening the clause is not the indicator: `Đến năm 2030, tỷ lệ …`
_HORIZON_LEAD = re.compile(r"^.*?(?:đến|tới|vào|trong)\s+(?:hết\s+|cuối\s+)?năm\s+\d{4}\s*,\s*", re.I)
_COLON_OR_SEMICOLON = re.compile(r"[;:]")
_WHITESPACE = re.compile(r"\s+")
_GOAL_SETTER = re.compile(r"^(?!(?:tỷ|tỉ)\s+lệ|chỉ\s+số|tốc\s+độ|mức)[^;:]*\b(?:đặt\s+(?:ra\s+)?mục\s+tiêu|đề\s+ra\s+mục\s+tiêu|"
                          r"phấn\s+đấu|(?:hoàn\s+thành|thực\s+hiện)\s+(?:các\s+)?mục\s+tiêu|cần|phải)\s+(?=\S)", re.I)
_FRONTED_TOPIC = re.compile(r"^(?:(?:(?:về|đối\s+với|nhằm|để)\s+[^,;:]{1,60}|theo\s+đó|bên\s+cạnh\s+đó|ngoài\s+ra|cụ\s+thể)\s*,\s*)+(?=\S)",
                            re.I)


def drop_framing(before: str) -> str:
    """The clause before a value without its framing: a fronted topic, purpose or linking
    phrase (`Về các chỉ tiêu môi trường, tỷ lệ …`, `Nhằm bảo đảm an sinh xã hội, …`,
    `Theo đó, …`) and who sets the goal and how (`xã đặt mục tiêu giảm tỷ lệ hộ nghèo`,
    `năm 2026 xã … phấn đấu đạt tốc độ tăng …`): the indicator follows them."""
    before = _FRONTED_TOPIC.sub("", before.lstrip())
    return _GOAL_SETTER.sub("", before)


def _before_text(before: str) -> str:
    parts = _COLON_OR_SEMICOLON.split(before)
    # a label and its value (`(6) Tỷ lệ hộ nghèo … giảm bình quân/năm: trên 10%`): the label
    before = parts[-2] if len(parts) > 1 and not parts[-1].strip() else parts[-1]
    before = strip_marker(before)
    before = _ASIDE_OPENING.sub("", before)  # an aside closing the previous value
    before = drop_framing(before)
    # a fronted time adverbial (`Phấn đấu đến năm 2030, tỷ lệ ...`) ends at its comma
    before = _HORIZON_LEAD.sub("", before)
    before = _TIME.sub(" ", before)
    before = _WHITESPACE.sub(" ", before).strip(" ,")
    before = _TRAILING.sub("", before.replace("trở lên", "trở\x00lên")).replace("\x00", " ").strip(" ,")
    return before


def _rules_after(after: str) -> str:
    """Up to the first comma, unless the comma lists short nouns (`xã, phường, thị trấn`)."""
    text = _after_text(after)
    parts = text.split(",")
    out = parts[0]
    for part in parts[1:]:
        if _VERBISH.search(out) or len(part.split()) > 3:
            break
        out += "," + part
    return _clip(out.strip(), _MAX_WORDS)


def _drop_action(phrase: str) -> str:
    """`Phấn đấu`, `giảm`, `bố trí` open the clause; `Tăng trưởng kinh tế`, `Mức độ hài lòng`
    are the measure itself and stay."""
    if MEASURE_SUBJECT.match(phrase):
        return phrase
    return _LEAD_VERBS.sub("", phrase).strip(" ,")


def _rules(before: str, after: str) -> str:
    b = _drop_action(_before_text(before))
    lead = after.lstrip()
    after_ok = bool(lead) and (lead[0].isalpha()) and not _CONNECTORS.match(lead)
    if b and (MEASURE_SUBJECT.match(b) or not after_ok):
        return _clip(b, _MAX_WORDS)
    if after_ok:
        return _rules_after(after)
    return _clip(b, _MAX_WORDS)


def _spans(text: str, tags) -> list[tuple[int, int, str]]:
    """Place each tagged word back in `text` so phrases are cut from the text as written."""
    out, pos = [], 0
    for word, tag in tags:
        i = text.find(word, pos)
        if i < 0:
            first = word.split()[0] if word.split() else word
            i = text.find(first, pos)
            if i < 0:
                continue
            end = i + len(first)
        else:
            end = i + len(word)
        out.append((i, end, tag))
        pos = end
    return out


_PUNCTUATION = re.compile(r"[,;:.()]")


def _nlp_after(after: str) -> str:
    """The noun phrase after the value, cut where a `và`, `hoặc` or comma follows its verb."""
    text = _after_text(after)
    if not text:
        return ""
    spans = _spans(text, nlp.pos_tag(text))
    if not spans or spans[0][2] not in _NOUNISH | {"V", "R"}:
        return ""
    end, seen_verb = 0, False
    for k, (a, b, tag) in enumerate(spans):
        following = spans[k + 1][2] if k + 1 < len(spans) else ""
        # after its verb, `và các ...` / `hoặc những ...` opens a second object; `và nghe
        # đài`, `và THPT` carry on the same phrase
        if tag in ("C", "CC") and seen_verb and following == "L":
            break
        if tag == "CH" and text[a:b] != ",":
            break
        # after its verb a comma ends the phrase, unless it lists short items
        # (`các ngành, nghề`, `xa xôi, hẻo lánh, nơi ...`)
        if tag == "CH" and seen_verb and len(_PUNCTUATION.split(text[b:])[0].split()) > 2:
            break
        if tag == "V":
            seen_verb = True
        end = b
    return _clip(text[:end].strip(" ,"), _MAX_WORDS)


def _nlp_before(before: str, keep_action: bool = False) -> str:
    text = _before_text(before)
    if not text or MEASURE_SUBJECT.match(text):
        return _clip(text, _MAX_WORDS)
    text = _drop_action(text)
    if not text:
        return ""
    if keep_action:  # the action stays: the clause is kept whole, whatever its tags
        return _clip(_drop_action(text), _MAX_WORDS)
    spans = _spans(text, nlp.pos_tag(text))
    # a clause that opens with its action (`giảm tỷ lệ ...`, `Bố trí ... cho`) has the
    # indicator after that verb: drop leading verbs and adverbs up to the first noun
    k = 0
    while not keep_action and k < len(spans) - 1 and spans[k][2] in ("V", "R", "C", "CH", "T"):
        k += 1
    # only when what follows is plainly the measured thing (`giảm tỷ lệ ...`, `bố trí các
    # hộ ...`): `thu ngân sách` is a noun phrase that a verb tag would cut
    start = spans[k][0] if k and (spans[k][2] == "L" or MEASURE_SUBJECT.match(text[spans[k][0]:])) else 0
    return _clip(_drop_action(text[start:]), _MAX_WORDS)


# a measure noun anywhere in a clause (MEASURE_SUBJECT's nouns, unanchored and, to stay on the
# safe side, not even bounded): a clause with none cannot give a phrase before the value that
# opens with one, however it is tagged
_MEASURE_ANYWHERE = re.compile(_MEASURE_NOUNS, re.I)


def _may_name_measure(before: str) -> bool:
    """Whether the phrase `_nlp_before` reads before the value may open with a measure noun:
    it is a piece of the clause's words (spaces folded), so not when they hold none."""
    return bool(_MEASURE_ANYWHERE.search(" ".join(_before_text(before).split())))


def _nlp(before: str, after: str, keep_action: bool = False) -> str:
    # the words after the value are tagged only when they can decide the phrase: not when
    # the clause before names the measure, nor when a connector opens them
    lead = after.lstrip()
    if not keep_action and not (lead[:1].isalpha() and _CONNECTORS.match(lead)) and not _may_name_measure(before):
        # the phrase before cannot name the measure: the one after, when there is one, is the
        # answer whatever the tags before say, and the clause before is tagged only without it
        return _nlp_after(after) or _nlp_before(before, keep_action)
    b = _nlp_before(before, keep_action)
    if b and MEASURE_SUBJECT.match(b):
        return b
    lead = after.lstrip()
    if lead[:1].isalpha() and _CONNECTORS.match(lead):
        return b
    return _nlp_after(after) or b


def indicator_phrase(before: str, after: str, use_nlp: bool | None = None, keep_action: bool = False) -> str:
    """`before`: clause text from its start (or the previous value) to the value;
    `after`: clause text after the value expression (up to the next value).
    `keep_action`: the value counts who an action is for (`hỗ trợ chuyển đổi nghề cho
    4.663 hộ`), so the action is the indicator and stays."""
    if use_nlp is None:
        use_nlp = nlp.enabled()
    phrase = ""
    if use_nlp:
        try:
            phrase = _nlp(before, after, keep_action)
        except Exception:  # a model that fails to load leaves the rules' answer
            phrase = ""
    if not phrase:
        phrase = _rules(before, after)
    return _tidy(phrase)


_LINK_WORDS_END = re.compile(r"(?:\s+(?:và|hoặc|cùng|với|của|cho|tại|trong))+$", re.I)


def _tidy(phrase: str) -> str:
    phrase = _WHITESPACE.sub(" ", phrase).strip(" ,;:-(")
    phrase = _LINK_WORDS_END.sub("", phrase)
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[:phrase.rfind("(")].strip()
    if phrase[:1].isupper() and phrase[1:2].islower():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase
