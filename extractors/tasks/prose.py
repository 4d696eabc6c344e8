"""Tasks told in running prose: letters, Thông báo kết luận, news items, decisions, and the
parts of a plan outside its task sections (`KINH PHÍ`: `Hằng năm, … các cơ quan, đơn vị
xây dựng dự toán …`).

Reads the body paragraphs no structured task already covers and the agencies extractor's
findings on them; emits one `Task` per sentence that gives a body a duty (`Giao Sở Kế
hoạch và Đầu tư chủ trì phối hợp với các đơn vị liên quan tổng hợp …`, `Đề nghị các Bộ …
báo cáo …`, `Chậm nhất ngày 25-7, các sở GD&ĐT phải …`, `a) UBND cấp xã lập …: Xong trước
ngày 10/7/2019`). A following sentence of the same paragraph that names no new body and
only completes the duty (`Yêu cầu gửi báo cáo về Sở KH&ĐT trước ngày 23/5/2019.`) stays in
the task; one that opens a new duty of the same body (`Đồng thời, chủ động chuẩn bị …`) is
a task of its own with that body. One sentence may hand on two duties (`…; Sở B hướng dẫn …`,
`… trước ngày 10-6, gửi … trước ngày 5-7`): two tasks. A lead-in ending with `:` (`… yêu cầu
Bộ Nông nghiệp và Phát triển nông thôn:`) is no task itself: its bodies own the items below.
"""
from __future__ import annotations

import bisect
import weakref

import regex as re

from extractors import lexicon
from extractors.grammar.markers import BULLETS, LEADING_MARK, ROMAN_RUN
from extractors.models import Task
from extractors.tasks.bodies import BODY_START, PREDICATE, bare_head, dedupe_names, leading_bodies, name_key, partners_after
from extractors.tasks.found import Spans
from extractors.tasks.layout import Layout, unmarked
from extractors.tasks.links import Links, _is_generic
from extractors.tasks.titles import short
from extractors.text import fold, sentences, split_folded

# parts of a plan that state aims, grounds or results, never duties
_NOT_WORK = re.compile(
    rf"^(?:{ROMAN_RUN}\.\s*)?(?:mục đích|mục tiêu|yêu cầu|quan điểm|căn cứ|sự cần thiết|tình hình|"
    r"kết quả|đánh giá|thực trạng|bối cảnh|đối tượng|phạm vi)", re.I)
# a sentence ends at `.`/`!`/`?` before a capital or a digit (`;` clauses stay in the duty)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}\d(\"“])")
_LEAD_IN_CHARS = 320
# a deadline, and a verb of sending or finishing: what a completing paragraph says
_DEADLINE = re.compile(r"trước ngày|chậm nhất|hạn chót|hoàn thành (?:trước|trong)", re.I)
_SENDS = re.compile(r"gửi|báo cáo|hoàn thành|trình|nộp", re.I)
# a person standing for a body (`Hiệu trưởng các trường`, `Thủ trưởng các đơn vị`)
_PERSON_BODY = re.compile(r"(?:(?:Hiệu trưởng|Thủ trưởng|Giám đốc|Chủ tịch)\s+(?:các|Ủy ban|UBND|Sở|Ban)"
                          r"|(?:các\s+)?thành viên\s+(?:Chính phủ|Ban Chỉ đạo|Ủy ban|UBND)"
                          r"|(?:các\s+)?đồng\s*chí\s+(?:Bộ trưởng|Thủ trưởng|Giám đốc|Chủ tịch))", re.I)
# `Các đồng chí Bộ trưởng, Thủ trưởng …`: the address before the persons, not part of them
_COMRADES = re.compile(r"^(?:các\s+)?đồng\s*chí\s+", re.I)
# the subject names read here run to this many words; a longer one has run into its clause
_OWN_NAME_WORDS = 16
# a sentence this short that names its bodies again only to give the date completes a duty
_SHORT_COMPLETION_WORDS = 9


def _words(rows: tuple[tuple[str, str, str], ...]) -> str:
    """An alternation of lexicon words, each not after its `not after` word (one space or line
    break between) and not followed by its `not followed by` words."""
    return "|".join((f"(?<!{re.escape(after, literal_spaces=True)}\\s)" if after else "")
                    + re.escape(word, literal_spaces=True)
                    + (f"(?!\\s+{re.escape(unless, literal_spaces=True)})" if unless else "") for word, after, unless in rows)


# a quote mark, or a word that never stands inside a body's name (lexicon/not_in_body_names.tsv)
_NOT_IN_NAME = re.compile(r"[“”\"]|(?<![\p{L}])(?:" + _words(lexicon.not_in_body_names()) + r")(?![\p{L}])", re.I)

# words that open a sentence's subject but name no body (`Bộ phận …`, `Báo cáo …`, `Ban hành …`)
_NOT_A_BODY = re.compile(r"(?:Bộ phận|Báo cáo|Ban hành|Đơn vị nào|Hội nghị|Hội thi|Đoàn kiểm tra)(?![\p{L}])", re.I)
# a sentence that states grounds or a condition, never a duty
_GROUNDS = re.compile(r"^(?:Căn cứ|Thực hiện|Xét|Trường hợp|Nếu|Ban hành kèm theo|Theo đề nghị|Sau khi xem xét)"
                      r"(?![\p{L}])", re.I)
# words that hand a duty to the bodies after them
_ASSIGN = re.compile(r"(?<![\p{L}])(?:giao(?:\s+cho)?|đề nghị|yêu cầu|chỉ đạo|phân công|kính đề nghị)\s+", re.I)
# `đề nghị của X`: whose proposal, not a duty handed on
_OF = re.compile(r"của(?![\p{L}])", re.I)
# a procedure step or an article whose subject follows (`Bước 2: Cơ quan quản lý … trình …`,
# `Điều 2. Thủ trưởng các sở - ngành, … xây dựng …`)
_STEP_LABEL = re.compile(r"^(?:Bước|Điều)\s+\d+\s*[.:]\s*", re.I)
# a title that says whose duties the text lists (`Trách nhiệm của UBND xã về quản lý …`)
_WHOSE_DUTIES = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ)\s+(?:của\s+)?", re.I)
# where such a title turns from the body to its topic (`… UBND xã về quản lý …`)
_TOPIC = re.compile(r"\s+(?:về|trong|đối với)\s+")
_SEMICOLON = re.compile(r"\s*;\s*")
# a duty handed on with its moment first (`yêu cầu sau khi kết thúc Đại hội các đơn vị …`)
_ASSIGN_WHEN = re.compile(r"(?<![\p{L}])(?:giao|đề nghị|yêu cầu)\s+(?:sau khi|trước khi|khi|ngay sau khi)\s", re.I)
# how far that moment may run before the bodies
_WHEN_CHARS = 60
# the subject's leave to hand the duty down (`Ủy ban nhân dân cấp huyện hoặc phân cấp cho cơ
# quan trực thuộc do huyện phân công phê duyệt …`): the subject keeps the lead, its duty follows
_DELEGATION = r"^hoặc\s+(?:phân cấp|ủy quyền)(?:\s+cho)?\s+[^,.;]{0,80}?\s"
# a subject told it must act (`X cần …`, `X phải …`, `X có trách nhiệm …`)
_OBLIGED = re.compile(r"(?:cần|phải|có trách nhiệm)(?![\p{L}])", re.I)
# `Đối với các chi bộ trực thuộc … sẽ tiến hành …`: the subject follows
_REGARDING = re.compile(r"^(?:Đối với|Riêng)\s+", re.I)
# a report of what was done or is being done, not a duty
_DONE = re.compile(r"^\s*(?:đã|vừa|đang|từng)(?![\p{L}])", re.I)
# a news item's day or span of days (`Sáng 23/9,`, `Ngày 29-5,`, `Trong 2 ngày (28 và 29-5),`,
# `Tháng 8 vừa qua,`): what follows is reported, not asked
_REPORTED_DAY = re.compile(r"^(?:(?:Sáng|Chiều|Tối|Trưa)(?:\s+nay|\s+ngày)?\s+\d|(?:Hôm nay|Hôm qua|Vừa qua)"
                           r"|Ngày\s+\d|Trong\s+\d+\s+ngày|Tháng\s+\d+\s+vừa qua|\([A-Z]{2,5}\)\s*-\s*Ngày\s+\d)"
                           r"[^,]{0,40},\s*$", re.I)
# a period that opens a sentence before its subject (`Hằng năm, căn cứ …, các cơ quan, đơn vị …`)
_PERIOD_FIRST = re.compile(r"(?:hằng|hàng)\s+(?:năm|quý|tháng)|định kỳ", re.I)
# what a body is the object of (`Trung tâm … phải được bố trí …`), or the issuer's own act
# of publishing (`Văn phòng UBND tỉnh ban hành văn bản số 986/VPUBND-PVHCC hướng dẫn …`)
_NOT_ITS_DUTY = re.compile(r"^\s*(?:(?:phải|cần|sẽ|đã|vừa)\s+)?được\s+(?!giao)"
                           r"|^\s*(?:(?:đã|vừa)\s+)?(?:ký\s+)?ban hành\s+(?:các\s+)?(?:văn bản|công văn|kế hoạch|"
                           r"quyết định|thông báo|chỉ thị|hướng dẫn)(?:\s+số|\s+\d)", re.I)
# the issuer announcing its own plan (`Ủy ban nhân dân tỉnh … ban hành Kế hoạch triển khai …`):
# no duty unless a date is set for it
_ISSUES_PLAN = re.compile(r"^\s*(?:(?:đã|vừa)\s+)?(?:ký\s+)?ban hành\s+(?:các\s+)?(?:kế hoạch|chương trình|"
                          r"chỉ thị|quyết định)", re.I)
# a sentence that opens a new duty of the body before it (not a mere completion)
_NEW_DUTY = re.compile(r"^(?:Đồng thời|Bên cạnh đó|Ngoài ra|Mặt khác)\s*,", re.I)
# a next step of the same body (`Sau đó mới tiến hành …`, `, sau đó chỉnh trang …`): a duty
# of its own when it has its own date
_THEN = re.compile(r"^(?:sau đó|tiếp đó|tiếp theo)(?![\p{L}])\s*,?\s*", re.I)
# a date a clause is told to keep
_OWN_DATE = re.compile(r"trước ngày|chậm nhất|hạn chót|(?:hoàn thành|xong)\s+(?:trước|trong)"
                       r"|trong\s+(?:quý|tháng)\s|trong năm \d{4}", re.I)
# where one sentence may hand on a second duty: after `;`, or after `,` before a duty verb
_CLAUSE_BREAK = re.compile(r"[;,]\s+")
# words a duty is told with: a body with none of these after it only appears in the sentence
_DUTY_WORD_SRC = (
    r"(?:" + "|".join(re.escape(v, literal_spaces=True) for v in lexicon.task_verbs("duty"))
    + r"|tổ chức(?! chính trị)"  # `các tổ chức chính trị - xã hội` names bodies
    + r")(?![\p{L}])").replace(" ", r"\s*")  # glued syllables (`tậptrung`) read as the word, as in PREDICATE
_DUTY_WORD = re.compile(r"(?<![\p{L}])" + _DUTY_WORD_SRC, re.I)
_DELEGATES = re.compile(_DELEGATION + "(?=" + _DUTY_WORD_SRC + ")", re.I)
# what follows a subject when it is told a duty
_DUTY_START = re.compile(r"(?:(?:sẽ|cần|phải|có trách nhiệm|khẩn trương|được giao)\s+)?"
                         r"(?:căn cứ(?![\p{L}])|" + _DUTY_WORD_SRC + ")", re.I)  # `X căn cứ …, xây dựng …`


def prose_tasks(layout: Layout, links: Links, taken: list[tuple[int, int]]) -> list[Task]:
    doc = layout.doc
    out: list[Task] = []
    current = None  # the task the sentences are being added to
    # bodies a lead-in (`… yêu cầu Bộ Nông nghiệp và Phát triển nông thôn:`) gives the items
    # below it, and those an item that only names bodies (`2. Các đơn vị …, Ban VHTT các xã:`)
    # gives the bullets below that item
    owners: list[str] = []
    item_owners: list[str] = []
    title_owners = _title_owners(layout)
    # the spans other readers took, by start, with the farthest end so far: an overlap is a
    # bisect, not a scan of every taken span per paragraph
    taken_starts = [a for a, _ in sorted(taken)]
    taken_reach: list[int] = []
    for _, b in sorted(taken):
        taken_reach.append(max(b, taken_reach[-1]) if taken_reach else b)
    for para in layout.body_paras:
        if para.start >= layout.limit:
            break
        span = layout.span([para])
        k = bisect.bisect_left(taken_starts, span[1])  # the taken spans starting before this one ends
        if k and taken_reach[k - 1] > span[0]:  # … one of which ends after it starts
            current, owners, item_owners = None, [], []
            continue
        if _outside_work(layout, para.start):
            current, owners, item_owners = None, [], []
            continue
        text = para.text
        if _title_only(layout, para, text):
            current = None
            continue
        marked = bool(LEADING_MARK.match(text))
        bullet = text.lstrip()[:1] in BULLETS
        if marked and not bullet:
            item_owners = []
        opened = False
        parts = list(sentences(text, para.start, boundary=_SENTENCE_END))
        if len(parts) > 1 and (not unmarked(doc.clean[parts[0][0]:parts[0][1]])
                               or _STEP_LABEL.fullmatch(doc.clean[parts[0][0]:parts[0][1]].strip() + " ")):
            parts[:2] = [(parts[0][0], parts[1][1])]  # `1.`, `Điều 2.` alone is the marker of the item
        parts = [(k, piece) for k, (s, e) in enumerate(parts) for piece in _duties_in(doc.clean, s, e)]
        for k, (s, e, second) in parts:
            sent = doc.clean[s:e]
            raw = doc.raw_span(s, e)
            if second == "same" and current is not None and opened:
                current = _start(layout, links, raw, sent, current.lead)
                out.append(current)
                continue
            if (s, e) == parts[-1][1][:2] and sent.rstrip().endswith(":"):
                # the lines below carry the duties it announces
                named = _lead_in_bodies(doc.raw, raw, sent, links.agencies) or (
                    title_owners if not marked and not owners else [])
                if named:
                    if marked and owners:
                        item_owners = named
                    else:
                        owners, item_owners = named, []
                elif marked:  # `2. Chế độ báo cáo trong dịp nghỉ Lễ:`
                    item_owners = []
                current = None
                break
            lead = [] if _grounds_only(unmarked(sent)) else (
                _qualified(doc.raw[raw[0]:raw[1]], _sentence_leads(doc.raw, raw, sent, links.agencies)))
            if lead and current is not None and _only_dates(sent, lead) \
                    and (opened or all(_is_generic(n) for n in lead)):
                # `Các đơn vị thực hiện trước ngày 24/3/2016.`: completes the duty above
                opened = True
                _extend(layout, links, current, raw, sent)
                continue
            if lead and current is not None and opened and marked \
                    and {name_key(n) for n in lead} <= {name_key(n) for n in current.lead}:
                # one item is one duty: `2. … yêu cầu Bộ X …. Bộ X chịu trách nhiệm …`
                _extend(layout, links, current, raw, sent)
                continue
            if not lead and k == 0 and marked and (item_owners or owners) \
                    and _DUTY_START.match(unmarked(sent)):
                lead = list(item_owners if bullet and item_owners else owners)  # an item of the lead-in
            if lead:
                opened = True
                current = _start(layout, links, raw, sent, lead)
                out.append(current)
            elif current is not None and opened and (_NEW_DUTY.match(sent) and _DUTY_WORD.search(sent)
                                                     or _THEN.match(sent) and _OWN_DATE.search(sent)):
                current = _start(layout, links, raw, sent, current.lead)
                out.append(current)
            elif current is not None and (opened or _completes(current, sent)
                                          or (owners and not marked and k == 0 and not _DONE.match(sent))):
                # (an unmarked paragraph after an item of a lead-in goes on with that item)
                opened = True
                _extend(layout, links, current, raw, sent)
    return out


def _duties_in(clean: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A sentence cut where it hands on a second duty: after `;` a clause that opens with
    a body of its own (`…; Đảng bộ xã Bình Mỹ và Chi bộ Khối Vận huyện sẽ tiến hành đại hội
    điểm trước ngày 31-1-2020`, kind `new`); after `,`/`;` a clause of the same body with a
    date of its own where the part before has one too (`… báo cáo về Bộ trước ngày 10-6, gửi
    báo cáo tổng hợp … trước ngày 5-7`, `… xong trước ngày 30-8, sau đó chỉnh trang … trong
    quý IV năm nay`, kind `same`). Pieces: (start, end, kind), the first of kind ``."""
    sent = clean[start:end]
    cuts = []
    at = 0
    for m in _CLAUSE_BREAK.finditer(sent):
        if sent.count("(", 0, m.start()) > sent.count(")", 0, m.start()):
            continue  # inside brackets: a remark, not a second duty
        clause = sent[m.end():]
        before = sent[at:m.start()]
        if m.group().startswith(";") and _DUTY_WORD.search(_after_assign(before)) and _subject_leads(clause):
            # (`Giao các sở, ngành tỉnh; UBND các huyện; Các Ban QLDA … báo cáo …` is one list)
            cuts.append((m.end(), "new"))
            at = m.end()
        elif (_OWN_DATE.search(before) and _OWN_DATE.search(_clause_end(clause))
              and (_THEN.match(clause) or _DUTY_START.match(clause))):
            cuts.append((m.end(), "same"))
            at = m.end()
    pieces, prev, kind = [], 0, ""
    for cut, k in cuts:
        pieces.append((start + prev, start + cut, kind))
        prev, kind = cut, k
    pieces.append((start + prev, end, kind))
    return pieces


def _after_assign(text: str) -> str:
    """What follows the last `giao`/`đề nghị`/`yêu cầu` of a text (the whole text without one)."""
    handed = [m for m in _ASSIGN.finditer(text) if not _OF.match(text, m.end())]
    return text[handed[-1].end():] if handed else text


def _clause_end(clause: str) -> str:
    """A clause up to the next `;` or `,` that opens another duty clause."""
    m = _CLAUSE_BREAK.search(clause)
    return clause[:m.start()] if m else clause


def _subject_leads(clause: str) -> list[str]:
    """The bodies a clause opens with as the subject of a duty (`Sở B hướng dẫn …`)."""
    if not (BODY_START.match(fold(clause)) or _PERSON_BODY.match(clause)) or _NOT_A_BODY.match(clause):
        return []
    named, rest = _person_bodies(clause) if _PERSON_BODY.match(clause) else leading_bodies(clause)
    if named and rest and _DUTY_START.match(rest) and not _DONE.match(rest) \
            and all(_plausible_name(n) for n in named):
        return named
    return []


def _lead_in_bodies(raw: str, span, sent: str, agencies: Spans) -> list[str]:
    """The bodies a lead-in that ends with `:` hands the items below to: those after its
    first `giao`/`đề nghị`/`yêu cầu` that names bodies (`… Phó Thủ tướng … yêu cầu Bộ Nông nghiệp và Phát triển
    nông thôn:`, `Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, … tập trung triển khai thực hiện
    các nội dung sau:`), or those a line names alone (`2. Các đơn vị sự nghiệp thuộc ngành,
    Ban VHTT các xã, thị trấn:`)."""
    t = unmarked(sent)
    # the first `giao`/`yêu cầu` that names bodies (a later `chỉ đạo quyết liệt …` is their duty)
    handed = [m for m in _ASSIGN.finditer(t) if not _OF.match(t, m.end())
              and (BODY_START.match(fold(t), m.end()) or _PERSON_BODY.match(t[m.end():]))][:1]
    piece = t[handed[-1].end():] if handed else t
    if not (BODY_START.match(fold(piece)) or _PERSON_BODY.match(piece)):
        return []
    if not handed:  # a line that only names bodies (`a) Cục Thuế có trách nhiệm:`)
        named, rest = leading_bodies(piece)
        rest = rest.strip(" :")
        if not named or rest and not (_DUTY_START.match(rest) and len(rest.split()) <= _ANNOUNCE_WORDS):
            return []
    at = raw[span[0]:span[1]].find(piece[:40])
    lo = span[0] + at if at >= 0 else span[0]
    found = [a.name for a in sorted(agencies.inside((lo, span[1])), key=lambda a: a.span)]
    if found:
        return dedupe_names(found)
    named, rest = _person_bodies(piece) if _PERSON_BODY.match(piece) else leading_bodies(piece)
    if not named or not all(len(n.split()) <= _OWN_NAME_WORDS for n in named):
        return []
    if not handed and rest.strip(" :"):
        return []  # a sentence with its own duty, not a line of names
    return dedupe_names(named)


def _sentence_leads(raw: str, span, sent: str, agencies: Spans) -> list[str]:
    """The agencies extractor's leads of a sentence, or the subject it opens with: the
    subject wins where it names every lead found and more (`Bộ Quốc phòng, Bộ Công an, …, Bộ
    Xây dựng và Bộ Tài chính cử đại diện …`, where only the last two were read as leads)."""
    found = _leads(raw, span, agencies)
    own, rest, handed = _own_subject(sent)
    if found and own and len(own) > len(found) \
            and {name_key(n) for n in found} <= {name_key(n) for n in own}:
        return own
    if found and own and not handed and _OBLIGED.match(rest) \
            and not {name_key(n) for n in found} & {name_key(n) for n in own}:
        # `cấp huyện cần tăng cường tuyên truyền, chỉ đạo UBND cấp xã …`: the subject's own
        # first duty decides; those it directs do not take the lead from it
        return own
    return found or own


# Words after a body's name that say which bodies of its kind are meant, and so belong to
# the name: where they are listed (`4 Cục Thống kê tỉnh, thành phố nêu tại Điều 1`) ...
_LISTED_AT = re.compile(r"\s+(?:nêu|quy định|có tên|liệt kê)\s+(?:tại|ở|trong)\s+(?:Điều|Khoản|Mục|Điểm|Phụ lục)"
                        r"\s+[\dIVXLC]+(?![\p{L}\p{N}])", re.I)
# ... what a collective of units chairs (`các đơn vị chủ trì cụm thi cập nhật …`: the units
# chairing an exam cluster, then their duty) ...
_GENERIC_UNITS = re.compile(r"^(?:các|những)\s+(?:đơn vị|cơ quan|trường|địa phương|tổ chức)$", re.I)
_CHAIRING = re.compile(r"\s+(?:chủ trì|phụ trách)\s+(?!(?:việc|công tác|các|những|và)(?![\p{L}]))", re.I)
_CHAIRED_WORDS = 3
# ... and the work a steering board is named for (`Ban Chỉ đạo tỉnh thực hiện Phong trào
# "Toàn dân đoàn kết xây dựng đời sống văn hoá"`: the board's name, not the members' duty)
_BOARD_END = re.compile(r"Ban Chỉ đạo(?:\s+(?:tỉnh|huyện|thành phố|thị xã|xã|Trung ương))?$")
_BOARD_NAMED_FOR = re.compile(r"\s+thực hiện\s+(?:Phong trào|Chương trình|Đề án|Cuộc vận động|Nghị quyết|Chỉ thị|Dự án)"
                              r"\s+(?:“[^”]{3,160}”|\"[^\"]{3,160}\")")


def _qualified(text: str, names: list[str]) -> list[str]:
    """Each name with the words after it in `text` that say which bodies are meant (see
    `_LISTED_AT`, `_CHAIRING`, `_BOARD_NAMED_FOR`); names not found as written stay as they are."""
    out = []
    low = text.casefold()
    for name in names:
        at = low.find(name.casefold())
        if at < 0:
            out.append(name)
            continue
        end = at + len(name)
        m = _LISTED_AT.match(text, end)
        if not m and _BOARD_END.search(name):
            m = _BOARD_NAMED_FOR.match(text, end)
        if m:
            out.append(name + text[end:m.end()])
            continue
        m = _CHAIRING.match(text, end) if _GENERIC_UNITS.match(name) else None
        chaired = text[m.end():].split(" ") if m else []
        for k in range(1, _CHAIRED_WORDS + 1):
            words, rest = chaired[:k], " ".join(chaired[k:])
            if len(words) < k or not all(w.isalpha() for w in words) or _DUTY_WORD.search(" ".join(words)):
                break  # (`các đơn vị chủ trì tổ chức …`: a duty, not what they chair)
            if _DUTY_START.match(rest):
                name = name + text[end:m.end()] + " ".join(words)
                break
        out.append(name)
    return out


def _grounds_only(sent: str) -> bool:
    """A sentence that states grounds and hands no duty on (`Căn cứ Quyết định số …, Văn
    phòng UBND tỉnh đề nghị Sở … khẩn trương trình …` hands one on after its grounds)."""
    if not _GROUNDS.match(sent):
        return False
    return not any(m.start() > 0 and not _OF.match(sent, m.end()) for m in _ASSIGN.finditer(sent))


def _only_dates(sent: str, lead: list[str]) -> bool:
    return bool(_DEADLINE.search(sent)) and len(sent.split()) <= _SHORT_COMPLETION_WORDS


def _completes(task: Task, sent: str) -> bool:
    """A later paragraph that only gives the pending task its date (`Báo cáo sơ kết … gửi
    về Ủy ban Dân tộc trước ngày 15 tháng 5 năm 2021`)."""
    return task.due is None and bool(_DEADLINE.search(sent)) and bool(_SENDS.search(sent))


_ENDS_A_SENTENCE = re.compile(r"[.;:!?]$")
# `có trách nhiệm`, `thực hiện các nhiệm vụ sau`: the few words a line naming bodies may
# add before the colon that opens their items
_ANNOUNCE_WORDS = 6
# a text's title line runs to this many words; a longer first paragraph is a news item's
# lead sentence (`Lãnh đạo thành phố cũng giao Sở … chủ trì …`) left without its period
_TITLE_WORDS = 30


def _title_owners(layout: Layout) -> list[str]:
    """The body whose duties the text's title says it lists (`Trách nhiệm của UBND xã về
    quản lý đất trồng lúa …`): the owner of a lead-in below that names no body (`… được quy
    định như sau:`)."""
    if not layout.body_paras:
        return []
    m = _WHOSE_DUTIES.match(layout.body_paras[0].text.strip())
    if not m:
        return []
    named, _ = leading_bodies(_TOPIC.split(layout.body_paras[0].text.strip()[m.end():])[0])
    return dedupe_names(named) if named and all(_plausible_name(n) for n in named) else []


def _title_only(layout: Layout, para, text: str) -> bool:
    """A heading that only names bodies (`Đề nghị Ủy ban MTTQ xã và các tổ chức chính trị - xã
    hội`, over the items below it), or the text's title line."""
    t = unmarked(text).strip()
    if _ENDS_A_SENTENCE.search(t):
        return False
    if (para is layout.body_paras[0] or para.start == layout.body_paras[0].start) \
            and len(t.split()) <= _TITLE_WORDS:
        return True
    named, rest = leading_bodies(t)
    if named and not rest.strip():
        return True
    return any(layout.children(sec) for sec in layout.sections_at(para.start))


_COMMA = re.compile(r",\s+")


def _own_leads(sent: str) -> list[str]:
    """Where the agencies extractor gave no lead: the subject the sentence opens with (after
    a lead-in such as `Chậm nhất ngày 20-7,` or `Sau khi ban hành Kế hoạch,`), or the bodies
    right after `giao`/`đề nghị`/`yêu cầu`, when a duty word follows them."""
    return _own_subject(sent)[0]


def _own_subject(sent: str) -> tuple[list[str], str, bool]:
    """(bodies, what follows them, whether a `giao`/`yêu cầu` came before them) of `_own_leads`."""
    t = unmarked(sent)
    starts = [0] + [m.end() for m in _COMMA.finditer(t[:_LEAD_IN_CHARS])]
    if _DUTY_START.match(t) and not _PERIOD_FIRST.match(t):
        # `Tiếp tục kiện toàn Ban Chỉ huy …, các ngành đồng bộ …`: a duty told without its
        # subject goes on with the body before it; names after its commas are its objects
        starts = [0]
    starts += [m.start() for m in _ASSIGN.finditer(t[:_LEAD_IN_CHARS])]
    starts += [m.end() for m in _REGARDING.finditer(t)]
    starts += [m.end() for m in _STEP_LABEL.finditer(t)]
    for m in _ASSIGN_WHEN.finditer(t[:_LEAD_IN_CHARS]):
        # `yêu cầu sau khi kết thúc Đại hội các đơn vị hoàn chỉnh …`: the bodies after the moment
        body = BODY_START.search(fold(t), m.end(), m.end() + _WHEN_CHARS)
        if body:
            starts.append(body.start())
    for at in sorted(set(starts)):
        if at and _REPORTED_DAY.match(t[:at]):
            continue  # `Sáng 23/9, Đảng bộ xã … tổ chức Hội nghị …`: news of the day, not a duty
        piece = t[at:]
        if not (BODY_START.match(fold(piece)) or _ASSIGN.match(piece) or _PERSON_BODY.match(piece)):
            continue
        if _NOT_A_BODY.match(_ASSIGN.sub("", piece, count=1)):
            continue
        named, rest = leading_bodies(piece) if not _PERSON_BODY.match(_ASSIGN.sub("", piece, count=1)) \
            else _person_bodies(piece)
        if delegated := _DELEGATES.match(fold(rest)):
            rest = rest[delegated.end():]
        if (named and rest and _DUTY_START.match(rest) and not _DONE.match(rest)
                and not _NOT_ITS_DUTY.match(rest)
                and not (_ISSUES_PLAN.match(rest) and not _ASSIGN.match(piece) and not _OWN_DATE.search(t))
                and all(_plausible_name(n) for n in named)):
            # handed: told by someone else (`giao X …`, or after such a word earlier on)
            return dedupe_names(named), rest, bool(_ASSIGN.search(t[:at + 1]) or _ASSIGN.match(piece))
    return [], "", False


def _plausible_name(name: str) -> bool:
    """A body's name as a subject: a few words, no verb or clause word run into it."""
    # a bare head word (`Bộ hướng dẫn …`) names no body
    return 2 <= len(name.split()) <= _OWN_NAME_WORDS and not _NOT_IN_NAME.search(name) and not bare_head(name)


def _person_bodies(piece: str) -> tuple[list[str], str]:
    """`Đề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát …`."""
    body = _ASSIGN.sub("", piece, count=1) if _ASSIGN.match(piece) else piece
    m = PREDICATE.search(fold(body))
    if not m:
        return [], piece
    return [x for part in _SEMICOLON.split(body[:m.start()]) for x in split_persons(part)], body[m.end():]


def split_persons(text: str) -> list[str]:
    """`Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan Trung ương của các đoàn thể, Chủ tịch …`:
    a new member at each person's title, and at a body named after a comma (`cơ quan Trung
    ương …` is a body of its own, as a list of bodies splits where a new body begins)."""
    text = _COMRADES.sub("", text)
    heads = rf"(?:Hiệu trưởng|Thủ trưởng|Giám đốc|Chủ tịch|Bộ trưởng|(?:các\s+)?cơ\s*quan|{BODY_START.pattern})\s"
    members = re.compile(rf",\s*(?={heads})|\s+và\s+(?={heads})")
    return [x.strip(" ,") for x in split_folded(members, text) if x.strip(" ,")]


_NOT_WORK_SPANS: "weakref.WeakKeyDictionary[Layout, tuple[list[int], list[int]]]" = weakref.WeakKeyDictionary()


def _outside_work(layout: Layout, clean_index: int) -> bool:
    """Is this paragraph in a part that states aims or grounds (MỤC TIÊU, YÊU CẦU, …)?"""
    # the parts merged into disjoint spans once per plan, then bisected: a plan of thousands of
    # sections costs no scan of all of them per paragraph
    if layout not in _NOT_WORK_SPANS:
        merged: list[list[int]] = []
        for start, end in sorted(layout.clean_range(sec) for sec in layout.sections
                                 if _NOT_WORK.match(sec.title.strip())):
            if start >= end:
                continue  # an empty part holds no paragraph
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        _NOT_WORK_SPANS[layout] = ([a for a, _ in merged], [b for _, b in merged])
    starts, ends = _NOT_WORK_SPANS[layout]
    k = bisect.bisect_right(starts, clean_index)
    return bool(k) and clean_index < ends[k - 1]


def _leads(raw: str, span, agencies: Spans) -> list[str]:
    """The bodies a sentence gives its duty to: those after `giao`/`đề nghị`/`yêu cầu` when
    the sentence hands the duty on, else its lead bodies with a duty word after them."""
    inside = sorted((a for a in agencies.inside(span) if a.role == "lead"), key=lambda a: a.span)
    if not inside:
        return []
    text = raw[span[0]:span[1]]
    assigned = [m.end() + span[0] for m in _ASSIGN.finditer(text)]
    if assigned:
        after = [a for a in inside if a.span[0] >= assigned[0]]
        if after:
            # the bodies named right after the first `giao …` (a later `chỉ đạo Y` inside
            # the duty itself passes the work on: Y leads)
            inside = after
    acting = []
    dated = bool(_OWN_DATE.search(text))
    for a in inside:
        tail = raw[a.span[1]:span[1]]
        if _DONE.match(tail) or _NOT_ITS_DUTY.match(tail) or (not assigned and not dated and _ISSUES_PLAN.match(tail)):
            continue
        if _DUTY_WORD.search(tail[:200]):
            acting.append(a.name)
    return dedupe_names(acting)


def _start(layout: Layout, links: Links, raw, sent: str, lead: list[str]) -> Task:
    support = _supporters(links, raw, lead)
    due, rec, dl_ids = links.schedule(raw, sent, cue=True)
    text = unmarked(sent)
    return Task(title=short(_duty_of(text, lead)), text=text,
                section=layout.path_at(layout.doc.clean_pos(raw[0])), lead=lead, support=support,
                due=due, recurrence=rec, deadline_ids=dl_ids, target_ids=links.target_ids(raw, None),
                span=raw)


def _duty_of(text: str, lead: list[str]) -> str:
    """The duty a sentence gives, past the bodies it names (`Giao các sở, ngành tỉnh; UBND
    các huyện … báo cáo tình hình …` -> `báo cáo tình hình …`); the whole sentence when the
    names cannot be found as written."""
    m = None
    # past the longest lead name written in the text (`các đơn vị chủ trì cụm thi cập nhật …`:
    # `chủ trì` is part of the name there, not the duty)
    first = _DUTY_START.search(text)
    low = text.casefold()
    past = max((low.find(n.casefold()) + len(n) for n in lead
                if 0 <= low.find(n.casefold()) < (first.start() if first else 0)), default=0)
    for found in _DUTY_START.finditer(text, past):
        before = text[:found.start()]
        if _ASSIGN.search(before) or BODY_START.search(fold(before)) or _PERSON_BODY.search(before):
            m = found
            break
    duty = text[m.start():] if m else text
    return duty if len(duty.split()) >= 3 else text


def _extend(layout: Layout, links: Links, task: Task, raw, sent: str) -> None:
    span = (task.span[0], raw[1])
    task.span = span
    task.text = f"{task.text} {sent.strip()}"
    extra = _supporters(links, raw, task.lead)
    task.support = dedupe_names(task.support + extra)
    due, rec, dl_ids = links.schedule(span, task.text, cue=True)
    task.due, task.recurrence, task.deadline_ids = due, rec, dl_ids


def _supporters(links: Links, span, lead: list[str]) -> list[str]:
    leads = {name_key(x) for x in lead}
    found = [a.name for a in links.agencies.inside(span) if a.role == "support"]
    if not found:  # partners the agencies extractor gave no role (`phối hợp với các ngành liên quan …`)
        found = partners_after(links.doc.raw[span[0]:span[1]])
    return [n for n in dedupe_names(found) if name_key(n) not in leads]


__all__ = ["prose_tasks", "_is_generic"]
