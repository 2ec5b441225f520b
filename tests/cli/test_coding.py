"""`eventwire codes` and `eventwire explain` through the console script, with a user lexicon merged."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import EVENTWIRE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300)


def test_codes_lists_the_table_and_explain_shows_why(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in run("codes", "--root", "08").stdout.splitlines()]
    assert any(r["cameo"] == "0874" and r["plover"] == "RETREAT" for r in rows)
    assert all(r["cameo"].startswith("08") for r in rows)
    out = run("explain", "Russian forces withdrew from Kherson on Friday.", "--published", "2022-11-12").stdout
    assert "lexicon 0874" in out and "RUSMIL -> UKR" in out and "2022-11-11" in out


def test_user_lexicon_rows_are_merged(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("code\tpos\tlemma\tparticle\tobjects\ttarget_preps\tnote\n"
                       "0874\tverb\tdecamp\t\t\tfrom\tuser row\n", encoding="utf-8")
    sentence = "Russian forces decamped from Kherson on Friday."
    assert "0874" not in run("explain", sentence).stdout.split("events")[-1]
    env = {**os.environ, "EVENTWIRE_LEXICON": str(lexicon)}
    proc = subprocess.run([EVENTWIRE, "explain", sentence], capture_output=True, text=True, timeout=300, env=env)
    assert "0874" in proc.stdout.split("events")[-1]
