"""What routes take from the app: its database cursor and its loaded tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import Depends, Request

from eventwire.api.config import ApiConfig
from eventwire.api.database import EventDb
from eventwire.api.errors import ApiError
from eventwire.errors import DatabaseUnavailable
from eventwire.events.codes import CodeTable


def get_db(request: Request) -> EventDb:
    db: EventDb = request.app.state.db
    return db


def get_cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    try:
        with get_db(request).cursor() as cur:
            yield cur
    except DatabaseUnavailable as exc:  # held by a writer past the wait: one line, not DuckDB's message
        raise ApiError(503, str(exc)) from None


def get_codes(request: Request) -> CodeTable:
    codes: CodeTable = request.app.state.codes
    return codes


def get_config(request: Request) -> ApiConfig:
    config: ApiConfig = request.app.state.config
    return config


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(get_cursor)]
Codes = Annotated[CodeTable, Depends(get_codes)]


def fetch_dicts(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    result = cur.execute(sql, params)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
