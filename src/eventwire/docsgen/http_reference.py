"""The HTTP API reference, from the server's own OpenAPI spec (the one Swagger shows at /docs): every endpoint
with its parameters, request body and answers, readable without a running server."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from eventwire.docsgen.markdown import GENERATED_NOTE, code, table


def openapi_spec() -> dict[str, Any]:
    """The spec of a server with ingest on (so POST /ingest is listed), over an empty database."""
    from eventwire.api import ApiConfig, create_app
    from eventwire.store.database import Store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "events.duckdb"
        Store(db).close()
        app = create_app(ApiConfig(db=db, allow_ingest=True))
        try:
            return app.openapi()
        finally:
            app.state.db.close()


def schema_type(schema: dict[str, Any]) -> str:
    """`string`, `integer 1-4`, `number 0.0-1.0`, ...: the schema's type and bounds, null left out."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    parts = []
    for option in options:
        text = option.get("type", option.get("$ref", "").rsplit("/", 1)[-1] or "any")
        if "minimum" in option or "maximum" in option:
            text += f" {option.get('minimum', '')}-{option.get('maximum', '')}"
        if "maxLength" in option:
            text += f" (at most {option['maxLength']} characters)"
        parts.append(text)
    return " or ".join(parts)


def http_page(spec: dict[str, Any]) -> str:
    parts = ["# HTTP API reference\n\n", GENERATED_NOTE.format(source="the server's OpenAPI spec"),
             "Every endpoint of `eventwire serve`, from the same OpenAPI spec the server publishes at "
             "`/openapi.json` and shows interactively (Swagger UI) at [/docs](/docs). Every answer is JSON; every "
             "error is `{\"error\": {\"status\": 404, \"message\": \"...\"}}`. What each endpoint returns, and "
             "what the server refuses, is in [HTTP API and dashboard](../guide/server.md); the event fields are "
             "described in [Output fields and columns](fields.md).\n\n"]
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            parts.append(f"## {method.upper()} `{path}`\n\n{op.get('summary', '')}.\n\n")
            if op.get("description"):
                parts.append(" ".join(op["description"].split()) + "\n\n")
            params = op.get("parameters", [])
            if params:
                parts.append(table(("parameter", "in", "type", "required", "meaning"),
                                   [(code(p["name"]), p["in"], schema_type(p.get("schema", {})),
                                     "yes" if p.get("required") else "", p.get("description", ""))
                                    for p in params]) + "\n")
            body = op.get("requestBody", {}).get("content", {})
            if body:
                parts.append("Request body: " + ", ".join(code(kind) for kind in body) + ".\n\n")
            answers = op.get("responses", {})
            parts.append("Answers: " + "; ".join(f"{status} {answer.get('description', '')}".strip()
                                                 for status, answer in answers.items()) + ".\n\n")
    return "".join(parts)
