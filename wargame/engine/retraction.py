"""Retraction: an event marked as if it had never happened (a retract of a retract restores it)."""

from __future__ import annotations

import bisect
from typing import Any, Iterable

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import PHASE_ORDER, require_phase
from wargame.engine.state import Event, ExerciseState
from wargame.engine.words import did_you_mean

RETRACTABLE = ("move", "adjudicate", "perceive", "hotline", "ack", "inject", "channel", "note",
               "rate", "lesson", "improve", "hotwash", "retract")
DESCRIPTIONS = {"phase": "a phase change", "next-turn": "a turn change", "end": "the end"}


def retracted_set(events: Iterable[Event]) -> dict[int, str]:
    """Which events are retracted (seq -> reason).

    Retractions are read newest first: by the time one is reached, every later
    retraction that could undo it has been seen, so a retract of a retract restores
    its target, and a third retraction retracts it again.
    """
    retracted: dict[int, str] = {}
    for event in reversed([e for e in events if e.kind == "retract"]):
        if event.seq not in retracted:
            retracted[event.payload["event"]] = event.payload["reason"]
    return retracted


def find_event(state: ExerciseState, seq: int) -> Event | None:
    index = bisect.bisect_left(state.events, seq, key=lambda e: e.seq)
    if index < len(state.events) and state.events[index].seq == seq:
        return state.events[index]
    return None


def describe(event: Event) -> str:
    """An event in a trainer's words: "move m1", "the acknowledgement of h2"..."""
    p = event.payload
    wording = {
        "move": lambda: f"move {p['id']}",
        "hotline": lambda: f"hotline message {p['id']}",
        "adjudicate": lambda: f"the adjudication of {p['move']}",
        "ack": lambda: f"the acknowledgement of {p['message']}",
        "perceive": lambda: f"{p['by']}'s perception of {p['move']}",
        "inject": lambda: f"the release of inject {p['id']}",
        "channel": lambda: f"{p['status']} of the {'–'.join(p['between'])} channel",
        "note": lambda: f"a note by {p['by']}",
        "rate": lambda: f"the rating of {p['objective']}",
        "lesson": lambda: "a lesson",
        "improve": lambda: "an improvement-plan item",
        "hotwash": lambda: "a hotwash answer",
        "retract": lambda: f"the retraction of event {p['event']}",
    }.get(event.kind)
    try:
        return wording() if wording else DESCRIPTIONS.get(event.kind, f"a {event.kind} event")
    except (KeyError, TypeError):
        return f"a {event.kind} event"


def target_seq(state: ExerciseState, value: object) -> int:
    if isinstance(value, bool):
        raise ActionRefused(f"event must be a move id, a message id or an event number, "
                            f"got {value!r}")
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return int(value)
    if not isinstance(value, str):
        raise ActionRefused(f"event must be a move id, a message id or an event number, "
                            f"got {value!r}")
    move = state.moves.get(value)
    message = state.messages.get(value) or state.retracted_messages.get(value)
    if move is not None and message is not None and move.seq != message.seq:
        raise ActionRefused(f"{value} names both a move and a hotline message; "
                            "retract it by its event number")
    if move is None and message is None:
        raise ActionRefused(f"no move or hotline message {value!r} to retract"
                            f"{did_you_mean(value, list(state.moves) + list(state.messages))}")
    return (move or message).seq


def check_retract(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, PHASE_ORDER, "retracting an event")
    seq = target_seq(state, payload["event"])
    target = find_event(state, seq)
    if target is None:
        raise ActionRefused(f"there is no event {seq} (events run from 1 to {state.last_seq})")
    if target.kind not in RETRACTABLE:
        raise ActionRefused(f"event {seq} is {describe(target)}; phase changes, turn changes "
                            "and the end cannot be retracted")
    if seq in state.retracted:
        raise ActionRefused(f"event {seq} ({describe(target)}) is already retracted: "
                            f"{state.retracted[seq]}")
    return {"event": seq, "reason": actions.text(payload, "reason", "the reason")}
