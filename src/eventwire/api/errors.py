"""One JSON error shape for every failure: {"error": {"status": 404, "message": "..."}}."""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Send

log = logging.getLogger("eventwire.api")


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """A failure the client should see with this status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse(ErrorBody(error=ErrorDetail(status=status, message=message)).model_dump(), status_code=status)


# Tells uvicorn (through h11) to close the connection after the answer: sent when a request is refused
# before its body was read, so the rest of that body cannot keep the connection busy.
CLOSE = (b"connection", b"close")


async def send_error(send: Send, status: int, message: str, close: bool = False) -> None:
    """The JSON error answered straight from a middleware, before any route ran."""
    body = json.dumps(ErrorBody(error=ErrorDetail(status=status, message=message)).model_dump()).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *([CLOSE] if close else [])]})
    await send({"type": "http.response.body", "body": body})


# Documented on every route so clients (and schemathesis) know the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "Host header names another site"), (404, "Not found"), (413, "Request too large"),
                       (422, "Invalid parameters or body"))
}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return error_response(exc.status_code, str(exc.detail))

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, _validation_message(exc))

    async def crash(request: Request, exc: Exception) -> JSONResponse:
        from eventwire.api.guard import SECURITY_HEADERS  # guard imports this module

        log.exception("unhandled error on %s %s", request.method, request.url.path)
        response = error_response(500, f"internal error: {type(exc).__name__}")
        # Starlette answers this one outside every middleware, the guard's included: its headers here.
        response.headers.update({name.decode(): value.decode() for name, value in SECURITY_HEADERS})
        return response

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crash)
