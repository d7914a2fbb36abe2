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
- briefings: each delegation its own. A delegation's screen (``screen_state``) also keeps
  each delegation's objectives and red lines to itself, and drops what the released
  injects expect and do (the evaluator's material).
- events: a viewer may know that an event happened when it may see what the event did
  (``visible_event_seqs``); retractions stay with control.
Ratings, lessons, the improvement plan and hotwash answers are the exercise's shared
conclusions and are shown to every viewer. The rungs of each dyad and whether each
hotline channel is up are the situation everyone is in, so every viewer sees them (a
rung change caused by a withheld move or inject is shown with its cause withheld).
"""

from __future__ import annotations

import attrs

from wargame.errors import WargameError
from wargame.engine.state import DyadState, ExerciseState, Message, MoveRecord, Note, Perception
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


# Events of these kinds concern everyone (the clock, the channels, the shared conclusions).
SHARED_EVENT_KINDS = frozenset({"phase", "next-turn", "end", "channel", "rate", "lesson",
                                "improve", "hotwash"})


def visible_event_seqs(state: ExerciseState, viewer: Viewer) -> set[int]:
    """The events ``viewer`` may know happened: those behind what it may see.

    Retractions and the events they void stay with control: a retraction would say that
    something was there.
    """
    if viewer == CONTROL:
        return {event.seq for event in state.events}
    seen = view_state(state, viewer).state
    seqs = {e.seq for e in state.events
            if e.kind in SHARED_EVENT_KINDS and e.seq not in state.retracted}
    for move in seen.moves.values():
        seqs.add(move.seq)
        if move.decided_seq is not None:
            seqs.add(move.decided_seq)
    for message in seen.messages.values():
        seqs.add(message.seq)
        if message.ack_seq is not None:
            seqs.add(message.ack_seq)
    seqs.update(p.seq for p in seen.perceptions)
    seqs.update(n.seq for n in seen.notes)
    seqs.update(r.seq for r in seen.injects.values() if r.how == "manual")
    return seqs


def screen_scenario(scenario: Scenario, viewer: Viewer, released: set[str]) -> Scenario:
    """The scenario as a non-control screen may hold it.

    Other delegations keep their names and roles but lose their private briefing,
    objectives and red lines; the MSEL shrinks to the released injects the viewer may see,
    without their expected responses and effects (the evaluator's and control's material).
    """
    delegations = tuple(
        d if can_see_briefing(viewer, d) else attrs.evolve(d, briefing="", objectives=(),
                                                            red_lines=())
        for d in scenario.delegations)
    injects = tuple(attrs.evolve(i, expect=(), effects=())
                    for i in scenario.injects if i.id in released)
    return attrs.evolve(scenario, delegations=delegations, injects=injects)


def screen_state(state: ExerciseState, viewer: Viewer) -> ExerciseState:
    """What a delegation's, an observer's or the projector's screen is built from.

    Only what ``viewer`` may see is in it, copied: withheld moves, messages, notes,
    perceptions, unreleased injects and other delegations' briefings are absent rather
    than hidden, so no widget can show them by mistake. Control gets the state itself.
    """
    if viewer == CONTROL:
        return state
    seen = view_state(state, viewer).state
    scenario = screen_scenario(state.scenario, viewer, set(seen.injects))
    return attrs.evolve(
        seen, scenario=scenario,
        moves={k: attrs.evolve(m) for k, m in seen.moves.items()},
        messages={k: attrs.evolve(m) for k, m in seen.messages.items()},
        injects={k: attrs.evolve(r) for k, r in seen.injects.items()},
        perceptions=[attrs.evolve(p) for p in seen.perceptions],
        notes=[attrs.evolve(n) for n in seen.notes],
        dyads={pair: _screen_dyad(seen, dyad) for pair, dyad in seen.dyads.items()},
        channels=dict(seen.channels), routes={},
        ratings=dict(seen.ratings), lessons=list(seen.lessons),
        improvements=list(seen.improvements), hotwash=list(seen.hotwash),
        phase_ts=dict(seen.phase_ts))


def _screen_dyad(seen: ExerciseState, dyad: DyadState) -> DyadState:
    """A dyad with the causes of its rung changes withheld when they name a withheld item."""
    history = []
    for change in dyad.history:
        kind, _, ident = change.cause.partition(":")
        hidden = (kind == "move" and ident not in seen.moves) or (
            kind == "inject" and ident not in seen.injects)
        history.append(attrs.evolve(change, cause="withheld" if hidden else change.cause))
    return attrs.evolve(dyad, history=history)
