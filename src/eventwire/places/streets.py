"""Streets and numbered roads ("Darby Street", "N. High St.", "Highway 29"): toponyms of local news that no
gazetteer lists. A street is placed at the town the article names nearest before it (else after it), as
"Darby Street, Dublin": the point is the town's, close enough to map an event on it; an article that names
no town leaves its streets unplaced.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.model import PlaceMention

STREET_FEATURE = "street"
# Words that end a street's name ("Main Street", "Bridge St."); "Court", "Place" and "Way" are left out, since
# they end as many institutions' names ("Superior Court", "United Way").
_STREET_NOUNS = frozenset({"street", "st.", "road", "rd.", "avenue", "ave.", "drive", "boulevard", "blvd.",
                           "lane", "parkway", "pkwy.", "pike", "trail", "highway", "hwy."})
# Words before a number that name a road: "Highway 29", "Route 30", "Interstate 75".
_NUMBERED_ROADS = frozenset({"highway", "route", "interstate", "hwy.", "rte."})
# Capitalised words that open a sentence or a phrase but never a street's name.
_NOT_NAME = frozenset({"the", "a", "an", "but", "and", "or", "on", "at", "in", "of", "from", "to", "near", "along",
                       "this", "that", "its", "their", "his", "her", "our", "when", "while"})
_MAX_NAME_WORDS = 3
_TOWN_FEATURES = frozenset({"city", "town"})


def street_spans(doc: Doc) -> list[Span]:
    """Capitalised names ending in a street noun, and numbered roads."""
    out = []
    for token in doc:
        lower = token.lower_
        if lower in _NUMBERED_ROADS and token.text[:1].isupper() and token.i + 1 < len(doc) \
                and doc[token.i + 1].like_num:
            out.append(Span(doc, token.i, token.i + 2, label="STREET"))
            continue
        if lower not in _STREET_NOUNS or not token.text[:1].isupper() or token.i == 0 or token.ent_type_ == "PERSON":
            continue  # "Virginia L. Lane" is a person
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.is_alpha and following.text[:1].isupper():
            continue  # "Rigdon Road Elementary School": a street in another name
        start = token.i
        while start > 0 and token.i - start < _MAX_NAME_WORDS and _name_word(doc[start - 1]):
            start -= 1
        if start < token.i:
            out.append(Span(doc, start, token.i + 1, label="STREET"))
    return out


def _name_word(token: Token) -> bool:
    if token.lower_ in _NOT_NAME or token.is_punct:
        return False
    # "Main", "Martin Luther King", "N. High", "Eighth"; not a sentence-opening common word before a name.
    return token.text[:1].isupper() or token.text in ("N.", "S.", "E.", "W.")


def place_streets(streets: list[Span], towns: list[PlaceMention], dateline: PlaceMention | None
                  ) -> list[PlaceMention]:
    """Each street at the town named nearest before it in the article, else after it, else the dateline's."""
    by_position = sorted((m for m in towns if m.start is not None and m.feature in _TOWN_FEATURES),
                         key=lambda m: m.start or 0)
    out = []
    for street in streets:
        before = [m for m in by_position if (m.start or 0) < street.start_char]
        after = [m for m in by_position if (m.start or 0) >= street.end_char]
        town = before[-1] if before else after[0] if after else (
            dateline if dateline is not None and dateline.feature in _TOWN_FEATURES else None)
        if town is None:
            continue
        out.append(PlaceMention(text=street.text, name=f"{street.text}, {town.name}", lat=town.lat, lon=town.lon,
                                country=town.country, admin1=town.admin1, start=street.start_char,
                                end=street.end_char, feature=STREET_FEATURE, token=street.root.i))
    return out
