"""The Exercise section's turn-by-turn narrative and escalation series.

Everything here reads the edition's already-filtered records (see :mod:`editions`), so a
public narrative is built from public data only.
"""

from __future__ import annotations

from typing import Any

from wargame.engine.state import ExerciseState
from wargame.engine.timing import format_clock
from wargame.engine.turns import turn_openings
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
    }


def _reply_state(state: ExerciseState, message: Any) -> str:
    """How an unanswered message stands: still awaited while play goes on, else unanswered."""
    if message.acknowledged:
        return "acknowledged"
    late = message.late(state.turn)
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
                           "started_at": ""}
        return groups[key]

    for number in range(1, max(state.turn, 0) + 1):
        group(number)
    _turn_starts(state, group)

    for release in sorted(data.injects.values(), key=lambda r: r.seq):
        try:
            inject = state.scenario.inject(release.id)
        except KeyError:
            continue
        key = release.released_turn if release.released_turn > 0 else BEFORE
        group(key)["injects"].append({
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
        })

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
        group(move.turn if move.turn > 0 else BEFORE)["moves"].append(view)

    for message in data.messages:
        view = message_view(state, message, names)
        group(message.sent_turn if message.sent_turn > 0 else BEFORE)["messages"].append(view)
        if message.ack_turn is not None and message.ack_turn != message.sent_turn:
            group(message.ack_turn if message.ack_turn > 0 else BEFORE)["acks"].append(view)

    for note in data.notes:
        group(_group_of(note.phase, note.turn))["notes"].append({
            "by": note.by,
            "by_name": names.delegation(note.by),
            "text": note.text,
            "visibility": note.visibility,
            "phase": note.phase,
            "at": _clock(note.at),
        })

    order = sorted((k for k in groups if isinstance(k, int)))
    keys: list[int | str] = ([BEFORE] if BEFORE in groups else []) + order + ([AFTER] if AFTER in groups else [])
    result = []
    for key in keys:
        g = groups[key]
        g["empty"] = not (g["injects"] or g["moves"] or g["messages"] or g["acks"] or g["notes"])
        result.append(g)
    return result


def _turn_starts(state: ExerciseState, group) -> None:
    """Record the real time each turn began (the exercise's start is 0 when unrecorded)."""
    for turn, event in turn_openings(state).items():
        at = event.at if event.at is not None or turn > 1 else 0.0
        group(turn)["started_at"] = _clock(at)


def pair_levels(state: ExerciseState) -> list[dict[str, Any]]:
    """Each pair's rung level at the start and after every turn played, with its peak."""
    ladder = state.scenario.rulebook.ladder
    last_turn = max(state.turn, 0)
    out = []
    for pair, dyad in state.dyads.items():
        start = state.scenario.start_rung(pair)
        changes = sorted(dyad.history, key=lambda c: c.seq)
        levels = []
        rung = start
        for turn in range(0, last_turn + 1):
            for change in changes:
                if change.turn == turn:
                    rung = change.to_rung
            levels.append(ladder.level(rung))
        # The peak may have been reached inside a turn and left before it ended.
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
            "peak_turn": peak_turn,
            "changes": [c for c in changes if c.cause != "start"],
        })
    return out
