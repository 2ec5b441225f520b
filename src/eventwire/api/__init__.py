"""HTTP API and offline dashboard over an eventwire database (`eventwire serve`).

`create_app` is imported on first use: the command line reads `api.config` for `serve`'s options, and
importing FastAPI there would cost every command (`extract` too) a second and need the `serve` extra."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventwire.api.app import create_app
    from eventwire.api.config import ApiConfig

__all__ = ["ApiConfig", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from eventwire.api.app import create_app

        return create_app
    if name == "ApiConfig":
        from eventwire.api.config import ApiConfig

        return ApiConfig
    raise AttributeError(f"module 'eventwire.api' has no attribute {name!r}")
