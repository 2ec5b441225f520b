"""The input formats' table: each row tells a file's format by its name, with or without .gz, and by content."""

from __future__ import annotations

from pathlib import Path

from eventwire.ingest import formats
from eventwire.ingest.options import IngestOptions


def test_every_suffix_names_its_row_with_or_without_gzip_and_content_tells_the_rest(tmp_path: Path) -> None:
    for row in formats.FORMATS:
        for suffix in row.suffixes:
            assert formats.by_file_name(f"a{suffix}") is row
            assert formats.by_file_name(f"dir/A{suffix.upper()}.gz") is row
        for suffix in row.content_suffixes:
            assert formats.by_file_name(f"a{suffix}") is None and suffix in formats.INPUT_SUFFIXES
    assert formats.by_content(b"WARC/1.0\r\n").name == "warc"
    assert formats.by_content(b'<?xml version="1.0"?><rss version="2.0">').name == "feed"
    assert formats.by_content(b"Protesters rallied in Tbilisi.") is formats.PAGE
    feed = tmp_path / "news.xml"
    feed.write_bytes(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')
    assert formats.of_file(str(feed), IngestOptions()).name == "feed"
    assert formats.of_file(str(feed), IngestOptions(input_format="page")) is formats.PAGE
    assert ("auto", *(row.name for row in formats.FORMATS)) == formats.INPUT_FORMATS
