"""What the API server needs to know: the database, whether writes are allowed, its limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.settings import Settings

# Where `make web` writes the built dashboard (gitignored; listed as package data).
PACKAGED_STATIC = Path(__file__).resolve().parent / "static"
# ingest.sources reads pages up to 20 MB from disk; over HTTP one pasted article is far smaller.
DEFAULT_MAX_BODY = 5 * 1024 * 1024


@dataclass(frozen=True)
class ApiConfig:
    db: Path
    allow_ingest: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    settings: Settings = field(default_factory=Settings)
    static_dir: Path = PACKAGED_STATIC

    @property
    def dashboard_built(self) -> bool:
        return (self.static_dir / "index.html").is_file()
