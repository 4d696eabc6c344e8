"""The Prefect side of `chitieu serve`: one flow run per inbox run, one task per step.

`serve_inbox` is the flow (`chitieu-serve`): cataloguing is `chitieu run`'s per-plan body
(`pipeline.emit.plan_products`) in a task, and each later step (load catalogues, compare with
parents, checklists, digest, site) is its own task, so a run shows its steps in Prefect's
UI. `--once` calls the flow (Prefect's embedded local mode, or the server of
`PREFECT_API_URL`); `serve` makes it a deployment served by this process on an interval or
a cron schedule, which needs a Prefect server (the embedded one refuses schedules).
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import pipeline.flow  # sets Prefect's environment before prefect is imported; its task catalogues
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipeline import labels as L
from pipeline.serve import DEFAULT_SETTLE, Busy, RunReport, Scan, run_inbox

FLOW_NAME = "chitieu-serve"
DEPLOYMENT_NAME = "inbox"


def _step(name: str, fn, *args, **kwargs):
    return task(fn, name=name, cache_policy=NO_CACHE, retries=0)(*args, **kwargs)


def _catalogue(batch: list[tuple[str, bytes]]) -> list:
    """`chitieu run`'s own task (`pipeline.flow.catalogue_batch`: per-plan limits, a
    worker process), the plan named by its file."""
    return pipeline.flow.catalogue_batch([(name, None, data) for name, data in batch])


@flow(name=FLOW_NAME, log_prints=False, validate_parameters=False, persist_result=False)
def serve_inbox(inbox: str, output: str, run_date: Optional[str] = None, lang: str = L.DEFAULT_LANG,
                settle: float = DEFAULT_SETTLE, quiet: bool = False, corpora: Optional[list[str]] = None) -> dict:
    """Catalogue what is new in INBOX into OUTPUT, compare, checklists, digest, site."""
    try:
        report = run_inbox(Path(inbox), Path(output),
                           run_date=dt.date.fromisoformat(run_date) if run_date else None,
                           lang=lang, settle=settle, quiet=quiet, step=_step, catalogue=_catalogue,
                           pending=_PENDING.pop((inbox, output), None),
                           corpora=[Path(c) for c in corpora or []])
    except Busy as exc:
        if not quiet:
            print(f"chitieu serve: {exc}; bỏ qua lần chạy này", file=sys.stderr, flush=True)
        return {"skipped": str(exc)}  # an earlier run still writing: the next run takes over
    return report_dict(report)


# A scan made by the command before Prefect started (so `--once` with nothing new never
# starts Prefect), handed to the flow run in this process.
_PENDING: dict[tuple[str, str], Scan] = {}


def run_once(inbox: Path, output: Path, *, run_date: Optional[dt.date], lang: str, settle: float,
             quiet: bool, pending: Optional[Scan] = None, corpora: Optional[list[Path]] = None) -> dict:
    import logging
    logging.getLogger("prefect.flow_runs").setLevel(logging.CRITICAL)
    if pending is not None:
        _PENDING[(str(inbox), str(output))] = pending
    return serve_inbox(inbox=str(inbox), output=str(output),
                       run_date=run_date.isoformat() if run_date else None,
                       lang=lang, settle=settle, quiet=quiet, corpora=[str(c) for c in corpora or []])


def serve_forever(inbox: Path, output: Path, *, interval: Optional[float], cron: Optional[str],
                  lang: str, settle: float, quiet: bool, corpora: Optional[list[Path]] = None) -> None:
    """A deployment of the flow, served by this process until it is stopped."""
    kwargs = {"interval": dt.timedelta(seconds=interval)} if interval else {"cron": cron}
    serve_inbox.serve(name=DEPLOYMENT_NAME,
                      parameters={"inbox": str(Path(inbox).resolve()), "output": str(Path(output).resolve()),
                                  "lang": lang, "settle": settle, "quiet": quiet,
                                  "corpora": [str(Path(c).resolve()) for c in corpora or []]},
                      description="chitieu: new plans from the inbox to catalogue, comparisons, "
                                  "checklists, digest and site",
                      print_starting_message=not quiet, limit=1, **kwargs)  # one run at a time


def api_url() -> Optional[str]:
    from prefect.settings import get_current_settings
    return get_current_settings().api.url


def report_dict(report: RunReport) -> dict:
    return {"run_date": report.run_date, "arrived": report.arrived, "new": report.new, "recatalogued": report.recatalogued,
            "failed": [{"source": f.source, "reason": f.reason, "moved_to": f.moved_to} for f in report.failed],
            "compared": report.compared, "parent_missing": report.parent_missing, "waiting": report.waiting,
            "digest": report.digest, "site": report.site, "written": report.written,
            "seconds": round(report.seconds, 1)}
