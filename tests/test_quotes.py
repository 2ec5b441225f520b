"""Quotes and their speakers in the pipeline on short news sentences written for the purpose: split quotes,
continued turns, pronoun speakers, single quote marks and indirect speech."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import every_event
from tests.conftest import run_text as run


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    """The pipeline the event tests use (no relevance stage, which only decides which events are emitted)."""
    return every_event(pipeline)


def test_split_quote_and_continued_turn_keep_the_speaker(pipeline: Any) -> None:
    text = ("“We will not retreat,” Ukrainian President Volodymyr Zelensky said on Friday, “not one step.”\n\n"
            "“Our soldiers are holding the line.”")
    result = run(pipeline, text, "2023-05-12")
    speakers = [(q.text[:12], q.speaker.name if q.speaker else None) for q in result.quotes]
    assert all(name == "Volodymyr Zelensky" for _, name in speakers), speakers
    assert len(speakers) == 3


def test_pronoun_speaker_is_resolved(pipeline: Any) -> None:
    result = run(pipeline, "Kenyan President William Ruto addressed parliament. \"We are ready,\" he said.")
    assert result.quotes[0].speaker is not None
    assert result.quotes[0].speaker.code == "KENGOV"


def test_single_quotes_and_indirect_speech(pipeline: Any) -> None:
    text = ("British Foreign Secretary David Lammy said the talks were ‘constructive’. "
            "Kenyan President William Ruto said that the government would reopen the border.")
    result = run(pipeline, text, "2024-05-01")
    direct = [q for q in result.quotes if q.kind == "direct"]
    indirect = [q for q in result.quotes if q.kind == "indirect"]
    assert [q.text for q in direct] == ["constructive"]
    assert any(q.text.startswith("the government would reopen") and q.speaker is not None
               and q.speaker.code == "KENGOV" for q in indirect)
    assert "Lammy’s" not in [q.text for q in result.quotes]
