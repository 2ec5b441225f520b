"""The DuckDB schema of an eventwire database, versioned, with its migration steps.

One row per article; one row per event *mention* (an event as one article reports it), each with the
`group_key` under which mentions of the same real-world event from several articles are merged
(`event_groups`, see store/dedup.py); actors, places, times and quotes as extracted; failures, one row
per input, stage and reason however many runs met it.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from eventwire.errors import DatabaseTooNew

SCHEMA_VERSION = 6

_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,            -- hash of the whitespace-normalised body text
        source_key VARCHAR NOT NULL,       -- URL, else absolute path: identity of a (possibly changed) article
        url VARCHAR, title VARCHAR, published VARCHAR, sections VARCHAR[], credit VARCHAR, author VARCHAR,
        language VARCHAR, dateline VARCHAR, source_path VARCHAR,
        site VARCHAR,                      -- the outlet: URL host, else credit line, else source folder
        story_id VARCHAR NOT NULL,         -- near-duplicate cluster: id of the first article of the story
        minhash UBIGINT[],                 -- MinHash signature of the text's word shingles
        text VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, group_key VARCHAR NOT NULL,
        date VARCHAR, date_precision VARCHAR, date_defaulted BOOLEAN,
        source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR, source_kind VARCHAR,
        target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR, target_kind VARCHAR,
        cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, plover VARCHAR, plover_mode VARCHAR,
        quad_class INTEGER, goldstein DOUBLE,
        place_text VARCHAR, place_name VARCHAR, lat DOUBLE, lon DOUBLE, place_country VARCHAR, admin1 VARCHAR,
        place_feature VARCHAR,
        place_basis VARCHAR, negated BOOLEAN, hypothetical BOOLEAN, confidence DOUBLE,
        sentence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, trigger VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS actors (
        article_id VARCHAR NOT NULL, text VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, kind VARCHAR,
        start_char INTEGER, end_char INTEGER, kb_id VARCHAR, resolved_from VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS places (
        article_id VARCHAR NOT NULL, text VARCHAR, name VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR,
        admin1 VARCHAR, start_char INTEGER, end_char INTEGER, feature VARCHAR, geonameid BIGINT)""",
    """CREATE TABLE IF NOT EXISTS times (
        article_id VARCHAR NOT NULL, text VARCHAR, value VARCHAR, precision VARCHAR,
        start_char INTEGER, end_char INTEGER, note VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR NOT NULL, text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR,
        speaker_country VARCHAR, start_char INTEGER, end_char INTEGER)""",
    """CREATE TABLE IF NOT EXISTS failures (
        source VARCHAR, stage VARCHAR, reason VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE INDEX IF NOT EXISTS events_group ON events (group_key)""",
    """CREATE INDEX IF NOT EXISTS events_article ON events (article_id)""",
    """CREATE INDEX IF NOT EXISTS articles_source ON articles (source_key)""",
]



def _create_v1(con: duckdb.DuckDBPyConnection) -> None:
    for sql in _V1:
        con.execute(sql)


def _add_counts_v2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: casualty and force counts on events (JSON text for the per-category detail)."""
    con.execute("ALTER TABLE events ADD COLUMN fatalities INTEGER")
    con.execute("ALTER TABLE events ADD COLUMN casualties VARCHAR")
    con.execute("ALTER TABLE events ADD COLUMN forces VARCHAR")


def _add_political_v3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3: whether an event was judged political (false only for events kept with --all-events)."""
    con.execute("ALTER TABLE events ADD COLUMN political BOOLEAN DEFAULT TRUE")


def _failures_once_v4(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4: one failures row per input, stage and reason, however many runs met it: `occurrences`
    counts them and `failed_at` becomes the latest (the rows a database collected before are merged so)."""
    con.execute("ALTER TABLE failures ADD COLUMN occurrences INTEGER DEFAULT 1")
    con.execute("CREATE TEMP TABLE failures_once AS SELECT source, stage, reason, max(failed_at) AS failed_at, "
                "CAST(count(*) AS INTEGER) AS occurrences FROM failures GROUP BY source, stage, reason")
    con.execute("DELETE FROM failures")
    con.execute("INSERT INTO failures SELECT * FROM failures_once")
    con.execute("DROP TABLE failures_once")


def _coded_by_v5(con: duckdb.DuckDBPyConnection) -> None:
    """Version 5: which eventwire version and which user files (a fingerprint of their contents, "none" for the
    packaged data only) coded each article, so that `recode --stale` finds what a newer coding would change.
    Articles stored before stay NULL: unknown, hence stale."""
    con.execute("ALTER TABLE articles ADD COLUMN coded_version VARCHAR")
    con.execute("ALTER TABLE articles ADD COLUMN user_files VARCHAR")


def _typed_dates_v6(con: duckdb.DuckDBPyConnection) -> None:
    """Version 6: each event's date as the first and last day it covers (DATE), so that queries sort and bin by
    real dates and a week, month or year event is a range, not a string sorted before days. Events stored
    before get theirs from their `date` text."""
    from eventwire.dateparse import period_of

    con.execute("ALTER TABLE events ADD COLUMN date_start DATE")
    con.execute("ALTER TABLE events ADD COLUMN date_end DATE")
    values = [row[0] for row in con.execute("SELECT DISTINCT date FROM events WHERE date IS NOT NULL").fetchall()]
    periods = [(*period, value) for value in values if (period := period_of(value)) is not None]
    if periods:
        con.executemany("UPDATE events SET date_start = ?, date_end = ? WHERE date = ?", periods)


# Migration steps: MIGRATIONS[n] brings a database at version n to version n + 1.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    0: _create_v1, 1: _add_counts_v2, 2: _add_political_v3, 3: _failures_once_v4, 4: _coded_by_v5,
    5: _typed_dates_v6}

# Events merged across articles: one row per real-world event, GDELT's counts done per story. A field the
# mentions may tell differently (a name, the place's name, the precision) is the earliest report's, and
# the most frequent CAMEO code breaks ties the same way: any_value() or a bare mode() may answer
# differently from one query to the next under several threads, and the map and the table would disagree.
_EARLIEST = "a.published NULLS LAST, e.article_id, e.evidence_start, e.id"
EVENT_GROUPS_VIEW = f"""
CREATE OR REPLACE VIEW event_groups AS
SELECT
    e.group_key AS id,
    min(e.date) AS date, first(e.date_precision ORDER BY {_EARLIEST}) AS date_precision,
    min(e.date_start) AS date_start, max(e.date_end) AS date_end,
    first(e.source_code ORDER BY {_EARLIEST}) AS source_code, first(e.source_name ORDER BY {_EARLIEST}) AS source_name,
    first(e.source_country ORDER BY {_EARLIEST}) AS source_country,
    first(e.target_code ORDER BY {_EARLIEST}) AS target_code, first(e.target_name ORDER BY {_EARLIEST}) AS target_name,
    first(e.target_country ORDER BY {_EARLIEST}) AS target_country,
    mode(e.cameo ORDER BY {_EARLIEST}) AS cameo, first(e.cameo_root ORDER BY {_EARLIEST}) AS cameo_root,
    mode(e.plover ORDER BY {_EARLIEST}) AS plover,
    first(e.quad_class ORDER BY {_EARLIEST}) AS quad_class, avg(e.goldstein) AS goldstein,
    first(e.place_name ORDER BY {_EARLIEST}) AS place_name, avg(e.lat) AS lat, avg(e.lon) AS lon,
    first(e.place_country ORDER BY {_EARLIEST}) AS place_country, first(e.admin1 ORDER BY {_EARLIEST}) AS admin1,
    first(e.place_feature ORDER BY {_EARLIEST}) AS place_feature,
    bool_and(e.negated) AS negated, bool_and(e.hypothetical) AS hypothetical,
    max(e.confidence) AS confidence,
    max(e.fatalities) AS fatalities,
    bool_or(e.political) AS political,
    count(*) AS num_mentions,
    count(DISTINCT a.story_id) AS num_articles,
    count(DISTINCT a.site) AS num_sources,
    list(e.sentence ORDER BY {_EARLIEST}) AS evidence,
    list(DISTINCT e.article_id ORDER BY e.article_id) AS article_ids,
    min(a.url) AS source_url
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY e.group_key
"""


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the database to SCHEMA_VERSION, one step per version, each in its own transaction."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(f"database schema version {version} is newer than this eventwire ({SCHEMA_VERSION}): "
                             "upgrade eventwire to open it")
    while version < SCHEMA_VERSION:
        con.execute("BEGIN TRANSACTION")
        MIGRATIONS[version](con)
        version += 1
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
        con.execute("COMMIT")
    con.execute(EVENT_GROUPS_VIEW)
    return version
