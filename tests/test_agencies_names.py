"""Agency names: expansion, grouping key, level sharing, generic actors and name shapes."""
import pytest

from extractors.agencies.mentions import find_mentions
from extractors.agencies.names import agency_key, expand, is_generic, share_level


def test_expand_spells_abbreviations_out():
    assert expand("UBND các xã, phường") == "Ủy ban nhân dân các xã, phường"
    assert expand("Văn phòng HĐND và UBND huyện") == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"
    assert expand("Sở GD&ĐT") == "Sở Giáo dục và Đào tạo"
    assert expand("Phòng Văn hóa – Xã hội") == "Phòng Văn hóa - Xã hội"
    assert expand("Lực lực vũ trang") == "Lực lượng vũ trang"  # the head's syllable typed twice (b26_17)


def test_one_body_one_key():
    assert agency_key("UBND các xã, phường") == agency_key("Ủy ban nhân dân các xã, phường")
    assert agency_key("Các sở, ban, ngành") == agency_key("các sở, ban, ngành")
    assert agency_key("Sở Nội vụ") != agency_key("Sở Tài chính")


def test_shared_level_word():
    assert share_level(["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "các tổ chức chính trị - xã hội"]) == \
        ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "các tổ chức chính trị - xã hội xã"]
    assert share_level(["Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội huyện"]) == \
        ["Mặt trận Tổ quốc huyện", "các tổ chức chính trị - xã hội huyện"]
    # a department has no level of its own to take
    assert share_level(["Sở Nội vụ", "Ủy ban nhân dân tỉnh"]) == ["Sở Nội vụ", "Ủy ban nhân dân tỉnh"]


@pytest.mark.parametrize("name, generic", [
    ("các cơ quan, đơn vị", True), ("Các cơ quan, đơn vị có liên quan", True), ("đơn vị liên quan", True),
    ("các cơ quan liên quan", True), ("Các sở, ban, ngành", False), ("UBND các xã, phường", False),
    ("các cơ quan thông tin truyền thông", False), ("các đơn vị trực thuộc", True),
])
def test_generic_actors(name, generic):
    assert is_generic(name) is generic


@pytest.mark.parametrize("text, names", [
    ("Sở Kế hoạch và Đầu tư, Sở Tài chính thẩm định", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]),
    ("Văn phòng UBND tỉnh; các sở, ban, ngành; UBND các xã, phường.",
     ["Văn phòng UBND tỉnh", "các sở, ban, ngành", "UBND các xã, phường"]),
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("phối hợp với Đại học Thái Nguyên đào tạo", ["Đại học Thái Nguyên"]),
    ("Huyện ủy Bảo Yên yêu cầu", ["Huyện ủy Bảo Yên"]),
    ("Ban Tổ chức Huyện ủy chủ trì", ["Ban Tổ chức Huyện ủy"]),
    ("lực lượng công an xã, thị trấn và", ["lực lượng công an xã, thị trấn"]),
    ("Phòng, chống tham nhũng; Trường hợp cần thiết; Hội nghị sơ kết; Bộ tiêu chí", []),
    # a person's office after the comma is the next office, not a field of the name (b24_14, the source's cut `Đào`)
    ("giao Giám đốc Sở Giáo dục và Đào, Giám đốc Sở Y tế, Giám đốc Bảo hiểm xã hội tỉnh và",
     ["Sở Giáo dục và Đào", "Sở Y tế", "Bảo hiểm xã hội tỉnh"]),
    # `trực thuộc` with no owner after it closes the collective; an owner in lower case is left to the owner reading
    ("chỉ đạo các đơn vị trực thuộc và UBND các xã, phường, thị trấn tuyên truyền",
     ["các đơn vị trực thuộc", "UBND các xã, phường, thị trấn"]),
    ("Phòng GD-ĐT huyện và Ban giám hiệu các trường cần", ["Phòng GD-ĐT huyện", "Ban giám hiệu các trường"]),
    # a list `các` opened goes on with more kinds of body, lower case, each one body (b25_14, b25_25); an owner
    # closes the last, and `trực thuộc` with none is the writer's own
    ("các sở, ban, ngành, huyện ủy, thành ủy, đảng ủy trực thuộc căn cứ",
     ["các sở, ban, ngành", "huyện ủy", "thành ủy", "đảng ủy trực thuộc"]),
    ("các ban đảng, đảng đoàn, đảng ủy trực thuộc Tỉnh ủy, sở, ngành tỉnh căn cứ",
     ["các ban đảng", "đảng đoàn", "đảng ủy trực thuộc Tỉnh ủy", "sở, ngành tỉnh"]),
    ("Các phòng GD&ĐT và trường THCS tổ chức", ["Các phòng GD&ĐT", "trường THCS"]),
    # a generic actor does not go on a list: `địa phương` after `ngành và` is a generic mention of its
    # own (`các bộ, ngành và địa phương phải …`, b45_25), not part of the name; no `các`, no list
    ("Các sở, ngành và địa phương", ["Các sở, ngành", "địa phương"]), ("Phòng GD&ĐT và trường THCS", ["Phòng GD&ĐT"]),
    # a school with two levels listed and no name is the class; a named school is one body (b25_24)
    ("Trường mầm non, phổ thông mỗi năm", ["Trường mầm non, phổ thông"]),
    ("chỉ đạo phòng chuyên môn, UBND các xã triển khai", ["phòng chuyên môn", "UBND các xã"]),
    # towns and cities as the pair's first syllables; a bare `thành` is another word (b26_09)
    ("UBND các huyện, thành, thị triển khai", ["UBND các huyện, thành, thị"]),
    ("UBND các huyện, thành, thị xã chủ trì", ["UBND các huyện, thành, thị xã"]),
    ("giao UBND các huyện, thành lập tổ", ["UBND các huyện"]),
    # a collective's owner with `của` and a place level (b26_11); a kind of office at every level, bare (b26_07);
    # government bodies in general are not read as such a kind (`chính quyền các cấp` is the generic actor, as before)
    ("các phòng, ban, ngành của phường chủ động", ["các phòng, ban, ngành của phường"]),
    ("Theo đó cơ quan quân sự các cấp chủ động", ["cơ quan quân sự các cấp"]),
    ("đạt 100% cơ quan chính quyền các cấp, tổ chức", ["chính quyền các cấp"]),
    # the head's syllable typed twice, with the kind of force after it (b26_17)
    ("Lực lực vũ trang tiếp tục duy trì", ["Lực lực vũ trang"]),
    # b27: cooperatives with `các` (a count is a target's unit); the governments of units written
    # `các UBND tỉnh, …`; a second place's bare name after a local government's first, two or three
    # syllables and not a title or a level
    ("đôn đốc các hợp tác xã nông nghiệp theo dõi", ["các hợp tác xã nông nghiệp"]),
    ("thành lập mới 5 hợp tác xã", []),
    ("cho các UBND tỉnh, thành phố trực thuộc Trung ương giai đoạn", ["các UBND tỉnh, thành phố trực thuộc Trung ương"]),
    ("yêu cầu UBND huyện Quang Bình, Bắc Quang triển khai", ["UBND huyện Quang Bình", "Bắc Quang"]),
    ("yêu cầu UBND huyện Quang Bình, Phó Chủ tịch phụ trách", ["UBND huyện Quang Bình"]),
    ("yêu cầu UBND xã Tân Hưng, Thành phố Hà Giang thực hiện", ["UBND xã Tân Hưng"]),
])
def test_name_shapes(text, names):
    assert [text[m.start:m.end] for m in find_mentions(text)] == names


@pytest.mark.parametrize("text, name", [
    ("Trường mầm non, phổ thông mỗi năm", "Các trường mầm non, phổ thông"),
    ("Trường tiểu học, THCS và", "Các trường tiểu học, THCS"),
])
def test_school_class_is_plural(text, name):
    assert [m.name for m in find_mentions(text)] == [name]


def test_shared_local_government_names():
    """b27: `các UBND tỉnh, thành phố` is spelt `Ủy ban nhân dân các tỉnh, thành phố`; the bare second
    place of `UBND huyện Quang Bình, Bắc Quang` takes the first's body and level."""
    from extractors.agencies.names import expand, share_body
    assert expand("các UBND tỉnh, thành phố trực thuộc Trung ương") == \
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    assert share_body(["Ủy ban nhân dân huyện Quang Bình", "Bắc Quang"]) == \
        ["Ủy ban nhân dân huyện Quang Bình", "Ủy ban nhân dân huyện Bắc Quang"]


@pytest.mark.parametrize("text, name", [
    # an interdisciplinary inspection team named by what it inspects (b34_03, b34_18, b16_21)
    ("Đồng thời, Đoàn kiểm tra liên ngành ATTP sẽ được thành lập để kiểm tra các cơ sở sản xuất",
     "Đoàn kiểm tra liên ngành ATTP"),
    ("tham gia cùng Đoàn liên ngành kiểm tra An toàn thực phẩm trong dịp Tết Nguyên đán Nhâm Dần",
     "Đoàn liên ngành kiểm tra An toàn thực phẩm"),
    ("chỉ đạo bộ phận thường trực giúp việc của BCĐ 389/ĐP; Đoàn kiểm tra liên ngành chống buôn lậu, gian lận "
     "thương mại và hàng giả tỉnh có kế hoạch tăng cường công tác kiểm tra",
     "Đoàn kiểm tra liên ngành chống buôn lậu, gian lận thương mại và hàng giả tỉnh"),
])
def test_inspection_team_named_by_its_field(text, name):
    assert name in [text[m.start:m.end] for m in find_mentions(text)]


def test_interdisciplinary_team_alone_is_a_short_form():
    text = "Đoàn liên ngành được UBND huyện thành lập gồm 12 đồng chí"
    assert "Đoàn liên ngành" not in [text[m.start:m.end] for m in find_mentions(text)]
