"""Responsible agencies: bodies named as carrying out the plan or one of its tasks.

Names are found by their shape (`agency_mentions`); a name is reported only where
the words around it make the body responsible (GUIDELINES.md, Agencies):
- a heading under TỔ CHỨC THỰC HIỆN that names it, or a line `Sở Y tế: …` → lead;
- `Cơ quan thực hiện: A; B` → lead, `Cơ quan phối hợp: C, D` → support;
- `A chủ trì, phối hợp với B, C` → A lead, B and C support; `do A chủ trì` → lead;
- `phối hợp với B <task>` with no chủ trì and no written subject (the section's own
  body helps B) → B lead; `A phối hợp với B …` with A written → both, role open;
- `giao (cho) X`, `chỉ đạo / yêu cầu / đề nghị X <task>` → X lead;
- a body as the subject of a task verb (`UBND các xã tăng cường …`) → lead;
- a task table's `Cơ quan chủ trì` / `Cơ quan phối hợp` columns (`agency_tables`).
A name a heading or a `Name: duties` label writes in full is learnt, so the same body
written in running text gets its full name too.
Everything else is not a responsibility: issuers of cited documents (`của …`), those who
receive reports or advice (`báo cáo …`, `tham mưu UBND tỉnh`), who assign (`UBND huyện
giao …`), persons (`Chủ tịch UBND xã`), the preamble, the recipients and the signature.
"""
from __future__ import annotations

import bisect
import re as std_re
from functools import lru_cache

import regex as re

from extractors import lexicon
from extractors.agencies.mentions import STOP_BIGRAMS, Mention, find_mentions
from extractors.agencies.names import LEVEL_WORDS, STANDALONE_BODIES, agency_key, expand, share_body, share_level
from extractors.agencies.tables import table_agencies
from extractors.models import Agency, Section
from extractors.grammar.markers import BULLETS, LETTERS_LATIN, MARKER, ROMAN_RUN
from extractors.outline.sections import ancestors_at, section_path_at
from extractors.text import PlanText, fold, respell


def _verbs(rows: tuple[tuple[str, bool, str], ...]) -> str:
    """An alternation of lexicon verbs: a whole-word verb ends at a word boundary, and one
    with an exception is not followed by it."""
    return "|".join(re.escape(verb, literal_spaces=True) + (r"\b" if word else "")
                    + (f"(?! {re.escape(unless, literal_spaces=True)})" if unless else "")
                    for verb, word, unless in rows)


def _directing(rows: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """An alternation of directing verbs, each not preceded by its exceptions."""
    return "|".join((f"(?<!{'|'.join(re.escape(w, literal_spaces=True) + ' ' for w in unless)})" if unless else "")
                    + re.escape(verb, literal_spaces=True) for verb, unless in rows)


def _before_words(rows: tuple[tuple[str, bool, tuple[str, ...]], ...]) -> str:
    """An alternation of lexicon words: one marked so begins a word, and none stands right
    after one of its exceptions."""
    return "|".join((f"(?<!{'|'.join(re.escape(w, literal_spaces=True) + ' ' for w in after)})" if after else "")
                    + (r"\b" if start else "") + re.escape(words, literal_spaces=True) for words, start, after in rows)


_IMPLEMENTATION = re.compile(r"tổ chức thực hiện|phân công|trách nhiệm|nhiệm vụ của các", re.I)
# sections that report the past: who did what then is not assigned anything by the plan
_PAST_REPORT = re.compile(
    rf"^\W*(?:{'|'.join(re.escape(h, literal_spaces=True) for h in lexicon.past_headings('agency'))})", re.I)
_RECIPIENTS = re.compile(r"^\W*(?:Nơi nhận|NƠI NHẬN)\b")
# (a decision's list may cite where it named the bodies: `4 Cục Thống kê … nêu tại Điều 1 và các đơn vị …`)
_LIST_GAP = re.compile(r"(?:\s+(?:nêu|quy định|có tên)\s+tại\s+(?:khoản\s+\d+\s+)?Điều\s+\d+)?"
                       # (`các sở, ban, ngành, cơ quan đơn vị đoàn thể, các cơ quan Trung ương …`: generic
                       # kinds listed between named bodies keep the list one)
                       r"(?:\s*,\s*(?:cơ quan|đơn vị|đoàn thể)(?:\s+(?:cơ quan|đơn vị|đoàn thể)){1,2}(?=\s*,))?"
                       # (`X, Y cùng nhiều đơn vị liên quan …`: a quantifier before the last body)
                       # (`Bộ X, cũng như Bộ Y, cũng được phân công …`: `cũng như` joins two alike)
                       r"\s*(?:,|;)?\s*(?:và|cùng|cùng với|với|cũng như)?(?:\s+(?:nhiều|một số))?\s*"
                       # (`Ban Chỉ huy … các ngành, các cấp, Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các
                       # huyện … tập trung thực hiện`: the heads of bodies listed among the bodies, subjects alike)
                       r"(?:(?<=,\s*)(?:Thủ trưởng|Chủ tịch|Giám đốc)\s+)?$")
_QUANTIFIER = re.compile(r"\s+(?:nhiều|một số)$")

_LEAD_LABEL = re.compile(r"(?:[Cc]ơ quan|[Đđ]ơn vị)\s+(?:chủ trì|thực hiện|đầu mối|thường trực|chịu trách nhiệm)"
                         r"(?:\s+thực hiện)?\s*:\s*$" rf"|(?:^|[{BULLETS})]\s*)(?:Chủ trì|Thực hiện)\s*:\s*$")
_SUPPORT_LABEL = re.compile(r"(?:[Cc]ơ quan|[Đđ]ơn vị)\s+phối hợp(?:\s+thực hiện)?\s*:\s*$"
                            rf"|(?:^|[{BULLETS})]\s*)Phối hợp\s*:\s*$")
_ASSIGNS_ITEMS = re.compile(r"(?:^|[\s.])(?:[Gg]iao|[Pp]hân công)(?:\s+nhiệm vụ)?(?:\s+(?:cho|như sau))?\s*:\s*$"
                            # `Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm … thực hiện Kế hoạch …:`
                            r"|(?:[Cc]ơ quan|[Đđ]ơn vị)[^:\n]{0,30}\ssau đây\s(?:[^:\n]{0,200}\s)?(?:chịu trách nhiệm|"
                            r"có trách nhiệm|thực hiện|triển khai)[^:\n]{0,200}:\s*$")
_ASSIGNED = re.compile(r"(?:\bgiao|phân công)(?:\s+(?:nhiệm vụ|chỉ tiêu|trách nhiệm)(?:\s+cụ thể)?)?(?:\s+cho)?\s*$"
                       # an answer to a request: `Đồng ý để Công ty … thực hiện việc khảo sát …`
                       r"|\b(?:đồng ý|chấp thuận|cho phép)\s+(?:để|cho)\s*$"
                       # `có công văn ủy quyền cho Sở … trao Bằng công nhận …`
                       # (not the duties a report says are delegated: `các nhiệm vụ … ủy quyền cho Ban Quản lý`)
                       r"|\b(?:công văn|văn bản|quyết định|đã|vừa)\s+(?:ủy|uỷ)\s+quyền\s+cho\s*$"
                       # what a decision is the basis for: `làm cơ sở để các đơn vị thuộc Bộ chủ động triển khai`
                       r"|\blàm\s+(?:cơ\s+sở|căn\s+cứ)\s+(?:để|cho)\s*$"
                       # so is a document made the design others follow: `ban hành văn bản … làm “bản thiết kế”
                       # thống nhất để các bộ, ngành, địa phương nâng cấp …` (not `làm việc với … để`)
                       # (a design or frame named as such, in quotes or as the one all share: not `làm căn cứ quan
                       # trọng để các cấp, các ngành thực hiện`, generic actors told of a basis)
                       r"|\blàm\s+(?!việc(?![\p{L}]))(?:[“\"][^”\"\n]{1,40}[”\"]|\p{Ll}+(?:\s+\p{Ll}+){0,3}(?=\s+(?:thống\s+nhất|chung)\s))"
                       r"(?:\s+(?:thống\s+nhất|chung))?\s+để\s*$", re.I)
# the tasks a body was given before, named as what the text's own task works on (`rà soát lại các
# nhiệm vụ UBND tỉnh đã giao cho các cơ quan, đơn vị, địa phương tại các Kế hoạch …`): the bodies
# they were given to are not assigned anything by this text
_ASSIGNED_BEFORE = re.compile(r"(?<![\p{L}])(?:nhiệm vụ|chỉ tiêu|nội dung|công việc)(?:\s+[^\s,;.:]+){0,6}?\s+đã\s+(?:được\s+)?giao"
                              r"(?:\s+cho)?\s*$", re.I)
# `yêu cầu các chi, đảng bộ trực thuộc, Đảng ủy các xã …`: the directed list may open
# with groups that are not agencies (short noun chunks)
# how closely a body directs (`chỉ đạo chi tiết cho Công an địa phương tổ chức …`, `chỉ đạo quyết liệt các ban, ngành …`)
_HOW_CLOSELY = r"(?:\s+(?:chi tiết|cụ thể|quyết liệt|sát sao))?"
_DIRECTED = re.compile(rf"(?:{_directing(lexicon.directing_verbs('directed'))})"
                       rf"(?:\s*,\s*(?:{_directing(lexicon.directing_verbs('directed-chain'))}))*"
                       rf"{_HOW_CLOSELY}"
                       r"(?:\s+cho)?"  # `chỉ đạo cho Cục Nghiệp vụ Quản lý thị trường …`
                       r"(?:\s+tất cả)?"  # `yêu cầu tất cả các bộ ngành, địa phương …`: every one of them
                       r"(?:\s+(?:các|những|toàn thể)\s+[\p{Ll} ]{1,30}(?:,\s*[\p{Ll} ]{1,30}){0,2},)?"
                       # `yêu cầu cấp ủy chính quyền xã …`: the party committee written before the government
                       r"(?:\s+cấp\s+[uủ]y,?)?(?:\s+\d{1,3})?"
                       # `đề nghị từ nay đến ngày 15/03/2026, các Sở …`: the time the request runs to
                       r"(?:\s+(?:từ nay|trước|đến|chậm nhất|trong)\s[^,;:]{0,40},)?\s*,?\s*$", re.I)
# `giao chỉ tiêu … cho 27 sở, ban, ngành`, `Chỉ tiêu cho các đơn vị … đạt 45%`: the bodies a
# target is given to carry it
_CITED_CONTENT = re.compile(r"(?:\bsố\s+\d|\b\d{1,5}/[\p{Lu}\p{N}])[^;:]{0,200}\bvề\s+việc\b[^;:]{0,80}$", re.I)
_TARGET_FOR = re.compile(r"chỉ tiêu(?![\p{L}])[^.;:]{0,200}?\s(?:cho|tới)\s+(?:cả\s+)?$", re.I)
_DIRECTED_TO = re.compile(rf"\b(?:chỉ đạo|yêu cầu|đề nghị){_HOW_CLOSELY}\s+cho\s*$", re.I)
# `làm việc với các địa phương để đôn đốc triển khai …`: the bodies met are the ones urged or
# checked, not partners in the task
_TO_OVERSEE = re.compile(r"^\s*để\s+(?:đôn đốc|kiểm tra|giám sát|nắm tình hình)(?![\p{L}])", re.I)
_WORKS_WITH = re.compile(r"\blàm việc\s+(?:trực tiếp\s+)?với\s*$", re.I)
# (`phối hợp với các thành viên Hội đồng Thi đua - Khen thưởng Huyện`: the council's members, the council at work)
# the body a lead settles its work with (`thống nhất với`, `trao đổi với`): a partner, once a lead is named
_AGREES_WITH = re.compile(r"(?<![\p{L}])(?:thống nhất|trao đổi|thảo luận)\s+với\s*$", re.I)
# a cooperation the sentence reports as done (`… đã chủ động phối hợp với B`): B's share of past work, no task
_DONE_TOGETHER = re.compile(r"(?<![\p{L}])đã\s+(?:\p{Ll}+\s+){0,2}phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?(?:\s+(?:các\s+)?thành viên)?\s*$")
_IN_DOCUMENT = re.compile(r"(?:^|,\s*)[Tt]ại\s+(?:Quyết định|Công văn|Kế hoạch|Văn bản|Chỉ thị|Thông báo|Công điện|Nghị quyết)"
                          r"(?:\s+số)?[^,;]{0,60},\s*$")
# a news photo's credit or a figure's source, in brackets (`(Ảnh: Hội LHPN tỉnh cung cấp)`, `(Nguồn: TTXVN)`)
_CREDIT = re.compile(r"[(\[](?:Ảnh|Nguồn)(?:\s+minh\s+họa)?\s*:\s*$")
_COOPERATE = re.compile(r"phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?(?:\s+(?:các\s+)?thành viên)?\s*$", re.I)
# the body is owner, issuer, addressee or a person's office, not the one who acts
# (lexicon/not_actor_before.tsv)
_NOT_ACTOR = re.compile(rf"(?:{_before_words(lexicon.not_actor_before())})\s*$")
_NOT_ACTOR_LONGEST = max(len(words) for words, _, _ in lexicon.not_actor_before())
_SPACE_CHAR = re.compile(r"\s")


def _ends_with_colon(text: str) -> bool:
    """Whether `text` ends in `:` and spaces, as every match of `_LEAD_LABEL` and `_SUPPORT_LABEL`
    does (`…:\\s*$`): most texts do not, and then those patterns, which would try every
    position of a paragraph, are not searched."""
    end = len(text)
    while end and _SPACE_CHAR.match(text, end - 1):
        end -= 1
    return end > 0 and text[end - 1] == ":"


def _not_actor(before: str) -> bool:
    """`_NOT_ACTOR.search(before)`, searched from where its words can start: they end the text
    but for spaces (whose last letter is the text's), so no match starts more than the longest
    of them before the trailing spaces (look-behinds still read the text before)."""
    end = len(before)
    while end and _SPACE_CHAR.match(before, end - 1):
        end -= 1
    return _NOT_ACTOR.search(before, max(0, end - _NOT_ACTOR_LONGEST)) is not None


# (`MTTQ xã sẽ chủ trì thực hiện`: what the body will do; `Sở Kế hoạch và Đầu tư làm đầu mối
# tiếp nhận thông tin …`: acts as the focal point; `Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức
# thành viên làm nòng cốt, hướng dẫn …`: the core of a movement)
# (`Bộ Công an được giao nhiệm vụ chủ trì, phối hợp …`: given the lead, wherever the sentence starts;
# `Sở Thông tin và Truyền thông được Ủy ban nhân dân tỉnh giao chủ trì`: by whom, between)
# (`Bộ Khoa học và Công nghệ đóng vai trò là cơ quan chủ trì theo dõi …`: the role it is given;
# `Sở Y tế là đơn vị được giao chủ trì, phối hợp …`)
# (`… (Ban Chỉ đạo) chủ trì họp phiên thứ 13`: who chairs a meeting a news item reports leads no task)
_LEADS_TASK = re.compile(r"^\s*[,(]?\s*(?:(?:sẽ|cũng|vẫn|tiếp tục)\s+)?(?:(?:được(?:\s+[^,;.:\n]{1,60}?)?\s+giao\s+(?:nhiệm vụ\s+)?)?chủ trì(?!\s+(?:(?:cuộc\s+|phiên\s+)?họp|hội nghị|đại hội|kỳ họp|buổi|phiên|lễ)(?![\p{L}]))|(?:(?:đóng|giữ) vai trò (?:là )?|là )(?:(?:cơ quan|đơn vị) (?:được giao (?:nhiệm vụ )?)?)?(?:đầu mối|thường trực|chủ trì)|làm (?:(?:cơ quan|đơn vị) )?đầu mối|làm (?:lực lượng )?nòng cốt|chịu trách nhiệm"
                         # (`Ban chỉ đạo có nhiệm vụ tham mưu cho Chủ tịch UBND tỉnh …`: the duty it is given)
                         r"|có nhiệm vụ(?=\s+(?:tham mưu|chỉ đạo|tổng hợp|chủ trì|hướng dẫn|theo dõi|kiểm tra|tổ chức)(?![\p{L}]))"
                         r"|là chịu trách nhiệm)", re.I)
# Sentence openers that may stand before a subject: `Hằng năm, căn cứ …, X xây dựng …`
# a paper's tag opening a news report (`(ĐN)- `, `(Dân trí) – `)
_PAPER_DATELINE = r"\(\p{Lu}[\p{L}\p{N}.]{0,20}(?:[ ][\p{L}\p{N}.]{1,12})?\)\s*[-–]\s*"
_OPENER = re.compile(
    # a news report's dateline first: `(ĐN)- Từ nay đến trước Tết …, Sở Công thương tăng cường …`
    # (a paper's name in two words: `(Dân trí) – Chủ đầu tư các dự án … phải giải ngân …`)
    # (`Audio thời sự 07-12-2021 “Sở Nông nghiệp … phối hợp với …`: a quoted statement opens after
    # a caption the page runs on into it; the body opens the quote's sentence)
    r"^(?:[^“”.;:!?\n]{0,80}“\s*)?"
    rf"(?:{_PAPER_DATELINE})?"
    rf"(?:\W*|(?:[{BULLETS}]|\(?\d+[.)]|[{LETTERS_LATIN}]\)|{ROMAN_RUN}\.)\s*)"
    r"(?:(?:Hằng năm|Hàng năm|Mỗi năm|Định kỳ[^,;]{0,30}|Căn cứ[^;]{0,120}?|Trên cơ sở[^;]{0,120}?|Theo quy định[^,;]{0,160}|Theo[^,;]{0,80}"
    r"|Trong[^,;]{0,80}|Đồng thời|Ngoài ra|Sau khi[^,;]{0,80}|Khi[^,;]{0,80}|Để[^,;]{0,100}|Đối với[^,;]{0,80}"
    r"|Trường hợp[^,;]{0,80}|Từ năm[^,;]{0,40}|Năm \d{4}|Giai đoạn[^,;]{0,40}"
    # (`Bước sang giai đoạn 2024-2025, Ban Chỉ đạo … tiếp tục phấn đấu …`: the period ahead)
    r"|Bước (?:sang|vào)[^,;]{0,40}"
    # (`Dự kiến vào tháng 9 tới, Bộ Nội vụ sẽ xây dựng đề án …`: when a step is planned)
    r"|Dự kiến[^,;]{0,60}"
    # (`Ngoài thời gian tiêm phòng định kỳ theo đợt chính nêu trên, các địa phương còn phải tổ chức …`)
    r"|Ngoài\s[^,;]{0,80}"
    # a condition, which may list what it is about (`Trong quá trình triển khai nếu có phát sinh
    # khối lượng, điều chỉnh dự án trên, Sở Xây dựng báo cáo …`)
    r"|(?:[^,;]{0,60}\s)?Nếu\s[^;]{0,120}?"
    # a date or a time that opens the sentence: `Chậm nhất ngày 20-7,`, `Trước ngày 15-8,`, `Sáng 23/4,`
    # (not the day of a reported event: `Sáng 18/8, Đảng bộ xã … tổ chức hội nghị`)
    r"|(?:Chậm nhất|Trước|Sau|Đến|Từ)\s[^,;]{0,40}|Chậm nhất\s[^,;]{0,120}"
    r"(?P<day>)"
    # generic actors listed ahead of the named bodies (`Cấp ủy, chính quyền, MTTQ và các tổ chức chính
    # trị - xã hội tập trung …`): optional themselves, they leave the bodies after them the subject
    r"|Cấp (?:ủy|uỷ)(?:\s+các cấp)?|Chính quyền(?:\s+(?:các cấp|địa phương))?"
    # (`Cụ thể, Ban chỉ đạo Đề án cần bổ sung …`: the details of the task given before)
    # a connector to what went before (`Tuy nhiên, so với yêu cầu thực tiễn, các bộ, ngành, địa phương, doanh
    # nghiệp cần tăng tốc …`, `Vì vậy, các cấp ủy …`): the subject still opens its clause
    r"|Tuy nhiên|Vì vậy|Vì thế|Do (?:đó|vậy)|Bởi vậy|Như vậy|Mặt khác|Trước mắt|Sắp tới|Thời gian tới|Từ đó|Hơn nữa|Trước hết|So với[^,;]{0,60}"
    # (`Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện …`: the direction carried out)
    r"|Thực hiện\s[^,;]{0,160}|Triển khai\s[^,;]{0,120}"
    # (`Cùng với báo cáo giá, các địa phương phải cập nhật …`: what the task comes with; `Trên đất liền,
    # các địa phương … rà soát …`: where a storm's letter turns to, as `Tại …`; not a share: `Trên 90% …`)
    r"|Cùng với[^,;]{0,80}|Trên\s(?!\d)[^,;]{0,40}"
    r"|Qua đó|Bên cạnh đó|Cụ thể|Nhiệm vụ[^,;]{0,40}|Tại[^,;]{0,80}|Riêng[^,;]{0,60}|Với[^,;]{0,60}|Nhằm[^,;]{0,80}|Về[^,;]{0,60})\s*,\s*)*"
    # `Hiện nay Sở … đang triển khai`: a report of who is carrying a task out now
    # `Đối với UBND các huyện, thành, thị cần xây dựng kế hoạch …`: the body the sentence turns to
    # (`Đồng thời Thường trực hướng dẫn …`: `Đồng thời` without its comma)
    # (`Theo đó cơ quan quân sự các cấp chủ động tham mưu …`: `Theo đó` without its comma, as news write it)
    # (`…, hàng năm các Bộ, ngành, địa phương có trách nhiệm gửi báo cáo`: the schedule without its comma)
    # (`…; từ ngày 11/5/2019 đến ngày 13/5/2019 các ấp tổ chức họp …`: the dates a step runs, without a comma)
    # (`Trong đó Phòng Nội vụ phối hợp với …`: the part of the plan the sentence turns to, without its comma)
    # (`Trong trường hợp các hộ dân không bố trí được nơi tạm lánh thì Ủy ban nhân dân các xã, thị trấn bố
    # trí lực lượng …`: a condition closed by `thì` instead of a comma; the subject opens the main clause)
    r"(?:(?:Trong\s+)?(?:trường hợp|nếu|khi)\s[^;.:]{1,160}?\s+thì\s+)?"
    r"(?:Hiện (?:nay|tại),?\s+|Riêng\s+|Đối với\s+|Đồng thời\s+|Trong đó\s+|Theo đó\s+|(?:Hằng|Hàng|Mỗi) năm\s+"
    r"|[Tt]ừ ngày\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+đến(?: ngày)?\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+)?"
    # (`Yêu cầu của kế hoạch là các cơ quan, đơn vị tỉnh, Ủy ban nhân dân các huyện, thành phố thực hiện tốt …`:
    # the plan's requirement written as the clause of who does what)
    r"(?:(?:Yêu cầu|Mục đích)(?:\s+(?:của|đối với)\s+(?:kế hoạch|chương trình|đề án)(?:\s+này)?)?\s+là\s+|[Đđ]ề nghị\s+|(?:[^,;]{0,40}\s)?(?:là\s+)?(?:hạn cuối|thời hạn cuối cùng|chậm nhất)(?:\s+để)?\s+"
    # a report of what a document says each body is to do: `Kế hoạch nêu rõ các ban đảng, … căn
    # cứ chức năng, nhiệm vụ được giao tổ chức quán triệt …`
    r"|(?:Kế hoạch|Chương trình|Nghị quyết|Chỉ thị|Quyết định|Đề án|Chiến lược|Công văn|Văn bản|Thông báo)"
    r"(?:\s+(?:này|cũng|còn))*\s+(?:nêu rõ|chỉ rõ|xác định rõ|xác định|quy định rõ|quy định)\s+)?$", re.I)
# a calendar's day before the subject, when the body is to act on it (`Theo đó, ngày 5/6, Thường
# trực HĐND huyện sẽ ban hành …`; not a reported event's day: `Ngày 25/12, HĐND xã … tổ chức`)
_SCHEDULED_OPENER = re.compile(_OPENER.pattern.replace("(?P<day>)", r"|Ngày \d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?"), re.I)
_OPENER = re.compile(_OPENER.pattern.replace("(?P<day>)", ""), re.I)


@lru_cache(maxsize=1024)
def _opens(before: str) -> bool:
    """`_OPENER` over the words before a subject, read once: `_role` asks it up to five times
    of one clause, and its bounded repeats make each reading long."""
    return _OPENER.match(before) is not None


# verbs by which a subject assigns, decides or receives rather than carries out
# (lexicon/not_task_verbs.tsv), and the phrases among them with a grammar of their own
# (`Báo Hà Giang trân trọng đăng toàn văn Công điện`: a paper's courtesy formula for what it prints)
# (`Đảng ủy phường Hòa Bình xác định mục tiêu tổng quát là …`, `Hội … xác định thời gian tới sẽ hỗ trợ …`:
# a body stating its own aims, as `đặt ra mục tiêu`, not a task given it)
_NOT_TASK = re.compile(rf"^\s*(?:điện\s+tử\s+)?(?:trân\s+trọng\s+)?(?:{_verbs(lexicon.not_task_verbs('not-task'))}"
                       # a story's body giving its view or asking, its words after a comma or colon
                       # (`Bộ Giáo dục và Đào tạo đánh giá, có được kết quả này là nhờ …`, `Chi bộ cơ sở hỏi: …`),
                       # or taking a stance (`Bộ Chính trị xác định đặt công việc học tập … là nội dung quan trọng`);
                       # not a list of its tasks (`đánh giá, tổng kết …`)
                       r"|(?:đánh giá|nhận định|nhận xét)\s*[,:]\s*(?:có|việc|trong|nhờ|đây|qua|tuy|mặc dù|nhìn chung|hiện nay|năm|các|những|kết quả|thời gian|điều)(?![\p{L}])"
                       r"|(?:cho rằng|hỏi|trả lời)\s*[,:]|(?:chỉ ra|nêu rõ|cho biết|nhận định|đánh giá|khẳng định|nhấn mạnh|lưu ý)\s+rằng(?![\p{L}])"
                       # a letter's writer sending its papers with its request (`Sở Xây dựng gởi hồ sơ và kính
                       # đề nghị các quý cơ quan phối hợp …`): it asks, the bodies asked act
                       r"|g[ửở]i\s[^.;:]{0,60}?(?:kính\s+)?đề nghị(?![\p{L}])"
                       r"|xác định\s+(?:rõ\s+)?(?:đây|rằng|là|việc|đặt|coi)(?![\p{L}])"
                       # (`Ủy ban MTTQ Việt Nam huyện xác định Đại hội MTTQ Việt Nam các cấp nhiệm kỳ 2024 - 2029 là sự kiện
                       # chính trị quan trọng`: what a body holds a thing to be, its view, not a task)
                       r"|xác định\s+\p{Lu}[^.;:,\n]{1,80}?\s+là\s+(?:sự kiện|nhiệm vụ|một|khâu|yếu tố|nội dung|việc)(?![\p{L}])"
                       r"|(?<=trọng\s+)(?:đăng|giới thiệu)(?![\p{L}])"
                       r"|chỉ đạo\s+về\s+việc|(?:đặt(?:\s+ra)?|xác định)\s+mục tiêu|"
                       # (`ngành Công Thương đặt ra các chỉ tiêu tăng trưởng cụ thể: …`, `Sở KH-CN cũng đặt chỉ
                       # tiêu nhân lực …`: a body setting its own targets, as it sets its aims)
                       r"(?:cũng\s+)?(?:đặt(?:\s+ra)?|đề ra)\s+(?:các\s+|những\s+|nhiều\s+)?chỉ tiêu(?![\p{L}])|"
                       # (`Tổ công tác đặc biệt của Chính phủ có văn bản số 3681/BC-TCT … báo cáo …`, `Sở Nội vụ
                       # giới thiệu toàn văn Văn bản số …`: a body sending or printing a paper, not tasked by it)
                       r"(?:vừa\s+|đã\s+)?có\s+(?:văn bản|công văn)(?:\s+số)?(?![\p{L}])|giới thiệu\s+toàn văn|"
                       # how many tasks or targets a congress or resolution sets (`Đảng bộ phường Đông Sơn xác định
                       # 6 nhiệm vụ trọng tâm cho nhiệm kỳ mới`): what it counts, not a task it is given
                       # (`UBND huyện xác định thực hiện 4 mục tiêu, với 21 chỉ tiêu cụ thể`: a plan's issuer counting its aims)
                       r"(?:đặt\s+ra|xác định|đề ra)\s+(?:thực hiện\s+)?(?:\d+|nhiều)\s+(?:nhóm\s+)?(?:nhiệm vụ|chỉ tiêu|mục tiêu|giải pháp|(?:khâu\s+)?đột phá)|xác định\s+(?:trong\s+)?thời gian tới|(?:tổ chức\s+)?lấy ý kiến"
                       # a body's yearly rating as a target (`Đảng bộ xã hàng năm đạt: hoàn thành tốt nhiệm vụ`)
                       r"|(?:hằng|hàng|mỗi)\s+năm\s+đạt\b"
                       # the rating itself as a target a congress sets (`…; Hội CCB phường hoàn thành xuất sắc
                       # nhiệm vụ; tỷ lệ hộ hội viên khá, giàu đạt 60%`): a grade to reach, not a task
                       r"|(?:hằng|hàng|mỗi)?\s*(?:năm\s+)?hoàn thành\s+(?:xuất sắc|tốt)\s+nhiệm vụ\s*(?:[;.]|$)"
                       # how a body works, as its rules of work describe it (`Ủy ban nhân dân xã làm việc theo
                       # nguyên tắc tập trung dân chủ …`): its way of working, not a task
                       r"|làm việc\s+theo\s+(?:nguyên tắc|chế độ)"
                       # (`Thượng tá …, Chỉ huy trưởng Ban CHQS huyện chủ trì hội nghị`: who chairs a meeting, as who holds it)
                       r"|(?:nghiêm\s+)?cấm\b|(?:tổ chức(?:\s+thành công)?|chủ trì)\s+(?:hội nghị|đại hội|kỳ họp|lễ|buổi|phiên))", re.I)
# verbs by which the body named before them carries out a task (lexicon/task_verbs.tsv)
_TASK_VERB = re.compile(rf"^\s*(?:{'|'.join(re.escape(v, literal_spaces=True) for v in lexicon.task_verbs('agency'))})\b", re.I)
_DIRECTED_LIST = re.compile(r"(?:chỉ đạo|yêu cầu|đề nghị|giao(?:\s+cho)?)(?:\s+(?:các|những)\s+[\p{Ll}, ]{1,30}?|\s+(?:các|những)\s+[Bb]ộ)?\s*:\s*$", re.I)
_HELPS = re.compile(r"^\s*(?:cử (?:đại diện|cán bộ|người|thành viên)\s+(?:tham gia\s+)?)?(?:tham gia\s+)?phối hợp(?!\s+(?:chặt chẽ\s+)?(?:với|cùng)\b)(?![\p{L}])", re.I)
# the help a cooperation gives named after it: room made for others' task (`phối hợp chặt chẽ, tạo điều
# kiện thuận lợi …`, `phối hợp, hỗ trợ`)
_MAKES_WAY = re.compile(r"(?:\s+chặt chẽ)?\s*,?\s*(?:tạo\s+(?:mọi\s+)?điều\s+kiện|hỗ\s+trợ|giúp\s+đỡ)(?![\p{L}])", re.I)
# what a superior body does for a plan (lexicon/not_task_verbs.tsv)
_DIRECTS_TASK = re.compile(r"^\s*chỉ đạo\s+(?:xây dựng|triển khai|tổ chức|thực hiện|kiểm tra|rà soát)\s+(?:kế hoạch|phương án)", re.I)
_SUPERIOR_ACTS = re.compile(rf"^\s*(?:{_verbs(lexicon.not_task_verbs('superior'))})", re.I)
_HEADING_PREFIX = re.compile(r"^(?:[Đđ]ề nghị|[Gg]iao|[Tt]rách nhiệm của)\s+")
# (a web copy that ran a list's lines together keeps their dashes: `… năm học 2017-2018 - Các đơn vị
# trực thuộc Sở … xây dựng báo cáo`; a dash inside a name is followed by a capitalised name word)
# (`sau sáp nhậpThời sự - 26/04 19:05Ban Tổ chức Trung ương sẽ …`: a news page's headline, section
# and time glued to its first sentence by a web copy; the time ends them)
# (not the dot of a city's short form: `theo chỉ đạo được Chủ tịch UBND TP. Hà Nội … ký ban hành …, các xã …`)
_CLAUSE_CUT = re.compile(r"(?<!(?<![\p{L}])(?:TP|Tp))[.!?;…](?=\s)|:\s|(?<=\S)\s[-–]\s(?=(?:Các|Những)\s\p{Ll})|(?<=\d:\d\d)(?=\p{Lu}\p{Ll})")
_DUTY_ITEM = re.compile(rf"^\s*(?:[{BULLETS}]\s|[{LETTERS_LATIN}]\)\s)")


_PREAMBLE = re.compile(r"^\W*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUYẾT ĐỊNH|CHỈ THỊ|Căn cứ|Thực hiện|Số\s*:)|ban hành|xây dựng Kế hoạch")


# Lines of a preamble that name bodies without assigning them anything: the title, the
# legal bases, who proposed it, the addressees. Letters and news reports have no outline,
# and their requests are written in the paragraphs above the first numbered item.
_PREAMBLE_LINE = re.compile(r"^\W*(?:Căn cứ|Xét|Theo đề nghị|Kính gửi|Số\s*:|V/v|Về việc)|^[^\p{Ll}]*$")


def _body_start(doc: PlanText, sections: list[Section]) -> int:
    """Raw index where the plan's body begins: the first heading, when the text above it
    is a preamble (title, legal bases, the issuer). An excerpt that starts mid-way has
    none, and its first lines are body."""
    first = min((s.span[0] for s in sections), default=0)
    for para in doc.paragraphs:
        if doc.raw_pos(para.start) >= first:
            break
        if _PREAMBLE.search(para.text):
            return first
    return 0


_ADDRESSEES = re.compile(r"^\W*Kính gửi\s*:?\s*$")
_ADDRESSEE_ITEM = re.compile(r"^\s*[-–+•]\s*[^\n]{1,200}[;.,]?\s*$")
_TABLE_ROW = re.compile(r"(?m)^[^\n]*\|[^\n]*\|[^\n]*$")


def extract_agencies(doc: PlanText, sections: list[Section]) -> list[Agency]:
    first_section = _body_start(doc, sections)
    recipients = next((p for p in doc.paragraphs if not p.footnote and _RECIPIENTS.match(p.text)), None)
    stop_at = doc.raw_pos(recipients.start) if recipients else len(doc.raw)
    table_lines = [(m.start(), m.end()) for m in _TABLE_ROW.finditer(doc.raw)]
    headline_end = _headline_end(doc.raw)
    issuers = _issuers(doc, first_section) | _headline_subject(doc.raw[:headline_end])
    found: list[Agency] = []
    for start, end, text, name, role in table_agencies(doc.raw, stop_at):
        found.append(Agency(name=expand(name or text), text=doc.raw[start:end], role=role,
                            section=section_path_at(sections, start), span=(start, end)))
    body = []
    addressed = False  # inside the items of a `Kính gửi:` list
    table_starts = [a for a, _ in table_lines]  # (in order, apart: the row a place may be in is the last before it)
    past_report: dict[int, bool] = {}  # a section's title, read once for all its paragraphs
    for para in doc.paragraphs:
        raw_start = doc.raw_pos(para.start)
        row = bisect.bisect_right(table_starts, raw_start) - 1
        if para.footnote or (row >= 0 and raw_start < table_lines[row][1]):
            continue
        # `Kính gửi:` over `- Văn phòng Quốc hội;` items: the letter's addressees, named, not tasked
        # (a request the letter makes of them is written in its body, after the list)
        if _ADDRESSEES.match(para.text):
            addressed = True
            continue
        if addressed and _ADDRESSEE_ITEM.match(para.text):
            continue
        addressed = False
        if raw_start < first_section and _PREAMBLE_LINE.search(para.text):
            continue
        if raw_start >= stop_at:
            break
        chain = ancestors_at(sections, raw_start)
        for s in chain:
            if id(s) not in past_report:
                past_report[id(s)] = _PAST_REPORT.search(s.title) is not None
        if not any(past_report[id(s)] for s in chain):
            body.append((para, chain))
    # Names a heading or a `Name: duties` label writes in full are learnt first, so that the
    # same body written in running text gets its full name too (`Ban Quản lý xây dựng
    # nông thôn mới xã` where the rules alone stop at `Ban Quản lý`).
    learnt: set[str] = set()
    following = {id(a): b for a, b in zip(doc.paragraphs, doc.paragraphs[1:])}

    def duties_follow(para) -> bool:
        """`1. Phòng Văn hóa và Thông tin` over `- Tham mưu …` items: the heading of a body's
        duties, wherever the plan puts it (not only under TỔ CHỨC THỰC HIỆN)."""
        nxt = following.get(id(para))
        return bool(nxt and MARKER.match(para.text) and len(para.text) <= 120
                    and _DUTY_ITEM.match(nxt.text))

    # what pass 1 read in each paragraph: its mentions and the responsible ones among them;
    # pass 2 reads a paragraph again only when a learnt name changed its mentions
    # (`_responsible` is a function of the mentions, the paragraph and its sections alone)
    read_before: dict[int, tuple[tuple, list[tuple[int, int, bool, str, str]]]] = {}
    assigns: dict[tuple[int, int], bool] = {}

    def assigns_items(span: tuple[int, int]) -> bool:
        """Whether a section's text says it gives its items out (`Giao:`): read once for each
        section, not again for each of its paragraphs (a long section would be read over and over)."""
        if span not in assigns:
            assigns[span] = _ASSIGNS_ITEMS.search(doc.raw[span[0]:span[1]]) is not None
        return assigns[span]

    headline_cut = bisect.bisect_left(doc.offsets, headline_end) if headline_end else 0
    # a news story: a headline over running text, no numbered outline of a plan
    # (a number closing the excerpt, its heading cut off, `(Gửi kèm Công văn …)` / `1. `, outlines nothing)
    story = bool(headline_end) and not any(s.title for s in sections)
    implementation: dict[int, bool] = {}  # a section's title, read once for all its paragraphs
    known, known_of = (), 0  # the learnt names, longest first, sorted again only when one is added
    plan_told = story and _STORY_OF_A_PLAN.search(doc.raw) is not None
    for pass_no in (1, 2):
        for k, (para, chain) in enumerate(body):
            text, folded = _after_headline(para, headline_cut)
            if known_of != len(learnt):
                known, known_of = tuple(sorted(learnt, key=len, reverse=True)), len(learnt)
            mentions = find_mentions(folded, known)
            for mention in mentions:  # a name put together from the folded view, spelt as written
                mention.name = mention.name and respell(mention.name, text)
            if not mentions:
                continue
            as_read = tuple((m.start, m.end, m.generic, m.name, m.extended) for m in mentions)
            if pass_no == 2 and read_before.get(k, (None,))[0] == as_read:
                responsible = read_before[k][1]
            else:
                for s in chain:
                    if id(s) not in implementation:
                        implementation[id(s)] = _IMPLEMENTATION.search(s.title) is not None
                in_implementation = any(implementation[id(s)] for s in chain) or duties_follow(para)
                # `Điều 2. Giao: a) Sở Lao động - Thương binh và Xã hội …`: each item names an assignee
                assigned = any(assigns_items(s.span) for s in chain if s.span[0] < doc.raw_pos(para.start))
                responsible = [(mention.start, mention.end, mention.extended, name, role) for mention, name, role
                               in _responsible(text, mentions, in_implementation, issuers, assigned)]
                if pass_no == 1:
                    read_before[k] = (as_read, responsible)
            for start, end, extended, name, role in responsible:
                if pass_no == 1:
                    if extended:
                        learnt.add(folded[start:end])
                    continue
                span = doc.raw_span(para.start + start, para.start + end)
                if _broken_short_line(doc.raw, span) or span[0] < headline_end or agency_key(name) in _BARE_KIND_KEYS:
                    continue
                if story and (_told_done(text, start, end)
                              or (not plan_told and not _tasked_in_story(text, start, end))):
                    continue
                if _OWN_LEVELS.match(name) and not _directed_before(text, start):
                    continue
                found.append(Agency(name=name, text=doc.raw[span[0]:span[1]], role=role,
                                    section=section_path_at(sections, span[0]), span=span))
    found = _counted_named(doc.raw, found, sections)
    seen, out = set(), []
    for a in found:
        if a.span not in seen:
            seen.add(a.span)
            out.append(a)
    return out


# A news story tells what bodies did: a body whose sentence tells it as done (`đã`, `vừa`, `đang` right after
# it, or what it got done counted: `Các xã, thị trấn tổ chức được 53 giải`) and asks nothing (no directive or
# future word anywhere in the sentence) is reported, not tasked
# (`Hội đồng Nghĩa vụ quân sự xã đang triển khai các bước tuyển chọn …`)
_DONE_AFTER = re.compile(r"\s*,?\s*(?:(?:đã|vừa|đang|mới)(?![\p{L}])|[^.;:!?\n]{0,40}?\sđược\s+\d)")
# the words that ask a body something: a directive, and the duty or future words a task is written with
_DIRECTIVES = r"(?:yêu cầu|đề nghị|chỉ đạo)"
_DUTY_WORDS = r"phải|cần|sẽ|chủ trì|phối hợp|có trách nhiệm|tiếp tục|nhiệm vụ|phấn đấu|giao"
_ASKS = re.compile(rf"(?<![\p{{L}}])(?:{_DIRECTIVES}|{_DUTY_WORDS})(?![\p{{L}}])", re.I)
# where a sentence ends, for the story reading here and `_directed_sentence` below (a `;` does not end it)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] starts and stops (looking at most 400 characters out)."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    last = _SENTENCE_END.search(text, end, end + 400)
    return (cuts[-1] if cuts else max(0, start - 400)), (last.start() if last else min(len(text), end + 400))


def _told_done(text: str, start: int, end: int) -> bool:
    if not _DONE_AFTER.match(text, end):
        return False
    first, stop = _sentence_around(text, start, end)
    return not _ASKS.search(text, first, stop)


# In a news story a body is tasked only where its sentence says so, unless the story tells of a plan or a
# directive (`Theo kế hoạch, …`, `Văn bản yêu cầu …`, `chỉ đạo các đơn vị: …`), whose bodies are the ones it
# tasks: a directive or a partner's role before the body (`yêu cầu Thuế tỉnh …`, `phối hợp với Sở Y tế …`),
# or a duty, a future, a deadline or a task's own verb after it (`Các cơ quan thuế phải …`, `UBND tỉnh sẽ
# …`, `… tổng hợp, báo cáo trước ngày …`); otherwise the story reports what a body did or does (`Đoàn
# công tác Sở Y tế giám sát Trạm Y tế phường …`, `UBND tỉnh họp đánh giá …`, `Đoàn Chủ tịch điều hành Đại hội`)
_STORY_OF_A_PLAN = re.compile(
    r"(?<![\p{L}])(?:[Tt]heo (?:đó|kế hoạch)"
    r"|(?:Kế hoạch|Chỉ thị|Công văn|văn bản|Quyết định|Chương trình)[^.\n]{0,120}?(?:yêu cầu|đề nghị|giao|nêu rõ|đề ra)"
    r"|(?:yêu cầu|đề nghị|giao|chỉ đạo|phân công)[^.\n]{0,80}:)(?![\p{L}])")
_TASKED_BEFORE = re.compile(
    r"(?<![\p{L}])(?:giao(?!\s+(?:thông|lưu|dịch|tiếp))|yêu cầu|đề nghị|chỉ đạo|phân công|kêu gọi|phối hợp|chủ trì"
    r"|[Tt]heo đó|[Tt]heo kế hoạch|hướng dẫn|đôn đốc|nhiệm vụ)(?![\p{L}])", re.I)
_TASKED_AFTER = re.compile(
    rf"(?<![\p{{L}}])(?:{_DUTY_WORDS}|chịu trách nhiệm|khẩn trương|được giao|có nhiệm vụ|phân công|trước ngày|chậm nhất"
    r"|kịp thời|chủ động|tham mưu|tăng cường|đẩy mạnh|tổng hợp|tổ chức|xây dựng|triển khai|thực hiện|tuyên truyền"
    # (`Ban Dân tộc tỉnh - với vai trò là cơ quan Thường trực Chương trình …`: the standing role it holds)
    r"|vai trò(?:\s+là)?\s+(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối|chủ trì))(?![\p{L}])", re.I)


# a mass organisation's own levels (`các cấp hội nông dân`, `Ban chấp hành Hội Cựu chiến binh các cấp`): its
# pages tell what they did or will keep doing (`Năm 2021, các cấp hội CCB … sẽ tiếp tục thực hiện …`); they
# are tasked only where a directive or a purpose before them in the sentence says so (`chỉ đạo các cấp hội
# nông dân phát động …`, `để các cấp bộ Đoàn … triển khai`, `Theo đó, … các cấp hội LHPN trong tỉnh sẽ …`)
_OWN_LEVELS = re.compile(r"(?i)(?:các\s+cấp\s+(?:hội|bộ\s+đoàn|công\s+đoàn)|ban\s+chấp\s+hành\s+[^,;]{1,60}\s+các\s+cấp)(?![\p{L}])")
_PURPOSE_BEFORE = re.compile(r"(?<![\p{L}])để(?![\p{L}])")


def _directed_before(text: str, start: int) -> bool:
    first, _ = _sentence_around(text, start, start)
    return bool(_TASKED_BEFORE.search(text, first, start) or _PURPOSE_BEFORE.search(text, first, start))


def _tasked_in_story(text: str, start: int, end: int) -> bool:
    first, stop = _sentence_around(text, start, end)
    return bool(_TASKED_BEFORE.search(text, first, start) or _TASKED_AFTER.search(text, end, stop))


# the bare plural of a kind with nothing saying which, where or of what (`Thủ tướng đã phân công các cơ quan
# chủ trì soạn thảo 16 văn bản …` before naming them; `… các cuộc vận động do các cơ quan phát động`; what is
# left of `các cơ quan, tổ chức liên quan`): it names no body
_BARE_KIND_KEYS = frozenset({agency_key("các cơ quan")})


# a count of bodies (`4 bộ, ngành`) and, after it in the same sentence, the bodies it counts by name
# (`4 bộ, ngành được nêu tên gồm: Bộ Xây dựng, Bộ Tài nguyên và Môi trường, Ủy ban Dân tộc, …`)
_COUNTED = re.compile(r"^(?:\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+\p{Ll}", re.I)
_COUNT_NAMED = re.compile(r"[^.;:\n]{0,40}?(?<![\p{L}])(?:bao gồm|gồm|gồm có)\s*:\s*(?P<list>[^.;\n]{1,400})")


def _counted_named(raw: str, found: list[Agency], sections: list[Section]) -> list[Agency]:
    """Where a text counts the bodies it asks (`đề nghị 4 bộ, ngành … khẩn trương gửi báo cáo`) and
    names them once (`4 bộ, ngành được nêu tên gồm: A, B, C, D`), the named bodies are the ones asked:
    they take the count's role, and the count, a stand-in for them, is no longer listed."""
    counts = {}
    for a in found:
        if _COUNTED.match(a.text) and a.name not in counts and (named := _COUNT_NAMED.match(raw, a.span[1])):
            counts[a.name] = (a.role, named.start("list"), named.group("list"))
    if not counts:
        return found
    out = [a for a in found if a.name not in counts]
    for role, at, listed in counts.values():
        mentions = [m for m in find_mentions(listed, ()) if not m.generic]
        if not mentions:
            continue
        for m, name in zip(mentions, _names(listed, mentions)):
            span = (at + m.start, at + m.end)
            out.append(Agency(name=name, text=raw[span[0]:span[1]], role=role,
                              section=section_path_at(sections, span[0]), span=span))
    return out


# (a page may print its section's label above the headline: `Y tế - Sức khỏe`)
# (a news page's section label or its date, `13/02/2025`, may stand on a line above the headline)
# (or the page's controls and language switch, parted by a bar: `A- A A+ | Tăng tương phản Giảm tương phản`,
# `Tiếng việt | English`; not a letterhead's capitals, `ỦY BAN NHÂN DÂN | CỘNG HÒA …`)
_HEADLINE = re.compile(r"(?:[^\S\n]*(?:[^\n\d.:;!?]{1,19}|\d{1,2}/\d{1,2}/\d{4}|(?=[^\n]{0,60}\p{Ll})[^\n.:;!?|]{1,30}\|[^\n.:;!?|]{1,40})\n\s*(?=[^\n]{20}))?[^\S\n]*(?P<line>[^\n]{20,160}?)[^\S\n]*\n")
# a local page's headline led by its place (`Thanh Chương: UBND xã Thanh Hương triển khai Kế hoạch …`),
# a title even with a full stop after it
_PLACE_LED = re.compile(r"(?:\p{Lu}\p{Ll}*\s){1,3}?\p{Lu}\p{Ll}*:\s+(?=\p{Lu})")


def _after_headline(para, cut: int) -> tuple[str, str]:
    """The paragraph as read (text, folded view), with a headline the page ran into its first
    sentence blanked and closed by a stop (`Tập trung thực thi các phương án … TTHC` over `Theo
    đó, các bộ, cơ quan tiếp tục …`): the sentence below opens its own clause. Offsets stay."""
    i = cut - para.start
    if not 0 < i < len(para.text):
        return para.text, para.folded
    blank = " " * (i - 1) + "."
    return blank + para.text[i:], blank + para.folded[i:]


# the paper's tag that opens a report's first sentence (`(BKT) - Bộ Tài chính cho biết, …`)
_PAPER_TAG = re.compile(_PAPER_DATELINE + r"\p{Lu}")


def _headline_end(raw: str) -> int:
    """End of a news report's headline: a short first line, no item and no sentence, with the
    report below it. It names what the report is about (`Huyện ủy An Dương: Xây dựng 17 chỉ
    tiêu …`, `Thường trực HĐND xã Vũ Thư triển khai nhiệm vụ tháng 10/2025`), and the report
    says who does what; a title that gives a body its duties (`Trách nhiệm của UBND xã …`) stays."""
    m = _HEADLINE.match(raw)
    rest = raw[m.end():].lstrip() if m else ""
    if not rest:
        return 0
    line = m.group("line")
    stop_ends = line.rstrip()[-1] in ".;:!?" and not (line.rstrip()[-1] == "." and _PLACE_LED.match(line)
                                                       and not re.search(r"[.;!?]", line.rstrip()[:-1]))
    item = MARKER.match(line)
    # (`15 Bộ, cơ quan trung ương giải ngân dưới 15%`: a count opening a headline, not an item's number)
    if (item and not item.group("nodot")) or _DUTIES_OF.match(line) or stop_ends or not any(c.islower() for c in line) \
            or line[0] in "-–+•*" or not (rest[0].isupper() or rest[0].isdigit() or _PAPER_TAG.match(rest)):
        return 0  # (an item, a sentence, a title in capitals, or a line the page wrapped)
    return m.end("line")


_WHEN_LEAD_IN = re.compile(r"(?:date\s+\d{4}(?:-\d{1,2}){0,2})?\s*(?:(?:[Nn]ăm|[Tt]rong năm|[Tt]háng|[Ss]áng|[Cc]hiều|[Tt]ối|[Nn]gày)\s+[\d/.-]{1,10}\s*,)?")


def _headline_subject(headline: str) -> set[str]:
    """The body a news report's headline opens with is the one the report is about, as the
    issuer of a plan is (`Huyện ủy An Dương: Xây dựng 17 chỉ tiêu …` over `Huyện ủy An Dương
    xây dựng báo cáo Chính trị …`): its own doings are reported, not assigned to it."""
    headline = headline.rstrip()
    headline = headline[headline.rfind("\n") + 1:]  # the headline's own line, under a label or date
    mentions = find_mentions(fold(headline))  # (`Đảng uỷ xã Yang Tao tổng kết …`: the old tone placement)
    led = _PLACE_LED.match(headline.lstrip()) if mentions else None
    lead_in = headline[:mentions[0].start].strip() if mentions else ""
    if led and lead_in == led.group().strip():
        lead_in = ""  # `Thanh Chương: UBND xã Thanh Hương …`: the place label is not a subject
    if _WHEN_LEAD_IN.fullmatch(lead_in):
        # ` date 2025-12-31 Năm 2025, Đảng bộ xã Tây Đô hoàn thành …`: the page's date and the time
        # the story tells of are not a subject either
        lead_in = ""
    if not mentions or lead_in:
        return set()
    return _same_party_body(agency_key(headline[mentions[0].start:mentions[0].end]))


_PARTY_COMMITTEE_KEY = re.compile(r"^(?:(?P<level>huyện|tỉnh|thành|quận|thị) ủy|đảng ủy|đảng bộ(?: (?P<bo_level>huyện|tỉnh|thành phố|quận|thị xã))?) (?P<place>.+)$")
_COMMITTEE_LEVELS = {"huyện": "huyện", "tỉnh": "tỉnh", "thành": "thành phố", "quận": "quận", "thị": "thị xã"}


def _same_party_body(key: str) -> set[str]:
    """A party organisation and its committee are one actor in a report about them: the headline
    names one (`Đảng uỷ xã Yang Tao tổng kết …`, `Đảng bộ Xuân Lộc phấn đấu …`), the report the
    other (`Đảng bộ xã Yang Tao tập trung lãnh đạo …`, `Huyện ủy Xuân Lộc đề ra …`)."""
    m = _PARTY_COMMITTEE_KEY.match(key)
    if not m:
        return {key}
    place = m.group("place")
    keys = {key, f"đảng ủy {place}", f"đảng bộ {place}"}
    if m.group("level"):
        keys.add(f"đảng bộ {_COMMITTEE_LEVELS[m.group('level')]} {place}")
    elif not place.split()[0] in ("xã", "phường", "thị", "huyện", "tỉnh", "quận", "thành"):
        keys |= {f"{lv} ủy {place}" for lv in ("huyện", "tỉnh", "thành", "quận", "thị")} if not m.group("bo_level") \
            else {f"{lv} ủy {place}" for lv, full in _COMMITTEE_LEVELS.items() if full == m.group("bo_level")}
    return keys


def _broken_short_line(raw: str, span: tuple[int, int]) -> bool:
    """A name does not run over the end of a short line: such a line ends by itself (a
    menu entry, a title), while a wrapped copy breaks only full lines."""
    brk = raw.find("\n", span[0], span[1])
    return brk >= 0 and raw[brk + 1:brk + 2].isupper() and brk - (raw.rfind("\n", 0, brk) + 1) < 60


_ASKED_BEFORE = re.compile(r"(?<![\p{L}])(?:yêu cầu|đề nghị|chỉ đạo)\s+$")


# a sentence that opens with the document or the direction it carries out, and whose they are
# (`Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Phòng Văn hóa và Thông tin huyện phối hợp …`): the body
# owning the document closes the opener; the list of subjects starts after its comma
# (a direction named by its kind, not a numbered and dated document: `Thực hiện Đề án số 66/ĐA-UBND ngày
# 28/4/2022 … của UBND huyện, UBND xã chỉ đạo xây dựng kế hoạch … số 09/KH-UBND` is a report's account of
# what was done under it, read as before)
_CITED_OWNER_OPENER = re.compile(r"\W*(?:Thực hiện|Theo|Triển khai)\s[^,;:.\n\d]{0,160}?\scủa\s+$")


_TITLES = r"(?:Thủ trưởng|Chủ tịch|Giám đốc|Bộ trưởng)"
_TITLE_IN_GAP = re.compile(_TITLES + r"\s*$")
_TITLE_ANYWHERE = re.compile(rf"(?<![\p{{L}}]){_TITLES}(?![\p{{L}}])")
# a decision's closing article: the heads who see it carried out (`…, Chủ tịch UBND các tỉnh …, Thủ trưởng các
# cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này`), persons
_EXECUTES_DECISION = re.compile(r"thi hành\s+(?:Quyết định|Chỉ thị|Nghị quyết|Thông tư)\s+này", re.I)
_PLURAL_GOVERNMENTS = re.compile(r"(?:UBND|[ỦU][ỷy] ban nhân dân)\s+(?:các|những)\s")


def _without_persons(text: str, group: list[Mention]) -> list[Mention]:
    """The group less the bodies a head's title stands before, and those listed after them with a bare
    comma (`Thủ trưởng các phòng, ban, ngành, trung tâm thuộc huyện`); `và` brings a body back
    (`…, Chủ tịch UBND các tỉnh và các Bộ có liên quan`)."""
    kept, persons = group[:1], False
    for prev, m in zip(group, group[1:]):
        gap = text[prev.end:m.start]
        if _TITLE_IN_GAP.search(gap):
            persons = True
        elif not (persons and gap.strip() == ","):
            persons = False
        if not persons:
            kept.append(m)
    return kept


def _groups(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions written as one list (`Sở Nội vụ, Sở Tài chính và UBND các xã`)."""
    groups: list[list[Mention]] = []
    for m in mentions:
        gap = _QUANTIFIER.sub("", text[groups[-1][-1].end:m.start].strip()) if groups else None
        if groups and len(groups[-1]) == 1 and gap == "," \
                and _CITED_OWNER_OPENER.match(text, _clause_start(text, groups[-1][0].start), groups[-1][0].start):
            groups.append([m])  # `Thực hiện Kế hoạch của UBND xã, Ban chỉ đạo … triển khai`: the opener's issuer ends it
            continue
        if groups and _TITLE_IN_GAP.search(text, groups[-1][-1].end, m.start) and (
                not (_PLURAL_OPENING.match(text, m.start) or _PLURAL_GOVERNMENTS.match(text, m.start))
                or _TITLE_ANYWHERE.search(text, _clause_start(text, groups[-1][0].start), groups[-1][0].start)
                or _EXECUTES_DECISION.search(text, m.end, _clause_end(text, m.end) + 1)):
            # `Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì`: one person's offices; `Bộ trưởng, Thủ trưởng
            # cơ quan thuộc Chính phủ, Chủ tịch UBND các tỉnh …`: a list of persons, not of bodies
            groups.append([m])
            continue
        if groups and _LIST_GAP.fullmatch(text[groups[-1][-1].end:m.start]) and (
                gap not in ("với", "cùng", "cùng với")
                # `MTTQ cùng các tổ chức chính trị - xã hội xã tuyên truyền …`: bodies that open
                # the sentence together are its subjects alike
                or (gap != "với" and _opens(text[_clause_start(text, groups[-1][0].start):groups[-1][0].start]))
                # `yêu cầu các bộ, cơ quan trung ương cùng các địa phương, Tập đoàn Dầu khí Việt Nam chủ
                # động triển khai …`: the bodies a directive asks together
                or (gap == "cùng" and _ASKED_BEFORE.search(text, max(0, groups[-1][0].start - 20), groups[-1][0].start))):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _clause_start(text: str, pos: int) -> int:
    """The end of the last clause cut in text[:pos] (0 for none), by bisect over the cuts of
    the whole text found once. A stop found in the whole text only because a space follows it
    at `pos` is no cut of text[:pos] (the slice ends there); a colon or a list's dash and its
    space are."""
    ends, colon = _clause_cuts(text)
    k = bisect.bisect_right(ends, pos)
    if k and ends[k - 1] == pos and not colon[k - 1]:
        k -= 1
    return ends[k - 1] if k else 0


@lru_cache(maxsize=256)
def _clause_cuts(text: str) -> tuple[list[int], list[bool]]:
    """`_CLAUSE_CUT.finditer(text)`, tried only at `_cut_places` (non-overlapping, as it
    reads: a later place inside a cut is passed over; an empty cut is only ever made before a
    capital, where no other cut starts)."""
    ends, colon, reach = [], [], 0
    for at in _cut_places(text):
        if at < reach:
            continue
        m = _CLAUSE_CUT.match(text, at)
        if m:
            ends.append(m.end())
            colon.append(m.group().lstrip()[:1] in ":-–")
            reach = max(m.end(), at + 1)
    return ends, colon


def _clause_end(text: str, pos: int) -> int:
    """Where the first clause cut from `pos` on starts (`_CLAUSE_CUT.search(text, pos)`, tried
    only at `_cut_places`)."""
    places = _cut_places(text)
    for k in range(bisect.bisect_left(places, pos), len(places)):
        m = _CLAUSE_CUT.match(text, places[k])
        if m:
            return m.start()
    return len(text)


# (a cut opens with its stop or colon, with the space before its dash, or three characters after
# a clock time's colon, `19:05|Ban`; the pattern, its look-behinds tried at every character, would
# read a paragraph several times slower than these signs are found and it is tried at them)
_CUT_SIGN = std_re.compile(r"[.!?;…:\-–]")


@lru_cache(maxsize=256)
def _cut_places(text: str) -> list[int]:
    """The places in `text` where a match of `_CLAUSE_CUT` can start, in order."""
    places = set()
    for m in _CUT_SIGN.finditer(text):
        at = m.start()
        if text[at] in "-–":
            if at:
                places.add(at - 1)
        else:
            places.add(at)
            if text[at] == ":":
                places.add(at + 3)
    return sorted(places)


_PLURAL_OPENING = re.compile(r"(?i)các\s")
_PLURAL_UNITS = re.compile(rf"(?<![\p{{L}}])(?:các|những)\s+(?:cấp\s+)?(?:{'|'.join(map(re.escape, LEVEL_WORDS))})(?![\p{{L}}])")
# (`các ban đảng, …, sở, ngành tỉnh`, `Các phòng GDĐT và trường THPT`: the departments and the
# schools of a list are every one of them, as the golds name them)
_PLURAL_KIND = re.compile(r"(?:đơn vị|địa phương|cơ quan|chi bộ|đảng bộ|tổ chức|đoàn thể|sở|trường)\b")
_PARTY_COMMITTEES = re.compile(r"(?i)cấp\s+ủy\s+(?:các|những)\s")
_PLURAL_PARTY_UNIT = re.compile(r"(?i)(?:các|những)\s+(?:chi bộ|đảng bộ|tổ chức cơ sở đảng|cơ sở đảng|đảng ủy)\b")
_PARTY_UNIT = re.compile(r"(?:chi bộ|đảng bộ|tổ chức cơ sở đảng)\b")


def _names(text: str, group: list[Mention], title_end: int | None = None) -> list[str]:
    names = []
    for k, m in enumerate(group):
        end = m.end
        if title_end is not None and k == len(group) - 1:
            end = title_end  # a heading names the body in full: `3. Trung tâm Dịch vụ tổng hợp`
        names.append(expand(m.name or text[m.start:end]))
    # `Các sở, ban, ngành, đơn vị sự nghiệp thuộc UBND tỉnh`: the plural runs through the list
    if _PLURAL_OPENING.match(names[0]):
        names = [n if k == 0 or not _PLURAL_KIND.match(n) else f"Các {n}"
                 for k, n in enumerate(names)]
        # `các chi bộ, đảng bộ trực thuộc`: the last one's `trực thuộc` closes the whole list of the
        # party's units (not the other kinds a list names before them: `các sở, ban, ngành, huyện
        # ủy, thành ủy, đảng ủy trực thuộc` — the departments are not `trực thuộc`)
        if len(names) > 1 and names[-1].endswith(" trực thuộc"):
            names = [n if n.endswith(" trực thuộc") or not _PLURAL_PARTY_UNIT.match(n) else f"{n} trực thuộc"
                     for n in names]
    # `cấp ủy các chi bộ, đảng bộ cơ sở`: the committees of each party unit listed after
    names = [f"Cấp ủy {n}" if k and _PARTY_COMMITTEES.match(names[k - 1]) and _PARTY_UNIT.match(n) else n
             for k, n in enumerate(names)]
    # `các Ban, Văn phòng Huyện ủy`: the boards listed bare belong to the owner the list ends with
    owner = next((m.group(1) for n in names[1:] if (m := _OWNER_AT_END.search(n))), None)
    if owner:
        names = [f"{n} {owner}" if _BARE_BOARDS.fullmatch(n) else n for n in names]
    return share_body(share_level(names))


_BARE_BOARDS = re.compile(r"(?i)các\s+ban")
_OWNER_AT_END = re.compile(r"\s((?:Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|Thị ủy|Đảng ủy|Hội đồng nhân dân)(?:\s+\p{Ll}+)?)$")


# `với X, <the assigning body> giao …`: the body a sentence turns to, then what it is given
_TURNS_TO = re.compile(r"(?:^|[,.:]\s*)[Vv]ới\s*$")
# (the assigning person, a mention of its own, may stand between: `after` then opens with `giao`)
_GIVEN_AFTER = re.compile(r"\s*(?:,\s*[^,;.:\n]{1,40}?)?(?<![\p{L}])giao(?:\s+(?:chỉ tiêu|nhiệm vụ))(?![\p{L}])")
_UP_TO_COLON = re.compile(r"([^:,.;()]{0,80}?)\s*:")
# a web copy that ran the heading's line break into its first bullet: the body's name, a dash, a
# capitalised duty (`1. Ủy ban nhân dân các huyện, thành phố- Chủ động phổ biến …`)
_BULLET_RUN_ON = re.compile(r"[^\S\n]*[-–][^\S\n]*(?=\p{Lu}\p{Ll}*\s+\p{Ll})")
_ASSIGNS_AT = re.compile(r"\s*giao\b")
# words by which the name before a colon speaks (lexicon/not_task_verbs.tsv)
_SPEAKS = re.compile(rf"(?:^|\s)(?:{_verbs(lexicon.not_task_verbs('speaks'))})(?![\p{{L}}])")
# `(19) Đảng bộ xã hàng năm đạt: hoàn thành tốt nhiệm vụ`: a rating the body is to reach, not its duties
_RATED = re.compile(r"\s*(?:(?:hằng|hàng|mỗi)\s+năm\s+)?đạt(?![\p{L}])")
_DUTY_WORD = re.compile(r"\s*(?:có trách nhiệm|phối hợp|tham mưu)")


_BRACKETED_BEFORE_COLON = re.compile(r"[^\S\n]*\([^()\n]{1,240}\)[^\S\n]*:")


def _label_end(text: str, group: list[Mention]) -> int | None:
    """`1. Ban Quản lý xây dựng nông thôn mới xã: Là cơ quan …` — words between a body's
    name and the colon that opens its duties are the rest of its name."""
    if _BULLET_RUN_ON.match(text, group[-1].end):
        return group[-1].end  # `1. Ủy ban nhân dân các huyện, thành phố- Chủ động phổ biến …`
    if _BRACKETED_BEFORE_COLON.match(text, group[-1].end):
        # `1. Các sở, ban, ngành cấp tỉnh (là chủ đầu tư, cơ quan chủ trì dự án, …):`: what the bodies
        # are, in brackets, before the colon that opens their duties
        return group[-1].end
    m = _UP_TO_COLON.match(text[group[-1].end:])
    if not m or len(m.group(1).split()) > 8:
        return None
    if _ASSIGNS_AT.match(m.group(1)) or _SPEAKS.search(m.group(1)) or _RATED.match(m.group(1)):
        return None  # `Văn phòng Chính phủ đề nghị các Bộ: …`: the body asks, the others act
    if _LEADS_TASK.match(m.group(1)) or _NOT_TASK.match(m.group(1)) or _DUTY_WORD.match(m.group(1)):
        return group[-1].end  # `Sở Nội vụ có trách nhiệm: …`
    return group[-1].end + len(m.group(1).rstrip())


_TITLE_STOP = re.compile(r"\s*(?:[:(]|$)")
_TITLE_ROLE = re.compile(r"(?i)phối hợp|là\b")
_TITLE_PUNCT = re.compile(r"[,;.]")


def _heading_title_end(text: str, group: list[Mention]) -> int | None:
    """Where a heading that names bodies ends, when the last body's name runs to it."""
    label = _label_end(text, group)
    if label is not None:
        return label
    rest = text[group[-1].end:]
    cut = _TITLE_STOP.search(rest)
    tail = rest[: cut.start()].strip()
    if not tail:
        return group[-1].end
    if _LEADS_TASK.match(" " + tail) or _TITLE_ROLE.match(tail):
        return group[-1].end
    # one more word closing the title is the name's (`Trung tâm Dịch vụ tổng hợp`); a longer
    # tail that opens with a verb is the task (`2. Sở Tài chính bố trí kinh phí`)
    # (`2. Ủy ban nhân dân các huyện, thành phố trong tỉnh căn cứ …`: where the bodies are comes
    # between the name and the task)
    where = _WHERE_AFTER.match(rest)
    task_at = where.end() if where else 0
    task = rest[task_at:cut.start()]
    if len(tail.split()) > 2 and (_TASK_VERB.match(task) or _NOT_TASK.match(task)):
        return group[-1].end  # `2. Sở Tài chính bố trí kinh phí`: the task starts after the name
    if len(tail.split()) <= 4 and not _TITLE_PUNCT.search(tail):
        return group[-1].end + cut.start()
    return None


_ISSUES_DOCUMENT = re.compile(r"\s*(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|Đề án)", re.I)
# a news report names the issuer of the plan it reports where it likes, not in a preamble
# (`Thành ủy Hà Nội vừa ban hành kế hoạch kiểm tra, giám sát … năm 2023`)
# (`Hội LHPN huyện Sơn Hòa vừa tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019`, `Huyện ủy
# Na Hang vừa tổ chức Hội nghị Ban Chấp hành …`: the body whose own meeting the report tells, as
# the issuer of a plan is; its programme told below is not a task given to it)
_JUST_ISSUED = re.compile(r"\s*(?:vừa|mới)\s+(?:(?:ban hành|xây dựng)\s+(?:kế hoạch|chương trình|đề án)"
                          r"|tổ chức\s+(?:hội nghị|đại hội|kỳ họp|phiên họp)|tổng kết\s+(?:công tác|hoạt động|năm|nhiệm kỳ))", re.I)


# a line that opens with the body and the plan it issues, its title capitalised as a
# document's (`UBND xã xây dựng Kế hoạch tham mưu cho Đảng ủy xã …` leading a commune's news item
# that has no preamble)
_ISSUES_TITLED = re.compile(r"\s*(?:đã\s+)?(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|Đề án)(?![\p{L}])")


def _opens_line(raw: str, pos: int) -> bool:
    return not raw[raw.rfind("\n", 0, pos) + 1:pos].strip(" \t-–•*")


def _issuers(doc: PlanText, first_section: int) -> set[str]:
    """Keys of the body that issues the plan, read from its preamble
    (`UBND tỉnh ban hành Kế hoạch …`, `Huyện ủy Bảo Yên xây dựng Kế hoạch …`)."""
    keys = set()
    for para in doc.paragraphs:
        if not _ISSUING_WORD.search(para.text):
            continue  # (none of the three wordings can follow a body here: its mentions need not be read)
        preamble = doc.raw_pos(para.start) < first_section
        for m in find_mentions(para.folded):
            if (preamble and _ISSUES_DOCUMENT.match(para.text, m.end)) or _JUST_ISSUED.match(para.text, m.end) \
                    or (_ISSUES_TITLED.match(para.text, m.end) and _opens_line(doc.raw, doc.raw_pos(para.start + m.start))):
                keys.add(agency_key(para.text[m.start:m.end]))
    return keys


# a word every match of `_ISSUES_DOCUMENT`, `_JUST_ISSUED` and `_ISSUES_TITLED` writes
_ISSUING_WORD = re.compile(r"ban hành|xây dựng|vừa|mới", re.I)


_SENTENCE_BREAK = re.compile(r"[.;:!?\n]")
# (not a role in brackets: `Công an tỉnh (chủ trì), Sở Tư pháp (phối hợp)`)
# further kinds of actors listed in lower case after a list's last body, each a word or two and maybe
# an abbreviation (`, hiệp hội, câu lạc bộ DN`)
_VERB_ALT = '|'.join(re.escape(v, literal_spaces=True) for v in lexicon.task_verbs('agency'))
_MORE_KINDS = re.compile(rf"(?:\s*,\s*(?!(?:{_VERB_ALT}|phối hợp|chủ trì)(?![\p{{L}}]))\p{{Ll}}+(?:\s+\p{{Ll}}+){{0,2}}?(?:\s+\p{{Lu}}{{2,}})?){{1,3}}?"
                         rf"(?=\s+(?i:(?:cũng|vẫn|cần|phải|sẽ|đang|khẩn trương|tích cực|chủ động|tiếp tục)(?![\p{{L}}])"
                         rf"|(?:{_VERB_ALT})(?![\p{{L}}])))")
# (also a news report's time said between the body and its verb: `Văn phòng Chính phủ hôm qua (26.7)
# cho biết …`, `UBND tỉnh Kon Tum mới đây cho biết …`; the verb after it is the body's)
_ASIDE_AFTER = re.compile(r"[ \t]*(?:(?:hôm qua|hôm nay|mới đây|sáng nay|chiều nay|sáng qua|chiều qua)(?![\p{L}])"
                          r"(?:[ \t]*\([^()\n]{1,20}\))?"
                          r"|\((?![^()\n]*(?:chủ trì|phối hợp|tham mưu|đầu mối))[^()\n]{1,80}\))", re.I)
_CLAUSE_BREAK = re.compile(r"[.:!?\n]")
_OPEN_BRACKET = re.compile(r"[ \t]*\([ \t]*")
# (not when a level word goes on after it: `Phòng Nông nghiệp và PTNT (Phòng Kinh tế) các huyện`
# is one name with the other name inside it)
_CLOSE_BRACKET = re.compile(rf"[ \t]*\)(?![ \t]*(?:các\s+|cấp\s+)?(?:{'|'.join(map(re.escape, LEVEL_WORDS))})(?![\p{{L}}]))")
# (a partner the rules do not read as a body may stand between: `…; tổ chức chính trị - xã hội; UBND các xã`)
_NEXT_PARTNER = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?;\s*(?:\p{Ll}[^;.:,\n]{0,40};\s*)?")


def _responsible(text: str, mentions: list[Mention], in_implementation: bool, issuers: set[str] = frozenset(),
                 assigned: bool = False):
    """(mention, name, role) for each mention the context makes responsible."""
    groups = _groups(text, mentions)
    open_roles: set[int] = set()  # groups whose role the guidelines leave open
    heading = MARKER.match(text)
    lead_end = None  # where the last body made lead ends
    partners_end = None  # where the last group of helpers ends
    partners_role = "support"  # their role (open where no body leads them: `phối hợp chặt chẽ với A; B; C`)
    prev = None  # (end, role, strong) of the group before
    addressed_on = None  # where the next of a directive's addressees listed with semicolons starts
    persons_asked = False  # the addressees' heads or members were asked, not the body after them
    for gi, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        clause = _clause_start(text, start)
        before = text[clause:start]
        # `Phòng Văn hoá và Thông tin (cơ quan Thường trực Ban Chỉ đạo) theo dõi …`: what the
        # body is, in brackets, stands between it and its task
        aside = _ASIDE_AFTER.match(text, end)
        after = text[aside.end() if aside else end:_clause_end(text, end)]
        if (len(group) > 1 or _PLURAL_OPENING.match(text, group[0].start)) and (kinds := _MORE_KINDS.match(after)):
            # `các sở, ban, ngành Tỉnh, UBND huyện … và các đơn vị, hiệp hội, câu lạc bộ DN chủ động đề xuất`,
            # `các bộ, ngành, địa phương, doanh nghiệp cần tăng tốc`: the list goes on over kinds of
            # actors that are not bodies to the verb they all share
            after = after[kinds.end():]
        para_before = text[:start]
        # `Các sở, ban, ngành … thực hiện …, chủ động phối hợp với B`: the sentence's lead is
        # written before, so B helps it
        # `giao A chủ trì …; phối hợp B; C; D …` — a clause that opens with `phối hợp` and lists
        # partners goes on with the lead of the clause before it (the semicolon does not end
        # whose duty it is); `…; phối hợp với B tổ chức giảng dạy` gives B a task of its own
        partner_list = _COOPERATE.fullmatch(before.strip()) and _NEXT_PARTNER.match(text, end)
        breaks = _CLAUSE_BREAK if partner_list else _SENTENCE_BREAK
        prior_lead = lead_end is not None and not breaks.search(text[lead_end:start]) \
            and not _cooperates_with_next(text, groups[gi - 1], gi - 1, groups)
        item_lead = assigned and heading is not None and not text[heading.end():start].strip()
        if prev is not None and prev[1] and len(group) == 1 and _OPEN_BRACKET.fullmatch(text[prev[0]:start]) \
                and _CLOSE_BRACKET.match(text, end):
            # `chỉ đạo phòng NN&PTNT (phòng Kinh tế) tổ chức thực hiện`: the bracket names the
            # same office as another kind of place calls it; it carries the same task
            role, strong, title_end = prev[1], prev[2], None
        elif addressed_on and start == addressed_on:
            # `yêu cầu A; B; C khẩn trương thực hiện …`: the list of those asked goes on after the
            # semicolon (the clause cut there does not end it); they share the task after the last
            # (`…; Thủ trưởng các cơ quan, đơn vị liên quan thuộc Bộ phối hợp …`, `…; các thành viên Ban
            # Chỉ huy …`: persons asked, the list goes on past them but their bodies are not named)
            role, strong, title_end = "lead", False, None
            persons_asked = text[prev[0]:start].strip(" \t;") != ""
        elif partners_end is not None and not before.strip() and _NEXT_PARTNER.fullmatch(text[partners_end:start]) \
                and not _LEADS_TASK.match(after):
            # `phối hợp Sở A; Viễn thông B (VNPT B); UBND cấp xã …`: the partner list goes on
            role, strong, title_end = partners_role, True, None
        else:
            role, strong, title_end = _role(text, group, gi, groups, before, after, para_before,
                                             heading, in_implementation, open_roles, item_lead or assigned, prior_lead)
        prev = (end, role, strong)
        addressed_on, persons, persons_asked = None, persons_asked, False
        if role == "lead" and not strong and _addressees_go_on(text, group, gi, groups):
            addressed_on = groups[gi + 1][0].start
        # (`Các thành viên Ban Chỉ đạo … phối hợp chặt chẽ với các phòng, ban, ngành, đoàn thể; tổ chức
        # chính trị - xã hội; UBND các xã, thị trấn; …`: the partners a cooperation names go on after
        # semicolons; where no body is written to lead them, their role is left open, as the
        # guidelines leave it between a written subject and its partner)
        cooperating = role == "support" or (role == "lead" and _COOPERATE.search(before))
        partners_end = end if cooperating else None
        partners_role = "support" if role == "support" else None
        if role == "lead":
            lead_end = end
        if role is False and len(group) > 1 and (title := _TITLE_BEFORE.search(before)) \
                and (rest := _after_titled(text, group)):
            # `yêu cầu Giám đốc các Sở: NN&PTNT, Tài chính và UBND các huyện …`: the person's title
            # covers the bodies it heads; a body of another kind after `và` is directed itself
            group = rest
            # (`yêu cầu Bộ trưởng, …, Chủ tịch UBND tỉnh, các Tập đoàn …`: the persons listed before
            # stand between the directive and the bodies, which it addresses alike)
            verbs = list(_DIRECTIVE_WORD.finditer(before, 0, title.start()))
            directive = before[:verbs[-1].end()] + " " if verbs else before[:title.start()]
            if not verbs and (asked := _PERSONS_ASKED_BEFORE.search(text, max(0, clause - 300), clause)) \
                    and not _CLAUSE_BREAK.search(text, asked.end(), clause):
                # `Thủ tướng yêu cầu các Bộ trưởng, Thủ trưởng …; Bí thư, Chủ tịch UBND các tỉnh … và các địa
                # phương …`: the persons asked are listed with semicolons; the directive stands before the first
                directive = asked.group("verb") + " "
            role, strong, title_end = _role(text, group, gi, groups, directive, after, para_before,
                                            heading, in_implementation, open_roles, item_lead or assigned, prior_lead)
        if role is False and len(group) > 1 and _LEADS_TASK.match(after):
            # `báo cáo của các cơ quan, đơn vị, Sở Kế hoạch và Đầu tư chủ trì …`: the list
            # ended before the body that opens the new clause
            group, role, strong, title_end = group[-1:], "lead", True, None
        if persons:  # the body the persons belong to is not asked; the ones listed after it are
            group = group[1:]
        # (a list that goes on over the heads of bodies, `…, Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND
        # các huyện … tập trung thực hiện`: persons from there on, not bodies, though the list's task is theirs too)
        group = _without_persons(text, group)
        if role is False or not group:
            continue
        if not strong:  # the plan's own issuer directs; it is not among those it directs
            group = [m for m in group if agency_key(text[m.start:m.end]) not in issuers]
            if not group:
                continue
        names = _names(text, group, title_end)
        if title_end is not None and title_end > group[-1].end:
            group[-1].end = title_end
            group[-1].extended = True
        for m, name in zip(group, names):
            if m.generic and not strong or m.carrier:
                continue
            yield m, name, role


# a person's office written before a list of bodies: the person is addressed, not the bodies
# (`yêu cầu thủ trưởng các phòng, ban, ngành huyện, các tổ chức chính trị - xã hội …`: in lower case too)
_TITLE_BEFORE = re.compile(r"(?<![\p{L}])(?:(?:[Pp]hó\s+)?[Gg]iám đốc|[Tt]hủ trưởng|[Cc]hủ tịch)\s+$")
_AND_GAP = re.compile(r"\s*,?\s*và\s+")
# a directive whose addressees open with persons' titles (`yêu cầu các Bộ trưởng, Thủ trưởng …;`), up
# to the semicolon that goes on with the list
_PERSONS_ASKED_BEFORE = re.compile(r"(?<![\p{L}])(?P<verb>yêu cầu|đề nghị)\s+(?:các\s+)?(?:Bộ trưởng|[Tt]hủ trưởng|[Cc]hủ tịch|[Gg]iám đốc|[Bb]í thư)"
                                   r"(?![\p{L}])[^.;:!?\n]*;\s*$")
_DIRECTIVE_WORD = re.compile(rf"(?<![\p{{L}}]){_DIRECTIVES}(?![\p{{L}}])")
_LIST_COMMA = re.compile(r"\s*,\s*")
# a class of bodies a list goes on to with its own plural (`…, các Tập đoàn, tổng công ty nhà nước`)
# (`thủ trưởng các phòng, ban, ngành huyện, các tổ chức chính trị - xã hội …`: the mass organisations,
# which no director heads, are asked themselves)
_PLURAL_CLASS = re.compile(r"(?:các|những)\s+(?:\p{Lu}|tổ chức chính trị|đoàn thể(?![\p{L}]))")
_PLURAL_LOCALITIES = re.compile(r"(?:các|những)\s+địa phương(?![\p{L}])")
_STANDALONE_BODY_AT = re.compile("|".join(re.escape(b) for b in sorted(STANDALONE_BODIES, key=len, reverse=True))
                                 + r"(?![\p{L}])")


def _after_titled(text: str, group: list[Mention]) -> list[Mention] | None:
    """The mentions of `group` after the first `và` that opens a body of another kind than the
    first (a standalone body: `UBND`, `Hội Nông dân`), which a title before the list does not head."""
    first = _STANDALONE_BODY_AT.match(text, group[0].start)
    for k in range(1, len(group)):
        body = _STANDALONE_BODY_AT.match(text, group[k].start)
        gap = text[group[k - 1].end:group[k].start]
        if body and _AND_GAP.fullmatch(gap) and (first is None or first.group() != body.group()):
            return group[k:]
        if _PLURAL_CLASS.match(text, group[k].start) and (_AND_GAP.fullmatch(gap) or _LIST_COMMA.fullmatch(gap)):
            return group[k:]
        if _PLURAL_LOCALITIES.match(text, group[k].start) and _AND_GAP.fullmatch(gap):
            # `yêu cầu các Bộ trưởng, …; Bí thư, Chủ tịch UBND các tỉnh: Thanh Hóa, …, Ninh Bình và các địa
            # phương có dự báo nguy cơ mưa lớn …`: the localities closing the list after `và` are asked
            # themselves, as no person's title heads a locality
            return group[k:]
    return None


# (`Điều 2. Nhiệm vụ của các Sở, ngành và UBND các huyện, thành phố.`: a decision's article titled so)
_DUTIES_OF = re.compile(r"\W*(?:[\dIVX]+[.)]\s*|Điều\s+\d+\s*[.:]?\s*)?(?:Trách nhiệm|Nhiệm vụ)(?: và quyền hạn)? của\s+")
_WITH_HELP_OF = re.compile(r"sự (?:phối hợp|tham gia phối hợp) (?:của|với)\s*$", re.I)
_ONLY_MARKS = re.compile(r"\W*")
_TURNED_TO = re.compile(r"\W*Đối với\s+")
# what follows such a colon is a quota set for the bodies, not their duties (`+ Đối với các phòng chuyên
# môn, đơn vị thuộc UBND xã: Tối thiểu là 20% trên tổng số cán bộ …`)
_QUOTA_AFTER = re.compile(r"[^:\n]{0,80}?:\s*(?:(?:tối thiểu|tối đa|ít nhất|không (?:quá|dưới)|trên|dưới|khoảng|đạt"
                          r"|chiếm)\s*(?:là\s+)?)?\d", re.I)
_DONE_BY = re.compile(r"\bdo\s*$")
_ROLE_STATED = re.compile(r"\s*[-–,]\s*(?:với\s+)?vai\s+trò(?:\s+là)?\s+(?:cơ quan|đơn vị)\s+(?:[Tt]hường trực|[Đđ]ầu mối|chủ trì|[Cc]hủ trì)(?![\p{L}])")
_SETS_RULE = re.compile(r"\s*(?:quy định|ban hành|phê duyệt|công bố)\s*[.;,)]?\s*$")
_HELD_LATELY = re.compile(r"\s*tổ chức\s+(?:(?:vào\s+)?(?:sáng|chiều|tối|trưa)\s+(?:nay|qua)|hôm\s+(?:nay|qua)|vừa\s+qua)(?![\p{L}])")
# a verb of publishing that closes the bracket it stands in after `do X`: the figure's source
# (not `(do Sở Y tế chủ trì)`, a lead)
_SOURCE_VERB = re.compile(r"\s*(?:công bố|ban hành|phát hành|xuất bản|thống kê|xếp hạng|khảo sát|cung cấp)\s*\)")
# (`UBND các xã, phường ở Hà Nội được yêu cầu chủ động thực hiện Đề án …`: asked, in the passive; where
# the units are, between)
# (`Bộ X, cũng như Bộ Y, cũng được phân công`: also given, after the aside's closing comma)
_WAS_GIVEN = re.compile(r"\s*(?:,\s*cũng\s+)?(?:(?:ở|tại)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}\s+)?(?:đã\s+)?được\s+(?:giao|chọn|lựa chọn|phân công|yêu cầu)(?![\p{L}])")
_CHOSEN = re.compile(r"(?<![\p{L}])chọn\s*$")
_CHOSEN_FOR = re.compile(r"[^,.;]{0,40}?(?:^|\s)(?:làm|để)\s")
_HELPS_AFTER = re.compile(r"\s*\(?\s*(?:cùng\s+)?phối hợp(?![\p{L}])(?!\s+(?:với|cùng)\b)")
_LEADS_WORD = re.compile(r"chủ trì", re.I)
_ONLY_DIRECTS = re.compile(r"\s*(?:(?:cũng|đã|sẽ|sớm)\s+)?(?:lãnh đạo,\s*)?chỉ đạo(?:,\s*(?:hướng dẫn|đôn đốc))?(?:\s+(?:cho|\d+))?\s*", re.I)
_LINE_END = re.compile(r"[ \t]*\n")
_LEAD_BEFORE_PARTNERS = re.compile(r"(?i:chủ trì)|(?<!được\s)\b[Gg]iao(?:\s+cho)?\s+(?=\p{Lu}|các\s)|được giao\s+(?:nhiệm vụ\s+)?phối hợp")
_ADVISES = re.compile(r"tham mưu", re.I)
_TO_HEAD = re.compile(r"(?:cho|giúp)\s+(?:Chủ tịch|Bí thư|Giám đốc|Thủ trưởng)(?![\p{L}])")
# the list of those a body advises goes on after a comma: `tham mưu cho cấp ủy, chính quyền địa
# phương …` (a short first object only: after a longer one the comma may open a new subject)
_ADVISED_LIST = re.compile(r"(?<![\p{L}])tham mưu(?:\s+(?:cho|giúp))?\s+(?:[\p{L}&]+\s+){0,3}[\p{L}&]+\s*,\s*(?:và\s+)?$", re.I)
_COLON_DUTIES = re.compile(r"\s*:\s*\S")
# the bodies a directive asks, listed with semicolons before the task they share (`đề nghị UBND các
# tỉnh, thành phố trực thuộc trung ương; Thủ trưởng các cơ quan, đơn vị liên quan thuộc Bộ phối hợp
# tổ chức thực hiện …`)
# (`yêu cầu các phòng, đơn vị; các thành viên Ban Chỉ huy … huyện; Ủy ban nhân dân các xã, thị trấn khẩn
# trương thực hiện …`: the members of a board, asked as the heads are)
_NEXT_ADDRESSEE = re.compile(r"[ \t]*;[ \t]*(?:(?:Thủ trưởng|Giám đốc|Chủ tịch)\s|(?:các\s+)?thành viên\s+)?")


def _addressees_go_on(text: str, group, gi: int, groups) -> bool:
    """After a semicolon the list of those asked goes on with another body or the head of one."""
    m = _NEXT_ADDRESSEE.match(text, group[-1].end)
    return bool(m and gi + 1 < len(groups) and groups[gi + 1][0].start == m.end())


_LEADERSHIP_WORD = re.compile(r"lãnh đạo\s*$")
# a thing named by the body that manages it (`cập nhật kho dữ liệu dân số và nhà ở do Tổng cục Thống kê
# quản lý phục vụ nghiên cứu …`, `hộ gia đình … do UBND cấp xã đang quản lý`): no task is given
_MANAGED_BY = re.compile(r"(?<![\p{L}])do\s*$")
_MANAGES = re.compile(r"\s*(?:đang\s+)?quản\s+lý(?![\p{L}])")
# (`Thường trực HĐND tỉnh, lãnh đạo các ban xây dựng Đảng, Văn phòng Tỉnh ủy, lãnh đạo Huyện ủy …
# đã tham dự Đại hội`: a list item after a comma, the leaders of the bodies it goes on to name)
_LEADERS_ITEM = re.compile(r",\s*lãnh\s+đạo\s+[^.;:!?]*$")


# a meeting a report tells and the person who chaired it, the body in the person's title
# (`Phiên họp do đồng chí Tổng Bí thư Tô Lâm, Trưởng Ban Chỉ đạo chủ trì`, `Hội nghị do đồng chí
# Nguyễn Thanh Sơn, Chủ tịch UBND xã chủ trì`): chairing the meeting is no task of the body
_CHAIRED_MEETING = re.compile(r"(?<![\p{L}])(?:[Hh]ội nghị|[Pp]hiên họp|[Cc]uộc họp|[Kk]ỳ họp|[Bb]uổi làm việc)"
                              r"[^.;:\n]{0,40}?\sdo\s[^.;:\n]{1,120}$")
# a paragraph that opens with the legal bases and the sentence after them (`Căn cứ …. X …`)
_AFTER_LEGAL_BASES = re.compile(r"^\s*[Cc]ăn cứ\s[^\n]{10,400}?[.;]\s+$")
# chairing with nothing after it is a meeting's chair, and a head's title before the body says
# the person chairs (`Đồng chí …, Trưởng Ban Chỉ đạo … chủ trì.`)
_CHAIRS_ALONE = re.compile(r"\s*chủ trì\s*(?:[.;]|$)")
_HEAD_OF = re.compile(r"(?<![\p{L}])(?:[Tt]rưởng|[Cc]hủ tịch|[Gg]iám đốc|[Bb]í thư|[Cc]hủ nhiệm)\s*$")
_CHAIRS = re.compile(r"\s*chủ trì(?![\p{L}])(?!\s*,?\s*phối hợp)")


_DUTIES_DEFINED = re.compile(r"(?<![\p{L}])(?:[Xx]ác định|[Pp]hân định|[Pp]hân công|[Qq]uy định)\s+rõ\s[^.;:]{0,80}?"
                             r"(?:trách nhiệm|nhiệm vụ)(?![\p{L}])[^.;:]{0,60}?\scủa\s*$")


def _role(text, group, gi, groups, before, after, para_before, heading, in_implementation, open_roles,
          assigned=False, prior_lead=False):
    """(role, strong, title_end): role False when the mention is not a responsibility;
    strong when the wording names the role outright (then generic actors count too).
    `assigned`: the paragraph is an item under `Giao:`; `prior_lead`: a body made lead is
    written before in the same sentence."""
    start = group[0].start
    if gi in open_roles:
        return None, True, None
    if _CREDIT.search(para_before):
        return False, False, None  # `(Ảnh: Hội LHPN tỉnh cung cấp)`: who supplied a photo, not an actor
    if _ROLE_STATED.match(text, group[-1].end):
        # `… đặc biệt là Ban Dân tộc tỉnh - với vai trò là cơ quan Thường trực Chương trình MTQG 1719`:
        # the standing role the body holds, said of it wherever the sentence names it
        return "lead", True, None
    if _IN_DOCUMENT.search(before):
        # `Theo đó, tại Quyết định số 4984, UBND tỉnh Long An công bố tình huống khẩn cấp …`: what a
        # document says, told through the body that issued it; its issuer, not an actor
        return False, False, None
    if _CHAIRS.match(after) and _CHAIRED_MEETING.search(before):
        return False, False, None
    if _MANAGED_BY.search(before) and _MANAGES.match(after):
        return False, False, None  # `kho dữ liệu dân số và nhà ở do Tổng cục Thống kê quản lý`: what a thing is, whose it is
    if _DONE_BY.search(before) and (_SETS_RULE.match(after) or _HELD_LATELY.match(after)):
        # `theo các tiêu chí nông thôn mới do UBND cấp tỉnh quy định`: whose rule a standard is;
        # `buổi làm việc … do UBND tỉnh tổ chức chiều nay (1/3)`: who held a meeting the report tells
        return False, False, None
    if not before.strip() and _AFTER_LEGAL_BASES.search(para_before) and not _TASK_VERB.match(after):
        # `Căn cứ Chương trình hành động của Huyện ủy, … năm 2021. Ủy ban nhân dân huyện phát động
        # phong trào …`: the body that the legal bases lead up to issues the text, its own act
        return False, False, None
    if _CHAIRS_ALONE.match(after) and _HEAD_OF.search(before):
        return False, False, None  # `…, Trưởng Ban Chỉ đạo phát triển du lịch tỉnh chủ trì.`: the person chaired the meeting
    if assigned and heading is not None and not text[heading.end():start].strip():
        return "lead", True, None
    # `Trách nhiệm của UBND xã về quản lý đất trồng lúa`: a title that gives the body its duties
    if _DUTIES_OF.fullmatch(para_before):
        return "lead", True, None
    if _ends_with_colon(para_before) and _SUPPORT_LABEL.search(para_before):
        return "support", True, None
    if _ends_with_colon(para_before) and _LEAD_LABEL.search(para_before):
        return "lead", True, None
    if heading and in_implementation:
        lead_in = text[heading.end():start]
        if not lead_in.strip() or _HEADING_PREFIX.fullmatch(lead_in.strip() + " "):
            title_end = _heading_title_end(text, group)
            if title_end is not None:
                return "lead", True, title_end
    # `Sở Y tế: chủ trì …` — a body opening its own paragraph of duties (or item: `2. Các
    # đơn vị sự nghiệp thuộc ngành, Ban VHTT các xã:` in a letter with no outline)
    # (`Đối với Bộ Y tế: Đẩy nhanh tiến độ …`: a directive's paragraph turned to the body it tasks)
    lead_in = text[heading.end():start] if heading and heading.end() <= start else para_before
    if (_ONLY_MARKS.fullmatch(lead_in)
            or (_TURNED_TO.fullmatch(lead_in) and not _QUOTA_AFTER.match(text, group[-1].end))) \
            and _label_end(text, group) is not None:
        return "lead", True, _label_end(text, group)
    if not before.strip() and _not_actor(text[:start]):
        return False, False, None  # `… của liên bộ: Ủy ban Dân tộc - Bộ Tài chính`: the colon cut the issuers' clause
    if _CITED_CONTENT.search(before):
        return False, False, None  # `Kế hoạch số 40/KH-BCĐ … về việc phân công các bộ …`: what the cited text assigns
    if _ASSIGNED_BEFORE.search(before):
        return False, False, None  # `rà soát lại các nhiệm vụ UBND tỉnh đã giao cho các cơ quan, …`: what was given them once
    if _ASSIGNED.search(before):
        return "lead", True, None
    if _TARGET_FOR.search(before):
        # (`… triển khai giao chỉ tiêu kế hoạch … cho các đơn vị theo quy định`: the units a body hands
        # its targets on to, named generically, are its own, not the plan's actors; so are its
        # units named as such: `… giao chỉ tiêu kế hoạch chi tiết cho các đơn vị trực thuộc`; not the
        # party's units, which a committee's targets make its actors: `cho các đảng bộ, chi bộ trực thuộc`)
        if text[group[-1].start:group[-1].end].endswith("đơn vị trực thuộc"):
            return False, False, None
        return "lead", False, None
    if _DUTIES_DEFINED.search(before):
        # `Xác định rõ thẩm quyền, trách nhiệm và tiến độ thực hiện của Sở Nông nghiệp và Môi trường, Sở Dân
        # tộc và Tôn giáo, …`: the bodies whose duties the plan sets out are those who carry it out
        # (not `nâng cao trách nhiệm của …`, which only strengthens a role)
        return "lead", False, None
    if _TURNS_TO.search(before) and _GIVEN_AFTER.match(after):
        return "lead", True, None  # `Cụ thể, với Bộ KH-ĐT, Thủ tướng giao chỉ tiêu …`: the body the sentence assigns to
    # `Yêu cầu các đơn vị: Trung tâm Văn hóa huyện, Trung tâm TDTT huyện …` — the colon cut
    # the clause between the directive and the bodies it names
    if not before.strip() and _DIRECTED_LIST.search(text[:start]):
        return "lead", False, None
    if _WITH_HELP_OF.search(before):
        return "support", True, None
    # `Sở NN&PTNT chủ động làm việc với UBND các huyện, thị xã … rà soát`: the lead's partners
    if _WORKS_WITH.search(before) and (prior_lead or _LEAD_BEFORE_PARTNERS.search(before)):
        if _TO_OVERSEE.match(after):
            return False, False, None  # `chủ trì làm việc với các địa phương để đôn đốc …`: those overseen
        return "support", True, None
    if _AGREES_WITH.search(before) and (_LEAD_BEFORE_PARTNERS.search(before) or prior_lead):
        return "support", True, None  # `Ban Dân tộc chủ trì …, rà soát thống nhất với UBMTTQ tỉnh …`: the lead's partner
    if _COOPERATE.search(before) and _DONE_TOGETHER.search(before):
        return False, False, None  # `Ủy ban MTTQ … huyện đã chủ động phối hợp với các cơ quan …`: a past account
    if _COOPERATE.search(before):
        # `A chủ trì, phối hợp với B`, `giao A phối hợp với B`: A leads, B helps
        if _LEAD_BEFORE_PARTNERS.search(before) \
                or assigned or prior_lead:
            return "support", True, None
        return "lead", True, None
    if _DONE_BY.search(before) and _SOURCE_VERB.match(after):
        return False, False, None  # `(LPI - do Ngân hàng Thế giới công bố)`: where a figure comes from, not a task
    if _DONE_BY.search(before) and _LEADS_TASK.match(after):
        return "lead", True, None
    # `Sở Y tế sẽ tổng hợp số lượng trẻ … do các cơ quan, đơn vị, địa phương nói trên gửi về`: with
    # the sentence's lead named before, `do X <verb>` says where what the lead works on comes from
    if _DONE_BY.search(before) and not prior_lead and (
            after.strip() and not _NOT_TASK.match(after) and _is_task(text, group[-1].end, after)):
        return "lead", True, None
    # `Sở GD-ĐT được giao phối hợp với …`: the body the task was given to
    if _opens(before) and _WAS_GIVEN.match(after):
        return "lead", True, None
    # `chọn Đảng bộ xã Tân Việt … để tổ chức đại hội điểm`: the chosen body carries it out
    if _CHOSEN.search(before) and _CHOSEN_FOR.match(after):
        return "lead", True, None
    if _LETTER_SENT.search(before) and _asked_in_letter(text, group, gi, groups, after):
        return "lead", False, None
    if _not_actor(before) and not _DIRECTED_TO.search(before):  # (`chỉ đạo cho X`: X acts)
        return False, False, None
    if _ADVISED_LIST.search(before):
        return False, False, None  # `tham mưu cho cấp ủy, chính quyền địa phương nắm chắc …`: advised, as the first
    if _ISSUES_PLAN.match(after):
        return False, False, None  # `UBND xã Cát Vân xây dựng kế hoạch … với các nội dung như sau`: the issuer
    if _LEADS_TASK.match(after) or _LEADS_TASK.match(after[_REFERS_BACK.match(after).end():]):
        return "lead", True, None
    # `Bộ Quốc phòng, Bộ Công an cử đại diện phối hợp thực hiện`: helpers of a task another leads
    # (`Ban vận động Quỹ … huyện phối hợp UBND huyện phổ biến …`: `phối hợp` without `với` straight
    # before the next body is the subject cooperating with it, both written, as with `với` below)
    if _opens(before) and _HELPS.match(after) and not _cooperates_with_next(text, group, gi, groups):
        return "support", True, None
    # `Sở Y tế chủ trì, các sở, ngành phối hợp`: helpers named after the lead
    if _HELPS_AFTER.match(after) and _LEADS_WORD.search(before):
        return "support", True, None
    # `đề nghị UBND tỉnh xem xét` asks a superior; `đề nghị các Sở, ngành … xem xét, cho ý kiến` asks those it consults
    # (`yêu cầu UBND các huyện, thành phố phê duyệt kết quả kiểm kê`: the units of a level are
    # those it directs, not its superior, as `các Sở` are)
    # (`Yêu cầu Bộ Công an chỉ đạo xây dựng kế hoạch tuần tra …`: asked to see a task itself done, no body
    # named to direct: the task is its own)
    superior = _SUPERIOR_ACTS.match(after) and not _DIRECTS_TASK.match(after) \
        and not _PLURAL_OPENING.match(text[group[0].start:group[0].end]) \
        and not _PLURAL_UNITS.search(text[group[0].start:group[0].end])
    # (`tham mưu cho Chủ tịch UBND tỉnh chỉ đạo UBND cấp huyện, … tổ chức thực hiện`: the advice is that
    # the superior direct them; those directed carry the task out, as after `chỉ đạo` alone)
    directive = _DIRECTED.search(before)
    directed = directive and not superior and not (
        (advice := _ADVISES.search(before)) and not (advice.end() < directive.start() and _TO_HEAD.search(before, advice.end(), directive.start())))
    if directed and _cooperates_with_next(text, group, gi, groups):
        open_roles.add(gi + 1)  # `Đề nghị Bộ GD&ĐT phối hợp với Bộ Y tế …`: both written, role open
        return None, False, None
    # (`đề nghị UBND các tỉnh, thành phố chỉ đạo các cơ quan liên quan tổng hợp …`: those it directs named only
    # generically, the task is the asked body's own)
    if directed and gi + 1 < len(groups) and _ONLY_DIRECTS.fullmatch(text[group[-1].end:groups[gi + 1][0].start]) \
            and not all(m.generic for m in groups[gi + 1]):
        # `Đề nghị UBND tỉnh sớm chỉ đạo UBND huyện Yên Lạc thanh lý …`: asked only to direct
        # the body that carries the task out (as `UBND huyện chỉ đạo UBND các xã …`)
        return False, False, None
    if directed and _HELPS.match(after) and _MAKES_WAY.match(after, _HELPS.match(after).end()):
        # `Chỉ đạo các ban, ngành chức năng, Mặt trận Tổ quốc … phối hợp chặt chẽ, tạo điều kiện thuận lợi …
        # để hội nông dân các cấp tổ chức đại hội`: asked to help the ones who carry the task out
        return "support", True, None
    if directed and (after.strip() or _COLON_DUTIES.match(text, group[-1].end) or _addressees_go_on(text, group, gi, groups)):
        # `lãnh đạo` is also a noun (`lãnh đạo HĐND, UBND có cán bộ nữ`): as a directive it
        # must be followed by the task it directs
        if (_LEADERSHIP_WORD.search(before) or _LEADERS_ITEM.search(before)) and not (_is_task(text, group[-1].end, after) and not _NOT_TASK.match(after)):
            return False, False, None
        return "lead", False, None
    # `Sở Y tế, theo chức năng, nhiệm vụ được giao, …`; `các tổ dân phố trên địa bàn tập trung …`
    # (`… căn cứ chức năng, nhiệm vụ được giao tố chức quán triệt …`: the words say the body is
    # given a duty, whatever verb follows, even one a page misspelt)
    within_duties = _DUTY_PREFIX.match(after)
    duty = within_duties or _WHERE_AFTER.match(after) or _NOT_YET_DONE.match(after)
    if duty:
        after = after[duty.end():]
    task_at = group[-1].end + (duty.end() if duty else 0)
    modal = _MODAL.match(after)
    if modal:
        after, task_at = after[modal.end():], task_at + modal.end()
    if _opens(before) and gi + 1 < len(groups) and _ONLY_DIRECTS.fullmatch(text[group[-1].end:groups[gi + 1][0].start]):
        return False, False, None  # `UBND huyện chỉ đạo UBND các xã …`: it only directs (optional)
    if _opens(before) and gi + 1 < len(groups) and _ASSIGNS_NEXT.search(text[group[-1].end:groups[gi + 1][0].start]):
        # `Ban Thường vụ Huyện ủy Đức Linh xây dựng kế hoạch và giao chỉ tiêu cho 22 cơ sở đảng`:
        # the body that assigns is not among those who carry the task out
        return False, False, None
    own_line = _LINE_END.match(after) and group[-1].end - (text.rfind("\n", 0, group[-1].end) + 1) < 60
    # `… sẽ ban hành kế hoạch tổ chức kỳ họp`: what a body is to issue on a set day is its task
    future = modal and _FUTURE.search(modal.group())
    # (`Sở GD-ĐT TP HCM sẽ sử dụng số liệu thống kê … làm căn cứ quản lý`: what a body says it will
    # do is its task only where the verb is a listed one)
    will = modal and _WILL.search(modal.group())
    scheduled_issue = future and _ISSUES.match(after)
    # (`Các bộ ngành cũng phải có kịch bản riêng cho từng lĩnh vực quản lý`: `có` is a state, no task,
    # but what a body must have it must draw up)
    obliged_to_have = modal and _OBLIGED.search(modal.group()) and _HAS_DOCUMENT.match(after)
    # (`… sát tình hình thực tế để các sở, ban, ngành, UBND các huyện, thành phố tập trung chỉ đạo xây
    # dựng chương trình …`: the bodies a purpose clause names as its subject carry its task; not a
    # superior asked to decide: `để UBND tỉnh xem xét`)
    # (`gửi về Sở Nông nghiệp và PTNT … để Sở Nông nghiệp và PTNT tổng hợp`: the receiver compiles what it is sent)
    # (`báo cáo kết quả về Sở Y tế … để Sở Y tế báo cáo UBND tỉnh`: what the receiver then does with
    # what it is sent is not a task the plan gives it)
    # (`là căn cứ để Sở Y tế các tỉnh, thành phố xây dựng kế hoạch`: a listed task verb still gives the task)
    purpose = _PURPOSE.search(before) and not (_GROUND_FOR.search(before) and not _TASK_VERB.match(after)) \
        and not _SUPERIOR_ACTS.match(after) and not _COMPILES.match(after) \
        and not _SENT_BEFORE.search(before)
    if (_opens(before) or purpose or _TIME_LIMIT.search(before) or (future and _SCHEDULED_OPENER.match(before))) \
            and (after.strip() or (within_duties and not text[task_at:].strip())) and not own_line \
            and (scheduled_issue or obliged_to_have or (not (_NOT_TASK.match(after) and not (
                _HOLDS_EVENT.match(after) and _directed_sentence(text, start))) and (
                _TASK_VERB.match(after) if _TITLE_OPENED.search(text, group[-1].start, group[-1].end)
                else (within_duties and within_duties.group().strip()) or (_TASK_VERB.match(after) if will else _is_task(text, task_at, after))))):
        if _cooperates_with_next(text, group, gi, groups):
            open_roles.add(gi + 1)  # `Bộ Y tế phối hợp với Bộ KH&ĐT hoàn thành …`: both, role open
            return None, False, None
        return "lead", False, None
    return False, False, None


# a body holding a meeting or a ceremony: a reported event, unless the sentence is a directive's
# (`UBND TP yêu cầu lồng ghép …; UBND các quận, huyện tổ chức lễ phát động … vào cuối tháng 5`:
# the clauses after `yêu cầu` are what it asks, each body's event its task)
_HOLDS_EVENT = re.compile(r"^\s*tổ chức(?:\s+thành công)?\s+(?:hội nghị|đại hội|kỳ họp|lễ|buổi|phiên)(?![\p{L}])", re.I)
# a directive of this sentence, not one cited (`theo đề nghị của …`, `thực hiện chỉ đạo …`)
_DIRECTIVE_VERB = re.compile(rf"(?<![\p{{L}}])(?<!(?:[Tt]heo|của|[Tt]hực hiện)\s){_DIRECTIVES}(?!\s+của)(?![\p{{L}}])")


def _directed_sentence(text: str, start: int) -> bool:
    """A directive verb stands earlier in the sentence than `start` (read back at most 300
    characters: a sentence's reach, not the paragraph's)."""
    lo = max(0, start - 300)
    window = text[lo:start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    return bool(_DIRECTIVE_VERB.search(window, cut))


# a letter and the bodies it is sent to (`Bộ … đã có công văn gửi UBND các tỉnh, thành phố …`)
_LETTER_SENT = re.compile(r"(?<![\p{L}])(?:công văn|văn bản|công điện)(?:\s+số\s+\S+)?\s+gửi(?:\s+(?:tới|đến))?\s*$", re.I)
# what the letter asks of them, written straight after them: `… đề nghị khẩn trương thực hiện …`
_ASKED = re.compile(r"\s*,?\s*(?:đề nghị|yêu cầu)(?![\p{L}])", re.I)
_ASKED_ONLY = re.compile(_ASKED.pattern + r"\s*", re.I)
# (`công văn gửi các bộ, … báo cáo dự kiến Chương trình …`: what is sent may be the report itself)
_SENT_THING = re.compile(r"\s*(?:báo cáo|kế hoạch|văn bản|tài liệu|hồ sơ|danh sách)(?![\p{L}])", re.I)


def _asked_in_letter(text, group, gi, groups, after: str) -> bool:
    """`công văn gửi UBND các tỉnh, thành phố đề nghị khẩn trương thực hiện công tác kiểm kê`,
    `văn bản gửi các đơn vị y tế trên địa bàn kiểm tra, rà soát …`: the bodies a letter is sent
    to are asked in it to carry out the task written after them, not only addressed (those who
    only receive write `về việc …` or nothing after them). Where the request names a body of
    its own (`gửi Sở A đề nghị Sở B …`), that one is asked."""
    asked = _ASKED.match(after)
    if asked:
        if gi + 1 < len(groups) and _ASKED_ONLY.fullmatch(text[group[-1].end:groups[gi + 1][0].start]):
            return False
        rest = after[asked.end():]
        return bool(rest.strip()) and not _NOT_TASK.match(rest) and not _SUPERIOR_ACTS.match(rest)
    if _SENT_THING.match(after) or _NOT_TASK.match(after):
        return False
    return bool(after.strip()) and bool(_TASK_VERB.match(after))


# `…, trong thời hạn 10 ngày làm việc, Cục Tuyên huấn … thông báo`: the time limit written just
# before the subject, whatever clause about the event that starts it comes first
_PURPOSE = re.compile(r"(?<![\p{L}])để\s+$")
# what a thing is the ground for (`các NQ … là cơ sở pháp lý để chính quyền địa phương điều hành`):
# what it enables, not a task given, unless the verb is one of the listed tasks
_GROUND_FOR = re.compile(r"(?<![\p{L}])(?:cơ sở|căn cứ|nền tảng|tiền đề)(?:\s+\p{Ll}+){0,2}\s+để\s+$")
_SENT_BEFORE = re.compile(r"(?<![\p{L}])(?:gửi|về|nộp)(?![\p{L}])", re.I)
_COMPILES = re.compile(r"\s*(?:tổng hợp|theo dõi|nắm)(?![\p{L}])", re.I)
_TIME_LIMIT = re.compile(r"(?:^|\s)[Tt]rong (?:thời hạn|vòng)\s[^,;:]{1,80},\s*$")
# (`phối hợp chặt chẽ, hiệu quả hơn nữa với Chính phủ`: how closely, before whom)
# (`cần tích cực phối hợp với`, `khẩn trương phối hợp`: how urgently or actively it is to cooperate)
# (`Các sở, ngành liên quan theo chức năng, nhiệm vụ được giao, phối hợp với Sở NN&PTNT …`: the
# bodies' remit between them and the cooperation)
_COOPERATES_GAP = re.compile(r"\s*(?:,?\s*(?:theo|căn cứ)\s+chức năng,\s*nhiệm vụ(?:\s+được giao)?\s*,\s*)?(?:(?:cũng|vẫn|cần|phải|sẽ|khẩn trương|tích cực|chủ động|tiếp tục)\s+)*phối hợp(?:\s+chặt chẽ(?:,?\s+(?:hiệu quả|thường xuyên|đồng bộ))?"
                             r"(?:\s+hơn(?:\s+nữa)?)?)?(?:\s+(?:với|cùng))?(?:\s+(?:các\s+)?thành viên)?\s*", re.I)


def _cooperates_with_next(text, group, gi, groups) -> bool:
    """`A phối hợp với B`: the next group is what A cooperates with, straight after it."""
    if gi + 1 >= len(groups):
        return False
    gap = text[group[-1].end:groups[gi + 1][0].start]
    return bool(_COOPERATES_GAP.fullmatch(gap))


# words between a subject and its task verb: `cần khẩn trương nộp`, `đang triển khai`
_ASSIGNS_NEXT = re.compile(r"^[^.;:]{0,60}?(?<![\p{L}])giao(?:\s+(?:chỉ tiêu|nhiệm vụ)(?:\s+cụ thể)?)?(?:\s+cho)?\s*(?:\d+\s+)?$")
# a name that opened a programme's title (`Ban Chỉ đạo đề án Thực hiện lộ trình| tiến tới bảo hiểm y
# tế toàn dân …`): the lowercase words after it may still be the title, so only a listed task verb
# (not any first word, as elsewhere) says the body's task begins
_TITLE_OPENED = re.compile(r"(?:đề án|chương trình|dự án|phong trào|cuộc vận động)\s+\p{Lu}[^()]*$")
# `UBND các huyện nói trên chịu trách nhiệm …`: the words that point back to the bodies just named
_REFERS_BACK = re.compile(r"(?:\s*(?:(?:nói|nêu|kể)\s+trên|này|đó)(?![\p{L}]))?")
_FUTURE = re.compile(r"(?i)\b(?:sẽ|cần|phải)\b")
_WILL = re.compile(r"(?i)(?<![\p{L}])sẽ(?![\p{L}])")
_OBLIGED = re.compile(r"(?i)(?<![\p{L}])(?:phải|cần)(?![\p{L}])")
_HAS_DOCUMENT = re.compile(r"\s*có\s+(?:kế hoạch|kịch bản|phương án|giải pháp|báo cáo|văn bản|lộ trình|chương trình)(?![\p{L}])", re.I)
_ISSUES = re.compile(r"(?i)\s*ban hành\b")
# (`X, Y cùng nhiều đơn vị liên quan cũng được giao nhiệm vụ đẩy mạnh …`: a news report's passive
# assignment, the task after it)
# (`…, cũng như Bộ Y, cũng được phân công …`: the comma that closes the `cũng như` aside)
_MODAL = re.compile(r"^\s*(?:,\s*(?=cũng\s))?(?:(?:cũng|vẫn|cần|phải|sẽ|cần phải|sẽ phải|còn phải|có thể|đang|khẩn trương|tích cực|chủ động"
                    # (`Bộ X, cũng như Bộ Y, cũng được phân công soạn thảo …`: the same with `phân công`)
                    r"|được (?:giao|phân công) nhiệm vụ|được phân công)\s+)+", re.I)
# the plan's own issuer introducing it, wherever the preamble ends
# (`Ủy ban nhân dân phường Long Anh báo cáo kết quả xây dựng phường … như sau:`: a report's author)
# (`Ban Bí thư quy định chức năng, nhiệm vụ, tổ chức bộ máy … như sau:`: the issuer of the rules that follow)
_ISSUES_PLAN = re.compile(r"\s*(?:(?:ban hành|xây dựng)\s+(?:kế hoạch|chương trình|đề án|quy chế|quy định)|quy định(?!\s+tại)|báo cáo(?:\s+kết quả|\s+tình hình)?)\b[^.;]*(?:như sau|với (?:các|những) nội dung"
                          r"(?:\s+(?:cụ thể|chủ yếu|chính))?(?:\s+(?:như\s+)?sau)?)\s*:?\s*$", re.I)
# `Các Bộ, … đến nay chưa có báo cáo theo văn bản số …, khẩn trương gửi báo cáo`: which of the
# bodies named are meant (those that have not yet done it), then their task after the comma
_NOT_YET_DONE = re.compile(r"^\s*(?:(?:đến|tới|cho đến)\s+nay\s+|hiện nay\s+)?chưa\s+[^.;:\n]{1,160}?,\s*(?=\p{Ll})")
# (`Ủy ban nhân dân các huyện, thành phố trong tỉnh căn cứ …`: the units within the issuer's own level)
# (`Chủ đầu tư các dự án … trên địa bàn tỉnh Quảng Ngãi phải giải ngân …`: the place named after its level)
_WHERE_AFTER = re.compile(r"^\s*(?:trên địa bàn(?:\s+(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|thị xã|quận|mình)"
                          r"(?-i:(?:\s+\p{Lu}\p{Ll}*){1,3})?)?"
                          r"|trong\s+(?:tỉnh|huyện|thành phố|thị xã|quận|xã))(?![\p{L}])", re.I)
# (`theo chức năng, thẩm quyền chỉ đạo, hướng dẫn …`: the powers named with or instead of the duties)
_DUTY_PREFIX = re.compile(r"^\s*,?\s*(?:theo|căn cứ|trong phạm vi)\s+chức năng,?\s*(?:nhiệm vụ|thẩm quyền|quyền hạn)"
                          r"(?:(?:,\s*|\s+và\s+)(?:nhiệm vụ|thẩm quyền|quyền hạn))*(?:\s+(?:được giao|được phân công|của mình|của đơn vị))?"
                          # `… và các nội dung được phân công`: what else was given it, to its end
                          r"(?:\s+và\s+[^,;]{0,40}?(?:được giao|được phân công|của mình|của đơn vị))?\s*,?"
                          # `căn cứ chức năng, nhiệm vụ để tổ chức thực hiện`: the task follows as its purpose
                          r"(?:\s*để(?![\p{L}]))?"
                          # a page cut inside the formula (`UBND các xã, phường, căn cứ chức năng, nhiệm vụ được`
                          # and no more): the formula alone says the body is given a duty
                          r"(?:\s*được(?:\s+giao)?\s*$)?", re.I)


# Words that may follow a body's name without opening what it does: function words, adverbs
# of time and degree, and the nouns a clause goes on with (`Sở Y tế năm 2020 …`, `UBND tỉnh
# về việc …`). Any other lowercase word there opens the body's predicate.
_NOT_PREDICATE = frozenset("""
của là và với cho theo trong tại về từ đến trên dưới các những mỗi này đó ấy nọ kia năm tháng ngày
thì mà nếu khi do bởi vì nên hoặc hay hoặc cũng vẫn đã đang sẽ chưa không chẳng đều luôn còn rất
lại nữa mới vừa ở ra vào như sau trước cùng giữa qua bằng để nhằm gồm bao kể nhưng song tuy dù
việc công tác nhiệm vụ kế hoạch báo cáo văn bản ý kiến số lần đợt khóa khoá nhiệm kỳ giai đối
tỉnh huyện xã phường quận thị nông miền vùng ven tự đạo
""".split())
# what a body is named after or meets in (`Ban Chỉ đạo đề án …`, `HĐND tỉnh kỳ họp thứ 8`)
_NOT_PREDICATE_PAIRS = frozenset({"đề án", "dự án", "chương trình", "phong trào", "kỳ họp", "hội nghị", "đại hội", "cấp ủy", "cấp uỷ"})
# predicates that tell what a body aims at, elects or has done, not a task it is given
# (`Đảng bộ huyện phấn đấu năm 2018 …`, `Sở KH-CN nỗ lực hoàn thành …`, `do HĐND huyện bầu`,
# `Hội Nông dân huyện … kết nạp 5.902 hội viên`, `HĐND tỉnh cơ bản tán thành …`)
_NOT_TASK_PREDICATES = frozenset({"phấn đấu", "nỗ lực", "bầu", "thông tin", "kết nạp", "cơ bản"})
# a syllable pair that makes one word (`Xây dựng`, `Đánh giá`, `Ban hành`): a capital that begins
# a word, not a name's last syllable (`UBND huyện Xây dựng Kế hoạch …` is a heading's verb)
_ONE_WORD = frozenset(w.casefold() for w in (*lexicon.task_verbs("agency"), *STOP_BIGRAMS) if w.count(" ") == 1)
_LAST_SYLLABLE = re.compile(r"(\p{L}+)[ \t]*$")
_FIRST_WORD = re.compile(r"[ \t]*(\p{Ll}+)(?![\p{L}\p{N}])")


# `lãnh đạo` after a comma and before a body is a list's next item, the leaders of that body
# (`Thường trực HĐND tỉnh, lãnh đạo các ban xây dựng Đảng, Văn phòng Tỉnh ủy, lãnh đạo Huyện ủy Nam
# Sách và 236 đại biểu … đã tham dự Đại hội`): the body before it does not lead anyone
_LEADERS_LISTED = re.compile(r"\s*,\s*lãnh\s+đạo\s+(?:các\s|\p{Lu})")


def _is_task(text: str, pos: int, after: str) -> bool:
    """A task verb follows: the common ones are listed; otherwise the first word after the
    body (past an aside in brackets) opens its predicate unless it is a function word or
    a noun a clause goes on with (`Trung tâm Huấn luyện … tổ chức`, `Các địa phương tranh thủ`)."""
    if _LEADERS_LISTED.match(text, pos):
        return False
    if _TASK_VERB.match(after):
        return True
    aside = _ASIDE_AFTER.match(text, pos)
    first = _FIRST_WORD.match(text, aside.end() if aside else pos)
    if not first or len(first.group(1)) < 2 or first.group(1) in _NOT_PREDICATE:
        return False
    pair = _FIRST_WORD.match(text, first.end())
    words = f"{first.group(1)} {pair.group(1)}" if pair else ""
    if words in _NOT_PREDICATE_PAIRS or words in _NOT_TASK_PREDICATES or first.group(1) in _NOT_TASK_PREDICATES:
        return False
    last = None if aside else _LAST_SYLLABLE.search(text, max(0, pos - 12), pos)
    return not (last and f"{last.group(1).casefold()} {first.group(1)}" in _ONE_WORD)
