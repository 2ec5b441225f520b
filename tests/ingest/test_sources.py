"""Every input kind an analyst has: HTML metadata, JSONL/CSV dumps, WARC crawls, RSS/Atom feeds, URLs,
standard input, encodings and languages; bad inputs recorded while the rest goes on. Network tests
use a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.inputs import iter_articles
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import MAX_BYTES
from eventwire.ingest.sources import article_from_bytes
from eventwire.ingest.text import clean_scraped_text
from eventwire.model import Article, Failure
from tests.conftest import EXAMPLES, write_warc_record


def story(name: str) -> tuple[str, list[str]]:
    """Headline and body paragraphs of an example article (real-style news text)."""
    cleaned = clean_scraped_text((EXAMPLES / name).read_text(encoding="utf-8"))
    assert cleaned.title
    return cleaned.title, cleaned.body.split("\n\n")


def html_page(name: str, *, lead: str = "", tail: str = "", charset: str | None = "utf-8",
              title_suffix: str = " | The Daily Planet") -> str:
    title, paragraphs = story(name)
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang=en><head>{meta}<title>{title}{title_suffix}</title>"
        '<meta property="og:site_name" content="The Daily Planet">'
        '<meta property="article:published_time" content="2024-02-08T09:30:00+00:00"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1><p class=byline>By Jane Doe</p>{lead}{body}{tail}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/x'>Celebrity chef opens a new restaurant</a></li></ul></aside>"
        "<footer>Copyright 2024 The Daily Planet. All rights reserved. Privacy policy. Cookie settings.</footer>"
        "</body></html>"
    )


def read_all(inputs: list[str], **options: object) -> list[Article | Failure]:
    return list(iter_articles(inputs, IngestOptions(**options)))  # type: ignore[arg-type]


def articles_of(found: list[Article | Failure]) -> list[Article]:
    return [a for a in found if isinstance(a, Article)]


def failures_of(found: list[Article | Failure]) -> list[Failure]:
    return [f for f in found if isinstance(f, Failure)]


# --- HTML pages ---------------------------------------------------------------------------------------------

def test_html_page_gives_visible_headline_date_site_and_body_without_chrome() -> None:
    title, paragraphs = story("diplomacy_ankara.txt")
    article = article_from_bytes("page.html", html_page("diplomacy_ankara.txt").encode("utf-8"))
    assert article.title == title                       # the <h1>, not "... | The Daily Planet"
    assert article.published == "2024-02-08"
    assert article.site_name == "The Daily Planet"
    assert article.language == "en"
    assert article.text.split("\n\n")[0] == paragraphs[0]
    assert "Most read" not in article.text and "Copyright" not in article.text and "Celebrity chef" not in article.text


def test_wire_dateline_and_closing_credit_become_metadata_not_text() -> None:
    _, paragraphs = story("attack_borno.txt")
    html = html_page("attack_borno.txt").replace(
        f"<p>{paragraphs[0]}</p>", f"<p>MAIDUGURI, Nigeria, Feb 8 (Reuters) - {paragraphs[0]}</p>"
    ).replace("</article>", "<p>Reporting by Ahmed Kingimi; Editing by Alex Richardson</p></article>")
    article = article_from_bytes("wire.html", html.encode("utf-8"))
    assert article.credit == "Reuters"
    assert article.dateline == "MAIDUGURI"
    assert article.text.startswith(paragraphs[0][:40])
    assert "Reporting by" not in article.text


def test_legacy_encoding_without_a_declared_charset_is_detected() -> None:
    html = html_page("protest_tbilisi.txt", charset=None,
                     lead="<p>Protesters chanted \u201cno to the foreign agents law\u201d outside "
                          "parliament, in a caf\u00e9-lined avenue of the capital, until late.</p>")
    article = article_from_bytes("legacy.html", html.encode("cp1252"))
    assert "\u201cno to the foreign agents law\u201d" in article.text
    assert "caf\u00e9-lined" in article.text


def test_utf16_page_with_a_bom_is_read() -> None:
    html = html_page("protest_tbilisi.txt", charset=None)
    article = article_from_bytes("utf16.html", html.encode("utf-16"))
    assert article.title == story("protest_tbilisi.txt")[0]


def test_oversized_page_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    big.write_bytes(b"<html><body>" + b"<p>word</p>" * (MAX_BYTES // 11 + 10) + b"</body></html>")
    [failure] = read_all([str(big)])
    assert isinstance(failure, Failure) and str(big) in failure.source and "limit" in failure.reason


# --- JSONL and CSV ------------------------------------------------------------------------------------------

def test_jsonl_with_mapped_fields_and_a_bad_line_recorded(tmp_path: Path) -> None:
    title, paragraphs = story("attack_borno.txt")
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([
        json.dumps({"headline": title, "body": "\n\n".join(paragraphs), "link": "https://news.example/a1",
                    "date": "2024-02-08T10:00:00Z"}),
        "{not json",
        json.dumps({"headline": "No body here"}),
        json.dumps({"headline": "Html body", "body": html_page("protest_tbilisi.txt"),
                    "link": "https://news.example/a2", "date": "Thu, 08 Feb 2024 10:00:00 GMT"}),
    ]) + "\n", encoding="utf-8")
    found = read_all([str(dump)], fields={"text": "body", "title": "headline", "url": "link"})
    first, second = articles_of(found)
    assert first.title == title and first.url == "https://news.example/a1" and first.published == "2024-02-08"
    assert first.text.split("\n\n") == paragraphs
    assert first.source_path == f"{dump}:1"
    assert second.title == "Html body" and second.published == "2024-02-08"
    assert "Copyright" not in second.text  # the HTML column went through the page extractor
    bad_json, no_text = failures_of(found)
    assert bad_json.source == f"{dump}:2" and "not JSON" in bad_json.reason
    assert no_text.source == f"{dump}:3" and "'body'" in no_text.reason


def test_csv_and_tsv_rows_are_articles_with_common_column_names(tmp_path: Path) -> None:
    title, paragraphs = story("sanctions_brussels.txt")
    body = "\n\n".join(paragraphs)
    for name, delimiter in (("a.csv", ","), ("a.tsv", "\t")):
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as out:
            import csv

            writer = csv.writer(out, delimiter=delimiter)
            writer.writerow(["title", "text", "url", "published"])
            writer.writerow([title, body, "https://eu.example/s", "2024-02-23"])
        [article] = read_all([str(path)])
        assert isinstance(article, Article)
        assert article.title == title and article.published == "2024-02-23" and article.text == body


# --- WARC ---------------------------------------------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, str, bytes, str]]) -> None:
    """(uri, status, body, content type) response records, gzipped per record, with a request record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, status, body, content_type in pages:
            request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            write_warc_record(writer, request)
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            write_warc_record(writer, writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_pages_become_articles_and_other_records_are_passed_over(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [
        ("https://news.example/ankara", "200 OK", html_page("diplomacy_ankara.txt").encode(),
         "text/html; charset=utf-8"),
        ("https://news.example/logo.png", "200 OK", b"\x89PNG\r\n", "image/png"),
        ("https://news.example/gone", "404 Not Found", b"<html>gone</html>", "text/html"),
        ("https://news.example/empty", "200 OK", b"<html><body><nav>Home</nav></body></html>", "text/html"),
        ("https://news.example/borno", "200 OK", html_page("attack_borno.txt").encode(), "text/html"),
    ])
    found = read_all([str(crawl)])
    ankara, borno = articles_of(found)
    assert ankara.url == "https://news.example/ankara" and ankara.title == story("diplomacy_ankara.txt")[0]
    assert borno.url == "https://news.example/borno"
    [empty] = failures_of(found)
    assert empty.source == f"{crawl}#https://news.example/empty" and "no article text" in empty.reason


def test_damaged_warc_keeps_what_came_before_and_says_where_it_broke(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    write_warc_record(writer, writer.create_warc_record(
        "https://news.example/ankara", "response",
        payload=io.BytesIO(html_page("diplomacy_ankara.txt").encode()), http_headers=headers))
    crawl.write_bytes(buffer.getvalue() + b"this is not a WARC record header\r\n\r\ngarbage" * 3)
    found = read_all([str(crawl)])
    assert len(articles_of(found)) == 1
    [broken] = failures_of(found)
    assert broken.source == str(crawl) and "malformed WARC after" in broken.reason


# --- Feeds, URLs and standard input ------------------------------------------------------------------------

class _Site(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[bytes, str]]] = {}

    def do_GET(self) -> None:
        page = self.pages.get(self.path)
        if page is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", page[1])
        self.end_headers()
        self.wfile.write(page[0])

    def log_message(self, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def rss(base: str) -> bytes:
    title, paragraphs = story("sanctions_brussels.txt")
    full = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Daily Planet</title><link>{base}/</link><description>news</description>
<item><title>{title}</title><link>{base}/sanctions</link><pubDate>Fri, 23 Feb 2024 08:00:00 GMT</pubDate>
<category>Europe</category><content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Foreign ministers meet in Ankara</title><link>{base}/ankara</link>
<pubDate>Thu, 08 Feb 2024 12:00:00 GMT</pubDate><description>Short summary. Read more...</description></item>
<item><title>Missing page</title><link>{base}/missing</link><description>Teaser only.</description></item>
</channel></rss>""".encode()


def test_feed_uses_full_text_items_and_fetches_summary_only_items(site: str, tmp_path: Path) -> None:
    _Site.pages = {"/ankara": (html_page("diplomacy_ankara.txt").encode(), "text/html; charset=utf-8"),
                   "/feed.xml": (rss(site), "application/rss+xml")}
    for inputs in ([f"{site}/feed.xml"], [str(tmp_path / "feed.rss")]):
        (tmp_path / "feed.rss").write_bytes(rss(site))
        found = read_all(inputs, allow_private_urls=True)  # the test site is on 127.0.0.1
        sanctions, ankara = articles_of(found)
        assert sanctions.title == story("sanctions_brussels.txt")[0]
        assert sanctions.published == "2024-02-23" and sanctions.sections == ("Europe",)
        assert sanctions.text.split("\n\n") == story("sanctions_brussels.txt")[1]
        assert ankara.url == f"{site}/ankara" and ankara.published == "2024-02-08"
        assert ankara.text.split("\n\n")[0] == story("diplomacy_ankara.txt")[1][0]
        [missing] = failures_of(found)
        assert "/missing" in missing.source and "HTTP 404" in missing.reason


def test_feed_without_fetching_codes_summaries_it_has(site: str, tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"  # a .xml name: told a feed by its content
    path.write_bytes(rss(site))
    found = read_all([str(path)], fetch_links=False, languages=())
    assert [a.title for a in articles_of(found)][1] == "Foreign ministers meet in Ankara"


def test_url_page_and_url_errors(site: str) -> None:
    _Site.pages = {"/a": (html_page("protest_tbilisi.txt").encode("cp1252"), "text/html; charset=windows-1252")}
    [article] = read_all([f"{site}/a"], allow_private_urls=True)  # the test site is on 127.0.0.1
    assert isinstance(article, Article) and article.url == f"{site}/a"
    [failure] = read_all([f"{site}/nothing"], allow_private_urls=True)
    assert isinstance(failure, Failure) and failure.source == f"{site}/nothing" and "HTTP 404" in failure.reason
    [refused] = read_all(["http://127.0.0.1:9/closed"], timeout=2.0, allow_private_urls=True)
    assert isinstance(refused, Failure) and "cannot fetch" in refused.reason


def test_standard_input_is_one_page() -> None:
    text = (EXAMPLES / "attack_borno.txt").read_bytes()
    [article] = list(iter_articles(["-"], IngestOptions(), stdin=io.BytesIO(text)))
    assert isinstance(article, Article) and article.title == story("attack_borno.txt")[0]


# --- Languages and folders ---------------------------------------------------------------------------------

FRENCH = ("Le président russe a ordonné lundi le retrait d'une partie importante des troupes déployées en Syrie, "
          "lors d'une visite surprise sur la base aérienne de Hmeimim, a annoncé le Kremlin dans un communiqué.")


def test_non_english_article_is_recorded_as_skipped_unless_its_language_is_asked_for(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    [skipped] = read_all([str(tmp_path / "fr.txt")])
    assert isinstance(skipped, Failure) and skipped.skipped and "'fr'" in skipped.reason
    [kept] = read_all([str(tmp_path / "fr.txt")], languages=("en", "fr"))
    assert isinstance(kept, Article) and kept.language == "fr"


def test_an_html_page_s_language_is_its_text_s_whatever_its_template_declares() -> None:
    english = html_page("attack_borno.txt").replace("<html lang=en>", "<html lang=de>")
    assert article_from_bytes("en.html", english.encode()).language == "en"
    german = ("<html lang=en><head><title>Waffenruhe</title></head><body><article><h1>Waffenruhe verlängert</h1>"
              + "<p>Die Minister trafen sich am Dienstag in Genf und vereinbarten nach zwei Tagen Gesprächen, die "
              "Waffenruhe um einen weiteren Monat zu verlängern, wie Beamte am Abend mitteilten.</p>" * 3
              + "</article></body></html>")
    assert article_from_bytes("de.html", german.encode()).language == "de"
    french = f"<html lang=fr-FR><body><article><p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    assert article_from_bytes("fr.html", french.encode()).language == "fr"


def test_folders_are_read_recursively_with_every_kind_inside(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "page.html").write_text(html_page("protest_tbilisi.txt"), encoding="utf-8")
    (tmp_path / "a" / "b" / "dump.jsonl.gz").write_bytes(gzip.compress(json.dumps(
        {"text": "\n\n".join(story("attack_borno.txt")[1])}).encode() + b"\n"))
    (tmp_path / "a" / "b" / "notes.docx").write_bytes(b"PK\x03\x04 not an input kind")
    found = read_all([str(tmp_path)])
    assert len(articles_of(found)) == 2 and not failures_of(found)


def test_a_file_that_is_no_warc_and_an_odd_record_are_failures_not_silence(tmp_path: Path) -> None:
    fake = tmp_path / "notes.warc"
    fake.write_text("these are meeting notes, not a crawl\n" * 20, encoding="utf-8")
    [failure] = read_all([str(fake)])
    assert isinstance(failure, Failure) and "not a WARC file" in failure.reason
    crawl = tmp_path / "resource.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    page = html_page("protest_tbilisi.txt").encode()
    write_warc_record(writer, writer.create_warc_record(None, "resource", payload=io.BytesIO(page),
                                                  warc_content_type="text/html"))
    crawl.write_bytes(buffer.getvalue())
    [article] = read_all([str(crawl)])
    assert isinstance(article, Article) and article.source_path == f"{crawl}#record 1"
