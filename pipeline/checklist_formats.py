"""Checklists written out: Markdown to read, CSV and Excel to track, iCalendar to load
into an office calendar. Every writer is deterministic (same catalogue, same output;
the .xlsx too: its save-time stamps are replaced by a stamp from the plan's content)."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io

import regex as re

from extractors.models import Catalogue

from pipeline import labels as L
from pipeline.checklist import Checklist, ChecklistRow, parse_due, plan_year

_RRULE = {
    "yearly": {"freq": "yearly"}, "half-yearly": {"freq": "monthly", "interval": 6},
    "quarterly": {"freq": "monthly", "interval": 3}, "monthly": {"freq": "monthly"},
    "weekly": {"freq": "weekly"}, "daily": {"freq": "daily"},
}

HEADERS = ["Cơ quan", "Vai trò", "Nhiệm vụ", "Hạn hoàn thành", "Thời hạn", "Định kỳ", "Mục",
           "Cơ quan chủ trì", "Cơ quan phối hợp", "Chỉ tiêu", "Mã nhiệm vụ", "Nội dung"]
HEADERS_EN = ["Body", "Role", "Task", "Due date", "Deadline", "Recurrence", "Section",
              "Lead body", "Supporting bodies", "Targets", "Task id", "Text"]
_WIDTHS = [34, 10, 60, 14, 22, 14, 40, 36, 48, 50, 18, 80]


def headers(lang: str = L.DEFAULT_LANG) -> list[str]:
    return HEADERS_EN if lang == "en" else HEADERS


def _row_values(row: ChecklistRow, lang: str = L.DEFAULT_LANG) -> list:
    t = row.task
    return [row.agency, L.role(row.role, lang), t.title, row.due_date, row.when(lang),
            L.recurrence(t.recurrence, lang), row.section_label,
            "; ".join(t.lead), "; ".join(t.support), "; ".join(row.targets), t.id, t.text]


def merge_note(cl: Checklist, lang: str = L.DEFAULT_LANG) -> str:
    """`gộp cả: Các sở, ngành`: the other spellings merged into this body."""
    if not cl.merged:
        return ""
    names = "; ".join(cl.merged)
    return f"merged: {names}" if lang == "en" else f"gộp cả: {names}"


# -- Markdown ----------------------------------------------------------------

def to_markdown(cat: Catalogue, checklists: list[Checklist], lang: str = L.DEFAULT_LANG) -> str:
    en = lang == "en"
    title = cat.document.title or cat.plan
    out = [f"# {'Tasks by body' if en else 'Danh mục nhiệm vụ theo cơ quan'}: {title}", ""]
    if not checklists:
        out.append("_The plan assigns no task to a named body._" if en else
                   "_Kế hoạch không giao nhiệm vụ cho cơ quan nào._")
    merges = [(c.agency, c.merged) for c in checklists if c.merged]
    if merges:
        out.append("Merged names (one body, several spellings):" if en else
                   "Gộp tên (một cơ quan, nhiều cách viết):")
        out += [f"- {name} ← {'; '.join(others)}" for name, others in merges]
        out.append("")
    for cl in checklists:
        n_support = len(cl.rows) - cl.lead_count
        out += [f"## {cl.agency}", ""]
        if en:
            out.append(f"{len(cl.rows)} tasks ({cl.lead_count} lead, {n_support} support)")
        else:
            out.append(f"{len(cl.rows)} nhiệm vụ ({cl.lead_count} chủ trì, {n_support} phối hợp)")
        if cl.merged:
            out.append(f"_({merge_note(cl, lang)})_")
        out.append("")
        for r in cl.rows:
            line = f"- [ ] **{r.when(lang)}** · {L.role(r.role, lang)} · {r.task.title}"
            if r.section_label:
                line += f" _({'section' if en else 'mục'} {r.section_label})_"
            if r.partners:
                other = L.role("support" if r.role == "lead" else "lead", lang)
                line += f" — {other}: {'; '.join(r.partners)}"
            if r.targets:
                line += (f" → {'targets' if en else 'chỉ tiêu'}: {'; '.join(r.targets[:3])}"
                         + (" …" if len(r.targets) > 3 else ""))
            out.append(line)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- CSV -----------------------------------------------------------------------

def to_csv(checklists: list[Checklist], lang: str = L.DEFAULT_LANG) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers(lang))
    for cl in checklists:
        for r in cl.rows:
            values = _row_values(r, lang)
            values[3] = values[3].isoformat() if values[3] else ""
            w.writerow(values)
    return buf.getvalue()


# -- Excel ---------------------------------------------------------------------

def sheet_names(names: list[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, none of `[]:*?/\\`, unique (case-insensitive),
    never the summary sheet's name."""
    used = {"tổng hợp"}
    out = []
    for name in names:
        base = re.sub(r"[\[\]:*?/\\]", " ", name)
        base = re.sub(r"\s+", " ", base).strip(" '") or "Cơ quan"
        cand = _fit(base, 31)
        n = 2
        while cand.casefold() in used:
            suffix = f" ({n})"
            cand = _fit(base, 31 - len(suffix)) + suffix
            n += 1
        used.add(cand.casefold())
        out.append(cand)
    return out


def _fit(name: str, limit: int) -> str:
    """At most `limit` characters, cut between words."""
    if len(name) <= limit:
        return name
    cut = name[:limit]
    if name[limit] != " " and " " in cut:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip(" ,;-")


def to_xlsx(cat: Catalogue, checklists: list[Checklist], lang: str = L.DEFAULT_LANG) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp"
    bold = Font(bold=True)
    summary.append(["Body", "Tasks", "Lead", "Support", "Dated", "Next due", "Sheet", "Merged names"]
                   if lang == "en" else
                   ["Cơ quan", "Số nhiệm vụ", "Chủ trì", "Phối hợp", "Có hạn", "Hạn gần nhất", "Trang tính",
                    "Tên đã gộp"])
    names = sheet_names([c.agency for c in checklists])
    for cl, sheet in zip(checklists, names):
        dated = [r.due_date for r in cl.rows if r.due_date]
        summary.append([cl.agency, len(cl.rows), cl.lead_count, len(cl.rows) - cl.lead_count,
                        len(dated), min(dated) if dated else None, sheet, "; ".join(cl.merged) or None])
        ws = wb.create_sheet(sheet)
        ws.append(headers(lang))
        for r in cl.rows:
            ws.append(_row_values(r, lang))
        _format(ws, _WIDTHS, date_col=4, bold=bold, wrap=Alignment(wrap_text=True, vertical="top"),
                letter=get_column_letter)
    _format(summary, [40, 12, 10, 10, 10, 14, 32, 40], date_col=6, bold=bold,
            wrap=Alignment(vertical="top"), letter=get_column_letter)
    stamp = _content_stamp(cat)
    wb.properties.creator = "chitieu"
    wb.properties.created = stamp
    buf = io.BytesIO()
    wb.save(buf)
    return _repack_stable(buf.getvalue(), stamp)


def _repack_stable(xlsx: bytes, stamp) -> bytes:
    """openpyxl stamps the save time into docProps/core.xml and into every zip entry;
    put the content stamp in both so the same plan gives the same bytes."""
    import re
    import zipfile

    modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + modified.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)
    return out.getvalue()


def _format(ws, widths, date_col, bold, wrap, letter) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[letter(i)].width = width
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
        row[date_col - 1].number_format = "DD/MM/YYYY"


# -- iCalendar -------------------------------------------------------------------

def _content_stamp(cat: Catalogue) -> dt.datetime:
    """A fixed timestamp from the plan itself (its date, else 1 January of its year), so that
    re-running gives byte-identical calendars."""
    if cat.document.date and re.match(r"\d{4}-\d{2}-\d{2}$", cat.document.date):
        d = dt.date.fromisoformat(cat.document.date)
    else:
        d = dt.date(plan_year(cat) or 2000, 1, 1)
    return dt.datetime(d.year, d.month, d.day, 0, 0, 0)


def to_ics(cat: Catalogue, checklists: list[Checklist], lang: str = L.DEFAULT_LANG) -> bytes:
    """One all-day event per body and dated task, its summary naming that body and its role;
    a task due twice on one day (two deadline lines, or two items of one title) is one event.
    A yearly date repeats (RRULE FREQ=YEARLY) from the plan's year. Texts are cut between words."""
    from icalendar import Calendar, Event

    en = lang == "en"
    cal = Calendar()
    cal.add("prodid", "-//chitieu//checklist//" + ("EN" if en else "VI"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    who = f" {'of' if en else 'của'} {checklists[0].agency}" if len(checklists) == 1 else ""
    cal.add("x-wr-calname", f"{'Tasks' if en else 'Nhiệm vụ'}{who}: "
            + L.cut(cat.document.title or cat.plan, 100))
    stamp = _content_stamp(cat)
    deadlines = {d.id: d for d in cat.deadlines if d.id}
    year = plan_year(cat)
    events: dict[tuple, dict] = {}
    for cl in checklists:
        for r in cl.rows:
            t = r.task
            # the task's own dated deadlines, else the date the task reader gave it
            dates = []
            for did in t.deadline_ids:
                d = deadlines.get(did)
                if d is not None and d.due:
                    day, yearly = parse_due(d.due, year)
                    if day:
                        dates.append((day, yearly, d.recurrence))
            if not dates and r.due_date:
                dates = [(r.due_date, r.yearly_date, t.recurrence)]
            for day, yearly, recurrence in sorted(set(dates), key=lambda x: (x[0], x[1] or "", x[2] or "")):
                key = (cl.key, " ".join(t.title.casefold().split()), day)
                ev = events.get(key)
                if ev is None:
                    events[key] = {"cl": cl, "row": r, "day": day, "yearly": yearly, "recurrence": recurrence,
                                   "rows": [r]}
                elif all(x.task is not t for x in ev["rows"]):
                    ev["rows"].append(r)
    out = []
    for (agency_key, _, day), ev in events.items():
        cl, r = ev["cl"], ev["row"]
        t = r.task
        role = L.role(r.role, lang)
        uid_basis = "|".join([cat.text_sha256, agency_key, t.id or str(t.span[0]), day.isoformat()])
        uid = hashlib.sha1(uid_basis.encode("utf-8")).hexdigest()[:16] + "@chitieu"
        desc = [f"{L.word('lead', lang).capitalize()}: " + "; ".join(t.lead) if t.lead else "",
                f"{L.word('support', lang).capitalize()}: " + "; ".join(t.support) if t.support else ""]
        sections = [x.section_label for x in ev["rows"] if x.section_label]
        if sections:
            desc.append(("Section " if en else "Mục ") + "; ".join(dict.fromkeys(sections)))
        if cl.merged:
            desc.append(merge_note(cl, lang))
        desc.append(L.cut(t.text, 500))
        e = Event()
        e.add("uid", uid)
        e.add("dtstamp", stamp)
        e.add("dtstart", day)
        e.add("dtend", day + dt.timedelta(days=1))
        e.add("summary", f"{cl.agency} ({role}): {L.cut(t.title, 120)}")
        e.add("description", "\n".join(x for x in desc if x))
        rule = _RRULE.get("yearly" if ev["yearly"] else (ev["recurrence"] or ""))
        if rule:
            e.add("rrule", rule)
        out.append((day, uid, e))
    for _, _, e in sorted(out, key=lambda x: (x[0], x[1])):
        cal.add_component(e)
    return cal.to_ical()
