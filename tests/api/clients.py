"""A TestClient on an event database with no dashboard files, and the JSON of a GET that must succeed:
shared by the API test files that check the endpoints against each other."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from eventwire.api import ApiConfig, create_app

NO_STATIC = Path("/nonexistent-eventwire-static")


@contextmanager
def api_client(db: Path) -> Iterator[TestClient]:
    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        yield client
    app.state.db.close()


def get(client: TestClient, path: str, **params: Any) -> Any:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()
