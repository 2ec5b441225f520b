"""The dashboard's static files at `/`, or, when they are not built, a page saying how to build them."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from eventwire.api.config import ApiConfig

BUILD_HINT = ("The dashboard is not built. From the eventwire checkout run `make web` "
              "(that is `cd web && npm ci && npm run build`), then restart `eventwire serve`. "
              "The API works without it: see /docs.")


def mount_dashboard(app: FastAPI, config: ApiConfig) -> None:
    """Mounted last: API routes declared before it win, and every other path is a static file."""
    if config.dashboard_built:
        app.mount("/", StaticFiles(directory=config.static_dir, html=True), name="dashboard")
        return

    @app.get("/", include_in_schema=False)
    def not_built() -> HTMLResponse:
        return HTMLResponse("<!doctype html><html><head><meta charset='utf-8'><title>eventwire</title></head>"
                            f"<body><h1>eventwire</h1><p>{BUILD_HINT}</p></body></html>")
