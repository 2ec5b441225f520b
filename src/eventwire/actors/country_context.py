"""The country a description that names none refers to ("police", "protesters", "officials"): a place named in
its sentence, else the country the article names most (places and named actors counted). A place that is where
goods come from ("beef imports from the United States") or whose embassy abroad a sentence names ("in front of the
US embassy in Manila") says nothing of where the sentence's people are."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from eventwire.model import ActorMention, PlaceMention

_FOREIGN_SEATS = frozenset({"embassy", "consulate", "legation"})

# Goods and trade whose origin a "from" phrase names ("imports from the United States").
_GOODS = frozenset({"import", "export", "beef", "meat", "product", "good", "shipment", "oil", "gas", "grain",
                    "food", "cargo", "supply", "aid", "fund", "money", "investment"})


# Prepositions that give where a verb's move ends ("fly to", "deploy into"), and verbs whose "from" gives a
# place the movers leave, not one they come from ("withdraw troops from Syria"; "fired rockets from Gaza" is
# where the firers are).
_DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards", "onto"})
_WITHDRAWING_VERBS = frozenset({"withdraw", "pull", "evacuate", "remove", "recall", "redeploy"})
# Verbs that send people home: "deported 2,374 migrants to Honduras" are Hondurans.
_HOMEWARD_VERBS = frozenset({"deport", "repatriate", "return", "extradite"})


class CountryContext:
    """The country a description without one refers to: a place named in its sentence, else the
    article's most named country."""

    def __init__(self, doc: Doc, places: tuple[PlaceMention, ...], named: tuple[ActorMention, ...] = ()) -> None:
        in_text = [p for p in places if p.start is not None]
        counts = Counter(p.country for p in in_text if p.country)
        # Named actors count too: a story about Washington's dealings with Ukraine names Ukraine as a
        # place more often than the United States, but its people and bodies are American.
        # News agencies are named for where a report came from, not for where it happened ("told Reuters").
        counts.update(m.country for m in named if m.country and m.kind not in ("country", "media"))
        self.article_country = counts.most_common(1)[0][0] if counts else None
        self.places = in_text
        self._doc, self._all_places = doc, places

    def with_actors(self, named: tuple[ActorMention, ...]) -> CountryContext:
        """The same context, its article country counted over these named actors too."""
        return CountryContext(self._doc, self._all_places, named)

    def country_at(self, token: Token) -> str | None:
        sent = token.sent
        local = [(p.start, p) for p in self.places if p.start is not None and sent.start_char <= p.start
                 < sent.end_char and p.country and not self._origin_of_a_thing(p) and not self._foreign_seat(p)
                 and not self._where_a_move_goes(p)]
        if local:
            return min(local, key=lambda sp: abs(sp[0] - token.idx))[1].country
        return self.article_country

    def _foreign_seat(self, place: PlaceMention) -> bool:
        """"Activists demonstrated in front of the US embassy in Manila": the country owning an embassy abroad
        says nothing of where the sentence's people are."""
        if not 0 <= place.token < len(self._doc):
            return False
        word = self._doc[place.token]
        return word.dep_ in ("compound", "amod", "poss", "nmod") and word.head.lemma_.lower() in _FOREIGN_SEATS

    def _where_a_move_goes(self, place: PlaceMention) -> bool:
        """"the president's decision to withdraw troops from Syria", "sent envoys to Cairo": where a move
        goes, or a withdrawal leaves, is not where the movers are from."""
        if not 0 <= place.token < len(self._doc):
            return False
        word = self._doc[place.token]
        while word.dep_ == "compound" and word.head != word:
            word = word.head
        if word.dep_ != "pobj" or word.head.head.pos_ != "VERB":
            return False
        prep, verb = word.head.lower_, word.head.head.lemma_.lower()
        if prep in _DESTINATION_PREPS:
            return verb not in _HOMEWARD_VERBS
        return prep == "from" and verb in _WITHDRAWING_VERBS

    def _origin_of_a_thing(self, place: PlaceMention) -> bool:
        """"beef imports from the United States": where goods come from says nothing of where the sentence's
        people are ("troops from Chad" does: people are no thing)."""
        if not 0 <= place.token < len(self._doc):
            return False
        word = self._doc[place.token]
        while word.dep_ == "compound" and word.head != word:
            word = word.head
        prep = word.head
        owner = prep.head
        return (word.dep_ == "pobj" and prep.lower_ == "from" and owner.pos_ == "NOUN"
                and owner.lemma_.lower() in _GOODS)

    def country_of_person(self, name: Span) -> str | None:
        """The country of a titled person the KB lacks: a place in the name's own phrase ("Senator Jane
        Doe of Ohio", "Sheriff John Roe from Reno"), else the article's most named country, else a place
        in the sentence: the other places of a sentence are as often where the person acts or whom
        they speak of ("Senator Doe criticized Russia") as where they hold office."""
        start, end = name.root.left_edge.idx, name.root.right_edge.idx + len(name.root.right_edge)
        own = [p for p in self.places if p.start is not None and start <= p.start < end and p.country]
        if own:
            return own[0].country
        return self.article_country or self.country_at(name.root)
