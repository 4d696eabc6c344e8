"""Agency names: expand abbreviations into the full spelling, and a key under which
every spelling of one body is the same (`UBND các xã, phường` = `Ủy ban nhân dân
các xã, phường`)."""
from __future__ import annotations

import unicodedata

import regex as re

# Abbreviations used across Vietnamese administrative texts, longest first when applied.
ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "DTTS": "dân tộc thiểu số",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "VHXH": "Văn hóa - Xã hội",
    "VH-XH": "Văn hóa - Xã hội",
    "KT-XH": "kinh tế - xã hội",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "TN&MT": "Tài nguyên và Môi trường",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "KH&CN": "Khoa học và Công nghệ",
    "TT&TT": "Thông tin và Truyền thông",
    "CA": "Công an",
    "BCHQS": "Ban Chỉ huy Quân sự",
}

_ABBR_RE = re.compile(
    r"(?<![\p{L}\p{N}&-])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\p{L}\p{N}&])")


def expand(name: str) -> str:
    """The full spelling of an agency name as written (abbreviations expanded)."""
    name = unicodedata.normalize("NFC", name)
    name = _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], name)
    name = re.sub(r"\s*[\u2013\u2014-]\s*", " - ", name)
    name = name.replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    return re.sub(r"\s+", " ", name).strip(" ,;.:")


def agency_key(name: str) -> str:
    """A grouping key: one body, one key, whatever the spelling."""
    s = expand(name).casefold()
    s = s.replace("hoà", "hòa").replace("hoá", "hóa").replace("thuỷ", "thủy")
    s = re.sub(r"^(?:các|những)\s+", "", s)
    s = re.sub(r"[^\p{L}\p{N}]+", " ", s)
    return " ".join(s.split())
