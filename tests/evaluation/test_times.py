"""The time gold and the dateparser baseline of `eventwire eval times`."""

from __future__ import annotations

from datetime import date

from eventwire.evaluation.times import dateparser_value, read_gold


def test_time_gold_is_well_formed() -> None:
    gold = read_gold()
    assert len(gold) >= 150 and len({g.doc_id for g in gold}) >= 60
    assert all(g.end > g.start and g.text for g in gold)
    assert all((g.precision == "none") == (g.value == "") for g in gold)


def test_the_blind_wikinews_time_gold_is_well_formed() -> None:
    gold = read_gold("wikinews")
    assert len(gold) >= 60 and len({g.doc_id for g in gold}) >= 10
    assert all(g.doc_id.startswith("https://en.wikinews.org/") and g.end > g.start and g.text for g in gold)
    assert all((g.precision == "none") == (g.value == "") for g in gold)


def test_dateparser_baseline_is_read_at_gold_precision() -> None:
    assert dateparser_value("last month", date(2009, 3, 20), "month") == "2009-02"
    assert dateparser_value("March 3", date(2009, 3, 20), "day") == "2009-03-03"
