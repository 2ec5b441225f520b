"""Acronyms an article defines: "British Transport Police (BTP) said ... BTP started an investigation". A coded
actor named in full and followed by its short form in brackets is the same actor wherever the short form comes
again in the article, as a reader takes it; the knowledge base need not know the short form."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.actors.mentions import token_range
from eventwire.model import ActorMention


def with_acronyms(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` with every later use of a short form the article defines for a coded actor coded as that actor
    (replacing an uncoded organisation the short form was read as)."""
    defined: dict[str, tuple[ActorMention, int]] = {}  # short form -> (actor, the bracket closing its definition)
    at_definition: set[int] = set()  # every bracketed short form, a second definition's too
    for m in mentions:
        if not m.code:
            continue
        _, end = token_range(doc, m)
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and _short_form(doc[end + 1]):
            defined.setdefault(doc[end + 1].text, (m, end + 2))
            at_definition.add(end + 1)
    if not defined:
        return mentions
    coded_tokens = {i for m in mentions if m.code for i in range(*token_range(doc, m))}
    uses = [t for t in doc if t.text in defined and t.i not in at_definition and t.i not in coded_tokens
            and t.i > defined[t.text][1]]
    if not uses:
        return mentions
    replaced = {t.i for t in uses}
    kept = [m for m in mentions if m.code or not set(range(*token_range(doc, m))) & replaced]
    added = [defined[t.text][0].model_copy(update={"text": t.text, "start": t.idx, "end": t.idx + len(t.text),
                                                "token": t.i, "resolved_from": "acronym"}) for t in uses]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _short_form(token: Token) -> bool:
    """"BTP", "EFCC", "NYPD": two to eight capitals (a digit or a lower-case letter among them allowed)."""
    text = token.text
    return 2 <= len(text) <= 8 and text[0].isupper() and text.isalnum() and sum(c.isupper() for c in text) >= 2
