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

    ``changed`` names the kinds of change that happened (model.conditions: rung, move...);
    only injects waiting for one of them are checked, then, once one is released, all of
    them (its effects may have changed anything).
    """
    waiting = [inject for inject in state.scenario.injects
               if inject.kind == "conditional" and inject.id not in state.injects
               and (changed is None or inject.when.waits_for & changed)]
    released = True
    while released and waiting:
        released = False
        for inject in waiting:
            if condition_holds(state, inject.when):
                release(state, inject, "conditional", event)
                if changed is not None:
                    changed = None
                    waiting = [i for i in state.scenario.injects if i.kind == "conditional"
                               and i.id not in state.injects]
                else:
                    waiting.remove(inject)
                released = True
                break


def release_scheduled(state: ExerciseState, event: Event) -> None:
    """At the start of a turn: that turn's scheduled injects, then whatever they trigger."""
    for inject in state.scenario.injects:
        if inject.turn == state.turn and inject.id not in state.injects:
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
