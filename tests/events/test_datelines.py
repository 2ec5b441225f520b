"""A dateline is where a story was filed, not a word of its first sentence (nlp.paragraph_boundaries): its place
is not the story's subject, its agency is no actor of the story, and its place is where the story's events are
unless a sentence says otherwise (events/placing.dateline_place)."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads
from tests.conftest import run_text as run


def test_a_dateline_with_an_agency_does_not_take_the_subjects_place(pipeline: Any) -> None:
    accused = coded_dyads(pipeline, "WASHINGTON (AP) — Opposition leader Raila Odinga accused President Uhuru "
                                    "Kenyatta of rigging the vote.")
    assert ("112", "KENOPP", "KENGOV") in accused, accused
    agreed = coded_dyads(pipeline, "NAIROBI, Kenya, Jan. 5 (Reuters) - Pakistan and India agreed to resume talks.")
    assert {(source, target) for _, source, target in agreed} >= {("PAKGOV", "INDGOV")}, agreed


def test_a_dateline_after_a_headline_is_where_the_story_happened(pipeline: Any) -> None:
    text = ("Lawmakers weigh an apology for slavery. HARTFORD — Connecticut legislators are considering an "
            "apology for slavery. A legislative committee heard testimony on Monday.")
    result = run(pipeline, text)
    considering = [e for e in result.events if e.evidence.trigger == "considering"]
    assert considering and not considering[0].evidence.sentence.startswith("HARTFORD"), considering
    assert considering[0].place is not None and considering[0].place.name == "Hartford", considering[0].place


def test_words_in_capitals_that_are_no_dateline_stay_in_their_sentence(pipeline: Any) -> None:
    result = run(pipeline, "NATO and Russia agreed on Monday to resume talks in Brussels.")
    assert [e.evidence.sentence for e in result.events][:1] == [
        "NATO and Russia agreed on Monday to resume talks in Brussels."], result.events
