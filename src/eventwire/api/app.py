"""The app factory: `create_app(config)` wires the database, the routes, the limits, the request guard
and the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import FastAPI

from eventwire import __version__
from eventwire.api import actors, articles, docs, events, export, extract, rankings, series, stats, view, vocabulary
from eventwire.api.config import ApiConfig
from eventwire.api.dashboard import mount_dashboard
from eventwire.api.database import EventDb
from eventwire.api.errors import install_error_handlers
from eventwire.api.guard import RequestGuard
from eventwire.api.guide_site import mount_guide
from eventwire.api.limits import BodyLimits
from eventwire.events.codes import load_code_table

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


def create_app(config: ApiConfig, load_pipeline: Callable[[], Pipeline] | None = None) -> FastAPI:
    """Opens the database now (read-only unless ingest is allowed), so a bad path fails at start-up;
    whoever runs the app closes it (`app.state.db.close()`), not the ASGI lifespan, which test
    clients may cycle many times.

    `load_pipeline` is called on the first POST /extract or /ingest; by default it loads the pipeline
    of `config.settings`.
    """
    db = EventDb(config.db, writable=config.allow_ingest)
    app = FastAPI(title="eventwire API", version=__version__,
                  docs_url=None, redoc_url=None,  # FastAPI's pages load Swagger UI from a CDN: see docs.py
                  description="Coded political events with their evidence, from an eventwire DuckDB database. "
                              "The user guide, codebook and field reference are at [/guide](/guide/).")
    app.state.config = config
    app.state.db = db
    app.state.codes = load_code_table()
    if load_pipeline is None:  # the server's own: it follows the user's actor and lexicon files
        watch = extract.UserFilesWatch(config.settings)
        app.state.pipeline = extract.PipelineHolder(watch.load, watch.refresh)
    else:
        app.state.pipeline = extract.PipelineHolder(load_pipeline)
    install_error_handlers(app)
    app.add_middleware(BodyLimits, max_bytes=config.max_body_bytes, deadline=config.client_timeout)
    app.add_middleware(RequestGuard, config=config)  # added last: the outermost, its headers on every answer
    for module in (events, actors, rankings, stats, series, view, articles, export, vocabulary, extract, docs):
        app.include_router(module.router)
    app.include_router(extract.ingest_router, include_in_schema=config.allow_ingest)
    mount_guide(app, config)
    mount_dashboard(app, config)
    return app

