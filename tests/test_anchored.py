"""`AnchoredSearch` finds what the plain search finds, tried only where a match can start."""
from pathlib import Path

import regex as re

from extractors.agencies import mentions
from extractors.anchored import AnchoredSearch, leading_words
from extractors.text import PlanText

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def test_leading_words_read_off_the_pattern():
    assert leading_words(r"(?:[Cc]ác|(?<![/.,]\s?)\d{1,3})\s+x") == (frozenset({"Các", "các"}), True)
    assert leading_words(r"(?<=phối hợp\s)Chính phủ(?=\s)") == (frozenset({"Chính phủ"}), False)
    assert leading_words(r"abc?d") == (frozenset({"ab"}), False)  # the quantifier is the last letter's
    assert leading_words(r"ab+c") == (frozenset({"a"}), False)
    assert leading_words(r"(?:a|b)?c") is None  # an optional first element: searched plainly
    assert leading_words(r"\p{Lu}x") is None
    # a run goes on into a group every match passes through (a trie's shape), not into an optional one
    assert leading_words(r"t(?:ỉnh|hành phố)\s") == (frozenset({"tỉnh", "thành phố"}), False)
    assert leading_words(r"[Cc](?:ác|ơ(?:\s+quan)?){1,2}") == (frozenset({"Các", "các", "Cơ", "cơ"}), False)
    assert leading_words(r"t(?:ỉnh|hành)?x") == (frozenset({"t"}), False)
    assert leading_words(r"t(?:ỉnh|\d)") == (frozenset({"t"}), False)
    assert leading_words(r"t(?:ỉnh|)") == (frozenset({"t"}), False)
    assert leading_words(r"\~|≥|>=") == (frozenset({"~", "≥", ">="}), False)  # written signs
    assert not AnchoredSearch(re.compile(r"(?i)các")).anchored


def test_collectives_are_anchored_and_found_alike():
    anchored = AnchoredSearch(mentions._COLLECTIVE, (mentions._B, mentions._E))
    assert anchored.anchored
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("Yêu cầu các sở, ban, ngành, đoàn thể và UBND các huyện, thành phố Huế; 12 xã, phường")
    for raw in texts:
        for para in PlanText.from_raw(raw).paragraphs:
            text = para.folded
            for i in range(0, len(text), 5):
                plain, found = mentions._COLLECTIVE.search(text, i), anchored.search(text, i)
                assert (plain and plain.span()) == (found and found.span()), (text, i)


def test_references_tried_at_kind_words_alike():
    from extractors.references import rules
    # (a MENTION rewritten to open otherwise is searched plainly: correct, but slow; then
    # `_KIND_AT` and `_KIND_OPENINGS` should learn the new opening)
    assert rules.MENTION.pattern.startswith(rules._KIND_OPENINGS)
    assert rules.SHORT_MENTION.pattern.startswith(rules._KIND_OPENINGS)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("Căn cứ QĐ số: 376/QĐ-UBND ngày 5/3/2024; Nghịđịnh số 150/2006/NĐ-CP, Thông báo kết luận 12")
    for raw in texts:
        clean = PlanText.from_raw(raw).clean
        starts = [m.start() for m in rules._KIND_AT.finditer(clean, overlapped=True)]
        for pattern in (rules.MENTION, rules.SHORT_MENTION):
            assert [m.span() for m in rules._at_kind_words(pattern, clean, starts)] == \
                [m.span() for m in pattern.finditer(clean)]


def test_kind_starts_found_by_lower_cased_words_alike():
    from extractors.references import rules
    # every letter `(?i)` reads as a letter of a kind word's first syllable lower-cases to
    # it (or to more than one letter, which sends the text to the plain search)
    letters = {c for w in rules._KIND_FIRST_SYLLABLES for c in w}
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in letters:
        for m in re.finditer(f"(?i){re.escape(c)}", every):
            low = m.group().lower()
            assert low == c or len(low) != 1, (c, m.group())
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["Căn cứ QĐ số: 376/QĐ-UBND; NGHỊ QUYẾT 12; Nghịđịnh số 150/2006/NĐ-CP; Bộ luật; 2Thông tư 5",
              "İ Quyết định số 12/QĐ-UBND", "QĐi CTHĐ NQLT TTr số 1"]
    for raw in texts:
        clean = PlanText.from_raw(raw).clean
        assert rules._kind_starts(clean) == [m.start() for m in rules._KIND_AT.finditer(clean, overlapped=True)]


def test_not_actor_is_the_lexicon_words_before_spaces():
    # `_not_actor` searches from the longest lexicon word before the trailing spaces: exact
    # only while the pattern is those literal words (and their look-behinds) before `\s*$`
    from extractors import lexicon
    from extractors.agencies import rules
    assert rules._NOT_ACTOR.pattern == rf"(?:{rules._before_words(lexicon.not_actor_before())})\s*$"


def test_label_patterns_end_with_a_colon():
    # `_ends_with_colon` spares their search only while every branch ends in `:\s*$`
    from extractors.agencies import rules
    from extractors.anchored import branches_of
    for pattern in (rules._LEAD_LABEL, rules._SUPPORT_LABEL):
        assert all(b.endswith(r":\s*$") for b in branches_of(pattern.pattern))


def test_value_prefix_tried_at_opening_letters_alike():
    from extractors.targets import numbers
    from extractors.anchored import CASE_ODD
    assert numbers._PREFIX_FINDER is not None  # else searched plainly: correct, but slow
    assert {"tăng", "lên", "ở", "tối thiểu", "≥", "đủ"} <= numbers._PREFIX_RUNS
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in {c for r in numbers._PREFIX_RUNS for c in r}:
        for m in re.finditer(re.escape(c), every, flags=re.IGNORECASE):
            x = m.group()
            assert x.lower() == c or x in CASE_ODD, (c, x)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    befores = [t[max(0, i - 40):i] for t in texts for i in range(0, len(t), 7)]
    befores += ["tăng lên ", "Tối thiểu đạt ", "trở lên ", "ĐẠT ", "đủ\n", "x\n", "", " ", "≥ ", "không dưới\n",
                "duy trì ở mức ", "giảm xuống còn  ", "TĂNG LÊN ", "İ đạt ", "\u017f tối thiểu ", "≥\n", "ở\n"]
    for b in befores:
        plain, found = numbers.PREFIX.search(b), numbers._prefix_search(b)
        assert (plain.span(), plain.groupdict()) == (found.span(), found.groupdict()), b


def test_values_tried_at_digits_and_number_words_alike():
    from extractors.targets import numbers
    from extractors.anchored import CASE_ODD
    # the number words CORE is built from are those `_core_matches` looks for
    assert f"(?P<nw>{'|'.join(numbers._WORD_MULTIPLES)})" in numbers.CORE.pattern
    assert numbers._NUMBER_WORDS == "|".join(numbers._WORD_VALUES)
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in {c for w in numbers._CORE_WORDS.words for c in w}:
        for m in re.finditer(re.escape(c), every, flags=re.IGNORECASE):
            low = m.group().lower()
            assert low == c or len(low) != 1 or m.group() in CASE_ODD, (c, m.group())
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["ít nhất MỘT mô hình; từ Hai đến ba công trình; tăng gấp đôi; 34 triệu 170 ngàn đồng; 02/100.000 dân",
              "İ 12%; 1/2 mức; 3-5 ha; 40ha; 2020-25; năm 2025: 95%", "mười hai hộ trở lên, bốn lớp học trở lên",
              "ít nhất \u017fáu mô hình"]
    for raw in texts:
        for line in raw.splitlines():
            assert [m.span() for m in numbers._core_matches(line)] == [m.span() for m in numbers.CORE.finditer(line)]


def test_required_words_rule_out_only_texts_the_pattern_cannot_match():
    import extractors.catalogue  # noqa: F401  (every extractor, so every RequiredWords)
    from extractors.anchored import CASE_ODD, RequiredWords
    assert len(RequiredWords.every) >= 4
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in {c for r in RequiredWords.every for w in r.words for c in w}:
        for m in re.finditer(re.escape(c), every, flags=re.IGNORECASE):
            assert m.group().lower() == c or m.group() in CASE_ODD, (c, m.group())
    from extractors.deadlines import phrases
    from extractors.tasks import bodies, links, rules, schedule
    pairs = [(links._WITH_PARTNERS_WORDS, links._WITH_PARTNERS), (links._INSTRUCTS_WORDS, links._INSTRUCTS),
             (bodies._PARTNERS_WITH_WORDS, bodies._PARTNERS_WITH), (rules._PERIODIC_WORDS, rules._PERIODIC),
             (links._YEARLY_STEP_WORDS, links._YEARLY_STEP), (links._OWN_WORK_WORDS, links._OWN_WORK),
             (links._PART_REF_WORDS, links._PART_REF), (schedule.SCHEDULE_CUE_WORDS, schedule.SCHEDULE_CUE),
             (phrases._TIMED_SCHEDULE_WORDS, phrases._TIMED_SCHEDULE),
             (phrases._TIMES_PER_PERIOD_WORDS, phrases._TIMES_PER_PERIOD),
             (phrases._MAYBE_RELATIVE_WORDS, phrases._MAYBE_RELATIVE), (phrases._GOALS_NOUN_WORDS, phrases._GOALS_NOUN)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["trước 14 giờ HÀNG TUẦN; Mỗi tháng một lần; sau 05 NĂM; hoàn thành các Chỉ Tiêu; ĐẠT CHUẨN",
              "PHỐI HỢP VỚI Sở Y tế. Định Kỳ hằng năm", "Chỉ Đạo, GIAO cho, Yêu Cầu ", "cùng  với các sở",
              "phối hợp vớicác Bộ", "İ phối hợp", "\u017f", "Quý IV của NĂM TRƯỚC", "tại Địa phương mình",
              "khoản 2 Mục II", "- Hằng năm", "Thường xuyên", "HOÀN THÀNH trong tháng 6", "Từ năm 2025 và các năm tiếp theo"]
    for raw in texts:
        for line in raw.splitlines():
            for words, pattern in pairs:
                if words.absent(line):
                    assert not pattern.search(line), (pattern.pattern, line)


def test_opening_words_find_what_the_patterns_find():
    from extractors.tasks import bodies, links
    pairs = [(links._WITH_PARTNERS_WORDS, links._WITH_PARTNERS), (links._INSTRUCTS_WORDS, links._INSTRUCTS),
             (bodies._PARTNERS_WITH_WORDS, bodies._PARTNERS_WITH)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["PHỐI HỢP VỚI Sở Y tế; Cùng với các sở", "Chỉ Đạo, GIAO cho, Yêu Cầu UBND", "phối hợp vớicác Bộ",
              "İ phối hợp với Sở", "\u017f cùng với", "phối hợp chặt chẽ với giao cho cùng"]
    for raw in texts:
        for line in raw.splitlines():
            for words, pattern in pairs:
                for pos in (0, 3):
                    assert [m.span() for m in words.finditer(pattern, line, pos)] == \
                        [m.span() for m in pattern.finditer(line, pos)], (pattern.pattern, line)


def test_starts_found_by_python_re_as_by_regex():
    """The collectives' word starts found by Python's `re` are `regex`'s overlapped finder's,
    and a text holding a code point the two may read apart is left to `regex`."""
    from extractors.anchored import _plain_unsure
    anchored = AnchoredSearch(mentions._COLLECTIVE, (mentions._B, mentions._E))
    assert anchored._plain_finder is not None
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["các sở_ban, 3 xã; Sở¹ các² ٣ xã ①các", "x\u0558các 5 xã", "文các 𝟓 xã"]
    for raw in texts:
        for para in [p.folded for p in PlanText.from_raw(raw).paragraphs] + [raw]:
            regex_starts = tuple(m.start() for m in anchored._finder.finditer(para, overlapped=True))
            assert anchored._starts_in(para) == regex_starts, para
            if _plain_unsure().search(para) is None:
                assert tuple(m.start() for m in anchored._plain_finder.finditer(para)) == regex_starts
    assert _plain_unsure().search("x\u0558") and _plain_unsure().search("𝟓")
    assert _plain_unsure().search("Sở Y tế — “đạt” 95% ₫ № ≥ ■ ① ½") is None
