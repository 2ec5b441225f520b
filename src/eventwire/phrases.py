"""Phrase patterns for spaCy's PhraseMatcher without tokenizing thousands of names at every start.

A PhraseMatcher keeps of each pattern only its tokens' ORTH or LOWER keys (hashes of their strings), and takes
them in place of a Doc. Tokenizing the knowledge base's 6,000 names took 0.3 s of every cold start; their keys
are kept in the per-user cache (cache.py), keyed by the tokenizer that made them (spaCy and model versions), so
the matcher built from them is the one the Docs would give. Names the entry lacks (a user's new actors, an
edited data file) are tokenized now and the entry written again with them.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from eventwire.cache import entry_path, write_atomically

TokenKeys = tuple[tuple[int, ...], tuple[int, ...]]  # the ORTH keys and the LOWER keys of a text's tokens
log = logging.getLogger(__name__)


def tokenizer_identity(nlp: Language) -> str:
    """What decides how a text is split: spaCy's version and the model's own name and version."""
    from spacy import about

    meta = nlp.meta
    return f"spacy {about.__version__}; {meta.get('lang')}_{meta.get('name')} {meta.get('version')}"


def phrase_keys(nlp: Language, texts: Iterable[str], name: str) -> dict[str, TokenKeys]:
    """Each text's token keys as nlp's tokenizer gives them, read from the cache entry `name` where it has
    them, tokenized here where not (and then saved with the others)."""
    path = entry_path(f"phrases-{name}", tokenizer_identity(nlp), ".pickle")
    known = _read(path)
    wanted = dict.fromkeys(texts)
    missing = [t for t in wanted if t not in known]
    if missing:
        for text in missing:
            doc = nlp.make_doc(text)
            known[text] = (tuple(t.orth for t in doc), tuple(t.lower for t in doc))
        # keep what other settings (another user file) asked for too, unless stale entries outgrow the live ones
        kept = known if len(known) <= 2 * len(wanted) else {t: known[t] for t in wanted}

        def write(tmp: Path) -> None:
            tmp.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))

        write_atomically(path, write)
    return {t: known[t] for t in wanted}


def _read(path: Path) -> dict[str, TokenKeys]:
    try:
        value = pickle.loads(path.read_bytes())  # our own file, written above by this same code
    except FileNotFoundError:
        return {}
    except Exception as exc:  # a damaged entry is rebuilt
        log.debug("cache entry %s unreadable (%s): rebuilding", path, exc)
        return {}
    return value if isinstance(value, dict) else {}


def add_patterns(matcher: PhraseMatcher, label: str, patterns: list[tuple[int, ...]]) -> None:
    """PhraseMatcher.add with token-key patterns: its code takes them as it takes Docs (a Doc is first turned
    into exactly these keys), though its type stub names Docs only."""
    docs: Any = patterns
    matcher.add(label, docs)
