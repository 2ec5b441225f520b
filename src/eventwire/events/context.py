"""What the coder knows while coding one article, and the trigger record it codes.

`Context` holds the earlier stages' output indexed by token (actors, times, places), the quotes, the
code table and the KB, and the events already coded (for "condemned the attack"). `Trigger` is a word
the lexicon matched, with the clause it lives in and its stance (promised, refused, announced).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.actors.kb import ActorKB
from eventwire.events.codes import CodeTable
from eventwire.events.lexicon import LexEntry
from eventwire.model import ActorMention, Article, Event, PlaceMention, Quote, TimeMention
from eventwire.syntax import subjects_of


@dataclass(frozen=True)
class Trigger:
    token: Token
    entry: LexEntry
    clause: Token  # the verb whose clause the event lives in
    stance: str = ""  # "promised": an act only promised (hypothetical); "refused"/"announced": a refusal or
    # an intent stated in the act's own clause (a fact)
    promised: Trigger | None = None  # for an intent trigger, the act it promises (gives the target)
    demanded_of: Token | None = None  # for a demand trigger, the verb whose subject must act (the target)
    speaker: ActorMention | None = None  # for an act said in a quote (events/quoted.py): who said it
    aimed_at: tuple[ActorMention, ...] = ()  # ... and whom it is aimed at
    carried: bool = True  # for an event noun: whether the light verb above it lends its subject (False when the
    # noun sits inside another event noun, "an investigation into the shooting", or is only wanted, "called for")


@dataclass
class Context:
    doc: Doc
    article: Article
    actors: dict[int, list[ActorMention]]
    times: dict[int, TimeMention]
    places: dict[int, PlaceMention]
    all_places: tuple[PlaceMention, ...]
    quotes: tuple[Quote, ...]
    table: CodeTable
    kb: ActorKB
    dateline: PlaceMention | None
    coded: list[Event] = field(default_factory=list)  # events of earlier triggers, for "condemned the attack"

    def subject_actors(self, verb: Token) -> list[ActorMention]:
        """The actors the subjects of `verb` name ("teachers struck", "gunmen stormed a station")."""
        return [a for subject in subjects_of(verb) for a in self.actors.get(subject.i, [])]

    def in_quote(self, token: Token) -> bool:
        return self.quote_of(token) is not None

    def quote_of(self, token: Token) -> Quote | None:
        """The direct quote `token` is in, if any."""
        return next((q for q in self.quotes if q.kind == "direct" and q.start <= token.idx < q.end), None)
