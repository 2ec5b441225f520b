"""Actor mention records and the parse: building one over a span, the tokens one covers, the mentions
anchored on each token."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.model import ActorMention


def index_by_token(actors: tuple[ActorMention, ...]) -> dict[int, list[ActorMention]]:
    """The mentions of each anchor token (`ActorMention.token`), in the order given."""
    index: dict[int, list[ActorMention]] = {}
    for m in actors:
        index.setdefault(m.token, []).append(m)
    return index


def token_range(doc: Doc, m: ActorMention) -> tuple[int, int]:
    """The token range [start, end) a mention covers (its anchor token when its characters align with none)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (m.token, m.token + 1)


def new_mention(span: Span, name: str, code: str, country: str | None, kind: str, *, head: Token | None = None,
                kb_id: str | None = None, resolved_from: str | None = None) -> ActorMention:
    """A mention over `span`, anchored on `head` (else the span's root)."""
    anchor = head if head is not None else span.root
    return ActorMention(text=span.text, name=name, code=code, country=country, kind=kind,
                        start=span.start_char, end=span.end_char, kb_id=kb_id, resolved_from=resolved_from,
                        token=anchor.i)
