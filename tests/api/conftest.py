"""Fixtures shared by the API's test files: registered here once, so the Wikinews database is ingested
once per session however many files use it."""

from tests.api.wikinews import wikinews_db

__all__ = ["wikinews_db"]
