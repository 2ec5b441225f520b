"""POST /extract (an article in, the DESIGN.md contract out, nothing stored) and POST /ingest
(the same, then stored; only with `eventwire serve --allow-ingest`).

The spaCy pipeline is loaded on the first request, once, and runs one article at a time in a worker
thread: a parse is CPU-bound, and one process holds one model. Requests waiting for it wait without a
thread (CODE_LIMITER), so the GET routes, which run in the same thread pool, are still answered.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import anyio
from fastapi import APIRouter, Query, Request

from eventwire.api.body import read_article_body
from eventwire.api.deps import get_config, get_db
from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.schemas import ExtractRequest, IngestResponse
from eventwire.errors import CannotRun, StageFailed
from eventwire.model import Article, ExtractResult, Failure
from eventwire.settings import Settings
from eventwire.store import SaveOutcome
from eventwire.store.ingest import ingest as ingest_articles
from eventwire.userfiles import files_state, user_actor_files, user_lexicon_files

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

# One article coded at a time (PipelineHolder's lock would serialise them anyway, holding a thread each).
CODE_LIMITER = anyio.CapacityLimiter(1)

router = APIRouter(tags=["extract"])
# Its own router: left out of the OpenAPI spec when ingest is off (it then only answers 403).
ingest_router = APIRouter(tags=["extract"])

# The body: JSON (ExtractRequest) or the raw page as text/plain or text/html.
_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ExtractRequest.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
        "text/html": {"schema": {"type": "string", "minLength": 1}},
    },
}
_ERROR = ERROR_RESPONSES[404]["model"]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    403: {"model": _ERROR, "description": "Sent by a page of another origin"},
    408: {"model": _ERROR, "description": "The body did not arrive in time"},
    415: {"model": _ERROR, "description": "Not JSON, text/plain or text/html"},
    503: {"model": _ERROR, "description": "The spaCy model is missing"}}
_PUBLISHED = Query(description="Publication date YYYY-MM-DD (raw bodies; JSON bodies carry `published`).",
                   pattern=r"^\d{4}-\d{2}-\d{2}$")


class PipelineHolder:
    """Loads the pipeline on first use (a few seconds) and serialises runs over it; with `refresh`, each run
    first lets it swap the pipeline for a newer one (UserFilesWatch.refresh)."""

    def __init__(self, load: Callable[[], Pipeline], refresh: Callable[[Pipeline], Pipeline] | None = None) -> None:
        self._load = load
        self._refresh = refresh
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def _ready(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self._load()
        elif self._refresh is not None:
            self._pipeline = self._refresh(self._pipeline)
        return self._pipeline

    def run(self, article: Article) -> ExtractResult:
        with self._lock:
            return self._ready().run(article)

    def code(self, article: Article) -> ExtractResult | Failure:
        """Like run, with a failing stage returned as a Failure naming it (for the ingest loop to record)."""
        with self._lock:
            return self._ready().code(article)


class UserFilesWatch:
    """The server's pipeline follows the user's actor and lexicon files (userfiles.py): `eventwire actors add`
    while the server runs is coded from the next request on. Before each run a few stat calls compare the files
    (which ones, their times and sizes) with those the pipeline was loaded with; when they differ, the knowledge
    base, its matcher and the lexicon are loaded again, the model kept."""

    def __init__(self, base: Settings) -> None:
        self.base = base
        self._seen: tuple[tuple[str, int, int], ...] | None = None

    def settings_now(self) -> Settings:
        return dataclasses.replace(self.base, actor_files=user_actor_files(), lexicons=user_lexicon_files())

    def load(self) -> Pipeline:
        from eventwire.batch import pipeline_for  # spaCy is imported only when something is extracted

        settings = self.settings_now()
        state = files_state((*settings.actor_files, *settings.lexicons))
        pipeline = pipeline_for(settings)
        self._seen = state
        return pipeline

    def refresh(self, pipeline: Pipeline) -> Pipeline:
        settings = self.settings_now()
        state = files_state((*settings.actor_files, *settings.lexicons))
        if state == self._seen:
            return pipeline
        # a malformed file raises DataFileError (a CannotRun: a 503 naming it), and is read again next time
        fresh = pipeline.with_user_files(settings)
        self._seen = state
        return fresh


_MIN_CONFIDENCE = Query(description="Leave out events whose calibrated confidence (probability of a real, rightly "
                                    "rooted event) is lower.", ge=0.0, le=1.0)


def _confident(result: ExtractResult, min_confidence: float) -> ExtractResult:
    if min_confidence <= 0.0:
        return result
    return result.model_copy(update={"events": tuple(e for e in result.events if e.confidence >= min_confidence)})


async def run_pipeline(request: Request, article: Article) -> ExtractResult:
    holder: PipelineHolder = request.app.state.pipeline
    try:
        return await anyio.to_thread.run_sync(holder.run, article, limiter=CODE_LIMITER)
    except CannotRun as exc:  # the model or a data file is missing: the server cannot extract
        raise ApiError(503, str(exc)) from None
    except StageFailed as exc:  # a bug met on this article: the stage is named, the server goes on
        raise ApiError(500, f"internal error in stage {exc}") from None


@router.post("/extract", summary="Code one article's events; nothing is stored", responses=_RESPONSES,
             openapi_extra={"requestBody": _BODY}, response_model=dict[str, Any])
async def extract(request: Request, published: Annotated[str | None, _PUBLISHED] = None,
                  min_confidence: Annotated[float, _MIN_CONFIDENCE] = 0.0) -> dict[str, object]:
    article = await read_article_body(request, published)
    return _confident(await run_pipeline(request, article), min_confidence).to_contract()


@ingest_router.post("/ingest", summary="Code one article and store it (needs `eventwire serve --allow-ingest`)",
             responses={**_RESPONSES, 403: {"model": _ERROR, "description": "Ingest is off, or sent by a page of "
                                                                       "another origin"}},
             openapi_extra={"requestBody": _BODY}, response_model=IngestResponse)
async def ingest(request: Request, published: Annotated[str | None, _PUBLISHED] = None,
                 min_confidence: Annotated[float, _MIN_CONFIDENCE] = 0.0) -> IngestResponse:
    if not get_config(request).allow_ingest:
        raise ApiError(403, "ingest is off: start the server with `eventwire serve --allow-ingest`")
    article = await read_article_body(request, published)
    holder: PipelineHolder = request.app.state.pipeline
    db = get_db(request)

    def code(pending: list[Article]) -> Iterator[ExtractResult | Failure]:
        for item in pending:
            result = holder.code(item)
            yield result if isinstance(result, Failure) else _confident(result, min_confidence)

    def store() -> IngestResponse:
        watcher = _OneArticle()
        with db.writer() as writer:
            counts = ingest_articles(writer, [article], code, watcher)
            if watcher.failure is not None:  # recorded in the failures table; the client learns which stage
                raise ApiError(500, f"internal error in stage {watcher.failure.stage}: {watcher.failure.reason}")
            if counts.unchanged:  # already stored, not coded again: its events as stored
                row = writer.con.execute("SELECT count(*) FROM events WHERE article_id = ?", [article.id]).fetchone()
                return IngestResponse(article_id=article.id, outcome="unchanged", events=int(row[0]) if row else 0)
        assert watcher.outcome is not None
        return IngestResponse(article_id=article.id, outcome=watcher.outcome.value, events=watcher.events)

    try:
        return await anyio.to_thread.run_sync(store, limiter=CODE_LIMITER)
    except CannotRun as exc:  # the model or a data file is missing: the server cannot code
        raise ApiError(503, str(exc)) from None


class _OneArticle:
    """The ingest loop's watcher (store.ingest.IngestWatcher) for one article: what became of it."""

    def __init__(self) -> None:
        self.failure: Failure | None = None
        self.outcome: SaveOutcome | None = None
        self.events = 0

    def failed(self, failure: Failure) -> None:
        self.failure = failure

    def coding(self, total: int) -> None:
        return None

    def stored(self, result: ExtractResult, outcome: SaveOutcome) -> None:
        self.outcome = outcome
        self.events = len(result.events)

    def coded(self) -> None:
        return None
