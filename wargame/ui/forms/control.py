"""Forms for the facilitator's control: release an inject, add a note, retract an event."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from wargame.engine import vocabulary
from wargame.engine.state import ExerciseState
from wargame.ui.describe import describe_event, inject_schedule, recipients_text
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms import examples
from wargame.ui.forms.fields import choice, entry, field, prose, radio
from wargame.ui.forms.moves import VISIBILITY_OPTIONS
from wargame.ui.text import plain


class ReleaseInjectForm(ActionForm):
    ACTION = vocabulary.Inject
    TITLE = "Release inject"

    def fields(self) -> ComposeResult:
        waiting = [i for i in self.state.scenario.injects if i.id not in self.state.injects]
        options = [(f"{i.id} · {i.title} ({inject_schedule(self.state.scenario, i.id)})", i.id)
                   for i in waiting]
        yield field("Inject", choice(options, id="id",
                                     prompt="Choose an inject" if options else "Every inject is released"))
        yield Static(id="inject-info", classes="field-hint")

    @on(Select.Changed, "#id")
    def _inject_chosen(self, event: Select.Changed) -> None:
        scenario = self.state.scenario
        if not any(i.id == event.value for i in scenario.injects):
            return
        inject = scenario.inject(str(event.value))
        self.query_one("#inject-info", Static).update(plain(
            f"From {inject.source or 'control'} to {recipients_text(scenario, inject.to)}: {inject.text.strip()}"
            + (f"\nControl notes: {inject.control_notes}" if inject.control_notes else "")))


class NoteForm(ActionForm):
    ACTION = vocabulary.Note
    TITLE = "Add note"

    def fields(self) -> ComposeResult:
        authors = [("Facilitator", "facilitator")] + [
            (f"{d.name} ({d.id})", d.id) for d in self.state.scenario.delegations]
        yield field("By", choice(authors, id="by", allow_blank=False))
        yield field("Note", prose("text", examples.note_text(self.state.scenario)))
        yield field("Visibility", radio(VISIBILITY_OPTIONS, id="visibility", value="private"),
                    "private: the author and control; parties: also the delegations it is "
                    "shared with; public: everyone, and the public debrief")
        yield field("Shared with", entry("to", examples.shared_with(self.state.scenario)),
                    "The delegations a parties note is shared with")


def find_event(state: ExerciseState, reference: str) -> str:
    """What a retraction reference points at, in words (empty when it matches nothing)."""
    reference = reference.strip()
    if not reference:
        return ""
    if reference in state.moves:
        seq = state.moves[reference].seq
    elif reference in state.messages:
        seq = state.messages[reference].seq
    elif reference.isdigit():
        seq = int(reference)
    else:
        return ""
    for event in state.events:
        if event.seq == seq:
            return f"#{event.seq} {event.kind}: {describe_event(event, state)}"
    return ""


class RetractForm(ActionForm):
    ACTION = vocabulary.Retract
    TITLE = "Retract event"
    INTRO = "A retracted event counts as if it never happened; it stays in the log, struck through."

    def fields(self) -> ComposeResult:
        yield field("Event", entry("event", "a move id (m3), a message id (h2) or an event number"))
        yield Static(id="event-info", classes="field-hint")
        yield field("Reason", entry("reason", "e.g. Entered for the wrong delegation"))

    @on(Input.Changed, "#event")
    def _event_typed(self, event: Input.Changed) -> None:
        found = find_event(self.state, event.value)
        self.query_one("#event-info", Static).update(plain(found or "Matches no move, message or event yet."))
