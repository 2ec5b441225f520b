"""Who holds a protest no one is named as holding: protesters (the opposition, by the usual convention) of the
country the protest's nationality word or place names ("Protests erupted in Hong Kong", "Iraqi protests").
"""

from __future__ import annotations

from eventwire.events.context import Context, Trigger
from eventwire.events.placing import event_place
from eventwire.events.protests import PROTEST_NOUNS, PROTESTERS
from eventwire.events.slots import country_name, national_actor
from eventwire.model import ActorMention


def unnamed_protesters(trig: Trigger, ctx: Context) -> list[ActorMention]:
    """"Protests erupted in Hong Kong on Monday", "Iraqi protests": a protest no one is named as holding is held by
    protesters (the opposition, by the usual convention) of the country its nationality word or its place names."""
    token = trig.token
    if trig.entry.code[:2] != "14" or token.pos_ != "NOUN" or token.lemma_.lower() not in PROTEST_NOUNS:
        return []
    # told as what happened ("Protests erupted", "there were protests", "was met with protests"), not as a time
    # ("resigned after protests"), a plan or a thing acted on ("agreed to postpone the demonstration")
    if not (token.dep_ in ("nsubj", "attr") or (token.dep_ == "pobj" and token.head.lower_ == "with"
                                                 and token.head.head.lemma_.lower() == "meet")):
        return []
    national = next((n for c in token.children if c.dep_ in ("amod", "compound")
                     and (n := national_actor(c, ctx)) is not None), None)
    iso = national.country if national is not None else None
    if iso is None:
        place, _ = event_place(trig, ctx)
        iso = place.country if place is not None else None
    if not iso:
        return []
    # the protest's own word stands for those who hold it, as in protests.protesters_at
    return [ActorMention(text=token.text, name=f"{country_name(iso, ctx)} protesters", code=iso + PROTESTERS,
                         country=iso, kind="description", start=token.idx, end=token.idx + len(token.text),
                         kb_id=None, resolved_from="protest", token=token.i)]
