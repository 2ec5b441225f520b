"""The golden-article scorer on hand-built outputs (no model): matching, placing, forbidden codings, mentions."""

from __future__ import annotations

from typing import Any

from eventwire.evaluation.golden import distance_km, score_golden

GOLD: dict[str, Any] = {
    "published": "2023-06-14",
    "article": {"title": "Attack on a base", "related_headlines": ["Earlier: floods hit the capital of Norland"],
                "boilerplate_absent_from_body": ["Subscribe now"]},
    "events": [
        {"id": "attack", "required": True, "source_names": ["Freeland Front"], "target_country": "NRL",
         "cameo_root": ["19", "18"], "date": "2023-06-13", "place_country": "NRL",
         "place_near": {"lat": 10.0, "lon": 10.0, "km": 50}},
        {"id": "condemn", "required": False, "source_country": "NRL", "cameo_root": ["11"]},
    ],
    "times": [{"mention": "on Tuesday", "value": "2023-06-13"}],
    "places": [{"mention": "Ostvik", "country": "NRL", "lat": 10.0, "lon": 10.0, "km": 25}],
    "quotes": [{"speaker_any": ["army spokesman", "spokesman"], "starts": "we repelled"}],
}


def actor(text: str, code: str = "", country: str | None = None) -> dict[str, Any]:
    return {"text": text, "name": text, "code": code, "country": country}


def event(root: str, source: dict[str, Any], target: dict[str, Any] | None, date: str,
          place: dict[str, Any] | None = None, sentence: str = "") -> dict[str, Any]:
    return {"cameo": root + "0", "cameo_root": root, "source": source, "target": target, "date": date,
            "place": place, "evidence": {"sentence": sentence}}


def result(events: list[dict[str, Any]], **mentions: Any) -> dict[str, Any]:
    return {"article": {"title": "Attack on a base ", "text": "Body."}, "events": events,
            "times": mentions.get("times", []), "places": mentions.get("places", []),
            "quotes": mentions.get("quotes", [])}


def test_distance_is_great_circle() -> None:
    assert abs(distance_km(0, 0, 0, 1) - 111.19) < 0.01
    assert distance_km(35.4, 35.9, 35.4, 35.9) == 0


def test_a_found_event_is_placed_only_within_the_radius() -> None:
    attack = event("19", actor("Freeland Front fighters"), actor("soldiers", "NRLMIL"), "2023-06-13",
                   {"country": "NRL", "lat": 10.2, "lon": 10.1})
    far = dict(attack, place={"country": "NRL", "lat": 12.0, "lon": 10.0})
    wrong_day = dict(attack, date="2023-06-12")
    other = event("04", actor("Norland", "NRL"), None, "2023-06-13")
    near = score_golden(GOLD, result([attack, other]))
    assert (near.required, near.required_of, near.placed, near.uncredited, near.events) == (1, 1, 1, 1, 2)
    assert near.events_found == (("attack", True, True), ("condemn", False, False))
    assert near.passed
    assert score_golden(GOLD, [result([far])]).placed == 0
    assert not score_golden(GOLD, result([wrong_day])).passed


def test_forbidden_codings_fail_the_article() -> None:
    war = event("19", actor("Russia", "RUS"), actor("Turkey", "TUR"), "2023-06-13")
    future = event("04", actor("Norland", "NRL"), None, "2023-06-15")
    headline = event("04", actor("Norland", "NRL"), None, "2023-06-13",
                     sentence="Earlier: floods hit the capital of Norland on Monday.")
    scores = score_golden(GOLD, result([war, future, headline]))
    assert scores.forbidden == ("conflict RUS->TUR 190", "future date 2023-06-15", "event from related headline")
    assert not scores.passed


def test_mentions_count_when_value_place_or_speaker_agree() -> None:
    out = result([], times=[{"text": "on Tuesday", "value": "2023-06-13"}],
                 places=[{"text": "Ostvik", "country": "NRL", "lat": 10.1, "lon": 10.0},
                         {"text": "Ostvik", "country": None, "lat": None, "lon": None}],
                 quotes=[{"text": "We repelled them", "speaker": actor("the army spokesman")}])
    scores = score_golden(GOLD, out)
    assert (scores.times, scores.places, scores.quotes) == (1, 1, 1)
    wrong = result([], times=[{"text": "on Tuesday", "value": "2023-06-12"}],
                   places=[{"text": "Ostvik", "country": "NRL", "lat": 11.0, "lon": 10.0}],
                   quotes=[{"text": "We repelled them", "speaker": None}])
    scores = score_golden(GOLD, wrong)
    assert (scores.times, scores.places, scores.quotes) == (0, 0, 0)
    assert "title ok" in scores.report() and scores.summary().startswith("required events 0/1")
