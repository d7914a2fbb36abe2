"""Moves, their adjudication, and how other delegations perceive them."""

from __future__ import annotations

from typing import Any

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.escalation import dyad_of, dyads_of, shift
from wargame.engine.guards import delegation, mover, require_phase
from wargame.engine.hotline_moves import check_call, is_call, put_call_on_network, require_route
from wargame.engine.injects import settle
from wargame.engine.state import Event, ExerciseState, MoveRecord, Perception
from wargame.engine.visibility import level_admits
from wargame.engine.words import did_you_mean
from wargame.model import VISIBILITIES

DECISIONS = ("approve", "reject", "amend")


def find_move(state: ExerciseState, value: object) -> MoveRecord:
    if not isinstance(value, str) or value not in state.moves:
        raise ActionRefused(f"no move {value!r} has been made{did_you_mean(value, state.moves)}")
    return state.moves[value]


def check_move(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, ("exercise",), "making a move")
    rulebook = state.scenario.rulebook
    by = mover(state, payload["by"], "by", "make moves").id
    type_id = payload["type"]
    if not isinstance(type_id, str) or not rulebook.has_move(type_id):
        raise ActionRefused(f"no move type {type_id!r} in the rulebook {rulebook.id}"
                            f"{did_you_mean(type_id, [m.id for m in rulebook.moves])}")
    move_type = rulebook.move(type_id)
    target = payload.get("target")
    if move_type.target == "required" and target is None:
        raise ActionRefused(f"a {type_id} move needs a target (the delegation it is aimed at)")
    if move_type.target == "none" and target is not None:
        raise ActionRefused(f"a {type_id} move takes no target")
    if target is not None:
        target = mover(state, target, "target", "be the target of a move").id
        if target == by:
            raise ActionRefused(f"{by} cannot target its own delegation")
    normalized: dict[str, Any] = {
        "id": actions.new_id(payload, "move") or actions.next_free_id(
            "m", len(state.moves), state.moves.__contains__),
        "by": by, "type": type_id,
        "text": actions.text(payload, "text", "the move's text"),
        "intent": actions.category(rulebook.categories,
                                   payload.get("intent", move_type.category), "intent"),
        "visibility": actions.choice(payload.get("visibility", move_type.visibility),
                                     VISIBILITIES, "visibility"),
    }
    if target is not None:
        normalized["target"] = target
    existing = state.moves.get(normalized["id"])
    if existing is not None:
        raise ActionRefused(f"there is already a move {existing.id} "
                            f"(by {existing.by} in turn {existing.turn}); choose another id")
    check_call(state, by, target, type_id, normalized["id"])
    return normalized


def record_move(state: ExerciseState, event: Event, status: str) -> MoveRecord:
    payload = event.payload
    rulebook = state.scenario.rulebook
    move_type = rulebook.move(payload["type"])
    record = MoveRecord(
        id=payload["id"], by=payload["by"], type=move_type.id, category=move_type.category,
        step=rulebook.step_of(move_type), target=payload.get("target"), turn=state.turn,
        status=status, visibility=payload["visibility"], text=payload["text"],
        intent=payload["intent"], seq=event.seq, at=event.at, cbm=move_type.cbm)
    state.moves[record.id] = record
    return record


def apply_move(state: ExerciseState, event: Event) -> None:
    record = record_move(state, event, "pending")
    if state.scenario.rulebook.adjudication == "automatic":
        approve(state, record, event)


def approve(state: ExerciseState, move: MoveRecord, event: Event) -> None:
    move.status = "approved"
    move.decided_turn, move.decided_seq = state.turn, event.seq
    put_call_on_network(state, move, event)
    if move.target is not None:
        dyad = dyad_of(state, move.by, move.target)
        affected = [dyad] if dyad is not None else []
    else:
        affected = dyads_of(state, move.by)
    changed = [shift(state, dyad, move.step, f"move:{move.id}", event) for dyad in affected]
    if any(changed):
        settle(state, event)


def check_adjudicate(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, ("exercise",), "adjudicating a move")
    move = find_move(state, payload["move"])
    if move.status == "retracted":
        raise ActionRefused(f"move {move.id} was retracted; there is nothing to adjudicate")
    if move.status != "pending":
        raise ActionRefused(
            f"move {move.id} is already {move.status}; only a pending move can be adjudicated")
    decision = actions.choice(payload["decision"], DECISIONS, "decision")
    if decision != "reject" and is_call(state, move.type):
        require_route(state, move.by, move.target, f"the {move.type} {move.id}")
    normalized: dict[str, Any] = {"move": move.id, "decision": decision}
    category, step = payload.get("category"), payload.get("step")
    amended_text = actions.text(payload, "text", "the amended text", required=False)
    if decision != "amend":
        if category is not None or step is not None or amended_text:
            raise ActionRefused("category, step and text go only with decision: amend")
    elif category is None and step is None and not amended_text:
        raise ActionRefused("amend needs a category, a step or a text (what the move becomes)")
    if amended_text:
        normalized["text"] = amended_text
    rulebook = state.scenario.rulebook
    if category is not None:
        normalized["category"] = actions.category(rulebook.categories, category, "category")
    if step is not None:
        step = actions.integer(step, "step")
        reach = len(rulebook.ladder.rungs) - 1
        if abs(step) > reach:
            raise ActionRefused(f"step {step} is beyond the ladder (from -{reach} to {reach})")
        normalized["step"] = step
    actions.copy_optional_text(normalized, payload, "note", "the note")
    return normalized


def apply_adjudicate(state: ExerciseState, event: Event) -> None:
    payload = event.payload
    move = state.moves[payload["move"]]
    move.decision_note = payload.get("note", "")
    if payload["decision"] == "reject":
        move.status = "rejected"
        move.decided_turn, move.decided_seq = state.turn, event.seq
        return
    if payload["decision"] == "amend":
        move.amended, move.original_category = True, move.category
        if "category" in payload:
            move.category = payload["category"]
            move.step = state.scenario.rulebook.categories[move.category].step
        if "step" in payload:
            move.step = payload["step"]
        if "text" in payload:
            move.original_text, move.text = move.text, payload["text"]
    approve(state, move, event)


def check_perceive(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, ("exercise", "assess"), "recording a perception")
    by = delegation(state, payload["by"], "by").id
    move = find_move(state, payload["move"])
    if move.status == "retracted":
        raise ActionRefused(f"move {move.id} was retracted; there is nothing to perceive")
    if move.by == by:
        raise ActionRefused(
            f"{by} made move {move.id}; a delegation does not perceive its own move")
    if not level_admits(by, move):
        raise ActionRefused(
            f"{by} cannot perceive move {move.id}: it is a {move.visibility} move of {move.by}")
    normalized = {"by": by, "move": move.id,
                  "as": actions.category(state.scenario.rulebook.categories,
                                         payload["as"], "as")}
    if payload.get("visibility") is not None:
        normalized["visibility"] = actions.choice(payload["visibility"], VISIBILITIES,
                                                  "visibility")
    actions.copy_optional_text(normalized, payload, "note", "the note")
    return normalized


def apply_perceive(state: ExerciseState, event: Event) -> None:
    payload = event.payload
    move = state.moves[payload["move"]]
    scores = state.scenario.rulebook.categories
    perception = Perception(
        by=payload["by"], move=move.id, as_category=payload["as"],
        gap=scores[payload["as"]].score - scores[move.intent].score,
        turn=state.turn, seq=event.seq, note=payload.get("note", ""),
        visibility=payload.get("visibility", "private"))
    # A later reading by the same delegation of the same move replaces the earlier one.
    state.perceptions = [p for p in state.perceptions
                         if not (p.by == perception.by and p.move == perception.move)]
    state.perceptions.append(perception)
