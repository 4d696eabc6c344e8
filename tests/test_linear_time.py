"""Lookups that run once per finding are logarithmic, so a pass over a plan is linear:
eight times the text within about eight times the work. Ratios of CPU time on generated
inputs, never a wall time."""
from __future__ import annotations

import functools
import gc
import time

from extractors.outline.sections import ancestors_at, extract_sections, section_path_at
from extractors.text import PlanText


def _plan(n: int) -> str:
    parts = []
    for i in range(1, n + 1):
        parts.append(f"{i}. Mục {i}\n\na) Phấn đấu đến năm 2025 đạt 95% số hộ dân được dùng nước sạch.\n\n"
                     f"b) Các sở, ngành hoàn thành trước ngày 30/6/2025.\n")
    return "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + "\n".join(parts)


def _lookups(raw: str) -> float:
    doc = PlanText.from_raw(raw)
    sections = extract_sections(doc)
    start = time.process_time()
    step = max(1, len(raw) // 4000)
    for _ in range(3):
        for i in range(0, len(raw), step // 4 or 1):
            section_path_at(sections, i)
            ancestors_at(sections, i)
        for i in range(0, len(doc.clean), step // 4 or 1):
            doc.paragraph_at(i)
            doc.clean_pos(i)
    return time.process_time() - start


def test_lookups_do_not_grow_with_the_plan():
    # the same number of lookups on a plan 8x larger: a scan per lookup would cost ~8x more
    small, large = _lookups(_plan(150)), _lookups(_plan(1200))
    assert large < 4 * max(small, 1e-3), (small, large)


def test_text_view_is_linear_on_pathological_text():
    def cost(raw: str) -> float:
        start = time.process_time()
        PlanText.from_raw(raw).paragraphs
        return time.process_time() - start
    for unit in ("năm 2025 ", "đạt 95% ", "x" * 50 + " "):
        a = cost(unit * 2000)
        b = cost(unit * 16000)
        assert b < 24 * max(a, 1e-3), (unit, a, b)
    lines = cost("Kế hoạch " * 20000 + "\n")  # one long line
    assert lines < 24 * max(cost("Kế hoạch " * 2500 + "\n"), 1e-3)


def _clear_extractor_caches() -> None:
    """Empty every memo of the extractors, so each run is a cold one. Otherwise the second and
    third runs of a small input are served from the caches while a large one overflows them, and
    the ratio measures the caches' size, not the code's growth (it swung between 4 and 8 here)."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("extractors"):
            obj.cache_clear()


def _cpu(f) -> float:
    """The least CPU time of three cold runs: a collection or a busy neighbour lands in one."""
    times = []
    for _ in range(3):
        _clear_extractor_caches()
        gc.collect()  # the garbage of the tests before is not this run's cost
        start = time.process_time()
        f()
        times.append(time.process_time() - start)
    return min(times)


def test_a_sentence_of_many_years_is_linear():
    # every year of one long sentence once asked for the deadline words and statuses in all
    # the text before it, and year mentions checked each against all earlier ones
    from extractors.deadlines import extract_deadlines
    from extractors.grammar.years import year_mentions

    def deadlines(n: int) -> float:
        doc = PlanText.from_raw("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + "năm 2025 " * n + "\n")
        sections = extract_sections(doc)
        return _cpu(lambda: extract_deadlines(doc, sections))
    assert deadlines(8000) < 12 * max(deadlines(1000), 1e-3)
    small, large = "năm 2025 " * 1000, "năm 2025 " * 8000
    assert _cpu(lambda: year_mentions(large)) < 12 * max(_cpu(lambda: year_mentions(small)), 1e-3)


def test_clause_directions_equal_the_direction_of_each_prefix():
    # the direction of a clause's prefixes read from one pass over the clause must be the
    # direction read on each prefix itself (a prefix's last stretch is the only part re-read)
    import random

    from extractors.targets.rules import _ClauseDirections, _direction
    words = ["tăng", "Tăng", "thêm", "lên", "kéo", "giảm", "còn", "dưới", "giữ", "vững", "phát", "triển",
             "mở", "rộng", "duy", "trì", "ổn", "định", "xuống", "hạ", "gấp", "nâng", "95%", "đạt", ",", "hộ", "x"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "", "  "]) for _ in range(rng.randint(0, 80)))
        start = rng.randint(0, min(3, len(text)))
        end = rng.randint(start, len(text))
        directions = _ClauseDirections(text, (start, end))
        for _ in range(5):
            stop = rng.randint(start, end)
            assert directions.direction(stop) == _direction(text[start:stop]), text[start:stop]



# -- generated pathological plans: four times the input within well under sixteen times the
# CPU time (a per-value scan of the clause, the list or the sections gives 11-16x here)

def _catalogue_ratio(monkeypatch, plan, small: int, large: int) -> float:
    from extractors.catalogue import build_catalogue
    monkeypatch.setenv("CHITIEU_NLP", "0")  # the rules' time, not the models'
    a, b = plan(small), plan(large)
    return _cpu(lambda: build_catalogue(b, "x.txt")) / max(_cpu(lambda: build_catalogue(a, "x.txt")), 1e-3)


def test_thousands_of_values_in_one_clause(monkeypatch):
    # each value once read its clause up to itself (report checks, ids hashing the paragraph)
    ratio = _catalogue_ratio(monkeypatch, lambda n: "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + "đạt 95% " * n + "\n", 750, 3000)
    assert ratio < 8, ratio


def test_thousands_of_articles(monkeypatch):
    # tasks in prose once tested every section for each paragraph
    ratio = _catalogue_ratio(monkeypatch, lambda n: "KẾ HOẠCH\n\n" + "".join(f"Điều {i}.\n" for i in range(1, n + 1)),
                             1000, 4000)
    assert ratio < 8, ratio


def test_an_enumeration_of_thousands_of_bodies(monkeypatch):
    # each mention was once tested against every earlier one of its paragraph
    names = ["Sở Y tế", "Sở Tài chính", "UBND huyện Mê Linh", "Sở Giáo dục và Đào tạo"]
    ratio = _catalogue_ratio(monkeypatch, lambda n: "KẾ HOẠCH\n\nI. MỤC TIÊU\n\nGiao " + ", ".join(
        names[i % 4] for i in range(n)) + " chủ trì thực hiện, hoàn thành trước ngày 30/6/2025.\n", 1000, 4000)
    assert ratio < 8, ratio


def test_thousands_of_dates_in_one_sentence(monkeypatch):
    ratio = _catalogue_ratio(monkeypatch, lambda n: "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + "trước ngày 1/1/2025 " * n + "\n",
                             500, 2000)
    assert ratio < 8, ratio


def _list_plan(n: int) -> str:
    return "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + "".join(f"- chỉ tiêu {i} đạt 90%;\n" for i in range(n))


def test_lead_in_search_of_a_long_list():
    # the lead-in search of each item once walked back over every earlier item of its list
    from extractors.targets.rules import _Reader

    def contexts(n: int) -> float:
        doc = PlanText.from_raw(_list_plan(n))
        sections = extract_sections(doc)

        def run():
            reader = _Reader(doc, sections)
            for i in range(len(reader.paras)):
                reader.context(i)
        return _cpu(run)
    ratio = contexts(4000) / max(contexts(1000), 1e-3)
    assert ratio < 8, ratio


def test_lead_in_search_reads_what_a_full_walk_reads():
    # the lead-in search skips the items that cannot change it: on random outlines of mixed
    # markers, lead-ins and capital headings it must give what a walk over every item gives
    import random

    from extractors.targets import rules

    def full_walk(self, i, chain, chain_paths):
        found = [k for s in chain if (k := self._headings.get(id(s))) is not None and k < i]
        for path in chain_paths:
            rows = self._by_path.get(path, ())
            found.extend(rows[:bisect.bisect_left(rows, i)])
        return sorted(found, reverse=True)
    import bisect
    lines = ["I. MỤC TIÊU", "II. NHIỆM VỤ", "1. Mục tiêu đến năm 2025:", "2. Chỉ tiêu cụ thể năm 2026",
             "a) Đến năm 2027, các chỉ tiêu:", "b) Tỷ lệ hộ dân đạt 95%", "- Phấn đấu đạt 90% năm 2028:",
             "- tỷ lệ trẻ em đạt 80%;", "+ Năm 2030 đạt 100%:", "PHƯƠNG HƯỚNG, MỤC TIÊU ĐẾN NĂM 2030",
             "Các chỉ tiêu chủ yếu năm 2029:", "Tỷ lệ che phủ rừng đạt 45%.", "(1) Giai đoạn 2026-2030:",
             "Điều 3. Đối tượng áp dụng:", "• thu nhập bình quân đạt 70 triệu đồng"]
    rng = random.Random(5)
    for _ in range(60):
        raw = "KẾ HOẠCH\n\n" + "\n".join(rng.choice(lines) for _ in range(rng.randint(5, 60))) + "\n"
        doc = PlanText.from_raw(raw)
        sections = extract_sections(doc)
        fast = rules._Reader(doc, sections)
        slow = rules._Reader(doc, sections)
        slow._looked_back = full_walk.__get__(slow)
        for i in range(len(fast.paras)):
            assert fast.context(i) == slow.context(i), (raw, i)


def test_mentions_inside_earlier_ones_match_the_pairwise_test():
    import random
    from dataclasses import dataclass

    from extractors.agencies.mentions import _outside_earlier

    @dataclass
    class Span:
        start: int
        end: int
    rng = random.Random(3)
    for _ in range(3000):
        out = sorted((Span(a, a + rng.randint(0, 8)) for a in (rng.randint(0, 30) for _ in range(rng.randint(0, 12)))),
                     key=lambda m: m.start)
        if rng.random() < 0.2:
            rng.shuffle(out)
        pairwise = [m for k, m in enumerate(out) if not any(o.start < m.start < o.end for o in out[:k])]
        assert [id(m) for m in _outside_earlier(out)] == [id(m) for m in pairwise]


def test_year_mentions_before_and_after_a_value_read_as_the_slices_do():
    # a sentence's year mentions found once, with only a few hundred characters at the cut
    # read again, must be what a scan of the slice itself finds
    import random

    from extractors.grammar.years import first_after, mentions_before, year_mentions
    words = ["năm 2025", "năm 2020", "so với năm 2019", "giai đoạn 2021 - 2025", "đến năm 2030", "trong năm 2024",
             "2026-2030", "nhiệm kỳ 2020-2025", "đạt 95%", "tăng", "so với cùng kỳ năm 2023", "(năm 2022)", ",", ";",
             "Luật Đất đai năm 2013", "trước năm 2027", "hộ", "2028", "từ năm 2021 đến năm 2025", "x" * 30]
    rng = random.Random(11)
    for _ in range(40):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(50, 400)))
        start, end = rng.randint(0, 20), len(text) - rng.randint(0, 20)
        for _ in range(25):
            cut = rng.randint(start, end)
            assert mentions_before(text, start, end, cut) == year_mentions(text[start:cut], start), cut
            for kind in ("baseline", "due", "bare"):
                direct = next((y for y in year_mentions(text[cut:end], cut) if y.kind == kind), None)
                assert first_after(text, start, end, cut, kind) == direct, (cut, kind)


def test_a_sentence_of_years_and_values_is_linear(monkeypatch):
    ratio = _catalogue_ratio(monkeypatch, lambda n: "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n\nI. MỤC TIÊU\n\n"
                             + "năm 2026 đạt 95% " * n + "\n", 250, 1000)
    assert ratio < 8, ratio


def test_a_paragraph_of_thousands_of_sentences_is_linear(monkeypatch):
    # each figure once looked back over every earlier sentence of its paragraph for a goal
    # year, and each value's clause and sentence were found by a scan of all of them
    ratio = _catalogue_ratio(monkeypatch, lambda n: "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + "Tỷ lệ đạt 95%. " * n + "\n",
                             500, 2000)
    assert ratio < 8, ratio
