"""The transparency rules: who may see what. The one place they are written.

A viewer is ``"control"`` (the facilitator, who sees everything), a delegation id, or
``"public"`` (the projector and the public debrief).

- moves: a delegation sees public moves and all of its own; the public sees public moves.
- hotline messages: a delegation sees the messages whose route passes through it (it
  sent, received or relayed them); the public sees no hotline traffic.
- notes: a delegation sees public notes and its own; the public sees public notes.
- injects: a delegation sees the released injects addressed to it or to all; the public
  those addressed to all. Unreleased injects (the rest of the MSEL) are control's alone.
- perceptions: each delegation sees its own readings; the public none.
- briefings: each delegation its own.
Ratings, lessons, the improvement plan and hotwash answers are the exercise's shared
conclusions and are shown to every viewer. The rungs of each dyad and whether each
hotline channel is up are the situation everyone is in, so every viewer sees them (a
rung change caused by a withheld move or inject is shown with its cause withheld).
"""

from __future__ import annotations

import attrs

from wargame.errors import WargameError
from wargame.engine.state import ExerciseState, Message, MoveRecord, Note, Perception
from wargame.engine.words import did_you_mean
from wargame.model import Delegation, Inject, Scenario

Viewer = str
CONTROL = "control"
PUBLIC = "public"


def check_viewer(scenario: Scenario, viewer: str | None) -> Viewer:
    """The viewer named on a command line: control (the default), public or a delegation."""
    if viewer in (None, CONTROL, "facilitator"):
        return CONTROL
    if viewer == PUBLIC or scenario.has_delegation(viewer):
        return viewer
    names = [CONTROL, PUBLIC] + [d.id for d in scenario.delegations]
    raise WargameError(f"unknown viewer {viewer!r}: expected control, public or a delegation"
                       f"{did_you_mean(viewer, names)}")


def can_see_move(state: ExerciseState, viewer: Viewer, move: MoveRecord) -> bool:
    if viewer == CONTROL or move.visibility == "public":
        return True
    return move.by == viewer


def can_see_message(state: ExerciseState, viewer: Viewer, message: Message) -> bool:
    if viewer == CONTROL:
        return True
    return viewer != PUBLIC and viewer in message.route


def can_see_note(state: ExerciseState, viewer: Viewer, note: Note) -> bool:
    if viewer == CONTROL or note.visibility == "public":
        return True
    return note.by == viewer


def addressed_to_all(scenario: Scenario, inject: Inject) -> bool:
    if "all" in inject.to:
        return True
    return {d.id for d in scenario.delegations} <= set(inject.to)


def can_see_inject(state: ExerciseState, viewer: Viewer, inject: Inject) -> bool:
    """Whether the viewer may know of this inject (non-control viewers: released ones only)."""
    if viewer == CONTROL:
        return True
    if inject.id not in state.injects:
        return False
    return addressed_to_all(state.scenario, inject) or viewer in inject.to


def can_see_perception(state: ExerciseState, viewer: Viewer, perception: Perception) -> bool:
    return viewer == CONTROL or perception.by == viewer


def can_see_briefing(viewer: Viewer, delegation: Delegation) -> bool:
    return viewer in (CONTROL, delegation.id)


@attrs.frozen
class View:
    state: ExerciseState  # only what the viewer may see
    withheld: dict[str, int]  # how many items of each kind were left out


def view_state(state: ExerciseState, viewer: Viewer) -> View:
    """The state as ``viewer`` may see it: withheld items are simply absent."""
    if viewer == CONTROL:
        return View(state, {"moves": 0, "messages": 0, "notes": 0, "perceptions": 0,
                            "injects": 0})
    moves = {k: m for k, m in state.moves.items() if can_see_move(state, viewer, m)}
    messages = {k: m for k, m in state.messages.items() if can_see_message(state, viewer, m)}
    notes = [n for n in state.notes if can_see_note(state, viewer, n)]
    perceptions = [p for p in state.perceptions if can_see_perception(state, viewer, p)]
    injects = {k: r for k, r in state.injects.items()
               if can_see_inject(state, viewer, state.scenario.inject(k))}
    withheld = {
        "moves": len(state.moves) - len(moves),
        "messages": len(state.messages) - len(messages),
        "notes": len(state.notes) - len(notes),
        "perceptions": len(state.perceptions) - len(perceptions),
        "injects": len(state.injects) - len(injects),
    }
    # The raw log, retraction reasons and void events would reveal what is withheld.
    visible = attrs.evolve(state, moves=moves, messages=messages, notes=notes,
                           perceptions=perceptions, injects=injects, events=[], retracted={},
                           retracted_messages={}, void={})
    return View(visible, withheld)
