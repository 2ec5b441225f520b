"""Clause grammar (eventwire.syntax) on parses built by hand, with no model loaded: a parser upgrade
changes what the model gives these functions, never what they do with a given parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from eventwire.syntax import (
    SPEECH_VERBS,
    clause_of,
    governing_verb,
    is_passive,
    is_under,
    np_span,
    predicate_subject,
    relative_subject,
    reporter_subjects,
    subjects_of,
)

Row = tuple[str, int, str, str, str, str]  # word, head (absolute index), dep, pos, lemma, tag


def parse(*rows: Row) -> Doc:
    words, heads, deps, pos, lemmas, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


# "Putin visited the base in Latakia"
VISIT = parse(
    ("Putin", 1, "nsubj", "PROPN", "Putin", "NNP"),
    ("visited", 1, "ROOT", "VERB", "visit", "VBD"),
    ("the", 3, "det", "DET", "the", "DT"),
    ("base", 1, "dobj", "NOUN", "base", "NN"),
    ("in", 3, "prep", "ADP", "in", "IN"),
    ("Latakia", 4, "pobj", "PROPN", "Latakia", "NNP"),
)
# "The EU said it was concerned"
SAID = parse(
    ("The", 1, "det", "DET", "the", "DT"),
    ("EU", 2, "nsubj", "PROPN", "EU", "NNP"),
    ("said", 2, "ROOT", "VERB", "say", "VBD"),
    ("it", 4, "nsubj", "PRON", "it", "PRP"),
    ("was", 2, "ccomp", "AUX", "be", "VBD"),
    ("concerned", 4, "acomp", "ADJ", "concerned", "JJ"),
)


def test_governing_verb_climbs_through_nouns_and_prepositions_to_the_nearest_verb() -> None:
    assert governing_verb(word(VISIT, "Latakia")) == word(VISIT, "visited")
    assert governing_verb(word(VISIT, "base")) == word(VISIT, "visited")


def test_governing_verb_is_never_the_token_itself_and_an_auxiliary_counts() -> None:
    assert governing_verb(word(SAID, "said")) is None  # the root has nothing above it
    assert governing_verb(word(SAID, "concerned")) == word(SAID, "was")  # AUX
    assert governing_verb(word(SAID, "was")) == word(SAID, "said")


def test_governing_verb_gives_up_after_eight_steps() -> None:
    # n0 -> n1 -> ... -> n8 -> verb: n1 is eight steps below the verb, n0 nine.
    rows: list[Row] = [(f"n{i}", i + 1, "pobj", "NOUN", f"n{i}", "NN") for i in range(9)]
    doc = parse(*rows, ("went", 9, "ROOT", "VERB", "go", "VBD"))
    assert governing_verb(doc[1]) == doc[9]
    assert governing_verb(doc[0]) is None


def test_clause_of_is_the_governing_verb() -> None:
    assert clause_of(word(VISIT, "Latakia")) == word(VISIT, "visited")
    assert clause_of(word(SAID, "it")) == word(SAID, "was")


def test_is_under_means_strictly_above_in_the_parse() -> None:
    assert is_under(word(VISIT, "Latakia"), word(VISIT, "base"))
    assert not is_under(word(VISIT, "base"), word(VISIT, "Latakia"))
    assert not is_under(word(VISIT, "base"), word(VISIT, "base"))
    assert not is_under(word(VISIT, "Putin"), word(VISIT, "base"))  # a sibling


def test_is_passive_by_passive_subject_or_passive_auxiliary() -> None:
    # "The convoy was attacked by gunmen"
    doc = parse(
        ("The", 1, "det", "DET", "the", "DT"),
        ("convoy", 3, "nsubjpass", "NOUN", "convoy", "NN"),
        ("was", 3, "auxpass", "AUX", "be", "VBD"),
        ("attacked", 3, "ROOT", "VERB", "attack", "VBN"),
        ("by", 3, "agent", "ADP", "by", "IN"),
        ("gunmen", 4, "pobj", "NOUN", "gunman", "NNS"),
    )
    assert is_passive(word(doc, "attacked"))
    # "Troops were deployed" parsed with the subject as nsubj: the auxiliary alone tells.
    doc = parse(
        ("Troops", 2, "nsubj", "NOUN", "troop", "NNS"),
        ("were", 2, "auxpass", "AUX", "be", "VBD"),
        ("deployed", 2, "ROOT", "VERB", "deploy", "VBN"),
    )
    assert is_passive(word(doc, "deployed"))
    assert not is_passive(word(VISIT, "visited"))


# "the attack which killed nine people"
RELATIVE = parse(
    ("the", 1, "det", "DET", "the", "DT"),
    ("attack", 1, "ROOT", "NOUN", "attack", "NN"),
    ("which", 3, "nsubj", "PRON", "which", "WDT"),
    ("killed", 1, "relcl", "VERB", "kill", "VBD"),
    ("nine", 5, "nummod", "NUM", "nine", "CD"),
    ("people", 3, "dobj", "NOUN", "people", "NNS"),
)


def test_relative_subject_is_the_wh_pronoun_subject_of_a_relative_clause() -> None:
    assert relative_subject(word(RELATIVE, "killed")) == word(RELATIVE, "which")
    # "the man Putin met": a relative clause whose subject is no wh-word
    doc = parse(
        ("the", 1, "det", "DET", "the", "DT"),
        ("man", 1, "ROOT", "NOUN", "man", "NN"),
        ("Putin", 3, "nsubj", "PROPN", "Putin", "NNP"),
        ("met", 1, "relcl", "VERB", "meet", "VBD"),
    )
    assert relative_subject(word(doc, "met")) is None
    assert relative_subject(word(VISIT, "visited")) is None  # not a relative clause


def test_subjects_of_a_verb_with_conjoined_subjects() -> None:
    # "Russia and Iran signed a deal"
    doc = parse(
        ("Russia", 3, "nsubj", "PROPN", "Russia", "NNP"),
        ("and", 0, "cc", "CCONJ", "and", "CC"),
        ("Iran", 0, "conj", "PROPN", "Iran", "NNP"),
        ("signed", 3, "ROOT", "VERB", "sign", "VBD"),
        ("a", 5, "det", "DET", "a", "DT"),
        ("deal", 3, "dobj", "NOUN", "deal", "NN"),
    )
    assert texts(subjects_of(word(doc, "signed"))) == ["Russia", "Iran"]
    assert texts(subjects_of(word(RELATIVE, "killed"))) == ["which"]  # its own subject comes first


def test_subjects_of_a_conjoined_or_controlled_verb_are_inherited() -> None:
    # "Putin arrived and met Assad"; "Iran agreed to halt enrichment"
    doc = parse(
        ("Putin", 1, "nsubj", "PROPN", "Putin", "NNP"),
        ("arrived", 1, "ROOT", "VERB", "arrive", "VBD"),
        ("and", 1, "cc", "CCONJ", "and", "CC"),
        ("met", 1, "conj", "VERB", "meet", "VBD"),
        ("Assad", 3, "dobj", "PROPN", "Assad", "NNP"),
    )
    assert texts(subjects_of(word(doc, "met"))) == ["Putin"]
    doc = parse(
        ("Iran", 1, "nsubj", "PROPN", "Iran", "NNP"),
        ("agreed", 1, "ROOT", "VERB", "agree", "VBD"),
        ("to", 3, "aux", "PART", "to", "TO"),
        ("halt", 1, "xcomp", "VERB", "halt", "VB"),
        ("enrichment", 3, "dobj", "NOUN", "enrichment", "NN"),
    )
    assert texts(subjects_of(word(doc, "halt"))) == ["Iran"]


def test_a_plural_verb_hung_on_a_singular_subjects_clause_takes_the_plural_subject_above() -> None:
    # "Farmers say Beijing has cheated growers and back the tariffs": "back" is the farmers', not Beijing's; after
    # a modal the bare form is the modal's ("Beijing will cheat growers and back ...")
    rows: list[Row] = [
        ("Farmers", 1, "nsubj", "NOUN", "farmer", "NNS"),
        ("say", 1, "ROOT", "VERB", "say", "VBP"),
        ("Beijing", 4, "nsubj", "PROPN", "Beijing", "NNP"),
        ("has", 4, "aux", "AUX", "have", "VBZ"),
        ("cheated", 1, "ccomp", "VERB", "cheat", "VBN"),
        ("growers", 4, "dobj", "NOUN", "grower", "NNS"),
        ("and", 4, "cc", "CCONJ", "and", "CC"),
        ("back", 4, "conj", "VERB", "back", "VB"),
        ("tariffs", 7, "dobj", "NOUN", "tariff", "NNS"),
    ]
    assert texts(subjects_of(word(parse(*rows), "back"))) == ["Farmers"]
    rows[3] = ("will", 4, "aux", "AUX", "will", "MD")
    assert texts(subjects_of(word(parse(*rows), "back"))) == ["Beijing"]


def test_the_subject_of_a_passive_does_what_its_to_clause_tells() -> None:
    # "A bombing was reported to have killed a journalist": the bombing killed
    doc = parse(
        ("A", 1, "det", "DET", "a", "DT"),
        ("bombing", 3, "nsubjpass", "NOUN", "bombing", "NN"),
        ("was", 3, "auxpass", "AUX", "be", "VBD"),
        ("reported", 3, "ROOT", "VERB", "report", "VBN"),
        ("to", 6, "aux", "PART", "to", "TO"),
        ("have", 6, "aux", "AUX", "have", "VB"),
        ("killed", 3, "xcomp", "VERB", "kill", "VBN"),
        ("a", 8, "det", "DET", "a", "DT"),
        ("journalist", 6, "dobj", "NOUN", "journalist", "NN"),
    )
    assert texts(subjects_of(word(doc, "killed"))) == ["bombing"]


def test_subjects_of_a_participle_describing_a_noun_is_that_noun() -> None:
    # "rebels fighting government troops"
    doc = parse(
        ("rebels", 0, "ROOT", "NOUN", "rebel", "NNS"),
        ("fighting", 0, "acl", "VERB", "fight", "VBG"),
        ("government", 3, "compound", "NOUN", "government", "NN"),
        ("troops", 1, "dobj", "NOUN", "troop", "NNS"),
    )
    assert texts(subjects_of(word(doc, "fighting"))) == ["rebels"]


def test_a_conjoined_clause_keeps_a_subject_the_parser_attached_elsewhere() -> None:
    # "Turkey agreed, and the YPG has coordinated": "YPG" hung on "agreed"; without the rule the
    # conjoined verb would inherit "Turkey".
    doc = parse(
        ("Turkey", 1, "nsubj", "PROPN", "Turkey", "NNP"),
        ("agreed", 1, "ROOT", "VERB", "agree", "VBD"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("and", 1, "cc", "CCONJ", "and", "CC"),
        ("the", 5, "det", "DET", "the", "DT"),
        ("YPG", 1, "npadvmod", "PROPN", "YPG", "NNP"),
        ("has", 7, "aux", "AUX", "have", "VBZ"),
        ("coordinated", 1, "conj", "VERB", "coordinate", "VBN"),
    )
    assert texts(subjects_of(word(doc, "coordinated"))) == ["YPG"]


def test_a_verb_hung_on_a_distant_clause_with_no_coordinator_shares_no_subject() -> None:
    # "Police sealed the bar ..., who was found shot": the parser made "shot" a conjunct of "sealed" though no
    # "and" or comma links them; the police did not shoot. "Putin arrived and met Assad" keeps its subject.
    doc = parse(
        ("Police", 1, "nsubj", "NOUN", "police", "NNS"),
        ("sealed", 1, "ROOT", "VERB", "seal", "VBD"),
        ("the", 3, "det", "DET", "the", "DT"),
        ("bar", 1, "dobj", "NOUN", "bar", "NN"),
        ("of", 3, "prep", "ADP", "of", "IN"),
        ("Hill", 4, "pobj", "PROPN", "Hill", "NNP"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("who", 9, "nsubjpass", "PRON", "who", "WP"),
        ("was", 9, "auxpass", "AUX", "be", "VBD"),
        ("found", 5, "relcl", "VERB", "find", "VBN"),
        ("shot", 1, "conj", "VERB", "shoot", "VBN"),
    )
    assert subjects_of(word(doc, "shot")) == []


def test_subjects_of_a_verb_with_none_is_empty() -> None:
    doc = parse(("Stop", 0, "ROOT", "VERB", "stop", "VB"), ("now", 0, "advmod", "ADV", "now", "RB"))
    assert subjects_of(doc[0]) == []


def test_predicate_subject_is_the_subject_of_the_clause_the_word_predicates() -> None:
    # "30 fishermen are missing"
    doc = parse(
        ("30", 1, "nummod", "NUM", "30", "CD"),
        ("fishermen", 2, "nsubj", "NOUN", "fisherman", "NNS"),
        ("are", 2, "ROOT", "AUX", "be", "VBP"),
        ("missing", 2, "acomp", "ADJ", "missing", "JJ"),
    )
    assert predicate_subject(word(doc, "missing")) == word(doc, "fishermen")
    # "Officials said fishermen missing": the word's own subject, not its head's ("Officials")
    doc = parse(
        ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
        ("said", 1, "ROOT", "VERB", "say", "VBD"),
        ("fishermen", 3, "nsubj", "NOUN", "fisherman", "NNS"),
        ("missing", 1, "ccomp", "VERB", "miss", "VBG"),
    )
    assert predicate_subject(word(doc, "missing")) == word(doc, "fishermen")
    assert predicate_subject(word(doc, "Officials")) == word(doc, "Officials")  # its head's subject: itself
    doc = parse(("Stop", 0, "ROOT", "VERB", "stop", "VB"), ("now", 0, "advmod", "ADV", "now", "RB"))
    assert predicate_subject(word(doc, "now")) is None


def test_reporter_subjects_of_a_reported_clause_s_subject() -> None:
    assert texts(reporter_subjects(word(SAID, "it"))) == ["EU"]
    assert reporter_subjects(word(SAID, "EU")) == []  # the subject of the speech verb itself
    # "The EU feared it was concerned": no speech verb
    feared = parse(
        ("The", 1, "det", "DET", "the", "DT"),
        ("EU", 2, "nsubj", "PROPN", "EU", "NNP"),
        ("feared", 2, "ROOT", "VERB", "fear", "VBD"),
        ("it", 4, "nsubj", "PRON", "it", "PRP"),
        ("was", 2, "ccomp", "AUX", "be", "VBD"),
        ("concerned", 4, "acomp", "ADJ", "concerned", "JJ"),
    )
    assert reporter_subjects(word(feared, "it")) == []
    assert "say" in SPEECH_VERBS and "fear" not in SPEECH_VERBS


def test_np_span_runs_from_the_leftmost_premodifier_to_the_head() -> None:
    # "the Syrian army of Assad"
    doc = parse(
        ("the", 2, "det", "DET", "the", "DT"),
        ("Syrian", 2, "amod", "ADJ", "syrian", "JJ"),
        ("army", 2, "ROOT", "NOUN", "army", "NN"),
        ("of", 2, "prep", "ADP", "of", "IN"),
        ("Assad", 3, "pobj", "PROPN", "Assad", "NNP"),
    )
    assert np_span(word(doc, "army")).text == "the Syrian army"
    assert np_span(word(doc, "Assad")).text == "Assad"
