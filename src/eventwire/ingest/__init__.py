"""Stage 1: sources -> clean `Article` records."""

from eventwire.ingest.sources import article_from_bytes, read_article

__all__ = ["article_from_bytes", "read_article"]
