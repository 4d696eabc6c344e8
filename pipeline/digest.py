"""The digest of one `chitieu serve` run, for people (Markdown, Vietnamese by default) and
programs (JSON): the plans that arrived and their targets, each plan's parent and the
parent targets it misses or weakens, the deadlines due in the next 90 days across the
catalogue, and the files that failed (moved to `INBOX/_loi/`).

The file name is the run date and a hash of what the run did, so a run killed after the
digest but before `index.json` writes the same digest again on its rerun, not a second one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Optional

from extractors.models import Catalogue

from pipeline import labels as L
from pipeline.emit import write_if_changed

HORIZON_DAYS = 90
MAX_TARGETS = 30     # per arrived plan in the Markdown (the JSON holds all)


def _plan_facts(cat: Catalogue) -> dict:
    d = cat.document
    return {"plan": cat.plan, "source": cat.source, "title": d.title, "kind": d.kind, "number": d.number,
            "issuer": d.issuer, "level": d.level, "date": d.date or getattr(d, "date_partial", None),
            "implements": [r.number or r.text for r in d.implements]}


def _target(t, lang: str) -> dict:
    return {"id": t.id, "indicator": t.indicator, "level": L.amount(t, lang), "year": t.target_year,
            "text": t.text}


def build_digest(report, cats: dict[str, Catalogue], out: Path, run_date: dt.date,
                 lang: str = L.DEFAULT_LANG) -> dict:
    from pipeline.serve import comparison_of, upcoming_deadlines
    arrived = []
    for stem in report.arrived:
        cat = cats.get(stem)
        if cat is None:
            continue
        item = _plan_facts(cat)
        item["new"] = stem in report.new
        item["targets"] = [_target(t, lang) for t in cat.targets]
        item["counts"] = {k: len(getattr(cat, k)) for k in ("targets", "deadlines", "agencies", "tasks")}
        cmp = comparison_of(out, stem) if stem in report.compared else None
        if cmp:
            parent = report.compared[stem]
            item["parent"] = {"plan": parent, "title": cmp["parent"].get("title"),
                              "comparison": f"{stem}.compare.html", "counts": cmp.get("counts", {})}
            item["missed"] = [_side(p["parent"], None, lang) for p in cmp["pairs"] if p["status"] == "missing"]
            item["weakened"] = [_side(p["parent"], p["child"], lang) for p in cmp["pairs"]
                                if p["status"] == "weaker"]
        elif stem in report.parent_missing:
            item["parent_needed"] = report.parent_missing[stem]
        arrived.append(item)
    # children already catalogued whose parent arrived now
    also = [{"child": c, "parent": p} for c, p in sorted(report.compared.items()) if c not in report.arrived]
    upcoming = [{"date": u.date.isoformat(), "plan": u.plan, "title": u.title, "leads": u.leads,
                 "recurrence": u.recurrence, "id": u.id, "new": u.plan in report.arrived,
                 "plan_title": cats[u.plan].document.title or u.plan}
                for u in upcoming_deadlines(cats, run_date, HORIZON_DAYS)]
    return {"run_date": run_date.isoformat(), "horizon_days": HORIZON_DAYS, "lang": lang,
            "arrived": arrived, "compared_existing": also, "upcoming": upcoming,
            "recatalogued": list(report.recatalogued),
            "failed": [{"source": f.source, "reason": f.reason, "moved_to": f.moved_to} for f in report.failed],
            "catalogued": len(cats)}


def _side(parent: dict, child: Optional[dict], lang: str) -> dict:
    class _T:  # a compare side read as a target, for `labels.amount`
        def __init__(self, d):
            self.__dict__.update(d)
    item = {"indicator": parent.get("indicator") or parent.get("clause") or "",
            "parent_level": L.amount(_T(parent), lang), "year": parent.get("target_year")}
    if child:
        item["child_level"] = L.amount(_T(child), lang)
    return item


def digest_name(digest: dict) -> str:
    body = json.dumps({k: v for k, v in digest.items() if k != "upcoming"}, ensure_ascii=False, sort_keys=True)
    return f"{digest['run_date']}-{hashlib.sha256(body.encode()).hexdigest()[:8]}"


def write_digest(out: Path, digest: dict) -> Path:
    from pipeline.serve import DIGEST_DIR
    folder = out / DIGEST_DIR
    name = digest_name(digest)
    write_if_changed(folder / f"{name}.json", json.dumps(digest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    md = folder / f"{name}.md"
    write_if_changed(md, digest_markdown(digest))
    return md


def _d(iso: Optional[str], lang: str) -> str:
    return L.date(iso, lang) if iso else ""


def digest_markdown(g: dict) -> str:
    lang = g.get("lang", L.DEFAULT_LANG)
    en = lang == "en"
    h = (lambda vi, e: e if en else vi)
    start = dt.date.fromisoformat(g["run_date"])
    end = start + dt.timedelta(days=g["horizon_days"])
    out = [f"# {h('Bản tin chitieu', 'chitieu digest')}: {h('lần chạy ngày', 'run of')} {_d(g['run_date'], lang)}", ""]
    n_new = sum(1 for a in g["arrived"] if a["new"])
    out.append(h(f"{len(g['arrived'])} kế hoạch đến ({n_new} mới, {len(g['arrived']) - n_new} thay đổi), "
                 f"{len(g['failed'])} tệp lỗi; danh mục có {g['catalogued']} kế hoạch.",
                 f"{len(g['arrived'])} plans arrived ({n_new} new, {len(g['arrived']) - n_new} changed), "
                 f"{len(g['failed'])} files failed; the catalogue holds {g['catalogued']} plans."))
    if g.get("recatalogued"):
        out.append(h(f"Đọc lại bằng mã trích xuất mới (tệp không đổi): {', '.join(g['recatalogued'])}.",
                     f"Re-read with new extractor code (same files): {', '.join(g['recatalogued'])}."))
    out.append("")
    out += [f"## {h('Kế hoạch mới đến', 'Plans that arrived')} ({len(g['arrived'])})", ""]
    for a in g["arrived"]:
        out += [f"### {a['title'] or a['plan']}", ""]
        facts = [(h("Tệp", "File"), f"`{a['source']}`" + ("" if a["new"] else h(" (bản thay đổi)", " (changed)"))),
                 (h("Cơ quan ban hành", "Issuer"), a["issuer"]), (h("Cấp", "Level"), L.level(a["level"], lang)),
                 (h("Số", "Number"), a["number"]), (h("Ngày ban hành", "Date"), _d(a["date"], lang)),
                 (h("Thực hiện", "Implements"), "; ".join(a["implements"]))]
        out += [f"- {k}: {v}" for k, v in facts if v]
        c = a["counts"]
        out.append("- " + ", ".join([L.count(c["targets"], "targets", lang), L.count(c["deadlines"], "deadlines", lang),
                                     L.count(c["tasks"], "tasks", lang)]))
        if "parent" in a:
            p = a["parent"]
            counts = p["counts"]
            summary = ", ".join(f"{L.status(k, lang)} {counts[k]}" for k in
                                ("same", "stricter", "weaker", "missing", "not_comparable") if counts.get(k))
            out.append(f"- {h('Kế hoạch cấp trên', 'Parent plan')}: {p['title'] or p['plan']} "
                       f"([{h('so sánh', 'comparison')}](../{p['comparison']}))" + (f": {summary}" if summary else ""))
        elif "parent_needed" in a:
            out.append(f"- {h('Kế hoạch cấp trên chưa có trong danh mục', 'Parent not catalogued')}: "
                       f"{a['parent_needed']}")
        out.append("")
        if a["targets"]:
            out += [f"{h('Chỉ tiêu', 'Targets')}:", ""]
            for t in a["targets"][:MAX_TARGETS]:
                year = f" ({h('năm ', '')}{t['year']})" if t["year"] else ""
                out.append(f"- {L.cut(t['indicator'] or t['text'], 90)}: **{t['level']}**{year}")
            if len(a["targets"]) > MAX_TARGETS:
                out.append(h(f"- … và {len(a['targets']) - MAX_TARGETS} chỉ tiêu khác",
                             f"- … and {len(a['targets']) - MAX_TARGETS} more"))
            out.append("")
        if a.get("missed") or a.get("weakened"):
            out += [f"{h('Chỉ tiêu cấp trên bị bỏ sót hoặc hạ thấp', 'Parent targets missed or weakened')}:", ""]
            for m in a.get("weakened", []):
                out.append(f"- {h('thấp hơn', 'weaker')}: {L.cut(m['indicator'], 90)}: "
                           f"{h('cấp trên', 'parent')} {m['parent_level']} → {h('cấp dưới', 'child')} {m['child_level']}")
            for m in a.get("missed", []):
                out.append(f"- {h('chưa cụ thể hóa', 'missing')}: {L.cut(m['indicator'], 90)}: {m['parent_level']}"
                           + (f" ({m['year']})" if m["year"] else ""))
            out.append("")
    if g["compared_existing"]:
        out += [f"## {h('Kế hoạch cấp dưới đã có, nay có kế hoạch cấp trên', 'Catalogued children whose parent arrived')}", ""]
        out += [f"- {c['child']} → {c['parent']} ([{h('so sánh', 'comparison')}](../{c['child']}.compare.html))"
                for c in g["compared_existing"]]
        out.append("")
    out += [f"## {h('Thời hạn trong', 'Deadlines in the next')} {g['horizon_days']} "
            f"{h('ngày tới', 'days')} ({_d(g['run_date'], lang)} – {_d(end.isoformat(), lang)})", ""]
    if not g["upcoming"]:
        out += [h("_Không có thời hạn nào._", "_None._"), ""]
    for u in g["upcoming"]:
        leads = f" — {h('chủ trì', 'lead')}: {'; '.join(u['leads'])}" if u["leads"] else ""
        rec = f" ({L.recurrence(u['recurrence'], lang)})" if u["recurrence"] else ""
        new = h(" **[mới]**", " **[new]**") if u["new"] else ""
        out.append(f"- **{_d(u['date'], lang)}**{rec} · {L.cut(u['plan_title'], 60)} · {L.cut(u['title'], 100)}{leads}{new}")
    out.append("")
    if g["failed"]:
        out += [f"## {h('Tệp lỗi (đã chuyển sang', 'Files that failed (moved to')} `_loi/`)", ""]
        out += [f"- `{f['source']}`: {f['reason']}" + (f" → `{f['moved_to']}`" if f["moved_to"] else "")
                for f in g["failed"]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
