"""What the session screen's keys, palette entries and clicks do: the engine actions.

Each action either acts at once (advance phase, next turn) or opens its form; the titles
and keys live in wargame.ui.commands. Mixed into SessionScreen, which provides ``live``,
``act`` (the engine, in a worker) and ``_debrief_worker``.
"""

from __future__ import annotations

from typing import Any

from wargame.engine.access import code_lines
from wargame.ui.describe import describe_event, next_phase, reference_of
from wargame.ui.forms import (
    AckForm, ActionForm, AdjudicateForm, AnswerPauseForm, ChannelForm, HotwashForm, ImproveForm,
    LessonForm, MoveForm, NoteForm, PerceiveForm, ProposePauseForm, RateForm, ReleaseInjectForm,
    RetractForm, SendMessageForm,
)
from wargame.ui.widgets.pending import PendingMoves
from wargame.ui.widgets.timeline import EventLog


class SessionActions:
    """The action_* methods of the session screen and the forms they open."""

    def _form_closed(self, event) -> None:
        if event is not None:
            with self.live.reading() as ready:
                if ready:
                    self.notify(describe_event(event, self.live.state), title="Recorded", markup=False)

    def open_form(self, form_class: type[ActionForm], **initial: Any) -> None:
        with self.live.reading() as ready:
            if not ready:
                self.set_timer(0.05, lambda: self.open_form(form_class, **initial))
                return
            form = form_class(self.live.state, self.act, initial)
        self.app.push_screen(form, self._form_closed)

    def action_advance_phase(self) -> None:
        following = next_phase(self.live.state.phase)
        if following is None:
            self.notify("The exercise has ended.", severity="warning")
        elif following == "ended":
            self.act("end", {})
        else:
            self.act("phase", {"to": following})

    def action_next_turn(self) -> None:
        self.act("next-turn", {})

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

    def action_release_inject(self) -> None:
        self.open_form(ReleaseInjectForm)

    def action_add_note(self) -> None:
        self.open_form(NoteForm, by="facilitator")

    def action_retract_event(self) -> None:
        event = self._timeline_event()
        self.open_form(RetractForm, **({"event": reference_of(self.live.state, event)} if event else {}))

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
            return {"move": reference_of(self.live.state, event)}
        return {}

    def _details_closed(self, action: tuple[str, dict] | None) -> None:
        if action is not None:
            name, initial = action
            self.open_form({"retract": RetractForm, "adjudicate": AdjudicateForm,
                            "perceive": PerceiveForm, "ack": AckForm}[name], **initial)
