"""Hotline calls that are catalogue moves, and the network on the way back.

A move type marked ``hotline: true`` is one entry that is both the move (a CBM, adjudicated
like any move) and the message on the network: once approved it travels along the open
channels like any hotline message, can be acknowledged, and counts in the hotline figures.
It needs an open route when it is made and when it is approved; a rejected or pending call
never reached the other side. With manual relays the approved call waits at each
delegation in the middle of its route like any message; an expected response or an
obligation it answers still counts from its approval (the caller did its part: the
relay's time is the mediator's, and shows in the relay indicator and in lateness).

An acknowledgement (with or without a reply text) travels back to the sender the same way:
it is refused, with the channels that are down, when no route is open (not queued: the
recipient can acknowledge once a channel is restored, and the delay shows as lateness).
"""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine.rules_hotline import (
    open_route, relays_by_hand, require_route, route_ack_within)
from wargame.engine.state import Event, ExerciseState, Message, MoveRecord


def is_call(state: ExerciseState, type_id: str) -> bool:
    rulebook = state.scenario.rulebook
    return rulebook.has_move(type_id) and rulebook.move(type_id).hotline


def check_call(state: ExerciseState, by: str, target: str | None, type_id: str,
               move_id: str) -> None:
    """Refuse a hotline-call move that could not go through now."""
    if not is_call(state, type_id):
        return
    if target is None:
        raise ActionRefused(f"a {type_id} move is a hotline call: it needs a target")
    if move_id in state.messages or move_id in state.retracted_messages:
        raise ActionRefused(f"there is already a hotline message {move_id}; choose another id")
    require_route(state, by, target, f"the {type_id} {move_id}")


def put_call_on_network(state: ExerciseState, move: MoveRecord, event: Event) -> None:
    """The approved call as the hotline message it also is (same id, the move's event)."""
    if not is_call(state, move.type) or move.target is None:
        return
    route = open_route(state, move.by, move.target) or (move.by, move.target)
    state.messages[move.id] = Message(
        id=move.id, sender=move.by, recipient=move.target, text=move.text, route=route,
        sent_turn=state.turn, sent_at=event.at,
        ack_within=route_ack_within(state, route) if len(route) > 1 else 1, seq=move.seq,
        manual=relays_by_hand(state, route))

