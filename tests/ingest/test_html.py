"""The HTML reader's own steps on hand-made pages (its scores on real pages: tests/evaluation/test_ingest.py)."""

from __future__ import annotations

import gzip
from copy import deepcopy
from typing import Any

import lxml.etree
import pytest
import trafilatura
from lxml.html import HtmlElement

from eventwire.ingest.html import drop_code, main_text, parse_page, running_text_words, without_chrome
from tests.conftest import SHARED

PAGES = SHARED / "data" / "article-extraction"


def test_code_is_dropped_before_the_text_passes_but_json_ld_is_kept() -> None:
    tree = parse_page("<html><head><meta name='a' content='b'><script type='application/ld+json'>{}</script>"
                      "<style>p {}</style></head><body><p>One <script>x()</script>two</p></body></html>")
    assert tree is not None
    drop_code(tree)
    assert [e.tag for e in tree.iter("script", "style", "meta")] == ["script"]
    assert tree.findtext(".//p") == "One two"


STORY = ("Flooding forced thousands of families from their homes in the north of the country on Monday, "
         "officials said, as rivers burst their banks after a week of heavy rain. Rescue teams used boats "
         "to reach villages cut off by the water, and the army opened schools as shelters for those who fled. "
         "The weather service warned that more rain was expected in the coming days across the region.")
MENU = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"


def page(extra: str = "") -> str:
    return (f"<html><head><title>Floods force thousands from homes</title></head><body>{MENU}<article>"
            f"<h1>Floods force thousands from homes</h1><p>{STORY}</p></article>{extra}"
            "<footer><p>Contact us</p></footer></body></html>")


def passes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The modes trafilatura is run in from here on (True: precision mode), in order."""
    seen: list[bool] = []
    real = trafilatura.bare_extraction

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(bool(kwargs.get("favor_precision")))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    return seen


def test_running_text_counts_sentences_not_menu_items_or_buttons() -> None:
    tree = parse_page(page())
    assert tree is not None
    # The story's one run of words and the <title>/<h1> (five words each); not "Home", "Contact us".
    assert running_text_words(tree) == len(STORY.split()) + 10
    # A sentence of a script written without spaces is one long "word".
    chinese = parse_page("<html><body><p>洪水迫使该国北部数千个家庭于周一离开家园，官员表示，"
                         "一周的暴雨之后河水决堤。</p><ul><li>首页</li><li>国际新闻</li></ul></body></html>")
    assert chinese is not None and running_text_words(chinese) == 1


def test_a_short_story_that_is_all_the_page_s_running_text_is_read_in_one_pass(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen = passes(monkeypatch)
    tree = parse_page(page())
    assert tree is not None
    assert (main_text(tree) or "").endswith(STORY)
    assert seen == [True]


def test_a_short_result_on_a_page_with_much_more_running_text_is_checked_in_default_mode(
        monkeypatch: pytest.MonkeyPatch) -> None:
    related = "".join(f"<div class='related'><a href='/{n}'>{STORY}</a></div>" for n in range(4))
    seen = passes(monkeypatch)
    tree = parse_page(page(related))
    assert tree is not None
    assert STORY in (main_text(tree) or "")
    assert seen == [True, False]


def test_the_precision_pass_leaves_the_shared_tree_its_menu_and_footer() -> None:
    tree = parse_page(page())
    assert tree is not None
    main_text(tree)
    assert [e.tag for e in tree.iter("nav", "footer")] == ["nav", "footer"]


def test_the_precision_pass_reads_the_page_without_what_trafilatura_deletes_unread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[list[str]] = []
    real = trafilatura.bare_extraction

    def spy(tree: Any, *args: Any, **kwargs: Any) -> Any:
        read.append([e.tag for e in tree.iter() if isinstance(e.tag, str)])
        return real(tree, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    extra = ("<aside><p><button>Share</button>Most read: other stories</p></aside><iframe src='/ad'></iframe>"
             "<figure><table><tr><td>A table in a figure</td></tr></table></figure>"
             "<form><p>A form whose text may be the story</p></form>"
             "<script type='application/ld+json'>{}</script>")
    tree = parse_page(page(extra))
    assert tree is not None
    main_text(tree)
    precision_tags = read[0]
    for chrome in ("nav", "footer", "aside", "iframe", "button"):
        assert chrome not in precision_tags
    for kept in ("form", "figure", "table", "script", "article", "h1", "p"):
        assert kept in precision_tags
    # the shared tree is left whole: the default pass and the running-text count read it
    assert [e.tag for e in tree.iter("nav", "aside", "iframe", "button")] == ["nav", "aside", "button", "iframe"]


def test_an_elements_tail_stays_when_the_precision_pass_drops_it() -> None:
    pruned = without_chrome(parse_page("<html><body><p>Rebels took <time>Friday</time>the town of Idlib "  # type: ignore[arg-type]
                                       "<button>Share</button>after a week of fighting.</p></body></html>"))
    assert pruned.findtext(".//p") == "Rebels took the town of Idlib after a week of fighting."


ODD_PAGES = {
    "plain": "<html><head><title>T</title></head><body><form><input name=q></form><p>Text</p></body></html>",
    "doctype": "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN'>\n<html><body><p>Text<!-- c --></p></body></html>",
    "encoding declaration": "<?xml version='1.0' encoding='utf-8'?><html><body><p>Text</p></body></html>",
    "self-closing html": "<html/>\n<body><p>Text</p></body>",
    "a fragment": "<p>Only a paragraph</p>",
    "no markup": "Just a line of text, no markup at all.",
    "empty document": "<html></html>",
    "control characters": "<html><body><p>Text\x0bwith\x00control</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(ODD_PAGES))
def test_the_page_is_trafilaturas_own_tree(name: str) -> None:
    ours, theirs = parse_page(ODD_PAGES[name]), trafilatura.load_html(ODD_PAGES[name])
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert lxml.etree.tostring(ours) == lxml.etree.tostring(theirs)


def test_elements_are_plain_html_elements_whatever_their_tag() -> None:
    tree = parse_page(ODD_PAGES["plain"])
    assert tree is not None
    assert {type(e) for e in tree.iter()} == {HtmlElement}  # lxml.html gives FormElement, InputElement ...
    assert {type(e) for e in deepcopy(tree).iter()} == {HtmlElement}  # and so do the passes' copies


@pytest.mark.gold
@pytest.mark.skipif(not PAGES.exists(), reason="../shared/data is not here")
def test_the_real_pages_are_trafilaturas_own_trees() -> None:
    for path in sorted((PAGES / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        ours, theirs = parse_page(html), trafilatura.load_html(html)
        assert ours is not None and theirs is not None, path.name
        assert lxml.etree.tostring(ours) == lxml.etree.tostring(theirs), path.name
