"""Stage 3: actor mentions -> canonical CAMEO-style actors."""

from eventwire.actors.kb import ActorKB, load_actor_kb
from eventwire.actors.names import ActorMatcher, build_actor_matcher
from eventwire.actors.resolve import resolve_actors

__all__ = ["ActorKB", "ActorMatcher", "build_actor_matcher", "load_actor_kb", "resolve_actors"]
