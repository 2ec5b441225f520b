"""Who may talk to the server, and what every answer tells the browser. The outermost middleware, so its
headers are on every answer, errors included.

- Host: only the names this server answers to (ApiConfig.allowed_hosts). A DNS-rebinding page reaches
  the server under its own domain name, which the browser sends as Host: refused 400.
- Origin: a request that can change something (any method but GET, HEAD, OPTIONS) sent by a browser
  from another origin is refused 403, before its body is read: another site's page can POST text/plain
  to this server without a CORS preflight, and with `--allow-ingest` that stores an article. Browsers
  send Origin on every cross-origin POST (and Sec-Fetch-Site, checked too); a request without either
  is not from another site's page (curl, scripts) and passes.
- Every answer carries a Content-Security-Policy that runs only this server's own script files (no
  inline script, no eval, nothing from elsewhere), forbids framing, and turns off MIME sniffing.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.config import ApiConfig
from eventwire.api.errors import send_error

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Inline styles are refused too: the dashboard sets colours through the CSSOM (element.style), which
# CSP allows, never through style attributes or <style> elements. data: images are Swagger UI's icons.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def host_name(host: str) -> str:
    """The name in a Host header, without its port: `[::1]:8000` -> `::1`, `Example.org.:80` -> `example.org`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        host = host.split(":")[0]
    return host.rstrip(".")


def is_ip_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class RequestGuard:
    def __init__(self, app: ASGIApp, config: ApiConfig) -> None:
        self.app = app
        self.any_host = "*" in config.allowed_hosts
        self.hosts = frozenset(config.allowed_hosts)
        self.any_ip_host = config.any_ip_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        refusal = self.host_refusal(headers.get("host", ""))
        if refusal is None and scope["method"] not in SAFE_METHODS:
            refusal = self.origin_refusal(headers)
        if refusal is not None:
            status, message = refusal
            await send_error(with_headers, status, message, close=True)
            return
        await self.app(scope, receive, with_headers)

    def host_refusal(self, host: str) -> tuple[int, str] | None:
        name = host_name(host)
        if self.any_host or name in self.hosts or (self.any_ip_host and is_ip_address(name)):
            return None
        return 400, (f"Host '{host}' is not a name this server answers to ({', '.join(sorted(self.hosts))}); "
                     "add it with `eventwire serve --allowed-host NAME`")

    @staticmethod
    def origin_refusal(headers: dict[str, str]) -> tuple[int, str] | None:
        origin = headers.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or parts.netloc.lower() != headers.get("host", "").lower():
                return 403, f"cross-origin request refused: Origin '{origin}' is not this server"
        site = headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return 403, f"cross-origin request refused: the browser says it comes from a {site} page"
        return None
