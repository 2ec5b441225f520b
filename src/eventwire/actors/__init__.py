"""Stage 3: actor mentions -> canonical CAMEO-style actors."""

from eventwire.actors.kb import ActorKB, load_actor_kb
from eventwire.actors.resolve import ActorMatcher, build_actor_matcher, resolve_actors

__all__ = ["ActorKB", "ActorMatcher", "build_actor_matcher", "load_actor_kb", "resolve_actors"]
