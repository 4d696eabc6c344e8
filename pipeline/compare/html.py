"""One self-contained HTML page of a comparison: the two plans' targets side by side,
coloured by status, each showing the sentence it comes from (no scripts, no links out)."""
from __future__ import annotations

import html
from typing import Optional

from pipeline.compare.align import Comparison, DeadlinePair, TargetPair, TargetSide

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
"""


def _e(s) -> str:
    return html.escape("" if s is None else str(s))


def _fmt_value(t: TargetSide) -> str:
    def num(x: float) -> str:
        return f"{x:g}".replace(".", ",")
    v = num(t.value) + (f"–{num(t.value_max)}" if t.value_max is not None else "")
    unit = {"times": " lần", "%": "%"}.get(t.unit or "", f" {t.unit}" if t.unit else "")
    comp = {">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "~": "≈ ", "=": "", "range": ""}.get(t.comparator, "")
    out = f"{comp}{v}{unit}"
    if t.per_year:
        out += "/năm"
    if t.target_year:
        out += f" ({t.target_year})"
    return out


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


def _side_cell(t: Optional[TargetSide], side: str) -> str:
    if t is None:
        return '<td class="empty">—</td>'
    anchor = f"{side}-{t.span[0]}-{t.span[1]}"
    where = f"chars {t.span[0]}–{t.span[1]}" + (f" · mục {'.'.join(t.section)}" if t.section else "")
    return (f'<td id="{anchor}" data-span="{t.span[0]},{t.span[1]}">'
            f'<a href="#{anchor}" class="value">{_e(t.text or _fmt_value(t))}</a> '
            f'<span class="meta">{_e(_fmt_value(t))} · {_e(where)}</span>'
            f'{_sentence_html(t)}</td>')


def _pair_row(p: TargetPair) -> str:
    en, vi = STATUS_LABEL[p.status]
    score = f"{p.score:.2f}" if p.score is not None else ""
    if score and p.status in ("missing", "child_only"):   # the closest target's score, unpaired
        score = f'<span class="meta">closest</span><br>{score}'

    return (f'<tr class="pair status-{p.status}" data-status="{p.status}" '
            f'style="background:{STATUS_COLOUR[p.status]}">'
            f'<td class="status">{_e(en)}<span class="reason">{_e(vi)}</span>'
            f'<span class="reason">{_e(p.reason)}</span></td>'
            f'{_side_cell(p.parent, "parent")}{_side_cell(p.child, "child")}'
            f'<td class="score">{score}</td></tr>')


def _deadline_row(d: DeadlinePair) -> str:
    def cell(x) -> str:
        return (f'<td><span class="value">{_e(x.text)}</span> <span class="meta">{_e(x.due or "—")}'
                f'{" · " + _e(x.recurrence) if x.recurrence else ""}</span>'
                f'<blockquote>{_e(x.task)}</blockquote></td>')
    return (f'<tr class="deadline deadline-{d.status}" data-status="{d.status}" '
            f'style="background:{DEADLINE_COLOUR[d.status]}"><td class="status">{_e(d.status)}</td>'
            f'{cell(d.parent)}{cell(d.child)}<td class="score">{d.score:.2f}</td></tr>')


def _plan_box(label: str, s) -> str:
    ident = " · ".join(x for x in [s.number and f"số {s.number}", s.date] if x)
    return (f'<div class="plan"><span class="muted">{_e(label)}</span><b>{_e(s.title or s.source)}</b>'
            f'<span class="muted">{_e(s.source)}{" · " + _e(ident) if ident else ""} · '
            f'{s.targets} targets{" · horizon " + str(s.horizon) if s.horizon else ""}</span></div>')


def render_html(cmp: Comparison) -> str:
    counts = cmp.counts
    legend = "".join(
        f'<span style="background:{STATUS_COLOUR[k]}" data-count="{k}">{_e(STATUS_LABEL[k][0])}: '
        f'{counts.get(k, 0)}</span>' for k in STATUS_LABEL)
    rows = "\n".join(_pair_row(p) for p in cmp.pairs)
    parts = [
        "<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>So sánh chỉ tiêu: {_e(cmp.child.plan)} / {_e(cmp.parent.plan)}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>So sánh chỉ tiêu kế hoạch cấp dưới với kế hoạch cấp trên</h1>",
        f'<div class="plans">{_plan_box("Kế hoạch cấp trên (parent)", cmp.parent)}'
        f'{_plan_box("Kế hoạch cấp dưới (child)", cmp.child)}</div>',
        f'<div class="legend">{legend}</div>',
        '<h2 id="targets">Chỉ tiêu (targets)</h2>',
        '<table class="pairs"><thead><tr><th style="width:9rem">Status</th><th>Parent target</th>'
        '<th>Child target</th><th style="width:4.5rem">Score</th></tr></thead>',
        f"<tbody>{rows}</tbody></table>",
    ]
    if cmp.beyond_horizon:
        items = "\n".join(
            f'<tr class="beyond" data-status="beyond_horizon">{_side_cell(t, "beyond")}</tr>'
            for t in cmp.beyond_horizon)
        parts += [f'<h2 id="beyond">Ngoài thời hạn của kế hoạch cấp dưới (beyond the child\'s horizon, '
                  f'{_e(cmp.child.horizon)})</h2>',
                  '<p class="muted">Parent targets due after the child plan ends: a later plan of the '
                  'child has to localise them; they are neither paired nor called missing.</p>',
                  f'<table class="beyond"><tbody>{items}</tbody></table>']
    if cmp.deadlines:
        drows = "\n".join(_deadline_row(d) for d in cmp.deadlines)
        parts += ['<h2 id="deadlines">Thời hạn (deadlines)</h2>',
                  '<table class="deadlines"><thead><tr><th style="width:9rem">Child is</th>'
                  '<th>Parent deadline</th><th>Child deadline</th><th style="width:4.5rem">Score</th>'
                  f'</tr></thead><tbody>{drows}</tbody></table>']
    parts.append(f'<p class="muted">threshold {cmp.threshold:.2f} · generated by chitieu compare</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
