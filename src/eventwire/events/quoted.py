"""Criticism and sympathy said in a quote: '"President Trump treats the rule of law with utter contempt," said
Becerra'; '"My heart goes out to the families," Governor Lamont said'.

A direct quote whose speaker is coded, that names another coded actor and judges it with a word of
condemnation ("contempt", "illegal", "hoax", "shameful"), is a criticism (CAMEO 111) by the speaker of
that actor: the act is in what was said, not in the reporting verb. The judging words are a closed list
(events/data/words.tsv, `condemning_word`); a quote with no actor to aim at, or one that only reports
what others said, gives nothing. Likewise a quote that offers sympathy ("condolences", "thoughts and prayers",
"pray for", "our hearts go out to", `sympathy_word`) to an actor it names is an empathetic comment (018).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from eventwire.actors.descriptions import role_of
from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.lexicon import LexEntry
from eventwire.model import ActorMention
from eventwire.syntax import governing_verb, np_span

CRITICISM = LexEntry("111", "noun", "", "", frozenset(), ())
EMPATHY = LexEntry("018", "noun", "", "", frozenset(), ())
_CONDEMNING_WORDS = word_list("eventwire.events", "condemning_word")
_SYMPATHY_WORDS = word_list("eventwire.events", "sympathy_word")
_SPEAKER_SIDE = frozenset({"i", "we", "me", "us", "my", "our", "you", "your"})


def quoted_criticism(ctx: Context, taken: set[int]) -> list[Trigger]:
    """A criticism trigger per quote that condemns a coded actor other than its speaker; `taken` holds the
    tokens of disapproval, rejection and threat triggers already found, whose sentences' quotes are left
    alone ("criticized the decision, saying '...'" is one act)."""
    return _quoted_acts(ctx, taken, CRITICISM, lambda t: t.lemma_.lower() in _CONDEMNING_WORDS
                        or t.lower_ in _CONDEMNING_WORDS)


def quoted_sympathy(ctx: Context, taken: set[int]) -> list[Trigger]:
    """An empathetic comment (018) per quote that offers sympathy to a coded actor it names ("Let's all pray for
    Mayor Adamowicz", "our thoughts and prayers are with the families"); `taken` as for criticism."""
    return _quoted_acts(ctx, taken, EMPATHY, _offers_sympathy)


def _offers_sympathy(token: Token) -> bool:
    # "my heart goes out to": the words only together
    hearts_go_out = token.lemma_.lower() == "go" and any(c.lower_ == "out" for c in token.children) and any(
        c.dep_ == "nsubj" and c.lemma_.lower() == "heart" for c in token.children)
    thoughts = token.lower_ == "thoughts" and token.pos_ == "NOUN"  # "our thoughts are with ..."
    return hearts_go_out or thoughts or token.lemma_.lower() in _SYMPATHY_WORDS


def _quoted_acts(ctx: Context, taken: set[int], entry: LexEntry, cue: Callable[[Token], bool]) -> list[Trigger]:
    triggers: list[Trigger] = []
    for quote in ctx.quotes:
        speaker = quote.speaker
        if quote.kind != "direct" or speaker is None or not speaker.code:
            continue
        span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        cues = [t for t in span if cue(t)]
        targets = _aimed_at(span, speaker, ctx)
        if cues and not targets and entry is EMPATHY:
            targets = _people_in_quote(span, speaker, ctx)
        if not cues or not targets or any(t.i in taken for t in span.sent):
            continue
        word = cues[0]
        # The act is the saying: its clause (date, negation, modality) is the reporting verb's, not the
        # quoted words' ("it would be an outrage", said X: X did criticise).
        reporting = ctx.doc[speaker.token].head if speaker.token >= 0 else word
        clause = reporting if reporting.pos_ == "VERB" else (governing_verb(word) or word)
        triggers.append(Trigger(word, entry, clause, speaker=speaker, aimed_at=tuple(targets[:1])))
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
            # A fellow of the speaker's own side is another actor ("We are with Mayor Adamowicz", said the
            # prime minister; a Republican on Republicans); only the speaker is not.
            if actor.code and not _same_actor(actor, speaker) and actor.resolved_from != "pronoun" and not own_country:
                out.append(actor)
    return out


def _same_actor(actor: ActorMention, speaker: ActorMention) -> bool:
    if actor.kb_id and speaker.kb_id:
        return actor.kb_id == speaker.kb_id
    return actor.code == speaker.code and (actor.kind != "person" or actor.name == speaker.name)


def _people_in_quote(span: Span, speaker: ActorMention, ctx: Context) -> list[ActorMention]:
    """People a quote's sympathy goes to, which actor resolution leaves alone inside quotes ("the families",
    "the people of New Zealand"): civilians of the country named in their own phrase, else the speaker's."""
    for token in span:
        if token.pos_ != "NOUN" or role_of(token, ctx.kb) != "CVL":
            continue
        named = [a for t in token.subtree if t.i != token.i for a in ctx.actors.get(t.i, [])
                 if a.kind == "country" and a.country]
        country = named[0].country if named else speaker.country
        if not country:
            continue
        text = np_span(token).text
        return [ActorMention(text=text, name=f"{country} civilians", code=f"{country}CVL", country=country,
                             kind="description", start=token.idx, end=token.idx + len(token.text),
                             resolved_from="quoted-people", token=token.i)]
    return []
