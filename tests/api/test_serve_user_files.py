"""A running server follows the user's own actor file: `eventwire actors add` while `eventwire serve` is up is
coded from the next request on, and a later edit too, without a restart (through a real server on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

from tests.conftest import EVENTWIRE, serving

TEXT = ("Tamar Kvirikashvili accused the government of rigging the vote on Monday, and Tamar Kvirikashvili "
        "called for new elections in Tbilisi.")


def extract(base: str) -> dict[str, Any]:
    request = urllib.request.Request(base + "/extract", data=json.dumps({"text": TEXT, "published": "2024-02-08"})
                                     .encode("utf-8"), headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        result: dict[str, Any] = json.load(response)
    return result


def codes_of(result: dict[str, Any], name: str) -> set[str]:
    return {a["code"] for a in result["actors"] if a["name"] == name}


def test_actors_added_while_the_server_runs_are_coded_by_the_next_request(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}  # the user folder: empty, as for a new user
    clean = {k: v for k, v in os.environ.items() if k not in ("EVENTWIRE_ACTORS", "EVENTWIRE_LEXICON")}

    def actors_add(*args: str) -> None:
        done = subprocess.run([EVENTWIRE, "actors", "add", *args], capture_output=True, text=True, timeout=120,
                              env={**clean, **env})
        assert done.returncode == 0, done.stderr

    db = tmp_path / "events.duckdb"
    made = subprocess.run([EVENTWIRE, "ingest", str(tmp_path / "none"), "--db", str(db)], capture_output=True,
                          text=True, timeout=300)
    assert db.exists(), made.stderr
    with serving(db, tmp_path / "serve.log", env=env) as base:
        before = extract(base)
        assert not any(a["code"].startswith("GEOOPP") for a in before["actors"]), before["actors"]
        actors_add("Tamar Kvirikashvili", "--code", "GEOOPP", "--kind", "person")
        after = extract(base)
        assert codes_of(after, "Tamar Kvirikashvili") == {"GEOOPP"}, after["actors"]
        actors_add("Tamar Kvirikashvili", "--code", "GEOLEG", "--kind", "person", "--start", "2024-01-01")
        later = extract(base)  # a later role period: the edit is read too
        assert codes_of(later, "Tamar Kvirikashvili") == {"GEOLEG"}, later["actors"]
