"""Docs that cannot drift: every command and every contract field is in the README."""

from __future__ import annotations

from eventwire.cli import app
from eventwire.model import Event
from eventwire.output.gdelt import GDELT_COLUMNS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands() -> None:
    commands = [line for line in README.splitlines()[:6] if line.startswith("make ")]
    assert commands == ["make demo", "make test"]


def test_every_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    missing = [n for n in names if n != "version" and f"eventwire {n}" not in README]
    assert not missing


def test_every_event_field_is_documented() -> None:
    missing = [f for f in Event.model_fields if f"`{f}`" not in README]
    assert not missing


def test_every_gdelt_column_is_documented() -> None:
    missing = [c for c in GDELT_COLUMNS if c not in README]
    assert not missing
