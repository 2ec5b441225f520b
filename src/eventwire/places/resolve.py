"""Stage 5b: toponyms in a parse -> coordinates, country and admin1.

Recognition is places.recognise (spaCy's entities backed by the gazetteer). Resolution: among the gazetteer's
candidates for a name, the best by feature type, population and the article's country focus; a
definite description ("the country", "the base") takes the most recent place of its kind.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from eventwire.datafiles import name_key
from eventwire.model import PlaceMention
from eventwire.places.cues import home_of_person, leads_local_body, modifies_town_noun
from eventwire.places.gazetteer import Gazetteer, Place, km_between
from eventwire.places.recognise import COUNTY, DEMONYM, PlaceMatcher, find_toponyms
from eventwire.places.streets import place_streets, street_spans

_FEATURE_PRIOR = {"town": -0.5, "country": 4.0, "admin1": 2.5, "region": 2.5, "airbase": 3.0, "naval_base": 3.0,
                  "military_base": 3.0, "airport": 2.0, "border_crossing": 3.0, "camp": 2.0, "facility": 2.0,
                  "city": 0.0, "admin2": 0.0}
_CAPITAL_BONUS = 2.0
# How many toponyms of one country make a story that country's, for a capital's name to be a town there.
_FIRM_FOCUS = 3
# Description nouns and the gazetteer features they can refer back to.
_DESCRIPTIONS = {
    "country": {"country"}, "nation": {"country"},
    "base": {"airbase", "naval_base", "military_base"}, "airbase": {"airbase"},
    "city": {"city"}, "town": {"city"}, "capital": {"city"},
    "province": {"admin1"}, "governorate": {"admin1"}, "region": {"admin1", "region"},
    "camp": {"camp"}, "crossing": {"border_crossing"}, "airport": {"airport"},
}
_SUFFIXES = ("province", "governorate", "region", "state", "district", "city", "countryside", "area")


def resolve_places(doc: Doc, gazetteer: Gazetteer, matcher: PlaceMatcher, dateline: str | None = None
                   ) -> tuple[PlaceMention, ...]:
    """Toponyms of the text, plus the dateline's place (with no offsets) when the article has one."""
    streets = street_spans(doc)
    # "Dublin Road" is a street, wherever it runs: not the town it is named for.
    toponyms = [span for span in find_toponyms(doc, gazetteer, matcher, lambda span: bool(_candidates(gazetteer, span))
                                               or _regions_after(doc, span.end, gazetteer) is not None)
                if not any(s.start < span.end and span.start < s.end for s in streets)]
    candidates = {span.start: _candidates(gazetteer, span) for span in toponyms}
    _settle_towns_in_regions(doc, toponyms, candidates, gazetteer)
    ordered = [s for s in sorted(toponyms, key=lambda s: s.start) if candidates[s.start]]
    # Two passes: the first reads each toponym with the countries named unambiguously; the second
    # rereads every one in the light of all first readings (country focus, shared admin1, proximity),
    # so "Athens" beside "Clarke County" and "Georgia" in a US story is Athens, Georgia.
    focus = _focus(candidates.values())
    told: dict[str, tuple[Place, ...]] = {}
    for span in ordered:
        options = candidates[span.start]
        candidates[span.start] = _town_when_told(span, options, gazetteer, focus)
        if candidates[span.start] != options:
            told[name_key(span.text)] = candidates[span.start]
    for span in ordered:  # one name, one place: "a tree in Berlin ... Berlin police" in a Connecticut story
        candidates[span.start] = told.get(name_key(span.text), candidates[span.start])
    first = [_best(span, candidates[span.start], focus, []) for span in ordered]
    # Each toponym is reread in the light of the others' first readings, not its own: "London" first read
    # as England must not vote for England when "Ontario" follows it.
    read = Counter(p.country for p in first if p.country)
    chosen = [_best(span, candidates[span.start], focus + read - Counter(_countries(first[i])),
                    [p for j, p in enumerate(first) if j != i])
              for i, span in enumerate(ordered)]
    focus = focus + read
    out = [_mention(span, place) for span, place in zip(ordered, chosen, strict=True)]
    out += _descriptions(doc, out)
    line: PlaceMention | None = None
    if dateline:
        options = gazetteer.candidates(dateline)
        if options:
            best = max(options, key=lambda p: _score(p, name_key(dateline), focus, chosen))
            line = PlaceMention(text=dateline, name=best.name, lat=round(best.lat, 4), lon=round(best.lon, 4),
                                country=best.country, admin1=best.admin1, start=None, end=None,
                                feature=best.feature, geonameid=best.geonameid)
    out += place_streets(streets, out, line)
    out.sort(key=lambda m: m.start or 0)
    return tuple(out) if line is None else (*out, line)


def _regions_after(doc: Doc, end: int, gazetteer: Gazetteer) -> tuple[Span, list[Place]] | None:
    """The state, province or country that follows a toponym after a comma ("Lebanon, Ind.", "London,
    Ontario", "Greenwood, W. Va."): its words and readings."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    for size in (3, 2, 1):
        words = doc[end + 1: end + 1 + size]
        if len(words) < size or not words[0].text[:1].isupper():
            continue
        regions = [p for p in gazetteer.candidates(words.text) if p.feature in ("admin1", "country")]
        if regions:
            return words, regions
    return None


_TOWN_STATE = frozenset({"USA", "CAN", "AUS"})
_NEAR_REGION_KM = 1000.0


def _in_a_list(doc: Doc, region: Span, starts: set[int]) -> bool:
    """"Alaska, Alabama, Arizona", "Mashonaland West, Manicaland and Midlands": names in a row, not a town
    and its state."""
    after = doc[region.end: region.end + 2]
    if len(after) and after[0].lower_ in ("and", "or", "&"):
        return True
    return len(after) == 2 and after[0].text == "," and after[1].i in starts


def _settle_towns_in_regions(doc: Doc, toponyms: list[Span], candidates: dict[int, tuple[Place, ...]],
                             gazetteer: Gazetteer) -> None:
    """"Town, State": the town of that name in that state (a small town too, though a world-known namesake
    exists), and the state read as the one holding it ("Athens, Georgia" is not the country). A town the
    gazetteer lacks in a state named only one way stays at the state's own point (precision admin1)."""
    starts = {s.start for s in toponyms}
    for span in toponyms:
        after = _regions_after(doc, span.end, gazetteer)
        if after is None or _in_a_list(doc, after[0], starts):
            continue
        words, regions = after
        own = candidates[span.start]
        pool = own + gazetteer.towns_named(span.text)
        for region in sorted(regions, key=lambda p: (p.feature != "admin1", -p.population)):
            if any(p.feature == region.feature for p in own):
                continue  # "Iraq, Iran": two countries, not one inside the other
            in_country = [p for p in pool if p.feature != "country" and p.country == region.country
                          and not (region.feature == "admin1" and p.feature == "admin1")]
            # Its own state first; next, a namesake near the state whose state the gazetteer does not know
            # (its towns' states are joined by coordinates, which now and then miss: Toronto).
            inside = ([p for p in in_country if region.feature == "country" or p.admin1 == region.name]
                      or [p for p in in_country if p.admin1 is None
                          and km_between(p.lat, p.lon, region.lat, region.lon) < _NEAR_REGION_KM])
            if inside:
                candidates[span.start] = tuple(dict.fromkeys(inside))
                break
        else:
            # Only where "Town, State" is the written convention, and not for a name that is itself a region.
            if len(regions) != 1 or regions[0].feature != "admin1" or regions[0].country not in _TOWN_STATE \
                    or any(p.feature in ("country", "admin1") for p in own):
                continue
            region = regions[0]
            candidates[span.start] = (region,)
        if words.start in candidates:
            candidates[words.start] = (region,)


def _town_when_told(span: Span, options: tuple[Place, ...], gazetteer: Gazetteer, focus: Counter[str]
                    ) -> tuple[Place, ...]:
    """"Palestine police", "a Lebanon man", "Lopez, 35, of Jordan,": a name the sentence calls a town is a town
    of that name in the story's country, not the country of that name (a story in Lebanon keeps Lebanon)."""
    key = name_key(span.text)
    # "Berlin police" in a Connecticut story: a capital's name too, where the story is firmly of one other
    # country ("NEW YORK — Moscow police detained ..." is still Moscow's police)
    capital = any(p.capital and name_key(p.name) == key for p in options)
    national = [p for p in options if p.feature == "country" or (capital and p.capital)]
    police = span.end < len(span.doc) and span.doc[span.end].lower_ in ("police", "sheriff")  # "Epsom police chief"
    if not (leads_local_body(span) or modifies_town_noun(span) or home_of_person(span) or police):
        return options
    if not national:
        # "former Epsom police chief" in a New Hampshire story: the small Epsom there, which the world-known
        # readings leave out, not Epsom, England, when no reading lies in a country the story is set in
        if any(focus[p.country or ""] for p in options):
            return options
        here = [p for p in gazetteer.towns_named(span.text) if p.feature in ("city", "town")
                and name_key(p.name) == key and focus[p.country or ""]]
        return tuple(here) or options
    towns = [p for p in gazetteer.towns_named(span.text) if p.feature in ("city", "town")
             and name_key(p.name) == key and focus[p.country or ""] >= (_FIRM_FOCUS if capital else 1)
             and not p.capital]
    countries = {p.country for p in national}
    if not towns or any(focus[c or ""] for c in countries):
        return options
    return tuple(towns)


def _countries(place: Place) -> list[str]:
    return [place.country] if place.country else []


def _best(span: Span, options: tuple[Place, ...], focus: Counter[str], others: list[Place]) -> Place:
    key = name_key(span.text)
    # "Oregon" beside "Ohio" is the state, not Oregon, Ohio: a name that is a region's is not pulled into
    # another named state.
    region_named = any(p.feature in ("admin1", "country") and name_key(p.name) == key for p in options)
    capitals = {p.country for p in options if p.capital and name_key(p.name) == key}
    # "Washington": the capital, not the state of the same name, unless the article names a place in the state.
    options = tuple(p for p in options if not (p.feature == "admin1" and p.country in capitals and not any(
        o.admin1 == p.name and o.country == p.country and o is not p for o in others))) or options
    return max(options, key=lambda p: _score(p, key, focus, others, not region_named))


def _candidates(gazetteer: Gazetteer, span: Span) -> tuple[Place, ...]:
    if span.label_ == DEMONYM:
        country = gazetteer.demonyms.get(name_key(span.text))
        return (country,) if country else ()
    if span.label_ == COUNTY:  # "Harper" of "Harvey, Harper and Kingman counties"
        noun = span.doc[span.end:].text.split(" ", 1)[0] if span.end < len(span.doc) else ""
        suffix = {"parishes": "Parish", "boroughs": "Borough"}.get(noun.lower(), "County")
        return tuple(p for p in gazetteer.candidates(f"{span.text} {suffix}") if p.feature == "admin2")
    text = span.text
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith(("'s", "’s")) and len(span) > 1:  # "Boone County’s", one token for the model
        text = text[:-2]
    found = gazetteer.candidates(text) or gazetteer.short_forms.get(text + ".", ())  # "D-Calif"
    words = text.split()
    if not found and len(words) > 1 and words[0].lower() in _DIRECTIONS:  # NER's "Northeast Georgia"
        found = gazetteer.candidates(" ".join(words[1:]))
    if found:
        return found
    # "Latakia province", "Deir Ezzor countryside": try the bare name, preferring regions for "province".
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        bare = gazetteer.candidates(" ".join(words[:-1]))
        admin = tuple(p for p in bare if p.feature in ("admin1", "region"))
        return admin or bare
    return ()


def _focus(groups: Iterable[tuple[Place, ...]]) -> Counter[str]:
    """How often each country is the sole reading of a toponym: the article's country focus."""
    counts: Counter[str] = Counter()
    for options in groups:
        countries = {p.country for p in options if p.country}
        if len(countries) == 1:
            counts[countries.pop()] += 1
    return counts


def _score(place: Place, key: str, focus: Counter[str], chosen: list[Place], in_named_state: bool = True) -> float:
    score = _FEATURE_PRIOR.get(place.feature, 1.0) + math.log10(place.population + 1) / 2
    if key == name_key(place.name):
        score += 1.5  # its own name, not one of its many alternate names
    if place.capital:
        score += _CAPITAL_BONUS  # Rome, Paris, Washington: the world-known reading unless the article says otherwise
    if place.country and focus[place.country]:
        score += 3.0 + min(focus[place.country], 5) * 0.2
    if any(km_between(place.lat, place.lon, c.lat, c.lon) < 300 for c in chosen if c.feature != "country"):
        score += 1.0
    if in_named_state and place.admin1 and any(
            c.feature == "admin1" and c.name == place.admin1 and c.country == place.country and c is not place
            for c in chosen):
        score += 3.0  # "Boone County" in a story that names Indiana: inside the state the story names
    elif place.admin1 and any(c.admin1 == place.admin1 and c.country == place.country and c is not place
                              for c in chosen):
        score += 1.5  # "Athens" beside "Clarke County": sharing a state with another place of the story
    return score


_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                         "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
                         "northeast", "northwest", "southeast", "southwest", "upper", "lower"})


def _with_direction(span: Span) -> Span:
    """"northern Iraq": the direction is part of the toponym's text (the point stays the country's)."""
    i = span.start
    while i > 0 and (span.doc[i - 1].lower_ in _DIRECTIONS or (span.doc[i - 1].text == "-" and i > 1
                     and span.doc[i - 2].lower_ in _DIRECTIONS)):
        i -= 1
    return span.doc[i: span.end] if i < span.start else span


def _mention(span: Span, place: Place, text_span: Span | None = None) -> PlaceMention:
    shown = text_span if text_span is not None else _with_direction(span)
    return PlaceMention(text=shown.text, name=place.name, lat=round(place.lat, 4), lon=round(place.lon, 4),
                        country=place.country, admin1=place.admin1, start=shown.start_char, end=shown.end_char,
                        feature=place.feature, geonameid=place.geonameid, token=shown.root.i)


def _descriptions(doc: Doc, resolved: list[PlaceMention]) -> list[PlaceMention]:
    """"the country" / "the base": the most recent resolved place of a matching feature before it."""
    taken = {m.token for m in resolved}
    out: list[PlaceMention] = []
    for token in doc:
        features = _DESCRIPTIONS.get(token.lemma_.lower())
        if not features or token.pos_ != "NOUN" or token.i in taken or token.tag_ != "NN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            continue
        if any(c.dep_ in ("compound", "amod", "poss") and c.pos_ == "PROPN" for c in token.children):
            continue
        before = [m for m in resolved if m.end is not None and m.end <= token.idx and m.feature in features]
        if not before:
            continue
        ante = before[-1]
        span = doc[token.i - 1: token.i + 1] if token.i > 0 and doc[token.i - 1].dep_ == "det" else doc[token.i:
                                                                                                       token.i + 1]
        out.append(ante.model_copy(update={"text": span.text, "start": span.start_char, "end": span.end_char,
                                           "token": token.i}))
    return out
