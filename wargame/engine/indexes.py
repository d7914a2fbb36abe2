"""Lookups the fold keeps beside the state, so that a rule touches only what it changes.

They are derived from the state and checked against it before use: a state copied without
them (``attrs.evolve``, a checkpoint) rebuilds them on first need, so they never change
what the fold computes, only how long it takes.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from wargame.model import Condition, Inject
from wargame.model.scenario import Pair

if TYPE_CHECKING:
    from wargame.engine.state import ExerciseState, Perception


@attrs.define
class Indexes:
    # (delegation, move) -> that delegation's latest reading of the move, as in the list.
    perceptions: dict[tuple[str, str], Perception] = attrs.Factory(dict)
    # Conditional injects by the dyad their condition watches: (scenario position, inject).
    conditional: dict[Pair, list[tuple[int, Inject]]] | None = None
    # Injects on an outcome-driven condition (all:, any:, a move, an expectation...).
    outcome: list[tuple[int, Inject]] | None = None
    # The level of each watched dyad when the conditions on it were last checked.
    levels: dict[Pair, int] | None = None
    # The hotline's links (successors, predecessors) for each set of channels down.
    hotline: dict[frozenset, tuple] = attrs.Factory(dict)
    # The largest ack_within along each hotline route.
    ack_within: dict[tuple[str, ...], int] = attrs.Factory(dict)
    # The way through the ladder graph from one rung to another.
    ladder_paths: dict[tuple[str, str], tuple[str, ...]] = attrs.Factory(dict)


def replace_perception(state: ExerciseState, perception: Perception) -> None:
    """Append a perception; a delegation's later reading of a move replaces its earlier one.

    The list stays in seq order (each reading is appended as it is folded), so the earlier
    reading is found by bisection instead of by scanning every perception.
    """
    index, perceptions = state.indexes.perceptions, state.perceptions
    if len(index) != len(perceptions):
        index.clear()
        index.update(((p.by, p.move), p) for p in perceptions)
    key = (perception.by, perception.move)
    earlier = index.get(key)
    if earlier is not None:
        at = bisect.bisect_left(perceptions, earlier.seq, key=lambda p: p.seq)
        if at < len(perceptions) and perceptions[at] is earlier:
            del perceptions[at]
        else:  # not in seq order after all: the slow, sure way
            perceptions[:] = [p for p in perceptions if (p.by, p.move) != key]
    perceptions.append(perception)
    index[key] = perception


def _conditional(state: ExerciseState) -> dict[Pair, list[tuple[int, Inject]]]:
    from wargame.engine.escalation import dyad_of

    indexes = state.indexes
    if indexes.conditional is None:
        watched: dict[Pair, list[tuple[int, Inject]]] = {}
        for position, inject in enumerate(state.scenario.injects):
            if inject.kind != "conditional" or not isinstance(inject.when, Condition):
                continue  # an outcome-driven condition is settled by what it waits for
            dyad = dyad_of(state, *inject.when.between)
            if dyad is not None:  # a condition on a pair that cannot move never holds
                watched.setdefault(dyad.between, []).append((position, inject))
        indexes.conditional = watched
    return indexes.conditional


def outcome_driven(state: ExerciseState) -> list[tuple[int, Inject]]:
    """The conditional injects whose condition is not a plain rung (scenario position,
    inject): the only ones a settle reads for a change other than a rung's."""
    indexes = state.indexes
    if indexes.outcome is None:
        indexes.outcome = [(position, inject)
                           for position, inject in enumerate(state.scenario.injects)
                           if inject.kind == "conditional"
                           and not isinstance(inject.when, Condition)]
    return indexes.outcome


def conditions_to_check(state: ExerciseState) -> dict[int, Inject]:
    """The unreleased conditional injects whose condition may have changed since last asked
    (all of them the first time), by scenario position.

    A plain rung condition depends only on its dyad's level, and every rung change is
    followed by a settle, so an inject whose dyad kept its level since it was last found
    not to hold still does not hold.
    """
    watched = _conditional(state)
    indexes = state.indexes
    first = indexes.levels is None
    if first:
        indexes.levels = {}
    found: dict[int, Inject] = {}
    for pair, injects in watched.items():
        level = state.dyads[pair].level
        if first or indexes.levels.get(pair) != level:
            indexes.levels[pair] = level
            found.update((p, i) for p, i in injects if i.id not in state.injects)
    return found
