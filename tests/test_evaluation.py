"""The evaluation scorers on small hand-made cases (the full runs are `eventwire eval ...`)."""

from __future__ import annotations

from datetime import date

from eventwire.evaluation.places import GoldArticle, GoldToponym, PlaceScores, score_article
from eventwire.evaluation.times import dateparser_value, read_gold
from eventwire.model import PlaceMention


def place(start: int, end: int, lat: float, lon: float, country: str, geonameid: int | None) -> PlaceMention:
    return PlaceMention(text="x", name="x", lat=lat, lon=lon, country=country, admin1=None, start=start, end=end,
                        geonameid=geonameid)


def test_place_scores_count_recognition_and_resolution() -> None:
    gold = GoldArticle("1", "Athens and Paris and Rome", None, (
        GoldToponym(0, 6, "Athens", 33.96, -83.38, 4180386, "United States"),   # Athens, Georgia
        GoldToponym(11, 16, "Paris", 48.85, 2.35, 2988507, "France"),
        GoldToponym(21, 25, "Rome", 41.89, 12.48, 3169070, "Italy"),
    ))
    predicted = (
        place(0, 6, 37.98, 23.73, "GRC", 264371),     # wrong Athens
        place(11, 16, 48.86, 2.35, "FRA", 2988507),   # right
        place(30, 35, 0.0, 0.0, "USA", None),         # spurious, no gold there
    )
    scores = PlaceScores()
    score_article(gold, predicted, scores, {"united states": "USA", "france": "FRA", "italy": "ITA"})
    report = scores.report()
    assert report["recognition_precision"] == round(2 / 3, 3)
    assert report["recognition_recall"] == round(2 / 3, 3)
    assert report["exact_id_of_recognised"] == 0.5
    assert report["within_161km_of_recognised"] == 0.5
    assert report["within_161km_end_to_end"] == round(1 / 3, 3)
    assert report["country_of_recognised"] == 0.5


def test_time_gold_is_well_formed() -> None:
    gold = read_gold()
    assert len(gold) >= 150 and len({g.doc_id for g in gold}) >= 60
    assert all(g.end > g.start and g.text for g in gold)
    assert all((g.precision == "none") == (g.value == "") for g in gold)


def test_dateparser_baseline_is_read_at_gold_precision() -> None:
    assert dateparser_value("last month", date(2009, 3, 20), "month") == "2009-02"
    assert dateparser_value("March 3", date(2009, 3, 20), "day") == "2009-03-03"
