"""Confidence-building measures as procedures: report formats and obligations of a move type.

A move type may give a report format (typed ``fields``, as INCSEA/CUES messages and
Vienna Document notifications have), oblige the move's target to answer with another
move within a time (``obliges``), cap how many such moves one delegation may be made to
answer (``quota``), and, for an activity, name the notification that should announce it
beforehand (``notice``: the Vienna Document's prior notification).
"""

from __future__ import annotations

import attrs

FIELD_KINDS = ("text", "number", "time", "choice", "position")
OBLIGED = ("target",)  # who an obligation binds: the move's target


@attrs.frozen
class ReportField:
    id: str
    label: str = ""
    kind: str = "text"  # one of FIELD_KINDS
    required: bool = True
    choices: tuple[str, ...] = ()  # for kind choice
    description: str = ""

    @property
    def title(self) -> str:
        return self.label or self.id.replace("-", " ").replace("_", " ").capitalize()


@attrs.frozen
class Obligation:
    """An approved move obliges its target to make an approved ``move`` within a time."""

    move: str
    by: str = "target"
    within: int | None = None  # game seconds
    within_turns: int | None = None

    def due_turn(self, turn: int, turn_length: int) -> int:
        """The last turn in which an answer to a move approved in ``turn`` is on time."""
        if self.within_turns is not None:
            return turn + self.within_turns
        return turn + (self.within or 0) // max(turn_length, 1)


@attrs.frozen
class Notice:
    """An activity of this type should be announced beforehand by an approved ``move`` of
    the same delegation, at least ``turns`` turns earlier (0: earlier in the same turn will
    do). A notification aimed at a delegation announces the activity to that delegation
    only; one aimed at no one announces it to all."""

    move: str
    turns: int = 0
