"""A changed copy of a stored article replaces it only when it is not a cut-off or chrome-only version of it:
a real article against a truncated copy, a page of chrome, and copies updated as newsrooms update them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.ingest.sources import read_article
from eventwire.model import Article
from eventwire.store import SaveOutcome, Store
from eventwire.store.ingest import ingest
from eventwire.store.revisions import refusal
from tests.conftest import EXAMPLES

ORIGINAL = (EXAMPLES / "diplomacy_ankara.txt").read_text(encoding="utf-8")
BODY = read_article(EXAMPLES / "diplomacy_ankara.txt").text
CHROME = "We use cookies to improve your experience on our site and to show you relevant advertising."
ADDED = ("\n\nUpdate: Iraq's parliament speaker said on Friday that lawmakers would debate the water agreement "
         "next week, and that the committee's first meeting was planned for March in Baghdad.\n")


def cut(text: str, share: float) -> str:
    """The text cut part way through, mid-sentence, as a timed-out fetch leaves it."""
    words = list(re.finditer(r"\w+", text))
    return text[: words[int(len(words) * share)].start()]


@pytest.mark.parametrize(("copy", "reason"), [
    (cut(BODY, 0.55), "cut off"),
    (cut(BODY, 0.8) + "\n\nSubscribe to continue reading.", "cut off"),
    ("Listen to this article\n\n" + cut(BODY, 0.4), "cut off"),
    (CHROME, "too short"),
])
def test_a_cut_off_or_chrome_copy_is_refused(copy: str, reason: str) -> None:
    why = refusal(BODY, copy)
    assert why is not None and why.startswith(f"the new copy is {reason}") and why.endswith("kept the stored copy")


@pytest.mark.parametrize("copy", [
    BODY + ADDED,                                                               # an update adds a paragraph
    BODY.replace("killed 12 Turkish soldiers", "killed nine Turkish soldiers"),   # a correction
    re.sub(r"\n\nHussein welcomed the agreement\.[^\n]*", "", BODY),             # a wrong paragraph dropped
    "Turkey and Iraq agreed on Thursday to share data on the flow of the Tigris and Euphrates, officials "
    "said, after a meeting of their foreign ministers.\n\n" + BODY.rsplit("\n\n", 1)[0],  # a new lede, end cut
    BODY.rsplit("\n\n", 1)[0] + "\n\nErdogan is expected in Baghdad in April, a Turkish official said on "
    "Friday, the first visit by a Turkish president in more than ten years.",      # the last paragraph rewritten
    BODY + "\n\n" + BODY,                                                       # longer in any case
])
def test_an_updated_copy_replaces(copy: str) -> None:
    assert refusal(BODY, copy) is None


def _article(path: Path, text: str) -> Article:
    path.write_text(text, encoding="utf-8")
    return read_article(path)


def _stored(db: Store) -> tuple[str, int]:
    row = db.con.execute("SELECT a.text, (SELECT count(*) FROM events) FROM articles a").fetchone()
    assert row is not None and db.con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    return str(row[0]), int(row[1])


def test_the_store_keeps_the_full_article_and_records_why(tmp_path: Path, pipeline: Any) -> None:
    page = tmp_path / "ankara.txt"  # the same file path: each copy is a new version of one article
    with Store(tmp_path / "events.duckdb") as store:
        assert store.save(pipeline.run(_article(page, ORIGINAL))) is SaveOutcome.ADDED
        text, events = _stored(store)
        assert events > 0
        truncated = ORIGINAL[: ORIGINAL.index("On Gaza,")] + "Advertisement"
        for copy in (truncated, truncated, CHROME):
            assert store.save(pipeline.run(_article(page, copy))) is SaveOutcome.KEPT
            assert _stored(store) == (text, events)
        refusals = store.con.execute("SELECT source, stage, reason, occurrences FROM failures ORDER BY reason"
                                     ).fetchall()
        assert [(source, stage, occurrences) for source, stage, _, occurrences in refusals] == [
            (str(page.resolve()), "replace", 2), (str(page.resolve()), "replace", 1)]
        assert "cut off" in refusals[0][2] and "too short" in refusals[1][2]

        updated = ORIGINAL.replace("without giving a date.", "without giving a date." + ADDED)
        counts = ingest(store, [_article(page, updated)], lambda pending: [pipeline.run(a) for a in pending])
        assert (counts.replaced, counts.kept) == (1, 0)
        assert "parliament speaker" in _stored(store)[0]


def test_the_ingest_loop_counts_refusals_and_codes_no_events_for_them(tmp_path: Path, pipeline: Any) -> None:
    page = tmp_path / "ankara.txt"
    with Store(tmp_path / "events.duckdb") as store:
        store.save(pipeline.run(_article(page, ORIGINAL)))
        counts = ingest(store, [_article(page, cut(ORIGINAL, 0.6))], lambda pending: [pipeline.run(a) for a in pending])
    assert (counts.added, counts.replaced, counts.kept, counts.failed, counts.events) == (0, 0, 1, 0, 0)
    with duckdb.connect(str(tmp_path / "events.duckdb"), read_only=True) as con:
        assert con.execute("SELECT stage FROM failures").fetchall() == [("replace",)]
