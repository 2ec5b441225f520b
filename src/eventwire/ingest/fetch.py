"""Pages over HTTP(S): one GET that a URL cannot turn against the machine eventwire runs on, with a clear
error for every way it can fail.

- Only http(s) URLs, on the first request and on every redirect (no ftp://, file://...).
- Every hop's host is resolved once and each address vetted (addresses.py: no loopback, private, link-local,
  multicast, reserved or unspecified address unless allowed); the connection goes to a vetted address while
  the Host header and the TLS name and certificate check stay the URL's host, so a DNS answer that changes
  after the check (rebinding) is never used. Redirects are followed here, one vetted hop at a time.
- One deadline for the whole fetch: DNS, connect, redirects and every read; a server dripping a byte at a time
  is cut off when it passes.
- The body is read, and unpacked from its Content-Encoding, under the size cap as it arrives (http_body.py).

eventwire connects directly: HTTP(S)_PROXY settings are not used (a proxy would resolve and connect itself,
past the checks).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit

from eventwire import __version__
from eventwire.errors import UnreadableInput
from eventwire.ingest.addresses import EVERY_NETWORK, Address, AddressRefused, IPNetwork, Refused, vetted_addresses
from eventwire.ingest.http_body import body_of
from eventwire.ingest.raw import MAX_BYTES

if TYPE_CHECKING:
    from eventwire.ingest.options import IngestOptions

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire/eventwire)"
ALLOW_HINT = "--allow-private-urls allows it"
_SCHEMES = {"http": 80, "https": 443}
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
_URL_SAFE = "/?&=%:@!$'()*+,;~-._"


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The TLS settings of every https fetch: the system's certificate authorities, the host name checked.
    Made once (loading the authorities takes a while); a test may put its own in place."""
    return ssl.create_default_context()


@dataclass(frozen=True)
class Fetched:
    url: str            # after redirects
    data: bytes
    content_type: str | None


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do. The CLI's --allow-private-urls allows every network; a library caller (or a test)
    may allow a few (a local mirror's address) and keep the rest refused."""
    deadline: float = 30.0                        # seconds for the whole fetch: DNS, connect, redirects, reads
    allowed_networks: tuple[IPNetwork, ...] = ()  # non-public addresses that may be fetched from
    max_bytes: int = MAX_BYTES                    # body size cap, compressed and unpacked
    max_redirects: int = 10

    @classmethod
    def of(cls, options: IngestOptions) -> FetchPolicy:
        return cls(deadline=options.timeout, allowed_networks=EVERY_NETWORK if options.allow_private_urls else ())


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET `url`; raises UnreadableInput naming the URL on a refused address or scheme (of the URL or a
    redirect), a bad status, a network error, the deadline passing or a body over the cap."""
    policy = policy or FetchPolicy()
    clock = _Clock(policy.deadline)
    current = url
    for hop in range(policy.max_redirects + 1):
        try:
            outcome = _get(url, current, policy, clock)
        except Refused as exc:
            reason = f"{exc} ({ALLOW_HINT})" if isinstance(exc, AddressRefused) else str(exc)
            raise UnreadableInput(url, f"refused: {reason}" if hop == 0 else f"redirect to {current} refused: {reason}"
                                  ) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:  # ValueError: a bad port number
            if clock.expired():
                raise UnreadableInput(url, f"no complete answer within the {policy.deadline:g}-second limit"
                                      ) from None
            raise UnreadableInput(url, f"cannot fetch: {_said(exc)}") from None
        if isinstance(outcome, Fetched):
            return outcome
        current = outcome
    raise UnreadableInput(url, f"more than {policy.max_redirects} redirects")


def _get(source: str, url: str, policy: FetchPolicy, clock: _Clock) -> Fetched | str:
    """One request: the page, or the absolute URL a redirect points to."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise Refused(f"only http(s) URLs are fetched, not {scheme or 'a URL without a scheme'}")
    host = parts.hostname
    if not host:
        raise Refused("the URL names no host")
    port = parts.port or _SCHEMES[scheme]
    addresses = vetted_addresses(host, port, policy.allowed_networks, clock.left())
    connection = _PinnedConnection(host, port, addresses, scheme == "https", clock)
    watchdog = threading.Timer(clock.left(), connection.cut)  # ends any read still blocked at the deadline
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request("GET", _target(url), headers={
            "User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Encoding": "gzip, deflate", "Connection": "close"})
        with connection.getresponse() as response:
            return _outcome(source, url, response, policy, clock)
    finally:
        watchdog.cancel()
        connection.finish()


def _outcome(source: str, url: str, response: http.client.HTTPResponse, policy: FetchPolicy, clock: _Clock
             ) -> Fetched | str:
    location = response.getheader("Location")
    if response.status in _REDIRECTS and location:
        return urljoin(url, location.strip())
    if not 200 <= response.status < 300:
        raise UnreadableInput(source, f"HTTP {response.status} {response.reason}")
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise UnreadableInput(source, f"page of {declared} bytes is larger than the {policy.max_bytes}-byte limit")
    data = body_of(_chunks(response, clock), response.getheader("Content-Encoding"), source, policy.max_bytes)
    return Fetched(url, data, response.getheader("Content-Type"))


def _target(url: str) -> str:
    """The request target: path and query, with any character HTTP does not carry as it is (a feed's link
    in Cyrillic or with a space) percent-encoded; what is already encoded stays as it is."""
    parts = urlsplit(url)
    return quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=_URL_SAFE)


def _chunks(response: http.client.HTTPResponse, clock: _Clock) -> Iterator[bytes]:
    """The body as it arrives: each read returns what one receive brings, so the deadline is checked often."""
    while True:
        if clock.expired():
            raise TimeoutError("deadline passed")
        chunk = response.read1(_CHUNK)
        if not chunk:
            if clock.expired():  # the watchdog shut the socket: the body is cut, not complete
                raise TimeoutError("deadline passed")
            if response.length:  # fewer bytes than the Content-Length said
                raise http.client.IncompleteRead(b"", response.length)
            return
        yield chunk


def _said(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted ({exc.verify_message})"
    if isinstance(exc, http.client.RemoteDisconnected | http.client.IncompleteRead):
        return "the server closed the connection before the whole answer"
    return str(getattr(exc, "strerror", None) or exc or type(exc).__name__)


class _Clock:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        return left

    def expired(self) -> bool:
        return time.monotonic() >= self.end


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to addresses vetted beforehand. The Host header, TLS SNI and certificate check
    use the URL's host name; where to connect is never looked up again."""

    def __init__(self, host: str, port: int, addresses: list[Address], tls: bool, clock: _Clock) -> None:
        super().__init__(host, port)
        self.addresses = addresses
        self.clock = clock
        self.tls = tls_context() if tls else None
        self.default_port = 443 if tls else 80  # the Host header leaves the scheme's own port out
        self.lock = threading.Lock()
        self.wire: socket.socket | None = None  # the socket a response reads from, for cut()
        self.done = False

    def connect(self) -> None:
        last: OSError = OSError("no address to connect to")
        for address in self.addresses:
            raw = socket.socket(address.family, socket.SOCK_STREAM)
            wire = raw
            try:
                raw.settimeout(self.clock.left())  # each wait on the socket ends by the deadline at the latest
                raw.connect(address.sockaddr)
                self._reach(raw)
                if self.tls is not None:
                    wire = self.tls.wrap_socket(raw, server_hostname=self.host, do_handshake_on_connect=False)
                    self._reach(wire)  # and a handshake
                    wire.do_handshake()
                self.sock = wire
                return
            except OSError as exc:
                self._reach(None)
                wire.close()
                raw.close()  # after wrapping, the TLS socket owns the descriptor and this does nothing
                last = exc
        raise last

    def cut(self) -> None:
        """Shut the socket from the watchdog thread: whatever read or connect is blocked on it returns at once
        (the response may still hold the socket after the connection let go of it)."""
        with self.lock:
            if self.done or self.wire is None:
                return
            with contextlib.suppress(OSError):  # already closed
                socket.socket.shutdown(self.wire, socket.SHUT_RDWR)

    def finish(self) -> None:
        """Close for good; a late cut() does nothing."""
        with self.lock:
            self.done = True
            self.wire = None
        self.close()

    def _reach(self, wire: socket.socket | None) -> None:
        with self.lock:
            self.wire = wire
