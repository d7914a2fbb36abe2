"""The turns played: which event opened each, and when the current one began.

The console's timebox, the timeline and the debrief's narrative all ask this; it is
answered here once, from the log.
"""

from __future__ import annotations

from wargame.engine.state import Event, ExerciseState


def turn_openings(state: ExerciseState) -> dict[int, Event]:
    """The event that opened each turn played: turn 1 the change to the exercise phase,
    each later turn its next-turn."""
    openings: dict[int, Event] = {}
    turn = 0
    for event in state.events:
        if event.seq in state.retracted or event.seq in state.void:
            continue
        if event.kind == "phase" and event.payload.get("to") == "exercise" and turn == 0:
            turn = 1
        elif event.kind == "next-turn" and turn >= 1:
            turn += 1
        else:
            continue
        if turn <= max(state.turn, 0):
            openings[turn] = event
    return openings


def turn_started_at(state: ExerciseState) -> float | None:
    """When the current turn began, in exercise seconds (None before the exercise).

    The recorded ``at`` of the event that opened the turn is preferred (a scripted or
    replayed session keeps its own timing); the wall clock is the fallback.
    """
    opening = turn_openings(state).get(state.turn)
    if opening is not None and opening.at is not None:
        return float(opening.at)
    if state.turn_started_ts is None or state.exercise_started_ts is None:
        return None
    return state.turn_started_ts - state.exercise_started_ts
