"""Every connection of the store, read-only (`sql`, `query`, the server) or writing (`ingest`, POST /ingest),
reaches its own database file only, while another reader in the same process can still share the file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.api.database import EventDb
from eventwire.store import Store


@pytest.mark.parametrize("read_only", [True, False])
def test_the_store_connection_reaches_no_other_file(tmp_path: Path, read_only: bool) -> None:
    db = tmp_path / "events.duckdb"
    Store(db).close()
    private = tmp_path / "private.txt"
    private.write_text("token\n", encoding="utf-8")
    with Store(db, read_only=read_only) as store:
        cur = store.con.cursor()  # the server queries through cursors of the one connection
        for statement in (f"SELECT content FROM read_text('{private}')", f"COPY failures TO '{tmp_path}/out.csv'",
                          f"ATTACH '{tmp_path}/new.duckdb' AS other", "INSTALL httpfs"):
            with pytest.raises(duckdb.PermissionException):
                cur.execute(statement)
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            cur.execute("SET enable_external_access = true")
        if not read_only:
            store.record_failure(str(private), "ingest", "empty file")  # writing its own file still works
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.duckdb", "private.txt"]


def test_the_server_database_is_locked_and_still_shared(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    Store(db).close()
    server = EventDb(db)
    try:
        with server.cursor() as cur, pytest.raises(duckdb.PermissionException):
            cur.execute("SELECT * FROM glob(?)", [f"{tmp_path}/*"])
        reader = duckdb.connect(str(db), read_only=True)  # another reader in the process, as tests and tools do
        try:
            assert reader.execute("SELECT count(*) FROM failures").fetchone() == (0,)
        finally:
            reader.close()
        second = EventDb(db)  # a second app on the same file shares the locked-down instance
        second.close()
    finally:
        server.close()
