"""What a sentence says of a capitalised name that makes it a place, whatever the small model tagged it:
"an Alexandria woman", "Maria Lopez, 35, of Ocilla,", "Glennville Police Chief Tom Ray". Read by
places.recognise, which checks the name against the gazetteer and the article's people.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# Nouns that a place name modifies: "Alexandria woman", "Mansfield police", "Fargo residents".
PLACE_MODIFIED = frozenset({
    "woman", "man", "men", "women", "resident", "native", "police", "officer", "county", "city", "area",
    "school", "council", "mayor", "official", "firefighter", "hospital", "authority", "neighborhood",
    "neighbourhood", "family", "teen", "girl", "boy", "student", "couple", "business", "community", "district",
})
# ... and, for a small town, what local news says happened there: "a Soperton crash", "a Buford home".
_TOWN_MODIFIED = PLACE_MODIFIED | frozenset({"home", "homes", "crash", "accident", "store", "church", "fire",
                                             "shooting", "house", "residents", "natives", "students", "senior"})
# Words after which "of Town" / "from Town" is where a person lives: "a Republican from Florence".
_RESIDENT_HEADS = frozenset({"man", "woman", "resident", "republican", "democrat", "teen", "boy", "girl"})
# A town's own bodies, after which a small town's name is a place ("Metter Police", "Ocilla City Council"); not
# schools, streets, counties or businesses, which are as often named for people ("Worden Elementary", "Henry County").
LOCAL_BODIES = frozenset({"police", "fire", "volunteer", "city", "town", "village", "township", "board", "mayor",
                          "council", "aldermen", "selectmen", "municipal"})


def name_runs(doc: Doc, stop_words: frozenset[str], place_labels: frozenset[str]) -> list[Span]:
    """Runs of capitalised proper nouns outside place entities, cut before a stop word ("Glennville" of the
    PERSON "Glennville Police Chief Tom Ray"); a sentence's first word too, since the cues come after it
    ("Glen Allen woman found")."""
    def name_word(i: int) -> bool:
        token = doc[i]
        return token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() \
            and token.ent_type_ not in place_labels

    runs = []
    i = 0
    while i < len(doc):
        if not name_word(i):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and name_word(j) and doc[j].lower_ not in stop_words:
            j += 1
        runs.append(doc[i:j])
        i = j
    return runs


def modifies_town_noun(run: Span) -> bool:
    """"a Metter man", "a Soperton crash": the name modifies a noun of people or of local news."""
    root = run[-1]
    return root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN" and \
        root.head.lemma_.lower() in _TOWN_MODIFIED and root.head.i > root.i


def home_of_person(run: Span) -> bool:
    """"Maria Lopez, 35, of Ocilla,", "a Republican from Florence": where a person lives, closed by punctuation."""
    root = run[-1]
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "from") or prep.i != run.start - 1:
        return False
    holder = prep.head
    if holder.like_num and holder.head != holder:
        holder = holder.head  # "Lopez, 35, of Ocilla": the age stands between
    person = holder.ent_type_ == "PERSON" or holder.lemma_.lower() in _RESIDENT_HEADS
    after = run.doc[run.end] if run.end < len(run.doc) else None
    return person and (after is None or after.is_punct or after.lower_ in ("and", "or"))


def leads_local_body(run: Span) -> bool:
    """"Glennville Police Chief", "the Cookville Volunteer Fire Department": a town before its own body."""
    after = run.doc[run.end] if run.end < len(run.doc) else None
    return after is not None and after.lower_ in LOCAL_BODIES and after.text[:1].isupper()
