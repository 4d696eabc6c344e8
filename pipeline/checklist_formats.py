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

from pipeline.checklist import RECURRENCE_LABEL, Checklist, ChecklistRow, parse_due, plan_year

_RRULE = {
    "yearly": {"freq": "yearly"}, "half-yearly": {"freq": "monthly", "interval": 6},
    "quarterly": {"freq": "monthly", "interval": 3}, "monthly": {"freq": "monthly"},
    "weekly": {"freq": "weekly"}, "daily": {"freq": "daily"},
}

HEADERS = ["Cơ quan", "Vai trò", "Nhiệm vụ", "Hạn hoàn thành", "Thời hạn", "Định kỳ", "Mục",
           "Cơ quan chủ trì", "Cơ quan phối hợp", "Chỉ tiêu", "Mã nhiệm vụ", "Nội dung"]
_WIDTHS = [34, 10, 60, 14, 22, 14, 40, 36, 48, 50, 18, 80]


def _row_values(row: ChecklistRow) -> list:
    t = row.task
    return [row.agency, row.role_label, t.title, row.due_date, row.when_label,
            RECURRENCE_LABEL.get(t.recurrence or "", ""), row.section_label,
            "; ".join(t.lead), "; ".join(t.support), "; ".join(row.targets), t.id, t.text]


# -- Markdown ----------------------------------------------------------------

def to_markdown(cat: Catalogue, checklists: list[Checklist]) -> str:
    title = cat.document.title or cat.plan
    out = [f"# Danh mục nhiệm vụ theo cơ quan: {title}", ""]
    if not checklists:
        out.append("_Kế hoạch không giao nhiệm vụ cho cơ quan nào._")
    for cl in checklists:
        out += [f"## {cl.agency}", "",
                f"{len(cl.rows)} nhiệm vụ ({cl.lead_count} chủ trì, {len(cl.rows) - cl.lead_count} phối hợp)", ""]
        for r in cl.rows:
            line = f"- [ ] **{r.when_label}** · {r.role_label} · {r.task.title}"
            if r.section_label:
                line += f" _(mục {r.section_label})_"
            if r.partners:
                line += f" — {'phối hợp' if r.role == 'lead' else 'chủ trì'}: {'; '.join(r.partners)}"
            if r.targets:
                line += f" → chỉ tiêu: {'; '.join(r.targets[:3])}" + (" …" if len(r.targets) > 3 else "")
            out.append(line)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- CSV -----------------------------------------------------------------------

def to_csv(checklists: list[Checklist]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADERS)
    for cl in checklists:
        for r in cl.rows:
            values = _row_values(r)
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


def to_xlsx(cat: Catalogue, checklists: list[Checklist]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp"
    bold = Font(bold=True)
    summary.append(["Cơ quan", "Số nhiệm vụ", "Chủ trì", "Phối hợp", "Có hạn", "Hạn gần nhất", "Trang tính"])
    names = sheet_names([c.agency for c in checklists])
    for cl, sheet in zip(checklists, names):
        dated = [r.due_date for r in cl.rows if r.due_date]
        summary.append([cl.agency, len(cl.rows), cl.lead_count, len(cl.rows) - cl.lead_count,
                        len(dated), min(dated) if dated else None, sheet])
        ws = wb.create_sheet(sheet)
        ws.append(HEADERS)
        for r in cl.rows:
            ws.append(_row_values(r))
        _format(ws, _WIDTHS, date_col=4, bold=bold, wrap=Alignment(wrap_text=True, vertical="top"),
                letter=get_column_letter)
    _format(summary, [40, 12, 10, 10, 10, 14, 32], date_col=6, bold=bold,
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


def to_ics(cat: Catalogue, checklists: list[Checklist]) -> bytes:
    """One all-day event per dated deadline of the listed tasks; a yearly date repeats
    (RRULE FREQ=YEARLY) from the plan's year."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//chitieu//checklist//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Nhiệm vụ: " + _fit(cat.document.title or cat.plan, 100))
    stamp = _content_stamp(cat)
    by_task: dict[str, list[ChecklistRow]] = {}
    for cl in checklists:
        for r in cl.rows:
            by_task.setdefault(r.task.id or f"{r.task.span[0]}", []).append(r)
    deadlines = {d.id: d for d in cat.deadlines if d.id}
    year = plan_year(cat)
    events = []
    for task_id, rows in by_task.items():
        r, t = rows[0], rows[0].task
        # the task's own dated deadlines, else the date the task reader gave it
        dates = []
        for did in t.deadline_ids:
            d = deadlines.get(did)
            if d is not None and d.due:
                day, yearly = parse_due(d.due, year)
                if day:
                    dates.append((day, yearly, d.recurrence, did))
        if not dates and r.due_date:
            dates = [(r.due_date, r.yearly_date, t.recurrence, "")]
        leads = [x.agency for x in rows if x.role == "lead"] or t.lead
        supports = [x.agency for x in rows if x.role == "support"] or t.support
        desc = []
        if leads:
            desc.append("Chủ trì: " + "; ".join(leads))
        if supports:
            desc.append("Phối hợp: " + "; ".join(supports))
        if r.section_label:
            desc.append("Mục " + r.section_label)
        desc.append(t.text[:500])
        for day, yearly, recurrence, did in sorted(set(dates), key=lambda x: (x[0], x[3])):
            uid_basis = "|".join([cat.text_sha256, task_id, did])
            uid = hashlib.sha1(uid_basis.encode("utf-8")).hexdigest()[:16] + "@chitieu"
            ev = Event()
            ev.add("uid", uid)
            ev.add("dtstamp", stamp)
            ev.add("dtstart", day)
            ev.add("dtend", day + dt.timedelta(days=1))
            ev.add("summary", f"{t.title} ({r.role_label if len(rows) == 1 else rows[0].agency})")
            ev.add("description", "\n".join(desc))
            rule = _RRULE.get("yearly" if yearly else (recurrence or ""))
            if rule:
                ev.add("rrule", rule)
            events.append((day, uid, ev))
    for _, _, ev in sorted(events, key=lambda e: (e[0], e[1])):
        cal.add_component(ev)
    return cal.to_ical()
