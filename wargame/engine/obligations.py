"""Obligations: an approved move that obliges its target to answer within a deadline.

Derived from the moves on demand (a pure function of the state, so a retraction simply
removes what it undoes). Each answer -- an approved move of the answering type by the
obliged delegation, aimed at the requester or at no one, made no earlier than the request
-- answers the oldest open obligation it can. The deadline is a turn: the approval turn
plus ``within_turns``, or plus as many whole turns as ``within`` game time spans.

Status: ``met`` (answered by the due turn), ``late`` (answered after it), ``missed``
(the due turn has passed, or the exercise is over, without an answer), else ``open``.
"""

from __future__ import annotations

import attrs

from wargame.errors import ActionRefused
from wargame.engine.state import ExerciseState, MoveRecord
from wargame.model import MoveType

OBLIGATION_STATUSES = ("open", "met", "late", "missed")


@attrs.frozen
class ObligationRecord:
    id: str
    move: str  # the move type that answers it
    by: str  # the obliged delegation
    to: str  # the delegation that made the request
    from_move: str  # the request's move id
    opened_turn: int
    due: int  # the last turn in which an answer is on time
    status: str
    met_by: str | None = None  # the answering move's id
    answered_turn: int | None = None

    def turns_left(self, turn: int) -> int:
        return self.due - turn


def obligations(state: ExerciseState) -> list[ObligationRecord]:
    rulebook = state.scenario.rulebook
    if not any(m.obliges for m in rulebook.moves):
        return []
    turn_length = state.scenario.clock.turn_length
    requests = sorted(
        (m for m in state.moves.values() if m.status == "approved" and m.target is not None
         and rulebook.has_move(m.type) and rulebook.move(m.type).obliges is not None),
        key=lambda m: m.decided_seq or m.seq)
    used: set[str] = set()
    found = []
    for number, request in enumerate(requests, start=1):
        duty = rulebook.move(request.type).obliges
        opened = request.decided_turn or request.turn
        due = duty.due_turn(opened, turn_length)
        answer = _answer(state, request, duty.move, used)
        if answer is not None:
            used.add(answer.id)
            status = "met" if answer.turn <= due else "late"
        elif state.phase != "exercise" or state.turn > due:
            status = "missed"
        else:
            status = "open"
        found.append(ObligationRecord(
            id=f"o{number}", move=duty.move, by=request.target, to=request.by,
            from_move=request.id, opened_turn=opened, due=due, status=status,
            met_by=answer.id if answer else None,
            answered_turn=answer.turn if answer else None))
    return found


def _answer(state: ExerciseState, request: MoveRecord, answer_type: str,
            used: set[str]) -> MoveRecord | None:
    candidates = sorted(
        (m for m in state.moves.values()
         if m.status == "approved" and m.type == answer_type and m.by == request.target
         and m.target in (None, request.by) and m.seq > request.seq and m.id not in used),
        key=lambda m: m.seq)
    return candidates[0] if candidates else None


def open_obligations(state: ExerciseState, delegation: str | None = None
                     ) -> list[ObligationRecord]:
    """The obligations still open, of one delegation or of all."""
    return [o for o in obligations(state)
            if o.status == "open" and (delegation is None or o.by == delegation)]


def check_quota(state: ExerciseState, move_type: MoveType, target: str | None) -> None:
    """Refuse a move beyond its type's quota of moves aimed at one delegation."""
    if move_type.quota is None or target is None:
        return
    used = sum(1 for m in state.moves.values() if m.type == move_type.id
               and m.target == target and m.status in ("pending", "approved"))
    if used >= move_type.quota:
        raise ActionRefused(
            f"{target} has already received {used} {move_type.id} moves, the quota of this "
            f"exercise ({move_type.quota}); it is not obliged to accept another")


def require_target(move_type: MoveType, target: str | None) -> None:
    if move_type.obliges is not None and target is None:
        raise ActionRefused(f"a {move_type.id} move obliges its target to answer: name the "
                            "delegation it is aimed at")
