"""Agency names: expand abbreviations into the full spelling, and a key under which
every spelling of one body is the same (`UBND các xã, phường` = `Ủy ban nhân dân
các xã, phường`)."""
from __future__ import annotations

from functools import lru_cache

import unicodedata

import regex as re

from extractors import lexicon
from extractors.grammar.syllables import unglue
from extractors.text import fold

# abbreviations written in body names (`UBND`, `Sở KH&ĐT`): the shared table, agency side
ABBREVIATIONS: dict[str, str] = lexicon.abbreviations("agency")

_ABBR_RE = re.compile(
    r"(?<![\p{L}\p{N}&])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\p{L}\p{N}&])")


# two bodies' abbreviations joined by `&` (`Văn phòng HĐND&UBND huyện`), unless the pair is one
# abbreviation of its own (`KH&ĐT`)
_JOINED_ABBR = re.compile(r"(?<![\p{L}\p{N}&])(\p{Lu}{2,})&(\p{Lu}{2,})(?![\p{L}\p{N}&])")


def _joined(m: re.Match) -> str:
    a, b = m.group(1), m.group(2)
    if m.group() in ABBREVIATIONS or a not in ABBREVIATIONS or b not in ABBREVIATIONS:
        return m.group()
    return f"{a} và {b}"


# one abbreviation written with a hyphen between its parts (`Bộ GT-VT`, `Sở KH-CN`): read as the
# abbreviation spelt whole (`GTVT`) or with its `&` (`KH&CN`); a pair of two abbreviations of
# their own (`VHTT-HTCĐ`) is not one of these and keeps its hyphen
_HYPHENED_ABBR = re.compile(r"(?<![\p{L}\p{N}&\u2013-])(\p{Lu}{1,5})[\u2013-](\p{Lu}{1,5}(?:&\p{Lu}{1,4})?)(?![\p{L}\p{N}&\u2013-])")


def _hyphened(m: re.Match) -> str:
    if m.group() in ABBREVIATIONS:
        return m.group()
    for whole in (m.group(1) + m.group(2), f"{m.group(1)}&{m.group(2)}"):
        if whole in ABBREVIATIONS:
            return whole
    return m.group()


# (not the hyphen inside a word with a number: `dịch bệnh Covid-19`)
_DASH = re.compile(r"(?!(?<=\p{L})-\d)\s*[\u2013\u2014-]\s*")
_BAN_NGANH = re.compile(r"(sở),?\s*(ban)\s+(ngành)", re.I)
# `chính trị xã hội`: the hyphen of `chính trị - xã hội` pages drop
_POLITICAL_SOCIAL = re.compile(r"(?i)(chính trị) (xã hội)")
_WHITESPACE = re.compile(r"\s+")
# `Bộ Nông nghiệp & PTNT`: a spaced ampersand between words is the name's `và`
_AMPERSAND = re.compile(r"(?<=\S)(?:\s+&\s*|\s*&\s+)(?=\S)")


# short forms district and commune texts write inside body names (`Trung tâm VHTT-HTCĐ`,
# `Sở Nông nghiệp và PTNT`), also after a hyphen that joins two of them
@lru_cache(maxsize=4096)  # (a plan names a few bodies many times over)
def expand(name: str) -> str:
    """The full spelling of an agency name as written (abbreviations expanded)."""
    name = unglue(unicodedata.normalize("NFC", name))  # `Bộ Kếhoạch` as web copies glue it
    name = _SHORT_FORM_INSIDE.sub("", name)  # `Ban An toàn giao thông (ATGT) huyện`: the short form it defines
    name = _BIG_CITY_SHORT.sub("Thành phố Hồ Chí Minh", name)  # `Sở Xây dựng TPHCM`, `TP.HCM`
    name = _HYPHENED_ABBR.sub(_hyphened, name)
    name = _JOINED_ABBR.sub(_joined, name)
    name = _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], name)
    name = _AMPERSAND.sub(" và ", name)
    name = _DASH.sub(" - ", name)
    name = _BAN_NGANH.sub(r"\1, \2, \3", name)  # `các sở, ban ngành`, `các sở ban ngành`: the collective as it is spelt in full
    name = _POLITICAL_SOCIAL.sub(r"\1 - \2", name)  # the hyphen pages drop
    name = name.replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    name = _FORCES_TYPED_TWICE.sub(r"\1ực lượng", name)  # `Lực lực vũ trang`: the head's syllable typed twice
    name = _LOST_LIST_COMMA.sub(r"\1, ", name)  # `UBND các xã phường, thị trấn`
    name = _EACH_GOVERNMENT.sub(r"Ủy ban nhân dân \1 ", name)  # `các UBND tỉnh, thành phố`: the units' governments
    name = _SHORT_FORM_AFTER.sub("", name)  # `… mại dâm (Ủy ban Quốc gia)`: the short form the text defines
    return _WHITESPACE.sub(" ", name).strip(" ,;.:")


_BIG_CITY_SHORT = re.compile(r"(?<![\p{L}])T[Pp]\.?\s*(?:HCM|Hồ Chí Minh)(?![\p{L}])")
_PLACE_WORD = r"(?:tỉnh|huyện|xã|quận|phường|thị xã|thị trấn|thành phố)"
_EACH_GOVERNMENT = re.compile(rf"^([Cc]ác|[Nn]hững)\s+Ủy ban nhân dân\s+(?={_PLACE_WORD}(?![\p{{L}}]))")
_SHORT_FORM_INSIDE = re.compile(r"\s*\(\s*\p{Lu}{2,}\s*\)(?=\s+\p{Ll})")
_SHORT_FORM_AFTER = re.compile(r"(?<=\p{L})\s*\(\s*\p{Lu}[^()]{1,40}\)\s*$")
_LOST_LIST_COMMA = re.compile(rf"((?<![\p{{L}}])(?:các|những)\s+{_PLACE_WORD})\s+(?={_PLACE_WORD}\s*,\s*{_PLACE_WORD}(?![\p{{L}}]))")
_FORCES_TYPED_TWICE = re.compile(r"(?<![\p{L}])([Ll])ực\s+lực(?=\s+(?:công an|quân sự|vũ trang|dân quân|biên phòng)(?![\p{L}]))")
_PLURAL_OPENING = re.compile(r"^(?:các|những)\s+")
_NON_ALNUM = re.compile(r"[^\p{L}\p{N}]+")


def agency_key(name: str) -> str:
    """A grouping key: one body, one key, whatever the spelling."""
    s = fold(expand(name)).casefold()
    s = _PLURAL_OPENING.sub("", s)
    s = _NON_ALNUM.sub(" ", s)
    return " ".join(s.split())


# --- the shape of an agency name -------------------------------------------------
# Bodies that are complete names by themselves (they may still take a level word:
# `UBND huyện`, `Công an tỉnh`). Longest spellings first so `Ủy ban nhân dân` wins
# over `Ủy ban` + a capitalised name.
STANDALONE_BODIES = (
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc", "Ủy ban MTTQ Việt Nam",
    "Ủy ban MTTQVN", "Ủy ban MTTQ",
    # (`rà soát thống nhất với UBMTTQ tỉnh`: the Front's committee written as one abbreviation)
    "UBMTTQVN", "UBMTTQ",
    # (`UBND huyện đề nghị UB.MTTQVN và các đoàn thể huyện …`: its committee's word cut short with a dot)
    "UB.MTTQVN", "UB.MTTQ",
    # a union of associations, its `các` part of the name (`Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì`)
    "Liên hiệp các Hội Khoa học và Kỹ thuật", "Liên hiệp các Hội Khoa học Kỹ thuật",
    "Liên hiệp các Hội Văn học nghệ thuật", "Liên hiệp các Hội Văn học Nghệ thuật", "Liên hiệp các tổ chức hữu nghị",
    "Mặt trận Tổ quốc Việt Nam", "Mặt trận tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Mặt trận tổ quốc", "MTTQVN", "MTTQ",
    # the Front written short among the party's and mass organisations' bodies (`Văn phòng
    # Huyện ủy, Mặt trận, các đoàn thể`)
    "Mặt trận",
    # a team set up to inspect or to work on a task, as its own subject (`Sau thời gian trên, Đoàn
    # kiểm tra sẽ thu thập và nghiên cứu các văn bản …`)
    "Đoàn kiểm tra", "Đoàn giám sát", "Đoàn công tác", "Tổ công tác", "Tổ kiểm tra",
    # a congress's working groups given the drafting (`Phó Trưởng Tiểu ban Văn kiện Đại hội đề nghị
    # tổ văn kiện, tổ biên tập tiếp thu ý kiến …`): lower case as the news writes them
    "Tổ văn kiện", "tổ văn kiện", "Tổ biên tập", "tổ biên tập",
    # (`tham gia cùng Đoàn liên ngành kiểm tra An toàn thực phẩm`: named with what it inspects)
    "Đoàn liên ngành",
    # the council's standing committee (`Thường trực HĐND huyện sẽ Ban hành kế hoạch tổ chức kỳ họp`)
    "Thường trực Hội đồng nhân dân", "Thường trực HĐND",
    # the standing office of the traffic safety board every province and district keeps (`Giao
    # Thường trực Ban An toàn giao thông tỉnh theo dõi, đôn đốc …`)
    "Thường trực Ban An toàn giao thông",
    "Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND",
    # (`phối hợp …, ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch`: the body in lower case, a
    # body only with its level)
    "ủy ban nhân dân", "uỷ ban nhân dân",
    # the election committee every level sets up, named by its level (`đề nghị Ủy ban bầu cử các
    # huyện, thành phố và Ủy ban bầu cử các xã, phường, thị trấn tiến hành tổng kết`)
    "Ủy ban bầu cử", "Ủy ban Bầu cử",
    "Ngân hàng Chính sách xã hội", "Ngân hàng Nhà nước", "Kho bạc Nhà nước", "Bảo hiểm xã hội", "BHXH",
    "Liên đoàn Lao động", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh",
    # the mass organisations' full names, the nation's name inside them before the level of the unit
    # (`giao Đảng đoàn Hội Nông dân Việt Nam tỉnh tích cực chỉ đạo …`)
    "Hội Liên hiệp Phụ nữ Việt Nam", "Hội Nông dân Việt Nam", "Hội Cựu chiến binh Việt Nam",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Bộ Chỉ huy Quân sự", "Ban Chỉ huy Quân sự",
    "Bộ Chỉ huy Bộ đội Biên phòng", "Đảng ủy", "Huyện ủy", "Tỉnh ủy",
    "Thành ủy", "Thị ủy", "Quận ủy", "Huyện đoàn", "Tỉnh đoàn", "Thành đoàn",
    "Ủy ban Kiểm tra", "Ủy ban kiểm tra", "Bộ Chính trị", "Ban Bí thư",
    "Thông tấn xã Việt Nam", "Đài Truyền thanh", "Đài truyền thanh", "Công an", "Thanh tra", "Chi bộ", "Đảng bộ", "Thư viện", "Bảo tàng", "Bưu điện",
    # the tax authority as the 2025 reorganisation names it by its level (`yêu cầu Thuế tỉnh và Chi cục
    # Hải quan khu vực tăng cường theo dõi …`); alone the word is a tax
    "Thuế",
    # the Constitution's central bodies besides the Government's, named in full as a central letter lists
    # them (`đôn đốc Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao, Kiểm toán nhà nước, Bộ, …`)
    "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao",
    "Kiểm toán nhà nước", "Kiểm toán Nhà nước",
    "Tòa án nhân dân", "Viện kiểm sát nhân dân",
    # the local government of a level as a whole (`cấp ủy, chính quyền xã Bằng Cốc`)
    "Chính quyền", "chính quyền",
    # a commune's office named by its two fields (`Văn phòng - Thống kê xã chủ trì tham mưu`)
    "Văn phòng - Thống kê",
    # the commune's health station, which every commune keeps, named bare where its role is written
    # (`UBND xã phối hợp với Trạm y tế tổ chức lễ phát động …`), else by its level (`Trạm y tế xã`)
    "Trạm y tế",
)
# Bodies that only need a level word to be named (`Thanh tra tỉnh`), not a capitalised name.
# (`phối hợp Bưu điện tỉnh`: the post office of a level)
NEEDS_LEVEL = {"Văn phòng - Thống kê", "Công an", "Thanh tra", "Thuế", "ủy ban nhân dân", "uỷ ban nhân dân", "Đảng ủy", "Chi bộ", "Đảng bộ", "Thư viện", "Bảo tàng", "Bưu điện", "Chính quyền", "chính quyền", "Trạm y tế"}

# Head nouns followed by a capitalised proper name (`Sở Nội vụ`, `Trung tâm Y tế`).
PROPER_HEADS = (
    "Ban cán sự đảng", "Ban Cán sự đảng", "Đảng đoàn",
    # a congress's subcommittees (`giao Tiểu ban Văn kiện, Văn phòng Tỉnh ủy có trách nhiệm …`)
    "Tiểu ban", "Đảng ủy", "Chi bộ", "Đảng bộ", "Bảo tàng", "Văn phòng", "Thanh tra", "Trung tâm", "Chi cục", "Tổng cục", "Cục", "Sở", "Ban", "Phòng",
    "Trường", "Thư viện",
    # a team named by its field in lower case (`Tổ an ninh cơ sở`), read only so (`mentions._lower_field_end`)
    "Tổ", "Học viện", "Đại học", "Viện", "Bệnh viện", "Ủy ban", "Hội đồng", "Tổng Liên đoàn", "Liên đoàn",
    "Liên minh", "Hiệp hội", "Liên hiệp", "Hội", "Đoàn", "Bộ", "Đài", "Báo", "Kho bạc", "Ngân hàng", "Chi nhánh", "Quỹ",
    # (a state economic group: `Tập đoàn Dầu khí Việt Nam`, `Tập đoàn Điện lực Việt Nam`)
    "Tập đoàn", "Tổng công ty", "Công ty", "Đội", "Hạt", "Trạm", "Công an", "Vụ", "Bộ phận",
    # a state utility's branch is named by its place: `Viễn thông Đồng Nai`, `Điện lực Thanh Hóa`
    "Viễn thông", "Điện lực",
)

# levels of government or place (lexicon/level_words.tsv)
# (`UBND các huyện, thị, thành phố`: towns written by their first syllable inside a list, only
# before the cities, since a bare `thị` is most often another word)
_TOWNS_SHORT = ("thị, thành phố", "thị và thành phố")
LEVEL_WORDS = lexicon.level_words("agency") + _TOWNS_SHORT
# levels whose units a text may name as bodies by themselves (`giao chỉ tiêu cho 7 huyện, thành
# phố`, `các xã, thị trấn tập trung thực hiện …`): the local governments of those units
PLACE_LEVELS = lexicon.level_words("place") + _TOWNS_SHORT

# Collective forms that name specific sets of bodies (they count, unlike generic actors).
COLLECTIVES = (
    # (`các Sở, Ban, ngành, đoàn thể`: capitals as some letters write them)
    r"sở,\s*[Bb]an,\s*[Nn]gành(?:(?:,|\s+và)\s*(?:[Đđ]oàn thể|[Đđ]ịa phương|đơn vị(?!\s+sự\s+nghiệp)))?",
    r"cơ quan,\s*ban,\s*ngành(?:(?:,|\s+và)\s*(?:đoàn thể|địa phương))?", r"sở\s*[,-]\s*ngành(?:,\s*(?:địa phương|đơn vị))?",
    # the three kinds written without commas (`yêu cầu các sở ban ngành, địa phương tăng cường …`)
    r"sở\s+ban\s+ngành(?:,\s*địa phương)?", r"sở\s+ngành(?:,\s*địa phương)?",
    r"ban,\s*ngành(?:,\s*đoàn thể)?", r"phòng,\s*ban(?:,\s*(?:ngành|đơn vị))?(?:,\s*đoàn thể)?(?:\s+chuyên môn)?(?:\s+trực thuộc)?",
    r"phòng\s+ban(?:\s+chuyên môn)?",
    # a department's own offices (`Phòng Chính trị, tư tưởng phối hợp với các phòng thuộc Sở …`)
    r"phòng(?=\s+(?:trực\s+)?thuộc\s+(?:Sở|Bộ|Cục)(?![\p{L}]))", r"phòng,?\s*ngành", r"phòng\s+chuyên môn", r"cơ quan chuyên môn",
    # (`Chỉ tiêu cho các đơn vị chuyên môn thuộc UBND cấp tỉnh đạt …`: a kind of unit, as `cơ quan chuyên môn`)
    r"đơn vị chuyên môn",
    r"tổ chức chính trị(?:\s*-\s*|\s+)xã hội(?:\s+trực thuộc)?", r"đoàn thể(?:\s+chính trị\s*-\s*xã hội)?",
    r"đơn vị sự nghiệp(?:\s+công lập)?",
    # the press, news agencies with it (`đề nghị các cơ quan thông tấn báo chí tăng cường phối hợp …`)
    r"cơ quan thông tấn(?:,\s*|\s+)báo chí", r"cơ quan báo chí",
    # the revenue offices by their kind (`Các cơ quan thuế phải tập trung khai thác nguồn thu`)
    r"cơ quan\s+(?:thuế|hải quan)(?![\p{L}])",
    # the central bodies' local units (`các đơn vị ngành dọc trên địa bàn huyện`)
    r"(?:cơ quan|đơn vị)(?:,\s*đơn vị)?\s+ngành dọc",
    # the units that run a kind of infrastructure (`các đơn vị quản lý đường bộ tăng cường công tác
    # tuần đường`): bodies of a named kind, unlike bare `các đơn vị`
    r"đơn vị quản lý\s+(?:đường bộ|đường sắt|đường thủy(?:\s+nội địa)?|công trình thủy lợi|khai thác công trình thủy lợi)",
    r"cơ quan thành viên(?:\s+(?:của\s+)?(?:Ban Chỉ đạo|BCĐ))?", r"chủ\s+(?:chương\s+trình|đầu\s+tư|dự\s+án)", r"cơ quan thông tin(?:\s*(?:,|và)?\s*truyền thông|\s+đại chúng)?",
    r"hội(?:,\s*|\s+)đoàn thể", r"ban đảng",
    # the party's units of a kind: `các chi bộ, đảng bộ cơ sở`, `đảng bộ trực thuộc`
    # (`các đảng bộ, chi bộ trực thuộc`: the two kinds in this order are one set, read before the
    # bare `đảng bộ` that would cut it; `các chi bộ, đảng bộ cơ sở` the golds keep as two)
    r"đảng bộ,\s*chi bộ(?:\s+trực thuộc)?",
    r"chi bộ(?:\s+cơ sở)?(?:\s+trực thuộc)?", r"đảng bộ(?:\s+cơ sở)?(?:\s+trực thuộc)?",
    # a central body's own boards and units (`các ban, đơn vị thuộc Trung ương Đoàn`), and the Youth
    # Union's units directly under its centre, listed after the provinces' (`Các tỉnh, thành đoàn, đoàn
    # trực thuộc`)
    r"ban,\s*đơn vị", r"đoàn\s+trực thuộc(?!\s*\p{Lu})",
    # the mass associations besides the political-social ones (`các đoàn thể, hội quần chúng huyện`)
    r"hội quần chúng",
    # a body's own units (`Bộ Công an chỉ đạo các đơn vị trực thuộc, Công an thành phố Hà Nội … tăng
    # cường …`): a set its owner names, unlike bare `các đơn vị`
    # (written as two forms: a pattern opening with an optional word is not searched anchored)
    r"cơ quan,\s*đơn vị\s+trực thuộc(?!\s*\p{Lu})(?!\s+(?:sở|bộ|tỉnh|huyện|xã|ủy ban|UBND)(?![\p{L}]))",
    r"đơn vị\s+trực thuộc(?!\s*\p{Lu})(?!\s+(?:sở|bộ|tỉnh|huyện|xã|ủy ban|UBND)(?![\p{L}]))",
    # the party's bodies inside the state's and the fronts' bodies, as a class a party committee's letter
    # writes to (`chỉ đạo các đảng đoàn, ban cán sự đảng; các sở, ban, ngành …`); a named one is a
    # proper head (`Ban cán sự đảng UBND thành phố`)
    r"đảng đoàn(?!\s*\p{Lu})", r"ban cán sự đảng(?!\s*\p{Lu})",
    r"chi,\s*đảng bộ(?:\s+trực thuộc)?",
    r"tổ chức cơ sở đảng", r"cơ sở đảng",
    # a mass organisation's grassroots units (`ĐTN VRG và các cơ sở Đoàn trao tặng ít nhất 100 suất quà`)
    r"cơ sở\s+(?:Đoàn|Hội)(?![\p{L}])", r"[Cc]ục,\s*[Vv]ụ(?:,\s*[Vv]iện)?(?:\s+tham mưu)?",
    r"[Vv]ụ,\s*[Cc]ục(?:,\s*[Vv]iện)?(?:\s+tham mưu)?",
    # the state's economic groups and corporations a central letter writes to with the ministries
    # (`Các Bộ, …, các Tập đoàn kinh tế, Tổng công ty nhà nước … khẩn trương gửi báo cáo`)
    r"[Tt]ập đoàn kinh tế(?:\s+nhà nước)?",
    # (`các Tập đoàn, tổng công ty nhà nước`: the groups written short, listed with the corporations)
    r"[Tt]ập đoàn(?=\s*,\s*[Tt]ổng công ty)", r"[Tt]ổng công ty(?:\s+nhà nước)?(?!\s*\p{Lu})",
    # a ministry's general departments as a class (`Các Tổng cục, Cục, Vụ, Thanh tra Bộ tổng hợp …`)
    r"[Tt]ổng cục(?![\p{L}\p{N}])(?!\s*\p{Lu}\p{Ll})", r"[Bb]ộ,\s*cơ quan ngang [Bb]ộ(?:,\s*cơ quan thuộc Chính phủ)?",
    r"[Bb]ộ,\s*cơ quan (?:trung ương|Trung ương)(?:,\s*địa phương)?",
    # the ministries with the other central bodies and the provinces a central letter writes to
    r"[Bb]ộ,\s*(?:ngành|cơ quan|địa phương)(?:,\s*(?:ngành|cơ quan|địa phương))*", r"sở,\s*ban\s+ngành",
    # the same written without its comma, as news reports do (`Thủ tướng yêu cầu tất cả các bộ ngành,
    # địa phương … phải báo cáo`)
    r"[Bb]ộ\s+ngành",
    # schools and centres of one kind (`các trường THPT, các trung tâm`)
    r"trường(?:\s+(?:học|THPT|THCS|trung học phổ thông|trung học cơ sở|tiểu học|mầm non|phổ thông|đại học|cao đẳng))",
    r"trung tâm(?!\s+\p{Lu})",
    # schools and clinics as a class (`các cơ sở giáo dục`, `Các trạm y tế cơ sở`)
    r"cơ sở giáo dục(?:\s+(?:mầm non|phổ thông|đại học|nghề nghiệp))?", r"cơ sở (?:tiêm chủng|khám bệnh,\s*chữa bệnh|y tế|đào tạo)", r"đơn vị y tế",
    # (`Các trạm y tế cơ sở xây dựng kế hoạch …`; a level word after it is read as a level, to the
    # end of its list: `trạm y tế xã, thị trấn`)
    r"trạm y tế(?:\s+cơ sở)?",
    r"[Bb]an\s+(?:HĐND|Hội đồng nhân dân)",  # `các Ban HĐND chủ động hoàn thành kế hoạch giám sát`
    # a ministry's letter to the departments of every province (`đề nghị các sở báo cáo`)
    r"sở(?![\p{L}\p{N}])(?!\s*\p{Lu})(?!\s*[,-]\s*(?:ban|ngành))",
    r"[Bb]ộ(?![\p{L}\p{N}])(?!\s*\p{Lu})(?!\s*[,-]\s*(?:ngành|cơ quan))(?!\s+ngành)",  # `yêu cầu các Bộ liên quan`
    # the local governments a higher body writes to (`Chính phủ yêu cầu các địa phương khẩn trương …`)
    r"địa phương(?:,\s*(?:sở|ngành|đơn vị)(?:,\s*(?:sở|ngành|đơn vị))*)?",
    r"ngành,\s*địa phương",
)
# Generic actors: optional in the guidelines, reported only where a role is explicit.
GENERICS = (
    r"cơ quan,\s*đơn vị(?:,\s*địa phương)?", r"đơn vị,\s*địa phương", r"cơ quan,\s*các cấp", r"cơ quan", r"đơn vị",
    r"địa phương", r"ngành",
    r"ngành,\s*các cấp", r"cấp,\s*các ngành",
    # the party committees of every unit (`Tỉnh ủy chỉ đạo các cấp ủy thường xuyên quan tâm …`): a generic
    # actor, read so that the committee directing them is seen to direct, not to act
    # (`UBND tỉnh và các cấp ủy đảng, chính quyền, MTTQ, các đoàn thể tiếp tục …`: with the governments, one set)
    r"cấp ủy(?:\s+đảng)?(?:(?:,\s*|\s+và\s+)chính quyền(?:\s+(?:địa phương|các cấp))?)?",
)
COLLECTIVE_TAILS = (r"trực thuộc (?:Trung ương|trung ương)", r"(?:Trung ương|trung ương)(?!\s+Đảng)",
                    # (a board named by its field, to its level word: `các sở, ngành thành viên Ban Chỉ huy phòng,
                    # chống thiên tai và tìm kiếm cứu nạn tỉnh`; no other body inside)
                    r"(?:là\s+)?thành viên(?:\s+của)?\s+Ban Chỉ (?:đạo|huy)"
                    r"(?:\s+(?:(?!\s(?:các|UBND|Ủy ban|Sở|Bộ)\s)[^;.:\n()]){1,100}?\s+(?:tỉnh|huyện|xã|thành phố)(?![\p{L}])|\s+(?:tỉnh|huyện|xã|thành phố))?",
                    r"chức năng(?!\s*,\s*(?:nhiệm vụ|quyền hạn|địa phương|đơn vị)(?![\p{L}]))", r"trong (?:tỉnh|huyện)", r"(?:đóng|đứng chân)\s+trên địa bàn(?:\s+(?:tỉnh|huyện|xã|thành phố|thị trấn))?",
                    # (bodies of a kind `trên địa bàn` are just those of the place: `các tổ dân phố`)
                    r"(?<=(?:cơ quan|đơn vị|doanh nghiệp|tổ chức|trường học)[^,;.]{0,30})\s*trên địa bàn(?:\s+(?:tỉnh|huyện|xã|thành phố))?", r"(?:cấp\s+)?(?:tỉnh|huyện|xã)", r"các cấp", r"của\s+(?:tỉnh|huyện|xã|thành phố)",
                    r"có liên quan", r"liên quan", r"khác", r"còn lại", r"thuộc ngành",
                    # the ones a selection names: `Các trường học được chọn đặt Điểm thi nhận hồ sơ …`
                    r"được chọn\s+(?:làm|đặt)\s+\p{Lu}\p{Ll}*\s+\p{Ll}+")


_LOCAL_GOVERNMENTS = re.compile(r"(?:các|những)\s+địa phương")
_EACH_OPENING = re.compile(r"^(?:các|từng|những)\s+")
# `các cơ quan có liên quan`
_CONCERNED_END = re.compile(r"\s+(?:(?:có\s+)?liên quan|trực thuộc)$")  # (`các đơn vị trực thuộc`: the writer's own)
_LEVEL_END = re.compile(r"\s+(?:cấp\s+)?(?:tỉnh|huyện|xã)$")
_GENERIC_NOUNS = re.compile(r"(?:" + "|".join(GENERICS) + r")")


def is_generic(name: str) -> bool:
    """`các cơ quan, đơn vị`, `đơn vị liên quan` …: actors the guidelines leave optional."""
    s = expand(name).casefold()
    if _LOCAL_GOVERNMENTS.match(s):
        return False  # `các địa phương`: the local governments as a set (a bare `địa phương` is the text's own)
    s = _EACH_OPENING.sub("", s)
    s = _CONCERNED_END.sub("", s)
    s = _LEVEL_END.sub("", s)
    return bool(_GENERIC_NOUNS.fullmatch(s))


# bodies that exist at every level of local government, as expanded names spell them
LOCAL_BODIES = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam",
                "Mặt trận Tổ quốc", "Đảng ủy", "Công an")
_SHARES_LEVEL = re.compile(rf"(?:{'|'.join(map(re.escape, LOCAL_BODIES))}|tổ chức chính trị - xã hội|"
                           r"đoàn thể(?: chính trị - xã hội)?)(?:\s+Việt Nam)?$", re.I)
_PLURAL_LEVELS = re.compile(r"\b(?:các|những)\s+(?:cấp\s+)?(?:tỉnh|huyện|xã|thành phố|thị xã|phường|quận|thị trấn)\b")
_LEVEL_AT_END = re.compile(r"\s((?:của\s+)?(?:cấp\s+)?(?:tỉnh|huyện|xã|thành phố|thị xã|phường|các cấp))$")


def share_level(names: list[str]) -> list[str]:
    """`Ủy ban MTTQ xã và các tổ chức chính trị - xã hội` → the level word `xã` applies to
    both. Only bodies that exist at every level take a shared level word."""
    # (`UBND các huyện, thành phố` ends in one of several levels: it has a level, none to share)
    levels = [("" if _PLURAL_LEVELS.search(n) else m.group(1)) if (m := _LEVEL_AT_END.search(n)) else None for n in names]
    given = {lv.removeprefix("của ").strip() for lv in levels if lv is not None}
    if len(given) != 1 or "" in given:
        return names
    level = given.pop()
    return [n if lv or not _SHARES_LEVEL.search(n) else f"{n} {level}" for n, lv in zip(names, levels)]


_PLACE_COLLECTIVE = re.compile(rf"(?:các|những)\s+(?:{'|'.join(map(re.escape, PLACE_LEVELS))})"
                               rf"(?:\s*[,/-]\s*(?:{'|'.join(map(re.escape, PLACE_LEVELS))}))*", re.I)
_LOCAL_BODY = re.compile(rf"^({'|'.join(map(re.escape, LOCAL_BODIES))})\s+(?:cấp\s+)?"
                         rf"(?:{'|'.join(map(re.escape, PLACE_LEVELS))})\b")


# one unit named after the units of a level (`UBND các quận, huyện và thành phố Thủ Đức`)
_LOCAL_UNITS = re.compile(rf"^({'|'.join(map(re.escape, LOCAL_BODIES))})\s+(?:các|những)\s+(?:{'|'.join(map(re.escape, PLACE_LEVELS))})\b")
_NAMED_UNIT = re.compile(r"(?:thành phố|thị xã|quận|huyện)(?:\s+\p{Lu}\p{Ll}*){1,3}")


_LOCAL_UNIT_NAMED = re.compile(rf"^((?:{'|'.join(map(re.escape, LOCAL_BODIES))})\s+(?:huyện|thành phố|thị xã|quận|xã|phường|thị trấn))"
                               r"(?:\s+\p{Lu}\p{Ll}*){1,3}$")
_PLACE_NAME = re.compile(r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}")


def share_body(names: list[str]) -> list[str]:
    """`Uỷ ban nhân dân thành phố và các huyện`: the units listed after a local body are
    that body at those units (`Ủy ban nhân dân các huyện`), not the places themselves."""
    out = list(names)
    for k in range(1, len(out)):
        body = _LOCAL_BODY.match(out[k - 1])
        if body and _PLACE_COLLECTIVE.fullmatch(out[k]):
            out[k] = f"{body.group(1)} {out[k]}"
        elif (units := _LOCAL_UNITS.match(out[k - 1])) and _NAMED_UNIT.fullmatch(out[k]):
            out[k] = f"{units.group(1)} {out[k]}"
        elif (unit := _LOCAL_UNIT_NAMED.match(out[k - 1])) and _PLACE_NAME.fullmatch(out[k]):
            out[k] = f"{unit.group(1)} {out[k]}"  # `UBND huyện Quang Bình, Bắc Quang`: the second huyện
    return out
