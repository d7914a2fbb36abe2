"""What the session screen's keys, palette entries and clicks do: the engine actions.

Each action either acts at once (advance phase, next turn) or opens its form; the titles
and keys live in wargame.ui.commands. Mixed into SessionScreen, which provides ``live``,
``state`` (the latest snapshot's), ``act`` (the engine, in a worker) and
``_debrief_worker``.
"""

from __future__ import annotations

from typing import Any

from wargame.engine.access import code_lines
from wargame.ui.describe import describe_event, next_phase, reference_of
from wargame.ui.closing import open_items
from wargame.ui.forms import (
    AckForm, ActionForm, AdHocForm, AdjudicateForm, AnswerPauseForm, ChannelForm, HoldForm,
    HotwashForm, ImproveForm, LessonForm, MoveForm, NoteForm, PerceiveForm, ProposePauseForm,
    RateForm, RelayForm, ReleaseInjectForm, RetimeForm, RetractForm, SendMessageForm,
    SummaryForm, UpdateForm,
)
from wargame.ui.widgets.pending import PendingMoves
from wargame.ui.widgets.timeline import EventLog


class SessionActions:
    """The action_* methods of the session screen and the forms they open."""

    def _form_closed(self, event) -> None:
        if event is not None:
            self.notify(describe_event(event, self.state), title="Recorded")

    def open_form(self, form_class: type[ActionForm], **initial: Any) -> None:
        self.app.push_screen(form_class(self.state, self.act, initial), self._form_closed)

    def action_advance_phase(self) -> None:
        following = next_phase(self.state.phase)
        if following is None:
            self.notify("The exercise has ended.", severity="warning")
            return
        kind, payload = ("end", {}) if following == "ended" else ("phase", {"to": following})
        title = "End the exercise?" if following == "ended" else \
            f"Advance to the {following} phase?"
        self._confirm_closing(title, open_items(self.state, next_turn=False), kind, payload)

    def action_next_turn(self) -> None:
        state = self.state
        if state.phase != "exercise" or state.turn >= state.scenario.clock.turns:
            self.act("next-turn", {})  # the engine says why not, in its words
            return
        self._confirm_closing(f"Close turn {state.turn} and open turn {state.turn + 1}?",
                              open_items(state, next_turn=True), "next-turn", {})

    def _confirm_closing(self, title: str, items: list[str], kind: str, payload: dict) -> None:
        from wargame.ui.screens.confirm import Confirm

        body = ("Still open:\n" + "\n".join(items)) if items else "Nothing is left open."

        def answered(yes: bool | None) -> None:
            if yes:
                self.act(kind, payload)

        self.app.push_screen(Confirm(title, body, "Go ahead"), answered)

    def action_pause_timebox(self) -> None:
        self.act("pause", {})

    def action_resume_timebox(self) -> None:
        self.act("resume", {})

    def action_hold_inject(self) -> None:
        self.open_form(HoldForm)

    def action_retime_inject(self) -> None:
        self.open_form(RetimeForm)

    def action_compose_inject(self) -> None:
        self.open_form(AdHocForm)

    def action_send_update(self) -> None:
        self.open_form(UpdateForm)

    def action_write_summary(self) -> None:
        self.open_form(SummaryForm)

    def action_enter_move(self) -> None:
        self.open_form(MoveForm)

    def action_adjudicate_move(self) -> None:
        pending = self.query(PendingMoves)
        chosen = pending.first().chosen_move() if pending else None
        self.open_form(AdjudicateForm, **({"move": chosen} if chosen else {}))

    def action_record_perception(self) -> None:
        self.open_form(PerceiveForm, **self._timeline_move())

    def action_send_message(self) -> None:
        self.open_form(SendMessageForm)

    def action_acknowledge_message(self) -> None:
        self.open_form(AckForm)

    def action_relay_message(self) -> None:
        self.open_form(RelayForm)

    def action_release_inject(self) -> None:
        self.open_form(ReleaseInjectForm)

    def action_add_note(self) -> None:
        self.open_form(NoteForm, by="facilitator")

    def action_retract_event(self) -> None:
        event = self._timeline_event()
        self.open_form(RetractForm, **({"event": reference_of(self.state, event)} if event else {}))

    def action_set_channel(self) -> None:
        self.open_form(ChannelForm)

    def action_propose_pause(self) -> None:
        self.open_form(ProposePauseForm)

    def action_answer_pause(self) -> None:
        self.open_form(AnswerPauseForm)

    def action_rate_objective(self) -> None:
        self.open_form(RateForm)

    def action_answer_hotwash(self) -> None:
        self.open_form(HotwashForm)

    def action_add_lesson(self) -> None:
        self.open_form(LessonForm)

    def action_add_improvement(self) -> None:
        self.open_form(ImproveForm)

    def action_show_access_codes(self) -> None:
        """On request only: the console may be on the projector, so the codes are never shown unasked."""
        lines = code_lines(self.live.session)
        self.notify("\n".join(lines), title="Access codes for wargame serve (hand out privately)",
                    timeout=30, markup=False)

    def action_render_debrief(self) -> None:
        from wargame.ui.forms.debrief_options import DebriefOptions

        self.app.push_screen(DebriefOptions(), self._debrief_chosen)

    def _debrief_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        self.notify("Rendering the debrief…")
        self._debrief_worker(*choice)

    def _timeline_event(self):
        log = self.query(EventLog)
        return log.first().event_at_cursor() if log else None

    def _timeline_move(self) -> dict[str, Any]:
        event = self._timeline_event()
        if event is not None and event.kind == "move":
            return {"move": reference_of(self.state, event)}
        return {}

    def _details_closed(self, action: tuple[str, dict] | None) -> None:
        if action is not None:
            name, initial = action
            self.open_form({"retract": RetractForm, "adjudicate": AdjudicateForm,
                            "perceive": PerceiveForm, "ack": AckForm}[name], **initial)
