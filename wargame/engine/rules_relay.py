"""Manual relays: a message waits at each delegation in the middle of its route until that
delegation passes it on (scenario ``hotline: {relay: manual}``).

A message whose route is direct arrives at once, as with automatic relays. One routed
through a mediator is held there; each ``relay`` moves it one hop on, and it reaches the
recipient when the last delegation in the middle has passed it on. Its route is the one
it was sent along: a channel cut later holds it where it is (the relay is refused, naming
the channel) until control restores it. Lateness still counts from sending, so a slow
relay shows as a late message; the time each hop was held is an indicator
(:mod:`wargame.engine.indicators`).
"""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import mover, require_phase
from wargame.engine.rules_hotline import find_message
from wargame.engine.state import Event, ExerciseState, Message, RelayHop
from wargame.engine.timing import format_clock
from wargame.engine.vocabulary import Relay
from wargame.engine.words import pair_text


def held_at(state: ExerciseState, delegation_id: str) -> list[Message]:
    """The messages waiting at ``delegation_id`` to be passed on, oldest first."""
    return sorted((m for m in state.messages.values() if m.waiting_at == delegation_id),
                  key=lambda m: m.seq)


def waiting_words(message: Message) -> str:
    """Why a message held on its way cannot be acknowledged or answered yet."""
    return f"{message.id} waits at {message.waiting_at} to be passed on"


def check_relay(state: ExerciseState, relay: Relay, actor: str, at: float | None) -> Relay:
    require_phase(state, ("exercise",), "relaying a hotline message")
    message = find_message(state, relay.message)
    by = mover(state, relay.by, "by", "relay messages")
    middle = message.route[1:-1]
    if by.id not in middle:
        route = " → ".join(message.route)
        raise ActionRefused(f"{message.id} does not pass through {by.id} (its route is "
                            f"{route}); only a delegation in the middle of the route passes "
                            "a message on")
    if not message.manual:
        raise ActionRefused(f"relays are automatic in this scenario: {message.id} passed "
                            f"{by.id} at once")
    position = message.route.index(by.id)
    if position < message.reached:
        hop = message.relays[position - 1]
        raise ActionRefused(f"{by.id} already passed {message.id} on in turn {hop.turn}")
    if position > message.reached:
        raise ActionRefused(f"{message.id} has not reached {by.id} yet: "
                            f"{waiting_words(message)}")
    onward = message.route[position + 1]
    channel = state.scenario.channel(by.id, onward)
    if channel is not None and state.channel_status(channel) == "down":
        raise ActionRefused(f"the {pair_text(channel.between)} channel is down: {message.id} "
                            f"cannot go on to {onward} until it is restored")
    arrived = message.arrived_at[1]
    if at is not None and arrived is not None and at < arrived:
        raise ActionRefused(f"the relay at {format_clock(at)} would come before {message.id} "
                            f"reached {by.id} at {format_clock(arrived)}")
    return Relay(message=message.id, by=by.id,
                 note=actions.optional_text(relay.note, "the relay's note"))


def apply_relay(state: ExerciseState, event: Event, relay: Relay) -> None:
    message = state.messages[relay.message]
    # Replaced, not appended to: see Message.relays.
    message.relays = (*message.relays, RelayHop(by=relay.by, turn=state.turn, seq=event.seq,
                                                at=event.at, note=relay.note or ""))
