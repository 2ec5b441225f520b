"""Property tests of the readers (hypothesis): arbitrary bytes and text, JSON lines with lone surrogates and deep
nesting, CSV of any cells, feeds with any character references, request bodies of any kind. A reader gives
articles and failures, or refuses with UnreadableInput (the API: a 4xx ApiError), and never anything else;
what it gives can be written as UTF-8 (no lone surrogate, no NUL); and no input vanishes without a word."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import UnreadableInput
from eventwire.ingest.feeds import iter_feed
from eventwire.ingest.inputs import iter_articles
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import decode, gunzip
from eventwire.ingest.records import stream_csv, stream_jsonl
from eventwire.ingest.sources import article_from_bytes
from eventwire.ingest.text import clean_scraped_text
from eventwire.model import Article, Failure

pytest.importorskip("fastapi")
from eventwire.api.body import BodyRules, article_from_body
from eventwire.api.errors import ApiError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])
OPTIONS = IngestOptions(fetch_links=False, languages=())
SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".tsv", ".warc", ".rss", ".xml", ".gz", ".jsonl.gz")

# Text as broken producers write it: any character, lone surrogates (a JSON "\ud800" escape) and NULs included.
any_char = st.one_of(st.characters(), st.characters(categories=["Cs"]), st.just("\x00"))
any_text = st.text(any_char, max_size=300)
words = st.lists(st.sampled_from(["The", "minister", "said", "talks", "would", "resume", "in", "Kabul", "on",
                                  "Monday", "\u0645\u0635\u0631", "\u0420\u043e\u0441\u0441\u0438\u044f",
                                  "\u4e2d\u56fd", "\ud800", "\x00", "<p>", "&#55296;", "\"", ",", "\n", "\n\n"]),
                 max_size=80).map(" ".join)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | any_text | words,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
                               ["text", "title", "url", "published", "author", "body", "html", "x"]), inner,
                               max_size=5), max_leaves=20)


def writable(value: str) -> bool:
    """Whether a string can be written as UTF-8 text: to stdout, the database, the parser."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


def check(found: list[Article | Failure]) -> None:
    for item in found:
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert item.stage in ("ingest", "language") and item.reason and "\n" not in item.reason
            assert writable(item.source) and writable(item.reason)
        else:
            assert item.text.strip()
            assert all(writable(v) for _, v in item if isinstance(v, str))
            assert all(writable(s) for s in (*item.sections, *item.related_headlines))


@FUZZ
@given(data=st.binary(max_size=4000), is_html=st.booleans())
def test_decode_gives_text_or_refuses_the_bytes(data: bytes, is_html: bool) -> None:
    try:
        text = decode("fuzz", data, is_html)
    except UnreadableInput as exc:
        assert exc.source == "fuzz" and exc.reason
        return
    assert isinstance(text, str)


@FUZZ
@given(data=st.binary(max_size=3000), content_type=st.sampled_from([None, "text/html", "text/plain",
                                                                   "text/html; charset=no-such-charset"]))
def test_a_page_of_any_bytes_is_an_article_or_refused(data: bytes, content_type: str | None) -> None:
    try:
        article = article_from_bytes("fuzz.txt", data, content_type=content_type)
    except UnreadableInput as exc:
        assert exc.source == "fuzz.txt"
        return
    assert article.text.strip()


@FUZZ
@given(text=st.text(st.one_of(st.characters(), st.sampled_from("\n\n\r\t|•>")), max_size=2000))
def test_the_scraped_text_cleaner_takes_any_text(text: str) -> None:
    cleaned = clean_scraped_text(text)
    assert all(word in text for word in cleaned.body.split()[:50])  # the story's words, none made up


@FUZZ
@given(data=st.binary(max_size=2000))
def test_gunzip_of_any_bytes_unpacks_or_refuses(data: bytes) -> None:
    try:
        assert isinstance(gunzip("fuzz.gz", b"\x1f\x8b" + data, limit=1 << 20), bytes)
    except UnreadableInput as exc:
        assert exc.source == "fuzz.gz"


@FUZZ
@given(lines=st.lists(st.one_of(json_values.map(json.dumps), any_text, words,
                                st.integers(1, 3000).map(lambda n: "[" * n + "]" * n)), min_size=1, max_size=8))
def test_json_lines_of_anything_give_articles_and_failures_and_never_raise(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    found = list(stream_jsonl("fuzz.jsonl", io.BytesIO(data), OPTIONS))
    check(found)
    assert found or not data.strip()  # something is said of every input that is not blank


@FUZZ
@given(rows=st.lists(st.lists(st.one_of(any_text, words), min_size=1, max_size=5), min_size=1, max_size=6),
       header=st.lists(st.sampled_from(["text", "title", "url", "date", "x", ""]), min_size=1, max_size=4),
       tab=st.booleans())
def test_csv_of_any_cells_gives_articles_and_failures_and_never_raises(
        rows: list[list[str]], header: list[str], tab: bool) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t" if tab else ",")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8", errors="surrogatepass")
    try:
        found = list(stream_csv("fuzz.csv", io.BytesIO(data), OPTIONS))
    except UnreadableInput as exc:  # bytes that are no text (a surrogate written raw): the file's one failure
        assert exc.source == "fuzz.csv"
        return
    check(found)
    assert found


@FUZZ
@given(items=st.lists(st.tuples(words, st.one_of(st.integers(-5, 0x11FFFF), st.integers(0xD800, 0xDFFF))),
                      min_size=0, max_size=4))
def test_feeds_with_any_character_references_never_raise(items: list[tuple[str, int]]) -> None:
    body = "".join(f"<item><title>t{n}</title><description>{text.replace('&', ' ').replace('<', ' ')} &#{ref}; "
                   f"&#x{abs(ref):X};</description></item>" for n, (text, ref) in enumerate(items))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{body}</channel></rss>'
    found = list(iter_feed("fuzz.rss", feed.encode("utf-8", errors="replace"), OPTIONS))
    check(found)
    assert found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_a_file_of_any_bytes_under_any_name_is_read_or_told(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    found = list(iter_articles([str(path)], OPTIONS))
    check(found)
    assert found, "an input gave neither an article nor a failure"


@FUZZ
@given(body=st.one_of(st.binary(max_size=3000), json_values.map(lambda v: json.dumps(v).encode()),
                      st.builds(lambda t, u: json.dumps({"text": t, "url": u}).encode("utf-8", "surrogatepass"),
                                st.one_of(words, any_text), st.one_of(st.none(), any_text))),
       media=st.sampled_from(["application/json", "text/plain", "text/html", ""]))
def test_an_api_body_of_anything_is_an_article_or_a_4xx(body: bytes, media: str) -> None:
    try:
        article = article_from_body(body, media, None, BodyRules(max_bytes=1 << 20, max_text_chars=100_000))
    except ApiError as exc:
        assert 400 <= exc.status < 500, exc.message
        return
    assert article.text.strip() and writable(article.text)
