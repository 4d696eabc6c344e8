"""`chitieu serve INBOX [-o OUTPUTS] [--once] [--interval SECONDS | --cron EXPR]`: watch an
inbox of plans; each run catalogues what is new, compares each plan with its parent,
refreshes the per-body checklists, writes a digest and the static site."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pipeline import labels as L
from pipeline.commands.common import T, add_command

DEFAULT_INTERVAL = 3600


def add_parser(sub) -> None:
    p = add_command(
        sub, "serve",
        help=("theo dõi hộp thư đến: lập danh mục kế hoạch mới, so sánh, danh mục nhiệm vụ, bản tin, trang web",
              "watch an inbox: catalogue new plans, compare, checklists, digest, site"),
        description=("Mỗi lần chạy (một lượt chạy luồng Prefect `chitieu-serve`): đọc các tệp mới hoặc đã đổi trong "
                     "INBOX (.txt, .md, .docx, .pdf), lập danh mục vào OUTPUTS, tìm kế hoạch cấp trên trong danh mục "
                     "và ghi trang so sánh (<tên>.compare.json, <tên>.compare.html), làm mới danh mục nhiệm vụ theo "
                     "cơ quan (checklists/), ghi bản tin của lần chạy (digests/) và trang web tĩnh (site/index.html). "
                     "Tệp lỗi được chuyển sang INBOX/_loi/ kèm lý do, không bao giờ bị xóa. Chạy lại khi không có gì "
                     "mới thì không làm gì. --once chạy một lần (cho cron); không có --once thì chạy theo lịch "
                     "(--interval hoặc --cron), cần máy chủ Prefect (`prefect server start`, PREFECT_API_URL).",
                     "Each run (a run of the Prefect flow `chitieu-serve`): read new or changed files of INBOX "
                     "(.txt, .md, .docx, .pdf), catalogue them into OUTPUTS, find each plan's parent among the "
                     "catalogued plans and write the comparison (<stem>.compare.json, <stem>.compare.html), refresh "
                     "the per-body checklists (checklists/), write the run's digest (digests/) and the static site "
                     "(site/index.html). A file that fails is moved to INBOX/_loi/ with its reason, never deleted. "
                     "A rerun with nothing new does nothing. --once runs once (for cron); without it the flow runs "
                     "on a schedule (--interval or --cron), which needs a Prefect server (`prefect server start`, "
                     "PREFECT_API_URL)."),
        examples=[("chitieu serve hop-thu/ -o outputs/ --once", ("một lần: cho cron hoặc chạy tay", "once: for cron or by hand")),
                  ("prefect server start &  export PREFECT_API_URL=http://127.0.0.1:4200/api", ("", "")),
                  ("chitieu serve hop-thu/ -o outputs/ --interval 3600", ("mỗi giờ", "every hour")),
                  ("chitieu serve hop-thu/ -o outputs/ --cron '0 7 * * 1-5'", ("7 giờ sáng các ngày làm việc",
                                                                                "7 am on working days"))],
        exit_codes=[(0, ("đã chạy (hoặc không có gì mới)", "ran (or nothing new)")),
                    (1, ("một số tệp lỗi (đã chuyển sang INBOX/_loi/ kèm lý do)",
                         "some files failed (moved to INBOX/_loi/ with their reason)")),
                    (2, ("không chạy được (thư mục sai, đang có lần chạy khác, chưa có máy chủ Prefect cho lịch)",
                         "could not run (bad folder, another run in progress, no Prefect server for a schedule)"))])
    p.add_argument("inbox", help=T("thư mục hộp thư đến", "the inbox folder"))
    p.add_argument("-o", "--output", default="outputs",
                   help=T("thư mục kết quả (mặc định: outputs/)", "output directory (default: outputs/)"))
    when = p.add_mutually_exclusive_group()
    when.add_argument("--once", action="store_true", help=T("chạy một lần rồi thoát", "run once and exit"))
    when.add_argument("--interval", type=float, metavar=T("GIÂY", "SECONDS"),
                      help=T(f"chạy mỗi GIÂY giây (mặc định {DEFAULT_INTERVAL})",
                             f"run every SECONDS (default {DEFAULT_INTERVAL})"))
    when.add_argument("--cron", metavar="EXPR", help=T("lịch cron, ví dụ '0 7 * * 1-5'", "a cron schedule, e.g. '0 7 * * 1-5'"))
    p.add_argument("--corpus", action="append", metavar="DIR",
                   help=T("thư mục chứa tệp của các kế hoạch đã lập danh mục trước (bằng `chitieu run`), để so sánh "
                          "và trang web đọc được văn bản; lặp lại được (mặc định: corpus/ nếu có)",
                          "folder holding the files of plans catalogued before (by `chitieu run`), so comparisons "
                          "and the site can read their text; repeatable (default: corpus/ when present)"))
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help=T("ngày của lần chạy (cho thời hạn 90 ngày tới; mặc định: hôm nay)",
                          "the run's date (for the next-90-days deadlines; default: today)"))
    p.add_argument("--settle", type=float, default=None, metavar=T("GIÂY", "SECONDS"),
                   help=T("bỏ qua tệp vừa sửa trong GIÂY giây qua (đang chép vào; mặc định 10)",
                          "leave files modified in the last SECONDS for the next run (being copied; default 10)"))
    p.add_argument("-q", "--quiet", action="store_true", help=T("không in tiến độ", "no progress lines"))
    p.set_defaults(func=run)


def _err(msg: str) -> None:
    print(f"chitieu: {msg}", file=sys.stderr)


def run(args) -> int:
    from pipeline.serve import DEFAULT_SETTLE, Busy, run_lock, scan
    lang = L.lang_of(getattr(args, "lang", None))
    en = lang == "en"
    inbox, out = Path(args.inbox), Path(args.output)
    if not inbox.is_dir():
        _err(f"{inbox}: " + ("not a directory" if en else "không phải thư mục"))
        return 2
    if out.exists() and out.resolve() == inbox.resolve():
        _err(f"{inbox}: " + ("the inbox is also the output folder; its renderings would be read back as plans"
                             if en else "hộp thư đến cũng là thư mục kết quả; bản trình bày sẽ bị đọc lại như kế hoạch. "
                             "Hãy chọn -o khác"))
        return 2
    try:
        run_date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        _err(f"--date {args.date}: " + ("not a date (YYYY-MM-DD)" if en else "không phải ngày (YYYY-MM-DD)"))
        return 2
    settle = DEFAULT_SETTLE if args.settle is None else max(0.0, args.settle)
    corpora = [Path(c) for c in args.corpus] if args.corpus else [p for p in (Path("corpus"),) if p.is_dir()]
    for c in corpora:
        if not c.is_dir():
            _err(f"--corpus {c}: " + ("not a directory" if en else "không phải thư mục"))
            return 2
    if args.interval is not None and args.interval <= 0:
        _err("--interval must be positive")
        return 2

    if not args.once:
        from pipeline import serve_flow
        if not serve_flow.api_url():
            _err("schedules need a Prefect server: start one (`prefect server start`), then "
                 "`export PREFECT_API_URL=http://127.0.0.1:4200/api`; or use --once from cron" if en else
                 "chạy theo lịch cần máy chủ Prefect: mở `prefect server start`, rồi "
                 "`export PREFECT_API_URL=http://127.0.0.1:4200/api`; hoặc dùng --once trong cron")
            return 2
        interval = args.interval if args.cron is None else None
        if interval is None and args.cron is None:
            interval = DEFAULT_INTERVAL
        serve_flow.serve_forever(inbox, out, interval=interval, cron=args.cron, lang=lang, settle=settle,
                                 quiet=args.quiet, corpora=corpora)
        return 0

    # --once: scan first; nothing new costs no Prefect start-up and writes nothing
    try:
        with run_lock(out):
            pending = scan(inbox, out, settle=settle, corpora=corpora)
    except Busy as exc:
        _err(str(exc))
        return 2
    if not pending.todo and (out / "site" / "index.html").is_file():
        waiting = f" ({len(pending.waiting)} tệp đang chép vào, để lần sau)" if pending.waiting and not en else ""
        print("nothing new in the inbox" if en else f"không có gì mới trong hộp thư đến{waiting}")
        return 0
    if not args.quiet and pending.todo:
        print(f"chitieu: {len(pending.todo)} tệp mới hoặc đã đổi; đang khởi động Prefect (khoảng 20 giây)"
              if not en else f"chitieu: {len(pending.todo)} new or changed files; starting Prefect (about 20 s)",
              file=sys.stderr, flush=True)
    from pipeline import serve_flow
    try:
        report = serve_flow.run_once(inbox, out, run_date=run_date, lang=lang, settle=settle, quiet=args.quiet,
                                     pending=pending, corpora=corpora)
    except Busy as exc:
        _err(str(exc))
        return 2
    except (OSError, TimeoutError, RuntimeError) as exc:
        _err(f"the flow could not run: {type(exc).__name__}: {exc}".splitlines()[0])
        return 2
    if "skipped" in report:
        _err(report["skipped"])
        return 2
    return _summary(report, out, lang)


def _summary(r: dict, out: Path, lang: str) -> int:
    en = lang == "en"
    for f in r["failed"]:
        _err(f"{f['source']}: {f['reason']} → {f['moved_to']}")
    if en:
        print(f"{len(r['arrived'])} plans catalogued ({len(r['new'])} new), {len(r['recatalogued'])} re-read with new "
              f"extractor code, {len(r['failed'])} failed, "
              f"{len(r['compared'])} compared with their parent -> {out}/ ({r['seconds']} s)")
    else:
        print(f"{len(r['arrived'])} kế hoạch lập danh mục ({len(r['new'])} mới), {len(r['recatalogued'])} đọc lại "
              f"bằng mã trích xuất mới, {len(r['failed'])} tệp lỗi, "
              f"{len(r['compared'])} so sánh với cấp trên → {out}/ ({r['seconds']} giây)")
    for child, parent in sorted(r["compared"].items()):
        print(f"  {child} → {parent}: {out}/{child}.compare.html")
    for child, need in sorted(r["parent_missing"].items()):
        print(f"  {child}: " + ("parent not catalogued; needs " if en else "kế hoạch cấp trên chưa có trong danh mục; cần ") + need)
    if r["digest"]:
        print(f"  {'digest' if en else 'bản tin'}: {r['digest']}")
    if r["site"]:
        print(f"  {'site' if en else 'trang web'}: {r['site']}")
    return 1 if r["failed"] else 0
