"""The outline-marker grammar: the bullets and numbers that open a heading or a list item.

One home for every marker a plan prints before a block (`I.`, `1.`, `1-`, `2.1.`, `a)`,
`(1)`, `Điều 1.`, `Tiêu chí 2`, `Bước 3`, `- `, `+ `, `• `). The pieces are regex fragments
that each reader composes into the pattern it needs (a line-joiner, a marker stripper, a
deadline opening, an agency's sentence opener), so a reader keeps only what is its own: how
much of a marker it must see and what may follow it. Built here, from the pieces:

- `MARKER`: a numbered heading or item, with one named group per kind (read by the outline,
  and by every kind that asks "does this line open a block?");
- `LEADING_MARK` / `strip_marker`: the bullet or marker that opens an item, to drop it.

Depends on nothing but `regex` (the text view imports it, and the outline imports the text
view). Character-class pieces are bare class contents (`-` first), to put inside `[…]`.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

# ---- bullets (class contents) ----
BULLETS = "-+•"  # dash, plus, bullet: every reader knows these
STAR = "*"  # a markdown list item
EN_DASH = "–"  # typed for `-` by some pages
PDF_BULLETS = "●▪"  # round and square bullets from PDF conversion
ALL_BULLETS = BULLETS + STAR + EN_DASH + PDF_BULLETS

# ---- Roman numerals ----
# a well-formed numeral I … XXXIX (never empty)
ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
ROMAN_RUN = r"[IVX]+"  # any run of the three letters
ROMAN_RUN_WIDE = r"[IVXLC]+"  # … with L and C (`XL.`, `khóa XIV`)

# ---- Arabic numbers: `1`, `2.1`, `3.2.1` ----
ARABIC = r"\d{1,2}(?:\.\d{1,2})*"  # any depth, one or two digits a level
ARABIC_4 = r"\d{1,2}(?:\.\d{1,2}){0,3}"  # at most four levels (the outline's ranks)
ARABIC_ANY = r"\d+(?:\.\d+)*"  # any depth, any length

# ---- letters (class contents): `a)`, `đ)` ----
LETTERS = "abcdđeghiklmnoôơpqrstuưvxy"  # the Vietnamese alphabet, in its order
# letters of the Latin alphabet only: a list lettered in Latin order goes `e)`, `f)`, `g)`
# (the outline takes one only after the letter before it in that order)
LETTERS_FOREIGN = "fjwz"
LETTERS_LATIN = "a-zđ"
LETTERS_LATIN_HORNED = "a-zđơôư"
UPPER = "A-ZĐ"  # `A.`, `B-`

# ---- parenthesised numbers: `(1)` ----
# (a list counts from 1: `(0) Bình luận` is a page's comment counter, not an item)
PAREN = r"\((?!0+\))\d{1,2}\)"
PAREN_ANY = r"\(\d+\)"
# a news text lists the points of a law as `(i)`, `(ii)` … `(v)`: small Roman numerals in brackets
PAREN_ROMAN = r"\((?:i{1,3}|iv|vi{0,3}|ix|x)\)"

# ---- named markers: `Điều 1.`, `Tiêu chí 1.`, `Chương 2.`, `Bước 3` ----
# `Điếu` is a frequent slip of the tone mark in typed pages.
ARTICLE = r"Đi[ềếệểễe]u"
# a national target programme numbers its projects (`Dự án 1: giải quyết tình trạng thiếu đất ở …`), a
# plan its tasks (`Nhiệm vụ 1: Tuyên truyền …`) and its goals (`Mục tiêu 1: Cải thiện tình trạng dinh
# dưỡng …` under `2. Mục tiêu cụ thể`) by name, at the start of a line
NAMED = r"(?:Tiêu\s+chí|Bước|Dự\s+án|Nhiệm\s+vụ|Mục\s+tiêu)"
# the number of a named marker: one or two digits (`Mục tiêu 2030:` opens a goal for a year, not goal 2030),
# dotted for the ones a named marker holds (`Mục tiêu 1.1:`, `Mục tiêu 1.2:` under `Mục tiêu 1:`)
NAMED_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,2}(?!\.?\d)"
# a chapter groups articles (`Chương V` above `Điều 20.`); numbered in Roman or Arabic
CHAPTER = rf"(?:Chương|CHƯƠNG)\s+(?:{ROMAN}|\d{{1,2}})"

# A numbered heading or item. Portal and congress pages write `1-`, `I-`, `A-` for `1.`; a
# Roman numeral may stand bare before a capitalised heading (`II NHIỆM VỤ`), an Arabic number
# before a capital (`2 Yêu cầu`): groups `bare` and `nodot` say so. `I-Tán thành …` (no space) is an item
# too, and so is a Roman numeral with a spaced dash (`I - MỤC ĐÍCH - YÊU CẦU`); `A- A A+` is a
# portal's font-size control, not an item `A`; a capital spaced from its dot opens a heading in capitals
# (`A . MỤC ĐÍCH, YÊU CẦU`).
MARKER = re.compile(
    rf"""^(?:
        (?P<chapter>{CHAPTER})(?:[.:]?[ \t]*$|[.:]?\s+(?=\p{{Lu}})|\s*[-–]\s+(?=\p{{Lu}}))
      | (?P<article>{ARTICLE}\s+\d+)(?:[.:]?\s|[.:]?$|\.(?=\p{{Lu}}))
      | (?P<named>{NAMED}\s+{NAMED_NUMBER})(?:[.:]?\s|[.:]?$)
      | (?P<roman>{ROMAN})(?:\.(?:\s+|(?=\p{{Lu}}\p{{L}}+[ \t]+\p{{L}}))(?=\S)|[-–](?:\s+(?=\S)|(?=\p{{Lu}}\p{{Ll}}+[ \t]))|\s+[-–]\s+(?=\p{{Lu}})|(?P<bare>\s+(?=\p{{Lu}}{{2}})))
      | (?P<upper>[{UPPER}])(?:\.|[-–]|[ \t]\.(?=\s+\p{{Lu}}{{2}}))\s+(?=\S)(?!A\s*A\+)
      | (?P<arabic>{ARABIC_4})(?:\.(?!\d)\s*(?=\S)|\)\s+|[-–]\s+(?=\S)|(?P<nodot>\s+(?=\p{{Lu}})))
      | (?P<letter>[{LETTERS}{LETTERS_FOREIGN}])\)\s*(?=\S)
      | (?P<paren>{PAREN})\s*(?=\S)
      | (?P<paren_roman>{PAREN_ROMAN})\s*(?=\S)
    )""",
    re.VERBOSE,
)

# the bullet or outline marker opening an item (`- `, `2.1. `, `a) `, `(3) `, `II. `)
LEADING_MARK = re.compile(
    rf"^\s*(?:[{BULLETS}{PDF_BULLETS}{STAR}]\s*|\(?(?:{ROMAN_RUN_WIDE}|{ARABIC}|[{UPPER}])[.)]\s*"
    rf"|\(?[{LETTERS_LATIN_HORNED}]\)\s*|{PAREN}\s*|{PAREN_ROMAN}\s*)")


@lru_cache(maxsize=4096)
def strip_marker(text: str) -> str:
    """`text` without the bullet or outline marker that opens it."""
    return LEADING_MARK.sub("", text, count=1)
