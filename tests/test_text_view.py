"""The clean reading view must undo layout noise and still map every span back."""
import regex as re

from extractors.text import PlanText, fold, respell, sentences, split_folded


def _find(doc: PlanText, words: str) -> tuple[int, int]:
    i = doc.clean.index(words)
    return doc.raw_span(i, i + len(words))


def test_markdown_marks_removed_and_spans_map_back():
    raw = "## **2. Mục tiêu cụ thể**\n\nmỗi năm tổ chức được **ít nhất 01 cuộc** kiểm tra"
    doc = PlanText.from_raw(raw)
    assert "**" not in doc.clean and "#" not in doc.clean
    s, e = _find(doc, "ít nhất 01 cuộc")
    assert raw[s:e] == "ít nhất 01 cuộc"


def test_page_break_inside_sentence_is_glued():
    raw = "100 % xã, phường, thị trấn, thôn, bản, tổ\n\ndân phổ đọc được báo.\n\nII. NỘI DUNG"
    doc = PlanText.from_raw(raw)
    assert "bản, tổ dân phổ đọc" in doc.clean
    assert "\nII. NỘI DUNG" in doc.clean
    s, e = _find(doc, "tổ dân phổ")
    assert raw[s:e] == "tổ\n\ndân phổ"


def test_footnote_body_moved_out_of_the_sentence():
    raw = ("văn bản liên quan¹ tại các hội nghị cấp huyện, cấp xã, hội nghị tuyên vận, họp thôn\n\n"
           "¹ Nghị quyết số 88/2019/QH14 ngày 18/11/2019 của Quốc hội\n\n"
           "bản, sinh hoạt của các đoàn thể.")
    doc = PlanText.from_raw(raw)
    assert "họp thôn bản, sinh hoạt" in doc.clean
    assert doc.footnote_from > 0 and doc.clean[doc.footnote_from:].startswith("Nghị quyết số 88")
    s, e = _find(doc, "Nghị quyết số 88/2019/QH14")
    assert raw[s:e] == "Nghị quyết số 88/2019/QH14"


def test_hard_wrapped_portal_text_is_rejoined():
    para = ("Thực hiện Quyết định số 470/QĐ-TTg ngày 24/3/2026 của Thủ tướng Chính phủ phê duyệt Đề án "
            "phát triển đội ngũ cán bộ, công chức, viên chức người dân tộc thiểu số trong cơ quan nhà nước, "
            "đơn vị sự nghiệp công lập giai đoạn 2026 - 2030, Ủy ban nhân dân xã ban hành Kế hoạch thực hiện "
            "như sau. Phấn đấu đến năm 2030 tỷ lệ cán bộ người dân tộc thiểu số đạt tối thiểu 35% tổng số "
            "biên chế được giao của xã, trong đó có ít nhất 50% là nữ và 100% được bồi dưỡng kiến thức.")
    lines, line = [], ""
    for word in (para + " " + para).split():
        if len(line) + len(word) + 1 > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    raw = "UBND XÃ BẠCH THÔNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" + "\n".join(lines) + "\n1. Mục đích\n"
    doc = PlanText.from_raw(raw)
    assert "UBND XÃ BẠCH THÔNG\nCỘNG HÒA" in doc.clean
    assert para in doc.clean
    assert "\n1. Mục đích" in doc.clean


def test_fractions_read_as_numbers():
    raw = "bằng ít nhất  $\\frac{1}{2}$  mức bình quân; hoặc ½ mức"
    doc = PlanText.from_raw(raw)
    assert "ít nhất 1/2 mức" in doc.clean and "hoặc 1/2 mức" in doc.clean
    s, e = _find(doc, "1/2")
    assert raw[s:e] == "$\\frac{1}{2}$"


def test_sentences_split_on_full_stops_not_numbers():
    text = "Đạt 93,5% năm 2025. Giảm 1.373 hộ nghèo; tăng 2 lần."
    parts = [text[a:b] for a, b in sentences(text)]
    assert parts == ["Đạt 93,5% năm 2025.", "Giảm 1.373 hộ nghèo;", "tăng 2 lần."]


def test_heading_line_is_not_glued_to_its_body():
    raw = "1. Mục tiêu\nPhấn đấu đến năm 2030 đạt 80%.\n(3) Nâng cấp 100 % đường ô tô đến\nthôn, bản."
    doc = PlanText.from_raw(raw)
    assert doc.clean.split("\n")[:2] == ["1. Mục tiêu", "Phấn đấu đến năm 2030 đạt 80%."]
    assert "đường ô tô đến thôn, bản." in doc.clean


def test_table_rows_stay_apart_in_a_wrapped_copy():
    filler = ("Ủy ban nhân dân huyện ban hành Kế hoạch phát triển sản phẩm OCOP trên địa bàn huyện giai "
              "đoạn 2025 - 2030 với các nội dung chủ yếu sau đây nhằm nâng cao giá trị sản xuất nông nghiệp")
    lines, line = [], ""
    for word in (filler + " " + filler + " " + filler).split():
        if len(line) + len(word) + 1 > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line + ".")
    rows = ["TT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành",
            "1 | Rà soát quy hoạch | Phòng Nông nghiệp và Môi trường | Quý II/2025",
            "2 | Đánh giá sản phẩm | Hội đồng huyện | Trước ngày 30/11 hằng năm"]
    doc = PlanText.from_raw("\n".join(lines + rows) + "\n")
    assert "Quý II/2025\n2\nĐánh giá" in doc.clean


def test_plain_characters_are_clusters_of_their_own_and_nfc_stable():
    # `_clean_line` copies runs of these whole instead of one grapheme cluster at a time:
    # that is only the same reading if each is its own cluster and NFC leaves it alone
    import unicodedata

    import regex as re

    from extractors.text import _PLAIN_RUN
    plain = re.compile(_PLAIN_RUN.pattern.split("]+")[0] + "]")
    alone = re.compile(r"[\p{GCB=Other}\p{GCB=Control}]")
    chars = [chr(c) for c in range(0x30000) if plain.match(chr(c))]
    assert len(chars) > 800
    for ch in chars:
        assert alone.match(ch) and unicodedata.normalize("NFC", ch) == ch, hex(ord(ch))


def test_combining_marks_and_cells_read_as_before():
    raw = "Ti\u0302\u0301n | ba\u0300i  ** vie\u0323\u0302t** \u00bd \u2013 \u00b9 x\\_y"
    doc = PlanText.from_raw(raw)
    assert doc.clean == "Ti\u0302\u0301n\nba\u0300i vie\u0323\u0302t 1/2 - x_y"
    assert len(doc.offsets) == len(doc.clean)


def test_escaped_line_breaks_of_a_stored_page_are_line_breaks():
    """A page copied with its breaks as `\\r\\n` escapes (tests/compare_real/texts/langson_kh54_2020.txt)
    reads as lines; spans still point into the raw text."""
    raw = "Số: 54/KH-UBND\\r\\n \\r\\nI. MỤC TIÊU\\r\\n1. Tỷ lệ trẻ sơ sinh có cân nặng dưới\\r\\n5%"
    doc = PlanText.from_raw(raw)
    assert "\\r\\n" not in doc.clean and doc.clean.splitlines()[0] == "Số: 54/KH-UBND"
    i = doc.clean.index("I. MỤC TIÊU")
    assert raw[doc.raw_pos(i):doc.raw_pos(i) + 11] == "I. MỤC TIÊU"
    assert PlanText.from_raw("đường dẫn C:\\new").clean == "đường dẫn C:\\new"  # one escape alone is text


def test_folded_view_writes_old_tone_placement_the_new_way_at_the_same_offsets():
    raw = "Uỷ ban nhân dân huyện giao Phòng Văn hoá - Thông tin, Đảng uỷ xã Hoà Bình; quý IV hoàn thành"
    doc = PlanText.from_raw(raw)
    assert len(doc.folded) == len(doc.clean)
    assert doc.folded == doc.clean.replace("Uỷ", "Ủy").replace("hoá", "hóa").replace("uỷ", "ủy").replace("Hoà", "Hòa")
    assert doc.paragraphs[0].folded == doc.folded
    # `qu` + `y` is no vowel pair (`quý` stays); a pair with a final consonant has one spelling
    assert fold("quý, hoàn thành, của, khoẻ, THUỶ") == "quý, hoàn thành, của, khỏe, THỦY"


def test_a_name_put_together_from_the_folded_view_keeps_the_writers_spelling():
    text = "các Sở: Văn hoá, Thể thao và Du lịch; Y tế"
    assert respell("Sở Văn hóa, Thể thao và Du lịch", text) == "Sở Văn hoá, Thể thao và Du lịch"
    # written both ways in the text: left folded
    assert respell("Sở Văn hóa", text + "; Trung tâm Văn hóa") == "Sở Văn hóa"


def test_a_split_found_in_the_folded_view_keeps_the_pieces_as_written():
    # the pattern lists the new spelling only; the pieces keep the writer's
    pattern = re.compile(r"\s*,\s*(?=Ủy ban|Tòa án)")
    text = "Sở Văn hoá, Uỷ ban MTTQ tỉnh, Toà án nhân dân tỉnh"
    assert split_folded(pattern, text) == ["Sở Văn hoá", "Uỷ ban MTTQ tỉnh", "Toà án nhân dân tỉnh"]
    assert pattern.split(text) == [text]  # as written, the pattern alone finds no cut
    assert split_folded(pattern, "Sở Y tế") == ["Sở Y tế"]


def test_task_bodies_are_found_in_the_folded_view_and_named_as_written():
    from extractors.tasks.bodies import leading_bodies, split_bodies
    assert split_bodies("Sở Tài chính, Uỷ ban MTTQ tỉnh") == ["Sở Tài chính", "Uỷ ban MTTQ tỉnh"]
    named, rest = leading_bodies("Đảng uỷ xã Hoà Bình chủ trì, phối hợp với các đoàn thể tổ chức thực hiện")
    assert named == ["Đảng uỷ xã Hoà Bình"]
    assert rest.startswith("chủ trì")


def test_plain_runs_end_where_the_regex_run_ends():
    # `_plain_run` (the standard engine, the look-ahead put back by hand) ends every run where
    # `_PLAIN_RUN` does, marks after a run included
    from pathlib import Path

    from extractors.text import _PLAIN_RUN, _plain_run
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    lines = [line for p in sorted(seeds.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    lines += ["Ti\u0302\u0301n ba\u0300i vie\u0323\u0302t", "a b\u0301", "a\u0301", "ab c\u200dd", "x \u0301",
              "ab  c\u0903", "\u0301a", "a b c\u0301 d", "ab\u0301\u0301 cd"]
    for line in lines:
        for i in range(len(line)):
            m = _PLAIN_RUN.match(line, i)
            assert _plain_run(line, i) == (m.end() if m else -1), (line, i)


def test_inline_markers_searched_only_where_their_hints_are_written():
    # `_split_run_together` skips a pattern on a line without what every match of it holds
    from pathlib import Path

    from extractors import text as T
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    lines = [line for p in sorted(seeds.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    lines += ["Mục tiêu: 1. Tăng trưởng; 2. Giảm nghèo. 3. Việc làm", "a I. Mở đầu II. Nội dung",
              "QUYẾT ĐỊNH: Điều 1. Ban hành x Điều 2. Hiệu lực", "như sau: A. Mục đích: 1. Nhằm 2. Nâng cao",
              "x.\u00a012. Y", "x) ١٢. Y"]
    for line in lines:
        if not T._AFTER_END_MARK.search(line):
            assert not T._INLINE_ARABIC.search(line) and not T._INLINE_UPPER.search(line), line
        if not any(e in line for e in T._ROMAN_ENDS):
            assert not T._INLINE_ROMAN.search(line), line
        if " Điều " not in line:
            assert not T._INLINE_ARTICLE.search(line) and not T._ENACTED_ARTICLE.search(line), line


def test_line_end_and_capitals_read_as_the_patterns_read_them():
    from pathlib import Path

    from extractors import text as T
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    lines = [line for p in sorted(seeds.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    lines += ["", " ", ".", "a.", "a. ", "a.\n", "a.\x1c", "a.\x1c ", "a:\u00a0\t", "x…", "KẾ HOẠCH", "KẾ HOẠCH ⅰ",
              "ABC 中", "123", "Điều 1", "I. MỤC TIÊU\u2009"]
    for line in lines:
        assert T._ends_terminal(line) == bool(T._TERMINAL.search(line)), repr(line)
        letters = [c for c in line if c.isalpha()]
        assert T._all_caps(line) == bool(letters and all(c.isupper() for c in letters)), repr(line)


def test_a_paragraphs_folded_line_is_the_line_folded():
    from pathlib import Path

    from extractors.text import fold
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    raws = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    raws += ["hoà\nquỷ\nUỷ ban\nthuỷ\n Hoà\nqUỷ", "khoẻ"]
    for raw in raws:
        for p in PlanText.from_raw(raw).paragraphs:
            assert p.folded == fold(p.text)
