"""The syllable grammar (extractors/grammar/syllables.py): words that web copies glued out of
two, as they occur in the real pages of tests/real and ../shared/real, split back; real
syllables, names and abbreviations left alone."""
import pytest

from extractors.agencies.names import agency_key, expand
from extractors.grammar.syllables import is_syllable, split_glued, unglue

GLUED = [("cácsở", "các", "sở"), ("Kếhoạch", "Kế", "hoạch"), ("tậptrung", "tập", "trung"),
         ("đoànthể", "đoàn", "thể"), ("vớicác", "với", "các"), ("cơquan", "cơ", "quan"),
         ("nữtham", "nữ", "tham"), ("tổchức", "tổ", "chức"), ("Ủyban", "Ủy", "ban"),
         ("Trungương", "Trung", "ương"), ("đơnvị", "đơn", "vị"), ("kiểmtra", "kiểm", "tra"),
         ("giúpđỡ", "giúp", "đỡ"), ("cáchuyện", "các", "huyện"), ("đốcSở", "đốc", "Sở"), ("Ytế", "Y", "tế")]
WORDS = ["người", "ngoài", "huynh", "khuynh", "quyền", "nguyệt", "khuya", "nghiêng", "thuở", "rượu",
         "giúp", "gìn", "ngoặc", "Nguyễn", "HĐND", "BCĐ", "QĐ", "VHTTDL", "Khmer", "Đắk"]


@pytest.mark.parametrize("word,first,second", GLUED)
def test_glued_words_split(word, first, second):
    assert split_glued(word) == (first, second)


@pytest.mark.parametrize("word", WORDS)
def test_words_stay(word):
    assert split_glued(word) is None


def test_stop_finals_take_only_two_tones():
    assert is_syllable("tập") and is_syllable("các") and not is_syllable("nữt") and not is_syllable("vớic")


def test_names_unglued_so_one_body_has_one_key():
    assert unglue("Ban vì sự tiến bộ phụ nữ cácsở, ban, ngành") == "Ban vì sự tiến bộ phụ nữ các sở, ban, ngành"
    assert expand("Bộ Kếhoạch và Đầu tư") == "Bộ Kế hoạch và Đầu tư"
    assert agency_key("Bộ Kếhoạch và Đầu tư") == agency_key("Bộ Kế hoạch và Đầu tư")
