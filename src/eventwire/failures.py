"""An unexpected exception met on one input or article, as the one-line reason of its failure row: the run
records it and goes on (a `CannotRun` is never caught this way: nothing can be done until it is fixed)."""

from __future__ import annotations

from eventwire.model import Failure

REASON_WIDTH = 200  # characters of an exception's message kept in a failure's reason
CODE_STAGE = "code"  # the stage of a fault met coding an article outside any one pipeline stage


def one_line(exc: BaseException, width: int = REASON_WIDTH) -> str:
    """An exception as one short line: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:width]}" if lines else type(exc).__name__


def failure_of(source: str, stage: str, exc: BaseException, what: str = "") -> Failure:
    """The failure row of `source` for an exception met in `stage`; `what` says what was being done."""
    reason = one_line(exc)
    return Failure(source=source, stage=stage, reason=f"{what} ({reason})" if what else reason)
