"""What a toponym does in its sentence: say where something happened, or say who someone is.

"Protesters gathered in Hong Kong", "the Polish city of Gdańsk", "Hong Kong's police compound" say where;
"US Ambassador to Germany", "the Yemen-based Houthi movement", "Steve Scalise of Louisiana", "blaming Iran"
say who acts or is acted on, and a place named so is not the place of the act.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Nouns of places and sites: a toponym modifying one, or after "of" under one, says where
# ("the city of Gdańsk", "a Georgian village", "Hong Kong's principal police compound").
PLACE_NOUNS = frozenset({
    "city", "town", "village", "capital", "state", "province", "region", "district", "county", "country",
    "territory", "area", "border", "coast", "port", "island", "neighborhood", "neighbourhood", "suburb",
    "street", "streets", "square", "compound", "complex", "building", "headquarters", "base", "camp", "airport",
    "prison", "outskirts", "statehouse", "capitol", "courthouse", "hall",
    "centre", "center", "soil", "airspace", "waters", "side", "part", "parts", "north", "south", "east", "west",
})
_DIRECTIONAL = frozenset({"to", "from", "toward", "towards", "into"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def says_where(token: Token, locative_preps: frozenset[str]) -> bool:
    """Whether the toponym headed by `token` tells where: the object of a locative preposition ("in X",
    "near X"), a modifier of a noun of place ("X's police compound"), or "of X" under such a noun."""
    head = token.head
    if opens_dateline(token):
        return True
    if token.dep_ == "pobj" and head.lower_ in locative_preps:
        # "the envoy to Ukraine", "a delegation from Iran": a direction after a noun says who, not where.
        return head.lower_ not in _DIRECTIONAL or head.head.pos_ in ("VERB", "AUX")
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in PLACE_NOUNS
    if token.dep_ in _MODIFIER_DEPS or token.dep_ == "appos":
        # "in California's Riverside County criminal court": a modifier of what a locative preposition governs.
        # Only as part of the name (compound, nmod): "in the country's affairs" is no place.
        governor = head.head.lower_
        inside_locative = (token.dep_ in ("compound", "nmod") and head.dep_ == "pobj" and governor in locative_preps
                           and governor not in _DIRECTIONAL)
        return head.lemma_.lower() in PLACE_NOUNS or inside_locative or (
            token.dep_ == "appos" and says_where(head, locative_preps))
    return False


_DASHES = frozenset({"—", "–", "-", "--", "---"})


def opens_dateline(token: Token) -> bool:
    """"Indianapolis – Several thousand teachers ...", "BEIRUT: ...": a place opening a paragraph before a dash
    or colon is where the story was filed, the dateline's convention for where it happened."""
    start = token.left_edge
    if not (start.is_sent_start or start.i == 0 or start.nbor(-1).is_space):
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.text in _DASHES and token.is_upper and all(
            t.is_upper and t.is_alpha for t in token.doc[start.i: token.i + 1]):
        return True  # "KABUL — Saturday's attack killed ...", parsed as the sentence's root
    last = token.right_edge
    following: Token | None
    if last.i > token.i and (last.text in _DASHES or last.text == ":"):
        end, following = last.i - 1, last  # the parser hung the dash on the name: "BAGHDAD —"
    else:
        end = last.i if last.i > token.i and last.is_punct else token.i
        following = token.doc[end + 1] if end + 1 < len(token.doc) else None
    if following is not None and following.text == ",":  # "ISLAMABAD, Pakistan —", "LAGOS, Nigeria (AP) —"
        following = _dash_after_region(following)
    return following is not None and (following.text in _DASHES or following.text == ":") and \
        all(t.is_alpha or t.text in (".", "'") for t in token.doc[start.i: end + 1] if t.i <= token.i)


def _dash_after_region(comma: Token) -> Token | None:
    """The dash or colon closing a dateline's region after its comma ("KABUL, Afghanistan (AP) —"), if the
    words between are a short name."""
    doc = comma.doc
    for j in range(comma.i + 1, min(comma.i + 8, len(doc))):
        word = doc[j]
        if word.text in _DASHES or word.text == ":":
            return word if j > comma.i + 1 else None
        # "ROCHESTER, Minn. —": a state's abbreviation is one token with its period
        if not (word.text in (".", ",", "(", ")", "'") or word.text.replace(".", "").isalpha()):
            return None
    return None


def story_after_dateline(doc: Doc, start: int) -> int | None:
    """The first token of the story after a dateline at `start`, read before the parse (nlp.paragraph_boundaries
    makes each a sentence of its own): a place in capitals ("WASHINGTON", "NEW YORK"), then optionally a region,
    a date and the agency in brackets, then a dash. None if there is none."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) >= 4):
        return None
    for token in doc[start + 1: start + _DATELINE_LENGTH]:
        if token.text in _DASHES:
            story = token.i + 1
            while story < len(doc) and doc[story].is_space:
                story += 1
            return story if story < len(doc) and not doc[story].is_punct else None
        if token.is_space or not (token.is_title or token.is_upper or token.like_num or token.text in _DATELINE_MARKS):
            return None
    return None


def dateline_sentence(sent: Span) -> bool:
    """A sentence that is only a dateline ("KABUL, Afghanistan (AP) —"), split from its story before the parse."""
    words = [t for t in sent if not t.is_space]
    return 1 < len(words) <= _DATELINE_LENGTH and words[-1].text in _DASHES


# At most this many tokens from a dateline's place to its dash, and what it holds between them besides names,
# numbers and dates: "KABUL, Afghanistan, Jan. 5 (AP) —".
_DATELINE_LENGTH = 14
_DATELINE_MARKS = frozenset({",", ".", "(", ")", "'"})


def in_dateline(token: Token) -> bool:
    """A name opening a dateline ("ISLAMABAD —"), naming its region after the comma ("KABUL, Afghanistan —") or
    crediting the agency that filed it ("KABUL, Afghanistan (AP) —")."""
    if opens_dateline(token):
        return True
    sent = token.sent
    comma = next((t for t in sent[:8] if t.text == ","), None)
    if comma is None or comma.i >= token.i or comma.i == sent.start:
        return False
    closing = _dash_after_region(comma)
    return closing is not None and token.i < closing.i and opens_dateline(comma.nbor(-1))
