"""Checks shared by the rules: phase, who acts, which delegation is named."""

from __future__ import annotations

from wargame.errors import ActionRefused
from wargame.engine.actions import CONTROL_ACTORS, FACILITATOR
from wargame.engine.state import ExerciseState
from wargame.engine.action_keys import Action
from wargame.engine.words import did_you_mean
from wargame.model import Delegation


def require_phase(state: ExerciseState, phases: tuple[str, ...], doing: str) -> None:
    if state.phase == "ended":
        raise ActionRefused(f"the exercise has ended; {doing} is no longer possible")
    if state.phase not in phases:
        allowed = " or ".join(phases)
        raise ActionRefused(
            f"{doing} is only possible in the {allowed} phase "
            f"(the exercise is in the {state.phase} phase)")


def check_actor(state: ExerciseState, action: Action, actor: str) -> None:
    """The facilitator (or a script) may do anything; a delegation acts only as itself."""
    if actor in CONTROL_ACTORS:
        return
    if not state.scenario.has_delegation(actor):
        names = [*CONTROL_ACTORS, *(d.id for d in state.scenario.delegations)]
        raise ActionRefused(f"unknown actor {actor!r}{did_you_mean(actor, names)}")
    if action.CONTROL_ONLY:
        raise ActionRefused(f"{action.KIND} is for the facilitator only; {actor} cannot use it")
    acting = action.acting()
    if acting is not None and acting != actor:
        raise ActionRefused(f"{actor} cannot act for {acting}")


def delegation(state: ExerciseState, value: object, what: str) -> Delegation:
    scenario = state.scenario
    if not isinstance(value, str) or not scenario.has_delegation(value):
        ids = [d.id for d in scenario.delegations]
        raise ActionRefused(f"{what} {value!r} is not a delegation of this scenario"
                            f"{did_you_mean(value, ids)}")
    return scenario.delegation(value)


def mover(state: ExerciseState, value: object, what: str, doing: str) -> Delegation:
    """A delegation that may act in the exercise (observers watch and take notes only)."""
    found = delegation(state, value, what)
    if not found.can_move:
        raise ActionRefused(f"{found.id} is an observer; observers cannot {doing}")
    return found


def author(state: ExerciseState, value: object, what: str) -> str:
    """Who writes a note or answer: the facilitator or a delegation."""
    if value == FACILITATOR:
        return FACILITATOR
    ids = [d.id for d in state.scenario.delegations]
    if not isinstance(value, str) or value not in ids:
        raise ActionRefused(f"{what} {value!r} is neither the facilitator nor a delegation"
                            f"{did_you_mean(value, ids + [FACILITATOR])}")
    return value
