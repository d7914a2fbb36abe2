"""Whether a conditional inject's ``when`` holds in a state (formats.md, "Injects")."""

from __future__ import annotations

from wargame.engine.escalation import dyad_of
from wargame.engine.objectives import ExpectationResult, expectation_results
from wargame.engine.pauses import pair_status
from wargame.engine.state import ExerciseState, MoveRecord
from wargame.model import (
    AllOf, AnyOf, ChannelCondition, Condition, ExpectationCondition, MoveCondition,
    PauseCondition, TurnCondition, When)


def holds(state: ExerciseState, when: When) -> bool:
    if isinstance(when, AllOf):
        return all(holds(state, c) for c in when.conditions)
    if isinstance(when, AnyOf):
        return any(holds(state, c) for c in when.conditions)
    return _HOLDS[type(when)](state, when)


def _rung(state: ExerciseState, condition: Condition) -> bool:
    dyad = dyad_of(state, *condition.between)
    if dyad is None:
        return False
    ladder = state.scenario.rulebook.ladder
    if condition.rung_at_least and dyad.level < ladder.level(condition.rung_at_least):
        return False
    if condition.rung_at_most and dyad.level > ladder.level(condition.rung_at_most):
        return False
    return True


def expectation_statuses(state: ExerciseState, inject_id: str,
                         by: str | None = None) -> list[str]:
    """The status of each expectation of an inject: met, open, missed, late or unreleased.

    ``late`` is a missed expectation whose move came after its window closed.
    """
    statuses = []
    for result in expectation_results(state, (inject_id,)):
        if by is not None and result.by != by:
            continue
        status = result.status
        if status == "missed" and late_answer(state, result) is not None:
            status = "late"
        statuses.append(status)
    return statuses


def late_answer(state: ExerciseState, result: ExpectationResult) -> MoveRecord | None:
    """The approved move that answered a missed expectation after its window closed."""
    if result.status != "missed" or result.released_turn is None:
        return None
    last = result.released_turn + result.within
    return next((m for m in state.moves.values()
                 if m.status == "approved" and m.by == result.by and m.type == result.move
                 and m.turn > last), None)


def _expectation(state: ExerciseState, condition: ExpectationCondition) -> bool:
    statuses = expectation_statuses(state, condition.inject, condition.by)
    if condition.status == "missed":  # a late answer was first a missed one
        return any(s in ("missed", "late") for s in statuses)
    return condition.status in statuses


def _move(state: ExerciseState, condition: MoveCondition) -> bool:
    return any(m.status == "approved" and m.type == condition.move
               and (condition.by is None or m.by == condition.by)
               for m in state.moves.values())


def _channel(state: ExerciseState, condition: ChannelCondition) -> bool:
    return state.channels.get(frozenset(condition.between)) == condition.status


def _pause(state: ExerciseState, condition: PauseCondition) -> bool:
    return condition.status in pair_status(state, condition.between)


def _turn(state: ExerciseState, condition: TurnCondition) -> bool:
    return state.turn >= condition.turn_at_least


_HOLDS = {
    Condition: _rung, ExpectationCondition: _expectation, MoveCondition: _move,
    ChannelCondition: _channel, PauseCondition: _pause, TurnCondition: _turn,
}
