"""Shared fixtures. Only the flow tests use `prefect_harness`: Prefect's temporary
server costs 15-25 s to start, so one harness serves the whole test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    import pipeline.flow  # noqa: F401  (sets Prefect's environment before prefect loads)
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seed_plans() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))
