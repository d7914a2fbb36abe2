"""Moves, their adjudication, and how other delegations perceive them."""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.escalation import dyad_of, dyads_of, shift
from wargame.engine.guards import delegation, mover, require_phase
from wargame.engine.hotline_moves import check_call, is_call, put_call_on_network
from wargame.engine.indexes import replace_perception
from wargame.engine.injects import settle
from wargame.engine.obligations import check_quota, require_target
from wargame.engine.reports import check_fields
from wargame.engine.rules_hotline import require_route
from wargame.engine.state import Event, ExerciseState, MoveRecord, Perception
from wargame.engine.vocabulary import DECISIONS, Adjudicate, Move, Perceive
from wargame.engine.visibility import level_admits
from wargame.engine.words import did_you_mean
from wargame.model import VISIBILITIES, MoveType
from wargame.model.conditions import MOVE, RUNG


def find_move(state: ExerciseState, value: object) -> MoveRecord:
    if not isinstance(value, str) or value not in state.moves:
        raise ActionRefused(f"no move {value!r} has been made{did_you_mean(value, state.moves)}")
    return state.moves[value]


def check_move(state: ExerciseState, move: Move, actor: str, at: float | None) -> Move:
    require_phase(state, ("exercise",), "making a move")
    rulebook = state.scenario.rulebook
    by = mover(state, move.by, "by", "make moves").id
    type_id = move.type
    if not isinstance(type_id, str) or not rulebook.has_move(type_id):
        raise ActionRefused(f"no move type {type_id!r} in the rulebook {rulebook.id}"
                            f"{did_you_mean(type_id, [m.id for m in rulebook.moves])}")
    move_type = rulebook.move(type_id)
    target = move.target
    if isinstance(target, (list, tuple)):
        return _mediated(state, move, by, move_type)
    if move_type.target == "required" and target is None:
        raise ActionRefused(f"a {type_id} move needs a target (the delegation it is aimed at)")
    if move_type.target == "none" and target is not None:
        raise ActionRefused(f"a {type_id} move takes no target")
    if target is not None:
        target = mover(state, target, "target", "be the target of a move").id
        if target == by:
            raise ActionRefused(f"{by} cannot target its own delegation")
    require_target(move_type, target)
    check_quota(state, move_type, target)
    intent = move.intent if move.intent is not None else move_type.category
    visibility = move.visibility if move.visibility is not None else move_type.visibility
    normalized = Move(
        id=actions.new_id(move.id, "move") or actions.next_free_id(
            "m", len(state.moves), state.moves.__contains__),
        by=by, type=type_id, target=target,
        text=actions.text(move.text, "the move's text"),
        intent=actions.category(rulebook.categories, intent, "intent"),
        visibility=actions.choice(visibility, VISIBILITIES, "visibility"),
        fields=check_fields(move_type, move.fields),
    )
    existing = state.moves.get(normalized.id)
    if existing is not None:
        raise ActionRefused(f"there is already a move {existing.id} "
                            f"(by {existing.by} in turn {existing.turn}); choose another id")
    check_call(state, by, target, type_id, normalized.id)
    return normalized


def _mediated(state: ExerciseState, move: Move, by: str, move_type: MoveType) -> Move:
    """A mediator's move aimed at a pair: it acts on that pair's ladder, not its own."""
    if not state.scenario.delegation(by).mediates:
        raise ActionRefused(f"only a mediator may aim a move at a pair; {by} is a "
                            f"{state.scenario.delegation(by).role}")
    if move_type.target == "none":
        raise ActionRefused(f"a {move_type.id} move takes no target")
    if len(move.target) != 2:
        raise ActionRefused(f"target: a pair names two delegations, got {move.target!r}")
    a, b = (mover(state, d, "target", "be the target of a move").id for d in move.target)
    if a == b or by in (a, b):
        raise ActionRefused(f"target: a mediator's pair is two other delegations, not "
                            f"{a} and {b}")
    if move_type.obliges is not None or move_type.quota is not None:
        raise ActionRefused(f"a {move_type.id} move binds a single target; aim it at one")
    rulebook = state.scenario.rulebook
    intent = move.intent if move.intent is not None else move_type.category
    visibility = move.visibility if move.visibility is not None else move_type.visibility
    normalized = Move(
        id=actions.new_id(move.id, "move") or actions.next_free_id(
            "m", len(state.moves), state.moves.__contains__),
        by=by, type=move_type.id, target=list(state.scenario.dyad(a, b)),
        text=actions.text(move.text, "the move's text"),
        intent=actions.category(rulebook.categories, intent, "intent"),
        visibility=actions.choice(visibility, VISIBILITIES, "visibility"),
        fields=check_fields(move_type, move.fields))
    if normalized.id in state.moves:
        raise ActionRefused(f"there is already a move {normalized.id}; choose another id")
    return normalized


def record_move(state: ExerciseState, event: Event, move: Move, status: str) -> MoveRecord:
    rulebook = state.scenario.rulebook
    move_type = rulebook.move(move.type)
    pair = tuple(move.target) if isinstance(move.target, (list, tuple)) else None
    record = MoveRecord(
        id=move.id, by=move.by, type=move_type.id, category=move_type.category,
        step=rulebook.step_of(move_type), target=None if pair else move.target,
        turn=state.turn, pair=pair,
        status=status, visibility=move.visibility, text=move.text,
        intent=move.intent, seq=event.seq, at=event.at, cbm=move_type.cbm,
        fields=dict(move.fields or {}))
    state.moves[record.id] = record
    return record


def apply_move(state: ExerciseState, event: Event, move: Move) -> None:
    record = record_move(state, event, move, "pending")
    if state.scenario.rulebook.adjudication == "automatic":
        approve(state, record, event)


def approve(state: ExerciseState, move: MoveRecord, event: Event) -> None:
    move.status = "approved"
    move.decided_turn, move.decided_seq = state.turn, event.seq
    put_call_on_network(state, move, event)
    if move.pair is not None:
        dyad = dyad_of(state, *move.pair)
        affected = [dyad] if dyad is not None else []
    elif move.target is not None:
        dyad = dyad_of(state, move.by, move.target)
        affected = [dyad] if dyad is not None else []
    else:
        affected = dyads_of(state, move.by)
    changed = [shift(state, dyad, move.step, f"move:{move.id}", event) for dyad in affected]
    settle(state, event, frozenset({MOVE, RUNG}) if any(changed) else frozenset({MOVE}))


def check_adjudicate(state: ExerciseState, action: Adjudicate, actor: str,
                     at: float | None) -> Adjudicate:
    require_phase(state, ("exercise",), "adjudicating a move")
    move = find_move(state, action.move)
    if move.status == "retracted":
        raise ActionRefused(f"move {move.id} was retracted; there is nothing to adjudicate")
    if move.status != "pending":
        raise ActionRefused(
            f"move {move.id} is already {move.status}; only a pending move can be adjudicated")
    decision = actions.choice(action.decision, DECISIONS, "decision")
    if decision != "reject" and is_call(state, move.type):
        require_route(state, move.by, move.target, f"the {move.type} {move.id}")
    category, step = action.category, action.step
    amended_text = actions.optional_text(action.text, "the amended text")
    if decision != "amend":
        if category is not None or step is not None or amended_text:
            raise ActionRefused("category, step and text go only with decision: amend")
    elif category is None and step is None and not amended_text:
        raise ActionRefused("amend needs a category, a step or a text (what the move becomes)")
    rulebook = state.scenario.rulebook
    if category is not None:
        category = actions.category(rulebook.categories, category, "category")
    if step is not None:
        step = actions.integer(step, "step")
        reach = len(rulebook.ladder.rungs) - 1
        if abs(step) > reach:
            raise ActionRefused(f"step {step} is beyond the ladder (from -{reach} to {reach})")
    return Adjudicate(move=move.id, decision=decision, category=category, step=step,
                      text=amended_text, note=actions.optional_text(action.note, "the note"))


def apply_adjudicate(state: ExerciseState, event: Event, action: Adjudicate) -> None:
    move = state.moves[action.move]
    move.decision_note = action.note or ""
    if action.decision == "reject":
        move.status = "rejected"
        move.decided_turn, move.decided_seq = state.turn, event.seq
        return
    if action.decision == "amend":
        move.amended, move.original_category = True, move.category
        if action.category is not None:
            move.category = action.category
            move.step = state.scenario.rulebook.categories[move.category].step
        if action.step is not None:
            move.step = action.step
        if action.text is not None:
            move.original_text, move.text = move.text, action.text
    approve(state, move, event)


def check_perceive(state: ExerciseState, action: Perceive, actor: str,
                   at: float | None) -> Perceive:
    require_phase(state, ("exercise", "assess"), "recording a perception")
    by = delegation(state, action.by, "by").id
    move = find_move(state, action.move)
    if move.status == "retracted":
        raise ActionRefused(f"move {move.id} was retracted; there is nothing to perceive")
    if move.by == by:
        raise ActionRefused(
            f"{by} made move {move.id}; a delegation does not perceive its own move")
    if not level_admits(by, move):
        raise ActionRefused(
            f"{by} cannot perceive move {move.id}: it is a {move.visibility} move of {move.by}")
    visibility = action.visibility
    return Perceive(by=by, move=move.id,
                    category=actions.category(state.scenario.rulebook.categories,
                                              action.category, "as"),
                    note=actions.optional_text(action.note, "the note"),
                    visibility=None if visibility is None else actions.choice(
                        visibility, VISIBILITIES, "visibility"))


def apply_perceive(state: ExerciseState, event: Event, action: Perceive) -> None:
    move = state.moves[action.move]
    scores = state.scenario.rulebook.categories
    perception = Perception(
        by=action.by, move=move.id, as_category=action.category,
        gap=scores[action.category].score - scores[move.intent].score,
        turn=state.turn, seq=event.seq, note=action.note or "",
        visibility=action.visibility or "private")
    # A later reading by the same delegation of the same move replaces the earlier one.
    replace_perception(state, perception)
