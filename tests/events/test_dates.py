"""When an act happened, read from the sentence and the story (events/dating.py `event_date`, times.py):
background is not today, a day may be named by reference to another, named days and loose periods are
calendar values, and a future date makes the act hypothetical. Sentences name only the invented actors
of fictional_actors.tsv; the articles are published on Wednesday 2023-05-10."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from eventwire.actors import build_actor_matcher, load_actor_kb
from eventwire.ingest.sources import article_id
from eventwire.model import Article, Event
from eventwire.pipeline import Pipeline
from tests.conftest import every_event

FICTIONAL_ACTORS = Path(__file__).parent / "fictional_actors.tsv"
PUBLISHED = "2023-05-10"
RAID = "On Monday, Ostmark Defence Force soldiers attacked a Kestrel Front camp. "  # the story's day: 2023-05-08


@pytest.fixture(scope="module")
def coder(pipeline: Any) -> Any:
    resources = pipeline.resources
    kb = load_actor_kb((str(FICTIONAL_ACTORS),))
    return every_event(Pipeline(dataclasses.replace(
        resources, actor_kb=kb, actor_matcher=build_actor_matcher(kb, resources.nlp),
        settings=dataclasses.replace(resources.settings, actor_files=(str(FICTIONAL_ACTORS),)))))


def event(coder: Any, text: str, cameo_root: str) -> Event:
    events = coder.run(Article(id=article_id(text), text=text, published=PUBLISHED)).events
    hits = [e for e in events if e.cameo_root == cameo_root]
    assert hits, [(e.cameo, e.evidence.trigger, e.date) for e in events]
    return hits[-1]


@pytest.mark.parametrize(("text", "root", "date", "precision"), [
    # background told in the past perfect or as a habit stays undated: never the publication day
    (RAID + "Tomas Arkwright had met Lena Vasko in Geneva.", "04", None, "unresolved"),
    (RAID + "Tomas Arkwright has repeatedly criticised Lena Vasko.", "11", None, "unresolved"),
    (RAID + "Tomas Arkwright recently criticised Lena Vasko.", "11", None, "unresolved"),
    (RAID + "Lena Vasko was previously arrested by Ostmark police.", "17", None, "unresolved"),
    # ... and takes the date it names
    (RAID + "Tomas Arkwright has criticised Ostmark since 2017.", "11", "2017", "year"),
    ("Tomas Arkwright met Lena Vasko in Geneva in November last year.", "04", "2022-11", "month"),
    # the present is the publication day's news, the past the story's day
    (RAID + "Tomas Arkwright accuses Lena Vasko of lying about the raid.", "11", PUBLISHED, "day"),
    (RAID + "Tomas Arkwright has criticised Lena Vasko.", "11", "2023-05-08", "day"),
    # ... and so is a legal act told in the present passive, whatever day the story began; an age is no date
    (RAID + "Lena Vasko, 29, and Tomas Arkwright, 31, are charged with murder, Ostmark police said.", "11",
     PUBLISHED, "day"),
    # an act a means was used for happened when it was used, on the weekday before publication
    ("Ostmark Defence Force soldiers used tear gas to disperse Borvian Farmers Union members on Saturday.", "17",
     "2023-05-06", "day"),
    # a day owned by another event noun dates that event, not the act ("arrested over Sunday's bombing")
    (RAID + "Ostmark Defence Force soldiers detained two Kestrel Liberation Front fighters over Sunday's "
     "bombing.", "17", "2023-05-08", "day"),
    # a past day in the to-clause dates the refusal too, not the story's day
    (RAID + "Tomas Arkwright refused to join the Kestrel Liberation Front on Tuesday.", "12", "2023-05-09", "day"),
    # a quote's present is the day it was said
    ('Tomas Arkwright said on Monday: "I urge Ostmark to release the prisoners."', "02", "2023-05-08", "day"),
    # a day named from the day the story last named
    ("Tomas Arkwright met Lena Vasko in Geneva on Monday. Kestrel Front fighters attacked an Ostmark Defence "
     "Force base the previous day.", "19", "2023-05-07", "day"),
    ("Tomas Arkwright met Lena Vasko in Geneva on Monday. Kestrel Front fighters attacked an Ostmark Defence "
     "Force base the same day.", "19", "2023-05-08", "day"),
    # named days, computed for the year the tense points to
    ("Kestrel Front fighters attacked an Ostmark Defence Force base on Christmas Eve.", "19", "2022-12-24", "day"),
    ("Tomas Arkwright met Lena Vasko on Easter Sunday.", "04", "2023-04-09", "day"),
    # loose periods around publication
    ("Kestrel Front fighters attacked an Ostmark Defence Force base earlier this month.", "19", "2023-05", "month"),
    ("Kestrel Front fighters attacked an Ostmark Defence Force base over the weekend.", "19", "2023-W18", "week"),
    ("Tomas Arkwright met Lena Vasko in Geneva last summer.", "04", "2022", "year"),
    # a time of day that names no day is the story's day
    ("Kestrel Front fighters shelled an Ostmark Defence Force base overnight.", "19", PUBLISHED, "day"),
    ("Kestrel Front fighters attacked an Ostmark Defence Force base at about 10:30 p.m.", "19", PUBLISHED, "day"),
    # a temporal clause under the act dates it; a length of time dates nothing
    ("When announcing the embargo on Monday, Tomas Arkwright accused Lena Vasko of lying.", "11", "2023-05-08",
     "day"),
    ("For the first time in sixteen weeks, Ostmark Defence Force soldiers fired on Kestrel Front fighters "
     "yesterday.", "19", "2023-05-09", "day"),
    # a clause told a count of days after or before another is dated from that clause's day
    ("Tomas Arkwright met Lena Vasko in Geneva on Monday, a day after Kestrel Front fighters attacked an Ostmark "
     "Defence Force base.", "19", "2023-05-07", "day"),
    ("Tomas Arkwright met Lena Vasko in Geneva on Monday, two days after Kestrel Front fighters attacked an "
     "Ostmark Defence Force base.", "19", "2023-05-06", "day"),
])
def test_the_act_takes_the_date_its_story_gives(coder: Any, text: str, root: str, date: str | None,
                                                precision: str) -> None:
    found = event(coder, text, root)
    assert (found.date, found.date_precision) == (date, precision)


def test_an_act_dated_after_publication_is_hypothetical(coder: Any) -> None:
    planned = event(coder, "Tomas Arkwright visits Ostmark on June 3.", "04")
    assert planned.hypothetical and planned.date == "2023-06-03"
    done = event(coder, "Tomas Arkwright visited Ostmark on May 3.", "04")
    assert not done.hypothetical and done.date == "2023-05-03"


def test_an_act_a_means_was_used_for_is_done(coder: Any) -> None:
    dispersed = event(coder, "Ostmark Defence Force soldiers used tear gas to disperse Borvian Farmers Union members "
                             "on Saturday.", "17")
    assert not dispersed.hypothetical
    wanted = event(coder, "Tomas Arkwright sent an envoy to Ostmark to meet Lena Vasko.", "04")
    assert wanted.hypothetical and wanted.evidence.trigger == "meet"


def test_a_relative_clause_misread_as_a_warnings_content_is_no_hypothesis(coder: Any) -> None:
    # "scams that Ostmark police are investigating": the police are investigating them, whatever is warned
    probe = event(coder, "Tomas Arkwright is warning residents about two recent scams that Ostmark police are "
                         "investigating.", "09")
    assert not probe.hypothetical
    warned = event(coder, "Tomas Arkwright warned the public that Ostmark police are investigating.", "09")
    assert warned.hypothetical


def test_a_past_act_told_right_after_a_sentence_set_years_before_goes_on_with_that_past(pipeline: Any) -> None:
    """"... most recently in April 2007 when he was accused. He was convicted of reckless driving": the
    conviction is of that story, not of the news day; what someone says now stays the news."""
    text = ("COLUMBUS, Ohio — Turner has been in the news before, most recently in April 2007 when he was accused of "
            "pointing a gun at a motorist. He was convicted of reckless driving.")
    result = every_event(pipeline).run(Article(id=article_id(text), text=text, published="2009-03-10"))
    convictions = [e for e in result.events if e.cameo == "116"]
    assert convictions and all(e.date == "2007-04" for e in convictions), convictions
    emitted = pipeline.run(Article(id=article_id(text), text=text, published="2009-03-10")).events
    assert not [e for e in emitted if e.cameo == "116"], emitted


def test_the_past_story_goes_on_through_sentences_that_name_no_time(pipeline: Any) -> None:
    """Two sentences after the dated one, still the same past: the sentence is of 2007 too."""
    text = ("COLUMBUS, Ohio — Turner has been in the news before, most recently in April 2007 when he was accused of "
            "pointing a gun at a motorist. He was convicted of reckless driving. He was sentenced to six months on "
            "probation.")
    result = every_event(pipeline).run(Article(id=article_id(text), text=text, published="2009-03-10"))
    penalties = [e for e in result.events if e.evidence.trigger == "sentenced"]
    assert penalties and all(e.date == "2007-04" for e in penalties), penalties


def test_a_time_on_the_saying_dates_what_an_adjective_says_of_someone(coder: Any) -> None:
    """"said in 2019 that Ostmark is committed to the talks": the commitment was said in 2019."""
    committed = event(coder, "Tomas Arkwright said in 2019 that he is committed to talks with Lena Vasko.", "03")
    assert committed.date == "2019", committed
