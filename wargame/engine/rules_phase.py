"""The exercise's course: phases in order (plan, exercise, assess, adjust), turns, the end."""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine.guards import require_phase
from wargame.engine.injects import release_scheduled
from wargame.engine.state import Event, ExerciseState
from wargame.engine.vocabulary import End, NextTurn, Phase
from wargame.engine.words import did_you_mean
from wargame.model import PHASE_ORDER


def check_phase(state: ExerciseState, action: Phase, actor: str, at: float | None) -> Phase:
    wanted = action.to
    if state.phase == "ended":
        raise ActionRefused("the exercise has ended; its phase can no longer change")
    if wanted == "ended":
        raise ActionRefused("to end the exercise use the action end")
    if not isinstance(wanted, str) or wanted not in PHASE_ORDER:
        raise ActionRefused(f"unknown phase {wanted!r}{did_you_mean(wanted, PHASE_ORDER)}")
    position = PHASE_ORDER.index(state.phase)
    if position + 1 == len(PHASE_ORDER):
        raise ActionRefused(f"the {state.phase} phase is the last; use end to end the exercise")
    following = PHASE_ORDER[position + 1]
    if wanted != following:
        raise ActionRefused(
            f"the exercise is in the {state.phase} phase; the next phase is {following} "
            f"(phases go {' -> '.join(PHASE_ORDER)})")
    return Phase(to=wanted)


def apply_phase(state: ExerciseState, event: Event, action: Phase) -> None:
    state.phase = action.to
    state.phase_ts[state.phase] = event.ts
    if state.phase == "exercise":
        state.exercise_started_ts = event.ts
        state.turn = 1
        state.turn_started_ts = event.ts
        # Turn 1's scheduled injects, then any condition the starting rungs already meet.
        release_scheduled(state, event)


def check_next_turn(state: ExerciseState, action: NextTurn, actor: str,
                    at: float | None) -> NextTurn:
    require_phase(state, ("exercise",), "advancing the turn")
    last = state.scenario.clock.turns
    if state.turn >= last:
        raise ActionRefused(f"turn {last} is the last; advance the phase to assess")
    return action


def apply_next_turn(state: ExerciseState, event: Event, action: NextTurn) -> None:
    state.turn += 1
    state.turn_started_ts = event.ts
    # A new turn's timebox starts afresh, running.
    state.paused_ts = None
    state.turn_paused = 0.0
    release_scheduled(state, event)


def check_end(state: ExerciseState, action: End, actor: str, at: float | None) -> End:
    if state.phase == "ended":
        raise ActionRefused("the exercise has already ended")
    return action


def apply_end(state: ExerciseState, event: Event, action: End) -> None:
    state.phase = "ended"
    state.phase_ts["ended"] = event.ts
