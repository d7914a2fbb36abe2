"""Pause moments as a mechanic: proposed, accepted or declined, active for some turns,
honoured or violated.

A delegation proposes a pause to another for N turns and a scope (move categories).
Once the other side accepts (or control accepts for it, brokering the pause), the pause
is active from the accepting turn for N turns. A move in its scope by either side, aimed
at the other or at no one, made while it is active, is flagged to control as a violation;
control may still approve it, and the pause counts as violated once such a move is
approved. What a pause became is derived from the record and the moves, so a retraction
undoes it like anything else.
"""

from __future__ import annotations

from wargame.engine.state import ExerciseState, MoveRecord, PauseRecord

PAUSE_STATUSES = ("proposed", "declined", "active", "violated", "honoured")


def last_turn(pause: PauseRecord) -> int | None:
    """The last turn an accepted pause is in force (None unless accepted)."""
    if pause.answer != "accept" or pause.answered_turn is None:
        return None
    return pause.answered_turn + pause.turns - 1


def in_force(state: ExerciseState, pause: PauseRecord) -> bool:
    """Accepted and not yet over (the exercise phase, within its turns)."""
    return (pause.answer == "accept" and state.phase == "exercise"
            and state.turn <= last_turn(pause))


def breaches(pause: PauseRecord, move: MoveRecord) -> bool:
    """A move in the pause's scope, by one side at the other (or at no one), during it."""
    if pause.answer != "accept" or move.by not in (pause.by, pause.other):
        return False
    other = pause.other if move.by == pause.by else pause.by
    return (move.seq > pause.answered_seq and move.turn <= last_turn(pause)
            and move.category in pause.scope and move.target in (None, other))


def violations(state: ExerciseState, pause: PauseRecord) -> list[MoveRecord]:
    """The approved moves that broke the pause."""
    return [m for m in state.moves.values() if m.status == "approved" and breaches(pause, m)]


def flagged(state: ExerciseState, move: MoveRecord) -> list[str]:
    """The pauses a (pending or approved) move breaks: what control is warned about."""
    return [p.id for p in state.pauses.values()
            if move.status in ("pending", "approved") and breaches(p, move)]


def status(state: ExerciseState, pause: PauseRecord) -> str:
    if pause.answer == "decline":
        return "declined"
    if pause.answer != "accept":
        return "proposed"
    if violations(state, pause):
        return "violated"
    return "active" if in_force(state, pause) else "honoured"


def pair_status(state: ExerciseState, between: tuple[str, str]) -> set[str]:
    """The statuses of the pauses between a pair (for the ``pause`` release condition)."""
    wanted = set(between)
    return {status(state, p) for p in state.pauses.values() if {p.by, p.other} == wanted}
