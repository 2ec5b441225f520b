"""Real examples for the codebook: the events eventwire codes from sample articles when the site is built,
each with its evidence sentence, so every example shown is eventwire's current output, not a hand-made one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.model import ExtractResult


@dataclass(frozen=True)
class CodedExample:
    article: str  # the sample's file name
    cameo: str
    source: str  # actor code, else the name as written
    target: str
    sentence: str
    trigger: str
    confidence: float

    def markdown(self) -> str:
        sentence = self.sentence.replace("*", "\\*")
        if self.trigger and self.trigger in sentence:
            sentence = sentence.replace(self.trigger, f"**{self.trigger}**", 1)
        dyad = f"`{self.source}`" + (f" → `{self.target}`" if self.target else "")
        return f"{dyad}: “{' '.join(sentence.split())}” ({self.article}, confidence {self.confidence:.2f})"


def examples_of(name: str, result: ExtractResult) -> list[CodedExample]:
    out = []
    for event in result.events:
        target = event.target
        out.append(CodedExample(
            article=name, cameo=event.cameo, source=event.source.code or event.source.name,
            target=(target.code or target.name) if target else "", sentence=event.evidence.sentence,
            trigger=event.evidence.trigger, confidence=event.confidence))
    return out


def code_samples(paths: Sequence[Path]) -> list[CodedExample]:
    """Codes each sample article with the default settings; its date is the one printed on the page."""
    from eventwire.batch import pipeline_for  # spaCy loads only when samples are coded
    from eventwire.ingest import read_article
    from eventwire.settings import Settings

    pipeline = pipeline_for(Settings())
    examples: list[CodedExample] = []
    for path in paths:
        examples += examples_of(f"{path.parent.name}/{path.name}", pipeline.run(read_article(path)))
    return examples
