"""The hotline: messages along the open channels (relayed when the direct line is down),
acknowledgements, and control cutting or restoring a line."""

from __future__ import annotations


from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import delegation, mover, require_phase
from wargame.engine.injects import settle
from wargame.engine.shortest import adjacency, shortest_path
from wargame.engine.state import Event, ExerciseState, Message
from wargame.engine.timing import format_clock
from wargame.engine.vocabulary import Ack, Channel, Hotline
from wargame.engine.words import did_you_mean, listing, pair_text
from wargame.model.conditions import CHANNEL
from wargame.model.scenario import CHANNEL_STATUSES


def down_channels(state: ExerciseState) -> list[str]:
    return [pair_text(c.between) for c in state.scenario.channels
            if state.channel_status(c) == "down"]


def open_route(state: ExerciseState, sender: str, recipient: str) -> tuple[str, ...] | None:
    """The shortest path over the channels up now; None when there is none."""
    down = frozenset(pair for pair, status in state.channels.items() if status == "down")
    key = (down, sender, recipient)
    if key not in state.routes:
        state.routes[key] = shortest_path(*open_lines(state, down), sender, recipient)
    return state.routes[key]


def open_lines(state: ExerciseState, down: frozenset[frozenset[str]]):
    """Who is linked to whom by the channels up (all but ``down``), kept per set of cuts."""
    lines = state.indexes.hotline
    if down not in lines:
        # The hotline graph without the channels down: delegations, then channels in order.
        up = [c.between for c in state.scenario.channels if frozenset(c.between) not in down]
        lines[down] = adjacency((d.id for d in state.scenario.delegations), up, directed=False)
    return lines[down]


def route_ack_within(state: ExerciseState, route: tuple[str, ...]) -> int:
    """For a relayed message, the largest ``ack_within`` along its route."""
    limits = state.indexes.ack_within
    if route not in limits:
        limits[route] = max((state.scenario.channel(a, b).ack_within
                             for a, b in zip(route, route[1:])), default=1)
    return limits[route]


def relays_by_hand(state: ExerciseState, route: tuple[str, ...]) -> bool:
    """Whether a message along ``route`` waits at each delegation in its middle
    (wargame.engine.rules_relay)."""
    return state.scenario.relay == "manual" and len(route) > 2


def require_route(state: ExerciseState, sender: str, recipient: str, what: str) -> None:
    if open_route(state, sender, recipient) is not None:
        return
    down = down_channels(state)
    if down:
        raise ActionRefused(f"no open hotline route from {sender} to {recipient} for {what}: "
                            f"channels down: {listing(down)}")
    raise ActionRefused(f"no hotline channel connects {sender} to {recipient}, directly or "
                        f"through another delegation, for {what}")


def find_message(state: ExerciseState, value: object) -> Message:
    if isinstance(value, str) and value in state.retracted_messages:
        raise ActionRefused(f"message {value} was retracted")
    if not isinstance(value, str) or value not in state.messages:
        raise ActionRefused(f"no hotline message {value!r} has been sent"
                            f"{did_you_mean(value, state.messages)}")
    return state.messages[value]


def check_hotline(state: ExerciseState, message: Hotline, actor: str,
                  at: float | None) -> Hotline:
    require_phase(state, ("exercise",), "sending a hotline message")
    sender = mover(state, message.sender, "from", "send hotline messages").id
    recipient = mover(state, message.to, "to", "receive hotline messages").id
    if sender == recipient:
        raise ActionRefused(f"{sender} cannot send a hotline message to itself")
    message_id = actions.new_id(message.id, "message") or actions.next_free_id(
        "h", len(state.messages) + len(state.retracted_messages),
        lambda i: i in state.messages or i in state.retracted_messages)
    text = actions.text(message.text, "the message's text")
    if message_id in state.messages or message_id in state.retracted_messages:
        raise ActionRefused(f"there is already a hotline message {message_id}; "
                            "choose another id")
    reply_to = message.reply_to
    if reply_to is not None:
        # A reply stays a reply when the message it answers is retracted later.
        if not (isinstance(reply_to, str) and reply_to in state.retracted_messages):
            answered = find_message(state, reply_to)
            if answered.recipient == sender and not answered.delivered:
                raise ActionRefused(f"{sender} cannot answer {answered.id} yet: {answered.id} "
                                    f"waits at {answered.waiting_at} to be passed on")
            reply_to = answered.id
    if open_route(state, sender, recipient) is None:
        down = down_channels(state)
        if down:
            raise ActionRefused(f"no open hotline route from {sender} to {recipient}: "
                                f"channels down: {listing(down)}")
        raise ActionRefused(f"no hotline channel connects {sender} to {recipient}, "
                            "directly or through another delegation")
    return Hotline(id=message_id, sender=sender, to=recipient, text=text, reply_to=reply_to)


def build_message(state: ExerciseState, event: Event, sent: Hotline) -> Message:
    route = open_route(state, sent.sender, sent.to) or (sent.sender, sent.to)
    return Message(id=sent.id, sender=sent.sender, recipient=sent.to,
                   text=sent.text, route=route, sent_turn=state.turn, sent_at=event.at,
                   ack_within=route_ack_within(state, route) if len(route) > 1 else 1,
                   seq=event.seq, reply_to=sent.reply_to,
                   manual=relays_by_hand(state, route))


def apply_hotline(state: ExerciseState, event: Event, sent: Hotline) -> None:
    message = build_message(state, event, sent)
    state.messages[message.id] = message


def check_ack(state: ExerciseState, ack: Ack, actor: str, at: float | None) -> Ack:
    require_phase(state, ("exercise",), "acknowledging a hotline message")
    message = find_message(state, ack.message)
    by = mover(state, ack.by, "by", "acknowledge messages")
    if by.id != message.recipient:
        raise ActionRefused(
            f"only {message.recipient}, the recipient of {message.id}, can acknowledge it")
    if not message.delivered:
        raise ActionRefused(f"{message.id} waits at {message.waiting_at} to be passed on; "
                            f"{message.recipient} can acknowledge it once it arrives")
    if message.acknowledged:
        raise ActionRefused(f"message {message.id} was already acknowledged by "
                            f"{message.recipient} in turn {message.ack_turn}")
    # The acknowledgement travels back along the network (wargame.engine.hotline_moves).
    require_route(state, message.recipient, message.sender,
                  f"the acknowledgement of {message.id}")
    if at is not None and message.sent_at is not None and at < message.sent_at:
        raise ActionRefused(
            f"the acknowledgement at {format_clock(at)} would come before {message.id} "
            f"was sent at {format_clock(message.sent_at)}")
    return Ack(message=message.id, by=by.id,
               text=actions.optional_text(ack.text, "the acknowledgement's text"))


def apply_ack(state: ExerciseState, event: Event, ack: Ack) -> None:
    message = state.messages[ack.message]
    message.ack_turn, message.ack_at = state.turn, event.at
    message.ack_text, message.ack_seq = ack.text or "", event.seq


def check_channel(state: ExerciseState, action: Channel, actor: str,
                  at: float | None) -> Channel:
    require_phase(state, ("plan", "exercise"), "cutting or restoring a hotline channel")
    between = action.between
    if not isinstance(between, (list, tuple)) or len(between) != 2:
        raise ActionRefused(f"between must name two delegations, got {between!r}")
    a, b = (delegation(state, name, "between").id for name in between)
    channel = state.scenario.channel(a, b)
    if channel is None:
        known = listing(pair_text(c.between) for c in state.scenario.channels)
        raise ActionRefused(f"no hotline channel between {a} and {b} (channels: {known})")
    status = actions.choice(action.status, CHANNEL_STATUSES, "status")
    if state.channel_status(channel) == status:
        raise ActionRefused(f"the {pair_text(channel.between)} channel is already {status}")
    return Channel(between=list(channel.between), status=status,
                   reason=actions.optional_text(action.reason, "the reason"))


def apply_channel(state: ExerciseState, event: Event, action: Channel) -> None:
    state.channels[frozenset(action.between)] = action.status
    if state.phase == "exercise":  # injects are released only during play
        settle(state, event, frozenset({CHANNEL}))
