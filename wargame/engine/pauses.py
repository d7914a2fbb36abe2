"""Pause moments as a mechanic: proposed, accepted or declined, active for some turns,
honoured or violated.

A pause binds its parties: the proposer and the delegation it is proposed to (``with:
b``), every delegation that can move (``with: all``), or, brokered by a mediator, the two
delegations it names (``between: [a, b]``; the mediator is not bound). Every party but the
proposer must accept; one decline declines it for all. Once the last of them accepts (or
control accepts for it), the pause is in force from that turn for N turns. A move in its
scope by a party, aimed at another party or at no one, made while it is in force, is
flagged to control as a violation; control may still approve it, and the pause counts as
violated (as a whole) once such a move is approved. What a pause became is derived from
the record and the moves, so a retraction undoes it like anything else.
"""

from __future__ import annotations

from wargame.engine.state import ExerciseState, MoveRecord, PauseRecord
from wargame.model.scenario import Pair

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


def _aimed_at(move: MoveRecord) -> tuple[str, ...]:
    if move.pair:  # a mediator's move aimed at a pair
        return tuple(move.pair)
    return (move.target,) if move.target else ()


def breaches(pause: PauseRecord, move: MoveRecord) -> bool:
    """A move in the pause's scope, by a party at other parties (or at no one), during it."""
    if pause.answer != "accept" or move.by not in pause.parties:
        return False
    others = set(pause.parties) - {move.by}
    return (move.seq > pause.answered_seq and move.turn <= last_turn(pause)
            and move.category in pause.scope and set(_aimed_at(move)) <= others)


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


def binds(pause: PauseRecord, between: Pair | tuple[str, ...]) -> bool:
    """Whether the pause binds both delegations of a pair (a pause to all binds every pair
    of its parties)."""
    return set(between) <= set(pause.parties)


def pair_status(state: ExerciseState, between: tuple[str, str]) -> set[str]:
    """The statuses of the pauses binding a pair (for the ``pause`` release condition)."""
    return {status(state, p) for p in state.pauses.values() if binds(p, between)}


def on_pair(state: ExerciseState, pair: Pair) -> list[PauseRecord]:
    """The pauses in force on a pair's ladder, broken or not (what the ladder draws beside
    the pair while their turns run)."""
    return [p for p in state.pauses.values() if binds(p, pair) and in_force(state, p)]


def awaiting(state: ExerciseState, delegation: str) -> list[PauseRecord]:
    """The proposed pauses waiting for this delegation's answer."""
    return [p for p in state.pauses.values()
            if p.answer == "" and delegation in p.invited and p.answer_of(delegation) is None]


def involved(pause: PauseRecord) -> tuple[str, ...]:
    """Who a pause concerns: its parties and its proposer (a brokering mediator)."""
    return pause.parties if pause.by in pause.parties else (pause.by, *pause.parties)


def addressed_to(pause: PauseRecord) -> str | None:
    """``with`` as the proposal said it: the one delegation, or all; None when brokered."""
    if pause.brokered:
        return None
    return pause.addressed or pause.invited[0]
