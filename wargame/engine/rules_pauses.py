"""Proposing and answering a pause moment (what a pause became: engine.pauses)."""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import mover, require_phase
from wargame.engine.injects import settle
from wargame.engine.state import Event, ExerciseState, PauseRecord
from wargame.engine.vocabulary import AnswerPause, ProposePause
from wargame.engine.words import did_you_mean
from wargame.model.conditions import PAUSE


def check_propose(state: ExerciseState, action: ProposePause, actor: str,
                  at: float | None) -> ProposePause:
    require_phase(state, ("exercise",), "proposing a pause")
    by = mover(state, action.by, "by", "propose a pause").id
    other = mover(state, action.other, "with", "take part in a pause").id
    if other == by:
        raise ActionRefused(f"{by} cannot propose a pause to itself")
    turns = actions.integer(action.turns, "turns")
    if turns < 1:
        raise ActionRefused(f"a pause lasts at least one turn, not {turns}")
    categories = state.scenario.rulebook.categories
    scope = action.scope
    if isinstance(scope, str):  # SLUGS: one id or a list of ids
        scope = [scope]
    if scope is None:
        scope = [c.id for c in categories.values() if c.score > 0]
    elif not isinstance(scope, list) or not scope:
        raise ActionRefused("scope: expected a list of move categories, such as "
                            "[posturing, violent-escalation]")
    scope = [actions.category(categories, c, "scope") for c in scope]
    pause_id = actions.new_id(action.id, "pause") or actions.next_free_id(
        "p", len(state.pauses), state.pauses.__contains__)
    if pause_id in state.pauses:
        raise ActionRefused(f"there is already a pause {pause_id}; choose another id")
    return ProposePause(id=pause_id, by=by, other=other, turns=turns, scope=scope)


def apply_propose(state: ExerciseState, event: Event, action: ProposePause) -> None:
    state.pauses[action.id] = PauseRecord(
        id=action.id, by=action.by, other=action.other, turns=action.turns,
        scope=tuple(action.scope), proposed_turn=state.turn, seq=event.seq)


def check_answer(state: ExerciseState, action: AnswerPause, actor: str,
                 at: float | None) -> AnswerPause:
    require_phase(state, ("exercise",), "answering a pause")
    pause = state.pauses.get(action.pause) if isinstance(action.pause, str) else None
    if pause is None:
        raise ActionRefused(f"no pause {action.pause!r} has been proposed"
                            f"{did_you_mean(action.pause, state.pauses)}")
    if pause.answer:
        raise ActionRefused(f"pause {pause.id} was already answered: {pause.answer}")
    if action.by != pause.other:
        raise ActionRefused(f"pause {pause.id} was proposed to {pause.other}; only "
                            f"{pause.other} answers it (control may answer for it)")
    answer = actions.choice(action.answer, ("accept", "decline"), "answer")
    return AnswerPause(pause=pause.id, by=pause.other, answer=answer)


def apply_answer(state: ExerciseState, event: Event, action: AnswerPause) -> None:
    pause = state.pauses[action.pause]
    pause.answer, pause.answered_by = action.answer, action.by
    pause.answered_turn, pause.answered_seq = state.turn, event.seq
    settle(state, event, frozenset({PAUSE}))
