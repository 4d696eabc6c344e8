"""Where agency names are written in a paragraph, by their shape: a head noun (`Sở`,
`Ban`, `Trung tâm` …) and a capitalised name, a body that is a name by itself (`UBND`,
`Huyện ủy`, `Thanh tra`) with its level word (`tỉnh`, `các xã, phường`), or a
collective (`các sở, ban, ngành`). Nothing here knows any particular plan's bodies.
"""
from __future__ import annotations

import bisect
import re as std_re
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extractors.anchored import AnchoredSearch, branches_of, end_of_group, leading_words
from extractors.lexicon import task_verbs
from extractors.grammar.tries import trie_pattern
from extractors.grammar.syllables import split_glued
from extractors.agencies.names import (ABBREVIATIONS, COLLECTIVE_TAILS, COLLECTIVES, GENERICS, LEVEL_WORDS, NEEDS_LEVEL,
                           PLACE_LEVELS, PROPER_HEADS, STANDALONE_BODIES, is_generic)


@dataclass
class Mention:
    start: int  # paragraph coordinates
    end: int
    generic: bool = False
    name: str | None = None  # set when the name is not the text as written
    extended: bool = False  # the name was read to the end of a heading or label
    listed: bool = False  # one more kind of body in a list that `các` opened (`các ban đảng, đảng đoàn`)
    carrier: bool = False  # only carries a list on to its verb, never reported (`… trung ương và địa phương`)

    def copy(self) -> Mention:
        """A twin to extend apart from the original (`dataclasses.replace` runs `__init__` and
        reads every field anew: several times slower, for every mention of every paragraph)."""
        twin = object.__new__(Mention)
        twin.__dict__.update(self.__dict__)
        return twin


def _longest_first(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _alt(words) -> str:
    """The words as one alternation that tries the longest match first, written as a trie: the
    same matches as `_longest_first`. Literal words only, matched case-sensitively."""
    return trie_pattern(words)


# heads sometimes written in lower case in district and commune texts (`phòng Văn hóa - Thông tin`)
# (`chỉ đạo ngành Y tế tỉnh chủ trì`: a sector's bodies named by the sector)
LOWERCASE_HEADS = ("sở", "phòng", "trung tâm", "chi cục", "văn phòng", "ngành")
_B = r"(?<![\p{L}\p{N}])"
# `trực thuộc` closes a collective's name unless its owner follows (`… trực thuộc Huyện ủy`)
_OWNERLESS = rf"(?:\s+trực thuộc(?!\s+(?:{_alt(STANDALONE_BODIES)})))?"
_E = r"(?![\p{L}\p{N}])"


def _any_case_first(pattern: str) -> str:
    r"""`sở,\s*ngành` also as written at a sentence's start or in title case (`Các Sở, ban, ngành`)."""
    first = pattern[:1]
    return f"[{first}{first.upper()}]{pattern[1:]}" if first.islower() else pattern


# the party's units of a kind, as the committees of them are written
_PARTY_UNITS = rf"(?:chi bộ|đảng bộ|tổ chức cơ sở đảng)(?:\s+cơ sở)?{_OWNERLESS}"
_COLLECTIVE_ALT = "|".join(_any_case_first(c.replace(r"(?:\s+trực thuộc)?", _OWNERLESS)) for c in COLLECTIVES)
# `các xã, thị trấn`, `7 huyện, thành phố`, `các tỉnh/thành phố`: the units of a level, as bodies
_PLACE_LIST = rf"(?:{_alt(PLACE_LEVELS)})(?:\s*(?:,|/|-)\s*(?:{_alt(PLACE_LEVELS)}))*"
# web copies lose spaces between syllables (`Ủyban nhân dân`): a body's spelling matches with or without them
# (`Ủy ban Mặt trận Tổ quốc Việt nam xã`: the country's name as some pages write it)
_STANDALONE = re.compile(rf"{_B}(?:{_longest_first(STANDALONE_BODIES).replace(chr(92) + ' ', '[ ]?').replace('Nam', '[Nn]am')}){_E}")
# (a name glued to the clock time a news page prints before it: `26/04 19:05Ban Tổ chức Trung ương`)
_B_TIMED = rf"(?:{_B}|(?<=\d:\d\d))"
# (`đề nghị ban Dân tộc …`: a board written in lower case, as news write it; not the `ban` of `ủy ban`, nor a meeting's `giao ban`)
# (not the `sở` of `cơ sở`: `các cơ sở Đoàn` are the Youth Union's grassroots units, not a department)
_HEAD = re.compile(rf"{_B_TIMED}(?<!(?<![\p{{L}}])[Cc]ơ\s)(?:{_alt(PROPER_HEADS)}|{_alt(LOWERCASE_HEADS)}|(?<!(?:[ủỦuU][ỷy]|[Tt]iểu|[Gg]iao)\s)ban(?=\s+\p{{Lu}}\p{{Ll}})){_E}")
_LEVEL = rf"(?:{_alt(LEVEL_WORDS)})"
_UNIT_KINDS = r"(?:hạt|trạm|đội|phòng|trung tâm|chi cục)"
_UNIT_KIND_AT = re.compile(_UNIT_KINDS + r"\s")
_OFFICE_KIND = re.compile(r"[Cc]ơ quan\s+\p{Ll}+(?:\s+\p{Ll}+)?(?=\s+(?:các cấp|cấp\s))")
# `các`, `từng`, `những` or a count (not a date's or a figure's part) before the collectives' names
# the mass organisations by the kind of member, as their own levels are written (`hội nông dân`, `Hội
# LHPN`, `hội CCB`), in any case
_MASS_ORG = (r"(?:(?i:nông\s+dân|liên\s+hiệp\s+phụ\s+nữ|phụ\s+nữ|cựu\s+chiến\s+binh|người\s+cao\s+tuổi|chữ\s+thập\s+đỏ|khuyến\s+học)"
             r"|LHPN|CCB|NCT|CTĐ)")
_COUNTED = r"(?:[Cc]ác|[Tt]ừng|[Nn]hững|(?<![/.,]\s?)\d{1,3})\s+"
_COLLECTIVE = re.compile(
    rf"{_B}(?:{_COUNTED}(?:{_COLLECTIVE_ALT})|[Đđ]ơn vị sự nghiệp(?:\s+công lập)?"
    # (`06 xã trở lên hoàn thành tiêu chí …`: how many units a target counts, not bodies)
    # (`6 tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới (mục tiêu là 15 tỉnh)`: how many units reached
    # a goal, a result or a target, not bodies)
    rf"|(?:[Cc]ác|(?<![/.,]\s?)\d{{1,3}}(?!\s+{_PLACE_LIST}\s+(?:đã\s+)?(?:hoàn thành|đạt)(?![\p{{L}}])))\s+{_PLACE_LIST}(?!\s+trở\s+(?:lên|xuống))"
    # the list goes on without repeating `các`: `các chi bộ, đảng bộ trực thuộc`
    rf"|(?<=(?<![\p{{L}}])(?:[Cc]ác|[Nn]hững)\s[^.;:\n]{{1,60}}?,\s*)(?:{_COLLECTIVE_ALT})"
    # the units of a level listed after the departments with the same `các` (`đề nghị các sở, ban,
    # ngành, huyện, thị xã, thành phố trong tỉnh, …`): their governments, as a set
    rf"|(?<=(?<![\p{{L}}])[Cc]ác\s+sở,\s*ban,\s*ngành,\s*){_PLACE_LIST}(?!\s+hội)"
    # the committees of the party's units: `cấp ủy các chi bộ, đảng bộ cơ sở`
    rf"|[Cc]ấp\s+(?:ủy|uỷ)\s+(?:các|những)\s+(?:{_PARTY_UNITS})"
    # opening an item: `1. Sở, ban, ngành, UBND quận-huyện …`, `2. Bộ, ngành trung ương và địa phương …`
    rf"|Sở,\s*(?:ban,\s*)?ngành|Bộ,\s*ngành"
    # the central bodies by kind, listed bare after named ones (`đôn đốc …, Kiểm toán nhà nước, Bộ, cơ
    # quan ngang Bộ, cơ quan thuộc Chính phủ và Uỷ ban nhân dân các tỉnh, thành phố gửi báo cáo …`)
    rf"|(?<=,\s*)Bộ,\s*cơ quan ngang [Bb]ộ(?:,\s*cơ quan thuộc Chính phủ)?"
    # a kind of office written in lower case and kept at every unit of a level: `hạt kiểm lâm
    # các huyện, thành phố`, `trạm y tế các xã` (the words between are checked in `_mention_end`)
    rf"|{_UNIT_KINDS}(?:\s+\p{{Ll}}+){{1,3}}?(?=\s+(?:các|những)\s+{_PLACE_LIST})"
    # the cooperatives a local government urges (`đôn đốc các hợp tác xã nông nghiệp theo dõi tình hình`);
    # with `các`, not a count of them (`thành lập mới 5 hợp tác xã`, a target)
    # the local governments written with `các` before the body (`giao chỉ tiêu … cho các UBND tỉnh,
    # thành phố trực thuộc Trung ương`): `UBND các tỉnh, thành phố` (`names.expand` puts it so)
    rf"|[Cc]ác\s+(?:UBND|[ỦU][ỷy] ban nhân dân)\s+{_PLACE_LIST}"
    rf"|[Cc]ác\s+hợp tác xã(?:\s+(?:dịch vụ\s+)?nông nghiệp)?"
    # a mass organisation's own levels, as its province's body writes to them (`các cấp hội LHPN trong tỉnh
    # sẽ triển khai …`, `chỉ đạo các cấp hội nông dân phát động …`, `để các cấp bộ Đoàn … triển khai`), and
    # their executive committees (`chỉ đạo Ban chấp hành Hội Cựu chiến binh các cấp chủ động chuẩn bị …`)
    rf"|[Cc]ác\s+cấp\s+(?:bộ\s+[Đđ]oàn|[Cc]ông\s+đoàn|[Hh]ội(?:\s+{_MASS_ORG})?)(?![\p{{L}}])"
    rf"|[Bb]an\s+[Cc]hấp\s+hành\s+(?:(?:[Hh]ội\s+{_MASS_ORG}|[Đđ]oàn(?:\s+[Tt]hanh\s+niên)?|[Cc]ông\s+đoàn)(?:\s+Việt\s+Nam)?)"
    rf"(?=\s+các\s+cấp(?![\p{{L}}]))"
    # the investor and the contractor of works, named without `các` as the ones who must act
    # (`Chủ đầu tư các dự án xây dựng cơ bản trên địa bàn tỉnh … phải giải ngân hết …`, `phối hợp
    # cùng chủ đầu tư và UBND các xã …`, `Đồng thời, nhà thầu tập trung nhân lực …`): whose works
    # they are, up to where the works lie, is part of the name
    rf"|(?<!(?:[Cc]ác|[Nn]hững|[Tt]ừng)\s)(?:[Cc]hủ đầu tư|[Nn]hà thầu)"
    rf"(?:\s+các\s+(?:dự án|công trình)(?:\s+(?!(?:trên|tại|phải|thuộc|đã|được|có|cần|sử)(?![\p{{L}}]))\p{{Ll}}+){{0,3}})?"
    # the forest rangers, a state force named by what it is (`Chỉ đạo lực lượng kiểm lâm các cấp thường
    # xuyên kiểm tra`, `phối hợp với lực lượng kiểm lâm`); not the generic `lực lượng vũ trang`
    rf"|[Ll]ực lượng kiểm lâm(?![\p{{L}}])"
    rf"|[Cc]ông an\s+các\s+(?:{_PLACE_LIST}|{_LEVEL})"  # `Công an các huyện, thành phố`: every unit listed
    # a named unit listed after the units a local government is written for: `UBND các quận,
    # huyện và thành phố Thủ Đức` (the shared body is applied in `names.share_body`)
    rf"|(?<=(?:UBND|[ỦU][ỷy] ban nhân dân)\s+(?:các|những)\s+{_PLACE_LIST}\s*(?:,\s*|\s+và\s+|,\s*và\s+))"
    rf"(?:thành phố|thị xã|quận|huyện)(?:\s+\p{{Lu}}\p{{Ll}}*){{1,3}}"
    # the Government as the partner a body is asked to work with (`đề nghị Tổng Liên đoàn Lao
    # động Việt Nam phối hợp chặt chẽ, hiệu quả hơn nữa với Chính phủ`); elsewhere a report
    # tells what it does (`Chính phủ nhận định …`), or it issues (`của Chính phủ`)
    rf"|(?<=phối hợp[^.;:\n]{{0,40}}\s(?:với|cùng)\s)Chính phủ"
    # a district's merged office written in lower case, its two fields joined by a dash:
    # `chỉ đạo phòng tài chính - kế hoạch rút dự toán` (the words are checked in `_mention_end`)
    rf"|phòng\s+\p{{Ll}}+\s+\p{{Ll}}+\s*-\s*\p{{Ll}}+\s+\p{{Ll}}+"
    # a class of bodies a directive names without `các`: `Phòng Giáo dục và Đào tạo chỉ đạo
    # trường học tổ chức hoạt động …`
    # (`UBND huyện đã chỉ đạo cơ quan chuyên môn, chính quyền các địa phương làm tốt …`: the
    # offices of the government that directs, named by their kind)
    rf"|(?<=(?:chỉ đạo|yêu cầu|đề nghị|giao cho)\s)(?:trường học|trạm y tế|cơ sở giáo dục|cơ quan chuyên môn|phòng chuyên môn)"
    rf"(?=\s+\p{{Ll}}|\s*,\s*\p{{L}})"
    # a council's text names its standing committee and its boards without the council
    # (`Đồng thời Thường trực hướng dẫn …`, `yêu cầu Thường trực và các Ban tập trung triển khai`);
    # not a person's or an office's title (`Phó Bí thư Thường trực`, `cơ quan Thường trực`)
    rf"|(?<!(?:[Bb]í thư|[Cc]ơ quan|[Đđ]ơn vị|Ban|Văn phòng|[Cc]hủ tịch|[Ủủ]y viên|[Đđ]ồng chí|[Cc]ác|[Ll]à|[Tt]rong)\s)"
    rf"Thường trực(?=\s+(?:và\s|\p{{Ll}}))"
    rf"|[Cc]ác\s+Ban(?!\s+quản lý)(?=\s*,|\s+và\s|\s+(?!của(?![\p{{L}}]))\p{{Ll}})"
    # a school's board of directors, of the schools a text names or of every one (`Phòng GD-ĐT
    # huyện và Ban giám hiệu các trường cần tăng cường tuyên truyền`)
    rf"|[Bb]an\s+[Gg]iám\s+hiệu(?:\s+(?:các\s+|những\s+)?(?:trường(?:\s+học)?|nhà\s+trường))?"
    # (`Lực lực vũ trang`: the head's first syllable typed again for its second, read as the head
    # where the kind of force follows; `names.expand` spells it out)
    # (`Lực lượng Công an và chính quyền các cấp nắm chắc tình hình …`: the kind capitalised as a name;
    # `phối hợp với bộ đội biên phòng thông báo …`: the border force written in lower case)
    rf"|[Ll]ực\s+(?:lượng|lực)\s+(?:[Cc]ông an|[Qq]uân sự|vũ trang|[Dd]ân quân(?:\s+tự vệ)?|[Bb]iên phòng)(?![\p{{L}}])"
    rf"|bộ đội biên phòng(?![\p{{L}}])"
    # a kind of office kept at every level, written without `các`: `cơ quan quân sự các cấp chủ
    # động tham mưu …` (the kind's words are checked in `_mention_end`; government bodies and
    # the competent ones in general stay generic: `cơ quan chính quyền các cấp`)
    rf"|(?<!(?:[Cc]ác|[Nn]hững|[Tt]ừng)\s)[Cc]ơ quan\s+(?!(?:chuyên môn|chức năng|chính quyền|nhà nước|liên quan)(?![\p{{L}}]))"
    rf"\p{{Ll}}+(?:\s+\p{{Ll}}+)?(?=\s+(?:các cấp|cấp\s+(?:tỉnh|huyện|xã|cơ sở))(?![\p{{L}}])))"
    rf"{_E}")
_GENERIC = re.compile(
    rf"{_B}(?:(?:[Cc]ác|[Tt]ừng)\s+(?:{'|'.join(GENERICS)})|[Cc]ơ quan,\s*đơn vị(?:,\s*địa phương)?"
    # (`yêu cầu các bộ, …, UBND các tỉnh, thành phố trực thuộc trung ương, các doanh nghiệp và các tổ chức
    # đoàn thể - xã hội thực hiện …`: the firms and the mass organisations a directive lists with the bodies)
    rf"|(?<=(?:,|\svà)\s*)(?:[Cc]ác\s+doanh nghiệp|[Cc]ác\s+tổ chức đoàn thể(?:\s+chính trị)?\s*[-–]\s*xã hội"
    rf"|tổ chức đoàn thể(?:\s+chính trị)?\s*[-–]\s*xã hội)"
    # `các tổ chức thủy lợi`: organisations of a named kind (bare `các tổ chức` is none)
    rf"|[Cc]ác\s+tổ chức(?=\s+\p{{Ll}})"
    rf"|[Đđ]ơn vị\s+(?:có\s+)?liên quan|(?<=,\s*)(?:[Đđ]ịa phương|[Đđ]ơn vị)"
    # (`Các sở, ban ngành, UBND các huyện, … và cơ quan có liên quan chịu trách nhiệm …`: the concerned
    # offices closing a list, written without `các`, as `đơn vị có liên quan` is)
    rf"|(?<=(?:,|\svà)\s*)[Cc]ơ quan\s+(?:có\s+)?liên quan"
    # (`Các bộ, cơ quan trung ương và địa phương đánh giá …`: the local ones listed last, without `các`)
    # (`các bộ, ngành và địa phương phải đưa dịch vụ công lên …`: the provinces after the ministries)
    rf"|(?<=(?:[Tt]rung ương|(?<![\p{{L}}])ngành)\s+và\s+)[Đđ]ịa phương"
    # the actors a province's call lists between its bodies: `Các sở, ban, ngành, tổ chức đảng,
    # Mặt trận Tổ quốc, đoàn thể, lực lượng vũ trang, … và doanh nghiệp nhà nước thuộc tỉnh`
    rf"|(?<=(?:,|\svà)\s*)(?:tổ chức đảng|đoàn thể|doanh nghiệp nhà nước)){_E}")
_TAIL = re.compile(rf"\s+(?:{'|'.join(COLLECTIVE_TAILS)}){_E}")
# `… thuộc UBND tỉnh`, `… tham mưu giúp việc Huyện ủy`: whose units they are
_OWNER = re.compile(rf"\s+(?:trực thuộc|thuộc|tham mưu,?\s*giúp việc|giúp việc)\s+(?=(?:{_alt(STANDALONE_BODIES)}){_E})")
# a collective's owner may also be a head noun with its name: `các đơn vị trực thuộc Bộ VHTTDL`,
# `các đơn vị thuộc Tổng cục Thống kê`
# a mass organisation's centre as the owner of units (`thuộc Trung ương Đoàn`, `thuộc Trung ương Hội`)
_CENTRAL_OWNER = re.compile(r"\s+(?:trực thuộc|thuộc)\s+Trung ương\s+(?:Đoàn|Hội)(?![\p{L}])")
_NAMED_OWNER = re.compile(r"\s+(?:trực thuộc|thuộc)\s+")
# bodies named by where they are based, not by who owns them (`các cơ quan Trung ương đóng chân
# trên địa bàn tỉnh`, `thủ trưởng các cơ quan đóng trên địa bàn thị trấn`): the place closes the name
_STATIONED = re.compile(r"\s+đóng\s+(?:chân\s+)?trên\s+địa\s+bàn\s+(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|thị xã|quận)(?![\p{L}])")
# heads a text writes alone for its own body (`thuộc Bộ`, `thuộc Sở`)
_SELF_OWNERS = {"Bộ", "Sở", "Tổng cục", "Cục", "Viện"}
_CAP = re.compile(rf"{_B}\p{{Lu}}\p{{Ll}}*{_E}")
_ABBR = re.compile(rf"{_B}\p{{Lu}}{{2,}}(?:[&-]\p{{Lu}}+)*{_E}")
_LOW = re.compile(rf"\s+(\p{{Ll}}+){_E}")
_PLACE = re.compile(r"(?:\s+\p{Lu}\p{Ll}*(?![\p{L}\p{N}])){1,3}")

# lowercase words that go on an official name after its capitalised word
# (`Phát triển nông thôn`, `Chính sách xã hội`, `Phục vụ hành chính công`)
NAME_TAILS = ("nông thôn", "xã hội", "bệnh tật", "công nghiệp", "việc làm", "hành chính công")
# lowercase words that continue an official name only after a given capitalised word
# (`Giáo dục nghề nghiệp - Giáo dục thường xuyên`, `Kết cấu hạ tầng giao thông`)
NAME_COMPOUNDS = {
    "Giáo dục": ("nghề nghiệp", "thường xuyên"), "Kết cấu": ("hạ tầng giao thông", "hạ tầng"),
    # `Ban Quản lý các khu công nghiệp tỉnh …`: what the board manages is part of its name
    "Quản lý": ("dự án đầu tư xây dựng", "dự án", "thị trường", "các khu công nghiệp", "khu công nghiệp",
                "các khu kinh tế", "khu kinh tế"),
    "Phục vụ": ("hành chính công",), "Xúc tiến": ("đầu tư", "thương mại"),
    "Kiểm soát": ("bệnh tật",),
    # a commune's boards: `Ban Văn hóa thông tin xã`, `Ban Chỉ huy quân sự xã`
    "Văn hóa": ("thông tin",), "Văn hoá": ("thông tin",), "Chỉ huy": ("quân sự",), "Điều phối": ("nông thôn mới", "chương trình mục tiêu quốc gia"), "Chính sách": ("xã hội",), "Hợp tác": ("xã",), "Giao thông": ("vận tải",), "An toàn": ("giao thông",),
}
# a capitalised syllable and a function-word syllable that make one word of a name
# (`Bộ Ngoại giao`: `giao` is otherwise the verb that assigns)
CLOSED_WORDS = {"Ngoại giao", "Điều phối"}
# A lowercase syllable after a capitalised one belongs to the name (`Nội vụ`, `Kế hoạch`)
# unless it is a function word, a level word or the first half of a common verb.
STOP_SYLLABLES = {
    "có", "là", "và", "theo", "trong", "để", "về", "tại", "với", "của", "cho", "gửi", "các", "được",
    "đã", "sẽ", "đang", "cần", "phải", "thì", "mà", "từ", "đến", "trên", "dưới", "khi", "nếu", "do",
    "bị", "cùng", "những", "mỗi", "tỉnh", "huyện", "xã", "phường", "quận", "cấp", "lập", "trình",
    "cử", "giao", "làm", "ký", "nhận", "chủ", "phối", "tham",
}
STOP_BIGRAMS = {
    "thực hiện", "triển khai", "xây dựng", "hướng dẫn", "báo cáo", "kiểm tra", "chịu trách", "đề nghị",
    "đề xuất", "tổng hợp", "thẩm định", "chỉ đạo", "tổ chức", "rà soát", "theo dõi", "nghiên cứu",
    "bố trí", "tăng cường", "ban hành", "phê duyệt", "đôn đốc", "giám sát", "đánh giá", "quản lý",
    "cập nhật", "tiếp nhận", "tuyên truyền", "hỗ trợ", "định kỳ", "thường xuyên", "căn cứ", "kịp thời",
    "tiếp tục", "hoàn thành", "lãnh đạo", "cân đối", "bảo đảm", "đảm bảo", "nâng cao", "phát huy",
    "giải quyết", "ưu tiên", "thành phố", "thị xã", "thị trấn", "đặc khu", "địa phương", "phản ánh",
    "dự kiến", "chỉ định", "thông báo", "khẩn trương",
    "yêu cầu",  # a directing verb, like `đề nghị`: `Bộ Giáo dục và Đào tạo yêu cầu toàn ngành tập trung …`
    "đóng vai", "giữ vai",  # `Bộ Khoa học và Công nghệ đóng vai trò là cơ quan chủ trì …`
}


ROLE_WORDS = {"chủ trì", "phối hợp", "tham mưu", "đầu mối", "thường trực", "trách nhiệm", "liên quan", "khác"}


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def _starts_body(text: str, i: int) -> bool:
    """A new body begins at `i` (so a list goes on, not the name)."""
    if _STANDALONE.match(text, i):
        return True
    m = _HEAD.match(text, i)
    j = _skip_space(text, m.end()) if m else i
    return bool(m and (_CAP.match(text, j) or _ABBR.match(text, j)))  # `Sở Nội vụ`, `Sở VHTTDL`


@lru_cache(maxsize=None)  # one pattern per compound head (a handful)
def _name_tail(compound_tails: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\s+(?:{_alt(NAME_TAILS + compound_tails)}){_E}")


def _component(text: str, i: int, after_cap: bool = False) -> tuple[int, bool] | None:
    """One word of a proper name at `i`: (end, whether it is a whole body such as UBND).
    `after_cap`: the previous word was capitalised too (a proper noun run such as
    `Thái Nguyên`, whose syllables are all capitalised)."""
    m = _STANDALONE.match(text, i)
    joined = _ABBR.match(text, i)
    if m and not (joined and joined.end() > m.end()):  # `Văn phòng HĐND&UBND huyện`: one office of two
        return m.end(), True
    if joined:
        return joined.end(), False
    m = _CAP.match(text, i)
    if not m:
        return None
    end = m.end()
    low = None if after_cap else _LOW.match(text, end)
    if low:
        syl = low.group(1)
        nxt = _LOW.match(text, low.end())
        glued = split_glued(syl)
        if glued and glued[1] != "và" and _ends_name(glued[1], nxt.group(1) if nxt and text.startswith(" ", low.end()) else None):
            # `Sở Tài nguyên và Môi trườngchủ trì`: a web copy glued the name's last syllable
            # to the role word after it; the name ends at the glue (`Bộ Kế hoạchvà Đầu tư`
            # goes on: `và` joins the name's words)
            return low.start(1) + len(glued[0]), False
        if f"{m.group()} {syl}" in CLOSED_WORDS or \
                (syl not in STOP_SYLLABLES and not (nxt and f"{syl} {nxt.group(1)}" in STOP_BIGRAMS)):
            end = low.end()
            tail = _name_tail(NAME_COMPOUNDS.get(text[i:end], ())).match(text, end)
            end = tail.end() if tail else end
    if _settled_end(text, end):
        return end, False
    return end, False


def _ends_name(word: str, following: str | None) -> bool:
    """`word` (then `following`) is a function word, a common verb or a role word, which
    no name goes on with."""
    return word in STOP_SYLLABLES or bool(following and f"{word} {following}" in STOP_BIGRAMS | ROLE_WORDS)


def _settled_end(text: str, end: int) -> bool:
    """The rules already know the name ends at `end`: punctuation, a capital, a level word,
    a function word or a common verb follows."""
    nxt = _LOW.match(text, end)
    if not nxt or not text.startswith(" ", end):
        return True
    if _level_at(text, end + 1) is not None:
        return True
    after = _LOW.match(text, nxt.end())
    word = nxt.group(1)
    return word in STOP_SYLLABLES or bool(after and f"{word} {after.group(1)}" in STOP_BIGRAMS | ROLE_WORDS)


# (`các` glued to its level by a web copy: `UBND cáchuyện, thành phố`)
# (`UBND các huyện, thị xã và thành phố`: a plural list of levels closes with `và`, unless a
# named unit follows, which `names.share_body` reads: `… và thành phố Thủ Đức`)
# (`UBND các xã phường, thị trấn`: a comma lost inside a plural list that goes on with commas)
# (`UBND 8 xã chủ động thực hiện`: a count of the units stands where `các` would)
# (`Thường trực Hội đồng nhân dân cấp tỉnh, cấp xã`: each level of a list written with its own `cấp`)
_LEVEL_AT = re.compile(rf"cấp\s+{_LEVEL}(?:\s*,\s*cấp\s+{_LEVEL})+{_E}"
                       rf"|(?:các\s*|cấp\s+|\d{{1,3}}\s+(?={_PLACE_LIST}))?{_LEVEL}(?:\s*[,/-]\s*{_LEVEL}|(?<=các\s*{_LEVEL})\s+{_LEVEL}(?=\s*,\s*{_LEVEL}{_E}))*{_E}"
                       rf"(?:(?<=các\s*{_LEVEL}\s*[,/-]\s*[^\n]{{1,40}})(?:\s*,)?\s+và\s+{_LEVEL}{_E}(?!\s+\p{{Lu}}))?"
                       # (`Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các ngành, các cấp`: every sector's and level's)
                       rf"|các\s+ngành,\s*các\s+cấp{_E}|các\s+cấp,\s*các\s+ngành{_E}"
                       rf"|các cấp{_E}")


def _level_at(text: str, i: int) -> int | None:
    m = _LEVEL_AT.match(text, i)
    return m.end() if m else None


# the units of a level picked by the region they lie in, part of the name (`UBND các tỉnh ven biển`,
# `UBND các tỉnh Bắc Trung bộ và Bắc bộ`, `Ủy ban nhân dân các tỉnh, thành phố vùng dân tộc thiểu số
# và miền núi`, `Sở VHTT các tỉnh, thành phố vùng đồng bào Khmer Nam Bộ`, `… ven biển từ Quảng Ninh
# đến Quảng Ngãi`): a kind of land or a region's proper name, not a named province
_REGION_ONE = (r"(?:(?:ven|tuyến)\s+biển|biên\s+giới|miền\s+núi(?:\s+phía\s+(?:Bắc|Nam))?|dân\s+tộc\s+thiểu\s+số"
               r"|(?:(?:Đông|Tây)\s+)?(?:Bắc|Nam)(?:\s+Trung)?\s+[Bb]ộ|Trung\s+[Bb]ộ|Tây\s+Nguyên|miền\s+(?:Bắc|Trung|Nam)"
               r"|Đồng\s+bằng\s+sông\s+(?:Hồng|Cửu\s+Long))")
# (`các tỉnh, thành phố từ Thanh Hóa đến Đà Nẵng`: the stretch of coast a storm's letter names,
# written with no kind of land before it; `các địa phương thuộc khu vực Bắc Bộ`: the region said
# with `khu vực`, and whose it is with `thuộc`)
_STRETCH = r"từ\s+\p{Lu}\p{Ll}*(?:\s*\p{Lu}\p{Ll}*){0,2}\s+đến\s+\p{Lu}\p{Ll}*(?:\s*\p{Lu}\p{Ll}*){0,2}"
_REGION = re.compile(rf"\s+(?:(?:thuộc\s+)?(?:khu\s+vực|vùng)\s+)?(?:(?:đồng\s+bào\s+(?:\p{{Lu}}\p{{Ll}}+\s+)?)?{_REGION_ONE}"
                     rf"(?:(?:\s+và\s+|\s*-\s*)(?:(?:khu\s+vực|vùng)\s+)?{_REGION_ONE})*"
                     rf"(?:\s+{_STRETCH})?|{_STRETCH})"
                     r"(?![\p{L}\p{N}])")
# (`yêu cầu … và các địa phương có dự báo nguy cơ mưa lớn kéo dài sau bão theo chức năng, nhiệm vụ, thẩm quyền
# tiếp tục …`: the localities picked by what they have, a noun phrase after `có` up to the words that say
# by what duty they act; without them `có` may be the verb: `Các địa phương có thông báo rộng rãi …`)
_WHICH_HAVE = re.compile(r"\s+có(?:\s+\p{Ll}+){1,12}(?=\s+theo\s+chức\s+năng(?![\p{L}]))")
_AFTER_CENTRE = re.compile(r"[Tt]rung ương\s+và\s+$")
# the localities of a level written bare, with no body's head (`các địa phương`, `các tỉnh, thành phố`),
# which a region may pick as a body's level is picked (`_with_level`)
_PLURAL_LOCAL = re.compile(rf"(?:[Cc]ác|[Nn]hững)\s+(?:địa phương|{_LEVEL})(?:\s*[,/-]\s*{_LEVEL})*")
_PLURAL_LEVEL = re.compile(r"(?:các|những)\s*\p{Ll}")


def _with_level(text: str, end: int) -> int:
    """Extend a name over its level word and place name (`tỉnh Thái Nguyên`, `các xã, phường`)."""
    j = _skip_space(text, end)
    lv = _level_at(text, j) if j > end else None
    if lv is None:
        return end
    if _PLURAL_LEVEL.match(text, j) and (region := _REGION.match(text, lv)):
        return region.end()
    place = _PLACE.match(text, lv)
    if place and not _starts_body(text, _skip_space(text, lv)):
        return place.end()
    return lv


_NAME_JOIN = re.compile(r"\s*-\s*|\s+và\s+|\s*&\s*|,\s+|\s+")
_NAME_NUMBER = re.compile(r"\d{1,3}(?=\s*[-–]\s*\p{Lu}|\s*[,;.)]|\s*$)")


def _proper_name_end(text: str, i: int, commas: bool = True) -> int | None:
    """End of the capitalised name after a head noun (`Sở| Kế hoạch và Đầu tư`).
    `commas`: a comma may join the name's words (`Văn hóa, Thể thao và Du lịch`); not in
    a list that shares one head (`các Sở: Y tế, Tài chính`)."""
    first = _component(text, i)
    if first is None:
        return None
    end, whole = first
    prev_start = i
    while not whole:
        m = _NAME_JOIN.match(text, end)
        if not m:
            break
        nxt = m.end()
        if (m.group().strip() in (",", "và") and _starts_body(text, nxt)) or (m.group().strip() == "," and not commas):
            break
        if "-" in m.group() and _ROLE_APPOSITION.match(text, nxt):
            break  # `Sở Giao thông - Vận tải - Cơ quan Thường trực Ban An toàn giao thông tỉnh`: its role, not its name
        if "\n" in m.group() and end - (text.rfind("\n", 0, end) + 1) < 60:
            break  # a short line ends by itself (a menu, a title), not by wrapping
        if m.group().strip() in (",", "và") and _PERSON_TITLE.match(text, nxt):
            break  # `Giám đốc Sở Giáo dục và Đào, Giám đốc Sở Y tế`: the next person's office, not a field
        # a capitalised run (`Thái Nguyên`) is one proper noun: no lowercase syllable inside
        # (a head noun inside the name is not part of such a run: `Văn phòng Ban An toàn giao
        # thông`, `Bộ Quốc phòng`, `Đảng ủy Khối Cơ quan`)
        after_cap = m.group() == " " and end - prev_start <= 8 and " " not in text[prev_start:end] \
            and text[prev_start:end] not in _INNER_HEADS
        comp = _component(text, nxt, after_cap)
        if comp is None and m.group() == " ":
            # a number that is part of the name: `Ban Quản lý dự án 85 - Bộ GTVT`
            num = _NAME_NUMBER.match(text, nxt)
            comp = (num.end(), False) if num else None
        if comp is None and m.group().strip() == "và":
            # `Sở Kế hoạch và đầu tư`: a known field's second half typed in lower case
            comp = _known_field_end(text, i, end, nxt)
        if comp is None and m.group().strip() == "," and _FIGHT_OPENED.search(text, prev_start, end):
            # `Cục Quản lý Đê điều và Phòng, chống thiên tai`: the comma inside the field's fixed pair
            fought = _FOUGHT.match(text, nxt)
            comp = (fought.end(), False) if fought else None
        if comp is None:
            break
        prev_start = nxt
        end, whole = comp
    if not whole and (fire := _FIRE_FIELD.match(text, end)):
        # `Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng`: the unit's second field, a fixed pair
        # in lower case with its comma inside
        end = fire.end()
    return end


# the fixed pairs of a field that are written with a comma inside (`phòng, chống`, `phòng cháy, chữa
# cháy`): the comma joins the pair, not two bodies
_FIGHT_OPENED = re.compile(r"(?<![\p{L}])[Pp]hòng$")
_FOUGHT = re.compile(r"chống(?:\s+(?!(?:và|của|tại|trên|trong|cho|với|theo|để|các|tỉnh|huyện|xã|làm|có|chủ|phối)(?![\p{L}]))\p{Ll}+){1,3}(?![\p{L}\p{N}])")
_FIRE_FIELD = re.compile(r"(?:[^\S\n]+(?!và(?![\p{L}]))\p{Ll}+){0,2}[^\S\n]+và[^\S\n]+phòng[^\S\n]+cháy,?[^\S\n]*chữa[^\S\n]+cháy"
                         r"(?:[^\S\n]+rừng|[^\S\n]+và[^\S\n]+cứu[^\S\n]+nạn,?[^\S\n]*cứu[^\S\n]+hộ)?(?![\p{L}])")


# the fields whose two halves a `và` joins, as the short forms spell them out (`KH&ĐT`)
_FIELD_HALVES = tuple(sorted({tuple(f.split(" và ", 1)) for f in ABBREVIATIONS.values()
                              if " và " in f and f[:1].isupper()}, key=lambda h: -len(h[1])))


def _known_field_end(text: str, i: int, end: int, nxt: int) -> tuple[int, bool] | None:
    for first, second in _FIELD_HALVES:
        stop = nxt + len(second)
        if text[i:end].endswith(first) and text[nxt:stop].casefold() == second.casefold() \
                and not _LETTER.match(text, stop):
            return stop, False
    return None


_INNER_HEADS = frozenset(h for h in PROPER_HEADS if " " not in h) | {"Khối"}
# what a body is to another, set after its name by a dash (`… - Cơ quan Thường trực Ban An toàn giao thông tỉnh`)
_ROLE_APPOSITION = re.compile(r"[Cc]ơ quan\s+(?:[Tt]hường trực|[Đđ]ầu mối|chủ trì|[Cc]hủ trì)(?![\p{L}])")
# (`với Bộ KH-ĐT, Thủ tướng giao …`: the head of government, a person, after the body)
_PERSON_TITLE = re.compile(r"(?:Phó\s+)?(?:Tổng\s+)?(?:Giám đốc|Chủ tịch|Thủ trưởng|Thủ tướng|Bí thư|Trưởng ban|Chánh Văn phòng)(?![\p{L}])")
_ROLE_AFTER = re.compile(r"\s*(?:,\s*)?(?:chủ trì|phối hợp|là cơ quan|là đơn vị|chịu trách nhiệm|có trách nhiệm)(?![\p{L}])")


_LOWER_WORDS = {n: re.compile(rf"(?:\s+\p{{Ll}}+){{{n}}}(?![\p{{L}}])") for n in (1, 2, 3, 4)}
# a movement's quoted title after the words a steering board is named by (`Ban Chỉ đạo phong
# trào “Toàn dân …”`, `Ban Chỉ đạo trung ương Phong trào “…”`): its capitalised kind kept
_QUOTE_AHEAD = re.compile(r"(?:\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)?(?=\s*[“\"])")
_FIELD_DASH = re.compile(r"[^\S\n]*[-–][^\S\n]*(?=\p{Lu}\p{Ll})")
_COMPASS_SIDE = re.compile(r"\s+phía\s+(?:Bắc|Nam|Đông|Tây)(?![\p{L}])")
_CENTRE_AHEAD = re.compile(r"\s+Trung ương(?![\p{L}])")
_BRIDGE_SEP = re.compile(r"\s*(?:,|;|\s+và)\s+")
# an office named by one field so far (`Phòng Chính trị`), which a second may follow in lower case
_OFFICE_ONE_FIELD = re.compile(r"(?<![\p{L}])(?:Phòng|Ban|Vụ)\s+\p{Lu}\p{Ll}*\s+\p{Ll}+$")
_COMMA_FIELD_BEFORE_ROLE = re.compile(r",[^\S\n]*(\p{Ll}+[^\S\n]+\p{Ll}+)(?=\s+(?:chủ trì|phối hợp)(?![\p{L}]))")


def _bridge(text: str, end: int) -> int:
    """Lowercase words that still belong to a name because a list separator and the next
    body, or a role word, follow them: `Cục Y tế dự phòng, Vụ Kế hoạch …`, `Cục Y tế
    dự phòng là đơn vị đầu mối`."""
    if _level_at(text, _skip_space(text, end)) is not None:
        return end
    if side := _COMPASS_SIDE.match(text, end):
        return side.end()  # `Cục Công tác phía Nam`: the side of the country it serves
    if (field := _COMMA_FIELD_BEFORE_ROLE.match(text, end)) and _OFFICE_ONE_FIELD.search(text, max(0, end - 40), end) \
            and not _GENERIC_KIND.match(text, _skip_space(text, end + 1)):
        words = field.group(1).split()
        if not (set(words) & (STOP_SYLLABLES | _ADVERBS) or " ".join(words) in STOP_BIGRAMS | ROLE_WORDS):
            return field.end()  # `Phòng Chính trị, tư tưởng phối hợp với …`: the office's second field, in lower case
    for n in (1, 2, 3, 4):
        m = _LOWER_WORDS[n].match(text, end)
        if not m:
            break
        words = m.group().split()
        pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
        # (a verb's syllable ends the name only where a word starts: `công trình` is a noun)
        if words[0] in STOP_SYLLABLES or any(w in _FUNCTION_SYLLABLES for w in words) \
                or pairs & (STOP_BIGRAMS | ROLE_WORDS):
            break
        if any(w in _ADVERBS for w in words) or _TASK_START.match(text, end):
            break
        nxt = _BRIDGE_SEP.match(text, m.end())
        # (`phối hợp với Vụ Văn hóa dân tộc, các đơn vị trực thuộc Bộ VHTTDL`: a plural set of units next)
        if n < 4 and ((nxt and (_starts_body(text, nxt.end()) or _COLLECTIVE.match(text, nxt.end())
                                or _GENERIC_KIND.match(text, nxt.end())))
                      or _ROLE_AFTER.match(text, m.end())):
            return m.end()
        if n < 4 and (quote := _QUOTE_AHEAD.match(text, m.end())) and _QUOTED_TITLE.match(text, quote.end()):
            return quote.end()
        # `Ban Chỉ đạo Công tác dân số - Kế hoạch hóa gia đình huyện …`: two fields joined by a dash
        if n < 3 and _MIXED_WORD_END.search(text, max(0, end - 40), end) \
                and (dash := _FIELD_DASH.match(text, m.end())) and not _ROLE_APPOSITION.match(text, dash.end()) \
                and (field_end := _proper_name_end(text, dash.end(), commas=False)):
            return _bridge(text, field_end)
        # `Hội Liên hiệp Văn học nghệ thuật tỉnh`: a level word closes the name the words belong to;
        # `Trung tâm Huấn luyện và Thi đấu Thể dục thể thao tổ chức …`: the body's task follows them
        if _MIXED_WORD_END.search(text, max(0, end - 40), end) and (
                _level_at(text, _skip_space(text, m.end())) is not None or _TASK_START.match(text, m.end())):
            return m.end()  # (only after a name already run into lower case: `Văn học`, `Thể dục`)
        # `Ban Tiếp công dân Trung ương`, `Văn phòng Điều phối nông thôn mới Trung ương`: the centre
        # closes a central body's name as a level word closes a local one's
        if _MIXED_WORD_END.search(text, max(0, end - 40), end) and (centre := _CENTRE_AHEAD.match(text, m.end())):
            return centre.end()
    return end


_FUNCTION_SYLLABLES = STOP_SYLLABLES - {"lập", "trình", "cử", "giao", "làm", "ký", "nhận", "chủ", "phối", "tham", "gửi"}
# a name's last word written as a capital then a lowercase syllable (`Văn học`, `Quản lý`)
_MIXED_WORD_END = re.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}*\s+\p{Ll}+$")
# the words that open what a body does (the lexicon's task verbs), and the adverbs that may
# stand before them (`Sở Y tế khẩn trương triển khai`): neither is part of a name
_TASK_START = re.compile(rf"\s+(?:{_alt(task_verbs('agency'))}|được giao){_E}")
_ADVERBS = {"khẩn", "trương", "tích", "cực", "chủ", "động", "kịp", "thời", "nghiêm", "túc", "nhanh", "chóng",
            "sớm", "quyết", "liệt", "thường", "xuyên", "tiếp", "tục", "phấn", "đấu", "chịu", "trách", "nhiệm",
            "cũng", "vẫn", "đã", "sẽ", "đang", "cần", "phải", "luôn", "đều", "mới", "vừa", "khóa", "khoá"}


def _owner_tail(text: str, end: int, named: bool = False) -> int:
    """`… thuộc UBND tỉnh`: the owner closes the name. `named`: a head noun and its
    proper name may own too (collectives only: `Trung tâm Y tế thuộc Sở Y tế` names two)."""
    stationed = _STATIONED.match(text, end)
    if stationed:
        return stationed.end()  # `các cơ quan Trung ương đóng chân trên địa bàn tỉnh`: the bodies based in a place
    central = _CENTRAL_OWNER.match(text, end)
    if central:
        return central.end()  # `các ban, đơn vị thuộc Trung ương Đoàn`: the mass organisation's centre
    m = _OWNER.match(text, end)
    if m:
        body = _STANDALONE.match(text, m.end())
        return _with_level(text, body.end())
    m = _NAMED_OWNER.match(text, end) if named else None
    if m and (level := _level_at(text, m.end())) is not None:
        return level  # `doanh nghiệp nhà nước thuộc tỉnh`: the level's own
    head = _HEAD.match(text, m.end()) if m else None
    if head is None:
        return end
    if head.group() in _SELF_OWNERS and not _starts_body(text, head.start()):
        return head.end()  # `các đơn vị thuộc Bộ`: the ministry that writes
    j = _skip_space(text, head.end())
    if j == head.end() or not (_CAP.match(text, j) or _ABBR.match(text, j)):
        return end
    name_end = _proper_name_end(text, j, commas=False)
    return _with_level(text, name_end) if name_end else end


# Units named by their function rather than a proper name, as the 2025 two-level local
# government writes them: `Phòng chuyên môn thực hiện chức năng, nhiệm vụ về công tác dân
# tộc thuộc UBND xã`; `Ban và Phòng … thuộc HĐND và UBND xã` pairs them respectively.
_UNIT = r"(?:Ban|Phòng|Văn phòng|Cơ quan|Bộ phận|Tổ|cơ quan|bộ phận)(?:\s+(?:chuyên môn|chuyên trách|giúp việc))?"
_PARENT = rf"(?:{_alt(STANDALONE_BODIES)})"
_FUNCTIONAL = re.compile(
    rf"{_B}(?P<h1>{_UNIT})(?:\s+và\s+(?P<h2>{_UNIT}))?\s+(?P<mid>(?:thực hiện|có|được giao)\s+"
    rf"(?:chức năng,\s*nhiệm vụ|chức năng|nhiệm vụ)[^.;:]{{0,80}}?)\s+thuộc\s+(?P<p1>{_PARENT})"
    rf"(?:\s+và\s+(?P<p2>{_PARENT}))?(?P<lvl>\s+(?:cấp\s+)?{_LEVEL})?{_E}")


def _functional_units(text: str) -> list[Mention]:
    out = []
    for m in (_FUNCTIONAL.finditer(text) if "thuộc" in text else ()):  # (`thuộc` in every match)
        heads = [g for g in ("h1", "h2") if m.group(g)]
        parents = [m.group(g) for g in ("p1", "p2") if m.group(g)]
        level = m.group("lvl") or ""
        for k, h in enumerate(heads):
            parent = parents[k] if len(parents) == len(heads) else " và ".join(parents)
            name = f"{m.group(h)} {m.group('mid')} thuộc {parent}{level}"
            end = m.end() if k == len(heads) - 1 else m.end(h)
            out.append(Mention(m.start(h), end, False, name))
    return out


# `các Sở: Y tế, Tài chính, Kế hoạch và Đầu tư` — one head noun shared by a list of names
# (a news item counts them in lower case: `Thủ tướng vừa quyết định giao 5 bộ: KH-ĐT, NN-PTNT, Công thương, …`)
# (a plural head in lower case too: `Các sở: Giao thông vận tải, Y tế, GD&ĐT, VH,TT&DL, …`)
_SHARED_HEAD = re.compile(rf"{_B}(?:(?:[Cc]ác\s+)?(?P<head>Sở|Bộ|Ban|Phòng|Cục|Vụ|Trường|Trung tâm)"
                          rf"|(?:\d{{1,2}}|[Cc]ác)\s+(?P<counted>sở|bộ|Sở|Bộ))\s*:\s*")


# `UBND các tỉnh, thành phố: Hải Phòng, Quảng Nam` — one body at each level, named by place
_SHARED_LEVEL = re.compile(rf"{_B}(?P<body>{_alt(STANDALONE_BODIES)})\s+các\s+(?P<levels>{_LEVEL}(?:\s*,\s*{_LEVEL})*)\s*:\s*")
# the cities run by the centre: `UBND các tỉnh, thành phố: Hải Phòng` is the city's
CENTRAL_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Huế"}


_PLACE_NAMED = re.compile(r"\p{Lu}\p{Ll}*(?:[ -]\p{Lu}\p{Ll}*){0,3}(?![\p{L}\p{N}])")
_PLACE_SEP = re.compile(r"\s*(?:,|;|và|,\s*và)\s+")


# `các huyện Chương Mỹ, Đan Phượng, Sóc Sơn và Thanh Trì` — the units of one level named in a
# list: each is a body (its local government), named by the level and the place; a body
# written before (`UBND các huyện Chương Mỹ, Đan Phượng`) is each place's
_NAMED_PLACES = re.compile(rf"{_B}(?:(?P<body>{_alt(STANDALONE_BODIES)})\s+)?(?:[Cc]ác|[Nn]hững)\s+"
                           rf"(?P<level>{_alt(PLACE_LEVELS)})\s+(?=\p{{Lu}}\p{{Ll}})")


# (what every match of `_NAMED_PLACES` holds, bar the look-arounds: a paragraph without it is not
# scanned by the slow pattern; `[Cc]ác` holds `ác` and `[Nn]hững` holds `hững`)
_NAMED_PLACES_NEEDS = re.compile(rf"(?:ác|hững)\s+(?:{_alt(PLACE_LEVELS)})\s+\p{{Lu}}")


# a local unit a directive names by its level and place alone, no body written (`UBND tỉnh Vĩnh Long giao
# xã Giao Long cắm biển cảnh báo …`; a news report's `… đề nghị phường chủ động …`, its own ward):
# the unit's government is addressed; bare, the level must be followed by the task's verb (`xã hội`
# is society)
_DIRECTED_PLACE = re.compile(r"(?<=(?<![\p{L}])(?:giao|yêu cầu|đề nghị)\s+)(?:xã|phường|huyện|quận|thị trấn|thị xã)"
                             r"(?P<place>\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})?(?![\p{L}\p{N}])")


_SPEAKER_PRONOUN = re.compile(r"(?:^|[.!?]\s+)(?:Ông|Bà)\s[^.!?;:]*$")


def _directed_places(text: str) -> list[Mention]:
    if "giao" not in text and "yêu cầu" not in text and "đề nghị" not in text:
        return []
    out = []
    for m in _DIRECTED_PLACE.finditer(text):
        if _SPEAKER_PRONOUN.search(text, max(0, m.start() - 60), m.start()):
            continue  # `Ông cũng yêu cầu phường Kinh Môn điều chỉnh quy hoạch`: a speaker's advice at a meeting
        if m.group("place") or _TASK_START.match(text, m.end()):
            out.append(Mention(m.start(), m.end(), False, None))
    return out


def _named_place_units(text: str) -> list[Mention]:
    out = []
    if not _NAMED_PLACES_NEEDS.search(text):
        return out
    for m in _NAMED_PLACES.finditer(text):
        places, i = [], m.end()
        while True:
            place = _PLACE_NAMED.match(text, i)
            if not place or _starts_body(text, i):
                break
            places.append(place)
            sep = _PLACE_SEP.match(text, place.end())
            if not sep or _starts_body(text, sep.end()):
                break
            i = sep.end()
        if len(places) < 2:
            continue  # one name after a plural is where the units are (`các xã Hà Tĩnh`), not a list
        level = m.group("level")
        for k, place in enumerate(places):
            name = f"{m.group('body')} {level} {place.group()}" if m.group("body") else f"{level[:1].upper()}{level[1:]} {place.group()}"
            out.append(Mention(m.start() if k == 0 else place.start(), place.end(), False, name))
    return out


# a place is named in two syllables or more (`Hải Phòng`, `Quảng Nam`; `Huế` is a central city):
# one capitalised syllable and a word in lower case after the colon open the duties
# (`UBND các tỉnh, thành phố: Tiếp tục triển khai …`), not a list of places
_SENTENCE_AFTER_COLON = re.compile(r"\p{Lu}\p{Ll}*\s+\p{Ll}")


def _shared_level_units(text: str) -> list[Mention]:
    out = []
    if ":" not in text:  # (every match ends at its colon)
        return out
    for m in _SHARED_LEVEL.finditer(text):
        levels = [lv.strip() for lv in m.group("levels").split(",")]
        i, first = m.end(), True
        while True:
            place = _PLACE_NAMED.match(text, i)
            if not place or (first and _SENTENCE_AFTER_COLON.match(text, place.start())
                             and place.group() not in CENTRAL_CITIES):
                break
            level = "thành phố" if "thành phố" in levels and place.group() in CENTRAL_CITIES else levels[0]
            out.append(Mention(m.start() if first else i, place.end(), False,
                               f"{m.group('body')} {level} {place.group()}"))
            sep = _PLACE_SEP.match(text, place.end())
            if not sep or _starts_body(text, sep.end()):
                break
            i, first = sep.end(), False
    return out


# `các chi, đảng bộ trực thuộc`: two kinds of party units sharing `các` and what follows
_CHI_DANG_BO = re.compile(rf"{_B}(?:[Cc]ác|[Nn]hững)\s+chi\s*,\s*(?P<db>[đĐ]ảng bộ)(?P<tail>\s+(?:cơ sở|trực thuộc)"
                          rf"(?:\s+(?:Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Quận ủy|Thị ủy)(?:\s+\p{{Lu}}\p{{Ll}}*)*)?)?{_E}")


# `các huyện ủy, thị ủy, thành ủy`: the party committees of a level's units, one body each, the
# plural shared (`Các huyện ủy`, `Các thị ủy`, `Các thành ủy`)
_COMMITTEE = r"(?:[Hh]uyện|[Tt]hị|[Tt]hành|[Qq]uận|[Tt]ỉnh)\s+(?:ủy|uỷ|Ủy|Uỷ)"
# (`… thành ủy và tương đương trực thuộc Tỉnh ủy`: the units of like rank, generic, close the list)
# (`giao ban thường vụ các tỉnh ủy, thành ủy`: the standing committees of them all, one body
# as the plural list names it)
# (`các huyện, thị, thành ủy`: the levels listed, `ủy` written once for them all: one mention as written)
# (`…, đảng ủy trực thuộc Tỉnh ủy`: the committees under the province's, listed after them, share the
# plural and the board: `Các đảng ủy trực thuộc Tỉnh ủy`, `Ban thường vụ các đảng ủy trực thuộc Tỉnh ủy`)
_SHARED_UY = r"(?:[Hh]uyện|[Tt]hị|[Tt]hành|[Qq]uận)(?:\s*,\s*(?:huyện|thị|thành|quận))+\s*(?:ủy|uỷ)"
_PARTY_COMMITTEES = re.compile(rf"{_B}(?P<board>[Bb]an\s+[Tt]hường\s+vụ\s+)?(?P<pl>[Cc]ác|[Nn]hững)\s+(?:(?P<shared>{_SHARED_UY})|(?P<first>{_COMMITTEE})(?P<rest>(?:\s*,\s*|\s+và\s+){_COMMITTEE})*){_E}"
                               r"(?:\s+(?:và|hoặc)\s+(?P<like>tương đương(?:\s+trực thuộc\s+(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy)?)(?![\p{L}]))?"
                               r"(?:\s*,\s*(?P<under>đảng\s+(?:ủy|uỷ)\s+trực thuộc\s+(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ))(?![\p{L}]))?")
_COMMITTEE_AT = re.compile(rf"{_B}{_COMMITTEE}{_E}")
# `các tỉnh ủy, thành ủy (trực thuộc Trung ương)`, `Tỉnh, thành ủy nơi …`: the committees of the
# province level, whose cities are run by the centre as the provinces are, one set as `các tỉnh,
# thành phố` is (not the district level's `các huyện ủy, thị ủy, thành ủy`, one body each);
# `nơi …` up to the role verb says which of them (`Tỉnh, thành ủy nơi được xác định là trung tâm …
# sau hợp nhất chủ trì`)
_PROVINCE_COMMITTEES = re.compile(rf"{_B}(?:(?P<pl>[Cc]ác|[Nn]hững)\s+)?(?:[Tt]ỉnh\s+(?P<kind1>ủy|uỷ|đoàn)\s*,\s*thành\s+(?P=kind1)"
                                  rf"|(?<=(?:[Cc]ác|[Nn]hững)\s+|^[^\p{{L}}\n]{{0,4}})(?P<tinh>[Tt]ỉnh)\s*,\s*thành\s+(?P<kind>ủy|uỷ|đoàn)){_E}"
                                  r"(?:\s+(?:\(\s*)?trực thuộc\s+(?:Trung ương|trung ương)(?:\s*\))?)?"
                                  r"(?P<where>\s+nơi\s+[^,;.:\n()]{1,160}?(?=\s+(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm)(?![\p{L}])))?", re.M)


# (what every match of `_PROVINCE_COMMITTEES` holds: `tỉnh` and `thành` with `ủy`, `uỷ` or
# `đoàn`; of `_PARTY_COMMITTEES`, a committee's level word and `ủy` (`huyện ủy`, `huyện, thị ủy`):
# a paragraph without it is not scanned by the slow pattern)
_PARTY_COMMITTEES_NEEDS = re.compile(r"(?:uyện|hị|hành|uận|ỉnh)\s*(?:ủy|uỷ|Ủy|Uỷ)")


def _holds_province_committees(text: str) -> bool:
    return "thành" in text and "ỉnh" in text and ("ủy" in text or "uỷ" in text or "đoàn" in text)


def _party_committees(text: str) -> list[Mention]:
    out = []
    taken = []
    if not _PARTY_COMMITTEES_NEEDS.search(text) and not _holds_province_committees(text):
        return out
    for m in (_PROVINCE_COMMITTEES.finditer(text) if _holds_province_committees(text) else ()):
        if text[m.start() - 15 if m.start() >= 15 else 0:m.start()].rstrip().casefold().endswith("thường vụ"):
            continue  # `ban thường vụ các tỉnh ủy, thành ủy`: the boards, read below
        body = text[m.start("pl") if m.group("pl") else m.start():m.end()]
        body = body[len(m.group("pl")):].lstrip() if m.group("pl") else body
        if m.group("tinh"):  # `tỉnh, thành đoàn`: the kind written once for both, named for each
            body = f"{m.group('tinh')} {m.group('kind')}, " + body[body.index("thành"):]
        name = f"Các {body}" if m.group("pl") else body[:1].upper() + body[1:]
        out.append(Mention(m.start(), m.end(), False, name.replace("(", "").replace(")", "").replace("  ", " ")))
        taken.append((m.start(), m.end()))
    for m in (_PARTY_COMMITTEES.finditer(text) if _PARTY_COMMITTEES_NEEDS.search(text) else ()):
        if any(a <= m.start() < b for a, b in taken):
            continue
        plural = m.group("pl")[:1].upper() + m.group("pl")[1:]
        if m.group("under"):
            board = "Ban thường vụ " + plural.lower() if m.group("board") else plural
            out.append(Mention(m.start("under"), m.end("under"), False, f"{board} {m.group('under')}"))
        if m.group("board"):
            end = m.end("like") if m.group("like") else (m.end("rest") if m.group("rest") else
                                                          m.end("first") if m.group("first") else m.end("shared"))
            out.append(Mention(m.start(), end, False, "Ban thường vụ " + text[m.start("pl"):end]))
            continue
        if m.group("shared"):
            out.append(Mention(m.start(), m.end("shared"), False, f"{plural} {m.group('shared')}"))
            continue
        for k, c in enumerate(_COMMITTEE_AT.finditer(text, m.start("first"), m.end())):
            out.append(Mention(m.start() if k == 0 else c.start(), c.end(), False, f"{plural} {c.group().lower()}"))
        if m.group("like"):
            out.append(Mention(m.start("like"), m.end("like"), True))
    return out


def _party_units(text: str) -> list[Mention]:
    out = _party_committees(text)
    for m in (_CHI_DANG_BO.finditer(text) if "ảng bộ" in text else ()):  # (`[đĐ]ảng bộ` in every match)
        tail = m.group("tail") or ""
        out.append(Mention(m.start(), m.start("db") - 2 if text[m.start("db") - 2] == "," else m.start("db") - 1,
                           False, f"Các chi bộ{tail}"))
        out.append(Mention(m.start("db"), m.end(), False, f"Các {m.group('db')}{tail}"))
    return out


# the words that give a body written without its level its role outright (`giao Công an chủ trì,
# xây dựng kế hoạch …`, `phối hợp với Công an …`), so it is the body, not the activity
_ROLE_NAMED_AFTER = re.compile(r"\s*,?\s*(?:chủ trì|phối hợp)(?![\p{L}])", re.I)
_ROLE_NAMED_BEFORE = re.compile(r"(?<![\p{L}])(?:[Gg]iao(?:\s+cho)?|phối hợp(?:\s+(?:với|cùng))?)\s+$")


def _other_body(text: str, i: int) -> bool:
    """A body of its own begins at `i`, not one more name under a shared head: `Công an`
    after `các Bộ: Quốc phòng,` is the ministry's name, `UBND các tỉnh` is a body."""
    m = _STANDALONE.match(text, i)
    return bool(m and m.group() not in NEEDS_LEVEL) or (not m and _starts_body(text, i))


_HEAD_SEP = re.compile(r"\s*(?:,|và|,\s*và)\s+")


# `các Bộ Y tế, KH&ĐT, Tài chính`: the plural head written straight before its list of fields
# (no colon) is one body per field, as `các Bộ: Tài chính, Y tế` is
_PLURAL_HEAD = re.compile(rf"{_B}(?:[Cc]ác|[Nn]hững)\s+(?P<head>Sở|Bộ)\s+(?=\p{{Lu}})")
# the field names a comma joins inside one name (`Bộ Văn hóa, Thể thao và Du lịch`): one body
# (mentions are read in the folded view: `Văn hoá` arrives as `Văn hóa`)
_COMMA_FIELDS = re.compile(r"Văn hóa,\s*Thể thao(?:\s+và\s+Du lịch)?|Văn hóa,\s*Khoa học và Thông tin")
# an abbreviation that keeps the comma of its name (`VH,TT&DL`, Văn hóa, Thể thao và Du lịch): one body
_COMMA_ABBR = re.compile(r"VH,\s?TT&DL(?![\p{L}\p{N}])")


_SEMI_SEP = re.compile(r"\s*;\s*(?=\p{Lu})")


def _field_list(text: str, i: int, *, fields: bool, commas_only: bool, semicolons: bool = False) -> list[tuple[int, int]]:
    """The names listed under one head from `i` (`Tài chính, Y tế và Xây dựng`), as spans; the list
    ends at `;`, at a body of its own (`… Xây dựng và UBND các tỉnh`) and, when `commas_only`, at
    the first `và` (`Tài chính và UBND …`). `fields`: a comma inside a known field name
    (`Văn hóa, Thể thao và Du lịch`) does not split it."""
    found, by_semicolon = [], False
    while True:
        joined = _COMMA_ABBR.match(text, i) or (_COMMA_FIELDS.match(text, i) if fields else None)
        end = joined.end() if joined else (
            _proper_name_end(text, i, commas=False) if (_CAP.match(text, i) or _ABBR.match(text, i)) else None)
        if end is None:
            break
        found.append((i, end))
        sep = _HEAD_SEP.match(text, end)
        # a semicolon parts the fields only in a list it parts from the first (a list parted by
        # commas ends at its semicolon: `Các sở: Y tế, GD&ĐT; Công an tỉnh; …`)
        if not sep and semicolons and (len(found) == 1 or by_semicolon):
            sep = _SEMI_SEP.match(text, end)
            by_semicolon = bool(sep)
        if not sep or (commas_only and "," not in sep.group()) or _other_body(text, sep.end()):
            break
        i = sep.end()
    return found


# one head before two merged offices, each named by its two fields joined by a dash
# (`phối hợp phòng Tài chính-KH, Lao động-TB&XH kiểm tra …`): no one office's name holds two dashed
# pairs, so each pair is an office of its own under the shared head
_DASHED_PAIRS_HEAD = re.compile(rf"{_B}(?P<head>[Pp]hòng|Sở)\s+(?=\p{{Lu}}[^,;.:\n]{{1,30}}?-[^,;.:\n]{{1,20}},\s*\p{{Lu}}[^,;.:\n]{{1,30}}?-)")


def _plural_head_units(text: str) -> list[Mention]:
    out = []
    # (the slow patterns scan only a paragraph that holds what each match holds: a dash and
    # `phòng`/`Phòng`/`Sở`; `Sở` or `Bộ`)
    dashed = "-" in text and ("hòng" in text or "Sở" in text)
    for m in (_DASHED_PAIRS_HEAD.finditer(text) if dashed else ()):
        found = _field_list(text, m.end(), fields=False, commas_only=True)
        if len(found) < 2 or not all("-" in text[i:end] for i, end in found):
            continue
        head = m.group("head").capitalize()
        for k, (i, end) in enumerate(found):
            out.append(Mention(m.start() if k == 0 else i, end, False, f"{head} {text[i:end]}"))
    for m in (_PLURAL_HEAD.finditer(text) if "Sở" in text or "Bộ" in text else ()):
        found = _field_list(text, m.end(), fields=True, commas_only=True)
        if len(found) < 2:
            continue  # one field: the body of every unit (`các Sở Y tế`), read as written
        for k, (i, end) in enumerate(found):
            out.append(Mention(m.start() if k == 0 else i, end, False, f"{m.group('head')} {text[i:end]}"))
    return out


def _shared_head_units(text: str) -> list[Mention]:
    out = _shared_level_units(text) + _plural_head_units(text)
    for m in (_SHARED_HEAD.finditer(text) if ":" in text else ()):  # (every match ends at its colon)
        head = m.group("head") or m.group("counted").capitalize()
        # (`yêu cầu các sở: Văn hóa, Thể thao và Du lịch; Thông tin và Truyền thông; Hội …`: after the
        # colon a semicolon parts the fields too, until a body of its own)
        for k, (i, end) in enumerate(_field_list(text, m.end(), fields=True, commas_only=False, semicolons=True)):
            out.append(Mention(m.start() if k == 0 else i, end, False, f"{head} {text[i:end]}"))
    for m in (_SHARED_FIRM_HEAD.finditer(text) if ":" in text else ()):
        # `yêu cầu …, các Công ty: Khai thác công trình thuỷ lợi, Viettel Thanh Hóa, VNPT Thanh Hóa, Điện lực
        # Thanh Hóa, …`: firms a dispatch tells to act, each named by its trade or brand, in lower case too
        for k, (i, end) in enumerate(_firm_list(text, m.end())):
            out.append(Mention(m.start() if k == 0 else i, end, False, f"Công ty {text[i:end]}"))
    return out


_SHARED_FIRM_HEAD = re.compile(rf"{_B}[Cc]ác\s+[Cc]ông\s+ty\s*:\s*")
_FIRM_NAME = re.compile(r"\p{Lu}[\p{L}\p{N}&.-]*(?:[^\S\n]+[\p{L}\p{N}&.-]+){0,5}?(?=\s*(?:[,;.]|\s+và\s|$))")


# (a state utility's branch is a firm too: `Điện lực Thanh Hóa` under `các Công ty:`)
_STATE_UTILITY = re.compile(r"(?:Điện lực|Viễn thông)\s")


def _firm_list(text: str, i: int) -> list[tuple[int, int]]:
    """The firms' names listed after a shared `các Công ty:`, each up to its comma: capitalised first,
    six words at most, to `;`, a sentence's end or a body of its own."""
    found = []
    while (_STATE_UTILITY.match(text, i) or not _other_body(text, i)) and (
            end := (name.end() if (name := _FIRM_NAME.match(text, i)) else
                    # (the list's last firm, its verb after it: the name's own end)
                    _proper_name_end(text, i, commas=False) if _CAP.match(text, i) or _ABBR.match(text, i) else None)):
        found.append((i, end))
        sep = _HEAD_SEP.match(text, end)
        if not sep:
            break
        i = sep.end()
    return found


_LETTER = re.compile(r"[\p{L}\p{N}]")


def find_mentions(text: str, known: tuple[str, ...] = ()) -> list[Mention]:
    """Agency names written in `text` (one paragraph), left to right, not overlapping.
    `known`: full names the plan wrote elsewhere (in headings); a mention that begins one
    of them runs to its end."""
    return [m.copy() for m in _known_mentions(text, known)]  # copies: the caller's may be extended


@lru_cache(maxsize=1024)
def _known_mentions(text: str, known: tuple[str, ...]) -> tuple[Mention, ...]:
    """`find_mentions`, read once for a paragraph and the names known (the agency extractor
    asks again with the same names); never handed out, only copied."""
    out = list(_mentions_in(text))  # (shared with that cache until a known name extends one)
    for k, m in enumerate(out):
        for name in known:
            stop = m.start + len(name)
            if stop > m.end and text.startswith(name, m.start) and not _LETTER.match(text[stop:stop + 1]):
                out[k] = m = m.copy()
                m.end = stop
                break
    return tuple(_outside_earlier(out))


def _outside_earlier(out: list[Mention]) -> list[Mention]:
    """The mentions that start inside no earlier one (each against all earlier ones, kept or
    not). Left to right, a running farthest end of the mentions starting before answers
    for each: linear, however many names a sentence lists."""
    if any(a.start > b.start for a, b in zip(out, out[1:])):  # not in reading order: test each pair
        return [m for k, m in enumerate(out) if not any(o.start < m.start < o.end for o in out[:k])]
    kept: list[Mention] = []
    reach = None  # the farthest end of the mentions starting before the current start
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].start == out[i].start:
            j += 1
        kept.extend(m for m in out[i:j] if reach is None or reach <= m.start)
        group_end = max(m.end for m in out[i:j])
        reach = group_end if reach is None else max(reach, group_end)
        i = j
    return kept


@lru_cache(maxsize=1024)
def _mentions_in(text: str) -> tuple[Mention, ...]:
    """The mentions of a paragraph, read once: the agency extractor reads each paragraph
    twice (once to learn full names, once to report)."""
    return tuple(_find_mentions(text))


_PLURAL_BEFORE = re.compile(r"(?<![\p{L}])[Cc]ác\s+$")
_SPACE = re.compile(r"\s")


def _plural_before(text: str, start: int):
    """`các` and the spaces just before `start`: searched only where it can begin (just
    before the space run), not over the whole paragraph before it."""
    k = start
    while k > 0 and _SPACE.match(text, k - 1, k):
        k -= 1
    return _PLURAL_BEFORE.search(text, max(0, k - 3), start) if k < start else None


# a second unit named after a local government's first, its body and level shared (`Công điện
# yêu cầu UBND huyện Quang Bình, Bắc Quang triển khai …`): the place's name alone, before the
# verb (`names.share_body` gives it the body and level); not a body's own name (`…, Sở Y tế`).
# Read as a collective, but searched on its own: it opens with any capital, which the
# collectives' anchored search cannot list
_SECOND_PLACE = re.compile(
    rf"{_B}(?<=(?:UBND|[ỦU][ỷy] ban nhân dân)\s+(?:huyện|thành phố|thị xã|quận|xã|phường|thị trấn)(?:\s+\p{{Lu}}\p{{Ll}}*){{1,3}}\s*,\s*)"
    # (two or three syllables, as places are named; not a person's title or a level: `Phó Chủ tịch`, `Thành phố`)
    rf"(?!(?:{_alt(PROPER_HEADS)}|UBND|[ỦU][ỷy] ban|Phó|Chủ|Trưởng|Giám|Bí|Thành|Thị|Tổ|Mặt)(?![\p{{L}}]))"
    rf"\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+){{1,2}}(?=\s+\p{{Ll}}+\s){_E}")


class _OpeningWords:
    """One pattern's search, tried only where one of the words its matches open with is written,
    those places found for the four mention patterns at once (`_opening_starts`)."""

    def __init__(self, kind: str, pattern: re.Pattern, words, digits: bool = False, bounded: bool = True):
        """`bounded`: the pattern opens with `_B` (no letter nor digit before a match)."""
        self.kind, self.pattern, self.words, self.digits, self.bounded = kind, pattern, frozenset(words), digits, bounded

    def search(self, text: str, pos: int = 0):
        starts = _opening_starts(text)[0][self.kind]
        for k in range(bisect.bisect_left(starts, pos), len(starts)):
            m = self.pattern.match(text, starts[k])
            if m:
                return m
        return None


class _BranchedOpeningWords(_OpeningWords):
    """`_OpeningWords` for a pattern of many branches (the collectives: two dozen, several opening
    with long look-behinds), each tried only where one of its own opening words is written.

    `_B(?:A|B|…)_E` matches at a place as the first branch whose `_B(?:A)_E` matches there
    does, and alike (the engine backtracks through each branch, the end's look-ahead
    included, before the next); a branch none of whose words is written there cannot
    match, so the others, tried in their order, give the same match. The whole pattern
    tried at a place costs ten to fifty microseconds, every branch's look-behind read."""

    def __init__(self, kind: str, pattern: re.Pattern):
        super().__init__(kind, pattern, *_anchored_words(pattern))
        body = pattern.pattern[len(_B):len(pattern.pattern) - len(_E)]
        assert pattern.pattern.startswith(_B) and pattern.pattern.endswith(_E) and body.startswith("(?:") \
            and end_of_group(body, 0) == len(body), pattern.pattern[:60]
        self.branches = []  # (pattern, words, digits) of each branch, in order
        for branch in branches_of(body[3:-1]):
            words, digits = leading_words(branch)
            self.branches.append((re.compile(f"{_B}(?:{branch}){_E}", pattern.flags), words, digits))
        self._tried: dict[str | None, tuple[re.Pattern, ...]] = {}
        # a cheaper pattern that every match of a branch matches too, tried first where the branch
        # fails at most places it is tried: the collectives' names after `các` (one in twenty
        # `các` opens one), each opening with one of the words `anchored` reads off them
        names, digits = leading_words(_COLLECTIVE_ALT)
        counted = f"{_COUNTED}(?:{_COLLECTIVE_ALT})"
        self.guards = {p: re.compile(f"{_B}{_COUNTED}(?={_alt(names)})") for p, _, _ in self.branches
                       if p.pattern == f"{_B}(?:{counted}){_E}" and not digits}

    def tried_at(self, word: str | None) -> tuple[re.Pattern, ...]:
        """The branches a match may open with where `word` is the longest opening word written
        (None: a digit)."""
        if word not in self._tried:
            self._tried[word] = tuple(p for p, words, digits in self.branches
                                      if (digits if word is None else any(word.startswith(v) for v in words)))
        return self._tried[word]

    def search(self, text: str, pos: int = 0):
        places, written = _opening_starts(text)
        starts = places[self.kind]
        for k in range(bisect.bisect_left(starts, pos), len(starts)):
            at = starts[k]
            for branch in self.tried_at(written[at]):
                guard = self.guards.get(branch)
                if guard is not None and not guard.match(text, at):
                    continue
                m = branch.match(text, at)
                if m:
                    return m
        return None


def _anchored_words(pattern: re.Pattern) -> tuple[frozenset[str], bool]:
    """The words `anchored` reads off a pattern as those its matches open with (and whether a digit may)."""
    read = AnchoredSearch(pattern, (_B, _E))
    assert read.anchored, pattern.pattern[:60]
    return read.words, read.digits


# (the collectives', the generic actors', the standalone bodies' and the heads' patterns are tried
# only where their opening words are written: on the seed plans a pass that finds those words for
# all four costs less than any two of their own passes; `anchored` reads the first three patterns'
# words, the heads' are the head nouns, whatever looks behind them)
_OPENERS = (_BranchedOpeningWords("coll", _COLLECTIVE),
            _OpeningWords("gen", _GENERIC, *_anchored_words(_GENERIC)),
            _OpeningWords("body", _STANDALONE, *_anchored_words(_STANDALONE)),
            _OpeningWords("head", _HEAD, set(PROPER_HEADS) | set(LOWERCASE_HEADS) | {"ban"}, bounded=False))
_OPENING_WORDS = set().union(*(o.words for o in _OPENERS))
# where any of the words starts, overlapping (`sở` inside `cơ sở đảng`), and the longest written
# there (a look-ahead, so that every place is reported); no look-behind (the patterns' own, read at
# each place, rule places out); the standard `re` engine, which scans a plain alternation of literal
# words faster than `regex` (both read a literal letter, an escaped sign and `\d`, a decimal digit,
# alike)
_OPENING_FINDER = std_re.compile("(?=(" + trie_pattern(_OPENING_WORDS) + r"|\d))")
# for each word, the patterns it opens a match of: those with a word it begins with (every word
# written at a place is the start of the longest one written there)
_OPENERS_OF = {w: tuple(o for o in _OPENERS if any(w.startswith(v) for v in o.words)) for w in _OPENING_WORDS}
_DIGIT_OPENERS = tuple(o for o in _OPENERS if o.digits)


@lru_cache(maxsize=64)  # (a paragraph is searched many times over, by each pattern)
def _opening_starts(text: str) -> tuple[dict[str, list[int]], dict[int, str | None]]:
    """For each mention pattern, the places in `text` where one of its opening words (or, for a
    pattern that may open with one, a digit) is written, in order; and at each place, the
    longest word written there (None for a digit)."""
    out: dict[str, list[int]] = {o.kind: [] for o in _OPENERS}
    written: dict[int, str | None] = {}
    for m in _OPENING_FINDER.finditer(text):
        at, word = m.start(), m.group(1)
        openers = _OPENERS_OF.get(word)
        if openers is None:
            openers, word = _DIGIT_OPENERS, None
        written[at] = word
        # (a letter or digit before a place rules it out for the patterns that open with `_B`: Python's
        # letters and digits are `regex`'s \p{L} and \p{N}, or fewer, so no place of a match is lost)
        free = not (at and text[at - 1].isalnum())
        for o in openers:
            if free or not o.bounded:
                out[o.kind].append(at)
    return out, written


class _Collectives:
    """The collectives' next match: the anchored pattern's or a second place's, the earlier."""

    def __init__(self):
        self._anchored = _OPENERS[0]

    def search(self, text: str, pos: int = 0):
        first = self._anchored.search(text, pos)
        place = _SECOND_PLACE.search(text, pos) if _names_a_local_government(text) else None
        return place if place is not None and (first is None or place.start() <= first.start()) else first


_PLACE_COMMA = re.compile(r"(?:UBND|[ỦU][ỷy] ban nhân dân)\s+\p{Ll}")


@lru_cache(maxsize=256)
def _names_a_local_government(text: str) -> bool:
    """Whether a paragraph names a local government at all (asked once per paragraph, not once
    per search of it)."""
    return _PLACE_COMMA.search(text) is not None


_MENTION_PATTERNS = (("coll", _Collectives()), ("gen", _OPENERS[1]), ("body", _OPENERS[2]), ("head", _OPENERS[3]))


def _find_mentions(text: str) -> list[Mention]:
    out: list[Mention] = []
    functional = sorted(_functional_units(text) + _shared_head_units(text) + _party_units(text)
                        + _named_place_units(text) + _school_classes(text) + _directed_places(text), key=lambda u: u.start)
    # each pattern's next match, searched from `searched`: still the next match from any
    # i in [searched, its start] (the patterns look behind but never anchor at the search
    # position), so a pattern is searched again only once i passes its match
    pending = {kind: (-1, None) for kind, _ in _MENTION_PATTERNS}
    i = 0
    while i < len(text):
        unit = next((u for u in functional if u.start >= i), None)
        if unit is not None and unit.start == i:
            out.append(unit)
            i = unit.end
            continue
        listed = _listed_after(text, out[-1], unit) if out and out[-1].end == i else None
        if listed is not None:
            out.append(listed)
            i = listed.end
            continue
        cands = []
        for kind, rx in _MENTION_PATTERNS:
            searched, m = pending[kind]
            if searched < 0 or searched > i or (m is not None and m.start() < i):
                m = rx.search(text, i)
                pending[kind] = (i, m)
            if m:
                cands.append((m.start(), -len(m.group()), kind, m))
        if unit is not None:
            cands = [c for c in cands if c[0] < unit.start] + [(unit.start, 0, "unit", None)]
        if not cands:
            break
        cands.sort(key=lambda c: (c[0], c[1]))
        if cands[0][2] == "unit":
            i = unit.start
            continue
        found = None
        for start, _, kind, m in cands:
            if start != cands[0][0] or kind == "unit":
                break
            end = _mention_end(text, kind, m)
            if end is not None:
                found = (start, end, kind)
                break
        if found is None:
            i = cands[0][0] + 1
            continue
        start, end, kind = found
        if kind in ("coll", "gen") and _PLURAL_LOCAL.fullmatch(text, start, end) and (region := _REGION.match(text, end)):
            end = region.end()  # `Các địa phương khu vực Bắc Bộ …`: the localities picked by where they lie
        elif kind in ("coll", "gen") and _PLURAL_LOCAL.fullmatch(text, start, end) and (which := _WHICH_HAVE.match(text, end)):
            end = which.end()  # `các địa phương có dự báo nguy cơ mưa lớn …`: the localities picked by what they have
        plural = _plural_before(text, start) if kind == "head" else None
        if plural and plural.start() >= i and not (out and out[-1].end > plural.start()):
            start = plural.start()
        # (`… trung ương và địa phương`: the local ones closing a list of the centre's bodies are
        # generic, as `các địa phương` written alone is not; they only carry the list to its verb)
        carrier = kind == "gen" and text[start:end].casefold() == "địa phương" and bool(_AFTER_CENTRE.search(text, max(0, start - 20), start))
        generic = kind == "gen" and (is_generic(text[start:end]) or carrier)
        name = None
        if kind == "head" and m.group() in ("Sở", "Bộ") and (j := _skip_space(text, m.end())) < end and text[j].islower():
            name = f"{text[start:j]}{text[j].upper()}{text[j + 1:end]}"  # `Sở văn hóa, …` as the name is spelt
        if kind == "coll" and name is None and _STATE_FIRMS.match(text, start) and _LIST_WENT_ON.search(text, max(0, start - 70), start) \
                and not _COUNTED.match(text, start):
            # `các Tập đoàn, tổng công ty nhà nước`: the list's `các` is shared by the state's firms
            # after it (the golds name other classes so continued bare: `các đoàn thể, hội quần chúng`)
            name = f"Các {text[start:end]}"
        if kind == "head" and m.group() == "Bộ" and out and _MINISTRY_UNIT.match(text, out[-1].start) \
                and _JUST_COMMA.fullmatch(text, out[-1].end, start) and not _LIST_GOES_ON.match(text, end):
            # `giao Cục Quản lý Đê điều và Phòng, chống thiên tai, Bộ Nông nghiệp và Môi trường làm đầu mối`:
            # the ministry a department belongs to, named after it; it carries the list, the department acts
            carrier = True
        out.append(Mention(start, end, generic, name, carrier=carrier))
        i = end
    return out


_MINISTRY_UNIT = re.compile(r"(?:Tổng cục|Cục|Vụ)[^\S\n]+\p{Lu}")
_JUST_COMMA = re.compile(r"[^\S\n]*,[^\S\n]*")
_LIST_GOES_ON = re.compile(r"[^\S\n]*,[^\S\n]*(?:các[^\S\n]+)?(?:Bộ|Cục|Tổng cục|Vụ|Sở|UBND|Ủy ban)(?![\p{L}])")


# the levels of schooling that name a kind of school (`trường THPT`, `trường mầm non`)
_SCHOOL_LEVELS = ("mầm non", "mẫu giáo", "tiểu học", "trung học cơ sở", "trung học phổ thông", "phổ thông", "THCS", "THPT",
                  "phổ thông dân tộc nội trú", "trung cấp", "cao đẳng", "đại học")
# `Trường mầm non, phổ thông mỗi năm thực hiện 2 kỳ báo cáo`: a school written with two or more
# levels listed after it and no name is every school of those levels (a named school is
# `Trường THCS Lê Lợi`; one school of two levels joins them with `và` or `&`)
_SCHOOL_CLASS = re.compile(rf"{_B}(?<!(?:[Cc]ác|[Nn]hững|\d)\s+)[Tt]rường\s+(?P<levels>(?:{_alt(_SCHOOL_LEVELS)})"
                           rf"(?:[^\S\n]*,[^\S\n]*(?:{_alt(_SCHOOL_LEVELS)}))+){_E}(?!\s+\p{{Lu}}\p{{Ll}})")


def _school_classes(text: str) -> list[Mention]:
    if "rường" not in text:  # (`[Tt]rường` in every match)
        return []
    return [Mention(m.start(), m.end(), False, f"Các trường {m.group('levels')}") for m in _SCHOOL_CLASS.finditer(text)]


# the kinds of party bodies a party committee's plan lists in lower case after `các` (`các ban đảng,
# ban cán sự đảng, đảng đoàn, huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy, sở, ngành tỉnh`)
# (`đảng ủy trực thuộc` with no owner written: the writer's own, as `các đơn vị trực thuộc`)
_PARTY_KINDS = rf"ban cán sự đảng|đảng đoàn|(?:huyện|thành|thị|quận|tỉnh)\s+(?:ủy|uỷ)|đảng\s+(?:ủy|uỷ){_OWNERLESS}"
# the kinds of body a plural list may go on with, each written bare in lower case (as the list
# writes them: no capital, so not a named body that the other patterns read)
_LOWER_COLLECTIVE_ALT = "|".join(c.replace(r"(?:\s+trực thuộc)?", _OWNERLESS) for c in COLLECTIVES)
_LISTED_KIND = re.compile(rf"(?:{_LOWER_COLLECTIVE_ALT}|{_PARTY_KINDS}){_E}")
_LIST_GOES_ON = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|[^\S\n]+và[^\S\n]+)(?=\p{Ll})")
_PLURAL_OPENED = re.compile(r"(?:[Cc]ác|[Nn]hững)\s+\p{Ll}")


def _listed_after(text: str, last: Mention, unit: Mention | None) -> Mention | None:
    """`các ban đảng, ban cán sự đảng, đảng đoàn …`, `Các phòng GDĐT và trường THPT`: a list that
    `các` opened goes on with one more kind of body after a comma or `và`, the plural shared
    (each kind is a body of its own, as `các cơ quan, đơn vị` are). Only a kind that names bodies
    (not a generic actor such as `địa phương`), read as a collective is (level, owner)."""
    if not (last.listed or _PLURAL_OPENED.match(text, last.start)) or last.generic:
        return None
    gap = _LIST_GOES_ON.match(text, last.end)
    if not gap or (unit is not None and unit.start <= gap.end()):
        return None
    m = _LISTED_KIND.match(text, gap.end())
    if not m or is_generic(m.group()):
        return None
    end = _mention_end(text, "coll", m)
    if end is None:
        return None
    return Mention(m.start(), end, False, None, listed=True)


_LIST_WENT_ON = re.compile(r"(?<![\p{L}])(?:[Cc]ác|[Nn]hững)\s[^.;:\n]{1,60}?,\s*$")
_STATE_FIRMS = re.compile(r"[Tt](?:ập đoàn|ổng công ty)(?![\p{L}])")
_COUNTED = re.compile(r"(?:[Cc]ác|[Tt]ừng|[Nn]hững|\d)")


_TWO_LOWER = re.compile(r"\s+(\p{Ll}+)\s+(\p{Ll}+)\s+(\p{Ll}+)\s+(\p{Ll}+)(?![\p{L}])")


def _kind_before_verb(text: str, end: int) -> int | None:
    """`các tổ chức| thủy lợi bố trí …`: the end of a two-syllable word between a kind of
    body and the common verb that opens its task."""
    m = _TWO_LOWER.match(text, end)
    if not m:
        return None
    a, b, c, d = m.groups()
    if a in STOP_SYLLABLES or b in STOP_SYLLABLES or f"{a} {b}" in STOP_BIGRAMS | ROLE_WORDS:
        return None
    # (`các tổ chức thành viên làm nòng cốt, hướng dẫn …`: made the core of a movement, as `làm đầu mối`)
    return m.end(2) if f"{c} {d}" in STOP_BIGRAMS or f"{c} {d}" in ("làm nòng", "làm lực", "làm đầu") else None


# units named by what they run or supply (`các đơn vị quản lý đường bộ`, `các đơn vị cung ứng nước`)
_MANAGING = re.compile(r"\s+(?:quản lý|cung ứng|cung cấp|vận hành)(?=\s+\p{Ll})")
_MORE_MANAGED = re.compile(r",\s*\p{Ll}+\s+\p{Ll}+(?=\s+và\s)")
_OBJECT_WORD = re.compile(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])")


def _managed_end(text: str, end: int) -> int | None:
    """`các đơn vị quản lý| hồ chứa thủy điện| …`: the end of what the units run, its words in lower
    case up to the verb of their task, a function word, punctuation or a capital (`chợ| Bình Điền`);
    up to eight syllables, else the words are the units' task, not their kind."""
    managing = _MANAGING.match(text, end)
    if not managing:
        return None
    j, words = managing.end(), 0
    while words < 8:
        if words and _TASK_START.match(text, j):
            return j
        w = _OBJECT_WORD.match(text, j)
        if not w or w.group(1) in STOP_SYLLABLES or _level_at(text, j + 1) is not None:
            break
        j, words = w.end(), words + 1
    if 0 < words < 8 and (more := _MORE_MANAGED.match(text, j)) and not _TASK_START.match(text, j + 1):
        return more.end()  # `các đơn vị quản lý hồ chứa thủy điện, thủy lợi và …`: two kinds of it
    return j if 0 < words < 8 else None


def _named_kind(words: str) -> bool:
    """`hạt kiểm lâm`: the words after an office's kind name what it does, not a verb
    (`phòng chống`) or a function word."""
    rest = words.split()[1:] if not words.startswith(("trung tâm", "chi cục")) else words.split()[2:]
    pairs = {f"{a} {b}" for a, b in zip(rest, rest[1:])}
    return bool(rest) and not any(w in STOP_SYLLABLES for w in rest) and not pairs & (STOP_BIGRAMS | ROLE_WORDS) \
        and rest[0] not in ("chống", "ngừa", "tránh", "thủ")


# a national association is named by what it gathers, in lowercase, and the country:
# `phối hợp với Hiệp hội mắc ca Việt Nam`
_ASSOCIATION_HEADS = {"Hiệp hội", "Hội", "Liên hiệp"}
_NATIONAL_ASSOCIATION = re.compile(r"\s+(?P<field>(?!nghị|đồng)\p{Ll}+(?:\s+\p{Ll}+){0,3})\s+Việt Nam(?![\p{L}])")
_PARTY_COMMITTEE_END = re.compile(r"(?:Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|Thị ủy)$")
_PARTY_OWNER = re.compile(r"\s+(?:Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Quận ủy|Thị ủy)(?![\p{L}])")


_SPECIALISED = re.compile(r"\s+chuyên\s+ngành(?:,\s*khu\s+vực)?(?![\p{L}])")  # `Ban QLDA chuyên ngành, khu vực`
_JOINED_NAME = re.compile(r"[^\S\n]+[-–][^\S\n]+(?=\p{Lu}\p{Ll})")
# a body named after a movement or programme carries its quoted title: `Ban Chỉ đạo trung
# ương Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hoá”`
_QUOTED_TITLE = re.compile(r'(?<=(?i:phong trào|cuộc vận động|chương trình|đề án|dự án)|Quỹ)\s*[“"][^”"\n]{1,150}[”"]')
_GENERIC_KIND = re.compile(r"(?:các|từng)\s+(?:cơ quan|đơn vị|tổ chức)", re.I)


def _parent_after_slash(text: str, end: int) -> int:
    """`Cục Tuyên huấn/Tổng cục Chính trị`: a unit and the body it belongs to, written as one
    name with a slash (as military texts write them)."""
    if not text.startswith("/", end):
        return end
    head = _HEAD.match(text, end + 1)
    j = _skip_space(text, head.end()) if head else end
    if not head or j == head.end() or not (_CAP.match(text, j) or _ABBR.match(text, j)):
        return end
    return _proper_name_end(text, j, commas=False) or end


# `trực thuộc` with no owner written after it (`các đơn vị trực thuộc và …`)
# (only where the list or the sentence goes on: `các đơn vị trực thuộc sở` has its owner in lower case)
# a collective's owner written with `của` and a place level (`các phòng, ban chuyên môn của huyện Hà Trung`)
_OF_CENTRE = re.compile(r"\s+của\s+[Tt]rung ương(?![\p{L}])")
_OF_PLACE = re.compile(rf"\s+của(?=\s+(?:{_alt(PLACE_LEVELS)}){_E})")
_BARE_SUBORDINATE = re.compile(r"\s+trực thuộc(?=\s*[,;.:)]|\s+(?:và|cùng)(?![\p{L}]))")
# (and a steering or command board: `Ban chỉ đạo Đề án phải thực hiện …`, `( gọi tắt là Ban chỉ đạo)`)
_MANAGEMENT_BOARD = re.compile(r"(?:quản lý|chỉ đạo|chỉ huy)(?![\p{L}])")
# a council or board named by the work it does, in lower case, then by its capitalised field
# (`UBND tỉnh giao Hội đồng tư vấn Khởi nghiệp tỉnh nghiên cứu …`, `Ban vận động Quỹ “Vì người nghèo” huyện`)
_WORKING_BOARD = re.compile(r"(?:tư vấn|thẩm định|vận động|điều hành)(?=\s+\p{Lu})")
# the members of a body the text names in full and then by a short form in brackets (`các bộ, cơ quan
# thành viên Ủy ban Quốc gia phòng, chống AIDS và phòng, chống tệ nạn ma túy, mại dâm (Ủy ban Quốc gia)`):
# the name runs to the bracket, commas and lower-case words included
# (or the body by that short form alone, in capitals: `các Bộ, cơ quan thành viên Ủy ban Quốc gia, UBND …`)
_MEMBERS_OF_NAMED = re.compile(r"\s+thành viên\s+(?:của\s+)?(?:\p{Lu}[^.;:()\n]{1,120}?\s*\(\s*\p{Lu}[^()\n]{1,40}\)"
                               r"|\p{Lu}\p{Ll}*(?:\s+\p{L}+){1,4}(?=\s*[,;.]))")
_LOWER_FIRST_FIELD = re.compile(r"(\p{Ll}+(?:\s+\p{Ll}+)?),\s*(?=\p{Lu}\p{Ll})")


# the units of a level a task is for, told by what lies in them (`UBND các phường, xã, thị trấn nơi có
# công trình vi phạm, phối hợp …`, `UBND các quận, huyện có tuyến đường đi qua, trước ngày 15/9, phải
# kiểm tra`): part of the body's name, to the comma that closes the clause
_UNITS_WHERE = re.compile(r"\s+(?:nơi\s+(?:có|xảy ra)\s+[^,;.:\n()]{1,40}?|(?:nơi\s+)?có\s+(?!trách nhiệm|nhiệm vụ|kế hoạch)[^,;.:\n()]{1,40}?\s+(?:đi qua|chạy qua))(?=\s*,)")


# a steering board named by the programmes it steers, written with `các` (every province and
# district has one): `Ban Chỉ đạo Trung ương các Chương trình Mục tiêu Quốc gia tiếp tục phấn đấu …`
_STEERING_NAMED = re.compile(r"[Cc]hỉ đạo(?:\s+(?:Trung ương|trung ương))?")
_PROGRAMMES = re.compile(r"\s+các\s+[Cc]hương trình\s+[Mm]ục tiêu\s+[Qq]uốc gia(?![\p{L}])")
# a steering or command board named by the calamity it fights (every province, district and the
# nation have one): `Ban Chỉ huy phòng chống thiên tai – Tìm kiếm cứu nạn và phòng thủ dân sự`,
# `Ban chỉ đạo quốc gia về phòng, chống thiên tai`, `Ban chỉ đạo phòng, chống dịch Covid-19 huyện`
_STEERING_HEAD = re.compile(r"[Cc]hỉ\s+(?:đạo|huy)(?:\s+(?:[Qq]uốc gia|[Tt]rung ương))?")
_CALAMITY_FIELD = re.compile(
    # (`Ban chỉ đạo phòng chống dịch SXH xã Điện Trung`: the disease by its short form)
    r"(?:\s+về)?\s+[Pp]hòng,?\s+chống\s+(?:thiên\s+tai|dịch(?:\s+bệnh)?(?:\s+(?!và)(?:[\p{L}\d-]*\d[\p{L}\d-]*|\p{Lu}{2,}(?![\p{L}\p{N}])))?)"
    r"(?:\s*(?:,|và|[-–])\s*[Tt]ìm\s+kiếm(?:\s*,\s*|\s+)cứu\s+nạn)?"
    r"(?:\s*(?:,|và)\s*[Pp]hòng\s+thủ\s+dân\s+sự)?(?![\p{L}])")


# an inspection team drawn from several offices, named by what it inspects: `Đoàn kiểm tra liên
# ngành ATTP`, `Đoàn liên ngành kiểm tra An toàn thực phẩm`, `Đoàn kiểm tra liên ngành chống buôn
# lậu, gian lận thương mại và hàng giả tỉnh` (the field, then the level)
_TEAMS = {"Đoàn kiểm tra", "Đoàn giám sát", "Tổ kiểm tra", "Đoàn liên ngành"}
# a team named by the body that sent it (`Tổ công tác đặc biệt của Chính phủ có văn bản số …`,
# `Tổ công tác Chính phủ yêu cầu …`, `Đoàn kiểm tra của Ban Bí thư`)
_CENTRAL_TEAMS = {"Đoàn kiểm tra", "Đoàn giám sát", "Đoàn công tác", "Tổ công tác", "Tổ kiểm tra"}
# a team set up for the fight against a calamity, named by what it checks there (`giao Tổ kiểm tra
# việc thực thi công vụ trong phòng, chống dịch bệnh Covid-19 tăng cường kiểm tra`): the calamity
# closes the name
_TEAM_PURPOSE = re.compile(r"(?:\s+(?:việc|công tác)\s+[^;.:\n()]{1,60}?(?:\s+trong)?)?" + _CALAMITY_FIELD.pattern)
_SENT_BY = re.compile(r"(?:\s+đặc biệt)?\s+(?:của\s+)?(?:Chính phủ|Thủ tướng(?:\s+Chính phủ)?|Ban Bí thư|Bộ Chính trị)(?![\p{L}])")
_TEAM_FIELD = re.compile(
    r"(?:(?<=liên ngành)|\s+liên\s+ngành)(?:\s+kiểm\s+tra)?\s+"
    r"(?:\p{Lu}{2,}(?![\p{L}])"
    r"|\p{Lu}\p{Ll}*(?:\s+(?!(?:trong|trên|tại|của|và|để|sẽ|đã|được|có|cho|với|theo)(?![\p{L}]))\p{Ll}+){0,3}(?![\p{L}])"
    r"|chống\s+[^;.:\n()]{1,60}?(?=\s+(?:tỉnh|huyện|thành phố|thị xã|xã)(?![\p{L}])))")


def _calamity_fought(text: str, j: int, end: int) -> int:
    """`Ban Chỉ huy| phòng, chống thiên tai và tìm kiếm cứu nạn`: a steering or command board's
    name runs on over the calamity it fights."""
    head = _STEERING_HEAD.match(text, j)
    # (`Ban chỉ đạo quốc gia về …`: the nation's board written in lower case, past the name's end)
    if head and (field := _CALAMITY_FIELD.match(text, head.end())) and field.end() >= end:
        return field.end()
    return end


# a level word some letters capitalise when it stands for their own province or district
# (`các sở, ban, ngành Tỉnh, UBND huyện, thị xã, thành phố … chủ động đề xuất`); alone, not
# before a place's name (`Tỉnh Quảng Ngãi`)
_CAPITAL_LEVEL = re.compile(r"\s+(?:Tỉnh|Huyện|Thành phố|Thị xã|Quận)(?=\s*[,;.]|\s+(?:và\s+)?\p{Ll})")


# `trưởng` after a head names the person at its head (`Các Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ`
# as a dispatch's addressees): a title, not the bodies
_HEAD_OF = re.compile(r"[^\S\n]+trưởng(?![\p{L}])")


# A local unit named by its field in lower case, its head capitalised inside a sentence, the name
# running to the level word it belongs to (`Tổ an ninh cơ sở`, `Ban điều hành các khu phố`, `Trung
# tâm giáo dục nghề nghiệp - giáo dục thường xuyên huyện Hạ Lang`, `Trạm khuyến nông huyện`): after
# the 2025 reorganisation communes and wards write their new units so, and no list of their names
# can be kept. The level word bounds the name; a function word, a verb or a role word before it
# means the words were a clause, not a field (`Phòng chống …`, `Tổ chức …` are verbs).
_FIELD_HEADS = frozenset({"Ban", "Trạm", "Tổ", "Đội", "Trung tâm", "Hạt", "Phòng", "Chi cục"})
_FIELD_WORD = re.compile(r"(?:[^\S\n]*[-–][^\S\n]*|[^\S\n]+)(\p{Ll}+)(?![\p{L}\p{N}])")
_FIELD_ABBR = re.compile(r"(?:[^\S\n]+\p{Lu}{2,}|[^\S\n]*\([^\S\n]*\p{Lu}{2,}[^\S\n]*\))(?![\p{L}\p{N}])")
_INSIDE_SENTENCE = re.compile(r"[\p{Ll},][^\S\n]+$")
_FIELD_MAX_WORDS = 10


def _lower_field_end(text: str, m) -> int | None:
    """Where a capitalised head's lower-case field ends with its level word and place, or None."""
    if m.group() not in _FIELD_HEADS or not _INSIDE_SENTENCE.search(text, max(0, m.start() - 3), m.start()):
        return None
    i, words = m.end(), []
    while len(words) < _FIELD_MAX_WORDS:
        if words and (lv := _level_at(text, _skip_space(text, i))) is not None and text[i:i + 1].isspace():
            return _with_level(text, i)
        w = _FIELD_WORD.match(text, i)
        if not w:
            abbr = _FIELD_ABBR.match(text, i) if words else None
            if abbr is None:
                return None
            i = abbr.end()
            continue
        word = w.group(1)
        following = _FIELD_WORD.match(text, w.end())
        pair = f"{words[-1] if words else m.group().split()[-1].casefold()} {word}"
        nxt = following.group(1) if following else None
        if (_ends_name(word, nxt) and f"{word} {nxt}" not in _FIELD_WORDS) \
                or (pair in STOP_BIGRAMS and pair not in _FIELD_WORDS) or pair in _FIELD_NOT_NAME or word in _FIELD_PLACE_WORDS:
            return None
        words.append(word)
        i = w.end()
    return None


# a head and the word after it that make one word of another sense (`Đội ngũ cán bộ xã`, `Trung tâm
# hành chính huyện` is a place), or a clause's verb (`Phòng chống dịch …`)
# (`giáo dục thường xuyên`: an adverb elsewhere, a field's words here)
_FIELD_WORDS = frozenset({"thường xuyên"})
# (`Tổ quốc`, `Tổ trưởng`, `Phòng họp UBND huyện` a room, `Phòng thủ dân sự` a field of a board's name, `Ủy
# Ban nhân dân` and `Ban thường vụ Huyện ủy` read whole elsewhere)
_FIELD_NOT_NAME = frozenset({"đội ngũ", "phòng chống", "phòng ngừa", "tâm hành", "tổ hợp", "ban đầu", "ban ngày", "trạm dừng",
                             "tổ quốc", "tổ trưởng", "phòng họp", "phòng thủ", "ban nhân", "ban thường", "phòng làm"})
# words that say where a unit is, not what it does (`Trạm y tế gần khu trung tâm xã`)
_FIELD_PLACE_WORDS = frozenset({"gần", "cạnh", "bên", "giữa", "ngoài"})


def _mention_end(text: str, kind: str, m) -> int | None:
    if _HEAD_OF.match(text, m.end()):
        return None
    if kind == "coll" and _UNIT_KIND_AT.match(m.group()) and not _named_kind(m.group()):
        return None
    if kind == "coll" and (office := _OFFICE_KIND.match(text, m.start())) and office.end() == m.end() \
            and not _named_kind(m.group()[m.group().index(" ") + 1:]):
        return None  # `cơ quan <kind> các cấp`: the words must name what the office does
    if kind in ("coll", "gen"):
        end = _with_level(text, m.end())
        if kind == "coll" and end == m.end() and (capital := _CAPITAL_LEVEL.match(text, end)):
            end = capital.end()  # `các sở, ban, ngành Tỉnh, UBND huyện …`: the level as a letter capitalises it
        if kind == "coll" and end == m.end() and (of := _OF_PLACE.match(text, end)):
            end = _with_level(text, of.end())  # `các phòng, ban, ngành của phường`: whose they are, part of the name
        tail = _TAIL.match(text, end)
        end = tail.end() if tail else end
        if of_centre := _OF_CENTRE.match(text, end):
            end = of_centre.end()  # `các cơ quan chức năng của Trung ương`: the central ones, part of the name
        if kind == "coll" and (members := _MEMBERS_OF_NAMED.match(text, end)) and text[m.start():end].endswith("cơ quan"):
            end = members.end()  # `các bộ, cơ quan thành viên Ủy ban Quốc gia phòng, chống AIDS … (Ủy ban Quốc gia)`
        if kind == "gen" and end == m.end() and m.group().casefold().endswith("đơn vị") and (managed := _managed_end(text, end)):
            end = managed  # `Các đơn vị quản lý hệ thống chiếu sáng công cộng tiết kiệm …`: named by what they run
        elif kind == "gen" and _GENERIC_KIND.fullmatch(m.group()) \
                and not _settled_end(text, end):
            if m.group().casefold().endswith("tổ chức"):
                # a two-syllable word that a common task verb follows is the kind (`thủy lợi`);
                # otherwise none is named (`các tổ chức hội`)
                kind_end = _kind_before_verb(text, end)
                if kind_end is None:
                    return None
                end = kind_end
        if kind == "gen" and end == m.end() and m.group().casefold().endswith("tổ chức"):
            return None  # `các tổ chức trong hệ thống chính trị`: no kind of organisation named
        owned = _owner_tail(text, end, named=True)
        if owned == end and kind == "gen" and (bare := _BARE_SUBORDINATE.match(text, end)):
            owned = bare.end()  # `chỉ đạo các đơn vị trực thuộc và UBND các xã …`: the writer's own units
        return owned
    if kind == "body":
        body = m.group()
        if body in _TEAMS and (team := _TEAM_FIELD.match(text, m.end())):
            return _with_level(text, team.end())
        if body in _TEAMS and (team := _TEAM_PURPOSE.match(text, m.end())):
            return _with_level(text, team.end())
        if body == "Đoàn liên ngành":
            return None  # named only with what it inspects; alone it is the text's short form
        if body in _CENTRAL_TEAMS and (sent := _SENT_BY.match(text, m.end())):
            return sent.end()  # `Tổ công tác đặc biệt của Chính phủ`, `Đoàn kiểm tra của Thủ tướng`: who sent it
        joined = _JOINED_NAME.match(text, m.end())
        if joined:  # `Thư viện - Nhà truyền thống huyện`: two institutions run as one
            name_end = _proper_name_end(text, joined.end(), commas=False)
            if name_end:
                return _with_level(text, _bridge(text, name_end))
        end = _with_level(text, m.end())
        if end == m.end():
            # `Công an`, `Thanh tra` alone are activities; as bodies they carry a level
            # (`giao Công an chủ trì`: written bare where the wording names its role outright)
            if body in NEEDS_LEVEL and not (body[:1].isupper() and (
                    _ROLE_NAMED_AFTER.match(text, end) or _ROLE_NAMED_BEFORE.search(text, 0, m.start()))):
                return None
            place = _PLACE.match(text, end)  # `Huyện ủy Bảo Yên`
            if place and not _starts_body(text, _skip_space(text, end)):
                end = place.end()
                if body in PROPER_HEADS:  # `Thanh tra Chính phủ`: a name, read as a name (`phủ` too)
                    end = max(end, _proper_name_end(text, _skip_space(text, m.end())) or end)
        owner = _PARTY_OWNER.match(text, end) if body.casefold().startswith("ủy ban kiểm tra") else None
        if owner:  # `Ủy ban kiểm tra Huyện ủy`: the committee's organ
            end = _with_level(text, owner.end())
        tail = _TAIL.match(text, end)  # `UBND các tỉnh, thành phố trực thuộc Trung ương`
        # `UBND các quận, huyện liên quan`: which of the units, part of the name
        concerned = tail and "liên quan" in tail.group() and _level_at(text, _skip_space(text, m.end())) is not None
        if not (tail and ("trực thuộc" in tail.group() or concerned)) and end > m.end() \
                and (where := _UNITS_WHERE.match(text, end)):
            return where.end()  # `UBND các phường, xã, thị trấn nơi có công trình vi phạm,`: which units
        return tail.end() if tail and ("trực thuộc" in tail.group() or concerned) else end
    # a head noun needs a capitalised name after it
    j = _skip_space(text, m.end())
    lower_first = _LOWER_FIRST_FIELD.match(text, j) if m.group() in ("Sở", "Bộ") and j > m.end() else None
    if lower_first and not any(_ends_name(w, None) for w in lower_first.group(1).split()):
        # `Sở văn hóa, Thể thao và Du lịch`: the first of the listed fields written in lower case
        end = _proper_name_end(text, lower_first.end())
        if end is not None and " và " in text[lower_first.end():end]:
            return _owner_tail(text, _with_level(text, end))
    if (m.group() == "Ban" and _MANAGEMENT_BOARD.match(text, j)) or (m.group() in ("Ban", "Hội đồng") and _WORKING_BOARD.match(text, j)):
        # `các Ban quản lý dự án Thành phố`: a management board written in lower case is named as
        # the capitalised one is (what it manages, then its place)
        raised = text[:j] + text[j].upper() + text[j + 1:]
        end = _proper_name_end(raised, j)
        # (`Ban chỉ đạo du lịch tỉnh Hòa Bình`: its field's lower-case words run to its level)
        end = _calamity_fought(text, j, _bridge(raised, end)) if end is not None else None
        if end is not None and (quoted := _QUOTED_TITLE.match(text, end)):
            end = quoted.end()  # `Ban vận động Quỹ “Vì người nghèo” huyện`: the fund's quoted title
        return _owner_tail(text, _with_level(text, end)) if end is not None else None
    if (fielded := _lower_field_end(text, m)) is not None:
        return _owner_tail(text, fielded)
    if m.group() == "Tổ":
        return None  # a team is read by its field only (`Tổ Quốc` is the fatherland)
    if j == m.end() or not (_CAP.match(text, j) or _ABBR.match(text, j) or _STANDALONE.match(text, j)):
        national = _NATIONAL_ASSOCIATION.match(text, m.end()) if m.group() in _ASSOCIATION_HEADS else None
        if national and not any(w in STOP_SYLLABLES for w in national.group("field").split()):
            return national.end()  # `Hiệp hội mắc ca Việt Nam`: what it gathers, then the country
        return None
    end = _proper_name_end(text, j)
    if end is None:
        return None
    committee = _PARTY_COMMITTEE_END.search(text, j, end)
    if committee and not text[end:end + 1].isalnum():
        # `Ban Thường vụ Tỉnh ủy Lạng Sơn`: the committee that owns the board is named by its place
        place = _PLACE.match(text, end)
        if place and not _starts_body(text, _skip_space(text, end)):
            end = place.end()
    if m.group() == "Ban" and _STEERING_NAMED.fullmatch(text, j, end) and (programmes := _PROGRAMMES.match(text, end)):
        end = programmes.end()  # `Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia`: the programmes it steers
    end = _calamity_fought(text, j, end) if m.group() == "Ban" else end
    end = _bridge(text, end)
    end = _parent_after_slash(text, end)
    quoted = _QUOTED_TITLE.match(text, end)
    end = quoted.end() if quoted else end
    tail = _SPECIALISED.match(text, end)  # `Ban QLDA chuyên ngành tỉnh`
    end = tail.end() if tail else end
    # `Ban An toàn giao thông (ATGT) huyện`: the short form the text defines, before the level word
    if (short := _FIELD_ABBR.match(text, end)) and short.group().lstrip().startswith("(") \
            and _level_at(text, _skip_space(text, short.end())) is not None:
        end = short.end()
    end = _owner_tail(text, _with_level(text, end))
    tail = _TAIL.match(text, end)  # `Sở Y tế các tỉnh, thành phố trực thuộc Trung ương`
    return tail.end() if tail and "trực thuộc" in tail.group() else end
