"""A time and size limit per plan, so one pathological file never stalls a batch.

Size: a plan file is read only when it is a regular file (not a FIFO, a device such as
`/dev/zero`, a socket), and never past `max_bytes`.

Time: a plan is extracted in a worker subprocess (`pipeline.worker`) that this process
kills when the plan runs past `max_seconds`; a fresh worker takes the next plan. A
subprocess, not `signal.alarm`, because the same code runs in `chitieu extract`'s main
thread, in a Prefect task's thread and in a Dask worker's thread, and only a process can
be stopped wherever it is (also inside a long regex match in C). The worker is started
once per thread and loads the NLP models once, so a plan costs one pipe round trip more
than in-process (the worker start-up replaces the parent's own imports).

Limits come from `--max-mb` / `--max-seconds`, else `CHITIEU_MAX_MB` /
`CHITIEU_MAX_SECONDS`, else the defaults below (no real plan comes near: the largest
plans seen are under 1 MB and take under 3 s). 0 turns a limit off; with no time limit
plans are extracted in this process.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PlanError
from pipeline.labels import problem

DEFAULT_MAX_MB = 20.0
DEFAULT_MAX_SECONDS = 300.0
# The worker imports the extractors and loads the NLP models before its first plan;
# that start-up is not counted against the plan, but it is bounded too.
WORKER_START_SECONDS = 180.0

_HEADER = struct.Struct("!Q")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = int(DEFAULT_MAX_MB * 1024 * 1024)  # 0: no limit
    max_seconds: float = DEFAULT_MAX_SECONDS  # 0: no limit (and no worker process)

    @classmethod
    def of(cls, max_mb: float | None = None, max_seconds: float | None = None) -> "Limits":
        """From the command line, else the environment, else the defaults."""
        mb = max_mb if max_mb is not None else _env_float("CHITIEU_MAX_MB", DEFAULT_MAX_MB)
        sec = max_seconds if max_seconds is not None else _env_float("CHITIEU_MAX_SECONDS", DEFAULT_MAX_SECONDS)
        if mb < 0 or sec < 0:
            raise ValueError("giới hạn không được âm (0 là không giới hạn)")
        return cls(max_bytes=int(mb * 1024 * 1024), max_seconds=float(sec))

    def describe_size(self) -> str:
        return _mb(self.max_bytes)


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} không phải là số")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def time_problem(seconds: float) -> str:
    return (f"vượt giới hạn thời gian {seconds:g} giây cho một kế hoạch (--max-seconds); "
            "kế hoạch bị bỏ qua, các kế hoạch khác vẫn chạy")


def add_limit_options(parser, T) -> None:
    """`--max-mb` and `--max-seconds` for the commands that read many plans."""
    parser.add_argument("--max-mb", type=float, metavar="MB",
                        help=T(f"cỡ tối đa của một tệp kế hoạch (mặc định {DEFAULT_MAX_MB:g}; "
                               "CHITIEU_MAX_MB; 0 = không giới hạn)",
                               f"largest plan file read (default {DEFAULT_MAX_MB:g}; CHITIEU_MAX_MB; 0 = none)"))
    parser.add_argument("--max-seconds", type=float, metavar="S",
                        help=T(f"thời gian tối đa cho một kế hoạch (mặc định {DEFAULT_MAX_SECONDS:g}; "
                               "CHITIEU_MAX_SECONDS; 0 = không giới hạn)",
                               f"longest time one plan may take (default {DEFAULT_MAX_SECONDS:g}; "
                               "CHITIEU_MAX_SECONDS; 0 = none)"))


# --- reading: regular files only, never past the size limit ---------------------------

def read_bytes(path: str | Path, max_bytes: int = 0) -> bytes:
    """The bytes of a regular file, at most `max_bytes` (0: any size). A FIFO, a device
    (`/dev/zero`), a socket or a directory is refused without reading it: the file is
    opened non-blocking (a FIFO with no writer would block the open) and checked with
    fstat on the opened descriptor, so it cannot be swapped in between."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise PlanError(path, problem("no_such_file"))
    except IsADirectoryError:
        raise PlanError(path, problem("is_directory"))
    except OSError as exc:
        raise PlanError(path, problem("cannot_read", why=exc.strerror or exc))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise PlanError(path, problem("is_directory"))
        if not stat.S_ISREG(st.st_mode):
            kind = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "thiết bị" if stat.S_ISCHR(st.st_mode)
                    or stat.S_ISBLK(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode) else "tệp đặc biệt")
            raise PlanError(path, f"không phải tệp thường ({kind}); chỉ đọc tệp kế hoạch thông thường")
        if max_bytes and st.st_size > max_bytes:
            raise PlanError(path, f"tệp lớn {_mb(st.st_size)}, quá giới hạn {_mb(max_bytes)} (--max-mb)")
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        chunks, total = [], 0
        cap = max_bytes + 1 if max_bytes else None
        while True:
            want = 1 << 20 if cap is None else min(1 << 20, cap - total)
            if want <= 0:
                break
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if max_bytes and total > max_bytes:  # grew while being read
            raise PlanError(path, f"tệp lớn hơn giới hạn {_mb(max_bytes)} (--max-mb)")
        return b"".join(chunks)
    except OSError as exc:
        raise PlanError(path, problem("cannot_read", why=exc.strerror or exc))
    finally:
        os.close(fd)


# --- the worker process -------------------------------------------------------------

class WorkerDied(Exception):
    pass


class Stopped(Exception):
    """The run is stopping (SIGTERM, Ctrl-C): no new plan is started."""


STOP = threading.Event()  # set by the signal handler of `run` / `extract`
SOFT_STOP = threading.Event()  # set while the flow's loop polls STOP itself
_ALL: set["PlanRunner"] = set()
_ALL_LOCK = threading.Lock()
_LOCAL = threading.local()


def send(fh, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(_HEADER.pack(len(data)) + data)
    fh.flush()


def recv(fh):
    head = fh.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError
    (n,) = _HEADER.unpack(head)
    data = fh.read(n)
    if len(data) < n:
        raise EOFError
    return pickle.loads(data)


class PlanRunner:
    """One worker subprocess at a time; `products()` runs one plan in it, within the limit."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.proc: subprocess.Popen | None = None
        with _ALL_LOCK:
            _ALL.add(self)

    # the worker's lifetime
    def _start(self) -> None:
        env = dict(os.environ)
        env["CHITIEU_WORKER_PARENT"] = str(os.getpid())
        self.proc = subprocess.Popen([sys.executable, "-m", "pipeline.worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, close_fds=True)
        try:
            ready = self._receive(time.monotonic() + WORKER_START_SECONDS)
        except TimeoutError:
            self.kill()
            raise WorkerDied("tiến trình trích xuất không khởi động được (quá thời gian)")
        if ready != "ready":
            self.kill()
            raise WorkerDied("tiến trình trích xuất không khởi động được")

    def kill(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            proc.kill()
        except OSError:
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for fh in (proc.stdin, proc.stdout):
            try:
                fh.close()
            except OSError:
                pass

    def close(self) -> None:
        self.kill()
        with _ALL_LOCK:
            _ALL.discard(self)

    def _receive(self, deadline: float):
        """The worker's next message, waiting at most until `deadline` and no longer
        than a quarter second past a stop request."""
        proc = self.proc
        fd = proc.stdout.fileno()
        buf = bytearray()
        need = _HEADER.size
        header_done = False
        while True:
            if STOP.is_set():
                raise Stopped()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError()
            try:
                ready, _, _ = select.select([fd], [], [], min(left, 0.25))
                if not ready:
                    continue
                chunk = os.read(fd, need - len(buf))
            except (OSError, ValueError):
                chunk = b""
            if not chunk:
                if STOP.is_set():
                    raise Stopped()
                try:
                    code = proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    code = None
                raise WorkerDied("tiến trình trích xuất dừng đột ngột" + (f" (mã {code})" if code is not None else ""))
            buf += chunk
            if not header_done and len(buf) >= _HEADER.size:
                (n,) = _HEADER.unpack(bytes(buf[:_HEADER.size]))
                del buf[:_HEADER.size]
                need, header_done = n, True
            if header_done and len(buf) >= need:
                return pickle.loads(bytes(buf[:need]))

    def products(self, source: str, data: bytes, plan: str | None = None):  # noqa: C901
        """`emit.plan_products` of one plan, in the worker, within the time limit.
        Never raises for the plan: a plan over the limit or one that kills the worker
        comes back as a failed product. Raises `Stopped` when the run is stopping."""
        from pipeline.emit import failed_products
        if STOP.is_set():
            raise Stopped()
        try:
            if self.proc is None or self.proc.poll() is not None:
                self.kill()
                self._start()
            send(self.proc.stdin, (source, data, plan))
            result = self._receive(time.monotonic() + self.limits.max_seconds)
        except TimeoutError:
            self.kill()  # the next plan gets a fresh worker
            return _tagged(failed_products(source, data, plan, time_problem(self.limits.max_seconds)),
                           self.limits)
        except (WorkerDied, BrokenPipeError, EOFError) as exc:
            self.kill()
            if STOP.is_set():
                raise Stopped()
            problem = str(exc) if isinstance(exc, WorkerDied) else "tiến trình trích xuất dừng đột ngột"
            return _tagged(failed_products(source, data, plan, f"{problem}; kế hoạch bị bỏ qua"), self.limits)
        except Stopped:
            self.kill()
            raise
        if isinstance(result, BaseException):
            return failed_products(source, data, plan, f"extractor error: {type(result).__name__}: {result}"
                                   .splitlines()[0])
        return result


def _tagged(prod, limits: Limits):
    """A failure caused by a limit records the limit: a run with other limits retries it."""
    prod.entry["limit"] = {"max_bytes": limits.max_bytes, "max_seconds": limits.max_seconds}
    return prod


def runner(limits: Limits) -> PlanRunner:
    """This thread's runner (a Prefect or Dask task thread keeps its worker between batches)."""
    r = getattr(_LOCAL, "runner", None)
    if r is None or r.limits != limits:
        if r is not None:
            r.close()
        r = _LOCAL.runner = PlanRunner(limits)
    return r


def plan_products_limited(source: str, data: bytes, plan: str | None, limits: Limits):
    """One plan's products within the limits (in this process when there is no time limit)."""
    from pipeline.emit import failed_products, plan_products
    if limits.max_bytes and len(data) > limits.max_bytes:
        return _tagged(failed_products(source, data, plan, f"tệp lớn {_mb(len(data))}, quá giới hạn "
                                       f"{_mb(limits.max_bytes)} (--max-mb)"), limits)
    if not limits.max_seconds:
        if STOP.is_set():
            raise Stopped()
        return plan_products(source, data, plan)
    return runner(limits).products(source, data, plan)


def kill_all() -> None:
    """SIGKILL every worker at once (safe in a signal handler: no waiting, no locks held
    for long); the threads reading from them see the end of the pipe and stop."""
    for r in list(_ALL):
        proc = r.proc
        if proc is not None:
            try:
                proc.kill()
            except OSError:
                pass


def close_all() -> None:
    """Stop every worker this process started (end of a run, or a signal)."""
    with _ALL_LOCK:
        runners = list(_ALL)
    for r in runners:
        r.close()
    _LOCAL.__dict__.pop("runner", None)


# --- stopping on SIGTERM / Ctrl-C -----------------------------------------------------

class Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def install_stop_handlers():
    """SIGTERM and SIGINT: the first stops the run (workers killed at once, finished plans
    kept, the caller writes a consistent index); a second one exits at once. Returns a
    function that restores the previous handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    STOP.clear()
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}

    def handler(signum, frame):
        if STOP.is_set():
            kill_all()
            os._exit(128 + signum)
        STOP.set()
        STOP.signum = signum
        kill_all()
        if not SOFT_STOP.is_set():
            raise Interrupted(signum)

    for s in previous:
        signal.signal(s, handler)

    def restore():
        for s, h in previous.items():
            signal.signal(s, h)
    return restore
