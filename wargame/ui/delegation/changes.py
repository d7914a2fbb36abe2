"""What a viewer should be told when its view changes: a new message for it, a decision
on its move, an inject, a new turn. Compares two views (both already filtered), so it can
only ever mention what the viewer may see. No Textual here."""

from __future__ import annotations

import attrs

from wargame.engine.state import ExerciseState

_DECIDED = {"approved": "approved", "rejected": "rejected", "retracted": "retracted"}


@attrs.frozen
class Notice:
    title: str
    text: str
    urgent: bool = False  # wants the viewer's action (a message to acknowledge)


def what_changed(old: ExerciseState, new: ExerciseState, viewer: str) -> list[Notice]:
    notices: list[Notice] = []
    if new.phase != old.phase:
        notices.append(Notice("Phase", f"The exercise is now in the {new.phase} phase."))
    elif new.turn != old.turn and new.turn:
        notices.append(Notice("Turn", f"Turn {new.turn} of {new.scenario.clock.turns} begins."))
    for inject_id in new.injects.keys() - old.injects.keys():
        inject = new.scenario.inject(inject_id)
        notices.append(Notice("Inject", f"{inject.title} (from {inject.source or 'control'})"))
    seen = {u.seq for u in old.updates}
    for update in new.updates:
        if update.seq not in seen:
            notices.append(Notice("Situation update", update.text))
    if new.paused_ts is not None and old.paused_ts is None and new.phase == "exercise":
        notices.append(Notice("Timebox", "Control paused the timebox."))
    elif new.paused_ts is None and old.paused_ts is not None and new.turn == old.turn:
        notices.append(Notice("Timebox", "The timebox runs again."))
    for message in new.messages.values():
        before = old.messages.get(message.id)
        if before is None and message.recipient == viewer:
            notices.append(Notice("Hotline", f"{message.id} from {message.sender}: “{message.text}”",
                                  urgent=True))
        elif message.waiting_at == viewer and (before is None or before.waiting_at != viewer):
            notices.append(Notice("Hotline", f"{message.id} from {message.sender} to "
                                             f"{message.recipient} waits for you to pass it on",
                                  urgent=True))
        elif before is not None and before.waiting_at is not None and message.delivered \
                and message.sender == viewer:
            notices.append(Notice("Hotline", f"{message.id} reached {message.recipient}"))
        elif before is not None and not before.acknowledged and message.acknowledged \
                and message.sender == viewer:
            reply = f": “{message.ack_text}”" if message.ack_text else ""
            notices.append(Notice("Hotline", f"{message.recipient} acknowledged {message.id}{reply}"))
    for move in new.moves.values():
        before = old.moves.get(move.id)
        if move.by == viewer:
            if before is not None and before.status != move.status and move.status in _DECIDED:
                amended = " (amended)" if move.amended else ""
                note = f" — {move.decision_note}" if move.decision_note else ""
                notices.append(Notice("Your move", f"{move.id} {move.type} was {move.status}"
                                                   f"{amended}{note}"))
        elif before is None:
            notices.append(Notice("Move", f"{move.by}: {move.type} “{move.text}”"))
    return notices
