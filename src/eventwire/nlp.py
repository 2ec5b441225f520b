"""Stage 2: the one spaCy parse of an article, shared by every later stage; how long an article may be."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import EventwireError, ModelMissing
from eventwire.places.roles import story_after_dateline
from eventwire.settings import MODEL_INSTALL_HINTS, Settings

PARAGRAPH_PIPE = "eventwire_paragraphs"


@Language.component(PARAGRAPH_PIPE)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: scraped paragraphs (a quote paragraph followed by the
    speaker's next paragraph) must not be merged by the parser. A dateline opening a paragraph ("KABUL,
    Afghanistan (AP) — A suicide bomber ...") is a sentence of its own, so that the parser does not make its
    place the story's subject and the real subject an apposition."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    # A dateline opens a paragraph, or follows the headline in a text that runs them together ("Lawmakers
    # consider apology. HARTFORD — Connecticut legislators ...").
    openings = [0] + [t.i + 1 for t in doc[:-1] if (t.is_space and "\n" in t.text) or t.text in _SENTENCE_ENDS]
    for start in openings:
        story = story_after_dateline(doc, start) if start < len(doc) else None
        if story is not None:
            doc[start].is_sent_start = True
            doc[story].is_sent_start = True
    return doc


_SENTENCE_ENDS = frozenset({".", "!", "?"})


def load_nlp(settings: Settings) -> Language:
    """Load the configured spaCy model once, with eventwire's sentence rule before the parser."""
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        hint = MODEL_INSTALL_HINTS.get(settings.model, f"pip install the package providing {settings.model}")
        raise ModelMissing(
            f"spaCy model '{settings.model}' is not installed; install it with: {hint}"
        ) from exc
    missing = {"parser", "ner", "tagger"} - set(nlp.pipe_names) - {"transformer"}
    if "parser" in missing or "ner" in missing:
        raise ModelMissing(f"spaCy model '{settings.model}' lacks the parser or NER eventwire needs")
    nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
    return nlp


# A long article is coded in chunks of at most this many characters (about 8,000 words), cut at paragraph
# breaks: spaCy refuses a text over nlp.max_length (1,000,000), and the stages' cost grows faster than the text
# (measured: 25k characters 3 s, 50k 9 s, 100k 44 s), so chunks keep one article's time and memory bounded.
# News stories, long features included, are shorter and coded whole.
CHUNK_CHARS = 50_000
# Longer than this, an article is recorded as too long (stage "parse") instead of coded: about 300,000 words,
# a book rather than a news story, and minutes of coding.
MAX_ARTICLE_CHARS = 2_000_000


class ArticleTooLong(EventwireError):
    """An article's text is longer than MAX_ARTICLE_CHARS."""

    def __init__(self, length: int) -> None:
        super().__init__(f"article of {length:,} characters is longer than the {MAX_ARTICLE_CHARS:,}-character "
                         "limit")


def check_length(text: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleTooLong(len(text))
