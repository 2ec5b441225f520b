"""People named only as the head of a body: "the general manager of Abu Dhabi Media", "the director of the
Kenyan Red Cross", "the chairman of the Wagner Group". The words say who leads, not what kind of actor leads,
so the body decides: its code is theirs, as a spokesman's is the body's he speaks for."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.mentions import new_mention, token_range
from eventwire.model import ActorMention
from eventwire.syntax import np_span

# Nouns for whoever heads or runs a body, with no role of their own ("a director" of a firm, a ministry or a
# charity is of that body's kind).
LEADER_NOUNS = frozenset({"head", "director", "manager", "chairman", "chairwoman", "chairperson", "chair", "chief",
                          "boss", "ceo", "founder", "coordinator", "administrator", "commander", "principal"})


def leaders_of_bodies(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A leader noun that no mention covers, whose "of", "at" or "for" phrase names a coded body (not a country:
    "the head of Kenya" is its president, another rule's business): a mention of that body's code."""
    taken = {i for m in mentions for i in range(*token_range(doc, m))}
    bodies = {m.token: m for m in mentions if m.code and m.kind != "country"}
    out: list[ActorMention] = []
    for token in doc:
        if token.lemma_.lower() not in LEADER_NOUNS or token.pos_ != "NOUN" or token.i in taken:
            continue
        body = next((bodies[o.i] for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "at", "for")
                     for o in p.children if o.dep_ == "pobj" and o.i in bodies), None)
        if body is not None:
            out.append(new_mention(np_span(token), body.name, body.code, body.country, body.kind, head=token,
                                   kb_id=body.kb_id, resolved_from="leader-of-body"))
    return out
