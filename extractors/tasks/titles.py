"""How a task is titled: reads a heading, a schedule step's label or a task's opening
paragraph; emits a short one-line title (`Rà soát, sắp xếp tổ chức bộ máy…`).
"""
from __future__ import annotations

import regex as re

from extractors import lexicon
from extractors.text import squeeze_spaces

# a title fits one line of a catalogue table
TITLE_CHARS = 90
# a step of a listed schedule is titled by its own label, a little shorter than a task
STEP_TITLE_CHARS = 80
# the item's title before `(các nội dung còn lại)`, leaving room for that suffix
STEP_ITEM_TITLE_CHARS = 70
# a title is cut at a separator only if at least this share of it survives
_MIN_KEPT_SHARE = 0.5
# how far into a paragraph a lead-in (`Theo chức năng, nhiệm vụ được giao, …`) may run
# before the duty begins; a comma further on belongs to the duty itself
_LEAD_IN_CHARS = 200

_LEAD_IN = re.compile(r"^(?:Theo|Căn cứ|Trên cơ sở|Dựa (?:trên|vào))(?![\p{L}])")
# a comma before a duty verb (lexicon/task_verbs.tsv, `title`)
_DUTY_AFTER_COMMA = re.compile(
    r",\s+(?=(?:" + "|".join(re.escape(v, literal_spaces=True) for v in lexicon.task_verbs("title")) + r")(?![\p{L}]))")


_CLAUSE_END = re.compile(r"(?<=\S{2})[;.](?:\s|$)")


def first_clause(text: str) -> str:
    """The duty a paragraph opens with, past a lead-in (`Theo chức năng, nhiệm vụ được giao, …`)."""
    if _LEAD_IN.match(text):
        m = _DUTY_AFTER_COMMA.search(text)
        if m and m.start() < _LEAD_IN_CHARS:
            text = text[m.end():]
    m = _CLAUSE_END.search(text)
    return text[:m.start()] if m else text


def short(text: str, limit: int = TITLE_CHARS) -> str:
    text = squeeze_spaces(text).strip(" .:;,")
    text = text[:1].upper() + text[1:]
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in (";", ",", " "):
        i = cut.rfind(sep)
        if i >= limit * _MIN_KEPT_SHARE:
            return cut[:i].rstrip(" ,;") + "…"
    return cut + "…"
