"""The fetcher cannot be turned against the machine: no fetch from loopback, private or other non-public
addresses (checked after DNS, on every redirect, connecting to the address checked), only http(s), one
deadline per fetch, and bodies capped while they arrive and while they are unpacked.

Test servers run on 127.0.0.1 and 127.0.0.2 (both loopback on Linux). A test that needs its first hop
reachable allows 127.0.0.2 alone, so a redirect to 127.0.0.1 is still one to an address not allowed; a name
such as news.example is made to resolve to 127.0.0.2 by a stand-in for socket.getaddrinfo."""

from __future__ import annotations

import gzip
import ipaddress
import os
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.errors import UnreadableInput
from eventwire.ingest import fetch as fetch_module
from eventwire.ingest.addresses import kind_of
from eventwire.ingest.fetch import FetchPolicy, fetch
from eventwire.ingest.http_body import body_of
from eventwire.ingest.inputs import iter_articles
from eventwire.ingest.options import IngestOptions
from eventwire.model import Article, Failure
from tests.conftest import EVENTWIRE, EXAMPLES

STORY = (EXAMPLES / "attack_borno.txt").read_bytes()
ONLY_127_0_0_2 = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.2/32"),))
Route = Callable[[BaseHTTPRequestHandler], None]


# --- test servers --------------------------------------------------------------------------------------------

@dataclass
class Site:
    base: str
    port: int
    routes: dict[str, Route]
    hits: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # the Host header of each request


class _Server(ThreadingHTTPServer):
    def server_bind(self) -> None:  # no reverse DNS lookup of the address (HTTPServer's getfqdn)
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])


def _handler(site_of: Callable[[], Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site = site_of()
            site.hits.append(self.path)
            site.hosts.append(self.headers.get("Host", ""))
            route = site.routes.get(self.path.split("?")[0])
            try:
                if route is None:
                    send(self, 404, b"no such page")
                else:
                    route(self)
            except OSError:  # the fetcher hung up (a refused body, the deadline): expected here
                pass

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture()
def serve() -> Iterator[Callable[..., Site]]:
    servers: list[ThreadingHTTPServer] = []

    def start(routes: dict[str, Route], host: str = "127.0.0.1", port: int = 0,
              tls: ssl.SSLContext | None = None) -> Site:
        holder: list[Site] = []
        server = _Server((host, port), _handler(lambda: holder[0]))
        if tls is not None:
            server.socket = tls.wrap_socket(server.socket, server_side=True)
        port = int(server.server_address[1])
        holder.append(Site(f"{'https' if tls else 'http'}://{host}:{port}", port, routes))
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return holder[0]

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    for name, value in {"Content-Type": "text/plain; charset=utf-8", **headers}.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def page(body: bytes = STORY, **headers: str) -> Route:
    return lambda handler: send(handler, 200, body, **headers)


def redirect(location: str) -> Route:
    return lambda handler: send(handler, 302, b"", Location=location)


@pytest.fixture()
def names(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Host names the test makes resolve: name -> the address each lookup answers in turn (the last repeats)."""
    table: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in table:
            answers = table[host]
            address = answers.pop(0) if len(answers) > 1 else answers[0]
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


def refusal(url: str, policy: FetchPolicy | None = None) -> str:
    with pytest.raises(UnreadableInput) as caught:
        fetch(url, policy)
    assert caught.value.source == url
    return caught.value.reason


# --- addresses -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"),         # IPv4-mapped IPv6
    ("2002:7f00:1::", "loopback"),            # 6to4 wrapping 127.0.0.1
    ("64:ff9b::a00:1", "private"),            # NAT64 wrapping 10.0.0.1
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fc00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),  # cloud metadata; IPv6 link-local
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "private"),                 # reserved 240/4, listed by ipaddress among the private ones
    ("100.64.0.1", "non-public"),             # carrier-grade NAT
    ("8.8.8.8", None), ("93.184.216.34", None), ("2606:4700:4700::1111", None),
])
def test_only_public_addresses_are_fetchable(address: str, kind: str | None) -> None:
    assert kind_of(ipaddress.ip_address(address)) == kind


def test_urls_to_loopback_addresses_are_refused_after_dns_before_connecting(serve: Callable[..., Site]) -> None:
    site = serve({"/": page()})
    port = site.port
    assert refusal(f"http://127.0.0.1:{port}/") == (
        "refused: 127.0.0.1 is a loopback address (--allow-private-urls allows it)")
    assert refusal(f"http://localhost:{port}/").startswith("refused: localhost resolves to 127.0.0.1, a loopback")
    assert "127.0.0.1, a loopback address" in refusal(f"http://2130706433:{port}/")  # 127.0.0.1 as one number
    assert "::ffff:127.0.0.1 is a loopback address" in refusal(f"http://[::ffff:127.0.0.1]:{port}/")
    assert site.hits == []
    assert fetch(f"http://127.0.0.1:{port}/", FetchPolicy(allowed_networks=(
        ipaddress.ip_network("127.0.0.0/8"),))).data == STORY  # allowed explicitly: fetched


def test_only_http_and_https_urls_are_fetched() -> None:
    assert refusal("ftp://127.0.0.1/file") == "refused: only http(s) URLs are fetched, not ftp"
    assert refusal("file:///etc/passwd") == "refused: only http(s) URLs are fetched, not file"


def test_redirect_from_an_allowed_site_to_loopback_is_refused(serve: Callable[..., Site],
                                                              names: dict[str, list[str]]) -> None:
    secret = serve({"/secret": page(b"the machine's own service")})
    names["news.example"] = ["127.0.0.2"]
    site = serve({"/story": page(), "/moved": redirect("/story"),
                  "/to-ip": redirect(f"http://127.0.0.1:{secret.port}/secret"),
                  "/to-name": redirect(f"http://localhost:{secret.port}/secret"),
                  "/to-mapped": redirect(f"http://[::ffff:127.0.0.1]:{secret.port}/secret")}, host="127.0.0.2")
    news = f"http://news.example:{site.port}"
    fetched = fetch(f"{news}/moved", ONLY_127_0_0_2)
    assert fetched.data == STORY and fetched.url == f"{news}/story"
    assert site.hosts == [f"news.example:{site.port}"] * 2  # connected to the address, Host is the name
    assert refusal(f"{news}/to-ip", ONLY_127_0_0_2) == (
        f"redirect to http://127.0.0.1:{secret.port}/secret refused: 127.0.0.1 is a loopback address "
        "(--allow-private-urls allows it)")
    assert "localhost resolves to 127.0.0.1, a loopback address" in refusal(f"{news}/to-name", ONLY_127_0_0_2)
    assert "::ffff:127.0.0.1 is a loopback address" in refusal(f"{news}/to-mapped", ONLY_127_0_0_2)
    assert secret.hits == []


@pytest.mark.parametrize("location", ["ftp://127.0.0.2/secret", "file:///etc/passwd"])
def test_redirect_to_another_scheme_is_refused(serve: Callable[..., Site], location: str) -> None:
    site = serve({"/story": redirect(location)}, host="127.0.0.2")
    scheme = location.split(":")[0]
    assert refusal(f"{site.base}/story", ONLY_127_0_0_2) == (
        f"redirect to {location} refused: only http(s) URLs are fetched, not {scheme}")


def test_the_connection_goes_to_the_address_checked_not_to_a_second_dns_answer(
        serve: Callable[..., Site], names: dict[str, list[str]]) -> None:
    outside = serve({"/story": page()}, host="127.0.0.2")
    inside = serve({"/story": page(b"the machine's own service")}, port=outside.port)  # 127.0.0.1: not allowed
    # DNS rebinding: the first answer passes the check, later ones point inside.
    names["rebind.example"] = ["127.0.0.2", "127.0.0.1"]
    fetched = fetch(f"http://rebind.example:{outside.port}/story", ONLY_127_0_0_2)
    assert fetched.data == STORY and inside.hits == []


@pytest.mark.skipif(shutil.which("openssl") is None, reason="makes its test certificate with openssl")
def test_https_connects_to_the_checked_address_and_checks_the_certificate_for_the_name(
        serve: Callable[..., Site], names: dict[str, list[str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", str(key),
                    "-out", str(cert), "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"],
                   check=True, capture_output=True)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    monkeypatch.setattr(fetch_module, "tls_context", lambda: ssl.create_default_context(cafile=str(cert)))
    site = serve({"/story": page()}, host="127.0.0.2", tls=server_tls)
    names["news.example"] = names["other.example"] = ["127.0.0.2"]
    assert fetch(f"https://news.example:{site.port}/story", ONLY_127_0_0_2).data == STORY
    assert site.hosts == [f"news.example:{site.port}"]
    assert refusal(f"https://other.example:{site.port}/story", ONLY_127_0_0_2).startswith(
        "cannot fetch: TLS certificate not accepted (Hostname mismatch, certificate is not valid for 'other.example'")


# --- the deadline and the size caps --------------------------------------------------------------------------

def _drip(where: str) -> Route:
    """A server that sends one byte every 0.1 s for 4 s: in the headers or in the body."""
    def route(handler: BaseHTTPRequestHandler) -> None:
        out = handler.wfile
        out.write(b"HTTP/1.1 200 OK\r\n")
        if where == "body":
            out.write(b"Content-Type: text/plain\r\nContent-Length: 40\r\n\r\n")
        for _ in range(40):
            time.sleep(0.1)
            out.write(b"x" if where == "body" else b"X")
        out.write(b"" if where == "body" else b": y\r\nContent-Length: 0\r\n\r\n")
    return route


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_server_dripping_bytes_is_cut_at_the_deadline_of_the_whole_fetch(
        serve: Callable[..., Site], where: str) -> None:
    site = serve({"/slow": _drip(where)}, host="127.0.0.2")
    policy = FetchPolicy(deadline=1.0, allowed_networks=ONLY_127_0_0_2.allowed_networks)
    assert refusal(f"{site.base}/slow", policy) == "no complete answer within the 1-second limit"


def _bomb(megabytes: int) -> bytes:
    return gzip.compress(b"\0" * (megabytes << 20), compresslevel=9)


def test_a_gzip_bomb_is_refused_without_inflating_it_all(serve: Callable[..., Site]) -> None:
    bomb = _bomb(64)  # 64 MB of zeros in about 64 KB
    site = serve({"/bomb": page(bomb, Content_Encoding="gzip"), "/plain": page(zlib.compress(STORY),
                                                                                Content_Encoding="deflate")},
                 host="127.0.0.2")
    policy = FetchPolicy(max_bytes=1 << 20, allowed_networks=ONLY_127_0_0_2.allowed_networks)
    tracemalloc.start()
    tracemalloc.reset_peak()  # (tracemalloc may already be on, PYTHONTRACEMALLOC)
    try:
        reason = refusal(f"{site.base}/bomb", policy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reason == f"unpacks to more than the {1 << 20}-byte limit"
    assert peak < 16 << 20  # never near the 64 MB it would inflate to
    assert fetch(f"{site.base}/plain", policy).data == STORY  # an encoded page within the cap is unpacked


def test_body_reading_stops_at_the_cap_while_the_stream_goes_on() -> None:
    bomb = _bomb(32)
    pulled: list[int] = []

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(bomb), 1024):
            pulled.append(start)
            yield bomb[start:start + 1024]

    with pytest.raises(UnreadableInput, match="unpacks to more than the 65536-byte limit"):
        body_of(chunks(), "gzip", "bomb", 65536)
    assert len(pulled) < 4  # stopped within the first chunks of about 32
    with pytest.raises(UnreadableInput, match="page is larger than the 10-byte limit"):
        body_of(iter([b"123456", b"789012"]), None, "big", 10)
    with pytest.raises(UnreadableInput, match="unsupported Content-Encoding 'br'"):
        body_of(iter([b"x"]), "br", "brotli", 10)
    two_members = gzip.compress(b"first ") + gzip.compress(b"second")
    assert body_of(iter([two_members]), "gzip", "members", 100) == b"first second"


# --- feeds and the command line ------------------------------------------------------------------------------

def _feed(link: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Planet</title><link>{link}</link>'
            f"<item><title>Story</title><link>{link}</link><description>Read more...</description></item>"
            "</channel></rss>").encode()


def test_feed_item_links_go_through_the_same_guard(serve: Callable[..., Site], tmp_path: Path) -> None:
    secret = serve({"/story": page()})
    feed = tmp_path / "local.rss"
    feed.write_bytes(_feed(f"{secret.base}/story"))
    [failure] = list(iter_articles([str(feed)], IngestOptions(languages=())))
    assert isinstance(failure, Failure) and secret.hits == []
    assert failure.reason == "refused: 127.0.0.1 is a loopback address (--allow-private-urls allows it)"
    [article] = list(iter_articles([str(feed)], IngestOptions(languages=(), allow_private_urls=True)))
    assert isinstance(article, Article) and article.url == f"{secret.base}/story"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_extract_refuses_a_loopback_url_unless_allowed(serve: Callable[..., Site]) -> None:
    site = serve({"/story": page()})
    url = f"{site.base}/story"
    refused = _run("extract", "--url", url)
    assert refused.returncode == 1 and refused.stdout == "" and site.hits == []
    assert refused.stderr == (f"eventwire: {url}: refused: 127.0.0.1 is a loopback address "
                              "(--allow-private-urls allows it)\n")
    allowed = _run("extract", "--url", url, "--format", "jsonl", env={"EVENTWIRE_ALLOW_PRIVATE_URLS": "1"})
    assert allowed.returncode == 0, allowed.stderr
    assert site.hits == ["/story"] and allowed.stdout


def test_ingest_records_a_refused_url_and_fetches_it_when_allowed(serve: Callable[..., Site],
                                                                   tmp_path: Path) -> None:
    site = serve({"/story": page()})
    url, db = f"{site.base}/story", str(tmp_path / "events.duckdb")
    refused = _run("ingest", "--url", url, "--db", db)
    assert refused.returncode == 1 and site.hits == []
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT source, reason FROM failures").fetchall() == [
            (url, "refused: 127.0.0.1 is a loopback address (--allow-private-urls allows it)")]
    allowed = _run("ingest", "--url", url, "--db", db, "--allow-private-urls")
    assert allowed.returncode == 0, allowed.stderr
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT url FROM articles").fetchall() == [(url,)]
