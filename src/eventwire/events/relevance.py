"""Stage 8: is each coded event a real political event, rightly rooted? A calibrated probability.

The coder proposes every reading its lexicon and grammar allow; many are not events an analyst codes:
accidents read as violence, words in another sense, acts told as background or as a circumstance of
another act ("despite criticism by ..."), private people doing private things. This stage scores each
event with a logistic model over a few general features of the event, its clause and its article,
fitted on the development half of the whole-article gold (`eventwire eval records --fit`), and checked
on the held-out half. The probability becomes `confidence`; events under the model's threshold, and
hypothetical, negated or historical ones (dated over a year before the article), are marked
`political: false` and left out unless the user asks for all.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from eventwire.datafiles import read_tsv, word_list
from eventwire.events.codes import FORCE_ROOTS, PLEA_CODES, VIOLENCE_ROOTS
from eventwire.events.disasters import disaster_emergency, hazard_warning
from eventwire.events.fallen import harm_verb_of
from eventwire.events.framing import (
    caption_fragment,
    described_act,
    direct_question,
    generic_claim,
    lasting_state,
    many_occasions,
    not_the_first_time,
    standing_measure,
    task_described,
    thing_described,
    told_as_background,
    told_of_a_past_office,
)
from eventwire.events.slots import NATION_AS_A_SIDE
from eventwire.events.sources import unnamed_attack
from eventwire.events.violence import police_cordon
from eventwire.model import ActorMention, Article, Event
from eventwire.places.roles import dateline_sentence
from eventwire.syntax import verb_of

# Role blocks and organisation types that act in the public sphere by what they are.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"})
POLITICAL_SECTORS = frozenset({"REB", "OPP", "PTY", "IMG", "NGO", "LAB", "ELI"})
_SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "csubj", "pcomp", "amod", "compound"})
_BACKGROUND_DAYS = 31
# An act dated over a year before the article is history told as background ("in 2015 Saudi Arabia began
# supporting Hadi"), not an event of the news: kept only with --all-events.
_HISTORY_DAYS = 366

FEATURES = (
    "source_coded", "target_coded", "source_state", "source_political", "target_state_or_political",
    "source_unidentified", "noun_in_phrase", "noun_modifier", "subordinate_clause", "past_perfect",
    "date_stated", "date_background", "article_political_share", "late_in_article", "coder_evidence",
)
# Where a noun trigger sits when it is not the act the clause reports: a modifier ("the bombing suspect",
# "his election campaign") or a possessive/appositive.
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod", "npadvmod", "attr", "acomp"})


@dataclass(frozen=True)
class RelevanceModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float  # probability at or above which an event is emitted by default

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def load_relevance_model() -> RelevanceModel:
    """The packaged model (events/data/relevance.tsv: rows feature, weight; `bias` and `threshold` rows)."""
    values = {row["feature"]: float(row["weight"]) for row in read_tsv("eventwire.events", "relevance.tsv")}
    bias, threshold = values.pop("bias", 0.0), values.pop("threshold", 0.5)
    return RelevanceModel(values, bias, threshold)


def sector(actor: ActorMention | None) -> str | None:
    return actor.sector if actor is not None else None


def article_political_share(doc: Doc, actors: Sequence[ActorMention]) -> float:
    """Share of the article's sentences that name a state or political actor: near 0 in sports, science,
    disaster and obituary stories, high in political news."""
    sentences = [s for s in doc.sents if not dateline_sentence(s)]  # where a story was filed is no sentence of it
    if not sentences:
        return 0.0
    starts = [s.start_char for s in sentences]
    political = {bisect_right(starts, actor.start) - 1 for actor in actors
                 if sector(actor) in STATE_SECTORS | POLITICAL_SECTORS}
    return len(political) / len(sentences)


def _own_sector(actor: ActorMention | None) -> str | None:
    """The sector an actor's own words give. A country named as a side is coded as its state (events/coder.py),
    by convention, not because the words say the state acted; the model weighs the words."""
    if actor is not None and actor.resolved_from == NATION_AS_A_SIDE:
        return "CVL"  # "the Russians": the words name a people
    return None if actor is None or actor.kind == "country" else actor.sector


def _country_named(actor: ActorMention) -> bool:
    """A country named as the one who acts ("The Philippines filed a protest", "Iran banned ...") stands for its
    state; a city standing for its country ("Meeting in Alexandria") or a word referring back does not."""
    return actor.kind == "country" and actor.resolved_from is None


def trigger_token(event: Event, doc: Doc) -> Token | None:
    if event.evidence.token >= 0:
        return doc[event.evidence.token]
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return next((t for t in span if t.text == event.evidence.trigger), None) if span is not None else None


def _days_before(event: Event, published: str | None) -> int | None:
    if not event.date or not published or len(event.date) not in (4, 7, 10):
        return None
    # A month or a year counts from its end: "in 2018" in an article of June 2019 may be recent news.
    end_of = {4: "-12-31", 7: "-28", 10: ""}[len(event.date)]
    try:
        day = date.fromisoformat(event.date + end_of)
        return (date.fromisoformat(published) - day).days
    except ValueError:
        return None


def event_features(event: Event, doc: Doc, article: Article, political_share: float) -> dict[str, float]:
    """The model's inputs for one event: general properties, never particular words."""
    token = trigger_token(event, doc)
    clause = verb_of(token) if token is not None else None
    noun = token is not None and token.pos_ in ("NOUN", "PROPN")
    # "died in a shootout with police": a phrase the clause's harm happened in tells the act, not a side remark
    in_phrase = noun and token is not None and token.dep_ == "pobj" and harm_verb_of(token) is None
    modifier = noun and token is not None and token.dep_ in _MODIFIER_DEPS
    past_perfect = clause is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
    before = _days_before(event, article.published)
    # Criminal violence is political news by the coding rules, as armed groups' is ("gunmen killed ...").
    # So is violence by someone unknown against people ("two teenagers were shot dead").
    violent_crime = event.cameo_root in VIOLENCE_ROOTS and (sector(event.source) == "CRM" or (
        event.source.kind == "unidentified" and sector(event.target) == "CVL"))
    # So is a defendant's plea, a step in the state's case against them ("pleaded not guilty").
    plea = sector(event.source) == "CRM" and event.cameo in PLEA_CODES
    return {
        "source_coded": float(bool(event.source.code)),
        "target_coded": float(event.target is not None and bool(event.target.code)),
        "source_state": float(_own_sector(event.source) in STATE_SECTORS or _country_named(event.source)),
        "source_political": float(_own_sector(event.source) in POLITICAL_SECTORS or violent_crime or plea),
        "target_state_or_political": float(_own_sector(event.target) in STATE_SECTORS | POLITICAL_SECTORS),
        "source_unidentified": float(event.source.kind == "unidentified"),
        "noun_in_phrase": float(in_phrase),
        "noun_modifier": float(modifier),
        "subordinate_clause": float(clause is not None and clause.dep_ in _SUBORDINATE_DEPS),
        "past_perfect": float(past_perfect),
        "date_stated": float(not event.date_defaulted),
        "date_background": float(before is not None and before > _BACKGROUND_DAYS),
        "article_political_share": political_share,
        "late_in_article": float(len(doc.text) > 0 and event.evidence.start / len(doc.text) > 0.5),
        "coder_evidence": event.confidence,
    }


# Cooperation that CAMEO defines as done to someone (consult, endorse, cooperate, give aid, yield): with no
# target found, the trigger was almost always read in another sense ("supported LGBT rights", "residents
# donated blood", "police arrived") - precision before volume.
DIRECTED_ROOTS = frozenset({"04", "05", "06", "07", "08"})
# Statements, appeals, intents, inquiries, demands and coercion of private people, companies, doctors, schools and
# reporters aimed at no one ("the doctors offering to run the clinic", "electricity suppliers are cracking down"): their
# own business, not the political acts the coding rules code; aimed at a state or a group, they are.
_PRIVATE_UNDIRECTED_ROOTS = frozenset({"01", "02", "03", "09", "10", "17"})
# "released a statement", "reiterated its position": a statement with nothing codable in it (CAMEO 010), which the
# coding rules list at most as optional; an analyst filtering for acts gets nothing from it.
PLAIN_STATEMENT = "010"




def never_emitted(event: Event, published: str | None, token: Token | None = None) -> bool:
    """Hypothetical, negated and historical events, directed cooperation with no one to direct it at, acts
    described as a standing state or as background, event nouns modifying another noun ("Ohio's execution
    team"), and the like (given the trigger's `token`) are never emitted by default, whatever the model says."""
    history = (_days_before(event, published) or 0) > _HISTORY_DAYS or _a_past_year(event, published) or (
        (event.date is None or event.date_defaulted) and token is not None and _told_of_a_past_decade(token, published))
    undirected = event.target is None and (event.cameo_root in DIRECTED_ROOTS or (
        event.cameo_root in _PRIVATE_UNDIRECTED_ROOTS and sector(event.source) in _PRIVATE_SECTORS))
    described = token is not None and (describes_a_state(token) or told_as_background(token)
                                       or described_act(token) or sports_play(event, token)
                                       or legal_appeal(event, token) or token.dep_ == "compound"
                                       or standing_measure(token) or private_report(event) or private_visit(event)
                                       or standing_passive(token) or caption_fragment(token)
                                       or direct_question(token) or case_allegation(event, token)
                                       or not_the_first_time(token) or told_of_a_past_office(token)
                                       or police_cordon(event, token) or generic_claim(token)
                                       or task_described(token) or thing_described(token)
                                       or lasting_state(token) or many_occasions(token))
    plain = event.cameo == PLAIN_STATEMENT  # the coding rules' optional 010: never a required event
    optional = plain or (token is not None and (disaster_emergency(event, token) or hazard_warning(event, token)))
    return event.hypothetical or event.negated or history or undirected or described or optional


_DECADE = re.compile(r"^(1[5-9]|20)\d0s$")
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


def _a_past_year(event: Event, published: str | None) -> bool:
    """"Musharraf was forced from power in 2008", told in March 2009: an act dated only by a year before the
    article's is background; this year's news carries a day or a month."""
    return bool(event.date and len(event.date) == 4 and published and published[:4].isdigit()
                and event.date.isdigit() and int(event.date) < int(published[:4]))


def _told_of_a_past_decade(token: Token, published: str | None) -> bool:
    """"Syria first sent its troops into Lebanon in the 1970s", "his convictions date to 1985", "seized the
    territories in the 1967 war": an act with no date of its own in a clause that names a decade, or a year two or
    more before the article's (alone or in an event's name), is history."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    clause = verb_of(token)
    return year is not None and any(
        # a year in a named event counts too: "seized the territories in the 1967 Six-Day War"
        (_in_clause(t, clause) or _in_year_under(t, clause)) and t.ent_type_ in ("DATE", "EVENT") and (
            (_DECADE.match(t.text) and int(t.text[:4]) + 9 < year) or (_YEAR.match(t.text) and int(t.text) <= year - 2))
        for t in token.sent)


def _in_year_under(token: Token, clause: Token) -> bool:
    """"vetoed legislation to allow such a plate in 2003": "in" and a year under the act's own words, where the
    parser hung it on the object's clause, dates the act ("a 2003 murder" names a crime, not when it was told)."""
    return token.dep_ == "pobj" and token.head.lower_ == "in" and token in clause.subtree


def _in_clause(token: Token, clause: Token) -> bool:
    """In the clause, or in a participle hung on it ("seized the territories, seen as ..., in the 1967 war": the
    parser hangs the phrase on the participle)."""
    own = verb_of(token)
    return own == clause or (own.head == clause and own.tag_ in ("VBN", "VBG") and own.dep_ in ("advcl", "acl"))


_LEGAL_ACTS = word_list("eventwire.events", "police_act") | word_list("eventwire.events", "court_act")


def describes_a_state(token: Token) -> bool:
    """A relative clause in the present tense describes who someone is, not what happened: "Lam, who is
    supported by Beijing"; so does an undated past passive ("the territory, which was occupied by Israel"). A
    past active one may report the news ("Putin, who visited Damascus on Monday"), a perfect one is left to the
    model, and a participle may be the news itself ("an attack killing 20")."""
    verb = token
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    if verb.dep_ != "relcl" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
        return False
    # "the territory, which belonged to Syria and was occupied by Israel": a past passive with no date of its
    # own says what a thing has been, not what happened in the news ("the ship, which was seized on Friday";
    # "the jail, where he was charged" narrates the news)
    undated_past_passive = any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in token.children) and not any(
        t.ent_type_ in ("DATE", "TIME") or (t.lower_ == "where" and t.head == verb) for t in verb.subtree)
    # "Outing, who also is charged with murder": the state's legal act is news told in the present
    present = token.lemma_.lower() not in _LEGAL_ACTS and (token.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in token.children))
    return undated_past_passive or present




# Force in a sentence about a game is play: "Carolina beat Chicago for their fourth straight victory".
_SPORTS_WORDS = word_list("eventwire.events", "sports_word")
_GAME_WORDS = word_list("eventwire.events", "game_word")


def sports_play(event: Event, token: Token) -> bool:
    if event.cameo_root not in FORCE_ROOTS:
        return False
    words = {w for t in token.sent for w in (t.lemma_.lower(), t.lower_)}
    return bool(words & _SPORTS_WORDS) or len(words & _GAME_WORDS) >= 2


_COURT_WORDS = word_list("eventwire.events", "court_word")


def legal_appeal(event: Event, token: Token) -> bool:
    """Asking a court ("Trump had asked the District Court to intervene") or appealing a ruling is a step in
    a case, not a political appeal (CAMEO 02)."""
    if event.cameo_root != "02":
        return False
    if event.target is not None and event.target.sector == "JUD":
        return True
    return token.lemma_.lower() == "appeal" and any(t.lemma_.lower() in _COURT_WORDS for t in token.sent)


# What people tell or ask the police ("the driver told police she had seen the woman", "used a cell phone
# to call police"): a witness's or suspect's account, not a political statement or appeal.
_SPEECH_ROOTS = frozenset({"01", "02", "10", "11", "12"})


def private_visit(event: Event) -> bool:
    """"Passengers arriving at Cairo airport", "an aid worker who visited the hospital": travel by people who
    hold no office and speak for no political group is private life, not a visit CAMEO codes (042/043), nor is
    their plan to meet someone (036) or their looking into something (09)."""
    source_sector = sector(event.source)
    if source_sector in _PRIVATE_SECTORS and event.cameo_root == _INVESTIGATE:
        return True  # "doctors are investigating some Calgary residents": a medical check, not an inquiry
    # "Police visited the sushi restaurant": officers going where a case takes them, not a visit CAMEO codes.
    return event.cameo in _VISIT_CODES and source_sector is not None and (
        source_sector not in STATE_SECTORS | POLITICAL_SECTORS or source_sector == "COP")


# Sectors whose inquiries are their trade (doctors, companies, reporters, schools, private people), not the
# investigations CAMEO codes (09: by states, international bodies and NGOs).
_PRIVATE_SECTORS = frozenset({"HLH", "BUS", "MED", "EDU", "CVL"})
_INVESTIGATE = "09"


# Visits, and intents to meet ("the woman did invite him over", "a doctor would visit her in prison").
_VISIT_CODES = frozenset({"042", "043", "036"})


def private_report(event: Event) -> bool:
    # "the driver told police", "Clark told the judge that his son now lives with ...": a witness's account;
    # "the victim told authorities a man approached him": a private person's account to any state body.
    if event.cameo_root not in _SPEECH_ROOTS or event.target is None:
        return False
    source_sector = sector(event.source)
    if event.cameo in PLEA_CODES and source_sector == "CRM":
        return False  # "pleaded not guilty", "admitted his guilt": a defendant's plea is a step in the case
    return (event.target.sector in ("COP", "JUD") and source_sector not in STATE_SECTORS | _PUBLIC_GROUPS) or (
        event.target.sector == "GOV" and source_sector in ("CVL", "CRM"))


def case_allegation(event: Event, token: Token) -> bool:
    """"Prosecutors alleged that Noel and Thomas falsified records", "Investigators alleged Conner posed as an
    officer": the police or prosecutors telling what a suspect did is how the case is sourced; the charge and
    the act are the events."""
    return token.lemma_.lower() == "allege" and sector(event.source) in ("COP", "JUD") and any(
        c.dep_ == "ccomp" for c in token.children)


# Who speaks to the police in public life; a driver, a witness or a worker telling an officer does not.
_PUBLIC_GROUPS = frozenset({"REB", "OPP", "PTY", "IMG", "NGO"})


def standing_passive(token: Token) -> bool:
    """A present simple passive states a standing condition ("Corbyn is accused by critics of ...", "the
    group is backed by Iran"), not an act of the news; "is being investigated" and "has been arrested"
    report one, and so does the state's legal act on someone, which news tells in the present ("two men are
    charged with murder", "a Leeds man is jailed")."""
    if token.pos_ != "VERB" or token.tag_ != "VBN" or token.lemma_.lower() in _LEGAL_ACTS:
        return False
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in aux) and not any(
        c.lemma_ in ("have", "will", "be") and c.dep_ == "aux" for c in aux)


def _recent(event: Event, published: str | None, token: Token) -> bool:
    """An act of the news: dated within a month of the article, in a sentence naming no earlier year ("Khashoggi
    was murdered last October", "beginning in 2010, McArthur murdered ..." are the background of the news)."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    earlier_year = year is not None and any(_YEAR.match(t.text) and int(t.text) < year for t in token.sent)
    return (_days_before(event, published) or 0) <= _BACKGROUND_DAYS and not earlier_year


def judge_events(doc: Doc, article: Article, events: Sequence[Event], actors: Sequence[ActorMention],
                 model: RelevanceModel) -> tuple[Event, ...]:
    """Every event with its calibrated `confidence` and its `political` decision."""
    share = article_political_share(doc, actors)
    judged = []
    for event in events:
        p = model.probability(event_features(event, doc, article, share))
        token = trigger_token(event, doc)
        attack = unnamed_attack(event, token) and token is not None and _recent(event, article.published, token)
        political = (p >= model.threshold or attack) and not never_emitted(
            event, article.published, token)
        judged.append(event.model_copy(update={"confidence": round(p, 3), "political": political}))
    return tuple(judged)
