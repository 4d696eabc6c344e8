"""`chitieu serve`: one run over an inbox folder, from new files to every product.

A run: scan INBOX for new or changed plans (the freshness test of `chitieu run`) →
catalogue them (`pipeline.emit.plan_products`, written with `write_if_changed`) → move
the files that failed to `INBOX/_loi/` with a note of the reason → find each plan's
parent among the catalogued plans (its `document.implements`, by number and date, the
test of `pipeline/compare/parent.py`) and write the comparison beside the child
(`<stem>.compare.json`, `<stem>.compare.html`) → refresh the per-body checklists
(`checklists/`) → write the static site (`site/`) → write the digest of the run
(`digests/`) → write `index.json` last.

This module has no Prefect in it: `pipeline/serve_flow.py` wraps each step in a Prefect
task and the whole run in a flow. `step` (how a step is run) and `catalogue` (how a batch
of plans is catalogued) are parameters, so the same code runs inside the flow, and
a plain call runs it without Prefect.

Nothing lost, nothing half-written:
- every file is written to a temporary name and renamed (`pipeline.emit.write_atomic`);
- `index.json` is written last: a run killed midway leaves the old index, so the next run
  redoes the same plans and finishes the job (products are deterministic, so a file
  written twice is written the same);
- a file that fails is moved (never deleted) to `INBOX/_loi/`, beside a `<name>.ly-do.txt`
  that says why; the digest lists it too;
- a lock file keeps two runs (a scheduled run that overruns its interval) apart;
- a file still being copied in (modified less than `settle` seconds ago) waits for the
  next run.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from extractors.models import Catalogue

from pipeline import labels as L
from pipeline import limits as LIM
from pipeline.emit import (INDEX_NAME, is_fresh, PlanProducts, extractor_fingerprint, index_json, read_index,
                           write_atomic, write_if_changed)
from pipeline.errors import PlanError
from pipeline.ingest import plan_files, read_plan

FAILED_DIR = "_loi"                 # INBOX/_loi/: files that could not be read, with why
REASON_SUFFIX = ".ly-do.txt"
CHECKLIST_DIR = "checklists"
DIGEST_DIR = "digests"
SITE_DIR = "site"
COMPARE_JSON = ".compare.json"      # <child stem>.compare.json, beside the child's catalogue
COMPARE_HTML = ".compare.html"
LOCK_NAME = ".chitieu-serve.lock"
DEFAULT_SETTLE = 10.0               # seconds a file must stay untouched before it is read


class Busy(RuntimeError):
    """Another run holds the outputs."""


# --- what is new ---------------------------------------------------------------------

@dataclass
class Scan:
    todo: list[Path] = field(default_factory=list)        # new or changed plan files
    entries: dict[str, dict] = field(default_factory=dict)  # index entries kept as they are
    new: set[str] = field(default_factory=set)            # stems never catalogued before
    waiting: list[Path] = field(default_factory=list)     # still being copied in
    clashes: list[tuple[Path, str]] = field(default_factory=list)
    fingerprint: str = ""


def inbox_files(inbox: Path) -> list[Path]:
    """The plan files of the inbox (not `_loi/`, not hidden files or Office lock files)."""
    try:
        files = plan_files([inbox])
    except PlanError:
        return []  # an empty inbox is no error: nothing arrived
    return [p for p in files if not p.name.startswith("~$")]


def scan(inbox: Path, out: Path, *, settle: float = DEFAULT_SETTLE, now: Optional[float] = None,
         corpora: Optional[list[Path]] = None) -> Scan:
    """Which inbox files need cataloguing, by `chitieu run`'s freshness test (same bytes,
    same extractor code, products present). Entries of plans whose file has left the
    inbox are kept: the catalogue is the record. When the extractor code changed, plans
    catalogued before whose unchanged file is in a corpus folder are redone too, so the
    index's fingerprint never vouches for a catalogue made by older code that could be
    remade."""
    from extractors.models import Catalogue as _C
    limits = LIM.Limits.of()

    old = read_index(out)
    fingerprint = extractor_fingerprint()
    same_code = (old.get("extractor_fingerprint") == fingerprint
                 and old.get("schema_version") == _C.model_fields["schema_version"].default)
    old_entries = {e.get("plan"): e for e in old.get("plans", []) if e.get("plan")}
    result = Scan(fingerprint=fingerprint)
    # failures are not kept in the index: their files sit in _loi/ with the reason
    result.entries = {k: e for k, e in old_entries.items() if "error" not in e}
    now = time.time() if now is None else now
    stems: dict[str, Path] = {}
    for path in inbox_files(inbox):
        if path.stem in stems:
            result.clashes.append((path, stems[path.stem].name))
            continue
        stems[path.stem] = path
        try:
            if now - path.stat().st_mtime < settle:
                result.waiting.append(path)
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            result.waiting.append(path)  # gone or unreadable right now: try next run
            continue
        entry = old_entries.get(path.stem)
        if same_code and is_fresh(entry, path.name, digest, out, limits) and "error" not in (entry or {}):
            continue
        if path.stem not in result.entries:
            result.new.add(path.stem)
        result.todo.append(path)
    if not same_code:
        for stem, entry in sorted(result.entries.items()):
            if stem in stems:
                continue
            for folder in corpora or []:
                path = Path(folder) / entry.get("source", "")
                try:
                    if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry.get("source_sha256"):
                        result.todo.append(path)
                        break
                except OSError:
                    continue
    return result


# --- one run -------------------------------------------------------------------------

@dataclass
class Failure:
    source: str
    reason: str
    moved_to: str = ""


@dataclass
class RunReport:
    run_date: str
    arrived: list[str] = field(default_factory=list)      # stems catalogued this run: new or changed files
    new: list[str] = field(default_factory=list)
    recatalogued: list[str] = field(default_factory=list)  # same bytes, new extractor code
    failed: list[Failure] = field(default_factory=list)
    compared: dict[str, str] = field(default_factory=dict)  # child stem -> parent stem
    parent_missing: dict[str, str] = field(default_factory=dict)  # child stem -> what it needs
    waiting: list[str] = field(default_factory=list)
    digest: Optional[str] = None
    site: Optional[str] = None
    written: int = 0
    seconds: float = 0.0

    @property
    def nothing_new(self) -> bool:
        return not self.arrived and not self.failed and not self.recatalogued

    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _direct(name: str, fn: Callable, *args, **kwargs):
    return fn(*args, **kwargs)


def _plain_catalogue(batch: list[tuple[str, bytes]]) -> list[PlanProducts]:
    """`chitieu run`'s per-plan reading (size and time limits) without Prefect."""
    limits = LIM.Limits.of()
    return [LIM.plan_products_limited(name, data, None, limits) for name, data in batch]


@contextmanager
def run_lock(out: Path):
    """The output folder's lock: `pipeline.lock.OutputLock` (the one `chitieu run` holds,
    so a serve run and a run never write the same folder at once) when it exists, else
    an flock of our own."""
    out.mkdir(parents=True, exist_ok=True)
    try:
        from pipeline.lock import Busy as RunBusy, OutputLock
    except ImportError:
        OutputLock = None
    if OutputLock is not None:
        try:
            lock = OutputLock(out).__enter__()
        except RunBusy as exc:
            raise Busy(str(exc))
        try:
            yield
        finally:
            lock.__exit__(None, None, None)
        return
    with open(out / LOCK_NAME, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise Busy(f"{out}: another chitieu run is writing these outputs")
            raise
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def run_inbox(inbox: Path, out: Path, *, run_date: Optional[dt.date] = None, lang: str = L.DEFAULT_LANG,
              settle: float = DEFAULT_SETTLE, batch_size: int = 10, quiet: bool = False,
              step: Callable = _direct, catalogue: Callable = _plain_catalogue,
              pending: Optional[Scan] = None, corpora: Optional[list[Path]] = None) -> RunReport:
    """One run of the inbox (see the module's docstring). `pending`: a scan already made
    (the command scans before starting Prefect, so a run with nothing new costs nothing).
    `corpora`: folders holding the plan files of plans catalogued before (by `chitieu run`),
    whose texts the comparisons and the site need."""
    started = time.perf_counter()
    inbox, out = Path(inbox), Path(out)
    run_date = run_date or dt.date.today()
    report = RunReport(run_date=run_date.isoformat())
    with run_lock(out):
        s = pending if pending is not None else scan(inbox, out, settle=settle, corpora=corpora)
        report.waiting = [p.name for p in s.waiting]
        for path, other in s.clashes:
            _say(quiet, f"{path.name}: cùng tên gốc với {other}; để lại cho lần chạy sau")
        entries = dict(s.entries)
        site_missing = not (out / SITE_DIR / "index.html").is_file()
        if not s.todo and not site_missing:
            report.seconds = time.perf_counter() - started
            return report  # nothing new: nothing is read, nothing is written

        # 1. catalogue (the Prefect task of `chitieu run`, or its plain body)
        products: list[PlanProducts] = []
        for i in range(0, len(s.todo), batch_size):
            batch = [(p.name, p.read_bytes()) for p in s.todo[i:i + batch_size]]
            products += catalogue(batch)
            _say(quiet, f"đã lập danh mục {min(i + batch_size, len(s.todo))}/{len(s.todo)} kế hoạch")
        for prod in sorted(products, key=lambda p: p.plan):
            if prod.error:
                report.failed.append(Failure(prod.source, prod.error))
                continue
            for name, content in sorted(prod.files.items()):
                report.written += write_if_changed(out / name, content)
            old = entries.get(prod.plan)
            if old and old.get("files", {}).get("text") and "text" not in prod.entry["files"]:
                (out / old["files"]["text"]).unlink(missing_ok=True)  # a .docx replaced by a .txt
            entries[prod.plan] = prod.entry
            if old and old.get("source_sha256") == prod.source_sha256:
                report.recatalogued.append(prod.plan)  # only the extractors changed
                continue
            report.arrived.append(prod.plan)
            if prod.plan in s.new:
                report.new.append(prod.plan)

        # 2. what failed goes aside, with why: never deleted (a corpus file is only reported)
        in_inbox = {p.name for p in s.todo if p.parent == inbox}
        for f in report.failed:
            if f.source in in_inbox:
                f.moved_to = move_aside(inbox, f.source, f.reason)
            _say(quiet, f"{f.source}: {f.reason}" + (f" → {f.moved_to}" if f.moved_to else ""))

        catalogues = step("load-catalogues", load_catalogues, out, entries)
        texts = TextSource(inbox, out, entries, catalogues, corpora)
        # 3. parents and comparisons
        comparisons = step("compare-with-parents", write_comparisons, out, catalogues, texts,
                           set(report.arrived) | set(report.recatalogued), lang)
        report.compared = {c: p for c, p in comparisons.items() if p and not p.startswith("?")}
        report.parent_missing = {c: p[1:] for c, p in comparisons.items() if p and p.startswith("?")}
        # 4. checklists per body, across plans
        report.written += step("checklists", write_checklists, out, catalogues, lang)
        # 5. digest (only when something happened)
        if not report.nothing_new:
            from pipeline.digest import build_digest, write_digest
            digest = step("digest", build_digest, report, catalogues, out, run_date, lang)
            report.digest = str(write_digest(out, digest))
        # 6. the site
        from pipeline.site import write_site
        report.written += step("site", write_site, out, catalogues, texts, run_date, lang)
        report.site = str(out / SITE_DIR / "index.html")
        # 7. the index, last: until it is written, the next run redoes this one
        write_if_changed(out / INDEX_NAME, index_json(list(entries.values()), s.fingerprint))
    report.seconds = time.perf_counter() - started
    return report


def _say(quiet: bool, line: str) -> None:
    if not quiet:
        print(f"chitieu serve: {line}", file=sys.stderr, flush=True)


def move_aside(inbox: Path, name: str, reason: str) -> str:
    """Move INBOX/name to INBOX/_loi/ (a free name: never over an earlier one), with a note
    of the reason beside it. Returns the path it now has, relative to the inbox."""
    src = inbox / name
    dest_dir = inbox / FAILED_DIR
    dest_dir.mkdir(exist_ok=True)
    dest = dest_dir / name
    n = 2
    while dest.exists():
        dest = dest_dir / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    if src.exists():
        shutil.move(str(src), str(dest))
    note = (f"Tệp: {name}\nLý do: {reason}\n"
            f"Xử lý: sửa tệp rồi chép lại vào hộp thư đến ({inbox}); lần chạy sau sẽ đọc lại.\n")
    write_atomic(dest.with_name(dest.name + REASON_SUFFIX), note)
    return str(dest.relative_to(inbox))


# --- catalogues and their texts ------------------------------------------------------

def load_catalogues(out: Path, entries: dict[str, dict]) -> dict[str, Catalogue]:
    cats = {}
    for stem, e in sorted(entries.items()):
        if "error" in e:
            continue
        path = out / e.get("files", {}).get("catalogue", f"{stem}.json")
        try:
            cats[stem] = Catalogue.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # a catalogue removed by hand: left out of this run's products
    return cats


class TextSource:
    """The text a catalogue's spans index: `<stem>.txt` in the outputs for a converted
    plan, else the plan file in the inbox or in a corpus folder (checked against the
    catalogue's hash, so a different plan of the same name is never used)."""

    def __init__(self, inbox: Path, out: Path, entries: dict[str, dict], cats: dict[str, Catalogue],
                 corpora: Optional[list[Path]] = None):
        self.inbox, self.out, self.entries, self.cats = inbox, out, entries, cats
        self.corpora = [Path(c) for c in corpora or []]
        self._cache: dict[str, Optional[str]] = {}

    def __call__(self, stem: str) -> Optional[str]:
        if stem not in self._cache:
            self._cache[stem] = self._read(stem)
        return self._cache[stem]

    def _read(self, stem: str) -> Optional[str]:
        cat, entry = self.cats.get(stem), self.entries.get(stem, {})
        if cat is None:
            return None
        cands = []
        if entry.get("files", {}).get("text"):
            cands.append(self.out / entry["files"]["text"])
        cands.append(self.inbox / cat.source)
        cands += [c / cat.source for c in self.corpora]
        for cand in cands:
            try:
                text = cand.read_text(encoding="utf-8") if cand.parent == self.out else read_plan(cand)
            except (OSError, PlanError, UnicodeDecodeError):
                continue
            if cand.parent == self.out:
                from pipeline.ingest import universal_newlines
                text = universal_newlines(text)
            if not cat.text_sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest() == cat.text_sha256:
                return text
        return None


# --- parents -------------------------------------------------------------------------

def find_catalogued_parent(child: Catalogue, cats: dict[str, Catalogue]) -> Optional[str]:
    """The catalogued plan the child implements: its own number equals a number the child
    implements, and the dates agree (the test `chitieu compare --corpus` applies to files)."""
    from pipeline.compare.parent import implemented_references, normalise_number, reference_to
    wanted = [(normalise_number(r.number), r) for r in implemented_references(child)]
    if not wanted:
        return None
    return next((stem for stem, cat in sorted(cats.items())
                 if stem != child.plan and reference_to(cat.document, wanted) is not None), None)


def compare_paths(out: Path, child: str) -> tuple[Path, Path]:
    return out / f"{child}{COMPARE_JSON}", out / f"{child}{COMPARE_HTML}"


def write_comparisons(out: Path, cats: dict[str, Catalogue], texts: TextSource, arrived: set[str],
                      lang: str = L.DEFAULT_LANG) -> dict[str, str]:
    """For every catalogued plan whose parent is catalogued, the comparison, redone when
    the child or the parent arrived in this run (or its files are missing). Returns
    child -> parent stem for the comparisons made, and child -> `?needed` for an arrived
    plan whose parent is not catalogued."""
    from pipeline.commands.compare import comparison_json, comparison_warnings
    from pipeline.compare.align import compare_plans
    from pipeline.compare.html import render_html
    from pipeline.compare.parent import describe_reference, implemented_references
    done: dict[str, str] = {}
    for stem, child in sorted(cats.items()):
        parent = find_catalogued_parent(child, cats)
        jpath, hpath = compare_paths(out, stem)
        if parent is None:
            if stem in arrived:
                refs = implemented_references(child)
                if refs:
                    done[stem] = "?" + "; ".join(describe_reference(r) for r in refs)
                for p in (jpath, hpath):  # a changed child that no longer names this parent
                    p.unlink(missing_ok=True)
            continue
        if not (stem in arrived or parent in arrived or not jpath.is_file() or not hpath.is_file()):
            continue
        ctext, ptext = texts(stem), texts(parent)
        if ctext is None or ptext is None:
            continue  # spans cannot be read without the texts
        cmp = compare_plans(child, ctext, cats[parent], ptext)
        warnings = comparison_warnings(cmp, child, ctext, cats[parent], ptext, lang)
        write_if_changed(jpath, comparison_json(cmp))
        write_if_changed(hpath, render_html(cmp, lang=lang, warnings=warnings))
        done[stem] = parent
    return done


def comparison_of(out: Path, child: str) -> Optional[dict]:
    try:
        return json.loads(compare_paths(out, child)[0].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --- checklists per body -------------------------------------------------------------

def slug(text: str) -> str:
    import unicodedata

    import regex as re
    t = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:80] or "co-quan"


@dataclass
class BodyWork:
    """One body's tasks across every catalogued plan."""
    name: str
    key: str
    slug: str
    items: list = field(default_factory=list)  # (plan stem, Checklist)


def bodies_across(cats: dict[str, Catalogue]) -> list[BodyWork]:
    from pipeline.checklist import build_checklists
    groups: dict[str, BodyWork] = {}
    for stem, cat in sorted(cats.items()):
        for cl in build_checklists(cat):
            body = groups.setdefault(cl.key, BodyWork(cl.agency, cl.key, ""))
            body.items.append((stem, cl))
    used: set[str] = set()
    for body in sorted(groups.values(), key=lambda b: b.key):
        s = slug(body.name)
        if s in used:
            s = f"{s}-{hashlib.sha1(body.key.encode()).hexdigest()[:6]}"
        used.add(s)
        body.slug = s
    return sorted(groups.values(), key=lambda b: (-sum(len(cl.rows) for _, cl in b.items), b.name))


def checklist_markdown(body: BodyWork, cats: dict[str, Catalogue], lang: str = L.DEFAULT_LANG) -> str:
    en = lang == "en"
    n = sum(len(cl.rows) for _, cl in body.items)
    out = [f"# {body.name}", "",
           (f"{n} tasks in {len(body.items)} plans" if en else
            f"{n} nhiệm vụ trong {len(body.items)} kế hoạch"), ""]
    for stem, cl in body.items:
        cat = cats[stem]
        out += [f"## {cat.document.title or stem} ({cat.source})", ""]
        if cl.merged:
            from pipeline.checklist_formats import merge_note
            out += [f"_({merge_note(cl, lang)})_", ""]
        for r in cl.rows:
            line = f"- [ ] **{r.when(lang)}** · {L.role(r.role, lang)} · {r.task.title}"
            if r.section_label:
                line += f" _({'section' if en else 'mục'} {r.section_label})_"
            if r.partners:
                line += f" — {L.role('support' if r.role == 'lead' else 'lead', lang)}: {'; '.join(r.partners)}"
            out.append(line)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_checklists(out: Path, cats: dict[str, Catalogue], lang: str = L.DEFAULT_LANG) -> int:
    """`checklists/<body>.md` per body (its tasks across plans, by deadline) and
    `checklists/README.md` listing them; files of bodies no longer named are removed."""
    folder = out / CHECKLIST_DIR
    bodies = bodies_across(cats)
    written = 0
    keep = {"README.md"}
    lines = ["# Danh mục nhiệm vụ theo cơ quan" if lang != "en" else "# Tasks by body", ""]
    for body in bodies:
        name = f"{body.slug}.md"
        keep.add(name)
        written += write_if_changed(folder / name, checklist_markdown(body, cats, lang))
        n = sum(len(cl.rows) for _, cl in body.items)
        lines.append(f"- [{body.name}]({name}): {L.count(n, 'tasks', lang)}, {L.count(len(body.items), 'plans', lang)}")
    written += write_if_changed(folder / "README.md", "\n".join(lines) + "\n")
    for old in folder.glob("*.md"):
        if old.name not in keep:
            old.unlink()
    return written


# --- upcoming deadlines --------------------------------------------------------------

@dataclass
class Upcoming:
    date: dt.date
    plan: str
    kind: str            # "task" | "deadline"
    id: str
    title: str
    leads: list[str]
    recurrence: Optional[str]


def upcoming_deadlines(cats: dict[str, Catalogue], start: dt.date, days: Optional[int] = 90) -> list[Upcoming]:
    """Dated deadlines from `start` (inclusive) to `start + days` (all later ones when
    `days` is None); a yearly date (`--MM-DD`) at its next occurrence. A deadline that a
    task carries is listed once, as the task (with its lead bodies)."""
    end = start + dt.timedelta(days=days) if days is not None else dt.date.max
    out: list[Upcoming] = []
    for stem, cat in sorted(cats.items()):
        in_task: set[str] = set()
        for t in cat.tasks:
            when = _next_date(t.due, start)
            in_task.update(t.deadline_ids)
            if when and start <= when <= end:
                out.append(Upcoming(when, stem, "task", t.id, t.title, list(t.lead), t.recurrence))
        for d in cat.deadlines:
            if d.id in in_task:
                continue
            when = _next_date(d.due, start)
            if when and start <= when <= end:
                out.append(Upcoming(when, stem, "deadline", d.id, d.task or d.scope or d.text, [], d.recurrence))
    return sorted(out, key=lambda u: (u.date, u.plan, u.title))


def _next_date(iso: Optional[str], start: dt.date) -> Optional[dt.date]:
    if not iso:
        return None
    if iso.startswith("--"):
        for year in (start.year, start.year + 1):
            try:
                d = dt.date(year, int(iso[2:4]), int(iso[5:7]))
            except ValueError:
                continue
            if d >= start:
                return d
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


