"""Write products atomically and deterministically.

Per plan: `<stem>.json` (the catalogue), `<stem>.md` (a Markdown rendering made for
line-by-line diffs in git), `<stem>.txt` (the converted text, for .docx/.pdf plans, so
spans stay checkable); per corpus: `index.json`.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from extractors.kinds import FINDING_KINDS
from extractors.models import Catalogue

from pipeline import labels
from pipeline.errors import PlanError
from pipeline.ingest import is_converted, plan_text
from pipeline.load import catalogue_of

INDEX_NAME = "index.json"
TMP_PREFIX = ".chitieu-"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def catalogue_json(cat: Catalogue) -> str:
    """Sorted keys, UTF-8 unescaped, two-space indent, trailing newline: stable and diffable."""
    return json.dumps(cat.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A short temporary name: `.<name>.XXXX.tmp` of a 250-byte name would pass NAME_MAX.
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; products are ordinary files
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_if_changed(path: Path, content: str) -> bool:
    """Write only when the bytes differ, so an unchanged product keeps its mtime."""
    data = content.encode("utf-8")
    try:
        if Path(path).read_bytes() == data:
            return False
    except (FileNotFoundError, IsADirectoryError):
        pass
    write_atomic(path, data)
    return True


# --- Markdown rendering -------------------------------------------------------------

def cell(value) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, float):
        value = f"{value:g}"
    if isinstance(value, (list, tuple)):
        value = ".".join(map(str, value))
    return " ".join(str(value).split()).replace("|", "\\|")


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def marker(code: str) -> str:
    """The marker as plans print it: `I.`, `2.1.`, `a)`, `(1)`."""
    if code.startswith("(") or code.endswith((".", ")")):
        return cell(code)
    if len(code) == 1 and code.islower():
        return f"{code})"
    return f"{cell(code)}."


_VOCABULARIES = {"direction": labels.direction, "role": labels.role, "recurrence": labels.recurrence}


def worded(column, item):
    """A cell as the reader reads it: codes of a closed vocabulary (`reach`, `lead`,
    `yearly`) in Vietnamese words; the JSON keeps the codes."""
    value = column.value(item)
    return _VOCABULARIES[column.vocabulary](value) if column.vocabulary and value else value


def catalogue_markdown(cat: Catalogue) -> str:
    """One line per finding, no character offsets (an insertion above would otherwise
    touch every line): a git diff of two renderings shows what a reader cares about."""
    d = cat.document
    out = [f"# {cell(d.title) or cat.plan}", ""]
    facts = [("Tệp", cat.source), ("Loại văn bản", d.kind), ("Số", d.number), ("Cơ quan ban hành", d.issuer),
             ("Địa bàn", d.place), ("Cấp", labels.level(d.level)), ("Ngày ban hành", d.date),
             ("Mã băm văn bản (SHA-256)", cat.text_sha256)]
    out += [f"- {k}: {cell(v)}" for k, v in facts if v]
    for ref in d.implements:
        out.append(f"- Thực hiện: {cell(ref.text) or cell(ref.number)}")
    out.append("")

    out += [f"## Bố cục ({len(cat.sections)})", ""]
    for s in cat.sections:
        out.append("  " * (len(s.path) - 1) + f"- {marker(s.marker)} {cell(s.title)}".rstrip())
    out.append("")

    for kind in FINDING_KINDS:
        items = getattr(cat, kind.name)
        out += [f"## {kind.heading} ({len(items)})", ""]
        out += _table([c.header for c in kind.columns], [[worded(c, i) for c in kind.columns] for i in items])
        out.append("")
    out.pop()
    return "\n".join(out) + "\n"


# --- index.json and the freshness stamp ---------------------------------------------

def counts(cat: Catalogue) -> dict[str, int]:
    return {"sections": len(cat.sections), **{k.name: len(getattr(cat, k.name)) for k in FINDING_KINDS}}


def index_entry(cat: Catalogue, source_sha256: str, text_file: str | None) -> dict:
    d = cat.document
    files = {"catalogue": f"{cat.plan}.json", "rendering": f"{cat.plan}.md"}
    if text_file:
        files["text"] = text_file
    return {
        "plan": cat.plan, "source": cat.source, "source_sha256": source_sha256,
        "text_sha256": cat.text_sha256, "title": d.title, "kind": d.kind, "number": d.number,
        "issuer": d.issuer, "place": d.place, "level": d.level, "date": d.date,
        "implements": [r.number or r.text for r in d.implements],
        "counts": counts(cat), "files": files,
    }


def failed_entry(plan: str, source: str, source_sha256: str, error: str) -> dict:
    return {"plan": plan, "source": source, "source_sha256": source_sha256, "error": error}


def index_json(entries: list[dict], fingerprint: str) -> str:
    doc = {"schema_version": Catalogue.model_fields["schema_version"].default,
           "extractor_fingerprint": fingerprint,
           "plans": sorted(entries, key=lambda e: e["plan"])}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_index(out_dir: Path) -> dict:
    try:
        doc = json.loads((Path(out_dir) / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(doc, dict) or not isinstance(doc.get("plans", []), list):
        return {}
    doc["plans"] = [e for e in doc.get("plans", []) if isinstance(e, dict) and isinstance(e.get("plan"), str)]
    return doc


def is_fresh(entry: dict | None, source: str, digest: str, out: Path, limits) -> bool:
    """Up to date only when the bytes are the same and the outputs on disk are exactly
    what the index entry names (parsed and checked, not just present). `limits`
    (`pipeline.limits.Limits`) decides whether a plan that failed on a limit is retried."""
    if not entry or entry.get("source") != source or entry.get("source_sha256") != digest:
        return False
    if "error" in entry:
        # failed before on the same bytes: the same reason still holds, unless it was a
        # limit and the limits changed
        limit = entry.get("limit")
        return limit is None or limit == {"max_bytes": limits.max_bytes, "max_seconds": limits.max_seconds}
    return outputs_match(out, entry)


def outputs_match(out_dir: Path, entry: dict) -> bool:
    """True when the outputs an index entry names exist and are exactly what that entry
    says: the catalogue parses and validates, carries the entry's plan, source and text
    hash, and gives this very entry; the rendering is the catalogue's rendering byte for
    byte; a converted text has the catalogue's text hash. A truncated, emptied or
    foreign file, or one left by another version of the plan, fails."""
    from pydantic import ValidationError
    out = Path(out_dir)
    files = entry.get("files")
    plan = entry.get("plan")
    if not isinstance(files, dict) or files.get("catalogue") != f"{plan}.json":
        return False
    try:
        raw = (out / files["catalogue"]).read_bytes()
        cat = Catalogue.model_validate_json(raw, context={"file": True})
        if raw.decode("utf-8") != catalogue_json(cat):
            return False
        if cat.plan != plan or cat.source != entry.get("source") or cat.text_sha256 != entry.get("text_sha256"):
            return False
        text_file = files.get("text")
        if text_file is not None:
            if text_file != f"{plan}.txt":
                return False
            if hashlib.sha256((out / text_file).read_bytes()).hexdigest() != cat.text_sha256:
                return False
        if index_entry(cat, entry.get("source_sha256", ""), text_file) != entry:
            return False
        if files.get("rendering") != f"{plan}.md":
            return False
        return (out / files["rendering"]).read_bytes() == catalogue_markdown(cat).encode("utf-8")
    except (OSError, ValueError, ValidationError, UnicodeDecodeError):
        return False


def extractor_fingerprint() -> str:
    """A hash of the code and data that make a catalogue: when it changes, stored
    catalogues are stale even if the plan text is not."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    files = sorted(p for p in (root / "extractors").rglob("*")
                   if p.is_file() and p.suffix in (".py", ".json", ".jsonl", ".txt", ".tsv", ".csv")
                   and "__pycache__" not in p.parts and p.name != "examples.jsonl")
    files += [root / "pipeline" / "ingest.py", root / "pipeline" / "ocr.py", root / "pipeline" / "emit.py"]
    for p in files:
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes().replace(b"\r\n", b"\n"))
        h.update(b"\0")
    return h.hexdigest()[:16]


# --- one plan, from bytes to products -------------------------------------------------

@dataclass
class PlanProducts:
    """Everything written for one plan, as strings: workers (maybe on other machines)
    build these, the flow's process writes them, so no worker touches the output folder."""
    plan: str
    source: str
    source_sha256: str
    files: dict[str, str] = field(default_factory=dict)  # file name -> content
    entry: dict = field(default_factory=dict)
    error: str | None = None


def failed_products(source: str, data: bytes, plan: str | None, problem: str) -> PlanProducts:
    name = Path(source).name
    stem = plan or Path(source).stem
    digest = hashlib.sha256(data).hexdigest()
    return PlanProducts(stem, name, digest, error=problem, entry=failed_entry(stem, name, digest, problem))


def plan_products(source: str, data: bytes, plan: str | None = None) -> PlanProducts:
    """Ingest, normalise, segment, extract and render one plan. Never raises for a bad
    plan: the failure travels back as `error`, so the rest of the batch completes.
    `plan` names the products (default: the file's stem; `pipeline.names` picks another
    when stems collide)."""
    name = Path(source).name
    stem = plan or Path(source).stem
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = plan_text(source, data)
        cat = catalogue_of(name, text)
    except PlanError as exc:
        return PlanProducts(stem, name, digest, error=exc.problem,
                            entry=failed_entry(stem, name, digest, exc.problem))
    except Exception as exc:  # an extractor bug must not sink the other plans
        problem = f"extractor error: {type(exc).__name__}: {exc}".splitlines()[0]
        return PlanProducts(stem, name, digest, error=problem,
                            entry=failed_entry(stem, name, digest, problem))
    if cat.plan != stem:
        cat = cat.model_copy(update={"plan": stem})
    files = {f"{stem}.json": catalogue_json(cat), f"{stem}.md": catalogue_markdown(cat)}
    text_file = None
    if is_converted(name):
        text_file = f"{stem}.txt"
        files[text_file] = text
    return PlanProducts(stem, name, digest, files=files, entry=index_entry(cat, digest, text_file))
