"""One home for the words people read: Vietnamese by default, English with `--lang en`.

JSON keys and values never pass through here: they are the interface for programs.
Everything a person reads (terminal, Markdown, checklists, compare and diff reports,
HTML) takes its labels, directions, comparators, units and numbers from this module,
in the terms officers use (chỉ tiêu, thời hạn, cơ quan chủ trì / phối hợp, lần, %/năm,
trên / ít nhất / dưới / khoảng; tăng / giảm / đạt / duy trì).
"""
from __future__ import annotations

import os
from typing import Optional

import regex as re

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


def lang_of(value: Optional[str] = None) -> str:
    """The language asked for: `value` (from `--lang`), else `CHITIEU_LANG`, else Vietnamese."""
    value = (value or os.environ.get("CHITIEU_LANG") or DEFAULT_LANG).strip().lower()[:2]
    return value if value in LANGS else DEFAULT_LANG


# key -> (Vietnamese, English)
_WORDS: dict[str, tuple[str, str]] = {
    # finding kinds
    "targets": ("Chỉ tiêu", "Targets"),
    "deadlines": ("Thời hạn", "Deadlines"),
    "agencies": ("Cơ quan", "Agencies"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "references": ("Văn bản dẫn chiếu", "References"),
    "outline": ("Bố cục", "Outline"),
    "headings": ("mục", "headings"),
    # document facts
    "source": ("Tệp", "Source"),
    "kind": ("Loại văn bản", "Kind"),
    "number": ("Số", "Number"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "place": ("Địa bàn", "Place"),
    "level": ("Cấp", "Level"),
    "date": ("Ngày ban hành", "Date"),
    "implements": ("Thực hiện", "Implements"),
    "text_sha256": ("Mã băm văn bản (SHA-256)", "Text SHA-256"),
    # table columns
    "col_section": ("Mục", "section"),
    "col_indicator": ("Chỉ tiêu", "indicator"),
    "col_level": ("Mức", "level"),
    "col_year": ("Năm", "year"),
    "col_direction": ("Xu hướng", "direction"),
    "col_due": ("Thời hạn", "due"),
    "col_recurrence": ("Định kỳ", "recurrence"),
    "col_task": ("Nhiệm vụ", "task"),
    "col_written": ("Nguyên văn", "as written"),
    "col_agency": ("Cơ quan", "body"),
    "col_lead": ("Chủ trì (mục)", "lead (sections)"),
    "col_support": ("Phối hợp (mục)", "support (sections)"),
    "col_status": ("Kết quả", "status"),
    "col_parent": ("Cấp trên", "parent"),
    "col_child": ("Cấp dưới", "child"),
    "col_score": ("Điểm", "score"),
    # roles
    "lead": ("chủ trì", "lead"),
    "support": ("phối hợp", "support"),
    "lead_body": ("Cơ quan chủ trì", "Lead body"),
    "support_body": ("Cơ quan phối hợp", "Supporting bodies"),
    # misc
    "no_indicator": ("(không rõ chỉ tiêu)", "(no indicator)"),
    "undated": ("chưa có hạn", "no deadline"),
    "yes": ("có", "yes"),
}

LEVELS = {
    "national": ("trung ương", "national"), "ministry": ("bộ, ngành trung ương", "ministry"), "province": ("tỉnh", "province"),
    "district": ("huyện", "district"), "commune": ("xã", "commune"),
    "party committee": ("cấp ủy Đảng", "party committee"), "party": ("cấp ủy Đảng", "party committee"),
    "unknown": ("", ""),
}
DIRECTIONS = {"raise": ("tăng", "raise"), "cut": ("giảm", "cut"), "reach": ("đạt", "reach"),
              "keep": ("duy trì", "keep")}
COMPARATORS = {">=": ("ít nhất", "at least"), ">": ("trên", "over"), "<=": ("không quá", "at most"),
               "<": ("dưới", "under"), "~": ("khoảng", "about"), "=": ("", ""), "range": ("từ", "from")}
UNITS = {"times": ("lần", "times"), "ratio": ("lần", "ratio"), "index": ("", "index")}
RECURRENCES = {
    "yearly": ("hằng năm", "yearly"), "half-yearly": ("6 tháng một lần", "half-yearly"),
    "quarterly": ("hằng quý", "quarterly"), "monthly": ("hằng tháng", "monthly"),
    "weekly": ("hằng tuần", "weekly"), "daily": ("hằng ngày", "daily"),
    "continuous": ("thường xuyên", "continuous"),
}
STATUSES = {
    "same": ("giữ nguyên", "same"),
    "stricter": ("cao hơn", "stricter"),
    "weaker": ("thấp hơn", "weaker"),
    "missing": ("chưa cụ thể hóa", "missing"),
    "child_only": ("chỉ ở cấp dưới", "child only"),
    "not_comparable": ("không so sánh được", "not comparable"),
    "beyond_horizon": ("ngoài thời hạn cấp dưới", "beyond the child's horizon"),
    "later_deadlines": ("thời hạn muộn hơn", "later deadlines"),
}
DEADLINE_STATUSES = {"later": ("muộn hơn", "later"), "same": ("cùng hạn", "same"),
                     "earlier": ("sớm hơn", "earlier"), "undated": ("không có ngày", "undated")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def word(key: str, lang: str = DEFAULT_LANG) -> str:
    return _pick(_WORDS[key], lang)


def _lookup(table: dict, key: Optional[str], lang: str) -> str:
    if key is None or key == "":
        return ""
    pair = table.get(key)
    return _pick(pair, lang) if pair else str(key)


def level(v, lang=DEFAULT_LANG) -> str:
    return _lookup(LEVELS, v, lang)


def direction(v, lang=DEFAULT_LANG) -> str:
    return _lookup(DIRECTIONS, v, lang)


def comparator(v, lang=DEFAULT_LANG) -> str:
    return _lookup(COMPARATORS, v, lang)


def unit(v, lang=DEFAULT_LANG) -> str:
    return _lookup(UNITS, v, lang)


def recurrence(v, lang=DEFAULT_LANG) -> str:
    return _lookup(RECURRENCES, v, lang)


def role(v, lang=DEFAULT_LANG) -> str:
    return _lookup({"lead": _WORDS["lead"], "support": _WORDS["support"]}, v, lang)


def status(v, lang=DEFAULT_LANG) -> str:
    return _lookup(STATUSES, v, lang)


def deadline_status(v, lang=DEFAULT_LANG) -> str:
    return _lookup(DEADLINE_STATUSES, v, lang)


# --- numbers, values, dates -----------------------------------------------------------

def number(x: float, lang: str = DEFAULT_LANG) -> str:
    """`56.000`, `93,5` in Vietnamese; `56,000`, `93.5` in English."""
    if x is None:
        return ""
    if float(x).is_integer() and abs(x) < 1e15:
        whole, frac = f"{int(x):,}", ""
    else:
        s = f"{x:,.6f}".rstrip("0").rstrip(".")
        whole, _, frac = s.partition(".")
    if lang == "en":
        return whole + (f".{frac}" if frac else "")
    return whole.replace(",", ".") + (f",{frac}" if frac else "")


def amount(t, lang: str = DEFAULT_LANG, with_comparator: bool = True, with_year: bool = False) -> str:
    """A target's level as an officer writes it: `ít nhất 98%`, `trên 2 lần`, `từ 2,5 đến 3 %/năm`,
    `khoảng 30%`, `trên 56.000 lao động/năm`. Works on catalogue targets and compare sides."""
    v, vmax = number(t.value, lang), (number(t.value_max, lang) if t.value_max is not None else None)
    u = unit(t.unit, lang) if t.unit else ""
    sep = "" if u in ("%", "") else " "
    per_year = getattr(t, "per_year", False)
    tail = (f"{sep}{u}" if u else "") + (("/năm" if lang != "en" else "/yr") if per_year else "")
    if per_year and not u:
        tail = " /năm" if lang != "en" else " /yr"
    comp = getattr(t, "comparator", "=") or "="
    if vmax is not None:
        text = f"từ {v} đến {vmax}{tail}" if lang != "en" else f"{v}–{vmax}{tail}"
    else:
        word_ = comparator(comp, lang) if with_comparator else ""
        text = f"{word_} {v}{tail}".strip()
    year = getattr(t, "target_year", None)
    if with_year and year:
        text += f" ({'năm ' if lang != 'en' else ''}{year})"
    return text


def date(iso: Optional[str], lang: str = DEFAULT_LANG) -> str:
    """`2026-09-30` → `30/09/2026`; `--11-01` → `01/11 hằng năm`; English keeps ISO."""
    if not iso:
        return ""
    if lang == "en":
        return iso
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if m:
        return f"{m[3]}/{m[2]}/{m[1]}"
    m = re.fullmatch(r"--(\d{2})-(\d{2})", iso)
    if m:
        return f"{m[2]}/{m[1]} hằng năm"
    m = re.fullmatch(r"(\d{4})-(\d{2})", iso)
    if m:
        return f"{m[2]}/{m[1]}"
    return iso


def count(n: int, key: str, lang: str = DEFAULT_LANG, default: Optional[str] = None) -> str:
    """`16 chỉ tiêu` / `16 targets` (Vietnamese nouns do not inflect). `default`: the noun of
    a kind with no entry here yet (its registry heading)."""
    vi, en = _COUNT_NOUNS[key] if key in _COUNT_NOUNS or default is None else (default, key.rstrip("s"))
    if lang == "en":
        return f"{n} {en if n == 1 else en + 's'}"
    return f"{n} {vi}"


_COUNT_NOUNS = {
    "targets": ("chỉ tiêu", "target"), "deadlines": ("thời hạn", "deadline"),
    "agencies": ("cơ quan", "body"), "mentions": ("lượt nêu", "mention"),
    "tasks": ("nhiệm vụ", "task"), "references": ("văn bản dẫn chiếu", "reference"),
    "sections": ("mục", "heading"), "plans": ("kế hoạch", "plan"), "chars": ("ký tự", "character"),
}


def cut(text: str, limit: int, mark: str = "…") -> str:
    """At most `limit` characters, cut between words (never mid-word), `…` when cut."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    room = max(1, limit - len(mark))
    head = text[:room]
    if text[room] != " " and " " in head:
        head = head[:head.rfind(" ")]
    return head.rstrip(" ,;:-–(") + mark


# --- compare reasons -----------------------------------------------------------------

_REASONS_VI = [
    (r"no child target on this indicator", "cấp dưới không có chỉ tiêu này"),
    (r"closest child target \((.*)\) answers another parent target",
     r"chỉ tiêu gần nhất của cấp dưới (\1) đã ứng với chỉ tiêu khác của cấp trên"),
    (r"not in the parent plan", "cấp trên không có"),
    (r"same level", "cùng mức"),
    (r"different units \((.*) vs (.*)\)", r"khác đơn vị (\1 so với \2)"),
    (r"a yearly rate against a total", "mức hằng năm so với tổng"),
    (r"a level against an amount of change", "mức đạt so với mức thay đổi"),
    (r"values not comparable", "giá trị không so sánh được"),
    (r"higher floor", "mức sàn cao hơn"), (r"lower floor", "mức sàn thấp hơn"),
    (r"higher ceiling", "mức trần cao hơn"), (r"lower ceiling", "mức trần thấp hơn"),
    (r"higher cut", "mức giảm lớn hơn"), (r"lower cut", "mức giảm nhỏ hơn"),
    (r"earlier year \((\d+) vs (\d+)\), a yearly rate", r"năm sớm hơn (\1 so với \2), mức hằng năm"),
    (r"later year \((\d+) vs (\d+)\), a yearly rate", r"năm muộn hơn (\1 so với \2), mức hằng năm"),
    (r"earlier year \((\d+) vs (\d+)\)", r"năm sớm hơn (\1 so với \2)"),
    (r"later year \((\d+) vs (\d+)\)", r"năm muộn hơn (\1 so với \2)"),
]


def reason(text: str, lang: str = DEFAULT_LANG) -> str:
    """A compare reason (written in English by the aligner) in the reader's language."""
    if lang == "en" or not text:
        return text or ""
    parts = []
    for part in text.split("; "):
        for pattern, repl in _REASONS_VI:
            if re.fullmatch(pattern, part):
                part = re.sub(pattern, repl, part)
                break
        parts.append(part)
    return "; ".join(parts)


# --- why a plan file cannot be read (pipeline.ingest, pipeline.ocr) --------------------------

# key -> (Vietnamese, English); `{name}` fields are filled by `problem()`
PROBLEMS: dict[str, tuple[str, str]] = {
    "no_plans_in_dir": ("thư mục không có tệp kế hoạch nào ({suffixes})",
                        "directory holds no plan files ({suffixes})"),
    "inside_output": ("nằm trong thư mục kết quả (-o); không đọc kết quả như kế hoạch",
                      "inside the output folder (-o); outputs are not read as plans"),
    "no_such_file": ("không có tệp này", "no such file"),
    "is_directory": ("là thư mục, không phải tệp kế hoạch", "is a directory, not a plan file"),
    "not_a_directory": ("không phải thư mục", "not a directory"),
    "no_plan_text": ("danh mục không có văn bản kế hoạch ({source}) đi kèm bên cạnh: không đọc được các đoạn trích",
                     "catalogue without its plan text ({source}) beside it: spans cannot be read"),
    "not_catalogue_json": ("không phải tệp JSON danh mục ({error})", "not a catalogue JSON file ({error})"),
    "not_catalogue": ("không phải danh mục chitieu ({count} lỗi theo lược đồ)",
                      "not a chitieu catalogue ({count} schema errors)"),
    "nothing_found": ("không có gì để lập danh mục: không thấy chỉ tiêu, thời hạn, cơ quan, văn bản dẫn chiếu "
                      "hay mục đánh số nào",
                      "nothing to catalogue: no target, deadline, agency, reference or numbered section found"),
    "cannot_read": ("không đọc được ({why})", "cannot read ({why})"),
    "empty": ("tệp rỗng", "file is empty"),
    "wrong_suffix": ("là tệp {kind} nhưng mang đuôi {suffix}; hãy đổi đuôi thành .pdf hoặc .docx",
                     "a {kind} file with a {suffix} suffix; name it .pdf or .docx"),
    "wrong_no_suffix": ("là tệp {kind} nhưng không có đuôi; hãy đặt đuôi .pdf hoặc .docx",
                        "a {kind} file with a missing suffix; name it .pdf or .docx"),
    "utf16": ("văn bản mã hóa UTF-16; hãy lưu lại dạng UTF-8", "text is UTF-16; save it as UTF-8"),
    "utf16_no_bom": ("văn bản có vẻ mã hóa UTF-16 không có BOM; hãy lưu lại dạng UTF-8",
                     "text looks like UTF-16 without a byte-order mark; save it as UTF-8"),
    "binary": ("tệp nhị phân, không phải văn bản kế hoạch", "binary file, not a plan text"),
    "not_utf8": ("không phải UTF-8 (byte 0x{byte:02x} ở vị trí {offset}); hãy lưu lại kế hoạch dạng UTF-8 "
                 "(không đọc các bảng mã cũ TCVN3/VNI/Windows-1258)",
                 "not UTF-8 (byte 0x{byte:02x} at offset {offset}); re-save the plan as UTF-8 "
                 "(legacy TCVN3/VNI/Windows-1258 encodings are not read)"),
    "bad_docx": ("tệp .docx hỏng, không đọc được ({error})", "not a readable .docx file ({error})"),
    "bad_pdf": ("tệp PDF hỏng, không đọc được ({error})", "not a readable PDF ({error})"),
    "no_text_in_document": ("tài liệu không có chữ", "no text in the document"),
    "no_readable_text": ("không có chữ đọc được", "no readable text"),
    "mis_encoded": ("văn bản có vẻ sai bảng mã (byte TCVN3/VNI cũ đọc như UTF-8?); hãy chuyển sang Unicode UTF-8",
                    "text looks mis-encoded (legacy TCVN3/VNI bytes read as UTF-8?); convert it to Unicode UTF-8"),
    # scanned PDFs
    "scan_no_ocr": ("PDF không có lớp chữ (bản quét); không đọc được bằng OCR: {why}",
                    "PDF has no text layer (a scan); OCR cannot read it: {why}"),
    "scan_not_rendered": ("PDF không có lớp chữ (bản quét) và không dựng được trang để OCR ({error})",
                          "PDF has no text layer (a scan) and its pages cannot be rendered for OCR ({error})"),
    "scan_page_failed": ("PDF không có lớp chữ (bản quét); OCR thất bại ở trang {page}/{pages}: {why}",
                         "PDF has no text layer (a scan); OCR failed on page {page}/{pages}: {why}"),
    "scan_no_letters": ("PDF không có lớp chữ (bản quét) và OCR không nhận ra chữ nào",
                        "PDF has no text layer (a scan) and OCR found no letters"),
    "no_tesseract": ("chưa cài Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie, hoặc scripts/setup.sh)",
                     "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie, or scripts/setup.sh)"),
    "tesseract_fails": ("không chạy được Tesseract ({error})", "Tesseract cannot run ({error})"),
    "no_vie_model": ("Tesseract chưa có mô hình tiếng Việt (apt-get install tesseract-ocr-vie)",
                     "Tesseract has no Vietnamese model (apt-get install tesseract-ocr-vie)"),
    "no_pdfium": ("thiếu thư viện pypdfium2 để dựng trang PDF (pip install pypdfium2)",
                  "pypdfium2 is missing to render PDF pages (pip install pypdfium2)"),
    "tesseract_timeout": ("Tesseract đọc một trang quá {seconds:.0f} giây",
                          "Tesseract took over {seconds:.0f} s on one page"),
    "tesseract_error": ("Tesseract lỗi (mã {code}){detail}", "Tesseract failed (code {code}){detail}"),
}


def problem(key: str, lang: Optional[str] = None, **fields) -> str:
    """Why a plan cannot be read, in the reader's language: Vietnamese unless `lang` or
    `CHITIEU_LANG` says `en` (reading has no `--lang` of its own: it runs in workers)."""
    return _pick(PROBLEMS[key], lang_of(lang)).format(**fields)
