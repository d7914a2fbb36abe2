"""The control cell's levers during play: the timebox paused and resumed, scheduled injects
held or re-timed, injects composed on the spot, situation updates and the facilitator's
summary.

Each is an event in the log, so every screen (control's, the delegations', the projector's)
folds to the same answer: a paused timebox is paused everywhere.
"""

from __future__ import annotations

import attrs

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import delegation, require_phase
from wargame.engine.injects import release, scheduled_turn, settle
from wargame.engine.state import Event, ExerciseState, FacilitatorSummary, SituationUpdate
from wargame.engine.vocabulary import (
    AdHoc, Hold, Pause, Resume, Retime, Summary, Update,
)
from wargame.engine.words import did_you_mean
from wargame.model import ChannelEffect, Inject, Scenario, ShiftEffect
from wargame.model.scenario import CHANNEL_STATUSES

ADHOC = "ad hoc"  # how an inject composed on the spot is released (InjectRelease.how)


# -- the timebox ----------------------------------------------------------------------------

def check_pause(state: ExerciseState, action: Pause, actor: str, at: float | None) -> Pause:
    require_phase(state, ("exercise",), "pausing the timebox")
    if state.paused_ts is not None:
        raise ActionRefused("the timebox is already paused; use resume")
    return Pause(reason=actions.optional_text(action.reason, "the reason"))


def apply_pause(state: ExerciseState, event: Event, action: Pause) -> None:
    state.paused_ts = event.ts


def check_resume(state: ExerciseState, action: Resume, actor: str, at: float | None) -> Resume:
    require_phase(state, ("exercise",), "resuming the timebox")
    if state.paused_ts is None:
        raise ActionRefused("the timebox is not paused")
    return action


def apply_resume(state: ExerciseState, event: Event, action: Resume) -> None:
    if state.paused_ts is not None:
        state.turn_paused += max(0.0, event.ts - state.paused_ts)
    state.paused_ts = None


def paused_seconds(state: ExerciseState, now: float) -> float:
    """Wall-clock seconds the current turn's timebox has spent paused, up to ``now``."""
    current = max(0.0, now - state.paused_ts) if state.paused_ts is not None else 0.0
    return state.turn_paused + current


# -- scheduled injects ----------------------------------------------------------------------

def _unreleased(state: ExerciseState, inject_id: object, doing: str) -> Inject:
    ids = [inject.id for inject in state.scenario.injects]
    if not isinstance(inject_id, str) or inject_id not in ids:
        raise ActionRefused(f"no inject {inject_id!r} in this scenario{did_you_mean(inject_id, ids)}")
    done = state.injects.get(inject_id)
    if done is not None:
        raise ActionRefused(f"inject {inject_id} was already released in turn "
                            f"{done.released_turn} ({done.how}); it cannot be {doing}")
    return state.scenario.inject(inject_id)


def check_hold(state: ExerciseState, action: Hold, actor: str, at: float | None) -> Hold:
    require_phase(state, ("plan", "exercise"), "holding an inject")
    inject = _unreleased(state, action.id, "held")
    if inject.id in state.held:
        raise ActionRefused(f"inject {inject.id} is already held; re-time it or release it")
    if scheduled_turn(state, inject) is None:
        raise ActionRefused(f"inject {inject.id} is not scheduled for a turn; only scheduled "
                            "injects are held (a conditional one waits for its condition)")
    return Hold(id=inject.id)


def apply_hold(state: ExerciseState, event: Event, action: Hold) -> None:
    state.held[action.id] = event.seq


def check_retime(state: ExerciseState, action: Retime, actor: str, at: float | None) -> Retime:
    require_phase(state, ("plan", "exercise"), "re-timing an inject")
    inject = _unreleased(state, action.id, "re-timed")
    turn = actions.integer(action.turn, "turn")
    last = state.scenario.clock.turns
    if not 1 <= turn <= last:
        raise ActionRefused(f"turn {turn} is outside the exercise (turns 1 to {last})")
    if turn <= state.turn:
        raise ActionRefused(f"turn {turn} has already opened (this is turn {state.turn}); "
                            "to release it now use inject")
    return Retime(id=inject.id, turn=turn)


def apply_retime(state: ExerciseState, event: Event, action: Retime) -> None:
    state.held.pop(action.id, None)
    state.retimed[action.id] = action.turn


# -- the simulation cell's voice ------------------------------------------------------------

def _addressees(state: ExerciseState, value: object) -> list[str]:
    """``to``: one delegation id or a list; nothing means every delegation."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise ActionRefused(f"to must be a delegation or a list of delegations, got {value!r}")
    return list(dict.fromkeys(delegation(state, item, "to").id for item in items))


def _next_adhoc_id(state: ExerciseState) -> str:
    taken = {inject.id for inject in state.scenario.injects}
    number = 1
    while f"adhoc-{number}" in taken:
        number += 1
    return f"adhoc-{number}"


def check_adhoc(state: ExerciseState, action: AdHoc, actor: str, at: float | None) -> AdHoc:
    require_phase(state, ("exercise",), "releasing an ad hoc inject")
    inject_id = action.id if action.id is not None else _next_adhoc_id(state)
    if not isinstance(inject_id, str) or not inject_id.strip():
        raise ActionRefused(f"id must be a short name such as adhoc-1, got {inject_id!r}")
    if any(inject.id == inject_id for inject in state.scenario.injects):
        raise ActionRefused(f"there is already an inject {inject_id!r} in the MSEL")
    between, step, channel = action.between, action.step, action.channel
    if (step is not None or channel is not None) and between is None:
        raise ActionRefused("step and channel need between: the two delegations they apply to")
    pair = None
    if between is not None:
        if not isinstance(between, (list, tuple)) or len(between) != 2:
            raise ActionRefused(f"between must name two delegations, got {between!r}")
        pair = [delegation(state, name, "between").id for name in between]
        if step is None and channel is None:
            raise ActionRefused("between goes with step (a ladder effect) or channel (up or down)")
    if step is not None:
        step = actions.integer(step, "step")
    if channel is not None:
        channel = actions.choice(channel, CHANNEL_STATUSES, "channel")
        if pair is not None and state.scenario.channel(*pair) is None:
            raise ActionRefused(f"no hotline channel between {pair[0]} and {pair[1]}")
    return AdHoc(
        id=inject_id, title=actions.text(action.title, "the title"),
        source=actions.optional_text(action.source, "from"),
        to=_addressees(state, action.to) or None,
        text=actions.text(action.text, "the inject's text"),
        control_notes=actions.optional_text(action.control_notes, "the control notes"),
        between=pair, step=step, channel=channel)


def adhoc_inject(scenario: Scenario, action: AdHoc) -> Inject:
    """The MSEL entry of an inject composed on the spot (a contingency, released by hand)."""
    effects = []
    if action.between is not None and action.step is not None:
        effects.append(ShiftEffect(between=tuple(action.between), step=action.step))
    if action.between is not None and action.channel is not None:
        channel = scenario.channel(*action.between)
        effects.append(ChannelEffect(between=tuple(channel.between), status=action.channel))
    to = tuple(action.to) if action.to else tuple(d.id for d in scenario.delegations)
    return Inject(id=action.id, title=action.title, text=action.text, source=action.source or "",
                  to=to, effects=tuple(effects), control_notes=action.control_notes or "",
                  delivery=ADHOC)


def apply_adhoc(state: ExerciseState, event: Event, action: AdHoc) -> None:
    inject = adhoc_inject(state.scenario, action)
    state.adhoc[inject.id] = inject
    if not any(i.id == inject.id for i in state.scenario.injects):
        # Into the MSEL: from now on it is an inject like any other.
        state.scenario = attrs.evolve(state.scenario, injects=(*state.scenario.injects, inject))
    release(state, inject, ADHOC, event)
    settle(state, event)


def planned_scenario(state: ExerciseState) -> Scenario:
    """The scenario as loaded, without the injects composed during play (to fold afresh)."""
    if not state.adhoc:
        return state.scenario
    return attrs.evolve(state.scenario, injects=tuple(
        i for i in state.scenario.injects if i.id not in state.adhoc))


def check_update(state: ExerciseState, action: Update, actor: str, at: float | None) -> Update:
    require_phase(state, ("plan", "exercise"), "sending a situation update")
    return Update(text=actions.text(action.text, "the update"),
                  to=_addressees(state, action.to) or None)


def apply_update(state: ExerciseState, event: Event, action: Update) -> None:
    state.updates.append(SituationUpdate(text=action.text, to=tuple(action.to or ()),
                                         turn=state.turn, seq=event.seq, at=event.at))


def check_summary(state: ExerciseState, action: Summary, actor: str,
                  at: float | None) -> Summary:
    return Summary(text=actions.text(action.text, "the summary"))


def apply_summary(state: ExerciseState, event: Event, action: Summary) -> None:
    state.summary = FacilitatorSummary(text=action.text, seq=event.seq)
