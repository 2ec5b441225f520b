"""`eventwire serve --allow-ingest` holds the database file only while POST /ingest saves an article, so an
`eventwire ingest` in another process runs while the server is up, and each sees what the other stored."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.cli.wikinews import write_undated
from tests.conftest import EVENTWIRE, EXAMPLES, serving

RAW_DUCKDB = ("IO Error", "Could not set lock", "Conflicting lock", "readonly", "Traceback")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=600)


def call(base: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_command_line_ingest_runs_while_the_server_may_ingest(tmp_path: Path) -> None:
    write_undated(tmp_path / "first", 0, 2)
    db = tmp_path / "events.duckdb"
    assert run("ingest", str(tmp_path / "first"), "--db", str(db), "--workers", "1").returncode == 0
    write_undated(tmp_path / "more", 2, 3)
    with serving(db, tmp_path / "serve.log", "--allow-ingest") as base:
        assert call(base, "/stats")[1]["articles"] == 2
        status, stored = call(base, "/ingest", {"text": (EXAMPLES / "attack_borno.txt").read_text(encoding="utf-8"),
                                                "url": "https://example.org/borno"})
        assert status == 200 and stored["outcome"] == "added", stored
        more = run("ingest", str(tmp_path / "more"), "--db", str(db), "--workers", "1")
        assert more.returncode == 0 and not any(raw in more.stderr for raw in RAW_DUCKDB), more.stderr
        assert call(base, "/stats")[1]["articles"] == 6  # the server sees what the command line stored
        stats = run("stats", "--db", str(db))
        assert stats.returncode == 0 and json.loads(stats.stdout)["articles"] == 6, stats.stderr
        status, again = call(base, "/ingest", {"text": "Syrian troops shelled rebel positions in Idlib on Monday, "
                                                        "the Syrian Observatory for Human Rights said."})
        assert status == 200 and again["outcome"] == "added", again
    stats = run("stats", "--db", str(db))
    assert json.loads(stats.stdout)["articles"] == 7
