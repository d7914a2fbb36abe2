"""Proposing and answering a pause moment (what a pause became: engine.pauses)."""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import mover, require_phase
from wargame.engine.injects import settle
from wargame.engine.state import Event, ExerciseState, PauseAnswer, PauseRecord
from wargame.engine.vocabulary import AnswerPause, ProposePause
from wargame.engine.words import did_you_mean
from wargame.model.conditions import PAUSE

ALL = "all"


def check_propose(state: ExerciseState, action: ProposePause, actor: str,
                  at: float | None) -> ProposePause:
    require_phase(state, ("exercise",), "proposing a pause")
    by = mover(state, action.by, "by", "propose a pause").id
    other, between = _addressed(state, action, by)
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
    return ProposePause(id=pause_id, by=by, other=other, between=between, turns=turns,
                        scope=scope)


def _addressed(state: ExerciseState, action: ProposePause,
               by: str) -> tuple[str | None, list[str] | None]:
    """(with, between) as recorded: a delegation or all, or a brokered pair."""
    pair = action.between
    if isinstance(action.other, list):
        if pair is not None:
            raise ActionRefused("give the brokered pair once: with: [a, b] or between: [a, b]")
        pair = action.other
    elif action.other is not None and pair is not None:
        raise ActionRefused("a pause goes either to one side (with) or, brokered by a "
                            "mediator, between two others (between), not both")
    if pair is not None:
        return None, _brokered_pair(state, pair, by)
    if action.other is None:
        raise ActionRefused("propose-pause needs 'with' (the delegation it is proposed to, "
                            "or all) or, for a mediator, 'between: [a, b]'")
    if action.other == ALL:
        if not [d for d in state.scenario.actors if d.id != by]:
            raise ActionRefused("a pause to all needs another delegation that can move")
        return ALL, None
    other = mover(state, action.other, "with", "take part in a pause").id
    if other == by:
        raise ActionRefused(f"{by} cannot propose a pause to itself")
    return other, None


def _brokered_pair(state: ExerciseState, pair: object, by: str) -> list[str]:
    broker = state.scenario.delegation(by)
    if not broker.mediates:
        raise ActionRefused(f"only a mediator brokers a pause between two others; {by} is "
                            f"a {broker.role} (propose it with: DELEGATION or with: all)")
    if not isinstance(pair, list) or len(pair) != 2:
        raise ActionRefused(f"between: a pair names two delegations, got {pair!r}")
    a, b = (mover(state, d, "between", "take part in a pause").id for d in pair)
    if a == b or by in (a, b):
        raise ActionRefused(f"between: a brokered pause binds two delegations other than "
                            f"the mediator, not {a} and {b}")
    return list(state.scenario.dyad(a, b))


def parties(state: ExerciseState, action: ProposePause) -> tuple[str, ...]:
    """The delegations a (checked) proposal binds, in the scenario's order."""
    if action.between:
        bound = set(action.between)
    elif action.other == ALL:
        bound = {d.id for d in state.scenario.actors}
    else:
        bound = {action.by, action.other}
    return tuple(d.id for d in state.scenario.delegations if d.id in bound)


def apply_propose(state: ExerciseState, event: Event, action: ProposePause) -> None:
    state.pauses[action.id] = PauseRecord(
        id=action.id, by=action.by, parties=parties(state, action), turns=action.turns,
        scope=tuple(action.scope), proposed_turn=state.turn, seq=event.seq,
        addressed=ALL if action.other == ALL else None)


def check_answer(state: ExerciseState, action: AnswerPause, actor: str,
                 at: float | None) -> AnswerPause:
    require_phase(state, ("exercise",), "answering a pause")
    pause = state.pauses.get(action.pause) if isinstance(action.pause, str) else None
    if pause is None:
        raise ActionRefused(f"no pause {action.pause!r} has been proposed"
                            f"{did_you_mean(action.pause, state.pauses)}")
    if pause.answer:
        raise ActionRefused(f"pause {pause.id} was already answered: {pause.answer}")
    invited = pause.invited
    if action.by not in invited:
        who = " and ".join(invited) if len(invited) <= 2 else ", ".join(invited)
        verb = "answers" if len(invited) == 1 else "answer"
        raise ActionRefused(f"pause {pause.id} was proposed to {who}; only {who} {verb} "
                            f"it (control may answer for {'it' if len(invited) == 1 else 'them'})")
    given = pause.answer_of(action.by)
    if given is not None:
        raise ActionRefused(f"{action.by} already answered pause {pause.id}: {given.answer}")
    answer = actions.choice(action.answer, ("accept", "decline"), "answer")
    return AnswerPause(pause=pause.id, by=action.by, answer=answer)


def apply_answer(state: ExerciseState, event: Event, action: AnswerPause) -> None:
    pause = state.pauses[action.pause]
    pause.answers = (*pause.answers, PauseAnswer(by=action.by, answer=action.answer,
                                                 turn=state.turn, seq=event.seq))
    if pause.answer:  # the last acceptance or a decline settles it
        settle(state, event, frozenset({PAUSE}))
