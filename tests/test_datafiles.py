"""The closed word lists read from data/words.tsv files: every list is there, none is empty, and a
list a rule asks for that the file lacks is an error, not an empty set."""

from __future__ import annotations

import pytest

from eventwire.datafiles import word_list, word_lists
from eventwire.errors import DataFileError

PACKAGES = ("eventwire", "eventwire.events", "eventwire.actors")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_word_list_is_non_empty_and_written_as_matched(package: str) -> None:
    lists = word_lists(package)
    assert lists
    for name, words in lists.items():
        assert words, name
        assert all(w == w.strip().lower() for w in words), name


def test_a_rule_reads_its_list_and_an_unknown_list_is_an_error() -> None:
    assert "order" in word_list("eventwire.events", "light_verb")
    assert "say" in word_list("eventwire", "speech_verb")
    with pytest.raises(DataFileError, match="no list 'light_verbs'"):
        word_list("eventwire.events", "light_verbs")
