"""A static site of the catalogue (`OUTPUTS/site/`): plain files, opened from disk, no server.

- `index.html`: plans by level (then issuer, then date), plans by date, a search box;
- `plans/<stem>.html`: a plan's facts, targets, deadlines, bodies and tasks, each linking
  to the place in the plan text (the text is rendered with an anchor at every span), its
  parent (and the comparison page) and its children;
- `bodies/<slug>.html`, `bodies/index.html`: a body's tasks and dates across plans;
- `deadlines.html`: dated deadlines from the run date, the next 90 days first;
- `compare/<child>.html`: the comparison pages (copies of `<child>.compare.html`);
- `search-index.js` (the index as a script, because browsers refuse `fetch` on `file://`)
  and `search.json` (the same index for programs); `search.js` searches it in the page,
  without diacritics (`bao hiem` finds `bảo hiểm`); `index.html?q=…` opens with a query.

Every page is written with `write_if_changed`; pages of plans or bodies that are gone
are removed. Words people read come from `pipeline.labels` (Vietnamese by default).
"""
from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any, Callable, Optional

from extractors.kinds import FINDING_KINDS
from extractors.models import Catalogue

from pipeline import labels as L
from pipeline.emit import write_if_changed

LEVEL_ORDER = ["national", "ministry", "province", "party committee", "party", "district", "commune", "unknown"]


def _e(s) -> str:
    return html.escape("" if s is None else str(s))


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#202124;line-height:1.45}
header{background:#1a3c6e;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;font-weight:600} header a.brand{font-size:1.15rem;margin-right:.8rem}
header form{margin-left:auto} header input{padding:.3rem .5rem;border-radius:4px;border:0;width:16rem}
main{padding:1rem 1.5rem;max-width:78rem}
h1{font-size:1.4rem;margin:.4rem 0} h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #dadce0}
h3{font-size:1rem;margin-top:1.2rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0} th,td{border:1px solid #dadce0;padding:.35rem .5rem;vertical-align:top;text-align:left;font-size:.92rem}
th{background:#f1f3f4} .muted{color:#5f6368;font-size:.85rem} .num{text-align:right;white-space:nowrap}
.facts td:first-child{width:11rem;color:#5f6368}
.plan-text{white-space:pre-wrap;font-family:"Noto Serif",Georgia,serif;background:#fafafa;border:1px solid #dadce0;padding:1rem;font-size:.95rem}
mark{background:#fff2a8;padding:0 .05rem} mark.agency{background:#e1ecfb} mark.deadline{background:#fde2cf}
mark:target,a.anchor:target+*{background:#fbbc04;outline:2px solid #e37400}
.badge{display:inline-block;padding:0 .4rem;border-radius:4px;background:#e8eaed;font-size:.8rem}
.status-missing{background:#f9d0d0} .status-weaker{background:#fde2cf} .status-same{background:#e6f4ea} .status-stricter{background:#d2e3fc}
#results li{margin:.25rem 0} #results .kind{font-size:.75rem;color:#5f6368;margin-right:.4rem}
.soon{background:#fff4c2}
"""

SEARCH_JS = r"""
(function () {
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase();
  }
  var items = (window.CHITIEU_INDEX || []).map(function (e) {
    return [fold(e.t + " " + e.s + " " + e.k), e, fold(e.t)];
  });
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var info = document.getElementById("results-info");
  if (!input || !list) return;
  var root = document.body.getAttribute("data-root") || "";
  function run() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.innerHTML = "";
    if (!words.length) { info.textContent = ""; return; }
    var phrase = words.join(" ");
    // every word somewhere (the item, its plan, its kind); the item that holds the whole phrase first
    var hits = items.filter(function (x) { return words.every(function (w) { return x[0].indexOf(w) >= 0; }); })
      .map(function (x, i) { return [x[2].indexOf(phrase) >= 0 ? 0 : (x[0].indexOf(phrase) >= 0 ? 1 : 2), i, x]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (r) { return r[2]; });
    info.textContent = hits.length + (document.documentElement.lang === "en" ? " results" : " kết quả");
    hits.slice(0, 200).forEach(function (x) {
      var e = x[1], li = document.createElement("li"), kind = document.createElement("span"), a = document.createElement("a");
      kind.className = "kind"; kind.textContent = e.k;
      a.href = root + e.u; a.textContent = e.t;
      li.appendChild(kind); li.appendChild(a);
      if (e.s) { var s = document.createElement("span"); s.className = "muted"; s.textContent = " · " + e.s; li.appendChild(s); }
      list.appendChild(li);
    });
  }
  input.addEventListener("input", run);
  var m = /[?&]q=([^&#]*)/.exec(location.search);
  if (m) { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); run(); }
})();
"""


class _Page:
    def __init__(self, lang: str):
        self.lang = lang

    def h(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi

    def wrap(self, title: str, body: str, root: str, search_here: bool = False) -> str:
        h = self.h
        scripts = (f'<script src="{root}search-index.js"></script><script src="{root}search.js"></script>'
                   if search_here else "")
        return "\n".join([
            "<!DOCTYPE html>", f'<html lang="{"en" if self.lang == "en" else "vi"}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)} · chitieu</title>", f'<link rel="stylesheet" href="{root}style.css"></head>',
            f'<body data-root="{root}"><header><a class="brand" href="{root}index.html">chitieu</a>'
            f'<a href="{root}index.html#plans">{h("Kế hoạch", "Plans")}</a>'
            f'<a href="{root}bodies/index.html">{h("Cơ quan", "Bodies")}</a>'
            f'<a href="{root}deadlines.html">{h("Thời hạn sắp tới", "Upcoming deadlines")}</a>'
            f'<form action="{root}index.html" method="get" role="search">'
            f'<input id="q" name="q" type="search" placeholder="{h("Tìm chỉ tiêu, nhiệm vụ, cơ quan…", "Search targets, tasks, bodies…")}" '
            f'aria-label="{h("Tìm kiếm", "Search")}"></form></header>',
            f"<main>{body}</main>", scripts, "</body></html>", ""])


# A plan page's table of a finding kind (a registry name, `extractors.kinds`): per column its
# Vietnamese and English header, its cell's text and the cell's class (`num`: right-aligned).
PLAN_COLUMNS: dict[str, tuple[tuple[str, str, Callable[[Any, str], Any], str], ...]] = {
    "targets": (("Chỉ tiêu", "Indicator", lambda t, lang: t.indicator or t.text, ""),
                ("Mức", "Level", lambda t, lang: L.amount(t, lang), "num"),
                ("Năm", "Year", lambda t, lang: t.target_year or "", ""),
                ("Mục", "Section", lambda t, lang: ".".join(t.section), "")),
    "deadlines": (("Thời hạn", "Due", lambda d, lang: L.date(d.due, lang), ""),
                  ("Định kỳ", "Recurrence", lambda d, lang: L.recurrence(d.recurrence, lang), ""),
                  ("Nhiệm vụ", "Task", lambda d, lang: d.task or d.scope or d.text, "")),
    "tasks": (("Nhiệm vụ", "Task", lambda t, lang: t.title, ""),
              ("Chủ trì", "Lead", lambda t, lang: "; ".join(t.lead), ""),
              ("Phối hợp", "Support", lambda t, lang: "; ".join(t.support), ""),
              ("Thời hạn", "Due", lambda t, lang: L.date(t.due, lang) or L.recurrence(t.recurrence, lang), "")),
}
# the kinds whose findings the search box finds: (its word for the kind, the finding's text)
PLAN_SEARCH: dict[str, tuple[tuple[str, str], Callable[[Any, str], str]]] = {
    "targets": (("chỉ tiêu", "target"), lambda t, lang: f"{t.indicator or t.text}: {L.amount(t, lang)}"
                + (f" ({t.target_year})" if t.target_year else "")),
    "tasks": (("nhiệm vụ", "task"), lambda t, lang: t.title),
}


def _findings_table(kind: str, items: list, ids: dict[tuple[str, int], str], link: Callable[[str], str],
                    page: _Page) -> list[str]:
    """A plan page's section of one finding kind: its heading with the count and, when it has
    findings, a row each whose last cell links to the finding's place in the text."""
    out = [f'<h2 id="{kind}">{L.word(kind, page.lang)} ({len(items)})</h2>']
    if not items:
        return out
    columns = PLAN_COLUMNS[kind]
    out.append(f'<table class="{kind}"><tr>' + "".join(f"<th>{page.h(vi, en)}</th>" for vi, en, _, _ in columns)
               + "<th></th></tr>")
    for i, item in enumerate(items):
        cells = "".join((f'<td class="{cls}">' if cls else "<td>") + f"{_e(value(item, page.lang))}</td>"
                        for _, _, value, cls in columns)
        out.append(f"<tr>{cells}<td>{link(ids[(kind, i)])}</td></tr>")
    out.append("</table>")
    return out


def _bodies_table(cat: Catalogue, ids: dict[tuple[str, int], str], link: Callable[[str], str],
                  body_of: dict, page: _Page) -> list[str]:
    """A plan page's bodies: one row per name, with how often it leads and supports, linked to
    the body's page across plans."""
    h = page.h
    names: dict[str, list[int]] = {}
    for i, a in enumerate(cat.agencies):
        names.setdefault(a.name, []).append(i)
    out = [f'<h2 id="bodies">{h("Cơ quan", "Bodies")} ({len(names)})</h2>']
    if names:
        from extractors.agencies.names import agency_key
        out.append(f'<table class="bodies"><tr><th>{h("Cơ quan", "Body")}</th><th>{h("Chủ trì", "Lead")}</th>'
                   f'<th>{h("Phối hợp", "Support")}</th><th></th></tr>')
        for name, idx in names.items():
            roles = [cat.agencies[i].role for i in idx]
            b = body_of.get(agency_key(name))
            shown = f'<a href="../bodies/{b.slug}.html">{_e(name)}</a>' if b else _e(name)
            out.append(f'<tr><td>{shown}</td><td class="num">{roles.count("lead")}</td>'
                       f'<td class="num">{roles.count("support")}</td><td>{link(ids[("agencies", idx[0])])}</td></tr>')
        out.append("</table>")
    return out


def _date_of(cat: Catalogue) -> str:
    return cat.document.date or getattr(cat.document, "date_partial", None) or ""


def _uniq(ident: str, used: set[str]) -> str:
    base, n = ident or "x", 2
    out = base
    while out in used:
        out = f"{base}-{n}"
        n += 1
    used.add(out)
    return out


def plan_ids(cat: Catalogue) -> dict[tuple[str, int], str]:
    """A unique HTML id per finding: (kind, index) -> id (the finding's own id, made unique)."""
    used: set[str] = set()
    out = {}
    for kind in ("targets", "deadlines", "agencies", "tasks"):
        for i, f in enumerate(getattr(cat, kind)):
            out[(kind, i)] = _uniq(f.id or f"{kind[0].upper()}-{i}", used)
    return out


def annotated_text(text: str, cat: Catalogue, ids: dict[tuple[str, int], str]) -> str:
    """The plan text, escaped, with `<mark id=…>` around target values, deadlines and agency
    mentions (where they do not overlap) and an `<a id=… class="anchor">` at the start of
    every other finding (tasks, overlapping mentions)."""
    marks, anchors = [], []
    for kind, cls in (("targets", "target"), ("deadlines", "deadline"), ("agencies", "agency")):
        for i, f in enumerate(getattr(cat, kind)):
            s, e = f.span
            if 0 <= s < e <= len(text):
                marks.append((s, e, ids[(kind, i)], cls))
    for i, t in enumerate(cat.tasks):
        if 0 <= t.span[0] <= len(text):
            anchors.append((t.span[0], ids[("tasks", i)]))
    marks.sort(key=lambda m: (m[0], m[1] - m[0]))
    kept, last_end = [], -1
    for m in marks:
        if m[0] >= last_end:
            kept.append(m)
            last_end = m[1]
        else:
            anchors.append((m[0], m[2]))
    events = []  # (pos, order, html): closes, then anchors, then opens
    for s, e, ident, cls in kept:
        events.append((s, 2, f'<mark id="{_e(ident)}" class="{cls}">'))
        events.append((e, 0, "</mark>"))
    for pos, ident in anchors:
        events.append((pos, 1, f'<a id="{_e(ident)}" class="anchor"></a>'))
    events.sort(key=lambda x: (x[0], x[1]))
    out, pos = [], 0
    for at, _, tag in events:
        out.append(_e(text[pos:at]))
        out.append(tag)
        pos = at
    out.append(_e(text[pos:]))
    return "".join(out)


def write_site(out: Path, cats: dict[str, Catalogue], texts: Callable[[str], Optional[str]],
               run_date: dt.date, lang: str = L.DEFAULT_LANG) -> int:
    """Write `out/site/`; returns the number of files written (changed)."""
    from pipeline.serve import SITE_DIR, bodies_across, compare_paths, find_catalogued_parent, upcoming_deadlines
    site = out / SITE_DIR
    page = _Page(lang)
    h = page.h
    files: dict[str, str] = {"style.css": CSS, "search.js": SEARCH_JS}
    search: list[dict] = []

    parents = {s: find_catalogued_parent(c, cats) for s, c in cats.items()}
    compared = {s for s, p in parents.items() if p and compare_paths(out, s)[1].is_file()}
    children: dict[str, list[str]] = {}
    for s, p in parents.items():
        if p:
            children.setdefault(p, []).append(s)
    for s in compared:
        files[f"compare/{s}.html"] = compare_paths(out, s)[1].read_text(encoding="utf-8")
    bodies = bodies_across(cats)
    body_of = {b.key: b for b in bodies}

    def plan_link(stem: str, root: str) -> str:
        c = cats[stem]
        return f'<a href="{root}plans/{_e(stem)}.html">{_e(c.document.title or stem)}</a>'

    def compare_link(child: str, root: str) -> str:
        if child not in compared:
            return ""
        cmp = json.loads(compare_paths(out, child)[0].read_text(encoding="utf-8"))
        counts = cmp.get("counts", {})
        badges = "".join(f' <span class="badge status-{k}">{_e(L.status(k, lang))} {counts[k]}</span>'
                         for k in ("same", "stricter", "weaker", "missing") if counts.get(k))
        return f'<a class="compare" href="{root}compare/{_e(child)}.html">{h("so sánh chỉ tiêu", "compare targets")}</a>{badges}'

    # --- plan pages
    for stem, cat in sorted(cats.items()):
        ids = plan_ids(cat)
        d = cat.document
        url = f"plans/{stem}.html"
        title = d.title or stem
        search.append({"k": h("kế hoạch", "plan"), "t": title, "s": " · ".join(x for x in [d.issuer, d.number] if x),
                       "u": url})
        body = [f'<h1>{_e(title)}</h1><table class="facts">']
        facts = [(h("Tệp", "File"), cat.source), (h("Loại văn bản", "Kind"), d.kind), (h("Số", "Number"), d.number),
                 (h("Cơ quan ban hành", "Issuer"), d.issuer), (h("Cấp", "Level"), L.level(d.level, lang)),
                 (h("Địa bàn", "Place"), d.place), (h("Ngày ban hành", "Date"), L.date(_date_of(cat), lang)),
                 (h("Thực hiện", "Implements"), "; ".join(r.text or r.number or "" for r in d.implements))]
        body += [f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in facts if v]
        if parents.get(stem):
            body.append(f'<tr><td>{h("Kế hoạch cấp trên", "Parent plan")}</td><td class="parent">'
                        f'{plan_link(parents[stem], "../")} · {compare_link(stem, "../")}</td></tr>')
        for ch in sorted(children.get(stem, [])):
            body.append(f'<tr><td>{h("Kế hoạch cấp dưới", "Child plan")}</td><td class="child">'
                        f'{plan_link(ch, "../")} · {compare_link(ch, "../")}</td></tr>')
        body.append("</table>")
        text = texts(stem)
        link = (lambda ident: f'<a href="#{_e(ident)}">{h("xem câu", "see")}</a>') if text else (lambda ident: "")

        for kind in FINDING_KINDS:  # the registry's order: targets, deadlines, bodies, tasks
            if kind.name == "agencies":
                body += _bodies_table(cat, ids, link, body_of, page)
            elif kind.name in PLAN_COLUMNS:
                items = getattr(cat, kind.name)
                body += _findings_table(kind.name, items, ids, link, page)
                if kind.name in PLAN_SEARCH:
                    word, text_of = PLAN_SEARCH[kind.name]
                    search += [{"k": h(*word), "t": text_of(item, lang), "s": title, "u": f"{url}#{ids[(kind.name, i)]}"}
                               for i, item in enumerate(items)]
        body.append(f'<h2 id="text">{h("Toàn văn", "Full text")}</h2>')
        if text:
            body.append(f'<div class="plan-text">{annotated_text(text, cat, ids)}</div>')
        else:
            body.append(f'<p class="muted">{h("Không có văn bản gốc bên cạnh danh mục (tệp đã rời hộp thư đến).", "The plan text is not at hand (its file has left the inbox).")}</p>')
        files[url] = page.wrap(title, "\n".join(body), "../")

    # --- body pages
    blist = [f'<h1>{h("Cơ quan", "Bodies")} ({len(bodies)})</h1><table class="bodies"><tr><th>{h("Cơ quan", "Body")}</th>'
             f'<th>{h("Nhiệm vụ", "Tasks")}</th><th>{h("Kế hoạch", "Plans")}</th></tr>']
    for b in bodies:
        n = sum(len(cl.rows) for _, cl in b.items)
        blist.append(f'<tr><td><a href="{b.slug}.html">{_e(b.name)}</a></td><td class="num">{n}</td>'
                     f'<td class="num">{len(b.items)}</td></tr>')
        search.append({"k": h("cơ quan", "body"), "t": b.name, "s": L.count(n, "tasks", lang), "u": f"bodies/{b.slug}.html"})
        rows = [f'<h1>{_e(b.name)}</h1><p class="muted">{_e(L.count(n, "tasks", lang))} · '
                f'{_e(L.count(len(b.items), "plans", lang))}</p>']
        for stem, cl in b.items:
            ids = plan_ids(cats[stem])
            task_id = {id(t): ids[("tasks", i)] for i, t in enumerate(cats[stem].tasks)}
            rows.append(f'<h2>{plan_link(stem, "../")}</h2>')
            if cl.merged:
                rows.append(f'<p class="muted">{h("gộp cả", "merged")}: {_e("; ".join(cl.merged))}</p>')
            rows.append(f'<table class="tasks"><tr><th>{h("Thời hạn", "Due")}</th><th>{h("Vai trò", "Role")}</th>'
                        f'<th>{h("Nhiệm vụ", "Task")}</th><th>{h("Mục", "Section")}</th><th>{h("Cùng làm", "With")}</th></tr>')
            for r in cl.rows:
                anchor = task_id.get(id(r.task), "")
                rows.append(f'<tr><td>{_e(r.when(lang))}</td><td>{_e(L.role(r.role, lang))}</td>'
                            f'<td><a href="../plans/{_e(stem)}.html#{_e(anchor)}">{_e(r.task.title)}</a></td>'
                            f'<td>{_e(r.section_label)}</td><td>{_e("; ".join(r.partners))}</td></tr>')
            rows.append("</table>")
        files[f"bodies/{b.slug}.html"] = page.wrap(b.name, "\n".join(rows), "../")
    blist.append("</table>")
    files["bodies/index.html"] = page.wrap(h("Cơ quan", "Bodies"), "\n".join(blist), "../")

    # --- upcoming deadlines
    soon_end = run_date + dt.timedelta(days=90)
    dl = [f'<h1>{h("Thời hạn sắp tới", "Upcoming deadlines")}</h1>',
          f'<p class="muted">{h("Từ ngày", "From")} {_e(L.date(run_date.isoformat(), lang))}; '
          f'{h("tô vàng: trong 90 ngày tới", "highlighted: within 90 days")} ({_e(L.date(soon_end.isoformat(), lang))}).</p>',
          f'<table class="upcoming"><tr><th>{h("Ngày", "Date")}</th><th>{h("Nhiệm vụ", "Task")}</th>'
          f'<th>{h("Chủ trì", "Lead")}</th><th>{h("Kế hoạch", "Plan")}</th></tr>']
    ups = upcoming_deadlines(cats, run_date, None)
    for u in ups:
        ids = plan_ids(cats[u.plan])
        cls = ' class="soon"' if u.date <= soon_end else ""
        rec = f' <span class="muted">({_e(L.recurrence(u.recurrence, lang))})</span>' if u.recurrence else ""
        dl.append(f'<tr{cls}><td>{_e(L.date(u.date.isoformat(), lang))}{rec}</td>'
                  f'<td><a href="plans/{_e(u.plan)}.html#{_e(u.id and _find_id(cats[u.plan], ids, u))}">{_e(u.title)}</a></td>'
                  f'<td>{_e("; ".join(u.leads))}</td><td>{plan_link(u.plan, "")}</td></tr>')
    dl.append("</table>")
    if not ups:
        dl.append(f'<p class="muted">{h("Không có thời hạn nào sau ngày này.", "No deadline after this date.")}</p>')
    files["deadlines.html"] = page.wrap(h("Thời hạn sắp tới", "Upcoming deadlines"), "\n".join(dl), "")

    # --- index
    idx = [f'<h1>{h("Danh mục kế hoạch", "Catalogue of plans")}</h1>',
           f'<p class="muted">{_e(L.count(len(cats), "plans", lang))} · {h("cập nhật", "updated")} '
           f'{_e(L.date(run_date.isoformat(), lang))} · <a href="deadlines.html">'
           f'{_e(L.count(sum(1 for u in ups if u.date <= soon_end), "deadlines", lang))} {h("trong 90 ngày tới", "in the next 90 days")}</a></p>',
           '<p id="results-info" class="muted"></p><ul id="results"></ul>',
           f'<h2 id="plans">{h("Kế hoạch theo cấp", "Plans by level")}</h2>']
    by_level: dict[str, list[str]] = {}
    for stem, cat in cats.items():
        by_level.setdefault(cat.document.level or "unknown", []).append(stem)
    order = sorted(by_level, key=lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else len(LEVEL_ORDER))
    head = (f'<tr><th>{h("Kế hoạch", "Plan")}</th><th>{h("Cơ quan ban hành", "Issuer")}</th><th>{h("Số", "Number")}</th>'
            f'<th>{h("Ngày", "Date")}</th><th>{h("Chỉ tiêu", "Targets")}</th><th>{h("Thời hạn", "Deadlines")}</th>'
            f'<th>{h("Nhiệm vụ", "Tasks")}</th><th>{h("Kế hoạch cấp trên", "Parent")}</th></tr>')
    for lv in order:
        label = L.level(lv, lang) or h("chưa rõ cấp", "level unknown")
        stems = sorted(by_level[lv], key=lambda s: ((cats[s].document.issuer or "￿"), _neg(_date_of(cats[s])), s))
        idx.append(f'<h3 class="level" data-level="{_e(lv)}">{h("Cấp", "Level")}: {_e(label)} ({len(stems)})</h3>')
        idx.append(f'<table class="plans">{head}')
        for s in stems:
            c = cats[s]
            parent = (f'{plan_link(parents[s], "")} · {compare_link(s, "")}' if parents.get(s) else "")
            idx.append(f'<tr data-plan="{_e(s)}"><td>{plan_link(s, "")}</td><td>{_e(c.document.issuer)}</td>'
                       f'<td>{_e(c.document.number)}</td><td>{_e(L.date(_date_of(c), lang))}</td>'
                       f'<td class="num">{len(c.targets)}</td><td class="num">{len(c.deadlines)}</td>'
                       f'<td class="num">{len(c.tasks)}</td><td>{parent}</td></tr>')
        idx.append("</table>")
    issuers: dict[str, list[str]] = {}
    for s in cats:
        issuers.setdefault(cats[s].document.issuer or h("chưa rõ cơ quan ban hành", "issuer unknown"), []).append(s)
    idx.append(f'<h2 id="by-issuer">{h("Kế hoạch theo cơ quan ban hành", "Plans by issuer")}</h2><ul class="by-issuer">')
    for issuer in sorted(issuers):
        plans = sorted(issuers[issuer], key=lambda s: (_neg(_date_of(cats[s])), s))
        idx.append(f'<li><b>{_e(issuer)}</b> ({len(plans)}): '
                   + "; ".join(plan_link(s, "") for s in plans) + "</li>")
    idx.append("</ul>")
    idx.append(f'<h2 id="by-date">{h("Kế hoạch theo ngày ban hành", "Plans by date")}</h2><ul class="by-date">')
    for s in sorted(cats, key=lambda s: (_neg(_date_of(cats[s])), s)):
        idx.append(f'<li>{_e(L.date(_date_of(cats[s]), lang) or h("chưa rõ ngày", "no date"))} · {plan_link(s, "")}'
                   f' <span class="muted">{_e(cats[s].document.issuer)}</span></li>')
    idx.append("</ul>")
    digests = sorted((out / "digests").glob("*.md"), reverse=True) if (out / "digests").is_dir() else []
    if digests:
        idx.append(f'<h2 id="digests">{h("Bản tin các lần chạy", "Run digests")}</h2><ul>')
        idx += [f'<li><a href="../digests/{_e(p.name)}">{_e(p.stem)}</a></li>' for p in digests[:20]]
        idx.append("</ul>")
    files["index.html"] = page.wrap(h("Danh mục kế hoạch", "Catalogue of plans"), "\n".join(idx), "", search_here=True)

    data = json.dumps(search, ensure_ascii=False, separators=(",", ":"))
    files["search.json"] = data + "\n"
    files["search-index.js"] = f"window.CHITIEU_INDEX = {data};\n"

    written = 0
    for name, content in sorted(files.items()):
        written += write_if_changed(site / name, content)
    for sub in ("plans", "bodies", "compare"):  # pages of plans and bodies no longer catalogued
        for p in (site / sub).glob("*.html") if (site / sub).is_dir() else []:
            if f"{sub}/{p.name}" not in files:
                p.unlink()
    return written


def _neg(date: str) -> str:
    """Newest first in an ascending sort; undated last."""
    if not date:
        return "~"
    return "".join(chr(ord("9") - int(ch) + ord("0")) if ch.isdigit() else ch for ch in date)


def _find_id(cat: Catalogue, ids: dict, u) -> str:
    kind = "tasks" if u.kind == "task" else "deadlines"
    for i, f in enumerate(getattr(cat, kind)):
        if f.id == u.id:
            return ids[(kind, i)]
    return ""
