"""`eventwire serve`: the HTTP API and the dashboard over one database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import cannot_run, settings_for
from eventwire.errors import CannotRun


def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path("events.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Enable POST /ingest (opens the database "
                                                                      "read-write).")] = False,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", help="Largest request body accepted.")] = 5.0,
    model: Annotated[str | None, typer.Option(help="spaCy model for POST /extract and /ingest.")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard at http://HOST:PORT/."""
    try:
        import uvicorn

        from eventwire.api import ApiConfig, create_app
        from eventwire.api.dashboard import BUILD_HINT
    except ImportError as exc:
        cannot_run(CannotRun(f"serve: {exc.name} is not installed: pip install 'eventwire[serve]'"))
    config = ApiConfig(db=db, allow_ingest=allow_ingest, max_body_bytes=int(max_body_mb * 1024 * 1024),
                       settings=settings_for(model))
    try:
        app = create_app(config)
    except CannotRun as exc:  # the database is missing, locked, foreign or too new
        cannot_run(exc)
    base = f"http://{host}:{port}"
    typer.echo(f"eventwire: serving {db} ({'read-write, POST /ingest on' if allow_ingest else 'read-only'}) "
               f"at {base}/ ; API docs at {base}/docs", err=True)
    if not config.dashboard_built:
        typer.echo(f"eventwire: {BUILD_HINT}", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        app.state.db.close()
