"""Pages over HTTP(S): one GET with a timeout, a size cap and a clear error for every way it can fail."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from eventwire import __version__
from eventwire.errors import UnreadableInput
from eventwire.ingest.raw import MAX_BYTES

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire/eventwire)"


@dataclass(frozen=True)
class Fetched:
    url: str            # after redirects
    data: bytes
    content_type: str | None


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = 20.0) -> Fetched:
    """GET `url`; raises UnreadableInput naming the URL on a bad status, a network error or a huge body."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        raise UnreadableInput(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UnreadableInput(url, f"cannot fetch: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise UnreadableInput(url, f"cannot fetch: {exc}") from None
    if len(data) > MAX_BYTES:
        raise UnreadableInput(url, f"page is larger than the {MAX_BYTES}-byte limit")
    return Fetched(final_url, data, content_type)
