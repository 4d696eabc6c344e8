"""The year readings the targets rules lean on (extractors/grammar/years.py), on verbatim text."""

from extractors.grammar.years import plan_year, year_mentions


def test_elapsed_part_dates_an_undated_text():
    # an undated story that serves a period (`giai đoạn 2021-2025`) but tells an elapsed part of 2023
    # is written no earlier than 2023: its `năm 2022` figures are past
    text = ("Sản xuất công nghiệp phấn đấu tăng bình quân 9%/năm trở lên\n\nBên cạnh đó, khu vực kinh tế trong "
            "nước cũng có bước phát triển tốt: giá trị sản xuất công nghiệp năm 2022 đạt trên 78 nghìn tỷ đồng "
            "(chiếm tỷ trọng 8,35%), gấp 1,38 lần so với năm 2020. Lũy kế 8 tháng năm 2023, chỉ số sản xuất toàn "
            "ngành công nghiệp của tỉnh tăng 4,01% so với cùng kỳ. Cùng với sự phục hồi sản xuất …, góp phần hoàn "
            "thành mục tiêu tăng bình quân 9% 1năm trở lên của ngành Công nghiệp trong giai đoạn 2021-2025./.")
    assert plan_year(text) == 2023


def test_year_compared_with_is_a_baseline():
    text = "tốc độ tăng giá tiêu dùng (CPI) thấp hơn năm 2012, tổng vốn đầu tư phát triển toàn xã hội bằng 30% GDP"
    assert [(y.kind, y.year) for y in year_mentions(text)] == [("baseline", 2012)]
