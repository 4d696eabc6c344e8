"""`python -m pipeline.deathsig PARENT_PID PROGRAM ARGS...`: run PROGRAM so that it
gets SIGTERM when the process that started it dies, however it dies (SIGKILL
included). Linux's parent-death signal survives the exec; elsewhere this only execs.
`chitieu run` starts Prefect's temporary server through it, so no server outlives a run.
"""
from __future__ import annotations

import os
import signal
import sys


def main() -> None:
    parent, argv = int(sys.argv[1]), sys.argv[2:]
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent is already gone
        sys.exit(1)
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main()
