"""The server against hostile clients: other sites' pages (CSRF, DNS rebinding), script in stored URLs,
bodies built to blow up memory or hold the pipeline, and clients that send a byte a second."""

from __future__ import annotations

import json
import select
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eventwire.api import ApiConfig, body, create_app
from eventwire.api.config import hosts_for
from eventwire.api.server import server_config
from tests.api.test_api import NO_STATIC, assert_error, cli, local_client
from tests.conftest import EVENTWIRE, EXAMPLES, free_port

ARTICLE = (EXAMPLES / "attack_borno.txt").read_text(encoding="utf-8")


def no_pipeline() -> Any:
    pytest.fail("the pipeline must not run for a refused request")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("securedb") / "events.duckdb"
    cli("ingest", str(EXAMPLES / "attack_borno.txt"), "--db", str(path))
    return path


@pytest.fixture
def writable(db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "events.duckdb"
    shutil.copy(db, copy)
    return copy


@pytest.fixture(scope="module")
def client(db: Path, pipeline: Any) -> Iterator[TestClient]:
    with local_client(create_app(ApiConfig(db=db, static_dir=NO_STATIC), load_pipeline=lambda: pipeline)) as c:
        yield c


# --- what every answer tells the browser -------------------------------------------------------------------------

def test_every_response_forbids_inline_script_sniffing_and_framing(client: TestClient) -> None:
    answers = [client.get("/stats"), client.get("/docs"), client.get("/"), client.get("/events/nope"),
               client.post("/extract", content=b"", headers={"content-type": "text/plain"})]
    assert [r.status_code for r in answers] == [200, 200, 200, 404, 422]
    for r in answers:
        policy = {d.split()[0]: d.split()[1:] for d in r.headers["content-security-policy"].split("; ")}
        assert policy["script-src"] == ["'self'"] and policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


# --- Host and Origin ---------------------------------------------------------------------------------------------

def test_a_host_header_naming_another_site_is_refused(db: Path) -> None:
    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC), load_pipeline=no_pipeline)
    with local_client(app) as c:
        for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example", "10.0.0.5:8000"):
            assert host in assert_error(c.get("/stats", headers={"host": host}), 400)
        for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000"):
            assert c.get("/stats", headers={"host": host}).status_code == 200, host
    named = ApiConfig(db=db, static_dir=NO_STATIC, allowed_hosts=("127.0.0.1", "events.example"))
    with local_client(create_app(named, load_pipeline=no_pipeline)) as c:
        assert c.get("/stats", headers={"host": "events.example:8000"}).status_code == 200
        assert_error(c.get("/stats", headers={"host": "attacker.example"}), 400)
    everywhere = ApiConfig(db=db, static_dir=NO_STATIC, any_ip_host=True)  # serve --host 0.0.0.0
    with local_client(create_app(everywhere, load_pipeline=no_pipeline)) as c:
        assert c.get("/stats", headers={"host": "10.0.0.5:8000"}).status_code == 200
        assert_error(c.get("/stats", headers={"host": "attacker.example"}), 400)


def test_a_cross_origin_post_stores_nothing(writable: Path) -> None:
    app = create_app(ApiConfig(db=writable, static_dir=NO_STATIC, allow_ingest=True), load_pipeline=no_pipeline)
    with local_client(app) as c:
        before = c.get("/stats").json()["articles"]
        # What another site's page can send without a CORS preflight: a text/plain POST.
        for headers in ({"origin": "http://attacker.example"}, {"origin": "null"},
                        {"origin": "http://127.0.0.1:9999"}, {"sec-fetch-site": "cross-site"}):
            message = assert_error(c.post("/ingest", content=ARTICLE.encode(),
                                          headers={"content-type": "text/plain", **headers}), 403)
            assert "cross-origin" in message
            assert_error(c.post("/extract", json={"text": ARTICLE}, headers=headers), 403)
        assert c.get("/stats").json()["articles"] == before
        # Reads stay open to any origin's scripts? No: the browser's same-origin policy keeps their answers
        # from other sites; a GET changes nothing, so it is not refused.
        assert c.get("/stats", headers={"origin": "http://attacker.example"}).status_code == 200


def test_same_origin_and_command_line_posts_pass(writable: Path, pipeline: Any) -> None:
    app = create_app(ApiConfig(db=writable, static_dir=NO_STATIC, allow_ingest=True), load_pipeline=lambda: pipeline)
    with local_client(app) as c:
        dashboard = {"origin": "http://127.0.0.1:8000", "sec-fetch-site": "same-origin"}
        assert c.post("/extract", json={"text": ARTICLE}, headers=dashboard).status_code == 200
        curl = c.post("/ingest", content=ARTICLE.replace("Damboa", "Gwoza").encode(),
                      headers={"content-type": "text/plain"})  # no Origin: not a browser
        assert curl.status_code == 200, curl.text
        assert curl.json()["outcome"] == "added"


# --- URLs --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "//attacker.example/x", "http:/x",
                                 "vbscript:msgbox(1)", "https://example.org/a b"])
def test_an_article_url_that_is_not_http_is_refused_and_not_stored(writable: Path, pipeline: Any, url: str) -> None:
    app = create_app(ApiConfig(db=writable, static_dir=NO_STATIC, allow_ingest=True), load_pipeline=lambda: pipeline)
    with local_client(app) as c:
        new_story = ARTICLE.replace("Damboa", "Gwoza")
        message = assert_error(c.post("/ingest", json={"text": new_story, "url": url}), 422)
        assert message.startswith("body.url:") and "http" in message
        assert_error(c.post("/extract", json={"text": ARTICLE, "url": url}), 422)
    with app.state.db.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles WHERE url = ?", [url]).fetchone() == (0,)


# --- bodies too big to code --------------------------------------------------------------------------------------

def long_text(chars: int) -> bytes:
    """Distinct paragraphs (the scraped-text cleaner drops repeated ones), `chars` bytes in all."""
    paragraphs, size, i = [], 0, 0
    while size < chars:
        p = (f"In report number {i}, officials in the district of Town{i} said that {i % 97} soldiers had met "
             f"local leaders on day {i % 28 + 1} to discuss the ceasefire and the return of {i * 7 % 1000} families.")
        paragraphs.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(paragraphs).encode()


def test_a_text_longer_than_one_parse_is_413_not_500(client: TestClient) -> None:
    text = long_text(4_800_000)  # under the 5 MB body limit, over the 1,000,000-character text limit
    message = assert_error(client.post("/extract", content=text, headers={"content-type": "text/plain"}), 413)
    assert "1000000-character limit" in message
    assert_error(client.post("/extract", json={"text": text.decode()}), 413)


def gzip_of_zeros(megabytes: int) -> bytes:
    """A gzip bomb built a megabyte at a time (the test itself never holds the unpacked bytes)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1024 * 1024)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def test_a_gzip_bomb_is_413(client: TestClient) -> None:
    bomb = gzip_of_zeros(64)
    assert len(bomb) < 100_000
    message = assert_error(client.post("/extract", content=bomb, headers={"content-type": "text/plain"}), 413)
    assert "unpacks to more than" in message
    assert_error(client.post("/extract", content=bomb, headers={"content-type": "application/json"}), 413)
    # Two gzip members: the second one is the bomb.
    two = zlib.compress(b"", wbits=16 + zlib.MAX_WBITS) + bomb
    assert_error(client.post("/extract", content=two, headers={"content-type": "text/plain"}), 413)


def test_a_gzipped_article_is_read_and_a_broken_one_is_422(client: TestClient) -> None:
    packed = zlib.compress(ARTICLE.encode(), wbits=16 + zlib.MAX_WBITS)
    r = client.post("/extract", content=packed, headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    assert r.json()["article"]["title"].startswith("Seven soldiers killed")
    as_json = zlib.compress(json.dumps({"text": ARTICLE}).encode(), wbits=16 + zlib.MAX_WBITS)
    assert client.post("/extract", content=as_json, headers={"content-type": "application/json"}).status_code == 200
    assert "gzip" in assert_error(client.post("/extract", content=packed[:200], headers={"content-type": "text/plain"}),
                                  422)
    twice = zlib.compress(packed, wbits=16 + zlib.MAX_WBITS)
    assert "gzip inside gzip" in assert_error(client.post("/extract", content=twice,
                                                          headers={"content-type": "text/plain"}), 422)


# --- slow clients and a busy server: a real uvicorn on 127.0.0.1 -------------------------------------------------

@contextmanager
def running(app: FastAPI) -> Iterator[int]:
    """The app under uvicorn as `eventwire serve` runs it, in a thread; yields the port."""
    port = free_port()
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _unread(sock: socket.socket) -> bytes:
    """What a socket the peer closed still holds: a reply can arrive just before the close that makes the next
    send fail."""
    sock.settimeout(0.5)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except OSError:
        pass
    return data


def test_clients_sending_a_byte_a_second_are_closed_at_the_deadline(db: Path) -> None:
    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC, client_timeout=2.0), load_pipeline=no_pipeline)
    heads = b"GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
    bodies = (b"POST /extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
              b"Content-Length: 100000\r\n\r\nSome words")
    with running(app) as port:
        socks = {socket.create_connection(("127.0.0.1", port)): start for start in [heads] * 10 + [bodies] * 10}
        for sock, start in socks.items():
            sock.sendall(start)
        opened = time.monotonic()
        replies = {sock: b"" for sock in socks}
        closed_after: dict[socket.socket, float] = {}
        try:
            while len(closed_after) < len(socks) and time.monotonic() - opened < 15:
                for sock in socks:
                    if sock in closed_after:
                        continue
                    try:
                        sock.send(b"a")
                    except OSError:  # closed by the server: what it said before closing is still to be read
                        closed_after[sock] = time.monotonic() - opened
                        replies[sock] += _unread(sock)
                readable, _, _ = select.select([s for s in socks if s not in closed_after], [], [], 1.0)
                for sock in readable:
                    try:
                        data = sock.recv(65536)
                    except OSError:
                        data = b""
                    replies[sock] += data
                    if not data:
                        closed_after[sock] = time.monotonic() - opened
        finally:
            for sock in socks:
                sock.close()
    assert len(closed_after) == 20, f"{20 - len(closed_after)} of 20 slow connections still open after 15 s"
    assert max(closed_after.values()) < 2.0 + 4.0  # the deadline, with room for a loaded machine
    for sock, start in socks.items():
        if start is bodies:  # a request was under way: it is told why
            assert replies[sock].startswith(b"HTTP/1.1 408"), replies[sock][:100]
            assert b"2 seconds" in replies[sock]


def test_other_requests_are_answered_while_an_article_is_read(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reading, release = threading.Event(), threading.Event()
    real = body.article_from_bytes

    def slow_reader(*args: Any, **kwargs: Any) -> Any:
        reading.set()
        release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(body, "article_from_bytes", slow_reader)
    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC), load_pipeline=no_pipeline)
    outcome: list[int] = []

    def post() -> None:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/extract", data=b"Too short.",
                                         headers={"content-type": "text/plain"})
        try:
            urllib.request.urlopen(request, timeout=60).close()
        except urllib.error.HTTPError as exc:
            outcome.append(exc.code)
            exc.close()

    with running(app) as port:
        poster = threading.Thread(target=post)
        poster.start()
        try:
            assert reading.wait(30)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=10) as r:
                assert r.status == 200 and json.load(r)["articles"] == 1
        finally:
            release.set()
            poster.join(timeout=60)
    assert outcome == [422]  # then the article is read, and found too short


def test_serve_answers_to_the_names_it_is_given(db: Path, tmp_path: Path) -> None:
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen([EVENTWIRE, "serve", "--db", str(db), "--port", str(port),
                                 "--allowed-host", "events.example"], stdout=log, stderr=subprocess.STDOUT)
    try:
        def status(host: str) -> int:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                sock.sendall(f"GET /stats HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
                return int(sock.makefile("rb").readline().split()[1])

        deadline = time.monotonic() + 60
        while True:
            try:
                first = status(f"127.0.0.1:{port}")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text(encoding="utf-8")
                time.sleep(0.2)
        assert [first, status(f"events.example:{port}"), status("attacker.example")] == [200, 200, 400]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert hosts_for("0.0.0.0") == ("127.0.0.1", "localhost", "::1")  # with any_ip_host: see above
