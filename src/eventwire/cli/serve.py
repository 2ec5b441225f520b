"""`eventwire serve`: the HTTP API and the dashboard over one database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.api.config import DEFAULT_CLIENT_TIMEOUT, DEFAULT_MAX_TEXT_CHARS, hosts_for, listens_everywhere
from eventwire.cli.common import cannot_run, settings_for
from eventwire.errors import CannotRun


def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path("events.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help=(
        "Enable POST /ingest (opens the database read-write while it saves an article)."))] = False,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", help="Largest request body accepted (also once "
                                                                     "a gzipped body is unpacked).")] = 5.0,
    max_text_chars: Annotated[int, typer.Option("--max-text-chars", min=1, help="Longest article text POST "
                                                "/extract and /ingest code.")] = DEFAULT_MAX_TEXT_CHARS,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A name clients may call this server by besides 127.0.0.1, localhost and --host "
                               "(repeatable; '*' accepts any Host, giving up the DNS-rebinding check).")] = None,
    client_timeout: Annotated[float, typer.Option("--client-timeout", min=0.1, help="Seconds a client has to send a "
                                                  "request's head, and again its body.")] = DEFAULT_CLIENT_TIMEOUT,
    model: Annotated[str | None, typer.Option(help="spaCy model for POST /extract and /ingest.")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs), the dashboard at http://HOST:PORT/ and the guide at /guide."""
    try:
        import uvicorn

        from eventwire.api import ApiConfig, create_app
        from eventwire.api.dashboard import BUILD_HINT
        from eventwire.api.server import server_config
    except ImportError as exc:
        cannot_run(CannotRun(f"serve: {exc.name} is not installed: pip install 'eventwire[serve]'"))
    config = ApiConfig(db=db, allow_ingest=allow_ingest, max_body_bytes=int(max_body_mb * 1024 * 1024),
                       max_text_chars=max_text_chars, client_timeout=client_timeout,
                       allowed_hosts=hosts_for(host, tuple(allowed_host or ())), any_ip_host=listens_everywhere(host),
                       settings=settings_for(model))
    try:
        app = create_app(config)
    except CannotRun as exc:  # the database is missing, locked, foreign or too new
        cannot_run(exc)
    base = f"http://{host}:{port}"
    typer.echo(f"eventwire: serving {db} ({'read-write, POST /ingest on' if allow_ingest else 'read-only'}) "
               f"at {base}/ ; API docs at {base}/docs ; guide at {base}/guide/", err=True)
    if listens_everywhere(host) and not allowed_host:
        typer.echo("eventwire: requests must name this machine by an IP address, localhost or 127.0.0.1; "
                   "add --allowed-host NAME for any other name it is reached by", err=True)
    if not config.dashboard_built:
        typer.echo(f"eventwire: {BUILD_HINT}", err=True)
    try:
        uvicorn.Server(server_config(app, host, port)).run()
    finally:
        app.state.db.close()
