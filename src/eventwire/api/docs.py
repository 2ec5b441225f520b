"""GET /docs without a CDN: Swagger UI from the dashboard build (npm's swagger-ui-dist), else a plain
page listing every endpoint from the OpenAPI spec. Either way nothing is fetched from elsewhere, and no
inline script runs (the Content-Security-Policy forbids it): Swagger UI starts from /docs/start.js."""

from __future__ import annotations

import html
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from eventwire.api.deps import get_config

router = APIRouter(include_in_schema=False)

SWAGGER_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/swagger/swagger-ui.css"><link rel="icon" href="/swagger/favicon-32x32.png">
<title>eventwire API</title></head>
<body><div id="swagger-ui"></div>
<script src="/swagger/swagger-ui-bundle.js"></script><script src="/docs/start.js"></script></body></html>
"""
# FastAPI's own Swagger settings; validatorUrl off: its default badge calls validator.swagger.io.
SWAGGER_OPTIONS = {"url": "/openapi.json", "dom_id": "#swagger-ui", "layout": "BaseLayout", "deepLinking": True,
                   "showExtensions": True, "showCommonExtensions": True, "validatorUrl": None}
SWAGGER_START = (f"window.ui = SwaggerUIBundle(Object.assign({json.dumps(SWAGGER_OPTIONS)}, "
                 "{presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]}));\n")


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    config = get_config(request)
    if (config.static_dir / "swagger" / "swagger-ui-bundle.js").is_file():
        return HTMLResponse(SWAGGER_PAGE)
    return HTMLResponse(plain_docs(request.app.openapi()))


@router.get("/docs/start.js")
def swagger_start() -> Response:
    return Response(SWAGGER_START, media_type="text/javascript")


def plain_docs(spec: dict[str, Any]) -> str:
    """Every operation with its parameters, from the spec itself (so it cannot drift)."""
    parts = [f"<h1>{html.escape(spec['info']['title'])}</h1>",
             "<p>The full spec is at <a href='/openapi.json'>/openapi.json</a>. Build the dashboard "
             "(<code>make web</code>) for the interactive Swagger UI. The user guide is at "
             "<a href='/guide/'>/guide</a>.</p>"]
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
