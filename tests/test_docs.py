"""Docs that cannot drift: the README is the short front door (setup commands first, every command named, the
error contract, links that resolve); what moved from it to the guide is checked in the guide."""

from __future__ import annotations

import re

from eventwire.cli import app
from eventwire.model import Event
from eventwire.output.gdelt import GDELT_COLUMNS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = ROOT / "docs"
FRONT_DOOR_LINES = 150  # the README links the guide for everything else


def test_readme_starts_with_the_two_setup_commands() -> None:
    commands = [line for line in README.splitlines()[:6] if line.startswith("make ")]
    assert commands == ["make demo", "make test"]


def test_every_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name for g in app.registered_groups if g.name]
    missing = [n for n in names if n != "version" and f"eventwire {n}" not in README]
    assert not missing


def test_the_readme_stays_short_keeps_the_error_contract_and_its_links_resolve() -> None:
    assert len(README.splitlines()) <= FRONT_DOOR_LINES
    for status in range(4):
        assert re.search(rf"^\| {status} \| ", README, flags=re.M), status
    links = re.findall(r"\]\((docs/[^)#]+)", README)
    assert "docs/guide/output.md" in links and "docs/migration/gdelt.md" in links
    assert not [link for link in links if not (ROOT / link).is_file()]


def test_every_event_field_is_documented_in_the_guide() -> None:
    page = (GUIDE / "guide" / "output.md").read_text(encoding="utf-8")
    missing = [f for f in Event.model_fields if f"`{f}`" not in page]
    assert not missing


def test_every_gdelt_column_is_documented_in_the_guide() -> None:
    page = (GUIDE / "migration" / "gdelt.md").read_text(encoding="utf-8")
    missing = [c for c in GDELT_COLUMNS if c not in page]
    assert not missing
