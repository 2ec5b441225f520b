"""The headline: outlet names cut from titles, the visible <h1> that matches the title."""

from __future__ import annotations

import lxml.html

from eventwire.ingest.headline import strip_outlet, visible_headline


def test_outlet_names_are_cut_from_titles_at_either_end() -> None:
    assert strip_outlet("Sweden drops probe | Al Bawaba", "Al Bawaba", None) == "Sweden drops probe"
    assert strip_outlet("NASA adds five companies - SpaceNews.com", None, "https://spacenews.com/x") \
        == "NASA adds five companies"
    assert strip_outlet("TechCrunch – WeWork layoffs begin", "TechCrunch", None) == "WeWork layoffs begin"
    assert strip_outlet("Milan Design Week | A light installation", "Dezeen", None) \
        == "Milan Design Week | A light installation"


def test_visible_headline_prefers_the_matching_h1_over_a_site_name_h1() -> None:
    html = ("<html><body><h1>The Anti-June Cleaver</h1><h1>Hiking the Boulder Flat Irons with kids</h1>"
            "<p>text</p></body></html>")
    assert visible_headline(html, "Hiking Boulder Flat Irons | The Anti-June Cleaver", "The Anti-June Cleaver",
                            None) == "Hiking the Boulder Flat Irons with kids"
    assert visible_headline("<html><body><h1>Menu</h1></body></html>", "Real headline here - Site", "Site",
                            None) == "Real headline here"


def test_visible_headline_reads_a_shared_tree_without_changing_it() -> None:
    html = ("<html><body><h1>Talks <script>var x=1;</script>resume in Doha today</h1>"
            "<noscript><h1>Please enable JavaScript to read</h1></noscript><p>text</p></body></html>")
    tree = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(tree)
    assert visible_headline(tree, "Talks resume in Doha today - Site", "Site", None) \
        == visible_headline(html, "Talks resume in Doha today - Site", "Site", None) == "Talks resume in Doha today"
    assert lxml.html.tostring(tree) == before
