"""A real database for the analyst's workflow: 27 Wikinews articles of 2019 (../shared/data/wikinews) ingested
through the console script, chosen so that it holds events placed in Germany, Britain and a Californian county,
dates known only to a week or month, and events reported by several sentences."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EVENTWIRE, SHARED

WIKINEWS = SHARED / "data" / "wikinews" / "wikinews_2019.csv"
ROWS = [*range(20), 38, 40, 43, 45, 49, 89, 101]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=600, env=env)


@pytest.fixture(scope="session")
def wikinews_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not WIKINEWS.is_file():
        pytest.skip(f"{WIKINEWS} is absent")
    folder = tmp_path_factory.mktemp("wikinews")
    csv.field_size_limit(1 << 30)
    with WIKINEWS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    subset = folder / "wikinews_subset.csv"
    with subset.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows[i] for i in ROWS)
    db = folder / "events.duckdb"
    proc = run("ingest", str(subset), "--field", "published=date", "--db", str(db), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture()
def seeded_extract(pipeline: Any) -> Any:
    """eventwire.extract using the session's pipeline (loaded once for every test), as it would after its own
    first call."""
    import eventwire
    from eventwire.analysis import extract

    extract._loaded.setdefault(None, pipeline)
    return eventwire.extract
