"""One database for the dashboard's tests, ingested by the real CLI from the 171 Wikinews articles of 2019
in ../shared/data (real news, not fixtures written for the tests); built once per test session."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import EVENTWIRE, SHARED

WIKINEWS = SHARED / "data" / "wikinews" / "wikinews_2019.csv"
needs_wikinews = pytest.mark.skipif(not WIKINEWS.exists(), reason="../shared/data/wikinews is not beside this checkout")


@pytest.fixture(scope="session")
def wikinews_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wikinews") / "events.duckdb"
    proc = subprocess.run([EVENTWIRE, "ingest", str(WIKINEWS), "--field", "published=date", "--db", str(path),
                           "--workers", "1"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return path
