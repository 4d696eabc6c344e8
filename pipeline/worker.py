"""The worker process behind the per-plan time limit (`pipeline.limits.PlanRunner`).

Reads `(source, bytes, plan name)` requests from stdin, answers each with the plan's
`PlanProducts` on stdout (length-prefixed pickles), until stdin closes. It ends with its
parent, however the parent ends (SIGKILL included): the kernel's parent-death signal on
Linux, and a thread that watches the parent's pid elsewhere. Ctrl-C is left to the
parent, which kills its workers itself.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time


def _die_with_parent() -> None:
    parent = int(os.environ.get("CHITIEU_WORKER_PARENT", "0") or 0)
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if parent and os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)
    if parent:
        threading.Thread(target=watch, daemon=True).start()


def main() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but answers on the pipe

    from pipeline.emit import plan_products
    from pipeline.limits import recv, send
    from extractors import nlp
    if nlp.enabled():  # load the models before the first plan's clock starts
        try:
            nlp.pos_tag("Sở Nội vụ chủ trì thực hiện")
            nlp.word_tokenize("Sở Nội vụ chủ trì thực hiện")
        except Exception:
            pass
    send(stdout, "ready")
    while True:
        try:
            source, data, plan = recv(stdin)
        except EOFError:
            return 0
        try:
            result = plan_products(source, data, plan)
        except Exception as exc:  # plan_products catches extractor errors; this is a last guard
            result = RuntimeError(f"{type(exc).__name__}: {exc}")
        send(stdout, result)


if __name__ == "__main__":
    sys.exit(main())
