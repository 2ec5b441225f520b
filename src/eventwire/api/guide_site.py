"""The documentation site at /guide (built by `make docs` into api/guide/), beside the dashboard at / and the
API reference at /docs; when it is not built, /guide says how to build it."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from eventwire.api.config import ApiConfig

GUIDE_PATH = "/guide"
BUILD_HINT = ("The documentation site is not built. From the eventwire checkout run `make docs`, then restart "
              "`eventwire serve`. The API reference is at /docs.")


def mount_guide(app: FastAPI, config: ApiConfig) -> None:
    """Mounted before the dashboard, whose mount at / would otherwise answer every /guide path."""

    # HEAD as well as GET: link checkers and `curl -I` ask with HEAD (a plain @app.get answers it 404)
    @app.api_route(GUIDE_PATH, methods=["GET", "HEAD"], include_in_schema=False)
    def guide_root() -> RedirectResponse:
        return RedirectResponse(f"{GUIDE_PATH}/")  # relative links in the site resolve under /guide/

    if (config.guide_dir / "index.html").is_file():
        app.mount(f"{GUIDE_PATH}/", StaticFiles(directory=config.guide_dir, html=True), name="guide")
        return

    @app.api_route(GUIDE_PATH + "/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    def not_built(path: str) -> HTMLResponse:
        return HTMLResponse("<!doctype html><html><head><meta charset='utf-8'><title>eventwire guide</title></head>"
                            f"<body><h1>eventwire guide</h1><p>{BUILD_HINT}</p></body></html>", status_code=404)
