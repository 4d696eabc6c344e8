"""Coverage of one parent plan across its children: for every parent target, what each
catalogued child did with it (kept it, tightened it, weakened it, missed it, or has not
reached its year yet), side by side.

Each child is compared with the parent by `pipeline.compare.align.compare_plans`, the
same comparison `chitieu compare` prints; this module only lays the comparisons out as
one grid (rows: the parent's targets; columns: the children) and renders it as a
self-contained HTML page and an xlsx workbook. Labels come from `pipeline.labels`.
"""
from __future__ import annotations

import html
import io
from typing import Optional

from pydantic import BaseModel, Field

from extractors.models import Catalogue
from pipeline import labels as L
from pipeline.compare.align import THRESHOLD, Comparison, PlanSummary, TargetPair, TargetSide, compare_plans
from pipeline.compare.html import STATUS_COLOUR

# the cells of the grid, in the order a reader scans them: kept, stricter, weaker, missing
STATUS_ORDER = ("same", "stricter", "weaker", "missing", "not_comparable", "beyond_horizon")
COLOUR = {**STATUS_COLOUR, "beyond_horizon": "#f1f3f4"}


class CoverageCell(BaseModel):
    """What one child did with a parent target: the comparison's own pair (`TargetPair`,
    whose parent is the row's), or only a status where the child has none for it
    (`missing`, `beyond_horizon`)."""
    status: str
    pair: Optional[TargetPair] = None

    @property
    def child(self) -> Optional[TargetSide]:
        return self.pair.child if self.pair else None

    @property
    def score(self) -> Optional[float]:
        # an unpaired target's score is its closest counterpart's: not a pair's score
        return self.pair.score if self.pair and self.pair.child is not None else None

    @property
    def reason(self) -> str:
        return self.pair.reason if self.pair else ""


class CoverageRow(BaseModel):
    parent: TargetSide
    cells: list[CoverageCell] = Field(description="one per child, in the order of `children`")


class Coverage(BaseModel):
    parent: PlanSummary
    children: list[PlanSummary]
    rows: list[CoverageRow]
    counts: list[dict[str, int]] = Field(description="per child: parent targets by status")
    warnings: list[list[str]] = Field(default_factory=list, description="per child: what a reader must know")
    threshold: float = THRESHOLD


def coverage(parent: Catalogue, parent_text: str, children: list[tuple[Catalogue, str]],
             threshold: float = THRESHOLD) -> Coverage:
    """The grid of one parent against its children (catalogue and plan text each; at least one)."""
    return coverage_of([compare_plans(child, text, parent, parent_text, threshold=threshold)
                        for child, text in children])


def coverage_of(comparisons: list[Comparison], warnings: Optional[list[list[str]]] = None) -> Coverage:
    """The grid of comparisons of children with one parent (`compare_plans`, at least one)."""
    if not comparisons:
        raise ValueError("coverage needs at least one child plan")
    by_child: list[dict[tuple[int, int], CoverageCell]] = []
    sides: dict[tuple[int, int], TargetSide] = {}
    for cmp in comparisons:
        cells: dict[tuple[int, int], CoverageCell] = {}
        for pair in cmp.pairs:
            if pair.parent is None:
                continue  # the child's own targets are not the parent's coverage
            key = tuple(pair.parent.span)
            sides.setdefault(key, pair.parent)
            cells[key] = CoverageCell(status=pair.status, pair=pair)
        for side in cmp.beyond_horizon:
            key = tuple(side.span)
            sides.setdefault(key, side)
            cells[key] = CoverageCell(status="beyond_horizon")
        by_child.append(cells)
    rows = [CoverageRow(parent=sides[key],
                        cells=[cells.get(key, CoverageCell(status="missing")) for cells in by_child])
            for key in sorted(sides)]
    counts = []
    for i in range(len(comparisons)):
        c = {s: 0 for s in STATUS_ORDER}
        for row in rows:
            c[row.cells[i].status] = c.get(row.cells[i].status, 0) + 1
        counts.append(c)
    return Coverage(parent=comparisons[0].parent, children=[c.child for c in comparisons], rows=rows,
                    counts=counts, warnings=warnings or [[] for _ in comparisons],
                    threshold=comparisons[0].threshold)


# ---- words -------------------------------------------------------------------------------

def indicator(t: TargetSide) -> str:
    from pipeline.commands.compare import indicator_of
    return indicator_of(t) or t.text


def plan_label(s: PlanSummary, lang: str = L.DEFAULT_LANG) -> str:
    """`001 · Kế hoạch … (số 12/KH-UBND, 01/02/2021)`: the plan's name, then what identifies it."""
    vi = lang != "en"
    ident = ", ".join(x for x in [s.number and (f"số {s.number}" if vi else f"no. {s.number}"),
                                  L.date(s.date, lang)] if x)
    title = L.cut(s.title, 90) if s.title else ""
    return " · ".join(x for x in [s.plan, title] if x) + (f" ({ident})" if ident else "")


def cell_text(cell: CoverageCell, lang: str = L.DEFAULT_LANG) -> str:
    """`thấp hơn: ít nhất 30% (năm 2025)`: the status, then the child's level when it has one."""
    status = L.status(cell.status, lang)
    if cell.child is None:
        return status
    return f"{status}: {L.amount(cell.child, lang, with_year=True)}"


def row_summary(row: CoverageRow, lang: str = L.DEFAULT_LANG) -> str:
    """How many children took the target up (same, stricter or weaker) out of those whose
    horizon reaches it: `2/3 cụ thể hóa`."""
    due = [c for c in row.cells if c.status != "beyond_horizon"]
    took = sum(c.status in ("same", "stricter", "weaker") for c in due)
    return f"{took}/{len(due)} " + ("cụ thể hóa" if lang != "en" else "taken up")


# ---- HTML --------------------------------------------------------------------------------

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#202124}
h1{font-size:1.4rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem}
.muted{color:#5f6368;font-size:.85rem}
.legend span{display:inline-block;padding:.15rem .5rem;margin:.15rem;border-radius:4px;font-size:.85rem}
table{border-collapse:collapse} th,td{border:1px solid #dadce0;padding:.4rem .5rem;vertical-align:top;text-align:left}
th{background:#f1f3f4;font-size:.85rem} td.parent{min-width:16rem;max-width:28rem}
td.cell{min-width:8rem;font-size:.88rem} .value{font-weight:700} td.cell .value{display:block}
td.cell b{font-weight:600} .meta{color:#5f6368;font-size:.8rem;display:block}
.reason{font-size:.78rem;color:#3c4043;display:block} td.n{text-align:right}
.warning{background:#fff4c2;border:1px solid #fbbc04;border-radius:6px;padding:.5rem .8rem;font-weight:600}
"""


def _e(s) -> str:
    return html.escape("" if s is None else str(s))


def render_html(cov: Coverage, lang: str = L.DEFAULT_LANG) -> str:
    vi = lang != "en"

    def h(vi_text: str, en_text: str) -> str:
        return vi_text if vi else en_text
    legend = "".join(f'<span style="background:{COLOUR[s]}">{_e(L.status(s, lang))}</span>' for s in STATUS_ORDER)
    head = "".join(f'<th data-child="{_e(c.plan)}" title="{_e(plan_label(c, lang))}">{_e(c.plan)}'
                   f'<span class="meta">{_e(L.cut(c.title, 60))}</span></th>' for c in cov.children)
    body = []
    for row in cov.rows:
        p = row.parent
        cells = []
        for child, cell in zip(cov.children, row.cells):
            tip = (cell.child.sentence or cell.child.text) if cell.child else ""
            reason = L.reason(cell.reason, lang) if cell.status not in ("same",) else ""
            cells.append(
                f'<td class="cell" data-child="{_e(child.plan)}" data-status="{cell.status}" '
                f'style="background:{COLOUR.get(cell.status, "#fff")}" title="{_e(L.cut(tip, 300))}">'
                f'<b>{_e(L.status(cell.status, lang))}</b>'
                + (f'<span class="value">{_e(L.amount(cell.child, lang, with_year=True))}</span>'
                   if cell.child else "")
                + (f'<span class="reason">{_e(reason)}</span>' if reason else "") + "</td>")
        body.append(f'<tr data-span="{p.span[0]},{p.span[1]}"><td class="parent">'
                    f'<span class="value">{_e(L.amount(p, lang, with_year=True))}</span> '
                    f'{_e(L.cut(indicator(p), 160))}'
                    + (f'<span class="meta">{_e(h("mục", "section"))} {_e(".".join(p.section))}</span>'
                       if p.section else "") + "</td>"
                    f'{"".join(cells)}<td class="n">{_e(row_summary(row, lang))}</td></tr>')
    summary_head = "".join(f"<th>{_e(L.status(s, lang))}</th>" for s in STATUS_ORDER)
    summary = "".join(
        f'<tr data-child="{_e(c.plan)}"><td>{_e(plan_label(c, lang))}</td>'
        + "".join(f'<td class="n" data-status="{s}">{counts.get(s, 0)}</td>' for s in STATUS_ORDER) + "</tr>"
        for c, counts in zip(cov.children, cov.counts))
    notes = "".join(f'<p class="warning" role="alert">⚠ {_e(w)}</p>' for ws in cov.warnings for w in ws)
    parts = [
        "<!DOCTYPE html>", f'<html lang="{"vi" if vi else "en"}"><head><meta charset="utf-8">',
        f"<title>{h('Độ phủ chỉ tiêu', 'Target coverage')}: {_e(cov.parent.plan)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{h('Độ phủ chỉ tiêu của kế hoạch cấp trên ở các kế hoạch cấp dưới', 'A parent plan’s targets across its children')}</h1>",
        f'<p><b>{h("Kế hoạch cấp trên", "Parent plan")}:</b> {_e(plan_label(cov.parent, lang))} · '
        f'{_e(L.count(len(cov.rows), "targets", lang))} · '
        f'{_e(L.count(len(cov.children), "plans", lang))} {h("cấp dưới", "below it")}</p>',
        notes,
        f'<div class="legend">{legend}</div>',
        f'<h2 id="summary">{h("Tóm tắt theo kế hoạch cấp dưới", "Per child plan")}</h2>',
        f'<table class="summary"><thead><tr><th>{h("Kế hoạch cấp dưới", "Child plan")}</th>{summary_head}'
        f'</tr></thead><tbody>{summary}</tbody></table>',
        f'<h2 id="grid">{h("Từng chỉ tiêu cấp trên", "Each parent target")}</h2>',
        f'<table class="coverage"><thead><tr><th>{h("Chỉ tiêu cấp trên", "Parent target")}</th>{head}'
        f'<th>{h("Cấp dưới cụ thể hóa", "Taken up")}</th></tr></thead>',
        f"<tbody>{''.join(body)}</tbody></table>",
        f'<p class="muted">{h("ngưỡng ghép cặp", "threshold")} {cov.threshold:.2f} · '
        f'{h("tạo bởi", "generated by")} chitieu coverage</p>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


# ---- xlsx --------------------------------------------------------------------------------

def render_xlsx(cov: Coverage, lang: str = L.DEFAULT_LANG) -> bytes:
    """A workbook: the grid (one row per parent target, one column per child, cells
    coloured by status) and the per-child counts."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    vi = lang != "en"

    def h(vi_text: str, en_text: str) -> str:
        return vi_text if vi else en_text
    wb = Workbook()
    ws = wb.active
    ws.title = h("Độ phủ", "Coverage")
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    ws.append([h("Kế hoạch cấp trên", "Parent plan"), plan_label(cov.parent, lang)])
    ws.append([])
    header = [h("Mục", "Section"), h("Chỉ tiêu cấp trên", "Parent target"), h("Mức", "Level"), h("Năm", "Year")]
    header += [plan_label(c, lang) for c in cov.children] + [h("Cấp dưới cụ thể hóa", "Taken up")]
    ws.append(header)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font, cell.alignment = bold, wrap
    for row in cov.rows:
        p = row.parent
        ws.append([".".join(p.section), indicator(p), L.amount(p, lang), p.target_year]
                  + [cell_text(c, lang) for c in row.cells] + [row_summary(row, lang)])
        for j, c in enumerate(row.cells):
            target = ws.cell(row=ws.max_row, column=5 + j)
            target.fill = PatternFill("solid", fgColor=COLOUR.get(c.status, "#ffffff").lstrip("#"))
            target.alignment = wrap
        ws.cell(row=ws.max_row, column=2).alignment = wrap
    ws.freeze_panes = ws.cell(row=head_row + 1, column=5)
    widths = [8, 60, 16, 7] + [28] * len(cov.children) + [14]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w

    sm = wb.create_sheet(h("Tóm tắt", "Summary"))
    sm.append([h("Kế hoạch cấp dưới", "Child plan")] + [L.status(s, lang) for s in STATUS_ORDER]
              + [h("Lưu ý", "Notes")])
    for cell in sm[1]:
        cell.font = bold
    for child, counts, notes in zip(cov.children, cov.counts, cov.warnings or [[]] * len(cov.children)):
        sm.append([plan_label(child, lang)] + [counts.get(s, 0) for s in STATUS_ORDER] + [" ".join(notes)])
    sm.column_dimensions["A"].width = 70
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
