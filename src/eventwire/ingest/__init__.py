"""Stage 1: sources -> clean `Article` records."""

from eventwire.ingest.sources import read_article

__all__ = ["read_article"]
