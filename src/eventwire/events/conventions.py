"""Actors the text leaves implicit but every coder supplies: who arrests, charges and sentences.

"Zhukovskyy was arrested Monday", "an individual has been arrested", "he was sentenced to ten years": the
state's legal acts are reported in the passive with no agent, because the reader knows who does them. By
the usual coding convention (and the coding rules of the record gold) the source is the police or the
judiciary of the country where the act happened, and the person it is done to a suspect (CRM) of that
country unless the text codes them otherwise. The supplied actors say so (`resolved_from`
"state-convention"), and an act whose country cannot be told is left out rather than guessed.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.attacks import attack_noun
from eventwire.events.codes import PLEA_CODES, VIOLENCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.holders import taking_or_searching
from eventwire.events.lexicon import object_lemmas
from eventwire.events.namesakes import person_named_like_a_town
from eventwire.events.placing import event_place, story_place
from eventwire.events.protests import PROTEST_NOUNS
from eventwire.events.senses import PERSON_NOUNS
from eventwire.events.slots import named_uncoded_at, owners_named_in, slot
from eventwire.events.sources import intended_violence, told_of_an_actor, unidentified
from eventwire.events.targets import target_tokens
from eventwire.model import ActorMention, PlaceMention
from eventwire.places.roles import in_dateline
from eventwire.syntax import SPEECH_VERBS, is_passive, subjects_of

_CONVENTION = "state-convention"
_VERDICT = "116"
# The role that carries out each legal act, by the verb's lemma (events/data/words.tsv).
_POLICE_ACTS = word_list("eventwire.events", "police_act")
_COURT_ACTS = word_list("eventwire.events", "court_act")
# Nouns that name a person an act is done to without naming who they are ("an individual", "a suspect").


def implicit_state_agent(trig: Trigger, ctx: Context) -> tuple[list[ActorMention], list[ActorMention]]:
    """(sources, targets) for an agentless passive arrest, charge or sentence; ([], []) for anything else."""
    token = trig.token
    role = _legal_role(trig)
    if role is None or token.pos_ != "VERB" or not is_passive(token) or any(
            c.dep_ == "agent" for c in token.children):
        return [], []
    country = _country_of_act(trig, ctx)
    if country is None:
        return [], []
    targets: list[ActorMention] = []
    for tok in target_tokens(trig, ctx):
        coded, _ = slot(tok, ctx)
        targets.extend(a for a in coded if a.code and a.kind != "country")
        named = [m for m in named_uncoded_at(tok, ctx) if not in_dateline(ctx.doc[m.token])]
        if not targets and named:  # keep who they are ("Conner", and "He" after him), coded as a suspect
            targets.extend(m.model_copy(update={"code": f"{country}CRM", "country": country,
                                                "resolved_from": _CONVENTION}) for m in named[:1])
        elif not targets and (person := person_named_like_a_town(tok, trig, ctx)) is not None:
            targets.append(person)  # "Moore was arrested": a man, not Moore, Oklahoma
        elif not targets and (tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in _PERSONAL_PRONOUNS):
            targets.append(_supplied(tok, f"{country}CRM", country, "suspect", "person"))
    if not targets:
        return [], []
    if role == "JUD" and token.lemma_.lower() == _CHARGE:
        if police := _police_telling(token, ctx):
            return police[:1], targets  # "are charged with murder, sheriff's deputies said": the police charged them
        if _charged_on_arrest(token):
            role = "COP"  # "was arrested and charged with assault": booked on the police's charge
    agent = _supplied(token, f"{country}{role}", country, "police" if role == "COP" else "judiciary", "government_body")
    return [agent], targets


_CHARGE = "charge"


def _police_telling(verb: Token, ctx: Context) -> list[ActorMention]:
    """The police who tell of `verb`'s act: the subject of the sentence's speech verb ("deputies said"), or its
    owner ("a Sheriff's Department news release said"), or the source an "according to" names ("according to
    the Butler County Sheriff's Office")."""
    root = verb.sent.root
    tellers: list[Token] = [o for prep in verb.sent if prep.lower_ == "to" and prep.i > 0
                            and prep.doc[prep.i - 1].lower_ == "according" for o in prep.children if o.dep_ == "pobj"]
    if root != verb and root.lemma_.lower() in SPEECH_VERBS:
        tellers += subjects_of(root)
    speakers = [a for s in tellers for a in (slot(s, ctx)[0] or owners_named_in(s, ctx))]
    return [a for a in speakers if a.sector == "COP"]


def _charged_on_arrest(verb: Token) -> bool:
    """"was arrested Wednesday and charged with trespass": a charge joined to an arrest is laid on arrest."""
    joined = [verb.head] if verb.dep_ == "conj" else []
    joined += [c for c in verb.children if c.dep_ == "conj"]
    return any(j.lemma_.lower() in _ARRESTS for j in joined)


_ARRESTS = frozenset({"arrest", "detain", "apprehend", "book"})


def _country_of_act(trig: Trigger, ctx: Context) -> str | None:
    """The country where an act happened, for the conventions that code its unnamed sides: its own place, else
    the story's."""
    place = event_place(trig, ctx)[0] or story_place(ctx)
    return place.country if place is not None else None


def _legal_role(trig: Trigger) -> str | None:
    """Who carries out a legal act of the state: the police ("COP") or a court ("JUD"); None for other acts."""
    lemma = trig.token.lemma_.lower()
    # "were found guilty", "was fined": a verdict, whatever its verb, is the court's.
    return "COP" if lemma in _POLICE_ACTS else "JUD" if lemma in _COURT_ACTS or trig.entry.code == _VERDICT else None


def _police_act_on_people(trig: Trigger, sources: list[ActorMention]) -> bool:
    """A legal act of the state ("arrested", "sentenced"), or the police capturing someone or confiscating what is
    theirs ("captured by Middletown police", "confiscated drugs from Allaw's car")."""
    return _legal_role(trig) is not None or ((trig.entry.code in _POLICE_TAKING or taking_or_searching(trig))
                                             and any(s.sector == "COP" for s in sources))


# Arrest and its kin: done by the police, to a suspect (as are their raids and seizures).
_POLICE_TAKING = frozenset({"173"})


def aid_recipient(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> list[ActorMention]:
    """"The US has so far pledged $8 million", "the U.S. government pledged 10 million dollars in assistance" in a
    story set in Vietnam or Pakistan: aid a state or an aid body gives or pledges to no one named goes to the
    state of the country the story is set in, when that is another country than the giver's."""
    code = trig.entry.code
    if not (code.startswith("07") or code.startswith(_MATERIAL_AID_PLEDGE)) or trig.token.pos_ != "VERB" or not all(
            s.sector in _AID_GIVERS or (s.kind == "country" and s.resolved_from is None) for s in sources):
        return []  # a business offering food, "Iranian assistance is received by the Houthis": no state's aid
    state = _story_state(trig, ctx)
    givers = {s.country for s in sources}
    if state is None or None in givers or state.country in givers:
        return []
    return [state]


def inquiry_addressee(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> list[ActorMention]:
    """"Amnesty International has called for an investigation into the shooting" in a story set in Hong Kong: a call
    for an inquiry, which only a state opens, made on no one named is made on the state of the country the story is
    set in, unless that state is the caller."""
    if not trig.entry.code.startswith(("02", "10")) or trig.token.pos_ != "VERB":
        return []
    wanted = [o for p in trig.token.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
              if o.dep_ == "pobj"] + [c for c in trig.token.children if c.dep_ == "dobj"]
    if not any(w.lemma_.lower() in _INQUIRY_NOUNS for w in wanted):
        return []
    state = _story_state(trig, ctx)
    if state is None or any(s.code == state.code for s in sources):
        return []
    return [state]


_INQUIRY_NOUNS = frozenset({"investigation", "inquiry", "enquiry", "probe"})


def impeaching_legislature(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> list[ActorMention]:
    """"The White House called the impeachment process a sham": an impeachment, however named, is the work of the
    legislature of the country whose officer it tries, here the speaker's own."""
    countries = {s.country for s in sources if s.country}
    if len(countries) != 1 or trig.token.pos_ != "VERB":
        return []
    things = [c for c in trig.token.children if c.dep_ in ("dobj", "oprd")] + [
        o for p in trig.token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if not any(t.lemma_.lower() in _IMPEACHMENT or any(c.dep_ in ("compound", "amod") and c.lemma_.lower()
                                                       in _IMPEACHMENT for c in t.children) for t in things):
        return []
    country = countries.pop()
    return [_supplied(trig.token, f"{country}LEG", country, "legislature", "government_body")]


_IMPEACHMENT = frozenset({"impeachment"})


def _story_state(trig: Trigger, ctx: Context) -> ActorMention | None:
    """The government of the country the story is set in, supplied at the trigger (the text never names it)."""
    place = story_place(ctx)
    if place is None or not place.country:
        return None
    return _supplied(trig.token, f"{place.country}GOV", place.country, "government", "government")


# CAMEO 033x: intent to provide material aid (economic, military, humanitarian).
_MATERIAL_AID_PLEDGE = "033"
# Who gives aid to a country: states, their agencies and forces, international bodies and aid organisations.
_AID_GIVERS = frozenset({"GOV", "MIL", "IGO", "NGO"})


def implicit_suspects(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> list[ActorMention]:
    """"Police arrested two men in Lagos": the people a legal act is done to, named by no code, are suspects
    (CRM) of the country of the state body that acts."""
    if not _police_act_on_people(trig, sources):
        return []
    people = (_unnamed_people(trig, ctx, sources, "OPP", "protesters") if _at_a_protest(trig)
              else _unnamed_people(trig, ctx, sources, "CRM", "suspect"))
    countries = {s.country for s in sources if s.country}
    if not people and trig.entry.code in _SEIZING and len(countries) == 1 and trig.token.pos_ == "VERB" and any(
            s.sector == "COP" for s in sources):
        # "Officers seized 1,248 bags of heroin": what the police seize is taken from suspects, whom the text
        # does not name
        country = countries.pop()
        people = [_supplied(trig.token, f"{country}CRM", country, "suspects", "group")]
    return people


def _at_a_protest(trig: Trigger) -> bool:
    """"Police arrested more than 200 people during the weekend protests": people taken at a protest are
    protesters, not suspects."""
    if trig.token.pos_ != "VERB":
        return False
    for prep in (c for c in trig.token.children if c.dep_ == "prep"):
        for obj in prep.children:
            if prep.lower_ in _PROTEST_TIME_PREPS and obj.dep_ == "pobj" and obj.lemma_.lower() in PROTEST_NOUNS:
                return True
            # "detained for illegally occupying roads", "arrested for taking part in an unauthorised rally"
            if prep.lower_ == "for" and obj.dep_ == "pcomp" and (obj.lemma_.lower() in _PROTESTING or any(
                    t.lemma_.lower() in PROTEST_NOUNS for t in obj.subtree)):
                return True
    return False


_PROTEST_TIME_PREPS = frozenset({"during", "at", "in", "amid", "after", "following"})
# What protesters are taken for doing.
_PROTESTING = frozenset({"protest", "demonstrate", "rally", "march", "occupy", "block", "picket", "riot"})


# Seizing and confiscating property.
_SEIZING = frozenset({"171", "1711"})


def implicit_victims(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> list[ActorMention]:
    """"Texas police shot a man", "gunmen killed three": people violence is done to, named by no code, are
    civilians (CVL) of the country of the one who acts (unless a rule of who they are says otherwise)."""
    if ctx.table.get(trig.entry.code).root not in VIOLENCE_ROOTS:
        return []
    return _unnamed_people(trig, ctx, sources, "CVL", "civilians")


def _unnamed_people(trig: Trigger, ctx: Context, sources: list[ActorMention], role: str,
                    label: str) -> list[ActorMention]:
    """The people a verb's act is done to that no code names ("two men", "three"), supplied with `role` of the
    one country its sources belong to; none when the sources' country is not one."""
    countries = {s.country for s in sources if s.country}
    if len(countries) != 1:
        return []
    country = countries.pop()
    if trig.token.pos_ == "NOUN" and _legal_role(trig) == "COP":  # "made 13 DUI arrests": that many people
        return [_supplied(n, f"{country}{role}", country, label, "person")
                for n in trig.token.children if n.dep_ == "nummod" and n.ent_type_ != "MONEY"]
    if trig.token.pos_ != "VERB":
        return []
    return _people_acted_on(trig, ctx, country, role, label)


def _people_acted_on(trig: Trigger, ctx: Context, country: str, role: str, label: str) -> list[ActorMention]:
    """The people no code names that the act is done to ("two men", "three"), supplied with `role` of `country`."""
    # "arrested three for trespassing": a bare number is that many people ("fined $1,000" is no one); "Police
    # later arrested her": a pronoun no coded actor stands behind is a person all the same.
    # "shot a man in Hebron": a place in the person's phrase says where, not who
    return [_supplied(tok, f"{country}{role}", country, label, "person") for tok in target_tokens(trig, ctx)
            if (_no_one_named(tok, ctx) and (tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in _COUNTS_OF_PEOPLE
                                             or (tok.pos_ == "NUM" and tok.ent_type_ != "MONEY")))
            or (tok.lower_ in _PERSONAL_PRONOUNS and not any(a.code for a in slot(tok, ctx)[0]))]


def _no_one_named(token: Token, ctx: Context) -> bool:
    actors, from_place = slot(token, ctx)
    return not actors or from_place


_PERSONAL_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them"})
# Words that count people without a number ("police arrested dozens", "killed scores"): that many people.
_COUNTS_OF_PEOPLE = word_list("eventwire.events", "count_of_people")


def _people_doing(token: Token, ctx: Context, country: str, role: str, label: str) -> list[ActorMention]:
    """The subjects of `token` that a person noun describes and no code names ("a man stabbed", "a Baltimore man
    pleaded"), supplied with `role` of `country`."""
    return [_supplied(subj, f"{country}{role}", country, label, "person") for subj in subjects_of(token)
            if subj.lemma_.lower() in PERSON_NOUNS and not slot(subj, ctx)[0]]


def known_as_suspects(trig: Trigger, sources: list[ActorMention], targets: list[ActorMention]) -> list[ActorMention]:
    """"Manafort was sentenced by Judge Jackson": a person the knowledge base does not know, to whom a state
    body's arrest, charge or sentence is done, is a suspect (CRM) of that body's country, or a protester (OPP) if
    taken at a protest; coded targets and acts of anyone else are returned as they are."""
    countries = {s.country for s in sources if s.country and s.sector in _LEGAL_SECTORS}
    if not _police_act_on_people(trig, sources) or len(countries) != 1:
        return targets
    country = countries.pop()
    doc = trig.token.doc
    # "arrested 200 people during the protests": protesters, not suspects
    role = "OPP" if _at_a_protest(trig) else "CRM"
    police_or_court = any(s.sector in ("COP", "JUD") for s in sources)
    arrest = trig.entry.code in _POLICE_TAKING

    def suspect(t: ActorMention) -> bool:
        if not t.code:
            return t.kind == "person"
        if police_or_court and t.resolved_from == "pronoun" and t.sector in ("COP", "JUD", "CVL"):
            # "officers arrested 14 ... They were arrested on warrants": not the officers; "the victim told police
            # the pair had taken money and they were arrested": the pair, suspects, whoever the pronoun found
            return True
        # "A 27-year-old Columbus woman was fined": one the description made a civilian is, to the police, the
        # court or officials arresting (the law's act, "officials in Delhi ... arresting 210 people"), a suspect
        # (soldiers detaining civilians stay civilians).
        return ((police_or_court or (arrest and any(s.sector == "GOV" for s in sources)))
                and t.code == f"{country}CVL" and 0 <= t.token < len(doc)
                and doc[t.token].lemma_.lower() in PERSON_NOUNS)

    return [t.model_copy(update={"code": f"{country}{role}", "country": country, "resolved_from": _CONVENTION})
            if suspect(t) else t for t in targets]


def private_violence(trig: Trigger, ctx: Context) -> tuple[list[ActorMention], list[ActorMention]]:
    """(sources, targets) of violence between people the text does not name: "a man stabbed his neighbour",
    "two teenagers were shot dead". By the coding rules criminal violence is coded whoever does it: a person
    named only by a noun who does it is a criminal (CRM), and the people it is done to civilians (CVL), of
    the country where it happened; the attacker of a passive is unidentified. Only for verbs that name an
    attack in themselves ("stabbed", "shot"; "killed" is also what storms and crashes do), and where the
    country is known; ([], []) otherwise."""
    token = trig.token
    # "in Saturday's fatal shooting of a man": an attack's noun names it as well as its verb
    noun = token.pos_ == "NOUN" and attack_noun(token) and not told_of_an_actor(token, ctx)
    if ctx.table.get(trig.entry.code).root not in VIOLENCE_ROOTS or not (
            noun or (token.pos_ == "VERB" and intended_violence(token))):
        return [], []
    country = _country_of_act(trig, ctx)
    if country is None:
        return [], []
    victims = _people_acted_on(trig, ctx, country, "CVL", "civilians")
    victims += [m.model_copy(update={"code": f"{country}CVL", "country": country, "resolved_from": _CONVENTION})
                for tok in target_tokens(trig, ctx) for m in named_uncoded_at(tok, ctx) if m.kind == "person"]
    if not victims:
        return [], []
    if noun:
        return [unidentified(token)], victims
    if is_passive(token):
        if any(c.dep_ == "agent" for c in token.children):
            return [], []  # an agent the slot could not code: left alone
        return [unidentified(token)], victims
    attackers = _people_doing(token, ctx, country, "CRM", "attacker")
    return (attackers, victims) if attackers else ([], [])


_GUILT_WORDS = frozenset({"guilt", "guilty", "not guilty", "innocent", "not innocent"})


def defendant_plea(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> tuple[list[ActorMention],
                                                                                       list[ActorMention]]:
    """(sources, targets) of a plea: "Zhukovskyy pleaded not guilty", "a Baltimore man pleaded guilty", "McArthur
    admitted his guilt". A defendant the knowledge base does not know is a suspect (CRM) of the country where
    the case is heard, and a plea is made to that country's court; ([], []) for any other act."""
    token = trig.token
    if trig.entry.code not in PLEA_CODES or token.pos_ != "VERB" or not (
            token.lemma_.lower() == "plead" or object_lemmas(token) & _GUILT_WORDS):
        return [], []
    country = _country_of_act(trig, ctx)
    if country is None:
        return [], []
    defendants = [s.model_copy(update={"code": f"{country}CRM", "country": country, "resolved_from": _CONVENTION})
                  if not s.code or s.code == f"{country}CVL" or _person_named_like_a_place(s, token) else s
                  for s in sources]
    if any(s.kind == "country" for s in sources):
        # "Patrick Carlineo, 55, of Addison, pleaded guilty": the person who pleads, not the town they are from
        named = [m.model_copy(update={"code": f"{country}CRM", "country": country, "resolved_from": _CONVENTION})
                 for subj in subjects_of(token) for m in named_uncoded_at(subj, ctx) if m.kind == "person"]
        defendants = named or defendants
    if not defendants:  # "A Baltimore man pleaded guilty": a person the text describes but does not name
        defendants = _people_doing(token, ctx, country, "CRM", "suspect")
    court = [_court_named(token, ctx, country) or _supplied(token, f"{country}JUD", country, "judiciary",
                                                            "government_body")]
    return defendants, court if defendants and token.lemma_.lower() == "plead" else []


def _person_named_like_a_place(source: ActorMention, plea: Token) -> bool:
    """A country pleads nothing: "Moore pleaded guilty", the plea's own subject, is a person, not Moore,
    Oklahoma (a place named elsewhere in the sentence, "a mother in Cass County pleads", is only a place)."""
    if source.kind != "country" or not 0 <= source.token < len(plea.doc):
        return False
    subject = plea.doc[source.token]
    return subject.dep_ == "nsubj" and subject.head.i == plea.i


_COURT_WORDS = frozenset({"court", "judge", "magistrate", "tribunal", "justice"})


def _court_named(plea: Token, ctx: Context, country: str) -> ActorMention | None:
    """"pleaded guilty in Kingston Crown Court", "pleaded guilty before Judge Hoover": the court or judge the
    plea's own phrase names, with its words (the code stays the judiciary of the country of the case)."""
    for prep in (c for c in plea.children if c.dep_ == "prep" and c.lower_ in ("in", "before", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            court = next((t for t in (obj, *obj.children) if t.lemma_.lower() in _COURT_WORDS), None)
            if court is None:
                continue
            span = ctx.doc[obj.left_edge.i: obj.i + 1]
            return ActorMention(text=span.text, name=f"{country} judiciary", code=f"{country}JUD", country=country,
                                kind="government_body", start=span.start_char, end=span.end_char, kb_id=None,
                                resolved_from=_CONVENTION, token=obj.i)
    return None


# The state bodies whose legal acts make their object a suspect.
_LEGAL_SECTORS = frozenset({"COP", "JUD", "GOV", "SPY", "MIL"})


def _supplied(token: Token, code: str, country: str, label: str, kind: str) -> ActorMention:
    """An actor the convention supplies: the person it is done to spans their words; the agent, whom the
    text never names, is an empty span at the verb."""
    named = kind == "person"
    span = token.doc[token.left_edge.i: token.right_edge.i + 1] if named else token.doc[token.i: token.i + 1]
    return ActorMention(text=span.text if named else "", name=f"{country} {label}", code=code, country=country,
                        kind=kind, start=span.start_char, end=span.end_char if named else span.start_char,
                        kb_id=None, resolved_from=_CONVENTION, token=token.i)


def people_of_the_place(target: ActorMention, place: PlaceMention | None, root: str) -> ActorMention:
    """"A car bomb exploded in Baghdad ... The U.S. military said eight people were killed": people no word gives a
    country, harmed by violence, are of the country where it happened, not of an actor their sentence names."""
    if (root not in VIOLENCE_ROOTS or place is None or not place.country or target.resolved_from != "context"
            or target.sector != "CVL" or place.country == target.country):
        return target
    return target.model_copy(update={"code": place.country + "CVL", "country": place.country})
