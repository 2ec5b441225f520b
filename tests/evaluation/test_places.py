"""The place scorer on a small hand-made case (the full run is `eventwire eval places`)."""

from __future__ import annotations

from eventwire.evaluation.places import GoldArticle, GoldToponym, PlaceScores, score_article
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


def test_the_halves_split_each_corpus_by_position_without_overlap() -> None:
    from eventwire.evaluation.places import in_half

    development = [i for i in range(10) if in_half(i, "development")]
    held_out = [i for i in range(10) if in_half(i, "held-out")]
    assert development == [0, 2, 4, 6, 8] and held_out == [1, 3, 5, 7, 9]
    assert all(in_half(i, "all") for i in range(10))


def test_eval_places_refuses_an_unknown_half() -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    result = CliRunner().invoke(app, ["eval", "places", "--half", "middle", "--data", "../shared/data"])
    assert result.exit_code == 2, result.output
    assert "--half" in result.output
