"""Where an event happened.

- place: a place the trigger or its clause names ("in/at/near/from X"), else one in the sentence that is
  not part of an actor's name ("the Ambassador to Germany"), in a quote the act is not in, or in what a
  statement speaks of ("committing to send troops to Saudi Arabia"), else the dateline, else none (the
  country the story names most is not borrowed); an act (not a statement) whose sentence names no place
  happened where the story's last placed event did, up to two sentences back; an act of the story's police,
  courts, suspects or residents with no place happened in the town or region the story is set in (never a
  country: that would be borrowing it);
- story place: the dateline, else the country the story names most, for conventions that need a country.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Token

from eventwire.datafiles import word_list
from eventwire.events.attacks import is_attack_word
from eventwire.events.codes import PLEA_CODES
from eventwire.events.context import Context, Trigger
from eventwire.events.slots import place_in_np
from eventwire.model import Event, PlaceMention
from eventwire.places.roles import PLACE_NOUNS, in_dateline, says_where
from eventwire.syntax import clause_of

# Prepositions of place (events/data/words.tsv).
_LOCATIVE_PREPS = word_list("eventwire.events", "locative_prep")
_FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})  # acts done in the place they are done to


def carry_places(events: list[Event], doc: Doc) -> list[Event]:
    """Narrative continuity: an event whose sentence names no place happened where the story's last
    placed event did, when that was one or two sentences earlier (an act, not a statement about it). Never
    from its own sentence: a place there was already read and left to the act it belongs to ("The minister,
    who visited Kabul, condemned ...")."""
    sent_starts = [s.start_char for s in doc.sents]
    out: list[Event] = []
    last: tuple[int, PlaceMention] | None = None
    for event in events:
        sent_no = bisect_right(sent_starts, event.evidence.start)
        # A reaction ("Morell praised Mendez", "Trump called for ...") is said wherever its speaker is, not
        # where the story's last act happened.
        if event.place_basis == "article" and last is not None and 0 < sent_no - last[0] <= 2 and \
                event.cameo_root not in VERBAL_ROOTS:
            event = event.model_copy(update={"place": last[1], "place_basis": "previous-sentence"})
        elif event.place is not None and event.place_basis in ("clause", "sentence"):
            last = (sent_no, event.place)
        out.append(event)
    return out


def home_places(events: list[Event], ctx: Context) -> list[Event]:
    """An act of the police, courts, suspects or residents of the story's own country whose text names no place
    for it happened in the town or region the story is set in ("Police arrested two men" in a Hopkinton story:
    Hopkinton), at that place's precision. A story set only in a country places there, at country precision, only
    what its own police, protesters, suspects and residents do on the ground (protest, coercion, force): those act
    at home; statements and state acts, which can be made anywhere, take no place from it."""
    home = story_place(ctx)
    # With no dateline, the town the story keeps naming is where its police and courts act, not where their
    # statements are made (a plea in court is a court act).
    town = _story_town(ctx, home.country) if home is not None and home.feature == "country" else None
    out = []
    for e in events:
        here = town if town is not None and (e.cameo_root not in VERBAL_ROOTS or e.cameo in PLEA_CODES) else home
        # a country is no place to put an act on: "Trump declared an emergency" in a US story is not "in the US"
        if e.place is None and here is not None and here.country and here.feature != "country" and (
                e.source.country == here.country and e.source.sector in _LOCAL_SECTORS):
            e = e.model_copy(update={"place": here, "place_basis": "story"})
        elif e.place is None and here is not None and here.country and e.cameo_root in _PHYSICAL_ROOTS and (
                e.source.country == here.country and e.source.sector in _ON_THE_GROUND_SECTORS):
            # "security forces fired tear gas to disperse protests" in an Iran story: in Iran, at country precision
            e = e.model_copy(update={"place": home, "place_basis": "story"})
        out.append(e)
    return out


# Who acts where the story is: police, courts, suspects and residents (a minister's statement is made anywhere).
_LOCAL_SECTORS = frozenset({"COP", "JUD", "CRM", "CVL"})
# Acts done on the ground, by those who can only do them at home: protest, coercion, force.
_PHYSICAL_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
_ON_THE_GROUND_SECTORS = frozenset({"COP", "CRM", "CVL", "OPP"})


def event_place(trig: Trigger, ctx: Context) -> tuple[PlaceMention | None, str]:
    """The event's place and how it was found: "clause" (named on the trigger's clause or a clause
    governing it), "sentence" (nearest in the sentence, not part of an actor's name), "article" (the
    dateline, else none: the text does not say where, and the country the story names most is not borrowed)."""
    holders = [trig.token]
    verb: Token = trig.clause
    for _ in range(3):
        if verb not in holders:
            holders.append(verb)
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl", "relcl") or verb.head == verb or _own_subject_conj(verb):
            break
        verb = verb.head
    verbal = trig.entry.code[:2] in VERBAL_ROOTS
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                for obj in child.children:
                    place = place_in_np(obj, ctx)
                    if place is None and (seat := seat_of_body(obj, ctx)) is not None:
                        place = _refine_by_dateline(seat, ctx)  # "outside parliament" in a story filed in Algiers
                    if place is None:
                        place = place_named_before(obj, ctx)  # "vandalism against a synagogue in the city"
                    if place is not None and _receiving_country(place, child, trig):
                        continue
                    if place is not None:
                        return place, "clause"
            # "condemned the US strike in Baghdad": an attack a saying is about has its own place ("praised the
            # decision in Berlin" is praise in Berlin)
            if child.dep_ in ("dobj", "npadvmod") and not (verbal and is_attack_word(child)):
                place = _place_of_object(child, ctx)
                # "sanctioned Iran", "blaming Iran": a country as the object is the target; "bombed Syria" is where.
                if place is not None and (place.feature != "country" or trig.entry.code[:2] in _FORCE_ROOTS):
                    return place, "clause"
        if holder.dep_ == "relcl" and any(c.lower_ == "where" for c in holder.children):
            hit = ctx.places.get(holder.head.i)
            if hit is not None:
                return hit, "clause"
    # "Speaking in Brussels, the chancellor criticised ...": a participle opening the clause sets its scene
    for scene in (c for c in trig.clause.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < trig.clause.i):
        for prep in scene.children:
            if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE_PREPS:
                place = next((p for o in prep.children
                              if (p := place_in_np(o, ctx) or seat_of_body(o, ctx)) is not None), None)
                if place is not None:
                    return place, "clause"
    # "Indiana's biggest teacher protest": a protest is where its people are (elsewhere the owner of an
    # event noun is its agent: "Russia's invasion").
    if trig.entry.code[:2] == "14":
        for child in trig.token.children:
            if child.dep_ == "poss" and child.i in ctx.places:
                return ctx.places[child.i], "clause"
    sent = trig.token.sent
    # A place that is part of an actor's name or title ("the Ambassador to Germany", "the Federal Aviation
    # Office of Germany") says who acts, not where.
    # A name the coder could not code as anyone, read as a place too ("a court in Izmir", Izmir tagged a person),
    # is the place.
    naming = [(a.start, a.end) for mentions in ctx.actors.values() for a in mentions
              if a.kind != "country" and (a.code or a.kind != "person")]
    in_sentence = [p for i, p in ctx.places.items() if sent.start <= i < sent.end
                   and not any(start <= (p.start or -1) < end for start, end in naming)
                   and says_where(ctx.doc[i], _LOCATIVE_PREPS)  # not "Steve Scalise of Louisiana", "blaming Iran"
                   and not _in_another_act(ctx.doc[i], trig)
                   and not (p.feature == "country" and (_aimed_at(ctx.doc[i], trig) or _whose_act(ctx.doc[i])
                                                       or _qualifies_a_named_place(ctx.doc[i], ctx)))
                   and not (ctx.doc[i].dep_ == "pobj" and _receiving_country(p, ctx.doc[i].head, trig))
                   and not (ctx.in_quote(ctx.doc[i]) and not ctx.in_quote(trig.token))
                   and not _said_not_done_there(ctx.doc[i], trig)
                   and not _spoken_of(ctx.doc[i], trig)]
    if in_sentence:
        nearest = min(in_sentence, key=lambda p: abs(p.token - trig.token.i))
        return _refine_by_dateline(nearest, ctx), "sentence"
    # a town named by its kind anywhere in the sentence ("vandalism against a synagogue in the city"); a country so
    # named there is mostly a figure of speech ("fears of instability in the country")
    bare = next((p for t in sent if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE_PREPS and not ctx.in_quote(t)
                 and (p := place_named_before(t, ctx)) is not None and p.feature in _TOWNS), None)
    if bare is not None:
        return bare, "sentence"
    if ctx.dateline is not None:
        return ctx.dateline, "article"
    # The text does not say where: the event has no place rather than the country the story names most.
    return None, "article"


def _qualifies_a_named_place(token: Token, ctx: Context) -> bool:
    """"the Turkish city of Izmir": a nationality on a kind of place whose "of" phrase names it; the town is where."""
    head = token.head
    return token.dep_ in ("amod", "compound") and head.lemma_.lower() in PLACE_NOUNS and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.i in ctx.places for o in p.children) for p in head.children)


# "In the city", "in the province", "across the country": a kind of place named bare, and the kinds of place an
# earlier mention of it has.
_TOWNS = ("city", "town")
_PLACE_KINDS = {"city": _TOWNS, "town": _TOWNS, "village": _TOWNS,
                "province": ("admin1",), "state": ("admin1",), "country": ("country",)}


def place_named_before(noun: Token, ctx: Context) -> PlaceMention | None:
    """"Vandalism against a synagogue in the city" after "the Polish city of Gdańsk": a place of a kind named bare,
    with "the" and nothing else, is the last place of that kind the article named before its sentence (else the
    dateline's, for a town)."""
    kinds = _PLACE_KINDS.get(noun.lemma_.lower())
    if kinds is None or noun.pos_ != "NOUN" or [c.lower_ for c in noun.children] != ["the"]:
        return None
    earlier = [p for i, p in ctx.places.items() if i < noun.sent.start and p.feature in kinds]
    if earlier:
        return max(earlier, key=lambda p: p.token)
    dateline = ctx.dateline
    return dateline if dateline is not None and dateline.feature in kinds else None


# Bodies that sit in a chamber or a courtroom of their own country.
_SEATED_SECTORS = frozenset({"LEG", "JUD"})


def seat_of_body(token: Token, ctx: Context) -> PlaceMention | None:
    """"sentenced in U.S. Federal Court", "speaking in the Legislative Council": a legislature or court named where a
    place would be is its chamber: in the place its name gives ("Jackson County Circuit Court"), else in that
    body's country, at the country's centre (country precision: the chamber itself is not on the map)."""
    body = next((a for a in ctx.actors.get(token.i, []) if a.code and a.kind != "country" and a.country
                 and a.sector in _SEATED_SECTORS), None)
    if body is None or body.country is None:
        return None
    named = [ctx.places[t.i] for t in token.subtree if t.i in ctx.places and t.i != token.i]
    if named:
        return named[0]  # "in Jackson County Circuit Court": the place its name gives
    country = ctx.kb.countries.get(body.country)
    if country is None or country.lat is None or country.lon is None:
        return None
    return PlaceMention(text=body.text, name=country.name, lat=country.lat, lon=country.lon, country=country.iso3,
                        admin1=None, start=body.start, end=body.end, feature="country", token=token.i)


def _place_of_object(token: Token, ctx: Context) -> PlaceMention | None:
    """The place an object names as where the act is done: itself ("bombed Syria"), one "in/near/at" it, or
    "of X" under a noun of place ("the outskirts of Aleppo"); not what the object is about ("condemned the
    annexation of Crimea")."""
    site = token.lemma_.lower() in PLACE_NOUNS or token.lower_ in PLACE_NOUNS
    for child in token.children:
        if child.dep_ == "prep" and (child.lower_ in ("in", "near", "at") or (child.lower_ == "of" and site)):
            for obj in child.children:
                place = place_in_np(obj, ctx)  # "near the West Bank city of Hebron"
                if place is not None:
                    return place
    # the object itself ("bombed Syria"), after any place its own phrase names ("a Palestinian near Hebron")
    return ctx.places.get(token.i)


# Acts done by saying something: statements, appeals, intents, praise, demands, criticism, rejections, threats,
# denials. Where they were said is not where what they speak of happens.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


def _said_not_done_there(token: Token, trig: Trigger) -> bool:
    """"committing to send more troops to Saudi Arabia", "said Russian forces will leave Syria": a place in the
    clause a statement, appeal or promise embeds is what it speaks of, not where it was said."""
    if trig.entry.code[:2] not in VERBAL_ROOTS:
        return False
    verb = clause_of(token)
    return verb is not None and verb != trig.clause and trig.clause in list(verb.ancestors)


# Prepositions that say what a saying is about or aimed at (not when or where: "after a trial in Paris").
_CONTENT_PREPS = frozenset({"of", "about", "on", "over", "against", "to", "for", "as", "with", "regarding"})
_VERDICT = "116"


def _spoken_of(token: Token, trig: Trigger) -> bool:
    """"attacked the proclamation of the Golan Heights as Israeli territory": for an act done by saying, a place
    inside what it is said of (its object, complement or "of"/"about"/"against" phrase) is what it speaks of, not
    where it was said."""
    if trig.entry.code[:2] not in VERBAL_ROOTS or trig.entry.code == _VERDICT:
        return False  # a verdict is given in court, where its trial was ("after a jury trial in Paris")
    content = [c for c in trig.token.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd")
               or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS)]
    return any(token in c.subtree for c in content)


def _whose_act(token: Token) -> bool:
    """"were killed in a US airstrike": a country naming whose act a noun is says who, not where ("in a US prison",
    a place's noun, says where)."""
    head = token.head
    return token.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in PLACE_NOUNS


def _receiving_country(place: PlaceMention, prep: Token, trig: Trigger) -> bool:
    """"handed over the pilot to India", "extradited him to Bahrain": a country someone is handed to receives
    them; the hand-over did not happen all over it (aid sent to a country is delivered there)."""
    return place.feature == "country" and prep.lower_ == "to" and prep.lower_ in trig.entry.target_preps and (
        trig.entry.code[:2] in _TRANSFER_ROOTS)


# Material cooperation and concessions: people and things handed from one side to another.
_TRANSFER_ROOTS = frozenset({"06", "08"})


def _aimed_at(token: Token, trig: Trigger) -> bool:
    """"imposed sanctions on Russia", "pressure against Iran": a country after "on"/"against" under a noun is
    what the act is aimed at, not where it happened (unless the act is force: "strikes on Syria")."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in ("on", "against", "upon") and head.head.pos_ == "NOUN" \
        and trig.entry.code[:2] not in _FORCE_ROOTS


def _own_subject_conj(verb: Token) -> bool:
    """"claimed by a militia in Somalia, but Ethiopia accused ...": a conjunct with its own subject is another
    act, whose places are its own."""
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _in_another_act(token: Token, trig: Trigger) -> bool:
    """A place describing someone in the clause of another act ("claimed by a militia in Somalia, but Ethiopia
    accused ...") says who that is, not where this act happened; a place where that other act happened
    ("Protests erupted in Tehran and police arrested dozens") is still the story's scene, but not where an act
    still to be done would happen ("committing to send troops to Saudi Arabia")."""
    verb = clause_of(token)
    if verb is None or token.dep_ != "pobj":
        return False
    apart = verb not in _clause_chain(trig.clause) and trig.clause not in _clause_chain(verb)
    # "blaming Iran, committing to send more troops to Saudi Arabia": where an act yet to be done would happen
    if apart and verb.dep_ == "xcomp" and verb.tag_ == "VB":
        return True
    return apart and token.head.head.pos_ not in ("VERB", "AUX")


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the words above it, up to a conjunct with its own subject (another act)."""
    chain = [verb]
    while verb.head != verb and not _own_subject_conj(verb):
        verb = verb.head
        chain.append(verb)
    return chain


def _refine_by_dateline(place: PlaceMention, ctx: Context) -> PlaceMention:
    """A country named loosely in the sentence ("outside Georgia's parliament") is, in a story
    datelined in one of its cities, that city."""
    line = ctx.dateline
    if place.feature == "country" and line is not None and line.country == place.country:
        return line
    return place


def story_place(ctx: Context) -> PlaceMention | None:
    """Where the story is, for conventions that need a country when the act's own place is not given: the
    dateline, else the country the story names most."""
    return ctx.dateline if ctx.dateline is not None else _dominant_place(ctx)


def _dominant_place(ctx: Context) -> PlaceMention | None:
    countries = Counter(p.country for p in ctx.all_places if p.country)
    if not countries:
        return None
    top = countries.most_common(1)[0][0]
    national = [p for p in ctx.all_places if p.country == top and p.feature == "country"]
    return (national or [p for p in ctx.all_places if p.country == top])[0]


def _story_town(ctx: Context, country: str | None) -> PlaceMention | None:
    """With no dateline, the town a story keeps naming in its own country ("Bruce McArthur, from Toronto ...
    pleaded guilty at the Superior Court"): named at least twice, and more often than any other place below a
    country."""
    towns = Counter(p.name for p in ctx.all_places if p.country == country and p.feature != "country")
    ranked = towns.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(p for p in ctx.all_places if p.name == ranked[0][0])


def dateline_place(doc: Doc, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """Where the story was filed: the dateline the ingest split off, else one opening the text or its first
    paragraph after the headline ("Lawmakers weigh apology. HARTFORD — Connecticut legislators ...")."""
    split_off = next((p for p in places if p.start is None), None)
    if split_off is not None:
        return split_off
    opening = [s.start for s in list(doc.sents)[:_DATELINE_SENTENCES]]
    return next((p for p in sorted((p for p in places if p.start is not None), key=lambda p: p.token)
                 if 0 <= p.token < len(doc) and doc[p.token].sent.start in opening and in_dateline(doc[p.token])),
                None)


# A dateline opens the text, or follows a headline run into it.
_DATELINE_SENTENCES = 2
