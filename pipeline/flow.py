"""The Prefect flow behind `chitieu run`: ingest → (OCR of scans) → normalise → segment → extract → emit.

One Prefect task reads a *batch* of plans (never one task per sentence or finding):
Prefect's bookkeeping costs ~10-20 ms per task run, a plan costs far more, and
batching keeps the flow's overhead small. A scanned PDF (no text layer) is read first
by its own task (`read-scans`, one per file, progress page by page): OCR takes seconds
a page, far longer than cataloguing. The extraction itself is
`pipeline.emit.plan_products` (→ `extractors.catalogue.build_catalogue`); this module
only orchestrates. Workers return the products as strings and this process writes
them, so a worker on another machine needs no access to the output folder, and a
plan that fails leaves no file behind.

Prefect runs in its embedded local mode (a temporary server in a subprocess; no
account, no network). Importing this module costs Prefect's start-up, so only
`chitieu run` and the benchmark import it.
"""
from __future__ import annotations

import os

# Before prefect is imported: its settings are read once, at import.
# A fresh PREFECT_HOME migrates a database on first start, slower than the default timeout.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # our own progress replaces run logs
# The temporary server logs cancelled event flushes when it stops: noise, not failures.
os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")

import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import wait  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline import limits as LIM  # noqa: E402
from pipeline import ocr  # noqa: E402
from pipeline.emit import PlanProducts, failed_products, write_if_changed  # noqa: E402
from pipeline.errors import PlanError, output_error  # noqa: E402


@task(name="read-scans", cache_policy=NO_CACHE, retries=0)
def read_scan(name: str, data: bytes, quiet: bool = False) -> tuple[str | None, str | None]:
    """OCR of one scanned PDF: (what Tesseract read, None), or (None, the reason in one
    line). Progress is a line per page, never finer."""
    def on_page(done: int, total: int) -> None:
        if not quiet:
            print(f"OCR {name}: đã đọc {done}/{total} trang", file=sys.stderr, flush=True)
    try:
        return ocr.read_pages(name, data, on_page), None
    except PlanError as exc:
        return None, exc.problem


@task(name="catalogue-plans", cache_policy=NO_CACHE, retries=0)
def catalogue_batch(batch: list[tuple[str, str, bytes]], limits: LIM.Limits | None = None,
                    scans: dict[str, str] | None = None, quiet: bool = False) -> list[PlanProducts]:
    """Ingest, normalise, segment and extract a batch of plans (name, plan name, file
    bytes), each within the per-plan limits (a worker process killed past the time
    limit). `scans` holds the OCR text of scanned PDFs by `ocr.key_of` their bytes: kept in this
    machine's OCR cache, where the plan's worker finds it. When the run is stopping,
    the plans finished so far come back."""
    limits = limits or LIM.Limits.of()
    done: list[PlanProducts] = []
    for name, plan, data in batch:
        if scans and ocr.key_of(data) in scans:
            ocr.remember(data, scans[ocr.key_of(data)])
        elif ocr.is_scan(name, data) and ocr.cached(data) is None:
            # a caller that did not read its scans first (`chitieu serve`): read it here,
            # still as a task of its own, outside the per-plan time limit of cataloguing
            text, problem = read_scan(name, data, quiet)
            if text is None:
                done.append(failed_products(name, data, plan, problem))
                continue
            ocr.remember(data, text)
        try:
            done.append(LIM.plan_products_limited(name, data, plan, limits))
        except LIM.Stopped:
            break
    return done


def _scans_of(items: list[tuple[str, str, bytes]], scans: dict[str, str]) -> dict[str, str]:
    """The OCR texts a batch needs (only those travel to its worker)."""
    keys = {ocr.key_of(data) for _, _, data in items} if scans else set()
    return {k: t for k, t in scans.items() if k in keys}


@dataclass
class FlowReport:
    products: list[PlanProducts] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stopped: bool = False


# The report of the flow running in this process: `chitieu run` reads it also when a
# signal cut the flow short, so the plans finished so far enter the index.
LIVE = FlowReport()


def _server_dies_with_us() -> None:
    """Start Prefect's temporary server through `pipeline.deathsig`, so it ends when
    this process ends, also on SIGKILL (Prefect stops it only at a normal exit)."""
    try:
        from prefect.server.api import server as S
        original = S.SubprocessASGIServer._run_uvicorn_command
    except (ImportError, AttributeError):
        return
    if getattr(original, "_chitieu", False):
        return

    def run_uvicorn(self):
        import subprocess
        popen = subprocess.Popen
        me = os.getpid()

        class Popen(popen):  # only the server command passes through here
            def __init__(self, args, *a, **kw):
                if list(args[:1]) == [sys.executable]:
                    args = [sys.executable, "-m", "pipeline.deathsig", str(me), *args]
                super().__init__(args, *a, **kw)
        try:
            S.subprocess = _SubprocessShim(Popen)
            return original(self)
        finally:
            S.subprocess = subprocess
    run_uvicorn._chitieu = True
    S.SubprocessASGIServer._run_uvicorn_command = run_uvicorn


class _SubprocessShim:
    """`subprocess` as the Prefect server module sees it while it starts the server."""

    def __init__(self, popen):
        import subprocess
        self._module, self.Popen = subprocess, popen

    def __getattr__(self, name):
        return getattr(self._module, name)


def batch_size_for(n_plans: int, n_workers: int) -> int:
    """About four batches per worker (load balance), at most 20 plans a batch."""
    return max(1, min(20, math.ceil(n_plans / (4 * max(1, n_workers)))))


def task_runner(workers: int | None = None, dask_address: str | None = None):
    if dask_address or workers:
        import logging

        from prefect_dask import DaskTaskRunner
        # Dask's INFO lines (scheduler, nanny start/stop) would bury the progress lines.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True,
            "dashboard_address": ":0"})
    # Extraction is CPU-bound Python: more threads only contend for the GIL.
    return ThreadPoolTaskRunner(max_workers=1)


class _Progress:
    """`plans done of total` on stderr: a bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int, quiet: bool):
        self.total, self.done, self.quiet = total, 0, quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
            self.bar = Progress("[progress.description]{task.description}", BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("plans", total=total)

    def advance(self, products: list[PlanProducts]) -> None:
        self.done += len(products)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)
        elif not self.quiet:
            failed = sum(p.error is not None for p in products)
            note = f" ({failed} lỗi)" if failed else ""
            print(f"đã xong {self.done}/{self.total} kế hoạch{note}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def catalogue_corpus_flow(runner):
    """The flow, bound to a task runner (the runner is chosen per run)."""

    @flow(name="chitieu-run", task_runner=runner, log_prints=False, validate_parameters=False,
          persist_result=False)
    def catalogue_corpus(plans: list[tuple[str, str]], output: str, batch_size: int = 10, wave: int = 64,
                         quiet: bool = False, limits: LIM.Limits | None = None) -> FlowReport:
        limits = limits or LIM.Limits.of()
        started = time.perf_counter()
        out = Path(output)
        report = LIVE
        progress = _Progress(len(plans), quiet)
        batches = [plans[i:i + batch_size] for i in range(0, len(plans), batch_size)]

        def emit(products: list[PlanProducts]) -> None:
            for prod in products:
                for name, content in sorted(prod.files.items()):
                    try:
                        if write_if_changed(out / name, content):
                            report.written.append(name)
                    except OSError as exc:
                        raise output_error(out / name, exc)
                prod.files = {}  # written: holding every plan's text would grow with the corpus
            report.products.extend(products)
            progress.advance(products)

        def ingest(batch):
            # the bytes travel to the worker, which may not share our disk; a file that
            # cannot be read (gone, not a regular file, too big) fails here, alone
            items, failed = [], []
            for path, plan in batch:
                try:
                    items.append((Path(path).name, plan, LIM.read_bytes(path, limits.max_bytes)))
                except PlanError as exc:
                    failed.append(failed_products(Path(path).name, b"", plan, exc.problem))
            if failed:
                emit(failed)
            return items

        def read_scans(wave_items: list[list[tuple[str, str, bytes]]]) -> dict[str, str]:
            # OCR before cataloguing: each scan not read before in a task of its own; a
            # scan that cannot be read fails alone, with its reason
            scans, reading = {}, []
            for items in wave_items:
                for name, plan, data in items:
                    if ocr.is_scan(name, data):
                        text = ocr.cached(data)
                        if text is not None:
                            scans[ocr.key_of(data)] = text
                        else:
                            reading.append((name, plan, data, read_scan.submit(name, data, quiet)))
            for name, plan, data, future in reading:
                text, problem = future.result()
                if text is None:
                    emit([failed_products(name, data, plan, problem)])
                    for items in wave_items:
                        items[:] = [it for it in items if it[2] is not data]
                else:
                    ocr.remember(data, text)
                    scans[ocr.key_of(data)] = text
            return scans

        LIM.SOFT_STOP.set()  # from here a signal stops the flow between plans, not mid-write
        try:
            # Waves of batches bound the plan bytes held in memory on a corpus of any size.
            for w in range(0, len(batches), wave):
                if LIM.STOP.is_set():
                    break
                wave_items = [ingest(b) for b in batches[w:w + wave]]
                scans = read_scans(wave_items)
                futures = [catalogue_batch.submit(items, limits, _scans_of(items, scans), quiet)
                           for items in wave_items if items]
                pending = list(futures)
                stop_seen = None
                while pending:
                    done, not_done = wait(pending, timeout=0.25)
                    for future in done:
                        emit(future.result())
                    pending = list(not_done)
                    if LIM.STOP.is_set():
                        # tasks of this process return their finished plans within a
                        # moment; tasks on Dask workers are not waited for
                        stop_seen = stop_seen or time.monotonic()
                        if time.monotonic() - stop_seen > 3:
                            break
                if LIM.STOP.is_set():
                    report.stopped = True
                    break
        finally:
            LIM.SOFT_STOP.clear()
            progress.close()
        report.products.sort(key=lambda p: p.plan)
        report.seconds = time.perf_counter() - started
        return report

    return catalogue_corpus


def check_scheduler(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds, not after Prefect's start-up and Dask's 30 s connect timeout."""
    import socket
    from urllib.parse import urlparse
    url = urlparse(address if "://" in address else f"tcp://{address}")
    if url.scheme != "tcp":
        return  # tls://, ws://, inproc://: leave it to Dask
    if not url.hostname or not url.port:
        raise OSError(f"not a scheduler address (tcp://HOST:PORT): {address}")
    with socket.create_connection((url.hostname, url.port), timeout=timeout):
        pass


def run_flow(plans: list[tuple[Path, str]], output: Path, *, workers: int | None = None,
             dask_address: str | None = None, batch_size: int | None = None,
             quiet: bool = False, limits: LIM.Limits | None = None) -> FlowReport:
    """Run the flow over (plan file, plan name) pairs. `LIVE` holds what finished, also
    when a signal (`pipeline.limits.install_stop_handlers`) cut the run short."""
    import logging
    global LIVE
    LIVE = FlowReport()
    # A failed flow run is reported by `chitieu run` in one line; Prefect's own
    # traceback of the same exception would only bury it.
    logging.getLogger("prefect.flow_runs").setLevel(logging.CRITICAL)
    if dask_address:
        check_scheduler(dask_address)
    _server_dies_with_us()
    n_workers = workers or (2 if dask_address else 1)
    size = batch_size or batch_size_for(len(plans), n_workers)
    flow_fn = catalogue_corpus_flow(task_runner(workers, dask_address))
    try:
        return flow_fn(plans=[(str(p), name) for p, name in plans], output=str(output), batch_size=size,
                       wave=max(64, 8 * n_workers), quiet=quiet, limits=limits or LIM.Limits.of())
    finally:
        LIM.SOFT_STOP.clear()
        LIM.close_all()
