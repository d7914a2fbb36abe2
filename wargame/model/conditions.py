"""When a conditional inject is released: conditions on the exercise's course.

A condition declares what it waits for (``waits_for``): the kinds of change after which
it may have come to hold. The engine re-checks a waiting inject only after such a change,
so that settling stays cheap however many conditional injects a scenario has.
"""

from __future__ import annotations

import attrs

Pair = tuple[str, str]

# What a condition may wait for: a rung change, an approved move, a new turn (and the
# expectation windows it closes), a channel cut or restored, a pause's course, a release.
RUNG, MOVE, TURN, CHANNEL, PAUSE, RELEASE = (
    "rung", "move", "turn", "channel", "pause", "release")
EXPECTATION_STATUSES = ("met", "late", "missed")
PAUSE_STATUSES = ("active", "violated")


@attrs.frozen
class Condition:
    """A pair's rung has reached a level (today's form: ``between`` + a bound or two)."""

    between: Pair
    rung_at_least: str | None = None
    rung_at_most: str | None = None
    waits_for = frozenset({RUNG})


@attrs.frozen
class ExpectationCondition:
    """An expected response to an inject was met, came late, or was missed.

    ``met``: the move came within the window; ``missed``: the window closed without it;
    ``late``: it came after the window closed. ``by`` narrows it to one delegation's.
    """

    inject: str
    status: str
    by: str | None = None
    waits_for = frozenset({MOVE, TURN, RELEASE})


@attrs.frozen
class MoveCondition:
    """A delegation (or anyone, without ``by``) has made an approved move of a type."""

    move: str
    by: str | None = None
    waits_for = frozenset({MOVE})


@attrs.frozen
class ChannelCondition:
    between: Pair
    status: str  # up | down
    waits_for = frozenset({CHANNEL})


@attrs.frozen
class PauseCondition:
    between: Pair
    status: str  # active | violated
    waits_for = frozenset({PAUSE, TURN, MOVE})


@attrs.frozen
class TurnCondition:
    turn_at_least: int
    waits_for = frozenset({TURN})


@attrs.frozen
class AllOf:
    conditions: tuple["When", ...]

    @property
    def waits_for(self) -> frozenset[str]:
        return frozenset().union(*(c.waits_for for c in self.conditions))


@attrs.frozen
class AnyOf:
    conditions: tuple["When", ...]

    @property
    def waits_for(self) -> frozenset[str]:
        return frozenset().union(*(c.waits_for for c in self.conditions))


When = (Condition | ExpectationCondition | MoveCondition | ChannelCondition | PauseCondition
        | TurnCondition | AllOf | AnyOf)


def leaves(when: When) -> tuple[When, ...]:
    """The simple conditions of a compound one, depth first."""
    if isinstance(when, (AllOf, AnyOf)):
        return tuple(leaf for c in when.conditions for leaf in leaves(c))
    return (when,)


def describe(when: When) -> str:
    """A condition in plain words, e.g. ``azure–crimson at least crisis``: the one wording
    of a condition, for the console's MSEL and plan, the forms and the simulator's report."""
    if isinstance(when, (AllOf, AnyOf)):
        word = " and " if isinstance(when, AllOf) else " or "
        return "(" + word.join(describe(c) for c in when.conditions) + ")"
    if isinstance(when, Condition):
        parts = []
        if when.rung_at_least:
            parts.append(f"at least {when.rung_at_least}")
        if when.rung_at_most:
            parts.append(f"at most {when.rung_at_most}")
        return f"{'–'.join(when.between)} {' and '.join(parts)}"
    if isinstance(when, ExpectationCondition):
        whose = f" of {when.by}" if when.by else ""
        return f"the expected response{whose} to {when.inject} {when.status}"
    if isinstance(when, MoveCondition):
        return f"an approved {when.move} by {when.by or 'anyone'}"
    if isinstance(when, (ChannelCondition, PauseCondition)):
        noun = "channel" if isinstance(when, ChannelCondition) else "pause"
        return f"the {'–'.join(when.between)} {noun} {when.status}"
    return f"turn {when.turn_at_least} or later"
