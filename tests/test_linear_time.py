"""Lookups that run once per finding are logarithmic, so a pass over a plan is linear:
eight times the text within about eight times the work. Ratios of CPU time on generated
inputs, never a wall time."""
from __future__ import annotations

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


def _cpu(f) -> float:
    """The least CPU time of three runs: a collection or a busy neighbour lands in one."""
    times = []
    for _ in range(3):
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

