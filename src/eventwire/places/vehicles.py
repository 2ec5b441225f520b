"""Car makes and models are no places: "The Honda's driver" is no Honda, Colombia, and "a red Dodge Durango"
is no Durango, Mexico. Local news names the cars in a crash or a chase as often as the towns."""

from __future__ import annotations

from spacy.tokens import Span

# Makes of cars and trucks sold in English-speaking markets whose names are also towns somewhere, or that
# lead a model name that is one ("Dodge Durango", "Chevrolet Malibu", "Kia Sorento").
VEHICLE_MAKES = frozenset({
    "honda", "toyota", "nissan", "mazda", "subaru", "mitsubishi", "suzuki", "hyundai", "kia", "ford", "chevrolet",
    "chevy", "dodge", "chrysler", "jeep", "buick", "gmc", "pontiac", "volkswagen", "vw", "audi", "bmw", "mercedes",
    "porsche", "volvo", "saab", "lexus", "acura", "infiniti", "tesla", "fiat", "peugeot", "renault", "opel", "skoda",
})
# Left out: makes that are first of all towns ("Lincoln", "Cadillac", "Mercury"): "the Lincoln police" is a town's.


def names_a_vehicle(span: Span) -> bool:
    """Whether a would-be toponym is a car: a make used as a noun ("the Honda's driver", "a Toyota") or a model
    right after its make ("a Dodge Durango")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in VEHICLE_MAKES and before.text[:1].isupper():
        return True
    # a make on its own, as the thing someone drove or was hit by: "the Honda's driver", "driving a Honda"
    return len(span) == 1 and span.text.lower() in VEHICLE_MAKES and span.root.pos_ in ("PROPN", "NOUN") and any(
        t.lower_ in ("a", "an", "the", "his", "her", "their") for t in doc[max(span.start - 3, 0): span.start])
