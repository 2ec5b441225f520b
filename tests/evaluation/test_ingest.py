"""The ingest scorers on hand-made cases, and eventwire's ingest on 121 real pages held to its floors."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluation.ingest import evaluate_html, evaluate_scraped_text, normalise_title, token_scores
from eventwire.evaluation.render import render_page_text
from tests.conftest import SCORE_FLOORS, SHARED

FLOORS = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))["ingest"]
DATA = SHARED / "data"
needs_data = pytest.mark.skipif(not (DATA / "article-extraction").exists(), reason="../shared/data is not here")


def test_token_scores_are_bag_of_words_precision_recall_f1() -> None:
    assert token_scores("a b c d", "a b x") == (2 / 3, 0.5, pytest.approx(4 / 7))
    assert token_scores("a b", "") == (0.0, 0.0, 0.0)
    assert token_scores("A  B", "a b") == (1.0, 1.0, 1.0)


def test_titles_compare_after_folding_quotes_dashes_and_case() -> None:
    assert normalise_title("‘The Medium’ – a review.") == normalise_title("'the medium' - A Review")
    assert normalise_title("Sweden drops probe") != normalise_title("Sweden drops Assange probe")


def test_rendered_page_text_keeps_chrome_lines_and_drops_scripts() -> None:
    html = ("<html><head><title>t</title><script>var x=1;</script></head><body><nav><a>Home</a><a>World</a></nav>"
            "<h1>Headline</h1><p>First <b>bold</b> paragraph.</p><div style='display: none'>hidden</div>"
            "<footer>Back to top</footer></body></html>")
    assert render_page_text(html).splitlines() == ["HomeWorld", "Headline", "First bold paragraph.", "Back to top"]


@pytest.mark.gold
@needs_data
def test_html_ingest_beats_trafilatura_defaults_and_holds_its_floors() -> None:
    report = evaluate_html(DATA)
    ours, baseline = report["eventwire"], report["trafilatura_default"]
    assert ours["pages"] == 121 and ours["empty"] == 0
    assert ours["body_f1"] >= FLOORS["html"]["body_f1"] and ours["body_f1"] > baseline["body_f1"]
    assert ours["title_accuracy"] >= FLOORS["html"]["title_accuracy"]
    assert ours["date_accuracy"] >= FLOORS["html"]["date_accuracy"]


@pytest.mark.gold
@needs_data
def test_scraped_text_cleaner_removes_chrome_on_pages_of_many_sites() -> None:
    report = evaluate_scraped_text(DATA)
    assert report["pages"] == 121 and report["sites"] >= 20
    cleaner = report["cleaner"]
    assert cleaner["f1"] >= FLOORS["scraped_text"]["f1"] and cleaner["f1"] > report["keep_everything"]["f1"]
    assert cleaner["title_accuracy"] >= FLOORS["scraped_text"]["title_accuracy"]
