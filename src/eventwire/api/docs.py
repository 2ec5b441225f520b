"""GET /docs without a CDN: Swagger UI from the dashboard build (npm's swagger-ui-dist), else a plain
page listing every endpoint from the OpenAPI spec. Either way nothing is fetched from elsewhere."""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from eventwire.api.deps import get_config

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    config = get_config(request)
    if (config.static_dir / "swagger" / "swagger-ui-bundle.js").is_file():
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="eventwire API",
            swagger_js_url="/swagger/swagger-ui-bundle.js", swagger_css_url="/swagger/swagger-ui.css",
            swagger_favicon_url="/swagger/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # its default badge calls validator.swagger.io
        )
    return HTMLResponse(plain_docs(request.app.openapi()))


def plain_docs(spec: dict[str, Any]) -> str:
    """Every operation with its parameters, from the spec itself (so it cannot drift)."""
    parts = [f"<h1>{html.escape(spec['info']['title'])}</h1>",
             "<p>The full spec is at <a href='/openapi.json'>/openapi.json</a>. Build the dashboard "
             "(<code>make web</code>) for the interactive Swagger UI.</p>"]
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            parts.append(f"<h2><code>{method.upper()} {html.escape(path)}</code></h2>"
                         f"<p>{html.escape(op.get('summary', ''))}</p>")
            params = op.get("parameters", [])
            if params:
                parts.append("<ul>" + "".join(
                    f"<li><code>{html.escape(p['name'])}</code> ({p['in']}): "
                    f"{html.escape(p.get('description', '') or '')}</li>" for p in params) + "</ul>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>eventwire API</title></head><body>"
            + "".join(parts) + "</body></html>")
