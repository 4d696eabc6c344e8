"""`chitieu compare CHILD [PARENT | --corpus DIR]`: what the child plan did with each
target of the plan it implements (same, stricter, weaker, missing, child only)."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import regex as re

from pipeline.compare.align import THRESHOLD, Comparison, compare_plans
from pipeline import labels as L
from pipeline.commands.common import T, add_command
from pipeline.compare.html import render_html
from pipeline.notices import excerpt_reason
from pipeline.emit import write_atomic
from pipeline.errors import PlanError, output_error
from pipeline.labels import problem
from pipeline.ingest import read_plan
from pipeline.load import load_catalogue
from pipeline.compare.parent import ParentNotFound, describe_reference, find_parent

EXIT_PARENT_NOT_FOUND = 3

_STYLE = {"same": "green", "stricter": "blue", "weaker": "dark_orange", "missing": "red",
          "child_only": "grey50", "not_comparable": "yellow"}


def add_parser(sub) -> None:
    p = add_command(
        sub, "compare",
        help=("so sánh chỉ tiêu của kế hoạch cấp dưới với kế hoạch cấp trên mà nó thực hiện",
              "compare a plan's targets with those of the plan it implements"),
        description=("Với mỗi chỉ tiêu của kế hoạch cấp trên: chỉ tiêu tương ứng của kế hoạch cấp dưới và kết quả "
                     "(giữ nguyên, cao hơn, thấp hơn, chưa cụ thể hóa, không so sánh được), rồi các chỉ tiêu chỉ "
                     "có ở cấp dưới, các chỉ tiêu cấp trên sau thời hạn của cấp dưới và các thời hạn muộn hơn. "
                     "Trong terminal: tóm tắt trước (số lượng theo kết quả, năm cuối của mỗi bên, cảnh báo khi "
                     "một bên không có chỉ tiêu hoặc chỉ là trích đoạn), rồi bảng.",
                     "For each target of the parent plan: the child's counterpart and a status (same, stricter, "
                     "weaker, missing, not comparable), then the child's own targets, the parent targets due "
                     "after the child's horizon and the later deadlines. In a terminal: a summary first (counts "
                     "per status, each side's horizon, a warning when a side has no targets or is an "
                     "excerpt), then the table."),
        examples=[("chitieu compare corpus/001_8da98ca94852457b.txt corpus/003_5b145272ffd81972.txt",
                   ("huyện Bảo Yên (001) với tỉnh (003)", "district Bảo Yên (001) against its province (003)")),
                  ("chitieu compare CHILD.txt --corpus corpus/ --html so-sanh.html",
                   ("tìm kế hoạch cấp trên theo câu `Thực hiện Kế hoạch số …`; ghi trang HTML",
                    "find the parent by the child's `Thực hiện Kế hoạch số …`; write an HTML page")),
                  ("chitieu compare CHILD.txt PARENT.txt --json", ("", ""))],
        exit_codes=[(0, ("đã so sánh", "compared")),
                    (2, ("không đọc được một kế hoạch, thiếu PARENT lẫn --corpus, hoặc không ghi được --html",
                         "a plan could not be read, neither PARENT nor --corpus given, or --html cannot be written")),
                    (3, ("--corpus: không tìm thấy kế hoạch cấp trên (nêu văn bản cần tìm)",
                         "--corpus: the parent was not found (names the document it needs)"))])
    p.add_argument("child", help=T("kế hoạch cấp dưới (tệp kế hoạch hoặc danh mục .json)",
                                   "the implementing plan (plan file or catalogue .json)"))
    p.add_argument("parent", nargs="?", help=T("kế hoạch cấp trên; bỏ trống khi dùng --corpus",
                                               "the implemented plan; omit with --corpus to find it"))
    p.add_argument("--corpus", help=T("thư mục để tìm kế hoạch cấp trên theo câu `Thực hiện …` của cấp dưới",
                                      "directory to find the parent in, by the child's `Thực hiện …` reference"))
    p.add_argument("--json", action="store_true", help=T("in kết quả dạng JSON", "print the comparison as JSON"))
    p.add_argument("--html", metavar="FILE", help=T("ghi một trang HTML độc lập", "write a self-contained HTML page"))
    p.add_argument("--threshold", type=float, default=THRESHOLD,
                   help=T(f"điểm ghép cặp tối thiểu (mặc định {THRESHOLD})", f"least pair score (default {THRESHOLD})"))
    p.set_defaults(func=run)


def _load_text(path, cat, text, corpus=None):
    """The plan text of a catalogue; a catalogue written by `extract -o DIR` sits away
    from its plan, so the plan is also looked for by its source name (checked by hash)."""
    if text is not None:
        return text
    from pipeline.load import is_plain_name
    if not is_plain_name(cat.source):  # a crafted `source` must not reach outside the folders named
        raise PlanError(path, f"trường source {cat.source!r} không phải tên tệp; không đọc tệp ngoài thư mục")
    candidates = [Path(cat.source)] + ([Path(corpus) / cat.source] if corpus else [])
    for cand in candidates:
        if cand.is_file():
            try:
                found = read_plan(cand)
            except PlanError:
                continue
            if not cat.text_sha256 or hashlib.sha256(found.encode("utf-8")).hexdigest() == cat.text_sha256:
                return found
    raise PlanError(path, problem("no_plan_text", source=cat.source))


def run(args) -> int:
    lang = L.lang_of(getattr(args, "lang", None))
    if not args.parent and not args.corpus:
        print("chitieu: " + ("compare cần PARENT (kế hoạch cấp trên) hoặc --corpus DIR để tìm nó"
                             if lang != "en" else "compare needs a PARENT plan or --corpus DIR to find it in"),
              file=sys.stderr)
        return 2
    try:
        child, child_text = load_catalogue(args.child)
        child_text = _load_text(args.child, child, child_text, args.corpus)
        if args.parent:
            parent_path = Path(args.parent)
        else:
            try:
                match = find_parent(child, Path(args.corpus), Path(args.child))
            except ParentNotFound as exc:
                print(f"chitieu: {args.child}: {exc.message(lang)}", file=sys.stderr)
                return EXIT_PARENT_NOT_FOUND
            parent_path = match.path
            if not args.json:
                print(f"{'kế hoạch cấp trên' if lang != 'en' else 'parent'}: {parent_path} "
                      f"({describe_reference(match.reference)})")
        parent, parent_text = load_catalogue(parent_path)
        parent_text = _load_text(parent_path, parent, parent_text, args.corpus)
    except PlanError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    cmp = compare_plans(child, child_text, parent, parent_text, threshold=args.threshold)
    warnings = comparison_warnings(cmp, child, child_text, parent, parent_text, lang)
    if args.html:
        try:
            write_atomic(Path(args.html), render_html(cmp, lang=lang, warnings=warnings))
        except OSError as exc:
            print(f"chitieu: {output_error(args.html, exc)}", file=sys.stderr)
            return 2
    if args.json:
        sys.stdout.write(comparison_json(cmp))
        for w in warnings:
            print(f"chitieu: {w}", file=sys.stderr)
    else:
        print_table(cmp, lang=lang, warnings=warnings)
        if args.html:
            print(f"{'trang' if lang != 'en' else 'page'}: {args.html}")
    return 0


def comparison_warnings(cmp: Comparison, child, child_text, parent, parent_text,
                        lang: str = L.DEFAULT_LANG) -> list[str]:
    """What a reader must know before the rows: a side without targets, a side that is an excerpt."""
    vi = lang != "en"
    out = []
    for cat, text, name_vi, name_en in ((child, child_text, "Kế hoạch cấp dưới", "The child plan"),
                                        (parent, parent_text, "Kế hoạch cấp trên", "The parent plan")):
        name = name_vi if vi else name_en
        if not cat.targets:
            if cat is child:
                out.append(f"{name} ({cat.source}) không có chỉ tiêu nào: mọi chỉ tiêu cấp trên đều là "
                           "«chưa cụ thể hóa»." if vi else
                           f"{name} ({cat.source}) has no targets: every parent target shows as missing.")
            else:
                out.append(f"{name} ({cat.source}) không có chỉ tiêu nào: không có gì để so sánh." if vi else
                           f"{name} ({cat.source}) has no targets: nothing to compare against.")
        why = excerpt_reason(cat, text, lang)
        if why:
            out.append(f"{name} ({cat.source}) có vẻ chỉ là trích đoạn ({why}): chỉ tiêu nằm ngoài đoạn "
                       "trích không được tính." if vi else
                       f"{name} ({cat.source}) looks like an excerpt ({why}): targets outside it are not seen.")
    return out


def comparison_json(cmp: Comparison) -> str:
    return json.dumps(cmp.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _short(s: str, n: int = 70) -> str:
    return L.cut(s, n)


_VALUE_WORDS = re.compile(
    r"(?i)^(?:(?:phấn đấu|phần đầu|đạt|tăng|giảm|duy trì|giữ vững|ít nhất|tối thiểu|trên|dưới|khoảng|"
    r"từ|có|còn|mỗi năm|bình quân|hằng năm|hàng năm|trở lên|trở xuống)[\s,:]+)+")


def indicator_of(t) -> str:
    """What the target measures, said once: its indicator, else its clause without the value
    words (`ít nhất 50% ít nhất 50% là lao động nữ` was the value printed before its own clause)."""
    text = t.indicator or ""
    if not text:
        clause = " ".join((t.clause or "").split())
        quote = " ".join((t.text or "").split())
        if quote and quote in clause:
            clause = clause.replace(quote, " ", 1)
        text = clause
    text = _VALUE_WORDS.sub("", " ".join(text.split()).strip(" ,;:.-–"))
    return text[:1].upper() + text[1:] if text else ""


def print_table(cmp: Comparison, lang: str = L.DEFAULT_LANG, warnings: list[str] | None = None,
                console=None) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from pipeline.render import console_for

    console = console or console_for(sys.stdout)
    vi = lang != "en"
    width = console.width
    child_role, parent_role = ("cấp dưới", "cấp trên") if vi else ("child", "parent")

    def horizon(h):
        if not h:
            return "không nêu năm" if vi else "no year"
        return f"đến năm {h}" if vi else f"to {h}"

    # 1. the summary
    console.print(Text(("So sánh chỉ tiêu: " if vi else "Targets compared: ")
                       + f"{cmp.child.source} ({child_role}) — {cmp.parent.source} ({parent_role})", style="bold"))
    for role, side in ((parent_role, cmp.parent), (child_role, cmp.child)):
        title = L.cut(side.title or side.plan, max(30, width - 45))
        console.print(Text(f"  {role.capitalize()}: {title} · {L.count(side.targets, 'targets', lang)} · "
                           f"{horizon(side.horizon)}", style="dim"), overflow="ellipsis", no_wrap=True)
    counts = cmp.counts
    order = ["same", "stricter", "weaker", "not_comparable", "missing", "child_only", "beyond_horizon",
             "later_deadlines"]
    line = Text("  ")
    for k in order:
        n = counts.get(k, 0)
        if n or k in ("same", "stricter", "weaker", "missing"):
            if len(line) > 2:
                line.append(" · ")
            line.append(f"{L.status(k, lang)}: {n}", style=_STYLE.get(k, "") if n else "dim")
    console.print(line)
    if cmp.beyond_horizon:
        console.print(Text("  " + (f"{len(cmp.beyond_horizon)} chỉ tiêu cấp trên sau năm {cmp.child.horizon} "
                                   "(năm cuối của cấp dưới) được để riêng, không tính là chưa cụ thể hóa."
                                   if vi else
                                   f"{len(cmp.beyond_horizon)} parent targets due after {cmp.child.horizon} "
                                   "(the child's horizon) are set apart, not called missing."), style="dim"))
    for w in warnings or []:
        console.print(Text(("⚠ Cảnh báo: " if vi else "⚠ Warning: ") + w, style="bold yellow"))

    # 2. the rows: the indicator once, the two levels side by side, no score on unpaired rows
    if cmp.pairs:
        table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=False, pad_edge=False)
        table.add_column(L.word("col_status", lang), no_wrap=True)
        table.add_column(L.word("col_indicator", lang), no_wrap=True, overflow="ellipsis")
        table.add_column(L.word("col_parent", lang), no_wrap=True, justify="right")
        table.add_column(L.word("col_child", lang), no_wrap=True, justify="right")
        table.add_column(L.word("col_score", lang), no_wrap=True, justify="right")
        rows = []
        for p in cmp.pairs:
            levels = [L.amount(x, lang, with_year=bool(x.target_year and x.target_year != cmp.child.horizon))
                      if x else "—" for x in (p.parent, p.child)]
            rows.append((p, [L.cut(v, max(12, min(28, width // 5))) for v in levels]))
        level_w = [max([len(L.word(k, lang))] + [len(r[1][i]) for r in rows]) for i, k in
                   enumerate(("col_parent", "col_child"))]
        status_w = max(len(L.status(p.status, lang)) for p in cmp.pairs)
        ind_width = max(16, width - status_w - sum(level_w) - 5 - 15)
        table.columns[1].width = ind_width
        for p, levels in rows:
            style = _STYLE[p.status]
            side = p.parent or p.child
            cell = Text(L.cut(indicator_of(side), ind_width))
            why = L.cut(L.reason(p.reason, lang), ind_width)
            if why:
                cell.append("\n" + why, style="dim")
            score = (f"{p.score:.2f}" if p.score is not None and p.status not in ("missing", "child_only")
                     else "")
            table.add_row(Text(L.status(p.status, lang), style=style), cell, levels[0], levels[1], score)
        console.print(table)
    if cmp.beyond_horizon:
        console.print(Text((f"Chỉ tiêu cấp trên sau năm {cmp.child.horizon} (không so sánh):" if vi else
                            f"Parent targets after {cmp.child.horizon} (not compared):"), style="bold"))
        for t in cmp.beyond_horizon:
            console.print(f"  {escape(L.amount(t, lang, with_year=True))} · "
                          f"{escape(L.cut(indicator_of(t), max(20, width - 40)))}", overflow="ellipsis",
                          no_wrap=True)
    later = [d for d in cmp.deadlines if d.status == "later"]
    if later:
        console.print(Text((f"{len(later)} thời hạn của cấp dưới muộn hơn cấp trên:" if vi else
                            f"{len(later)} child deadlines later than the parent's:"), style="bold red"))
        for d in later:
            console.print(f"  {L.date(d.child.due, lang)} > {L.date(d.parent.due, lang)}: "
                          f"{escape(L.cut(d.child.task or d.child.text, max(20, width - 30)))}",
                          overflow="ellipsis", no_wrap=True)
