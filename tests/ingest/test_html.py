"""The HTML reader's own steps on hand-made pages (its scores on real pages: tests/evaluation/test_ingest.py)."""

from __future__ import annotations

from eventwire.ingest.html import drop_code, parse_page


def test_code_is_dropped_before_the_text_passes_but_json_ld_is_kept() -> None:
    tree = parse_page("<html><head><meta name='a' content='b'><script type='application/ld+json'>{}</script>"
                      "<style>p {}</style></head><body><p>One <script>x()</script>two</p></body></html>")
    assert tree is not None
    drop_code(tree)
    assert [e.tag for e in tree.iter("script", "style", "meta")] == ["script"]
    assert tree.findtext(".//p") == "One two"
