"""Which actors a noun phrase in an argument slot names.

A slot's head names actors itself, through its conjuncts or an apposition ("his counterpart Hakan
Fidan"), through the organisation its compound names ("the Trump administration"), through the "of"
phrase of a quantity head ("hundreds of protesters"); else a place in it stands for its country
("visited Hmeimim air base" -> SYR); else named people and organisations the KB cannot code still
fill it, with an empty code. A nationality adjective names its country ("Russian air strikes").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.fallen import harm_verb_of
from eventwire.events.senses import KIN_NOUNS
from eventwire.model import ActorMention, PlaceMention
from eventwire.places.roles import in_dateline

# Nouns that count or part a group: their "of" phrase names the actors (events/data/words.tsv).
_QUANTITY_HEADS = word_list("eventwire.events", "quantity_head")
_SENT_NOUNS = word_list("eventwire.events", "sent_noun")
NAMED_UNCODED_KINDS = frozenset({"organisation", "person"})
# "NATO guidelines call for 2%", "EU rules require ...": a body's standing text is not the body acting.
_STANDING_DOCUMENTS = word_list("eventwire.events", "standing_document")


# How an actor was coded when a nation named with "the" is taken for its state ("offered the Russians a deal"):
# the coding convention, which the relevance model does not weigh as words naming a state.
NATION_AS_A_SIDE = "nation-as-side"


def actors_at(token: Token, ctx: Context) -> list[ActorMention]:
    """Actors named by a noun phrase head, its conjuncts, or the "of" phrase of a quantity head."""
    out: list[ActorMention] = []
    for member in (token, *token.conjuncts):
        # Actors nobody could code (an unknown organisation) leave the slot to a place reading.
        hits = [a for a in ctx.actors.get(member.i, []) if a.code] or [
            a for c in member.children if c.dep_ == "appos" for a in ctx.actors.get(c.i, []) if a.code
        ]  # "his counterpart Hakan Fidan"
        if not hits and member.pos_ in ("NOUN", "PROPN") and member.i not in ctx.actors \
                and member.lemma_.lower() not in _STANDING_DOCUMENTS:
            # "the UN Migration Agency", "the U.S. Department of Justice", "the Trump administration": an
            # organisation named by its country or parent body acts for it.
            # Also the machines a force acts through: "Israeli army bulldozers demolished ...".
            hits = list({id(a): a for c in member.children if c.dep_ == "compound"
                         for a in actors_covering(c, ctx)}.values())
        if hits:
            out.extend(hits)
            # "Taliban and US negotiators": a named side joined to another before the head is a party of its own
            out.extend(a for c in member.children if c.dep_ in ("compound", "nmod") and c.conjuncts
                       for a in ctx.actors.get(c.i, []) if a.code and a.kind != "country" and a not in hits)
            continue
        if member.lemma_.lower() in _SENT_NOUNS and member.i not in ctx.actors:
            # "observers from the European Union criticised ...": those the body fielded act for it
            out.extend(a for prep in member.children if prep.dep_ == "prep" and prep.lower_ == "from"
                       for obj in prep.children if obj.dep_ == "pobj" for a in ctx.actors.get(obj.i, []) if a.code)
        if member.lemma_.lower() in _QUANTITY_HEADS or member.pos_ == "NUM":
            for prep in member.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        out.extend(ctx.actors.get(obj.i, []))
    return out


def actors_covering(token: Token, ctx: Context) -> list[ActorMention]:
    """Coded actors whose mention includes `token` (a mention is keyed by its head, which the parse may
    put elsewhere in a multi-word name)."""
    found = ctx.actors.get(token.i, [])
    if not found:
        found = [a for mentions in ctx.actors.values() for a in mentions if a.start <= token.idx < a.end]
    return [a for a in found if a.code]


def _place_actor(token: Token, ctx: Context) -> ActorMention | None:
    """A place in an actor slot stands for its country ("visited Hmeimim airbase" -> SYR)."""
    place = ctx.places.get(token.i)
    if place is None or place.country is None or place.start is None or place.end is None:
        return None
    country = ctx.kb.countries.get(place.country)
    name = country.name if country else place.country
    return ActorMention(text=place.text, name=name, code=place.country, country=place.country, kind="country",
                        start=place.start, end=place.end, kb_id=f"country:{place.country}",
                        resolved_from="place", token=token.i)


def slot(token: Token, ctx: Context) -> tuple[list[ActorMention], bool]:
    """Actors filling an argument slot, and whether they came from a place."""
    actors = actors_at(token, ctx)
    if actors:
        return actors, False
    from_places = []
    for member in (token, *token.conjuncts):
        place = place_in_np(member, ctx)  # "a military base in Damboa" stands for Nigeria
        # "KABUL, Afghanistan (AP) — A suicide bomber killed ...": the parser may make the dateline a subject.
        if place is not None and not in_dateline(ctx.doc[place.token]) and not _in_a_longer_name(place, member, ctx) \
                and (actor := _place_actor(ctx.doc[place.token], ctx)) is not None:
            from_places.append(actor)
    if from_places:
        return from_places, True
    # Named organisations and people the KB cannot code still act: "The Global Campaign for Equal
    # Nationality Rights called for reform" is an appeal by a named actor, with an empty code.
    return [a for member in (token, *token.conjuncts) for a in named_uncoded_at(member, ctx)], False


def _in_a_longer_name(place: PlaceMention, member: Token, ctx: Context) -> bool:
    """Whether the place is only part of an organisation's name at the slot ("Transparency International
    Kenya" is a body in Kenya, not Kenya)."""
    return place.start is not None and place.end is not None and any(
        a.start < place.start or a.end > place.end for a in named_uncoded_at(member, ctx)
        if a.start <= place.start and place.end <= a.end)


def named_uncoded_at(token: Token, ctx: Context) -> list[ActorMention]:
    """Named organisations and people at `token` that the KB cannot code."""
    return [a for a in ctx.actors.get(token.i, []) if not a.code and a.kind in NAMED_UNCODED_KINDS]


def country_name(iso: str, ctx: Context) -> str:
    """The knowledge base's name of a country, or its code when the KB has none."""
    return ctx.kb.countries[iso].name if iso in ctx.kb.countries else iso


def national_actor(adjective: Token, ctx: Context) -> ActorMention | None:
    iso = ctx.kb.country_by_adjective.get(adjective.lower_)
    if iso is None:
        return None
    return ActorMention(text=adjective.text, name=country_name(iso, ctx), code=iso, country=iso, kind="country",
                        start=adjective.idx, end=adjective.idx + len(adjective.text), kb_id=f"country:{iso}",
                        resolved_from="adjective", token=adjective.i)


def place_in_np(token: Token, ctx: Context) -> PlaceMention | None:
    """The place a noun phrase names: itself, or a place inside it ("the base in Latakia province")."""
    if token.i in ctx.places:
        return ctx.places[token.i]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "near"):
            for obj in child.children:
                if obj.i in ctx.places:
                    return ctx.places[obj.i]
    return None


def bodies_named_in(modifier: Token, ctx: Context) -> list[ActorMention]:
    """The coded bodies, not countries, a noun's compound modifier names ("the UN report", "the Hamas
    proposal"): the thing is theirs."""
    return [a for a in actors_covering(modifier, ctx) if a.code and a.kind != "country"]


def owners_named_in(thing: Token, ctx: Context) -> list[ActorMention]:
    """Whose a thing is, by the words of its own phrase: its possessor ("Trump's order"), a nationality or
    country in front of it ("the Russian annexation"), a body named in front of it ("the UN report"), the agent
    of a "by" phrase ("the decision by the United States"), in the phrase's order."""
    out: list[ActorMention] = []
    if thing.lemma_.lower() in KIN_NOUNS:
        return out  # "the minister's son" is a person of his own
    for child in thing.children:
        if child.dep_ == "poss":
            out.extend(slot(child, ctx)[0])
        elif child.dep_ in ("amod", "compound") and (national := national_actor(child, ctx)) is not None:
            out.append(national)
        elif child.dep_ == "compound" and (bodies := bodies_named_in(child, ctx)):
            out.extend(bodies)
        elif child.dep_ == "prep" and child.lower_ == "by":
            out.extend(a for o in child.children if o.dep_ == "pobj" for a in actors_at(o, ctx))
    return out


def government_of(iso: str, beside: ActorMention, ctx: Context, convention: str) -> ActorMention:
    """The government of `iso`, supplied by a coding convention (`resolved_from`): named nowhere in the text, so
    with no words of its own, anchored where `beside` is."""
    return ActorMention(text="", name=f"{country_name(iso, ctx)} government", code=iso + "GOV", country=iso,
                        kind="government", start=beside.start, end=beside.start, kb_id=f"country:{iso}",
                        resolved_from=convention, token=beside.token)


# Roots of acts two parties do together (consult, cooperate, agree, yield): "a truce between A and B was agreed"
# is theirs, "the border between A and B was closed" is not.
_JOINT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
_OCCURRENCE_VERBS = word_list("eventwire.events", "occurrence_verb")
_PRIVATE_SECTORS = frozenset({"BUS", "CVL", "ELI", "MED", "EDU", "HLH"})


def parties_between(trig: Trigger, ctx: Context) -> list[Token]:
    """The parties an act names with "between A and B", first party first: the act's own noun as the clause's
    subject ("talks between Russia and Ukraine resumed") or the accord a passive verb takes as its subject
    ("the agreement between Israel and the UAE was signed"). The first is the act's source, the others its
    targets."""
    token = trig.token
    if token.pos_ == "NOUN":
        # talks the clause says happened ("talks between A and B resumed"), not ones somebody arranges or seeks
        # or that might collapse
        happened = token.dep_ == "ROOT" or (
            token.dep_ in ("nsubj", "nsubjpass") and _tells_it_happened(token.head)
            # "took place", but "a deal ended the standoff" tells what the deal did, not that it was made
            and not any(c.dep_ == "dobj" and c.lemma_.lower() != "place" for c in token.head.children))
        # "20 people were killed in fighting between A and B": the fight the harm was done in happened
        happened = happened or harm_verb_of(token) is not None
        holders = [token] if happened else []
        if happened and token.dep_ in ("nsubj", "nsubjpass") and _tells_it_happened(token.head):
            holders.append(token.head)  # "clashes erupted between A and B": the parser hangs the parties on the verb
    else:
        joint = ctx.table.get(trig.entry.code).root in _JOINT_ROOTS
        holders = [c for c in token.children
                   if joint and c.dep_ == "nsubjpass" and c.lemma_.lower() in trig.entry.objects]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                first = next((o for o in prep.children if o.dep_ == "pobj"), None)
                # firms and people dealing with each other are no political parties ("a deal between Disney and Fox")
                if first is not None and any(a.code and a.sector not in _PRIVATE_SECTORS
                                             for a in ctx.actors.get(first.i, [])):
                    return [first, *first.conjuncts]
    return []


def _tells_it_happened(verb: Token) -> bool:
    """"Talks resumed", "clashes erupted", "fighting broke out": a verb saying its subject's act happened."""
    return verb.lemma_.lower() in _OCCURRENCE_VERBS or (verb.lemma_.lower() == "break" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))


def by_agents(verb: Token, ctx: Context) -> list[ActorMention]:
    """The actors a passive verb's by-phrase names ("imposed by the government", "rigged by the ruling party")."""
    return [a for agent in verb.children if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"
            for a in actors_at(o, ctx)]


def owner_of(token: Token, ctx: Context) -> list[ActorMention]:
    """Whose is a thing an act is directed at: "a probe into Trump's affairs" (Trump), "sanctions on Iranian
    oil exports" (Iran)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() in KIN_NOUNS:
        return []
    for child in token.children:
        if child.dep_ == "poss":
            return actors_at(child, ctx)
    return [a for c in token.children if c.dep_ == "amod" and (a := national_actor(c, ctx)) is not None]
