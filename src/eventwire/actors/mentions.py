"""Actor mentions looked up by the parse: the mentions anchored on each token."""

from __future__ import annotations

from eventwire.model import ActorMention


def index_by_token(actors: tuple[ActorMention, ...]) -> dict[int, list[ActorMention]]:
    """The mentions of each anchor token (`ActorMention.token`), in the order given."""
    index: dict[int, list[ActorMention]] = {}
    for m in actors:
        index.setdefault(m.token, []).append(m)
    return index
