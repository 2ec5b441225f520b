"""What the API server needs to know: the database, whether writes are allowed, its limits, the names it
answers to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.settings import Settings

# Where `make web` writes the built dashboard (gitignored; listed as package data).
PACKAGED_STATIC = Path(__file__).resolve().parent / "static"
# Where `make docs` writes the built documentation site, served at /guide (gitignored; listed as package data).
PACKAGED_GUIDE = Path(__file__).resolve().parent / "guide"
# ingest.sources reads pages up to 20 MB from disk; over HTTP one pasted article is far smaller.
DEFAULT_MAX_BODY = 5 * 1024 * 1024
# spaCy's nlp.max_length: one parse's worth. A news story is a few thousand characters; a longer text would
# hold the one pipeline for minutes while every other extraction waits.
DEFAULT_MAX_TEXT_CHARS = 1_000_000
# Seconds a client has to send a request's head (from connecting, or from the previous answer) and again
# its body (from the head): a slow sender cannot hold a connection longer.
DEFAULT_CLIENT_TIMEOUT = 20.0
# The names a server on this machine always answers to; `serve` adds --host and --allowed-host.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ApiConfig:
    db: Path
    allow_ingest: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    client_timeout: float = DEFAULT_CLIENT_TIMEOUT
    # Host header names accepted (lower case, no port); "*" accepts any (no DNS-rebinding defence).
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    # When listening on every interface (0.0.0.0, ::), a bare IP address in Host is one of this machine's:
    # a DNS-rebinding page can only send its own domain name, so IP literals stay safe to accept.
    any_ip_host: bool = False
    settings: Settings = field(default_factory=Settings)
    static_dir: Path = PACKAGED_STATIC
    guide_dir: Path = PACKAGED_GUIDE

    @property
    def dashboard_built(self) -> bool:
        return (self.static_dir / "index.html").is_file()


def hosts_for(listen_host: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The Host names a server listening on `listen_host` accepts: this machine's loopback names, the
    address it listens on (unless every address: see ApiConfig.any_ip_host), and the names the user added."""
    names = [*LOCAL_HOSTS, *([] if listens_everywhere(listen_host) else [listen_host]), *extra]
    return tuple(dict.fromkeys(n.strip().lower().strip("[]").rstrip(".") for n in names if n.strip()))


def listens_everywhere(listen_host: str) -> bool:
    return listen_host.strip("[]") in ("0.0.0.0", "::", "")
