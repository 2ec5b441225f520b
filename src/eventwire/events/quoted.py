"""Criticism said in a quote: '"President Trump treats the rule of law with utter contempt," said Becerra'.

A direct quote whose speaker is coded, that names another coded actor and judges it with a word of
condemnation ("contempt", "illegal", "hoax", "shameful"), is a criticism (CAMEO 111) by the speaker of
that actor: the act is in what was said, not in the reporting verb. The judging words are a closed list
(events/data/words.tsv, `condemning_word`); a quote with no actor to aim at, or one that only reports
what others said, gives nothing.
"""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.lexicon import LexEntry
from eventwire.model import ActorMention
from eventwire.syntax import governing_verb

CRITICISM = LexEntry("111", "noun", "", "", frozenset(), ())
_CONDEMNING_WORDS = word_list("eventwire.events", "condemning_word")
_SPEAKER_SIDE = frozenset({"i", "we", "me", "us", "my", "our", "you", "your"})


def quoted_criticism(ctx: Context, taken: set[int]) -> list[Trigger]:
    """A criticism trigger per quote that condemns a coded actor other than its speaker; `taken` holds the
    tokens of disapproval, rejection and threat triggers already found, whose sentences' quotes are left
    alone ("criticized the decision, saying '...'" is one act)."""
    triggers: list[Trigger] = []
    for quote in ctx.quotes:
        speaker = quote.speaker
        if quote.kind != "direct" or speaker is None or not speaker.code:
            continue
        span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        judging = [t for t in span if t.lemma_.lower() in _CONDEMNING_WORDS or t.lower_ in _CONDEMNING_WORDS]
        targets = _aimed_at(span, speaker, ctx)
        if not judging or not targets or any(t.i in taken for t in span.sent):
            continue
        word = judging[0]
        # The act is the saying: its clause (date, negation, modality) is the reporting verb's, not the
        # quoted words' ("it would be an outrage", said X: X did criticise).
        reporting = ctx.doc[speaker.token].head if speaker.token >= 0 else word
        clause = reporting if reporting.pos_ == "VERB" else (governing_verb(word) or word)
        triggers.append(Trigger(word, CRITICISM, clause, speaker=speaker, aimed_at=tuple(targets[:1])))
    return triggers


def _aimed_at(span: Span, speaker: ActorMention, ctx: Context) -> list[ActorMention]:
    """Coded actors named in the quote that are not the speaker's side."""
    out: list[ActorMention] = []
    for token in span:
        if token.lower_ in _SPEAKER_SIDE:
            continue
        for actor in ctx.actors.get(token.i, []):
            # Not the speaker's own country named as a whole ("those who link the incidents to Iran are
            # lying", said Iran's president): that is the speaker's side.
            own_country = actor.kind == "country" and actor.country == speaker.country
            if actor.code and actor.code != speaker.code and actor.resolved_from != "pronoun" and not own_country:
                out.append(actor)
    return out
