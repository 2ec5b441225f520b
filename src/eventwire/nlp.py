"""Stage 2: the one spaCy parse of an article, shared by every later stage."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelMissing
from eventwire.settings import MODEL_INSTALL_HINTS, Settings

PARAGRAPH_PIPE = "eventwire_paragraphs"


@Language.component(PARAGRAPH_PIPE)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: scraped paragraphs (a quote paragraph followed by the
    speaker's next paragraph) must not be merged by the parser."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


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
