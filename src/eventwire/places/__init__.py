"""Stage 5b: toponyms -> coordinates with an offline gazetteer."""

from eventwire.places.gazetteer import Gazetteer, Place, km_between, load_gazetteer
from eventwire.places.recognise import PlaceMatcher, build_place_matcher
from eventwire.places.resolve import resolve_places

__all__ = ["Gazetteer", "Place", "PlaceMatcher", "build_place_matcher", "km_between", "load_gazetteer",
           "resolve_places"]
