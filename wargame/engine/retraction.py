"""Retraction: an event marked as if it had never happened (a retract of a retract restores it)."""

from __future__ import annotations

import bisect
from typing import Iterable

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import require_phase
from wargame.engine.state import Event, ExerciseState
from wargame.engine.vocabulary import Retract, recorded
from wargame.engine.words import did_you_mean
from wargame.model import PHASE_ORDER

RETRACTABLE = ("move", "adjudicate", "perceive", "hotline", "ack", "relay", "inject", "channel",
               "note", "rate", "lesson", "improve", "hotwash", "retract", "propose-pause",
               "answer-pause", "hold", "retime", "adhoc", "update", "summary")
DESCRIPTIONS = {"phase": "a phase change", "next-turn": "a turn change", "end": "the end",
                "pause": "a pause of the timebox", "resume": "the timebox resumed"}


def retracted_set(events: Iterable[Event]) -> dict[int, str]:
    """Which events are retracted (seq -> reason).

    Retractions are read newest first: by the time one is reached, every later
    retraction that could undo it has been seen, so a retract of a retract restores
    its target, and a third retraction retracts it again.
    """
    retracted: dict[int, str] = {}
    for event in reversed([e for e in events if e.kind == "retract"]):
        target, reason = event.payload.get("event"), event.payload.get("reason")
        if not (type(target) is int and isinstance(reason, str)):
            continue  # a damaged retraction retracts nothing (the fold marks it void)
        if event.seq not in retracted:
            retracted[target] = reason
    return retracted


def find_event(state: ExerciseState, seq: int) -> Event | None:
    index = bisect.bisect_left(state.events, seq, key=lambda e: e.seq)
    if index < len(state.events) and state.events[index].seq == seq:
        return state.events[index]
    return None


def describe(event: Event) -> str:
    """An event in a trainer's words: "move m1", "the acknowledgement of h2"..."""
    try:
        a = recorded(event.kind, event.payload)
    except (KeyError, TypeError):
        return f"a {event.kind} event"
    wording = {
        "move": lambda: f"move {a.id}",
        "hotline": lambda: f"hotline message {a.id}",
        "adjudicate": lambda: f"the adjudication of {a.move}",
        "ack": lambda: f"the acknowledgement of {a.message}",
        "relay": lambda: f"{a.by}'s relay of {a.message}",
        "perceive": lambda: f"{a.by}'s perception of {a.move}",
        "inject": lambda: f"the release of inject {a.id}",
        "channel": lambda: f"{a.status} of the {'–'.join(a.between)} channel",
        "note": lambda: f"a note by {a.by}",
        "rate": lambda: f"the rating of {a.objective}",
        "lesson": lambda: "a lesson",
        "improve": lambda: "an improvement-plan item",
        "hotwash": lambda: "a hotwash answer",
        "retract": lambda: f"the retraction of event {a.event}",
        "propose-pause": lambda: (f"{a.by}'s pause proposal between {' and '.join(a.between)}"
                                  if a.between else f"{a.by}'s pause proposal to {a.other}"),
        "answer-pause": lambda: f"{a.by}'s answer to pause {a.pause}",
        "hold": lambda: f"the hold of inject {a.id}",
        "retime": lambda: f"inject {a.id} re-timed to turn {a.turn}",
        "adhoc": lambda: f"ad hoc inject {a.id}",
        "update": lambda: "a situation update",
        "summary": lambda: "the facilitator's summary",
    }.get(event.kind)
    try:
        return wording() if wording else DESCRIPTIONS.get(event.kind, f"a {event.kind} event")
    except TypeError:  # e.g. a channel whose between is not a pair
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


def reference_of(state: ExerciseState, seq: int) -> str:
    """How a retraction names event ``seq`` (the inverse of :func:`target_seq`): the id of
    its move or hotline message when that id names it alone, else its number."""
    records = (*state.moves.values(), *state.messages.values(),
               *state.retracted_messages.values())
    for record in records:
        if record.seq == seq:
            try:
                return record.id if target_seq(state, record.id) == seq else str(seq)
            except ActionRefused:
                return str(seq)
    return str(seq)


def check_retract(state: ExerciseState, retract: Retract, actor: str,
                  at: float | None) -> Retract:
    require_phase(state, PHASE_ORDER, "retracting an event")
    seq = target_seq(state, retract.event)
    target = find_event(state, seq)
    if target is None:
        raise ActionRefused(f"there is no event {seq} (events run from 1 to {state.last_seq})")
    if target.kind not in RETRACTABLE:
        raise ActionRefused(f"event {seq} is {describe(target)}; phase changes, turn changes "
                            "and the end cannot be retracted")
    if seq in state.retracted:
        raise ActionRefused(f"event {seq} ({describe(target)}) is already retracted: "
                            f"{state.retracted[seq]}")
    return Retract(event=seq, reason=actions.text(retract.reason, "the reason"))
