"""The Exercise section's turn-by-turn narrative and escalation series.

Everything here reads the edition's already-filtered records (see :mod:`editions`), so a
public narrative is built from public data only.
"""

from __future__ import annotations

from typing import Any

from wargame.engine.state import ExerciseState
from wargame.engine.timing import format_clock
from wargame.engine.turns import turn_openings
from wargame.model import format_duration
from wargame.model.scenario import ChannelEffect
from wargame.debrief.editions import EditionData
from wargame.debrief.words import Names, minutes_text, plural

BEFORE, AFTER = "before", "after"


def _group_of(phase: str, turn: int) -> int | str:
    if phase == "plan" or turn <= 0:
        return BEFORE
    if phase == "exercise":
        return turn
    return AFTER


def _clock(seconds: float | None) -> str:
    return format_clock(seconds) if seconds is not None else ""


def move_view(state: ExerciseState, move: Any, names: Names,
              perceptions: list[dict[str, Any]]) -> dict[str, Any]:
    rulebook = state.scenario.rulebook
    amended = ""
    if move.amended and move.original_category and move.original_category != move.category:
        amended = (f"amended from {names.category(move.original_category)} "
                   f"to {names.category(move.category)}")
    elif move.amended:
        amended = "amended (ladder step changed)"
    retract_reason = ""
    if move.status == "retracted":
        retract_reason = state.retracted.get(move.seq, "")
    return {
        "id": move.id,
        "by": move.by,
        "by_name": names.delegation(move.by),
        "type": move.type,
        "type_name": names.move_type(move.type),
        "category": move.category,
        "category_name": names.category(move.category),
        "score": rulebook.categories[move.category].score if move.category in rulebook.categories else None,
        "intent": move.intent,
        "intent_name": names.category(move.intent),
        "target": move.target or "",
        "target_name": names.delegation(move.target) if move.target else "",
        "text": move.text,
        "status": move.status,
        "visibility": move.visibility,
        "cbm": move.cbm,
        "at": _clock(move.at),
        "amended": amended,
        "decision_note": move.decision_note,
        "retract_reason": retract_reason,
        "perceptions": perceptions,
    }


def message_view(state: ExerciseState, message: Any, names: Names) -> dict[str, Any]:
    relayed = len(message.route) > 2
    latency_turns = message.ack_turn - message.sent_turn if message.ack_turn is not None else None
    latency_seconds = None
    if message.ack_at is not None and message.sent_at is not None:
        latency_seconds = max(0.0, message.ack_at - message.sent_at)
    return {
        "id": message.id,
        "from": message.sender,
        "from_name": names.delegation(message.sender),
        "to": message.recipient,
        "to_name": names.delegation(message.recipient),
        "relayed": relayed,
        "route": " → ".join(names.delegation(d) for d in message.route),
        "via": ", ".join(names.delegation(d) for d in message.route[1:-1]),
        "text": message.text,
        "ack_text": message.ack_text,
        "sent_turn": message.sent_turn,
        "sent_at": _clock(message.sent_at),
        "acknowledged": message.acknowledged,
        "ack_turn": message.ack_turn,
        "ack_at": _clock(message.ack_at),
        "ack_by": message.recipient,
        "latency_turns": latency_turns,
        "latency": minutes_text(latency_seconds),
        "ack_within": message.ack_within,
        "late": message.late(state.turn),
        "reply_state": _reply_state(state, message),
        "reply_to": message.reply_to or "",
        # Manual relays: each hop passed on, and where it still waits.
        "relays": [{"by_name": names.delegation(hop.by), "turn": hop.turn, "at": _clock(hop.at),
                    "note": hop.note} for hop in message.relays],
        "waiting_at": names.delegation(message.waiting_at) if message.waiting_at else "",
    }


def _reply_state(state: ExerciseState, message: Any) -> str:
    """How an unanswered message stands: still awaited while play goes on, else unanswered."""
    if message.acknowledged:
        return "acknowledged"
    late = message.late(state.turn)
    if message.waiting_at:  # held on its way (manual relays)
        return "⚠ never delivered" if state.phase not in ("plan", "exercise") else \
            "⚠ not yet delivered, late" if late else "… on its way"
    if state.phase in ("plan", "exercise"):
        return "⚠ unanswered, late" if late else "… awaiting reply"
    return "⚠ never answered"


def narrative(state: ExerciseState, data: EditionData, names: Names) -> list[dict[str, Any]]:
    """Groups of what happened: before turn 1, each turn, and after the exercise phase."""
    groups: dict[int | str, dict[str, Any]] = {}

    def group(key: int | str) -> dict[str, Any]:
        if key not in groups:
            if key == BEFORE:
                title = "Before the first turn"
            elif key == AFTER:
                title = "After the exercise phase"
            else:
                title = f"Turn {key}"
            groups[key] = {"key": str(key), "title": title, "number": key if isinstance(key, int) else None,
                           "injects": [], "moves": [], "messages": [], "acks": [], "notes": [],
                           "channels": [], "entries": [], "started_at": "", "game_time": ""}
        return groups[key]

    def add(key: int | str, kind: str, view: dict[str, Any], at: float | None, seq: int) -> None:
        g = group(key)
        g[kind + "s" if kind != "ack" else "acks"].append(view)
        g["entries"].append({"kind": kind, "item": view, "_order": (at if at is not None else float("inf"), seq)})

    length = state.scenario.clock.turn_length
    for number in range(1, max(state.turn, 0) + 1):
        group(number)["game_time"] = (f"{format_duration((number - 1) * length) if number > 1 else '0'}"
                                      f" to {format_duration(number * length)} of game time")
    _turn_starts(state, group)
    for change in channel_changes(state, data, names):
        add(change["key"], "channel", change, change["_at"], change["_seq"])

    for release in sorted(data.injects.values(), key=lambda r: r.seq):
        try:
            inject = state.scenario.inject(release.id)
        except KeyError:
            continue
        key = release.released_turn if release.released_turn > 0 else BEFORE
        add(key, "inject", {
            "id": inject.id,
            "title": inject.title,
            "from": inject.source,
            "to": names.recipients(inject),
            "how": release.how,
            "text": inject.text,
            "at": _clock(release.at),
            "expect": [
                f"{names.delegation(e.by)}: {names.move_type(e.move)} within {plural(e.within, 'turn')}"
                for e in inject.expect
            ],
            "ad_hoc": release.how == "manual",
        }, release.at, release.seq)

    perceptions_by_move: dict[str, list[dict[str, Any]]] = {}
    for perception in data.perceptions:
        perceptions_by_move.setdefault(perception.move, []).append({
            "by": perception.by,
            "by_name": names.delegation(perception.by),
            "as": perception.as_category,
            "as_name": names.category(perception.as_category),
            "gap": perception.gap,
            "note": perception.note,
        })
    for move in data.moves:
        view = move_view(state, move, names, perceptions_by_move.get(move.id, []))
        add(move.turn if move.turn > 0 else BEFORE, "move", view, move.at, move.seq)

    for message in data.messages:
        view = message_view(state, message, names)
        add(message.sent_turn if message.sent_turn > 0 else BEFORE, "message", view, message.sent_at, message.seq)
        if message.ack_turn is not None and message.ack_turn != message.sent_turn:
            add(message.ack_turn if message.ack_turn > 0 else BEFORE, "ack", view, message.ack_at,
                message.ack_seq if message.ack_seq is not None else message.seq)

    for note in data.notes:
        add(_group_of(note.phase, note.turn), "note", {
            "by": note.by,
            "by_name": names.delegation(note.by),
            "text": note.text,
            "visibility": note.visibility,
            "phase": note.phase,
            "at": _clock(note.at),
        }, note.at, note.seq)

    order = sorted((k for k in groups if isinstance(k, int)))
    keys: list[int | str] = ([BEFORE] if BEFORE in groups else []) + order + ([AFTER] if AFTER in groups else [])
    result = []
    for key in keys:
        g = groups[key]
        g["entries"].sort(key=lambda e: e["_order"])
        for entry in g["entries"]:
            del entry["_order"]
        g["empty"] = not g["entries"]
        result.append(g)
    return result


def channel_changes(state: ExerciseState, data: EditionData, names: Names) -> list[dict[str, Any]]:
    """Every time a hotline channel went down or came back: by control, or by an inject."""
    out = []
    openings = sorted((event.seq, turn) for turn, event in turn_openings(state).items())
    for event in state.events:
        if event.seq in state.retracted:
            continue
        if event.kind == "channel":
            turn = max((t for seq, t in openings if seq < event.seq), default=0)
            pair = event.payload.get("between") or ()
            reason = event.payload.get("reason")
            cause = f"by control: {reason}" if isinstance(reason, str) and reason else "by control"
            out.append(_channel_view(names, pair, event.payload.get("status", ""), turn, event.at,
                                     event.seq, cause))
    for release in data.injects.values():
        try:
            inject = state.scenario.inject(release.id)
        except KeyError:
            continue
        for effect in inject.effects:
            if isinstance(effect, ChannelEffect):
                out.append(_channel_view(names, effect.between, effect.status, release.released_turn,
                                         release.at, release.seq + 0.5, f"by the inject “{inject.title}”"))
    return out


def _channel_view(names: Names, pair, status: str, turn: int, at: float | None, seq: int,
                  cause: str) -> dict[str, Any]:
    words = {"down": "went down", "up": "came back up"}.get(status, f"set {status}")
    return {"key": turn if turn > 0 else BEFORE, "pair": names.pair(pair), "status": status,
            "words": words, "cause": cause, "at": _clock(at), "_at": at, "_seq": seq}


def _turn_starts(state: ExerciseState, group) -> None:
    """Record the real time each turn began (the exercise's start is 0 when unrecorded)."""
    for turn, event in turn_openings(state).items():
        at = event.at if event.at is not None or turn > 1 else 0.0
        group(turn)["started_at"] = _clock(at)


def pair_levels(state: ExerciseState) -> list[dict[str, Any]]:
    """Each pair's rung level at the start and after every turn played, every change in
    order (for the steps inside a turn), and its peak: linear in turns plus changes."""
    ladder = state.scenario.rulebook.ladder
    last_turn = max(state.turn, 0)
    out = []
    for pair, dyad in state.dyads.items():
        start = state.scenario.start_rung(pair)
        changes = sorted(dyad.history, key=lambda c: c.seq)
        moves = [c for c in changes if c.cause != "start"]
        level = ladder.level(start)
        levels = [level] * (last_turn + 1)
        highest = [level] * (last_turn + 1)  # the highest level touched in each turn
        by_turn: dict[int, list[int]] = {}
        for change in changes:
            by_turn.setdefault(max(change.turn, 0), []).append(ladder.level(change.to_rung))
        for turn in range(0, last_turn + 1):
            reached = by_turn.get(turn, ())
            for new in reached:
                level = new
            top = max(reached, default=level)
            levels[turn] = level
            highest[turn] = top
        peak_level = dyad.peak_level
        peak_turn = next((c.turn for c in changes if ladder.level(c.to_rung) == peak_level), 0)
        out.append({
            "pair": pair,
            "start": start,
            "rung": dyad.rung,
            "peak_rung": dyad.peak_rung,
            "peak_level": peak_level,
            "peak_within_turn": bool(levels) and peak_turn <= last_turn and levels[peak_turn] != peak_level,
            "levels": levels,
            "steps": [(max(c.turn, 0), ladder.level(c.to_rung)) for c in moves],
            "inside": [t for t in range(1, last_turn + 1) if highest[t] > levels[t]],
            "peak_turn": peak_turn,
            "changes": moves,
        })
    return out
