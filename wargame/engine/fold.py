"""The fold: the exercise state is a deterministic function of the event log.

``check`` validates a typed action against a state and returns it normalised (its
``payload()`` is what the log records);
``apply`` folds one recorded event into the state (incrementally, so appending stays
cheap); a retraction refolds from the last checkpoint before the retracted event
(:mod:`wargame.engine.checkpoints`), so that rungs, peaks, injects and metrics come out
as if the retracted event had never happened.
"""

from __future__ import annotations

from typing import Callable, Iterable

from wargame.errors import ActionRefused
from wargame.engine import (
    injects, rules_control, rules_debrief, rules_hotline, rules_moves, rules_pauses, rules_phase,
    rules_relay,
)
from wargame.engine.checkpoints import copy_state, first_change, spacing
from wargame.engine.collector import collector_paused
from wargame.engine.escalation import starting_dyads
from wargame.engine.guards import check_actor
from wargame.engine.retraction import check_retract, retracted_set
from wargame.engine.state import Event, ExerciseState
from wargame.engine.action_keys import Action
from wargame.engine.vocabulary import recorded
from wargame.model import Scenario

# What checking or shadowing a damaged payload (wrong types, missing keys) may raise.
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError)

Check = Callable[[ExerciseState, Action, str, "float | None"], Action]
Effect = Callable[[ExerciseState, Event, Action], None]


def _nothing(state: ExerciseState, event: Event, action: Action) -> None:
    """A retraction's effect is the refold itself."""


RULES: dict[str, tuple[Check, Effect]] = {
    "phase": (rules_phase.check_phase, rules_phase.apply_phase),
    "next-turn": (rules_phase.check_next_turn, rules_phase.apply_next_turn),
    "end": (rules_phase.check_end, rules_phase.apply_end),
    "move": (rules_moves.check_move, rules_moves.apply_move),
    "adjudicate": (rules_moves.check_adjudicate, rules_moves.apply_adjudicate),
    "perceive": (rules_moves.check_perceive, rules_moves.apply_perceive),
    "hotline": (rules_hotline.check_hotline, rules_hotline.apply_hotline),
    "ack": (rules_hotline.check_ack, rules_hotline.apply_ack),
    "relay": (rules_relay.check_relay, rules_relay.apply_relay),
    "channel": (rules_hotline.check_channel, rules_hotline.apply_channel),
    "inject": (injects.check_inject, injects.apply_inject),
    "note": (rules_debrief.check_note, rules_debrief.apply_note),
    "rate": (rules_debrief.check_rate, rules_debrief.apply_rate),
    "lesson": (rules_debrief.check_lesson, rules_debrief.apply_lesson),
    "improve": (rules_debrief.check_improve, rules_debrief.apply_improve),
    "hotwash": (rules_debrief.check_hotwash, rules_debrief.apply_hotwash),
    "propose-pause": (rules_pauses.check_propose, rules_pauses.apply_propose),
    "answer-pause": (rules_pauses.check_answer, rules_pauses.apply_answer),
    "retract": (check_retract, _nothing),
    "pause": (rules_control.check_pause, rules_control.apply_pause),
    "resume": (rules_control.check_resume, rules_control.apply_resume),
    "hold": (rules_control.check_hold, rules_control.apply_hold),
    "retime": (rules_control.check_retime, rules_control.apply_retime),
    "adhoc": (rules_control.check_adhoc, rules_control.apply_adhoc),
    "update": (rules_control.check_update, rules_control.apply_update),
    "summary": (rules_control.check_summary, rules_control.apply_summary),
}


def new_state(scenario: Scenario) -> ExerciseState:
    """The state before any event: plan phase, starting rungs, channels as the scenario sets."""
    return ExerciseState(
        scenario=scenario, dyads=starting_dyads(scenario),
        channels={frozenset(c.between): c.status for c in scenario.channels})


def check(state: ExerciseState, action: Action, actor: str, at: float | None) -> Action:
    """The action as it is to be recorded, or ActionRefused saying why not."""
    check_actor(state, action, actor)
    return RULES[action.KIND][0](state, action, actor, at)


def _record(state: ExerciseState, event: Event) -> None:
    state.events.append(event)
    state.last_seq = event.seq


def _checkpoint(state: ExerciseState) -> None:
    if state.checkpoints.due(state):
        state.checkpoints.take(state)


def effect(state: ExerciseState, event: Event, action: Action) -> ExerciseState:
    """Fold an event already checked against ``state`` (the writer's own, just committed);
    ``action`` is what the check returned."""
    if event.kind == "retract":
        return refold(state, [*state.events, event])
    _record(state, event)
    RULES[event.kind][1](state, event, action)
    _checkpoint(state)
    return state


def apply(state: ExerciseState, event: Event) -> ExerciseState:
    """Fold an event read from the log, checking it first; one that no longer holds is void."""
    if event.kind == "retract":
        return refold(state, [*state.events, event])
    _record(state, event)
    _apply_checked(state, event)
    _checkpoint(state)
    return state


def _apply_checked(state: ExerciseState, event: Event) -> None:
    rules = RULES.get(event.kind)
    if rules is None:
        state.void[event.seq] = f"unknown action {event.kind!r}"
        return
    try:
        action = rules[0](state, recorded(event.kind, event.payload), event.actor, event.at)
    except ActionRefused as refusal:
        # e.g. the adjudication of a move that was retracted later: it no longer applies.
        state.void[event.seq] = str(refusal)
        return
    except _MALFORMED as error:
        state.void[event.seq] = f"malformed {event.kind} event: {error!r}"
        return
    # Folded as checked (the typed action: defaults filled, values of the right type), so
    # that a damaged or hand-edited log cannot put into the state what the engine would not
    # have written.
    rules[1](state, event, action)


# The text a retracted move or message is kept with (it is not re-checked: it never happened).
_SHADOW_TEXT = {"move": ("id", "by", "type", "visibility", "text", "intent"),
                "hotline": ("id", "from", "to", "text")}
_SHADOW_OPTIONAL = {"move": ("target",), "hotline": ("reply_to",)}


def _shadow(state: ExerciseState, event: Event) -> None:
    """A retracted move stays on record as retracted; a retracted message is set apart."""
    payload = event.payload
    if (any(not isinstance(payload.get(key), str) for key in _SHADOW_TEXT.get(event.kind, ()))
            or any(not isinstance(payload.get(key), (str, type(None)))
                   for key in _SHADOW_OPTIONAL.get(event.kind, ()))):
        raise TypeError(f"a retracted {event.kind} event whose details are not all text")
    if event.kind == "move" and event.payload.get("id") not in state.moves:
        rules_moves.record_move(state, event, recorded("move", event.payload), "retracted")
    elif event.kind == "hotline":
        message = rules_hotline.build_message(state, event, recorded("hotline", event.payload))
        state.retracted_messages[message.id] = message


def fold(scenario: Scenario, events: Iterable[Event]) -> ExerciseState:
    """The state after ``events`` (in seq order), retractions honoured."""
    events = list(events)
    state = new_state(scenario)
    state.retracted = retracted_set(events)
    return _fold_from(state, events, 0)


def refold(state: ExerciseState, events: Iterable[Event]) -> ExerciseState:
    """The state after ``events``, a log that continues ``state``'s (with a retraction, say)
    or stops short of it (a batch rolled back): folded from the last checkpoint before the
    first event it changes, or from the start when there is none."""
    events = list(events)
    retracted = retracted_set(events)
    change = first_change(state, events, retracted)
    checkpoint = state.checkpoints.before(change) if change is not None else None
    if checkpoint is None:
        return fold(rules_control.planned_scenario(state), events)
    restored = copy_state(checkpoint.state)
    restored.checkpoints = state.checkpoints.up_to(change)
    restored.retracted = retracted
    return _fold_from(restored, events, checkpoint.count)


def _fold_from(state: ExerciseState, events: list[Event], start: int) -> ExerciseState:
    """Fold ``events[start:]`` into ``state``, whose ``retracted`` already covers them all.

    Folding from the start, one checkpoint is taken near the end, none before: copies of
    early states would cost time at every opening for the sake of retracting an old
    event, which is rare. Appending takes more as the log grows (``_checkpoint``).
    """
    tail = len(events) - spacing(len(events)) if start == 0 else start
    with collector_paused():
        for index in range(start, len(events)):
            event = events[index]
            _record(state, event)
            if event.seq in state.retracted:
                try:
                    _shadow(state, event)
                except _MALFORMED as error:
                    state.void[event.seq] = f"malformed {event.kind} event: {error!r}"
            elif event.kind != "retract":
                _apply_checked(state, event)
            if index >= tail:
                _checkpoint(state)
    return state
