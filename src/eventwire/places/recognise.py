"""Toponym recognition: which spans of a parse name places.

The small spaCy model finds most toponyms as GPE/LOC/FAC; the gazetteer backs it up where the model
misses: curated names (bases, provinces), short forms ("Ky.", "N.Y.", "NSW"), places leading an
organisation's name ("Queensland Government", "Texas Department of Health"), places after a locative
preposition, gazetteer-known proper nouns the model left untagged, and small towns (places.cues) that the
sentence itself calls places ("a Metter man", "Lopez, 35, of Ocilla,"). Guards keep people, organisation
acronyms and common capitalised words out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.datafiles import name_key, read_tsv
from eventwire.phrases import add_patterns, phrase_keys
from eventwire.places.cues import (
    LOCAL_BODIES,
    PLACE_MODIFIED,
    home_of_person,
    leads_local_body,
    modifies_town_noun,
    name_runs,
)
from eventwire.places.gazetteer import Gazetteer
from eventwire.places.vehicles import names_a_vehicle

NER_LABELS = frozenset({"GPE", "LOC", "FAC"})
COUNTY = "COUNTY"  # the label of a name read with " County" after it: "Harvey, Harper and Kingman counties"
DEMONYM = "DEMONYM"  # the label of a span resolved through the gazetteer's demonyms, to its country

# Short upper-case names safe to match case-sensitively ("UK" is the country, "Us" never is).
_SHORT_UPPER_OK = frozenset({"UK", "US", "USA", "UAE", "DRC", "PRC", "DPRK", "ROK", "KSA"})


@dataclass(frozen=True)
class PlaceMatcher:
    matcher: PhraseMatcher  # curated names, case-insensitive
    exact: PhraseMatcher    # short forms and acronyms, case-sensitive
    ambiguous_short: frozenset[str]  # short forms that are also words ("Miss.", "Wash."): only after "Town,"


def build_place_matcher(gazetteer: Gazetteer, nlp: Language) -> PlaceMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    long_names = [n for n in gazetteer.curated_names if not n.isupper() or len(n) > 4]
    short = [n for n in gazetteer.curated_names if n.isupper() and len(n) <= 4 and ("." in n or n in _SHORT_UPPER_OK)]
    rows = list(read_tsv("eventwire.places", "short_forms.tsv"))
    exact_names = short + [r["short"] for r in rows]
    keys = phrase_keys(nlp, [*long_names, *exact_names], "places")  # token keys, not Docs: phrases.py
    add_patterns(matcher, "PLACE", [keys[n][1] for n in long_names])
    add_patterns(exact, "PLACE", [keys[n][0] for n in exact_names])
    ambiguous = frozenset(r["short"] for r in rows if r["ambiguous"] == "yes")
    return PlaceMatcher(matcher, exact, ambiguous)


def find_toponyms(doc: Doc, gazetteer: Gazetteer, matcher: PlaceMatcher,
                  resolvable: Callable[[Span], bool] = lambda span: True) -> list[Span]:
    """The place-naming spans of a parse that `resolvable` accepts, without overlaps (the longest wins):
    an unknown "Nashville Airport" must not hide the "Nashville" inside it."""
    spans = _demonyms_of_place(doc, gazetteer)  # first: it wins a tie with NER's "Sri Lankan" GPE
    spans += _counties_in_a_row(doc, gazetteer)  # and "Harper" of "Harper and Kingman counties" is a county, not a town
    # "rejected Titan's request": a common word the model took for a place is one only if a populous place has it
    spans += [e for e in doc.ents if e.label_ in NER_LABELS and not _is_acronym_of_org(e, gazetteer)
              and not (name_key(e.text) in _COMMON_WORDS and not _populous(e, gazetteer))]
    spans = _without_people(doc, spans, gazetteer)
    spans += [Span(doc, s, e, label="PLACE") for _, s, e in matcher.matcher(doc)
              if _capitalised(doc[s:e]) and not _shouted_acronym(doc[s:e], gazetteer)]
    spans += _short_forms(doc, matcher)
    spans += _locative_names(doc, gazetteer)
    spans += _mislabelled_places(doc, gazetteer)
    spans += _towns_by_cue(doc, gazetteer)
    spans += _places_in_org_names(doc, gazetteer)
    spans += _places_as_people(doc, gazetteer)
    spans += _untagged_names(doc, gazetteer)
    spans += _shouted_datelines(doc, gazetteer)
    spans += _places_as_organisations(doc, gazetteer)
    spans += _party_home_places(doc)
    return filter_spans([s for s in spans if resolvable(s) and not names_a_vehicle(s)])


def _capitalised(span: Span) -> bool:
    return span[0].text[:1].isupper()


def _shouted_acronym(span: Span, gazetteer: Gazetteer) -> bool:
    """"SWAT" matched case-insensitively to "Swat": an all-caps word the curated names never write so."""
    return len(span) == 1 and span.text.isupper() and len(span.text) > 1 and span.text not in gazetteer.curated_upper


def _is_acronym_of_org(ent: Span, gazetteer: Gazetteer) -> bool:
    """"OAS", "NATO" tagged GPE: an all-caps token the curated names do not list is an organisation."""
    text = ent.text
    if not (len(ent) == 1 and text.isupper() and text.isalpha()) or name_key(text) in gazetteer.curated_keys:
        return False
    # "CINCINNATI (AP)": a long all-caps word that is a city's own name is a dateline, not an acronym.
    key = name_key(text)
    return len(text) <= 5 or not any(name_key(p.name) == key and p.population >= 50000
                                     for p in gazetteer.by_key.get(key, ()))


def _short_forms(doc: Doc, matcher: PlaceMatcher) -> list[Span]:
    """"Ky.", "N.Y.", "U.S.", "NSW"; a short form that is also a word ("Miss.", "Wash.", "Ind.") only in
    "Town, Miss." and an all-caps one not inside an all-caps headline."""
    out = []
    for _, s, e in matcher.exact(doc):
        span = doc[s:e]
        if span.text in matcher.ambiguous_short and not (s >= 2 and doc[s - 1].text == "," and
                                                        doc[s - 2].text[:1].isupper()):
            continue
        if span.text.isalpha() and _in_all_caps_line(doc, s, e):
            continue
        out.append(Span(doc, s, e, label="PLACE"))
    return out


def _in_all_caps_line(doc: Doc, start: int, end: int) -> bool:
    around = [t for t in doc[max(0, start - 3): end + 3] if t.is_alpha and t.i not in range(start, end)]
    return bool(around) and all(t.text.isupper() for t in around)


_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "from", "into", "towards", "toward"})


def _locative_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Proper nouns after a locative preposition that NER left unlabelled or mislabelled ("in Damboa"),
    kept when the gazetteer knows the name."""
    out = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
            continue
        if token.ent_type_ in NER_LABELS or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
            continue
        left = min([token.i] + [c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
        span = doc[left: token.i + 1]
        if name_key(span.text) not in _COMMON_WORDS and gazetteer.candidates(span.text):
            out.append(Span(doc, span.start, span.end, label="PLACE"))
    return out


def _mislabelled_places(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Entities NER calls PERSON or ORG that are places by their syntax and known to the gazetteer:
    "Mansfield, Ohio" (a place followed by its state or country), "an Alexandria woman"."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or not gazetteer.by_key.get(name_key(ent.text)):
            continue
        after = doc[ent.end: ent.end + 2]
        followed_by_region = (len(after) == 2 and after[0].text == ","
                              and after[1].ent_type_ == "GPE")
        modifies_place_noun = ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in PLACE_MODIFIED
        if followed_by_region or modifies_place_noun:
            out.append(Span(doc, ent.start, ent.end, label="PLACE"))
    return out


def _towns_by_cue(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Capitalised names the model tags ORG, PERSON or nothing that the sentence itself calls places, small
    towns included: "a Metter man", "Maria Lopez, 35, of Ocilla,", "Glennville Police Chief" - unless the
    article uses the word for a person ("Coach Jesup")."""
    out = []
    people: set[str] | None = None
    for run in name_runs(doc, _LED_BY_PLACE, NER_LABELS):
        if not (modifies_town_noun(run) or home_of_person(run) or leads_local_body(run)):
            continue
        if not _known_name(run, gazetteer, towns=True):
            continue
        people = _people_words(doc, first_names=False, persons=False) if people is None else people
        if not any(t.lower_ in people for t in run) and not _named_person_elsewhere(run):
            out.append(Span(doc, run.start, run.end, label="PLACE"))
    return out


def _named_person_elsewhere(run: Span) -> bool:
    """A word of the run in another person's name than the run itself ("Glen Allen woman" tagged PERSON, here
    or wherever the article repeats it, is no person's name; "Raquel Henry" ... "Henry County" is)."""
    words = {t.lower_ for t in run}
    return any(e.label_ == "PERSON" and len(e) > 1 and e.text != run.text
               and not (e.start < run.end and run.start < e.end) and words & {t.lower_ for t in e}
               for e in run.doc.ents)


# Capitalised words that are also names of towns somewhere: never a toponym on their own.
_COMMON_WORDS = frozenset(name_key(w) for w in (
    "University", "College", "Police", "Court", "Council", "City", "County", "State", "Department", "Hospital",
    "Church", "School", "Center", "Centre", "Union", "Independence", "Liberty", "Mobile", "Reading", "Bath",
    "Nice", "March", "May", "Victory", "Progress", "Enterprise", "Commerce", "Industry", "Justice", "Unity",
    "Friendship", "Hope", "Faith", "Eden", "Paradise", "Providence", "Concord", "Harmony", "Mission", "Split",
    "Colon", "Of", "The", "Ball", "Bar", "Best", "Deal", "Early", "Florence", "Marion", "Orange", "Sale",
    "Young", "Gay", "Beer", "Bet", "Man", "Male", "Mayor", "Sheriff", "Governor", "President", "Republican",
    "Democrat", "Christian", "Catholic", "Baptist", "Federal", "National", "General", "Royal", "Sun", "Moon",
    "God", "Titan", "Metro", "Officer", "Sens", "Walker", "Vice", "Superior", "North", "South", "East", "West",
    "Northwest", "Northeast", "Southwest", "Southeast", "Western", "Eastern", "Northern", "Southern", "Central",
    "Mount", "Lake", "River", "Park", "Valley", "Beach", "Island", "Bay", "Hill", "Heights", "Springs", "Leader",
))
# Titles and institutions a place name leads: "Dublin Mayor Marilee Chinnici-Zuercher", "Gainesville Police".
_LED_BY_PLACE = frozenset({
    "mayor", "police", "sheriff", "council", "city", "county", "state", "department", "board", "school", "schools",
    "government", "governor", "fire", "court", "commissioner", "commissioners", "officials", "residents",
    "township", "university", "college", "library", "hospital", "chamber", "public", "community", "high",
    "superior", "area", "regional", "municipal", "memorial", "parks", "water", "housing", "transit", "utilities",
    "downtown", "history", "historical", "museum", "veterans", "recreation", "rescue", "district", "unified",
    "independent", "town", "village", "borough", "metro", "health", "planning", "zoning", "economic",
    "development", "visitors", "convention", "airport", "international", "middle", "elementary", "branch",
    "medical", "general", "symphony", "zoo", "arts", "little", "youth", "civic", "rotary", "lions",
    "kiwanis", "jaycees", "heritage", "main", "street", "times", "daily", "herald", "news", "gazette", "tribune",
    "courier", "journal", "post", "star", "register", "record", "observer", "fiscal", "circuit",
    "science", "performing", "volunteer", "theatre", "theater", "orchestra", "club", "boys", "girls", "bus",
})


def _known_name(span: Span, gazetteer: Gazetteer, shouted: bool = False, towns: bool = False) -> bool:
    """A span the main gazetteer knows under its own (not an alternate) name, a country or a region; with
    `towns`, a small town of that very name too (for spans whose sentence already says they are places)."""
    key = name_key(span.text)
    if not key or key in _COMMON_WORDS or (span.text.isupper() and len(span.text) <= 4 and not shouted):
        return False
    if any(p.feature != "city" or name_key(p.name) == key for p in gazetteer.by_key.get(key, ())):
        return True
    return towns and any(name_key(p.name) == key for p in gazetteer.towns_named(span.text))


# An organisation whose name begins with a place: "Queensland Government", "Gainesville Police Department".
def _places_in_org_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The place leading or closing an organisation's name ("Texas Department of Health", "University of
    Kentucky"), the longest known prefix of at most four words."""
    out = []
    for ent in doc.ents:
        start = _after_directions(doc, ent.start + 1 if ent[0].lower_ == "the" else ent.start, ent.end)
        # GPE/LOC too: the model tags "Lamar County Commissioners" GPE, which no gazetteer resolves whole.
        if ent.label_ not in ("ORG", "FAC", "PERSON", "WORK_OF_ART", "GPE", "LOC", "EVENT") or ent.end - start < 2:
            continue
        for size in range(min(4, ent.end - start - 1), 0, -1):
            head = doc[start: start + size]
            # A town leads only a local body ("Gainesville Police", not "the Green Party"); a state or
            # country leads any organisation ("Texas Department of Health", "Queensland Government").
            local_body = doc[head.end].lower_ in _LED_BY_PLACE or doc[head.end].tag_ == "POS"  # "Gainesville's"
            # A county leads what the model calls a place or an event too ("the Titus County Jail", "the Walker
            # County Fair"): the whole is no gazetteer's, so the county is the place named.
            county_led = ent.label_ in ("GPE", "LOC", "EVENT") and head[-1].lower_ in _COUNTY_WORDS
            institution = local_body or county_led or (ent.label_ in ("ORG", "FAC") and _region_name(head, gazetteer))
            # A small town only before a town's own body ("Glennville Police", not "Worden Elementary").
            town_body = doc[head.end].lower_ in LOCAL_BODIES
            if institution and _capitalised(head) and head[-1].text[:1].isupper() and \
                    _known_name(head, gazetteer, towns=town_body):
                out.append(Span(doc, head.start, head.end, label="PLACE"))
                break
        if ent.label_ not in ("ORG", "FAC"):
            continue
        of = next((t for t in reversed(ent) if t.lower_ == "of" and t.i > ent.start), None)
        if of is not None and of.i + 1 < ent.end:
            tail = doc[_after_directions(doc, of.i + 2 if doc[of.i + 1].lower_ == "the" else of.i + 1, ent.end):
                       ent.end]
            if _capitalised(tail) and _known_name(tail, gazetteer):
                out.append(Span(doc, tail.start, tail.end, label="PLACE"))
    return out


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "sgt", "officer", "judge", "coach", "st",
                     "president", "senator", "governor", "mayor", "minister", "secretary", "chief", "sheriff",
                     "deputy", "detective", "lt", "capt", "col", "prof", "rev", "father", "pastor"})
_SPEECH = frozenset({"say", "tell", "add", "claim", "state", "insist", "comment", "note", "explain", "ask", "recall"})


def _people_words(doc: Doc, speakers: bool = True, first_names: bool = True, persons: bool = True) -> set[str]:
    """Words the article uses for a person: a full name's last ("Raquel Henry"), after a title ("coach Ripley",
    "President Obama") or as the speaker of a quote ("Robertson said")."""
    # Every word of a full name ("David Turpin" ... "David"), or only its last (how an article refers back):
    # enough to overrule NER's GPE, whose full "names" can be a mislabelled place ("Litchfield Fire Chief").
    words = {t.lower_ for e in doc.ents if persons and e.label_ == "PERSON" and len(e) > 1
             for t in (e if first_names else e[-1:])}
    for token in doc:
        if token.pos_ != "PROPN":
            continue
        before = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
        speaker = speakers and token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH
        if before in _TITLES or speaker:
            words.add(token.lower_)
    return words


def _without_people(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Drop a one-word town the article uses as a person's name ("coach Ripley"); a country or state keeps
    its name ("Georgia", "Washington")."""
    people = _people_words(doc, speakers=False, first_names=False)
    out = []
    for span in spans:
        if len(span) == 1 and span[0].lower_ in people and not any(
                p.feature != "city" for p in gazetteer.candidates(span.text)):
            continue
        out.append(span)
    return out


def _places_as_organisations(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """A one-word ORG or PRODUCT that is a populous place by its own name ("Atlanta", "Saratoga"): the
    small model's usual error for a town it does not know, unless the article uses the word for a person."""
    people: set[str] | None = None
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PRODUCT", "NORP") or len(ent) != 1 or not ent.text[:1].isupper():
            continue
        if ent.text.isupper() or not (_known_name(ent, gazetteer) and _populous(ent, gazetteer)):
            continue
        people = _people_words(doc) if people is None else people
        if ent[0].lower_ not in people:
            out.append(Span(doc, ent.start, ent.end, label="PLACE"))
    return out


def _places_as_people(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """A one-word PERSON the gazetteer knows ("Steven Sachs of Alexandria", "Gainesville's charter"), unless
    the article names a person with that word ("Raquel Henry" ... "Henry") or a title precedes it."""
    people_words = _people_words(doc)
    named_people = _people_words(doc, speakers=False)
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) != 1:
            continue
        # "Tbilisi says": a capital or a country that speaks is its government, still a place name.
        if ent[0].lower_ in named_people or (ent[0].lower_ in people_words and not _seat_of_state(ent, gazetteer)):
            continue
        # "Trump met Kim": a name a verb acts on is a person's, unless it is a capital or a country ("visited
        # Tbilisi"); a place is where something is or whose something is ("of Alexandria", "Gainesville's"), and a
        # town acting stands for its council ("Gainesville approved the plan").
        appealing = ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in _APPEALS  # "Anderson again urged"
        if (ent.root.dep_ in _ACTED_ON_DEPS or appealing) and not _seat_of_state(ent, gazetteer):
            continue
        if _known_name(ent, gazetteer) and _populous(ent, gazetteer):
            out.append(Span(doc, ent.start, ent.end, label="PLACE"))
    return out


_ACTED_ON_DEPS = frozenset({"dobj", "dative", "agent"})
# What people do and towns do not: urging, pleading, warning (a town "says" through its council too).
_APPEALS = frozenset({"urge", "plead", "implore", "beg", "warn", "vow", "pledge", "promise", "admit", "deny"})


def _seat_of_state(span: Span, gazetteer: Gazetteer) -> bool:
    key = name_key(span.text)
    return any(p.capital or p.feature == "country" for p in gazetteer.by_key.get(key, ()) if name_key(p.name) == key)


def _populous(span: Span, gazetteer: Gazetteer) -> bool:
    return any(p.population >= 15000 or p.feature != "city" for p in gazetteer.by_key.get(name_key(span.text), ()))


def _region_name(span: Span, gazetteer: Gazetteer) -> bool:
    return any(p.feature in ("country", "admin1", "admin2", "region")
               for p in gazetteer.by_key.get(name_key(span.text), ()))


def _untagged_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Runs of proper nouns NER left without a label that the gazetteer knows by their own name
    ("420 Augusta St., Alexandria"); not the first word of a sentence, where any word is capitalised."""
    out = []
    people_words: set[str] | None = None
    i = 0
    while i < len(doc):
        if not _untagged_propn(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and _untagged_propn(doc[j]):
            j += 1
        run = doc[_after_directions(doc, i, j): j]
        if len(run) and not (run[0].is_sent_start and len(run) == 1) and _known_name(run, gazetteer):
            people_words = _people_words(doc) if people_words is None else people_words
            if not (len(run) == 1 and run[0].lower_ in people_words):
                out.append(Span(doc, run.start, j, label="PLACE"))
        i = j
    return out


def _untagged_propn(token: Token) -> bool:
    return token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper() and token.is_alpha


_DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                              "northern", "southern", "eastern", "western", "central", "upper", "lower", "metro",
                              "greater", "downtown", "historic", "old"})


def _after_directions(doc: Doc, start: int, end: int) -> int:
    """The first token after leading direction words: "Northeast Georgia", "Western Pennsylvania Kennel Club"."""
    while start < end - 1 and doc[start].lower_ in _DIRECTION_WORDS:
        start += 1
    return start


_DATELINE_MARKS = frozenset({"—", "–", "-", "--", "---", ":"})


def _shouted_datelines(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """"CHARLESTON, W.Va. --", "MANSFIELD — The ...", "BEIRUT: ...": an all-caps place name followed by a
    comma, or opening a sentence and followed by a dash or colon, as datelines write it. Behind a dash a
    small town counts too ("BANTAM —"): nothing else opens a news paragraph in capitals and a dash."""
    out = []
    for token in doc[:-1]:
        starts_name = token.i == 0 or not (doc[token.i - 1].text.isupper() and doc[token.i - 1].is_alpha)
        if not (starts_name and token.text.isupper() and token.is_alpha and len(token.text) > 3):
            continue
        end = token.i + 1
        while end < len(doc) and ((doc[end].text.isupper() and doc[end].is_alpha) or doc[end].text == "OF"):
            end += 1
        start = token.i
        if token.i > 1 and doc[token.i - 1].text == "." and doc[token.i - 2].text in ("ST", "MT", "FT"):
            start = token.i - 2  # "ST. PAUL --", tokenised "ST", ".", "PAUL"
        elif token.i > 0 and doc[token.i - 1].text in ("ST.", "MT.", "FT."):
            start = token.i - 1
        span = doc[start: end]
        if end >= len(doc):
            continue
        mark = _mark_at(doc, end)
        if mark == "(":  # "MOSCOW (AP) —": the agency's credit stands between the name and the dash
            mark = _mark_after_credit(doc, end if doc[end].text == "(" else end + 1)
        first = doc[span.start]
        opens = first.is_sent_start or first.i == 0 or doc[first.i - 1].is_punct or doc[first.i - 1].is_space
        before_comma = mark == "," and _known_name(span, gazetteer, shouted=True)
        before_dash = (opens and (mark in _DATELINE_MARKS or doc[end].is_space)
                       and name_key(span.text) not in _COMMON_WORDS and bool(gazetteer.candidates(span.text)))
        if before_comma or before_dash:
            out.append(Span(doc, span.start, span.end, label="PLACE"))
    return out


def _mark_after_credit(doc: Doc, opening: int) -> str:
    """The mark after a short parenthesised credit ("(AP)", "(Reuters)") that opens at `opening`, else "("."""
    closing = next((t.i for t in doc[opening + 1: opening + 5] if t.text == ")"), None)
    if closing is None or closing + 1 >= len(doc):
        return "("
    return _mark_at(doc, closing + 1)


def _mark_at(doc: Doc, i: int) -> str:
    """The text at token `i`, or at the next token when `i` is only whitespace (a line break before the dash)."""
    return doc[i + 1].text if doc[i].is_space and i + 1 < len(doc) else doc[i].text


_COUNTY_NOUNS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}
_COUNTY_WORDS = frozenset({"county", "parish", "borough"})


def _counties_in_a_row(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """"Harvey, Harper and Kingman counties", "Jackson and Barrow counties": each name is a county's; not
    "Indiana counties" (the counties of a state)."""
    out = []
    for token in doc:
        if token.lower_ not in _COUNTY_NOUNS or token.i == 0:
            continue
        names = []
        i = token.i - 1
        while i >= 0:
            end = i + 1
            while i >= 0 and doc[i].is_alpha and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN":
                i -= 1
            if i + 1 == end:
                break
            names.append(Span(doc, i + 1, end, label=COUNTY))
            while i >= 0 and doc[i].lower_ in (",", "and", "or", "&"):
                i -= 1
        if len(names) == 1 and _region_name(names[0], gazetteer):
            continue
        out += names
    return out


# Party and home town after a legislator's name: "Robert Ford, D-Charleston", "Nancy Pelosi, D-Calif".
_PARTIES = frozenset({"D", "R", "I", "DFL", "Ind", "Dem", "Rep"})


def _party_home_places(doc: Doc) -> list[Span]:
    out = []
    for token in doc[:-3]:
        if token.text not in _PARTIES or doc[token.i + 1].text not in ("-", "–"):
            continue
        start = end = token.i + 2
        while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        if start < end and end < len(doc) and doc[end].text in (",", ")", ";", "."):
            out.append(Span(doc, start, end, label="PLACE"))
    return out


# Nouns after which a nationality adjective says where: "a Georgian village", "on Russian soil",
# "Egyptian police". Not "Russian troops" or "the Russian embassy" (they say who, or where abroad).
_WHERE_NOUNS = frozenset({
    "village", "town", "city", "capital", "territory", "soil", "border", "coast", "port", "airspace", "waters",
    "region", "province", "countryside", "mainland", "side", "land", "island", "islands", "enclave", "frontier",
    "shore", "district", "police", "authorities", "court", "courts", "parliament", "prison", "hospital", "streets",
    "villages", "towns", "cities", "regions", "provinces", "lands", "ports", "territories",
})


def _demonyms_of_place(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Nationality adjectives ("Georgian", "Sri Lankan") that modify a noun of place, as their country."""
    out = []
    for token in doc:
        if token.dep_ not in ("amod", "compound") or not token.text[:1].isupper():
            continue
        if token.head.lemma_.lower() not in _WHERE_NOUNS and token.head.lower_ not in _WHERE_NOUNS:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        starts = [token.i - 1, token.i] if before is not None and before.text[:1].isupper() else [token.i]
        for left in starts:  # "Sri Lankan" before "Lankan"
            if name_key(doc[left: token.i + 1].text) in gazetteer.demonyms:
                out.append(Span(doc, left, token.i + 1, label=DEMONYM))
                break
    return out
