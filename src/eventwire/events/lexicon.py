"""The trigger lexicon: verb and event-noun patterns over the dependency parse -> CAMEO codes.

Row semantics (events/data/lexicon.tsv):
- verb rows match a verb by lemma, optionally requiring a particle ("pull out") and a direct object
  (or the object of its to-infinitive) among `objects` ("impose sanctions"); with `objects` set the
  target comes from `target_preps` ("on Iran"), without it the direct object is the target;
- noun rows match an event noun by lemma, optionally requiring a modifier among `objects`
  ("air strike"); the target comes from `target_preps` ("visit to", "talks with").
The most specific matching row wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from eventwire.datafiles import parse_numbered_tsv, split_list
from eventwire.errors import DataFileError
from eventwire.events.codes import load_code_table

_PKG = "eventwire.events"


@dataclass(frozen=True)
class LexEntry:
    code: str
    pos: str
    lemma: str
    particle: str
    objects: frozenset[str]
    target_preps: tuple[str, ...]

    @property
    def specificity(self) -> int:
        return (2 if self.particle else 0) + (1 if self.objects else 0)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[LexEntry, ...]]
    nouns: dict[str, tuple[LexEntry, ...]]


# The code of a row that blocks a more general one: "fight the epidemic" is no use of force.
NOT_AN_EVENT = "none"


def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The packaged lexicon, plus users' files (same columns); a user row for the same lemma, pattern
    and requirements replaces the packaged one. A malformed row is a DataFileError naming its file and line."""
    rows = [(f"{_PKG}/data/lexicon.tsv:{n}", row) for n, row in
            parse_numbered_tsv(resources.files(_PKG).joinpath("data", "lexicon.tsv").read_text(encoding="utf-8"),
                               f"{_PKG}/data/lexicon.tsv")]
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read user lexicon ({exc.strerror or exc})") from exc
        rows += [(f"{path}:{n}", row) for n, row in parse_numbered_tsv(text, path)]
    known = load_code_table().codes
    verbs: dict[str, list[LexEntry]] = {}
    nouns: dict[str, list[LexEntry]] = {}
    for where, row in rows:
        if row.get("pos") not in ("verb", "noun") or not row.get("code") or not row.get("lemma"):
            raise DataFileError(f"{where}: needs code, pos (verb|noun) and lemma")
        if row["code"] != NOT_AN_EVENT and row["code"] not in known:
            # caught here, not when a sentence fires the row and every such article fails in the coder
            raise DataFileError(f"{where}: CAMEO code {row['code']!r} is not in the code table "
                                f"(eventwire codes lists them; {NOT_AN_EVENT!r} blocks a pattern)")
        lemma = row["lemma"].lower().strip()
        particle = row.get("particle", "").lower().strip()
        if " " in lemma and not particle and row["pos"] == "verb":
            # "pull out" written in the lemma column: the second word is the particle.
            lemma, particle = lemma.split(" ", 1)
        entry = LexEntry(row["code"], row["pos"], lemma, particle,
                         frozenset(o.lower() for o in split_list(row.get("objects", ""))),
                         tuple(p.lower() for p in split_list(row.get("target_preps", ""))))
        table = verbs if row["pos"] == "verb" else nouns
        same = [e for e in table.get(lemma, []) if (e.particle, e.objects, e.target_preps) ==
                (entry.particle, entry.objects, entry.target_preps)]
        for old_entry in same:
            table[lemma].remove(old_entry)
        table.setdefault(lemma, []).append(entry)
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()})


# Irregular past forms whose compounds the small model's lemmatiser leaves as they are ("overran").
_IRREGULAR_PAST = (("ran", "run"), ("drew", "draw"), ("took", "take"), ("swore", "swear"), ("fled", "flee"),
                   ("fought", "fight"), ("struck", "strike"), ("sought", "seek"), ("shot", "shoot"),
                   ("stole", "steal"), ("threw", "throw"), ("seized", "seize"), ("held", "hold"))


def lemma_candidates(token: Token) -> list[str]:
    """The model's lemma plus a suffix-stripped guess: the small model lemmatises "staging" as "stag"."""
    out = [token.lemma_.lower()]
    low = token.lower_
    for suffix, repl in (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            guess = low[: -len(suffix)] + repl
            if guess not in out:
                out.append(guess)
    for past, present in _IRREGULAR_PAST:
        if low.endswith(past) and low[: -len(past)] + present not in out:
            out.append(low[: -len(past)] + present)  # "overran" -> "overrun", "withdrew" -> "withdraw"
    if token.pos_ == "VERB" and out[0].startswith("re") and len(out[0]) > 6:
        out.append(out[0][2:])  # "reimposed blockades" is imposing them again
    return out


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of the verb's direct object(s), including those of a to-infinitive it governs
    ("agreed to improve coordination") and attributes of the object ("military operations"), and the
    to-infinitive's own verb ("declined to comment")."""
    objs: set[str] = set()
    heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    if not any(c.dep_ == "dobj" for c in verb.children):
        # "slaughtering, burning and burying 6,500 hogs": verbs joined before one object share it.
        heads += [c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"
                  and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)][-1:]
    objs.update(h.lemma_.lower() for h in heads[1:] if h.dep_ == "xcomp")
    # A small clause: "found two officers guilty" (the parser's ccomp "guilty" with its own subject).
    objs.update(_predicate_lemma(c) for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "ADJ")
    for head in heads:
        has_object = any(c.dep_ == "dobj" for c in head.children)
        for child in head.children:
            # With no direct object, a bare noun the parser took for an adverbial ("eased curfew hours").
            if child.dep_ in _OBJECT_DEPS or (child.dep_ == "npadvmod" and child.pos_ == "NOUN" and not has_object):
                for obj in (child, *child.conjuncts):
                    objs.add(_predicate_lemma(obj))
                    if obj.tag_ in ("NNS", "NNPS") and obj.lower_.endswith("s"):
                        objs.add(obj.lower_[:-1])  # the parser's lemma can miss: "bases" -> "basis"
                    if obj.ent_type_ == "PERSON":
                        objs.add("person")  # "release Prime Minister Mahendra Chaudhry" releases a person
                    if obj.ent_type_ == "MONEY":
                        objs.add("money")  # "contributed $90 million to the appeal"
                    # "curfew hours" is about the curfew; "three of the hostages", "a team of medical
                    # experts" are about the hostages and the experts.
                    objs.update(c.lemma_.lower() for c in obj.subtree if c.dep_ == "compound" and c.i < obj.i)
                    objs.update(_partitive_lemmas(obj))
        objs.update(_glued_to_a_time(head))
        if has_object:  # "threatened Ukraine with sanctions", "provided Egypt with aid": the "with" thing
            objs.update(_with_lemmas(head))
    return objs


def relative_antecedent(verb: Token) -> str | None:
    """"a deal that he struck with Musharraf": the lemma of the noun a relative clause with no object of its own
    acts on."""
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and not any(
            (c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP")) or c.dep_ == "nsubjpass"
            or (c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")) for c in verb.children):
        return verb.head.lemma_.lower()
    return None


def _predicate_lemma(obj: Token) -> str:
    """"pleaded not guilty", "found him not guilty": a negated adjective is its own object ("not guilty"), so
    that an acquittal is no conviction and a plea of innocence no admission."""
    negated = obj.pos_ == "ADJ" and any(c.dep_ == "neg" for c in obj.children)
    return f"not {obj.lemma_.lower()}" if negated else obj.lemma_.lower()


def _glued_to_a_time(verb: Token) -> set[str]:
    """"pleaded guilty Monday": the parser can hang the verb's adjective on the time word after it ("guilty
    Monday"); an adjective right after the verb is still the verb's."""
    out: set[str] = set()
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            for adj in child.children:
                if adj.dep_ == "amod" and adj.pos_ == "ADJ" and adj.i in (verb.i + 1, verb.i + 2):
                    out.add(f"not {adj.lemma_.lower()}" if adj.nbor(-1).lower_ == "not" else adj.lemma_.lower())
    return out


def _with_lemmas(verb: Token) -> set[str]:
    out: set[str] = set()
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in (o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)):
                out.add(obj.lemma_.lower())
                out.update(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod"))
    return out


def _partitive_lemmas(obj: Token, depth: int = 0) -> set[str]:
    """What a quantity or part is of, through nested "of" phrases ("three of the dozens of hostages")."""
    if depth > 2 or not (obj.pos_ == "NUM" or obj.lemma_.lower() in _PARTITIVE_HEADS):
        return set()
    out: set[str] = set()
    # "$46 million in aid", "€3.5 million in humanitarian funding": a sum is of what its "in" phrase names.
    preps = ("of", "in") if obj.pos_ == "NUM" or obj.lemma_.lower() in _SUM_HEADS else ("of",)
    for prep in obj.children:
        if prep.lower_ in preps:
            for o in prep.children:
                if o.dep_ == "pobj":
                    out.add(o.lemma_.lower())
                    out.update(c.lemma_.lower() for c in o.children if c.dep_ == "compound")
                    out.update(_partitive_lemmas(o, depth + 1))
    return out


_OBJECT_DEPS = ("dobj", "attr", "oprd", "nsubjpass", "acomp")
_SUM_HEADS = frozenset({"million", "billion", "thousand", "dollar", "euro", "pound", "yen", "rupee"})

# Heads that stand for a quantity or part of what their "of" phrase names.
_PARTITIVE_HEADS = frozenset({"dozen", "hundred", "thousand", "million", "number", "group", "team", "some", "most",
                              "part", "rest", "batch", "shipment", "consignment", "ton", "tonne", "worth",
                              "state",  # "a state of emergency" is about the emergency
                              "kg", "kilogram", "litre", "liter", "gallon", "box", "carton", "bag", "truckload",
                              "load", "pound", "quantity", "amount", "supply", "percent", "%", "share", "portion",
                              "bulk", "majority"})


def has_particle(verb: Token, particle: str) -> bool:
    if any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ == particle


def _particle_objects(verb: Token, particle: str) -> set[str]:
    return {o.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ == particle
            for o in c.children if o.dep_ == "pobj"}


def match_verb(lexicon: Lexicon, verb: Token) -> LexEntry | None:
    best = verb_row(lexicon, verb)
    return None if best is None or best.code == NOT_AN_EVENT else best


def verb_row(lexicon: Lexicon, verb: Token) -> LexEntry | None:
    """The lexicon row a verb matches, a blocking ("none") row included."""
    objs: set[str] | None = None
    best: LexEntry | None = None
    antecedent = relative_antecedent(verb)
    for lemma in lemma_candidates(verb):
        rows = lexicon.verbs.get(lemma, ())
        # the antecedent only chooses between a verb's senses ("a deal he struck" is no blow); it makes no event
        # of a verb that has none without its object
        sense_of = antecedent if any(not r.objects and not r.particle for r in rows) else None
        for entry in rows:
            if entry.particle and not has_particle(verb, entry.particle):
                continue
            if entry.objects:
                if objs is None:
                    objs = object_lemmas(verb)
                # "took to the streets": the object of a prepositional particle counts as the verb's
                own = objs | _particle_objects(verb, entry.particle) if entry.particle else objs
                if not entry.objects & own and sense_of not in entry.objects:
                    continue
            if best is None or entry.specificity > best.specificity:
                best = entry
        if best is not None:
            return best
    return None


def match_noun(lexicon: Lexicon, noun: Token) -> LexEntry | None:
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    # "his refusal to say which side he is on": the act a noun's to-infinitive names counts as its object
    modifiers.update(c.lemma_.lower() for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
    # "the release of two Kuwaiti nationals", "the withdrawal of 3,000 troops": the "of" object counts too.
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    modifiers.add(obj.lemma_.lower())
                    modifiers.update(_partitive_lemmas(obj))
    best: LexEntry | None = None
    lemmas = {noun.lemma_.lower(), noun.lower_}
    if noun.i >= 2 and noun.nbor(-1).text == "-":  # "cease-fire", "air-strike" split by the tokenizer
        lemmas.add(noun.nbor(-2).lower_ + noun.lemma_.lower())
    for lemma in lemmas:
        for entry in lexicon.nouns.get(lemma, ()):
            if entry.objects and not entry.objects & modifiers:
                continue
            if best is None or entry.specificity > best.specificity:
                best = entry
    return None if best is not None and best.code == NOT_AN_EVENT else best
