"""One self-contained HTML page of a comparison: the two plans' targets side by side,
coloured by status, each showing the sentence it comes from (no scripts, no links out)."""
from __future__ import annotations

import html
from typing import Optional

from pipeline import labels as L
from pipeline.compare.align import Comparison, DeadlinePair, TargetPair, TargetSide

# (English, Vietnamese) status names; pages and terminals take theirs from `pipeline.labels`
STATUS_LABEL = {
    "same": ("same", "giữ nguyên"),
    "stricter": ("stricter", "cao hơn"),
    "weaker": ("weaker", "thấp hơn"),
    "missing": ("missing", "chưa cụ thể hóa"),
    "child_only": ("child only", "chỉ ở kế hoạch cấp dưới"),
    "not_comparable": ("not comparable", "không so sánh được"),
}
STATUS_COLOUR = {
    "same": "#e6f4ea", "stricter": "#d2e3fc", "weaker": "#fde2cf", "missing": "#f9d0d0",
    "child_only": "#eeeeee", "not_comparable": "#fff4c2",
}
DEADLINE_COLOUR = {"later": "#f9d0d0", "same": "#e6f4ea", "earlier": "#d2e3fc", "undated": "#eeeeee"}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#202124}
h1{font-size:1.4rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem}
.plans{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:.8rem 0}
.plan{border:1px solid #dadce0;border-radius:6px;padding:.6rem .8rem}
.plan b{display:block} .muted{color:#5f6368;font-size:.85rem}
.legend span{display:inline-block;padding:.15rem .5rem;margin:.15rem;border-radius:4px;font-size:.85rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #dadce0;padding:.45rem .55rem;vertical-align:top;text-align:left}
th{background:#f1f3f4} td.status{width:9rem;font-weight:600} td.score{width:4.5rem;text-align:right}
.value{font-weight:700;font-size:1.02rem} .meta{color:#5f6368;font-size:.8rem}
blockquote{margin:.3rem 0 0;padding:.25rem .5rem;border-left:3px solid #9aa0a6;background:rgba(255,255,255,.55);font-size:.88rem}
mark{background:#fbbc04;padding:0 .1rem} .reason{font-weight:400;font-size:.8rem;color:#3c4043;display:block}
.empty{color:#9aa0a6;font-style:italic}
.warning{background:#fff4c2;border:1px solid #fbbc04;border-radius:6px;padding:.5rem .8rem;font-weight:600}
"""


def _e(s) -> str:
    return html.escape("" if s is None else str(s))


def _fmt_value(t: TargetSide, lang: str = L.DEFAULT_LANG) -> str:
    return L.amount(t, lang, with_year=True)


def _sentence_html(t: TargetSide) -> str:
    sent = t.sentence or t.clause
    if not sent:
        return ""
    if t.sentence and t.value_in_sentence:
        a, b = t.value_in_sentence
    else:
        needle = (t.text or "").strip()
        a = sent.find(needle) if needle else -1
        b = a + len(needle)
    if a < 0:
        return f"<blockquote>{_e(sent)}</blockquote>"
    return f"<blockquote>{_e(sent[:a])}<mark>{_e(sent[a:b])}</mark>{_e(sent[b:])}</blockquote>"


def _side_cell(t: Optional[TargetSide], side: str, lang: str = L.DEFAULT_LANG) -> str:
    if t is None:
        return '<td class="empty">—</td>'
    vi = lang != "en"
    anchor = f"{side}-{t.span[0]}-{t.span[1]}"
    where = (f"{'ký tự' if vi else 'chars'} {t.span[0]}–{t.span[1]}"
             + (f" · {'mục' if vi else 'section'} {'.'.join(t.section)}" if t.section else ""))
    return (f'<td id="{anchor}" data-span="{t.span[0]},{t.span[1]}">'
            f'<a href="#{anchor}" class="value">{_e(t.text or _fmt_value(t, lang))}</a> '
            f'<span class="meta">{_e(_fmt_value(t, lang))} · {_e(where)}</span>'
            f'{_sentence_html(t)}</td>')


def _pair_row(p: TargetPair, lang: str = L.DEFAULT_LANG) -> str:
    label = L.status(p.status, lang)
    # an unpaired target has no pair to score: its closest counterpart's score is not shown
    score = f"{p.score:.2f}" if p.score is not None and p.status not in ("missing", "child_only") else ""
    return (f'<tr class="pair status-{p.status}" data-status="{p.status}" '
            f'style="background:{STATUS_COLOUR[p.status]}">'
            f'<td class="status">{_e(label)}'
            f'<span class="reason">{_e(L.reason(p.reason, lang))}</span></td>'
            f'{_side_cell(p.parent, "parent", lang)}{_side_cell(p.child, "child", lang)}'
            f'<td class="score">{score}</td></tr>')


def _deadline_row(d: DeadlinePair, lang: str = L.DEFAULT_LANG) -> str:
    def cell(x) -> str:
        due = L.date(x.due, lang) or "—"
        rec = L.recurrence(x.recurrence, lang)
        return (f'<td><span class="value">{_e(x.text)}</span> <span class="meta">{_e(due)}'
                f'{" · " + _e(rec) if rec else ""}</span>'
                f'<blockquote>{_e(x.task)}</blockquote></td>')
    return (f'<tr class="deadline deadline-{d.status}" data-status="{d.status}" '
            f'style="background:{DEADLINE_COLOUR[d.status]}"><td class="status">'
            f'{_e(L.deadline_status(d.status, lang))}</td>'
            f'{cell(d.parent)}{cell(d.child)}<td class="score">{d.score:.2f}</td></tr>')


def _plan_box(label: str, s, lang: str = L.DEFAULT_LANG) -> str:
    vi = lang != "en"
    ident = " · ".join(x for x in [s.number and (f"số {s.number}" if vi else f"no. {s.number}"),
                                   L.date(s.date, lang)] if x)
    horizon = (f" · {'đến năm' if vi else 'horizon'} {s.horizon}" if s.horizon else "")
    return (f'<div class="plan"><span class="muted">{_e(label)}</span><b>{_e(s.title or s.source)}</b>'
            f'<span class="muted">{_e(s.source)}{" · " + _e(ident) if ident else ""} · '
            f'{_e(L.count(s.targets, "targets", lang))}{_e(horizon)}</span></div>')


def render_html(cmp: Comparison, lang: str = L.DEFAULT_LANG, warnings: Optional[list[str]] = None) -> str:
    vi = lang != "en"
    counts = cmp.counts
    legend = "".join(
        f'<span style="background:{STATUS_COLOUR[k]}" data-count="{k}">{_e(L.status(k, lang))}: '
        f'{counts.get(k, 0)}</span>' for k in STATUS_LABEL)
    extra = [k for k in ("beyond_horizon", "later_deadlines") if counts.get(k)]
    legend += "".join(f'<span data-count="{k}">{_e(L.status(k, lang))}: {counts[k]}</span>' for k in extra)
    rows = "\n".join(_pair_row(p, lang) for p in cmp.pairs)
    notes = "".join(f'<p class="warning" role="alert">⚠ {_e(w)}</p>' for w in warnings or [])
    h = (lambda vi_text, en_text: vi_text if vi else en_text)
    parts = [
        "<!DOCTYPE html>", f'<html lang="{"vi" if vi else "en"}"><head><meta charset="utf-8">',
        f"<title>{h('So sánh chỉ tiêu', 'Targets compared')}: {_e(cmp.child.plan)} / {_e(cmp.parent.plan)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{h('So sánh chỉ tiêu kế hoạch cấp dưới với kế hoạch cấp trên', 'A plan against the plan it implements')}</h1>",
        f'<div class="plans">{_plan_box(h("Kế hoạch cấp trên", "Parent plan"), cmp.parent, lang)}'
        f'{_plan_box(h("Kế hoạch cấp dưới", "Child plan"), cmp.child, lang)}</div>',
        notes,
        f'<div class="legend">{legend}</div>',
        f'<h2 id="targets">{h("Chỉ tiêu", "Targets")}</h2>',
        f'<table class="pairs"><thead><tr><th style="width:9rem">{h("Kết quả", "Status")}</th>'
        f'<th>{h("Chỉ tiêu cấp trên", "Parent target")}</th>'
        f'<th>{h("Chỉ tiêu cấp dưới", "Child target")}</th><th style="width:4.5rem">{h("Điểm", "Score")}</th>'
        '</tr></thead>',
        f"<tbody>{rows}</tbody></table>",
    ]
    if cmp.beyond_horizon:
        items = "\n".join(
            f'<tr class="beyond" data-status="beyond_horizon">{_side_cell(t, "beyond", lang)}</tr>'
            for t in cmp.beyond_horizon)
        parts += [f'<h2 id="beyond">{h("Ngoài thời hạn của kế hoạch cấp dưới", "Beyond the child&#x27;s horizon")} '
                  f'({_e(cmp.child.horizon)})</h2>',
                  '<p class="muted">' + h(
                      "Chỉ tiêu cấp trên có năm sau năm cuối của kế hoạch cấp dưới: một kế hoạch sau của cấp "
                      "dưới sẽ cụ thể hóa; không ghép cặp, không tính là chưa cụ thể hóa.",
                      "Parent targets due after the child plan ends: a later plan of the child has to "
                      "localise them; they are neither paired nor called missing.") + '</p>',
                  f'<table class="beyond"><tbody>{items}</tbody></table>']
    if cmp.deadlines:
        drows = "\n".join(_deadline_row(d, lang) for d in cmp.deadlines)
        parts += [f'<h2 id="deadlines">{h("Thời hạn", "Deadlines")}</h2>',
                  f'<table class="deadlines"><thead><tr><th style="width:9rem">{h("Cấp dưới", "Child is")}</th>'
                  f'<th>{h("Thời hạn cấp trên", "Parent deadline")}</th>'
                  f'<th>{h("Thời hạn cấp dưới", "Child deadline")}</th>'
                  f'<th style="width:4.5rem">{h("Điểm", "Score")}</th>'
                  f'</tr></thead><tbody>{drows}</tbody></table>']
    parts.append(f'<p class="muted">{h("ngưỡng ghép cặp", "threshold")} {cmp.threshold:.2f} · '
                 f'{h("tạo bởi", "generated by")} chitieu compare</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
