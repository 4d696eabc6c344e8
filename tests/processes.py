"""Processes a test started, found by a tag in their environment (servers, workers, Dask)."""
from __future__ import annotations

import os


def tagged_processes(tag: str) -> list[int]:
    """Live (not zombie) processes whose environment carries `tag`."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                if tag.encode() in fh.read():
                    with open(f"/proc/{pid}/stat") as st:
                        if st.read().split(") ", 1)[1].split()[0] != "Z":
                            found.append(int(pid))
        except OSError:
            continue
    return found
