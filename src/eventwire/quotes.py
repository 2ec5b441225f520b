"""Stage 6a: direct quotes and their speakers.

Quotes are found in the text by their marks (quotemarks.py: “ ” and straight double quotes; a paragraph that ends
inside a quote and a next paragraph opening with a quote mark continue one speaker's turn). The
speaker is the subject of the speech verb governing the quote, or of the speech verb in its sentence
("“...,” Putin said"), or of "according to X"; a quote with no speech verb inherits the previous
speaker when it directly follows an attributed quote. Speakers are actor mentions, so pronouns come
resolved ("he said" -> Putin).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from eventwire.actors.mentions import index_by_token
from eventwire.model import ActorMention, Quote
from eventwire.quotemarks import find_quote_spans
from eventwire.syntax import SPEECH_VERBS, subjects_of


def extract_quotes(doc: Doc, actors: tuple[ActorMention, ...]) -> tuple[Quote, ...]:
    by_token = index_by_token(actors)
    quotes: list[Quote] = []
    last_speaker: ActorMention | None = None
    last_end = -1
    for start, end in find_quote_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        speaker = _speaker(doc, span, by_token)
        if speaker is None and not _has_speech_verb(span):
            # A quote standing alone continues the turn of the previous quote's speaker, or of the
            # person reported as speaking in the sentence just before it ("Erekat said ... \n\n “...”").
            speaker = _previous_reporter(doc, span, by_token)
            if speaker is None and last_speaker is not None and _follows(doc, last_end, start):
                speaker = last_speaker
        quotes.append(Quote(text=doc.text[start:end], speaker=speaker, start=start, end=end))
        if speaker is not None:
            last_speaker = speaker
        last_end = end
    quotes += _indirect_quotes(doc, by_token, quotes)
    return tuple(sorted(quotes, key=lambda q: q.start))


_REPORTING = frozenset({"say", "tell", "add", "state", "announce", "claim", "insist", "warn", "argue", "note",
                        "stress", "confirm", "deny", "report", "write", "explain", "allege", "admit"})


def _indirect_quotes(doc: Doc, by_token: dict[int, list[ActorMention]], direct: list[Quote]) -> list[Quote]:
    """Reported speech: the that-clause of a speech verb whose subject is an actor ("Putin said that
    efforts were entering a new stage"), when it is not itself a direct quote."""
    out: list[Quote] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REPORTING:
            continue
        speaker = subject_actor(verb, by_token)
        if speaker is None:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i < verb.i:
                continue  # a clause before the verb is a direct quote's ("“...,” he said")
            tokens = [t for t in clause.subtree if not t.is_punct or t.i < max(x.i for x in clause.subtree)]
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if any(q.start <= start and end <= q.end + 2 for q in direct):
                continue  # the clause is itself inside quotation marks
            if tokens[0].lower_ == "that":
                start = tokens[1].idx if len(tokens) > 1 else start
            out.append(Quote(text=doc.text[start:end], speaker=speaker, start=start, end=end, kind="indirect"))
    return out


def _follows(doc: Doc, last_end: int, start: int) -> bool:
    """The new quote comes right after the previous one, with only attribution between them."""
    between = doc.text[last_end:start]
    return len(between) < 200 and not re.search(r"[.!?]\s+[A-Z][^“\"]{60,}", between)


def _previous_reporter(doc: Doc, span: Span, by_token: dict[int, list[ActorMention]]) -> ActorMention | None:
    """The subject of the last speech verb of the sentence right before the quote, when that sentence
    is not itself a quote."""
    first = span[0].sent.start
    if first == 0:
        return None
    previous = doc[first - 1].sent
    if previous.text.lstrip().startswith(("“", '"')):
        return None
    for token in reversed(list(previous)):
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            found = subject_actor(token, by_token)
            if found is not None:
                return found
    return None


def _has_speech_verb(span: Span) -> bool:
    """Whether the quote's sentence names a speaker of its own (then it is not a continued turn)."""
    sent = span[0].sent
    return any(_outside(t, span) and t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"
               and any(c.dep_ == "nsubj" for c in t.children) for t in sent)


def _outside(token: Token, span: Span) -> bool:
    return not (span.start <= token.i < span.end)


def _speaker(doc: Doc, span: Span, by_token: dict[int, list[ActorMention]]) -> ActorMention | None:
    # 1. The speech verb governing the quote's words, walking up the parse out of the quote.
    for token in span:
        head = token
        for _ in range(12):
            if head.head == head:
                break
            head = head.head
            if _outside(head, span) and head.lemma_.lower() in SPEECH_VERBS and head.pos_ in ("VERB", "AUX"):
                found = subject_actor(head, by_token)
                if found is not None:
                    return found
    # 2. A speech verb elsewhere in the quote's sentences, outside the quote ("“...,” he said.").
    sents = {t.sent for t in (span[0], span[-1])}
    for sent in sorted(sents, key=lambda s: s.start):
        for token in sent:
            if _outside(token, span) and token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
                found = subject_actor(token, by_token)
                if found is not None:
                    return found
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                for obj in doc[token.i + 1].children:
                    if obj.i in by_token:
                        return by_token[obj.i][0]
    return None


def subject_actor(verb: Token, by_token: dict[int, list[ActorMention]]) -> ActorMention | None:
    """The actor that is the subject of `verb`, following conjunctions and control."""
    for subj in subjects_of(verb):
        if subj.i in by_token:
            return by_token[subj.i][0]
    return None
