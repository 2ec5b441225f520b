"""When an event happened: the date of its act (`event_date`), and whether that date lies after the
article's publication (`after_publication`: then the event is hypothetical, not a dated fact).

A time expression in the trigger's own clause dates it, else one scoping over it from a governing clause or a
temporal clause under it; with none, the tense decides: background in the past perfect or a habit stays
undated, the present is the publication day's news, the past is the day the story tells (`story_day`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from eventwire.dateparse import period_of
from eventwire.events.context import Context, Trigger
from eventwire.model import TimeMention
from eventwire.syntax import clause_of, governing_verb, is_under
from eventwire.times import DURATION_NOTE


def event_date(trig: Trigger, ctx: Context) -> tuple[str | None, str, bool]:
    """(date, precision, defaulted): a time in the act's own clause, else one scoping over it from a governing
    clause or from a temporal clause it governs ("When announcing the shutdown on Monday, he called ..."); a
    vague time there ("some months later") leaves it undated. With no time, the tense decides: background in
    the past perfect, a habit ("has repeatedly denied") or a past set before the news ("recently condemned")
    stays undated, the present ("denies", "is investigating") is the publication day's news, the past and
    present perfect are the story's day."""
    chosen = _time_of(trig, ctx)
    if chosen is not None and chosen.value is not None:
        return chosen.value, chosen.precision, False
    if chosen is not None and chosen.text.lower() not in _SAME_DAY and not _TIME_OF_DAY.fullmatch(chosen.text.strip()):
        return None, "unresolved", False
    tense = act_tense(trig.clause)
    if tense == "present" and ctx.in_quote(trig.token):
        tense = "past"  # "I urge my colleagues ...": said when the quote was
    if tense in ("past perfect", "habitual", "earlier past"):
        return None, "unresolved", True
    earlier = _narrated_before(trig, ctx) if tense == "past" else None
    if earlier is not None and earlier.value is not None:
        return earlier.value, earlier.precision, True
    day = story_day(ctx) if tense in ("past", "present perfect") else None
    if day is not None:
        return day, "day", True
    if ctx.article.published:
        return ctx.article.published, "day", True
    return None, "unresolved", True


def after_publication(value: str | None, published: str | None) -> bool:
    """A date wholly after the article's publication ("to 2028", "on June 3" read in May): what it dates has
    not happened, so it is hypothetical, never a dated fact."""
    period, day = period_of(value), _iso_day(published)
    return period is not None and day is not None and period[0] > day


def _time_of(trig: Trigger, ctx: Context) -> TimeMention | None:
    """The time expression dating the act, resolved ones first; a length of time ("73 months") dates nothing."""
    # "in Saturday's fatal shooting", "last week's attack": a day owned by another event noun dates that event
    times = [t for t in ctx.times.values() if t.note != DURATION_NOTE and not _dates_another_noun(t, trig, ctx)]
    own = [t for t in times if clause_of(ctx.doc[t.token]) == trig.clause
           or (trig.token.pos_ == "NOUN" and is_under(ctx.doc[t.token], trig.token))]
    if own:
        return next((t for t in own if t.value is not None), own[0])
    # A time on a governing clause scopes over the clauses it embeds or coordinates ("said in 1995 that he is
    # committed to diversity": an adjective's clause is its copula's).
    verb: Token = trig.clause.head if trig.clause.dep_ == "acomp" else trig.clause
    shift = 0  # days between the act and the governing clause's time ("a day after police fired ...")
    for _ in range(4):
        if verb.head == verb or verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "relcl", "acl"):
            break
        shift += _days_apart(verb)
        verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else (governing_verb(verb.head) or verb)
        scoped = [t for t in times if clause_of(ctx.doc[t.token]) == verb]
        if scoped:
            return _moved(next((t for t in scoped if t.value is not None), scoped[0]), shift)
    # "refused to join United Russia on Monday": a past day in the to-clause is the day of the refusal (a day to
    # come, "agreed to meet next week", is the act's own).
    for child in trig.clause.children:
        if child.dep_ == "xcomp":
            told = [t for t in times if clause_of(ctx.doc[t.token]) == child and t.value is not None
                    and not after_publication(t.value, ctx.article.published)]
            if told:
                return told[0]
    # A temporal clause under the act tells when it happened: "When announcing it on Monday, he called ...".
    for child in trig.clause.children:
        if child.dep_ == "advcl" and _same_time_clause(child):
            # "going from 175 to 450 gigawatts by 2022" sets a goal, not the day of the act.
            scoped = [t for t in times if clause_of(ctx.doc[t.token]) == child and t.value is not None
                      and ctx.doc[t.token].head.lower_ not in _DEADLINE_PREPS]
            if scoped:
                return scoped[0]
    return None


_DEADLINE_PREPS = frozenset({"by", "until", "till", "before"})
# Counts of days a clause can be told apart from the one it hangs on by ("a day after", "two days before").
_DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _days_apart(clause: Token) -> int:
    """"Protesters marched on Wednesday, a day after police fired tear gas": days from the governing clause's
    time to the act of a clause told that many days after (negative) or before it; 0 when it says no count."""
    mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    if clause.dep_ != "advcl" or mark not in ("after", "before"):
        return 0
    for child in clause.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() == "day":
            count = next((c.lower_ for c in child.children if c.dep_ in ("det", "nummod")), "")
            days = _DAY_COUNTS.get(count, int(count) if count.isdigit() and int(count) < 32 else 0)
            return -days if mark == "after" else days
    return 0


def _moved(time: TimeMention, days: int) -> TimeMention:
    """The time moved by a count of days, where it is a day."""
    day = _iso_day(time.value) if days and time.precision == "day" else None
    if day is None:
        return time
    return time.model_copy(update={"value": (day + timedelta(days=days)).isoformat()})


def _dates_another_noun(time: TimeMention, trig: Trigger, ctx: Context) -> bool:
    """Whether a time is the possessive of a noun other than the trigger ("arrested over Saturday's shooting")."""
    if not 0 <= time.token < len(ctx.doc):
        return False
    word = ctx.doc[time.token]
    while word.dep_ in ("compound", "amod") and word.head != word:  # "last week's": the head of the phrase
        word = word.head
    owner = word.head
    # "protested during Monday's final session": the act happened within the time its noun names
    within = owner.dep_ == "pobj" and owner.head.lower_ in ("during", "at", "in", "on")
    return word.dep_ == "poss" and owner.pos_ == "NOUN" and owner != trig.token and not within


def _same_time_clause(verb: Token) -> bool:
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & {"when", "while", "as"}) or (not marks and verb.tag_ == "VBG")


# Adverbs that make a present perfect a habit or a state, not news: "has repeatedly denied", "have long said".
_HABIT_ADVERBS = frozenset({"repeatedly", "long", "always", "often", "frequently", "consistently", "previously",
                            "already", "never", "ever", "regularly", "routinely", "since"})
# Adverbs that set a past act before the story's news at no day: "He recently condemned ...", "was previously
# jailed": background, not the day the story tells.
_BEFORE_THE_NEWS = frozenset({"recently", "lately", "previously", "formerly"})


def act_tense(verb: Token) -> str:
    """How the clause tells the act: "past perfect" ("had agreed"), "habitual" (a present perfect of habit,
    "has repeatedly denied"), "present perfect", "present" ("denies", "is investigating"), "earlier past" (a
    past set before the news, "recently condemned") or "past"."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"had", "'d"} and verb.tag_ == "VBN":
        return "past perfect"
    if aux & {"has", "have", "'ve", "'s"} and verb.tag_ in ("VBN", "VBG"):
        adverbs = {c.lower_ for c in verb.subtree if c.dep_ in ("advmod", "prep") and c.i < verb.i + 3}
        return "habitual" if adverbs & _HABIT_ADVERBS else "present perfect"
    if verb.tag_ in ("VBZ", "VBP") or (aux & {"is", "are", "am"} and verb.tag_ in ("VBG", "VBN")):
        return "present"  # "denies", "is investigating", "are charged with murder"
    if {c.lower_ for c in verb.children if c.dep_ == "advmod"} & _BEFORE_THE_NEWS:
        return "earlier past"
    return "past"


# "the same day": the day the story has been telling.
_SAME_DAY = frozenset({"the same day", "that day", "the same day.", "that same day"})
# A time of day that names no day ("overnight", "at dawn", "about 10:30 p.m."): the act is on the day the story
# tells, as with no time at all.
_TIME_OF_DAY = re.compile(
    r"(?i)(about |around |at |shortly after |shortly before |just after |just before |early |late )?"
    r"(overnight|dawn|dusk|daybreak|midnight|noon|midday|night|(in the |this |early |late )?(morning|afternoon|evening)"
    r"|\d{1,2}(:\d\d)? ?(a\.?m\.?|p\.?m\.?|o'clock))")
_NEWS_DAYS = 7


def _narrated_before(trig: Trigger, ctx: Context) -> TimeMention | None:
    """"... most recently in April 2007 when he was accused of pointing a gun. He was convicted of reckless
    driving": a past act with no time of its own, told right after a sentence set a year or more before the
    article, goes on with that story; it is dated by it, not by the news."""
    published = _iso_day(ctx.article.published)
    sent = trig.token.sent
    # the story goes on about the one the sentence before told of ("He was convicted"), in its own words, not
    # in what someone says now ("the sheriff said deputies arrested three")
    clause = trig.clause
    while clause.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head  # "He was sentenced to probation, fined $1,000 and ...": the first verb's subject
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if published is None or sent.start == 0 or trig.clause.dep_ == "ccomp" or not any(
            s.lower_ in _NARRATING_PRONOUNS for s in subjects):
        return None
    # the nearest sentence before that names a time, up to three back: the story told in between goes on too
    # ("... in April 2007 when he was accused. He was convicted of reckless driving. He was sentenced to ...")
    times: list[TimeMention] = []
    start = sent.start
    for _ in range(_STORY_SENTENCES):
        if start == 0 or times:
            break
        previous = ctx.doc[start - 1].sent
        times = [t for t in ctx.times.values() if previous.start <= t.token < previous.end
                 and t.note != DURATION_NOTE and t.value is not None]
        start = previous.start
    periods = [period_of(t.value) for t in times]
    if not times or any(p is None or (published - p[1]).days <= _OLD_DAYS for p in periods):
        return None
    return max(times, key=lambda t: t.token)


# How long before the article a time must end for what follows it to be the past it tells.
_OLD_DAYS = 366
_STORY_SENTENCES = 3
_NARRATING_PRONOUNS = frozenset({"he", "she", "they", "it"})


def story_day(ctx: Context) -> str | None:
    """The day the story is telling, for an act whose own clause gives none: the first day of the news week (up
    to a week before publication) the article names, as a lead names the day of its news ("On Friday, police
    cleared the camp. ... Sheriff Lee said they arrested three" is Friday's news, not the publication
    day's); a day named later for a detail ("agreed on Monday, adopted a day later") does not move it."""
    published = _iso_day(ctx.article.published)
    if published is None:
        return None
    news_days = []
    for time in sorted(ctx.times.values(), key=lambda t: t.token):
        day = _iso_day(time.value) if time.precision == "day" else None
        if day is not None and 0 <= (published - day).days <= _NEWS_DAYS and not _date_line(time, ctx):
            news_days.append((time.token, time.value))
    return news_days[0][1] if news_days else None


def _date_line(time: TimeMention, ctx: Context) -> bool:
    """A date standing as its own line ("Friday, July 12, 2019" above a Wikinews story) dates the page."""
    sentence = ctx.doc[time.token].sent.text.strip() if 0 <= time.token < len(ctx.doc) else ""
    return sentence == time.text.strip()


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None
