"""One record per act and dyad, and the kind of violence the dyad makes of a use of force."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_text as run


def test_one_act_on_two_people_coded_alike_is_one_record(pipeline: Any) -> None:
    events = run(pipeline, "Acting U.S. Attorney Mary Stone announced the indictment Tuesday charging 41-year-old "
                           "Tom Hale and 52-year-old Rick Dunn with bank fraud.").events
    charges = [(e.source.code, e.target.code if e.target else None) for e in events if e.cameo.startswith("17")]
    assert charges == [("USAJUD", "USACRM")], charges


def test_a_police_raid_is_not_an_assault_but_a_shooting_is(pipeline: Any) -> None:
    raid = run(pipeline, "Police in Ohio raided several homes John Miller owned on Monday.").events
    assert not [e for e in raid if e.cameo.startswith("18")], [(e.cameo, e.evidence.trigger) for e in raid]
    shooting = run(pipeline, "A gunman shot three people at a bar in Ohio on Saturday.").events
    assert [e.cameo for e in shooting if e.evidence.trigger == "shot"] == ["182"]
