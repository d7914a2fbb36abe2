"""Forms for the simulation cell's voice and the MSEL's timing: ad hoc injects, situation
updates, holds and re-timings, and the facilitator's summary."""

from __future__ import annotations

from textual.app import ComposeResult

from wargame.engine import vocabulary
from wargame.engine.injects import scheduled_turn
from wargame.engine.state import ExerciseState
from wargame.ui.forms import examples
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms.fields import choice, entry, field, prose


def schedulable(state: ExerciseState) -> list[tuple[str, str]]:
    """Unreleased injects that a turn releases (or a hold keeps back), with their timing."""
    options = []
    for inject in state.scenario.injects:
        if inject.id in state.injects:
            continue
        turn = scheduled_turn(state, inject)
        if inject.id in state.held:
            when = "held"
        elif turn is not None:
            when = f"turn {turn}"
        else:
            continue
        options.append((f"{inject.id} · {inject.title} ({when})", inject.id))
    return options


def pair_options(state: ExerciseState) -> list[tuple[str, str]]:
    ids = [d.id for d in state.scenario.delegations]
    return [(f"{a} — {b}", f"{a},{b}") for i, a in enumerate(ids) for b in ids[i + 1:]]


class HoldForm(ActionForm):
    ACTION = vocabulary.Hold
    TITLE = "Hold inject"
    INTRO = "A held inject is not released when its turn opens; re-time it or release it by hand."

    def fields(self) -> ComposeResult:
        options = [o for o in schedulable(self.state) if o[1] not in self.state.held]
        yield field("Inject", choice(options, id="id", prompt="Choose a scheduled inject"
                                     if options else "No scheduled inject is waiting"))


class RetimeForm(ActionForm):
    ACTION = vocabulary.Retime
    TITLE = "Re-time inject"
    INTRO = "The inject is released when the chosen turn opens (a hold is lifted)."

    def fields(self) -> ComposeResult:
        options = schedulable(self.state)
        yield field("Inject", choice(options, id="id", prompt="Choose a scheduled or held inject"
                                     if options else "No scheduled inject is waiting"))
        turns = [(f"turn {t}", str(t)) for t in
                 range(self.state.turn + 1, self.state.scenario.clock.turns + 1)]
        yield field("Release at the start of", choice(turns, id="turn", prompt="Choose a turn"))


class AdHocForm(ActionForm):
    ACTION = vocabulary.AdHoc
    TITLE = "Compose ad hoc inject"
    INTRO = "Released at once and recorded in the MSEL as ad hoc; control notes stay with control."

    def fields(self) -> ComposeResult:
        yield field("Title", entry("title", "e.g. Envoy calls for restraint"))
        yield field("From", entry("from", "A role of the simulation cell, e.g. UN envoy"))
        yield field("To", entry("to", "e.g. " + examples.shared_with(self.state.scenario).split("e.g. ")[-1]), "Delegation ids, comma separated; empty: every delegation")
        yield field("Text", prose("text", "What the delegations are told"))
        yield field("Control notes", prose("control_notes", "For control only"))
        yield field("Effect on", choice(pair_options(self.state), id="between",
                                        prompt="No ladder or channel effect"))
        yield field("Ladder step", entry("step", "e.g. 1 up, -1 down; empty: none", type="integer"))
        yield field("Channel", choice((("up", "up"), ("down", "down")), id="channel",
                                      prompt="No channel change"))


class UpdateForm(ActionForm):
    ACTION = vocabulary.Update
    TITLE = "Send situation update"
    INTRO = "From control; shown on the addressees' screens and in the timeline."

    def fields(self) -> ComposeResult:
        yield field("Update", prose("text", examples.update_text(self.state.scenario)))
        yield field("To", entry("to", ", ".join(d.id for d in self.state.scenario.delegations[:2])),
                    "Delegation ids, comma separated; empty: every delegation and the projector")


class SummaryForm(ActionForm):
    ACTION = vocabulary.Summary
    TITLE = "Write facilitator's summary"
    INTRO = "The debrief opens with it (in every edition); writing it again replaces it."

    def fields(self) -> ComposeResult:
        yield field("Summary", prose("text", "What happened, what held, what to take away"))

    def on_mount(self) -> None:
        if self.state.summary is not None and "text" not in self._initial:
            self.from_model({"text": self.state.summary.text})
