"""Request body limits, enforced while the body arrives: its size (declared length and streamed bytes)
and the time it takes (a client dripping its body holds a connection and a request slot).

A refused body is answered with the JSON error and `Connection: close`: the rest of it is never read.
The deadline for a request's head, before any ASGI app runs, is the protocol's (api/server.py).
"""

from __future__ import annotations

import anyio
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.errors import CLOSE, send_error


class BodyRefused(HTTPException):
    """Raised from `receive` while a handler reads the body; an HTTPException so any layer answers JSON."""


class BodyTooLarge(BodyRefused):
    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body larger than {max_bytes} bytes")


class BodyTooSlow(BodyRefused):
    def __init__(self, seconds: float) -> None:
        super().__init__(408, f"request body not received within {seconds:g} seconds")


class BodyLimits:
    """413 when Content-Length exceeds `max_bytes` or a chunked body grows past it; 408 when the body is
    not all there `deadline` seconds after the request's head."""

    def __init__(self, app: ASGIApp, max_bytes: int, deadline: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.deadline = deadline

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                too_large = BodyTooLarge(self.max_bytes)
                await send_error(send, too_large.status_code, too_large.detail, close=True)
                return
        ends_at = anyio.current_time() + self.deadline
        seen = 0
        complete = False
        refused = False
        started = False

        async def limited_receive() -> Message:
            nonlocal seen, complete, refused
            if complete:  # later calls only wait for a disconnect: no deadline on those
                return await receive()
            try:
                with anyio.fail_after(max(0.0, ends_at - anyio.current_time())):
                    message = await receive()
            except TimeoutError:
                refused = True
                raise BodyTooSlow(self.deadline) from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if seen > self.max_bytes:
                    refused = True
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def closing_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if refused:
                    message = {**message, "headers": [*message.get("headers", []), CLOSE]}
            await send(message)

        try:
            await self.app(scope, limited_receive, closing_send)
        except BodyRefused as exc:  # raised where no exception handler caught it
            if not started:
                await send_error(send, exc.status_code, exc.detail, close=True)
