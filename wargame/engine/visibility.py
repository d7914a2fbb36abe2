"""The transparency rules: who may see what. The one place they are written.

A viewer is ``"control"`` (the facilitator, who sees everything), a delegation id, or
``"public"`` (the projector and the public debrief). Every surface but control's (the
delegation, observer and projector screens, their notifications, ``export --as`` and the
public debrief) is built from :func:`view_state` / :func:`screen_state`.

Three levels for moves, notes and perceptions: ``public`` (everyone), ``parties`` (the
author, the target or targets, and control) and ``private`` (the author and control; a
private note by the facilitator is control's alone). The targets are a move's ``target``,
a note's ``to`` and, for a perception, the delegation whose move it reads.

- adjudication gates moves: a pending or rejected move is its mover's and control's only;
  others see an approved move at its level, an amended one as amended (category, step and
  text as amended, never the original, nor control's note).
- retraction: a retracted event of any kind is control's alone, as if it never happened
  (the fold drops what it did; a retracted move is kept on record for control only).
- hotline messages: a delegation sees the messages whose route passes through it (it
  sent, received or relayed them; a relay sees only that it passed when the charter says
  ``relay_sees: passage``); the public sees no hotline traffic. With manual relays a
  message is seen by each delegation on its route once it has reached it (the recipient
  once delivered; the sender sees where it waits), and the relays' notes go with it.
- injects: a delegation sees the released injects addressed to it or to all; the public
  those addressed to all. Unreleased injects (the rest of the MSEL) and every inject's
  ``control_notes`` are control's alone.
- perceptions: private by default; never a reading of a move the viewer may not see.
- briefings: each delegation its own. A delegation's screen (``screen_state``) also keeps
  each delegation's objectives and red lines to itself, and drops what the released
  injects expect and do (the evaluator's material).
- events: a viewer may know that an event happened when it may see what the event did
  (``visible_event_seqs``); retractions stay with control.
- control's levers: a situation update goes to its addressees (the public sees one
  addressed to all); an inject composed on the spot is an inject like any other; holds
  and re-timings of the MSEL are control's alone; a paused timebox is paused for all.
- pause moments: those a pause concerns (its parties, and the mediator who brokered it)
  see it, its proposal and every answer; with the charter's ``public_pauses``, everyone
  sees an accepted one. A viewer judges whether it was violated from the moves it may see.
Ratings, lessons, the improvement plan, hotwash answers and the facilitator's summary are
the exercise's shared
conclusions and are shown to every viewer. The rungs of each dyad and whether each
hotline channel is up are the situation everyone is in, so every viewer sees them (a
rung change caused by a withheld move or inject is shown with its cause withheld), save
observers when the charter says ``observers_see_ladder: false``.

The scenario's charter (:class:`wargame.model.transparency.Transparency`) holds what the
rules leave open; :func:`audiences` words what each audience saw, for the debrief.
"""

from __future__ import annotations

from typing import Iterable

import attrs

from wargame.errors import WargameError
from wargame.engine.state import (
    DyadState, ExerciseState, Message, MoveRecord, Note, PauseRecord, Perception,
    SituationUpdate,
)
from wargame.engine.pauses import involved
from wargame.engine.words import did_you_mean
from wargame.model import Delegation, Inject, Scenario
from wargame.viewers import CONTROL, PUBLIC, Viewer


def check_viewer(scenario: Scenario, viewer: str | None) -> Viewer:
    """The viewer named on a command line: control (the default), public or a delegation."""
    if viewer in (None, CONTROL, "facilitator"):
        return CONTROL
    if viewer == PUBLIC or scenario.has_delegation(viewer):
        return viewer
    names = [CONTROL, PUBLIC] + [d.id for d in scenario.delegations]
    raise WargameError(f"unknown viewer {viewer!r}: expected control, public or a delegation"
                       f"{did_you_mean(viewer, names)}")


def in_audience(visibility: str, viewer: Viewer, author: str, parties: Iterable[str]) -> bool:
    """The three levels, for a viewer other than control who is not the author."""
    if visibility == "public":
        return True
    if visibility == "parties":
        return viewer != PUBLIC and viewer in parties
    return False


def move_parties(move: MoveRecord) -> tuple[str, ...]:
    return (move.target,) if move.target else ()


def level_admits(viewer: Viewer, move: MoveRecord) -> bool:
    """Whether a move's level admits the viewer, whatever its adjudication.

    A perception may be recorded on that basis (the facilitator often enters readings
    before adjudicating); it is shown only once the move itself is (can_see_perception).
    """
    return viewer in (CONTROL, move.by) or in_audience(move.visibility, viewer, move.by,
                                                         move_parties(move))


def can_see_move(state: ExerciseState, viewer: Viewer, move: MoveRecord) -> bool:
    if viewer == CONTROL:
        return True
    if move.status == "retracted":
        return False
    if move.by == viewer:
        return True
    if move.status in ("pending", "rejected"):
        return False
    return in_audience(move.visibility, viewer, move.by, move_parties(move))


def seen_move(move: MoveRecord, viewer: Viewer) -> MoveRecord:
    """A visible move as ``viewer`` may hold it: others see an amended move as amended."""
    if viewer in (CONTROL, move.by):
        return attrs.evolve(move)
    intent = move.category if move.amended else move.intent
    return attrs.evolve(move, amended=False, original_category="", original_text="",
                        decision_note="", intent=intent)


def can_see_message(state: ExerciseState, viewer: Viewer, message: Message) -> bool:
    """The delegations on its route once it has reached them: with manual relays a relay
    sees it when it arrives there and the recipient once delivered; the sender always."""
    if viewer == CONTROL:
        return True
    if viewer == PUBLIC or viewer not in message.route:
        return False
    return message.route.index(viewer) <= message.reached


def seen_message(state: ExerciseState, viewer: Viewer, message: Message) -> Message:
    """A relay sees the text of what it passes on unless the charter says only that it passed."""
    relaying = viewer not in (CONTROL, message.sender, message.recipient)
    if relaying and state.scenario.transparency.relay_sees == "passage":
        return attrs.evolve(message, text="", ack_text="")
    return attrs.evolve(message)


def can_see_note(state: ExerciseState, viewer: Viewer, note: Note) -> bool:
    if viewer == CONTROL or note.by == viewer:
        return True
    return in_audience(note.visibility, viewer, note.by, note.to)


def can_see_update(viewer: Viewer, update: SituationUpdate) -> bool:
    """An update with no addressees goes to every delegation and the projector."""
    return viewer == CONTROL or not update.to or viewer in update.to


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
    """A reading of a move: its author, and by its level (``parties``: the move's mover);
    never a reading of a move the viewer may not see."""
    if viewer == CONTROL:
        return True
    move = state.moves.get(perception.move)
    if move is None or not can_see_move(state, viewer, move):
        return False
    return perception.by == viewer or in_audience(perception.visibility, viewer, perception.by, (move.by,))


def can_see_pause(state: ExerciseState, viewer: Viewer, pause: PauseRecord) -> bool:
    """A pause moment concerns its parties and the mediator who brokered it; everyone
    sees it once accepted when the charter says ``public_pauses``."""
    if viewer == CONTROL or viewer in involved(pause):
        return True
    return state.scenario.transparency.public_pauses and pause.answer == "accept"


def can_see_briefing(viewer: Viewer, delegation: Delegation) -> bool:
    return viewer in (CONTROL, delegation.id)


def sees_ladder(scenario: Scenario, viewer: Viewer) -> bool:
    """Observers see the rungs unless the charter says otherwise; everyone else does."""
    if viewer in (CONTROL, PUBLIC) or not scenario.has_delegation(viewer):
        return True
    if scenario.delegation(viewer).role != "observer":
        return True
    return scenario.transparency.observers_see_ladder


@attrs.frozen
class View:
    state: ExerciseState  # only what the viewer may see
    withheld: dict[str, int]  # how many items of each kind were left out


def view_state(state: ExerciseState, viewer: Viewer) -> View:
    """The state as ``viewer`` may see it: withheld items are simply absent."""
    if viewer == CONTROL:
        return View(state, {"moves": 0, "messages": 0, "notes": 0, "perceptions": 0,
                            "injects": 0})
    moves = {k: seen_move(m, viewer) for k, m in state.moves.items()
             if can_see_move(state, viewer, m)}
    messages = {k: seen_message(state, viewer, m) for k, m in state.messages.items()
                if can_see_message(state, viewer, m)}
    notes = [n for n in state.notes if can_see_note(state, viewer, n)]
    perceptions = [p for p in state.perceptions if can_see_perception(state, viewer, p)]
    injects = {k: r for k, r in state.injects.items()
               if can_see_inject(state, viewer, state.scenario.inject(k))}
    live_moves = sum(1 for m in state.moves.values() if m.status != "retracted")
    withheld = {
        "moves": live_moves - len(moves),
        "messages": len(state.messages) - len(messages),
        "notes": len(state.notes) - len(notes),
        "perceptions": len(state.perceptions) - len(perceptions),
        "injects": len(state.injects) - len(injects),
    }
    dyads = state.dyads if sees_ladder(state.scenario, viewer) else {}
    visible = attrs.evolve(state, moves=moves, messages=messages, notes=notes,
                           perceptions=perceptions, injects=injects, dyads=dyads,
                           **shared_fields(state, viewer))
    return View(visible, withheld)


def shared_fields(state: ExerciseState, viewer: Viewer) -> dict[str, object]:
    """A non-control view's fields besides the records filtered one by one (moves,
    messages, notes, perceptions, injects, dyads): withheld, filtered or copied.

    ``view_state`` and the screens' incremental projection both take them from here, so a
    field added to the state is withheld from every screen in one place.
    """
    return dict(
        # The raw log, retraction reasons and void events would reveal what is withheld;
        # holds, re-timings and the ad hoc MSEL are control's.
        events=[], retracted={}, retracted_messages={}, void={}, held={}, retimed={},
        adhoc={}, routes={},
        updates=[attrs.evolve(u) for u in state.updates if can_see_update(viewer, u)],
        channels=dict(state.channels), ratings=dict(state.ratings),
        lessons=list(state.lessons), improvements=list(state.improvements),
        hotwash=list(state.hotwash),
        pauses={k: attrs.evolve(p) for k, p in state.pauses.items()
                if can_see_pause(state, viewer, p)},
        phase_ts=dict(state.phase_ts))


# Events of these kinds concern everyone (the clock, the channels, the shared conclusions).
SHARED_EVENT_KINDS = frozenset({"phase", "next-turn", "end", "channel", "rate", "lesson",
                                "improve", "hotwash", "pause", "resume", "summary"})


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
        seqs.update(hop.seq for hop in message.relays)
        if message.ack_seq is not None:
            seqs.add(message.ack_seq)
    seqs.update(p.seq for p in seen.perceptions)
    seqs.update(n.seq for n in seen.notes)
    seqs.update(r.seq for r in seen.injects.values() if r.how in ("manual", "ad hoc"))
    seqs.update(u.seq for u in seen.updates)
    for pause in seen.pauses.values():  # those it concerns (or all, once accepted)
        seqs.add(pause.seq)
        seqs.update(a.seq for a in pause.answers)
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
    injects = tuple(attrs.evolve(i, expect=(), effects=(), control_notes="")
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
        moves=dict(seen.moves), messages=dict(seen.messages),
        injects={k: attrs.evolve(r) for k, r in seen.injects.items()},
        perceptions=[attrs.evolve(p) for p in seen.perceptions],
        notes=[attrs.evolve(n) for n in seen.notes],
        dyads={pair: _screen_dyad(seen, dyad) for pair, dyad in seen.dyads.items()})


def _screen_dyad(seen: ExerciseState, dyad: DyadState) -> DyadState:
    """A dyad with the causes of its rung changes withheld when they name a withheld item."""
    history = []
    for change in dyad.history:
        kind, _, ident = change.cause.partition(":")
        hidden = (kind == "move" and ident not in seen.moves) or (
            kind == "inject" and ident not in seen.injects)
        history.append(attrs.evolve(change, cause="withheld" if hidden else change.cause))
    return attrs.evolve(dyad, history=history)


def audiences(scenario: Scenario) -> list[tuple[str, str]]:
    """What each audience saw, in words: the rules above with the scenario's charter."""
    charter = scenario.transparency
    relay = ("the text of those it relays" if charter.relay_sees == "text"
             else "only that a message it relays passed, not its text")
    if scenario.relay == "manual":
        relay += (" (relayed by hand: a message reaches each delegation on its way, and its "
                  "recipient, only once passed on, with the relays' notes)")
    observers = [d for d in scenario.delegations if d.role == "observer"]
    lines = [
        ("Control", "everything, including pending, rejected and retracted entries, private "
                    "notes, the whole MSEL and its control notes."),
        ("Each delegation", "its own briefing, objectives and red lines; public moves, notes "
                            "and perceptions once approved; those shared between the parties "
                            "when it is one of them; its own entries in every state; the "
                            "hotline messages it sent or received, and " + relay + "; the "
                            "released injects addressed to it; the rungs and channels. Retracted "
                            "entries are gone, as if never made."),
    ]
    if observers:
        ladder = "the rungs and channels" if charter.observers_see_ladder else \
            "the channels but not the rungs"
        lines.append(("Observers", f"public moves, notes and perceptions once approved, the "
                                   f"released injects addressed to all, and {ladder}."))
    counts = ("counts and timings of hotline traffic" if charter.public_hotline_counts
              else "no hotline traffic, not even its counts")
    objectives = ("each delegation's objectives and red lines" if charter.public_objectives
                  else "no delegation's objectives or red lines")
    lines.append(("The public (projector and public debrief)",
                  "approved public moves as adjudicated, public notes and perceptions, the "
                  "released injects addressed to all, the rungs and channels"
                  + (", accepted pause moments" if charter.public_pauses else "")
                  + "; in the debrief "
                  f"{objectives} and {counts}. Withheld entries are counted, never quoted."))
    return lines
