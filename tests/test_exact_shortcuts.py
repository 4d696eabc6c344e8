"""Shortcuts taken for speed give what the plain reading gives (catalogue ids)."""
import regex as re

from extractors import catalogue
from extractors.text import NOT_REGEX_SPACES, squeeze_spaces


def test_regex_spaces_are_str_spaces_but_four_separators():
    # `_folded_spaces` reads `\s` as `str.split` does, except where these are written
    every = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    space = re.compile(r"\s")
    differ = {c for c in every if bool(space.match(c)) != c.isspace()}
    assert differ == set(NOT_REGEX_SPACES)


def test_paragraph_bounds_and_folded_words_as_before():
    texts = ["", "a", "\n", "a\nb", "\n\nx  y\t\u00a0z \n", "one line only  with   spaces",
             "a\x1cb  c\n\x1f d \n", "x\r\ny\n\nz"]
    for raw in texts:
        for a in range(len(raw) + 1):
            for b in range(a, len(raw) + 1):
                start = raw.rfind("\n", 0, a) + 1
                end = raw.find("\n", b)
                assert catalogue._line_bounds(raw, (a, b)) == (start, len(raw) if end < 0 else end)
        for a in range(len(raw) + 1):
            for b in range(a, len(raw) + 1):
                piece = raw[a:b]
                assert catalogue._folded_spaces(piece) == re.sub(r"\s+", " ", piece).strip()


def test_squeezed_spaces_as_the_regex_writes_them():
    space_runs = re.compile(r"\s+")
    pieces = ["", " ", "a", "\t", "\n\n", "\u00a0", "\u2009", "\x1c", "\x85", "bc", ".", "\u3000", "đ"]
    texts = [a + b + c + d for a in pieces for b in pieces for c in pieces for d in pieces]
    for t in texts:
        assert squeeze_spaces(t) == space_runs.sub(" ", t), repr(t)


def test_heading_title_cut_where_the_search_cuts_it():
    from pathlib import Path

    from extractors.outline import sections
    from extractors.text import PlanText
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    texts = [p.text for f in sorted(seeds.glob("*.txt")) for p in PlanText.from_raw(f.read_text(encoding="utf-8")).paragraphs]
    texts += ["", "ab.", "abc.", "abc. x", "a b.c: d;", "MỤC TIÊU:", "x\u00a0yz;\n", "abc.\x1c"]
    for text in texts:
        for start in range(0, min(len(text), 60)):
            t = text[start:]
            plain = sections._TITLE_END.search(t)
            found = sections._title_end(t)
            assert (plain and plain.span()) == (found and found.span()), t


def test_sentence_boundaries_tried_after_marks_alike():
    from pathlib import Path

    import regex

    from extractors import text as T
    from extractors.deadlines import rules as deadline_rules
    from extractors.tasks import prose
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    paras = [p.text for f in sorted(seeds.glob("*.txt")) for p in PlanText_paragraphs(f)]
    paras += ["A. B; c.  D! (e) f? “G”… 1. x;y", ";  ;", ". ", "x.\u00a0Y", "a.\x1c B",
              "kế hoạch  Hằng năm báo cáo; việc\u00a0Định kỳ hằng quý. Mỗi tháng x Mỗi tuần", "Hằng năm", " Mỗi năm",
              "a\x1c Hằng năm", "b \x1cHằng năm", "x. Hằng năm"]
    odd = [regex.compile(r"(?<=[a-z])\s+"), regex.compile(r"(?<=\.)\s*"), regex.compile(r"(?i)(?<=x)\s+"),
           regex.compile(r"(?<=\.)\s+|\n"), regex.compile(r"(?<=\s)\s+(?=(?:Hằng|Mỗi)\s)"),
           regex.compile(r"(?<=\p{Ll})\s+(?=\p{Lu})"), regex.compile(r"(?<=\p{Ll})\s+(?=(?:Hằng)?\s)")]
    assert all(T._boundary_starts(b) is None for b in odd)
    for b in (T._SENT_END, prose._SENTENCE_END, deadline_rules._SENTENCE_END):
        assert T._boundary_starts(b) is not None
    for boundary in (T._SENT_END, prose._SENTENCE_END, deadline_rules._SENTENCE_END, *odd):
        for text in paras:
            assert [m.span() for m in T._boundaries(boundary, text)] == [m.span() for m in boundary.finditer(text)]


def PlanText_paragraphs(path):
    from extractors.text import PlanText
    return PlanText.from_raw(path.read_text(encoding="utf-8")).paragraphs


def test_block_ends_at_the_next_heading_no_deeper():
    # the sweep in extract_sections gives what a scan of the later headings gives
    from extractors.outline import extract_sections
    from extractors.text import PlanText
    raw = ("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Một\n\na) x\n\nb) y\n\n2. Hai\n\nII. NHIỆM VỤ\n\n1. Ba\n\n"
           "1.1. Bốn\n\n- năm\n\n2. Sáu\n\nIII. TỔ CHỨC\n\nĐiều 1. Bảy\n\n")
    doc = PlanText.from_raw(raw)
    sections = extract_sections(doc)
    for i, s in enumerate(sections):
        later = [t for t in sections[i + 1:] if len(t.path) <= len(s.path)]
        if later:
            assert s.body_end <= later[0].span[0]
        else:
            assert s.body_end == len(raw.rstrip())


def test_bare_symbols_tried_after_spaces_alike():
    from pathlib import Path

    from extractors.references import rules
    from extractors.text import PlanText
    # every branch of the look-behind ends with a space, and the number opens with a digit
    # (the look-arounds it opens with, as read when `_BARE_START` was written: change them, check it)
    assert rules.BARE_SYMBOL.pattern.split("(?P<num>", 1)[0] == (
        r"(?:(?<=(?<!\p{L})số\s{1,3}|[:;,]\s{1,3}Số\s{1,3})|(?<=;\s{1,3})(?=[^\s;]{4,40}\s+ngày\s*\d))"
        r"(?<!(?i:phụ lục|mẫu|biểu|điều|khoản|điểm|mục|tiết|phần)\s+số\s{1,3})")
    assert rules._SYMBOL.startswith(r"\d{1,5}")
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    files = sorted((shared / "corpus").glob("*.txt")) + sorted((shared / "real" / "texts").rglob("*.txt"))[:40]
    texts = [PlanText.from_raw(f.read_text(encoding="utf-8")).clean for f in files]
    texts += ["theo số 12/QĐ-UBND ngày 1/2/2020; 15/KH-UBND ngày 3/4/2021", "; Số 5/BC-X", "số\u00a07/TB-Y",
              "số\x1c8/TB-Y", ", Số  9/CV-Z ngày 2/3/2022", "phụ lục số 3/PL-A", "số 12/QĐ-UBND"]
    for clean in texts:
        plain = [(m.span(), m.groupdict()) for m in rules.BARE_SYMBOL.finditer(clean)]
        assert [(m.span(), m.groupdict()) for m in rules._bare_symbols(clean)] == plain


def _stored_lines():
    from pathlib import Path
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    return [line for t in texts for line in t.splitlines()]


def test_time_expressions_tried_at_digits_and_words_alike():
    from extractors.anchored import CASE_ODD
    from extractors.grammar import dates
    # every branch of TIME_EXPR opens with a digit or one of `TIME_WORDS`, as its guard says
    assert r"\b(?=[\dnstqcđg])" in dates.TIME_EXPR.pattern
    assert {w[0] for w in dates.TIME_WORDS.words} <= set("nstqcđg")
    # `(?i)` of VERSION1 (full case folding) reads no other letters as theirs, one or two at a time
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    from extractors.deadlines import phrases
    words = [dates.TIME_WORDS, dates._TIME_HINTS, phrases.TRIGGER_OPENINGS, phrases._DINH_KY_OPENINGS,
             phrases._TIMED_SCHEDULE_WORDS, phrases._TIMES_PER_PERIOD_WORDS, phrases._MAYBE_RELATIVE_WORDS,
             phrases._GOALS_NOUN_WORDS, phrases._RELATIVE_OPENINGS, phrases._ANY_DEADLINE_WORDS,
             phrases._DINH_KY_WORDS, phrases._OPENER_WORDS]
    pieces = {w[k:k + n] for r in words for w in r.words for n in (1, 2) for k in range(len(w) - n + 1)}
    for piece in pieces:
        for m in re.finditer(re.escape(piece), every, flags=dates.FLAGS):
            assert m.group().lower() == piece or m.group() in CASE_ODD, (piece, m.group())
    lines = _stored_lines() + ["NGÀY 30/8/2021, Tháng Tám, QUÝ III năm 2026; GIAI ĐOẠN 2026 - 2030",
                               "Từ năm 2026 trở đi; cuối năm 2025; Nửa đầu năm 2024; sáu tháng cuối năm",
                               "İ ngày 5/6; \u017fáu tháng đầu năm 2024", "2026", "x2026.", "tháng12/2025", ""]
    for line in lines:
        plain = [(m.span(), m.groupdict()) for m in dates.TIME_EXPR.finditer(line)]
        assert [(m.span(), m.groupdict()) for m in dates.time_expr_matches(line)] == plain, line
        if dates._TIME_HINTS.absent(line) and not dates._DIGITS.search(line):
            assert not plain, line  # (the text is not searched)


def test_deadline_words_found_alike():
    from extractors.deadlines import phrases
    lines = _stored_lines() + ["HOÀN THÀNH TRƯỚC ngày 30/6", "Chậm nhất là\n", "trình kỳ họp HĐND tháng",
                               "İ trước ", "\u017f hết", "định kỳ 6 tháng; cứ 3 tháng", "ĐỊNH KỲ hằng năm", ""]
    for line in lines:
        assert [m.span() for m in phrases._DINH_KY_OPENINGS.finditer(phrases._DINH_KY, line)] == \
            [m.span() for m in phrases._DINH_KY.finditer(line)], line
        for end in range(0, len(line) + 1, 3):
            window = line[max(0, end - 300):end]
            for pos in (0, len(window) // 2):
                plain, found = phrases.TRIGGER.search(window, pos), phrases.trigger_search(window, pos)
                assert (plain.span(), plain.groupdict()) == (found.span(), found.groupdict()), window
    for window in ("", "\n", "x\n", "hoàn thành\n", "trước\n\n"):
        plain, found = phrases.TRIGGER.search(window), phrases.trigger_search(window)
        assert (plain.span(), plain.groupdict()) == (found.span(), found.groupdict()), window


def test_relative_limits_found_alike():
    from extractors.deadlines import phrases
    lines = _stored_lines() + ["TRONG THỜI HẠN 07 ngày làm việc, kể từ ngày nhận", "30 ngày kể từ khi nhận đủ hồ sơ",
                               "  15 ngày làm việc tính từ", "Đối với tuyến xã: 05 ngày làm việc kể từ thời điểm",
                               "Chậm nhất sau 6 tháng", "İ trong 5 ngày", "\u017fau 3 tháng", "Không quá 10 ngày", ""]
    for line in lines:
        for pos in range(0, len(line) + 1, 11):
            part = line[pos:]
            assert [m.span() for m in phrases.relative_matches(part)] == \
                [m.span() for m in phrases.RELATIVE.finditer(part)], part


def test_one_sentence_paragraphs_split_alike():
    from extractors.deadlines import rules
    from extractors.text import sentences
    # the marks and words the shortcut looks for are those `_SENTENCE_END` is written with (case-sensitive)
    assert not rules._SENTENCE_END.flags & re.IGNORECASE
    assert all(w in rules._SENTENCE_END.pattern for w in rules._SCHEDULE_HEADS + rules._SENTENCE_MARKS)
    lines = _stored_lines() + ["a. B", "a.\u00a0B", "a.\x1cB", "xong. ", "x.  \n", "", "  ", "làm Hằng năm", "a! b",
                               "a… 2", "a.\tC", "làm\u2028Mỗi tháng", "Hoàn thành.", "x (y). Z"]
    for line in lines:
        assert rules._sentences(line, 7) == sentences(line, 7, rules._SENTENCE_END), line
