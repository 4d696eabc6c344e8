"""Write products atomically and deterministically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from extractors.models import Catalogue


def catalogue_json(cat: Catalogue) -> str:
    """Sorted keys, UTF-8 unescaped, two-space indent, trailing newline: stable and diffable."""
    return json.dumps(cat.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
