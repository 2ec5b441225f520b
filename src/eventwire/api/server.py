"""The app under uvicorn, with a deadline for slow clients.

uvicorn's keep-alive timer restarts on every byte received and is not armed at all while a request's
head arrives, so a client sending a header byte a second holds its connection for ever (slowloris). Its
h11 protocol is given a head deadline here: a connection whose request head is not complete within
`client_timeout` seconds of opening, or of the previous answer, is closed. The body has the same time
again once the head is in (api/limits.py, answered 408). The h11 protocol is used whatever else is
installed (httptools), so the deadline always holds.
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from eventwire.api.config import ApiConfig


class HeadDeadlineProtocol(H11Protocol):
    head_timeout: float = 20.0  # set per server by protocol_with_head_deadline
    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        if not self.transport.is_closing():
            self._head_timer = self.loop.call_later(self.head_timeout, self._head_overdue)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_overdue(self) -> None:
        self._head_timer = None
        answering = self.cycle is not None and not self.cycle.response_complete
        if not answering and not self.transport.is_closing():  # no request under way: its head never came
            self.transport.close()


def protocol_with_head_deadline(seconds: float) -> type[H11Protocol]:
    return type("HeadDeadlineProtocol", (HeadDeadlineProtocol,), {"head_timeout": seconds})


def server_config(app: FastAPI, host: str, port: int, **uvicorn_options: Any) -> uvicorn.Config:
    """How `eventwire serve` runs the app; the deadline comes from the app's ApiConfig."""
    config: ApiConfig = app.state.config
    options: dict[str, Any] = {"log_level": "warning", "timeout_keep_alive": 5, **uvicorn_options}
    return uvicorn.Config(app, host=host, port=port, http=protocol_with_head_deadline(config.client_timeout),
                          **options)
