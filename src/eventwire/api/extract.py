"""POST /extract (an article in, the DESIGN.md contract out, nothing stored) and POST /ingest
(the same, then stored; only with `eventwire serve --allow-ingest`).

The spaCy pipeline is loaded on the first request, once, and runs one article at a time: a parse
is CPU-bound, and one process holds one model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from eventwire.api.deps import get_config, get_db
from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.schemas import ExtractRequest, IngestResponse
from eventwire.errors import CannotRun, StageFailed, UnreadableInput
from eventwire.ingest import article_from_bytes
from eventwire.model import Article, ExtractResult, Failure
from eventwire.store import SaveOutcome
from eventwire.store.ingest import ingest as ingest_articles

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

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
_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES, 503: {"model": ERROR_RESPONSES[404]["model"], "description": "The spaCy model is missing"}}
_PUBLISHED = Query(description="Publication date YYYY-MM-DD (raw bodies; JSON bodies carry `published`).",
                   pattern=r"^\d{4}-\d{2}-\d{2}$")


class PipelineHolder:
    """Loads the pipeline on first use (a few seconds) and serialises runs over it."""

    def __init__(self, load: Callable[[], Pipeline]) -> None:
        self._load = load
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def run(self, article: Article) -> ExtractResult:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._load()
            return self._pipeline.run(article)

    def code(self, article: Article) -> ExtractResult | Failure:
        """Like run, with a failing stage returned as a Failure naming it (for the ingest loop to record)."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._load()
            return self._pipeline.code(article)


async def read_article_body(request: Request, published: str | None) -> Article:
    body = await request.body()
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url = None
    content_type: str | None = media
    if media == "application/json":
        try:
            parsed = ExtractRequest.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ApiError(422, f"body{'.' + where if where else ''}: {first['msg']}") from None
        body = parsed.text.encode("utf-8")
        content_type = "text/html" if parsed.content_type == "html" else None
        published = parsed.published or published
        url = parsed.url
    elif media not in ("text/plain", "text/html", ""):
        raise ApiError(415, f"send the article as text/plain, text/html or application/json, not '{media}'")
    if published is not None:
        try:  # the pattern lets "2017-13-45" through; the date stage needs a real day
            date.fromisoformat(published)
        except ValueError:
            raise ApiError(422, f"published: '{published}' is not a calendar date") from None
    try:
        article = article_from_bytes(url or "request body", body, published=published, content_type=content_type)
    except UnreadableInput as exc:
        raise ApiError(422, exc.reason) from None
    # Without a URL the article is known by its text alone: no file path to tie revisions together.
    return article.model_copy(update={"url": url, "source_path": None})


_MIN_CONFIDENCE = Query(description="Leave out events whose calibrated confidence (probability of a real, rightly "
                                    "rooted event) is lower.", ge=0.0, le=1.0)


def _confident(result: ExtractResult, min_confidence: float) -> ExtractResult:
    if min_confidence <= 0.0:
        return result
    return result.model_copy(update={"events": tuple(e for e in result.events if e.confidence >= min_confidence)})


async def run_pipeline(request: Request, article: Article) -> ExtractResult:
    holder: PipelineHolder = request.app.state.pipeline
    try:
        return await run_in_threadpool(holder.run, article)
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
             responses={**_RESPONSES, 403: {"model": ERROR_RESPONSES[404]["model"], "description": "Ingest is off"}},
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
        with db.write_lock:
            counts = ingest_articles(db.store, [article], code, watcher)
            if watcher.failure is not None:  # recorded in the failures table; the client learns which stage
                raise ApiError(500, f"internal error in stage {watcher.failure.stage}: {watcher.failure.reason}")
            if counts.unchanged:  # already stored, not coded again: its events as stored
                row = db.store.con.execute("SELECT count(*) FROM events WHERE article_id = ?", [article.id]).fetchone()
                return IngestResponse(article_id=article.id, outcome="unchanged", events=int(row[0]) if row else 0)
        assert watcher.outcome is not None
        return IngestResponse(article_id=article.id, outcome=watcher.outcome.value, events=watcher.events)

    try:
        return await run_in_threadpool(store)
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
