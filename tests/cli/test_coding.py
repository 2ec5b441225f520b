"""`eventwire codes` and `eventwire explain` through the console script, with a user lexicon merged."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import EVENTWIRE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300)


def events_part(explained: str) -> str:
    """What `explain` prints under its last heading, the events."""
    return explained.split("\nevents\n")[-1]


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
    assert "0874" not in events_part(run("explain", sentence).stdout)
    env = {**os.environ, "EVENTWIRE_LEXICON": str(lexicon)}
    proc = subprocess.run([EVENTWIRE, "explain", sentence], capture_output=True, text=True, timeout=300, env=env)
    assert "0874" in events_part(proc.stdout)


def test_a_user_lexicon_row_with_an_unknown_code_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    """Before any article is coded, `explain` and `extract` alike: the file, the row's line and the reason, exit 3
    (a malformed data file: nothing can be coded until it is fixed), no traceback."""
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("# my rows\ncode\tpos\tlemma\tparticle\tobjects\ttarget_preps\tnote\n"
                       "111\tverb\tlambast\t\t\t\tfine\n999\tverb\tzorble\t\t\t\tno such code\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The Kenyan government zorbled the opposition on Monday.\n", encoding="utf-8")
    env = {**os.environ, "EVENTWIRE_LEXICON": str(lexicon)}
    for args in (["explain", "The Kenyan government zorbled the opposition."], ["extract", str(article)]):
        proc = subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300, env=env)
        assert proc.returncode == 3, (args, proc.stderr[-500:])
        assert proc.stderr.splitlines() == [f"eventwire: {lexicon}:4: CAMEO code '999' is not in the code table "
                                            "(eventwire codes lists them; 'none' blocks a pattern)"], args
        assert proc.stdout == ""


def test_explain_shows_an_event_left_out_by_default_and_why() -> None:
    """An analyst asking why a sentence gave no event learns that one was read and judged, not that none fired."""
    out = run("explain", "Iran could attack Israel next year, officials said.", "--published", "2019-05-01").stdout
    events = events_part(out)
    assert "IRN" in events and "left out by default: hypothetical" in events
    assert "none: no lexicon row fired" not in events
