"""Stage 8: the DuckDB event database (idempotent ingest, deduplication, queries, exports)."""

from eventwire.store.database import SaveOutcome, Store, StoreCounts

__all__ = ["SaveOutcome", "Store", "StoreCounts"]
