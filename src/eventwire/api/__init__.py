"""HTTP API and offline dashboard over an eventwire database (`eventwire serve`)."""

from eventwire.api.app import create_app
from eventwire.api.config import ApiConfig

__all__ = ["ApiConfig", "create_app"]
