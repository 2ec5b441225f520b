"""eventwire: news articles to coded political events with evidence."""

__version__ = "0.1.0"
