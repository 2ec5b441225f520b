"""A speaker's reported judgement of another's act ("said the decision by the United States was a violation of
international law") is a criticism of whoever did it; a negated judgement, or one of the speaker's own side, is
none."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded


def test_a_reported_judgement_of_anothers_act_is_a_criticism(coder: Any) -> None:
    by = coded(coder, "The French foreign minister said on Monday the decision by the United States was a violation "
                      "of international law.")
    assert ("111", "FRAGOV", "USAGOV") in by, by
    owned = coded(coder, "The German foreign minister said on Monday that Russia's annexation of Crimea was illegal.")
    assert ("111", "DEUGOV", "RUSGOV") in owned, owned


def test_a_negated_judgement_or_no_one_to_judge_is_no_criticism(coder: Any) -> None:
    denied = coded(coder, "The Chinese foreign ministry said on Monday that the Russian arms sale was not illegal.")
    assert not [c for c in denied if c[0] == "111"], denied
    nobody = coded(coder, "The German foreign minister said on Monday that the delay was regrettable.")
    assert not [c for c in nobody if c[0] == "111"], nobody


def test_an_act_in_the_thing_judged_does_not_hide_the_judgement(coder: Any) -> None:
    """The request is the thing judged, not another act of the saying; the judged may be of the speaker's
    country when named as someone else."""
    found = coded(coder, "US diplomats told lawmakers on Monday that Biden's request to the Ukrainian president was "
                         "inappropriate.")
    assert ("111", "USAGOV", "USAGOV") in found, found
    own = coded(coder, "Biden said on Monday that his own decision was a mistake.")
    assert not [c for c in own if c[0] == "111"], own


def test_an_act_said_to_break_what_should_be_kept_is_criticised(coder: Any) -> None:
    broke = coded(coder, "The Russian foreign ministry said on Tuesday that the American decision violates "
                         "international law.")
    assert ("111", "RUSGOV", "USAGOV") in broke, broke
    kept = coded(coder, "The Russian foreign ministry said on Tuesday that the American decision does not violate "
                        "the treaty.")
    assert not [c for c in kept if c[0] == "111"], kept
    # people said to break a rule are accused of an act; no act of theirs is judged
    people = coded(coder, "NEW DELHI — Officials said on Tuesday that the 150 Indians had violated their visa norms.")
    assert not [c for c in people if c[0] == "111"], people


def test_an_act_said_not_to_be_fitting_is_criticised(coder: Any) -> None:
    unfit = coded(coder, "The French foreign minister said on Monday that the Israeli decision was not helpful.")
    assert ("111", "FRAGOV", "ISRGOV") in unfit, unfit
    out_of_line = coded(coder, "US diplomats told lawmakers on Monday that Biden's call with the Ukrainian "
                               "president was not in line with American policy.")
    assert ("111", "USAGOV", "USAGOV") in out_of_line, out_of_line
    fitting = coded(coder, "The French foreign minister said on Monday that the Israeli decision was helpful.")
    assert not [c for c in fitting if c[0] == "111"], fitting


def test_a_duty_said_to_be_left_undone_is_criticised(coder: Any) -> None:
    failed = coded(coder, "Amnesty International said on Monday that the Nigerian government had failed to protect "
                          "civilians.")
    assert ("111", "NGOAMN", "NGAGOV") in failed, failed
    kept = coded(coder, "Amnesty International said on Monday that the Nigerian government had not failed to protect "
                        "civilians.")
    assert not [c for c in kept if c[0] == "111"], kept
    # an attempt that failed is a report of the attempt, no criticism of those who tried
    tried = coded(coder, "The Nigerian army said on Monday that the rebels failed to capture the town.")
    assert not [c for c in tried if c[0] == "111"], tried
