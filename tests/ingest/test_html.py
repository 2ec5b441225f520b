"""The HTML reader's own steps on hand-made pages (its scores on real pages: tests/evaluation/test_ingest.py)."""

from __future__ import annotations

from eventwire.ingest.html import drop_code, main_text, parse_page


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


def test_the_precision_pass_leaves_the_shared_tree_its_menu_and_footer() -> None:
    tree = parse_page(page())
    assert tree is not None
    main_text(tree)
    assert [e.tag for e in tree.iter("nav", "footer")] == ["nav", "footer"]
