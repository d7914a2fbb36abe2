"""The Master Scenario Events List at play: scheduled, conditional and manual releases.

Each inject releases once. Scheduled injects release at the start of their turn;
conditional ones the moment their condition holds (checked after every change of the
kind it waits for -- a rung, an approved move, a turn, a channel --, so the effects of
one release may trigger the next); any unreleased inject may be released by hand.
"""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine.conditions import holds
from wargame.engine.escalation import dyad_of, shift
from wargame.engine.guards import require_phase
from wargame.engine.indexes import conditions_to_check, outcome_driven
from wargame.engine.state import Event, ExerciseState, InjectRelease
from wargame.engine.vocabulary import Inject as Release
from wargame.engine.words import did_you_mean
from wargame.model import ChannelEffect, Inject, ShiftEffect, When


def condition_holds(state: ExerciseState, condition: When) -> bool:
    return holds(state, condition)


def release(state: ExerciseState, inject: Inject, how: str, event: Event) -> None:
    state.injects[inject.id] = InjectRelease(
        id=inject.id, released_turn=state.turn, how=how, seq=event.seq, at=event.at)
    for effect in inject.effects:
        if isinstance(effect, ShiftEffect):
            dyad = dyad_of(state, *effect.between)
            if dyad is not None:
                shift(state, dyad, effect.step, f"inject:{inject.id}", event)
        elif isinstance(effect, ChannelEffect):
            state.channels[frozenset(effect.between)] = effect.status


def settle(state: ExerciseState, event: Event, changed: frozenset[str] | None = None) -> None:
    """Release every conditional inject whose condition holds, until none is left to release.

    The first in the scenario's order goes first, then the conditions are read again.
    A plain rung condition is read only when its dyad's level changed (indexes.py); any
    other condition only when ``changed`` names a kind of change it waits for
    (model.conditions: rung, move...), or when ``changed`` is None (anything may have), and
    after every release (its effects may have changed anything).
    """
    pending = conditions_to_check(state)
    pending.update(_waiting(state, changed))
    while pending:
        holding = [position for position in sorted(pending)
                   if pending[position].id not in state.injects
                   and condition_holds(state, pending[position].when)]
        if not holding:
            return
        release(state, pending[holding[0]], "conditional", event)
        pending = {position: pending[position] for position in holding[1:]}
        pending.update(conditions_to_check(state))
        pending.update(_waiting(state, None))


def _waiting(state: ExerciseState, changed: frozenset[str] | None) -> dict[int, Inject]:
    """The unreleased injects on an outcome-driven condition that ``changed`` may affect."""
    return {position: inject for position, inject in outcome_driven(state)
            if inject.id not in state.injects
            and (changed is None or inject.when.waits_for & changed)}


def scheduled_turn(state: ExerciseState, inject: Inject) -> int | None:
    """The turn at whose start ``inject`` is released now: re-timed, held (None) or as planned."""
    if inject.id in state.held:
        return None
    return state.retimed.get(inject.id, inject.turn)


def release_scheduled(state: ExerciseState, event: Event) -> None:
    """At the start of a turn: that turn's scheduled injects (as held or re-timed by
    control), then whatever they trigger."""
    for inject in state.scenario.injects:
        if scheduled_turn(state, inject) == state.turn and inject.id not in state.injects:
            release(state, inject, "scheduled", event)
    settle(state, event)


def check_inject(state: ExerciseState, action: Release, actor: str,
                 at: float | None) -> Release:
    require_phase(state, ("exercise",), "releasing an inject")
    inject_id = action.id
    ids = [inject.id for inject in state.scenario.injects]
    if not isinstance(inject_id, str) or inject_id not in ids:
        raise ActionRefused(
            f"no inject {inject_id!r} in this scenario{did_you_mean(inject_id, ids)}")
    done = state.injects.get(inject_id)
    if done is not None:
        raise ActionRefused(
            f"inject {inject_id} was already released in turn {done.released_turn} ({done.how})")
    return Release(id=inject_id)


def apply_inject(state: ExerciseState, event: Event, action: Release) -> None:
    release(state, state.scenario.inject(action.id), "manual", event)
    settle(state, event)
