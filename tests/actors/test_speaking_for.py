"""A role holder speaking for a named body ("a spokesman for the Russian foreign ministry", "an aide to Vice
President Pence") shares its country, or is the group itself ("a spokesman for the Taliban")."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_text as run


def _codes(pipeline: Any, text: str) -> list[tuple[str, str]]:
    return [(a.text, a.code) for a in run(pipeline, text).actors]


def test_a_spokesman_for_a_body_is_of_its_country(pipeline: Any) -> None:
    found = _codes(pipeline, "WASHINGTON - A spokesman for the Russian foreign ministry denied the report on Monday.")
    assert ("A spokesman", "RUSGOV") in found, found
    assert not [c for t, c in found if c == "USAGOV"], found  # not the dateline's country
    group = _codes(pipeline, "A spokesman for the Taliban denied the report on Monday.")
    assert ("A spokesman", "AFGREBTAL") in group, group
