"""The grammatical gender a person mention allows, for pronoun agreement ("she" is not "Kurt Volker").

From the mention's given name (actors/data/given_names.tsv), else an honorific or a gendered title
right before it ("Ms. Persson", "spokeswoman Stephanie Grisham"). None when nothing tells.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from eventwire.datafiles import read_tsv
from eventwire.model import ActorMention

_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "woman",
                            "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
                            "mother", "wife", "daughter", "sister", "grandmother", "girl", "actress", "widow"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "man", "spokesman", "chairman", "congressman",
                          "businessman", "councilman", "father", "husband", "son", "brother", "grandfather", "boy",
                          "sheikh", "emir"})


@cache
def given_names() -> dict[str, str]:
    return {row["name"]: row["gender"] for row in read_tsv("eventwire.actors", "given_names.tsv")}


def mention_gender(mention: ActorMention, doc: Doc) -> str | None:
    """"f", "m" or None for a person mention."""
    if mention.kind != "person":
        return None
    names = given_names()
    first = mention.name.split()[0] if mention.name.split() else ""
    for candidate in (first, first.split("-")[0]):
        if candidate in names:
            return names[candidate]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    # The title right before the name ("Ms. Persson", "spokeswoman Stephanie Grisham"), never further back,
    # where another person's title may stand.
    for token in [*span, *doc[max(span.start - 1, 0): span.start]]:
        word = token.lower_.rstrip(".")
        if word in _FEMALE_TITLES:
            return "f"
        if word in _MALE_TITLES:
            return "m"
    return None
