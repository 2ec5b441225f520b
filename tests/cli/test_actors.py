"""The actor knowledge base from the command line: lookup, add, import of Phoenix dictionaries."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from eventwire.actors.user import parse_phoenix
from tests.conftest import EVENTWIRE

PHOENIX = """# written for this test in the Phoenix dictionary format
ABDIRASHID_ALI_SHERMARKE_  [SOMGOV 600712-640614] [SOMELI 640615-691015]
+SHERMARKE_
FARMAAJO_ [SOMGOV 170216-220523]
+MOHAMED_ABDULLAHI_MOHAMED_
AL_SHABAAB_ [SOMREBSHB]
"""


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_lookup_explains_dated_roles() -> None:
    proc = cli("actors", "lookup", "Dmitry Medvedev", "--date", "2010-06-01")
    assert proc.returncode == 0
    active = [line for line in proc.stdout.splitlines() if line.strip().startswith("*")]
    assert len(active) == 1 and "President" in active[0] and "2008-05-07" in active[0]


def test_phoenix_dictionary_is_parsed_with_dates_and_synonyms() -> None:
    actors = parse_phoenix(PHOENIX)
    shermarke = [a for a in actors if a.name == "Abdirashid Ali Shermarke"]
    assert [(a.code, a.start, a.end) for a in shermarke] == [
        ("SOMGOV", "1960-07-12", "1964-06-14"), ("SOMELI", "1964-06-15", "1969-10-15")]
    assert shermarke[0].aliases == ("Shermarke",)
    assert any(a.name == "Al Shabaab" and a.kind == "group" for a in actors)


def test_imported_and_added_actors_are_used(tmp_path: Path) -> None:
    dictionary = tmp_path / "phoenix.txt"
    dictionary.write_text(PHOENIX, encoding="utf-8")
    mine = tmp_path / "actors.tsv"
    assert cli("actors", "import", str(dictionary), "--file", str(mine)).returncode == 0
    assert cli("actors", "add", "Jane Placeholder", "--code", "KENGOV", "--alias", "Placeholder",
               "--start", "2021-01-01", "--file", str(mine)).returncode == 0
    env = {"EVENTWIRE_ACTORS": str(mine)}
    farmaajo = cli("actors", "lookup", "Mohamed Abdullahi Mohamed", "--date", "2019-01-01", env=env)
    assert "SOMGOV" in farmaajo.stdout
    added = cli("actors", "lookup", "Placeholder", "--date", "2022-01-01", env=env)
    assert "KENGOV" in added.stdout
    before = cli("actors", "lookup", "Placeholder", "--date", "2020-01-01", env=env)
    assert "KENELI" in before.stdout  # no role yet on that date: a former/other office holder
