"""Load a plan or its catalogue, whichever the user names."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from extractors.catalogue import build_catalogue
from extractors.kinds import FINDING_KINDS
from extractors.models import Catalogue

from pipeline.errors import PlanError
from pipeline.labels import problem
from pipeline.ingest import read_plan


def load_catalogue(path: str | Path) -> tuple[Catalogue, str | None]:
    """(catalogue, plan text) for a plan file, or (catalogue, text if found beside it)
    for a catalogue `.json`."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        from pipeline.limits import read_bytes
        data = read_bytes(path, _max_bytes())
        try:
            cat = Catalogue.model_validate(json.loads(data.decode("utf-8")), context={"file": True})
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise PlanError(path, problem("not_catalogue_json", error=exc))
        except ValidationError as exc:
            raise PlanError(path, problem("not_catalogue", count=exc.error_count()))
        if not is_plain_name(cat.source):
            raise PlanError(path, f"trường source {cat.source!r} không phải tên tệp (có thư mục hoặc '..'); "
                                  "không đọc tệp ngoài thư mục của danh mục")
        text = None
        for cand in (path.with_suffix(".txt"), path.parent / cat.source):
            if cand.exists() and cand != path:
                try:
                    text = read_plan(cand)
                except PlanError:
                    continue
                break
        return cat, text
    text = read_plan(path)
    return catalogue_of(path, text), text


def is_plain_name(name: str) -> bool:
    """A bare file name: no folder, no `..`, not absolute, so `folder / name` stays in `folder`."""
    return (bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name
            and "\0" not in name and not (len(name) > 1 and name[1] == ":"))


def _max_bytes() -> int:
    from pipeline.limits import Limits
    try:
        return Limits.of().max_bytes
    except ValueError:
        return Limits().max_bytes


def catalogue_of(path: str | Path, text: str) -> Catalogue:
    """The catalogue of a plan text. Letters and news items without an outline are read
    like plans; only a text in which nothing at all is found is refused."""
    cat = build_catalogue(text, Path(path).name)
    if not cat.sections and not any(getattr(cat, kind.name) for kind in FINDING_KINDS):
        raise PlanError(path, problem("nothing_found"))
    return cat
