"""One timeline event in full, with the follow-up actions that make sense for it."""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wargame.engine.state import Event, ExerciseState
from wargame.ui.describe import clock_text, describe_event
from wargame.ui.styles import FORMS_CSS
from wargame.ui.text import assemble, plain

FollowUp = tuple[str, dict]


class EventDetails(ModalScreen[FollowUp | None]):
    CSS_PATH = FORMS_CSS  # loaded the first time a form opens
    BINDINGS = [Binding("escape", "dismiss", "Close", id="details.close")]

    def __init__(self, event: Event, state: ExerciseState, reference: str) -> None:
        super().__init__(classes="action-form")
        self.event = event
        self._state = state
        self._reference = reference

    def compose(self) -> ComposeResult:
        event, state = self.event, self._state
        lines = [
            assemble(("What: ", "bold"), describe_event(event, state)),
            assemble(("Who: ", "bold"), event.actor,
                             ("  When: ", "bold"), time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(event.ts)),
                             f" (exercise clock {clock_text(event.at)})" if event.at is not None else ""),
        ]
        for key, value in event.payload.items():
            if key != "at":
                lines.append(assemble((f"{key}: ", "$text-muted"), str(value)))
        if event.seq in state.retracted:
            lines.append(plain(f"✗ Retracted: {state.retracted[event.seq]}", "bold $text-error"))
        with Vertical(id="form"):
            yield Static(plain(f"Event #{event.seq} · {event.kind}"), id="form-title")
            with VerticalScroll(id="form-body"):
                yield Static(plain("\n").join(lines))
            with Horizontal(id="form-buttons"):
                for action, label in self._follow_ups():
                    yield Button(label, id=f"follow-{action}")
                yield Button("Close", variant="primary", id="details-close")

    def _follow_ups(self) -> list[tuple[str, str]]:
        event, state = self.event, self._state
        found = []
        move = state.moves.get(self._reference) if event.kind == "move" else None
        if move is not None and move.status == "pending":
            found.append(("adjudicate", "Adjudicate…"))
        if move is not None and move.status != "retracted":
            found.append(("perceive", "Record perception…"))
        message = state.messages.get(self._reference) if event.kind == "hotline" else None
        if message is not None and not message.acknowledged:
            found.append(("ack", "Acknowledge…"))
        if event.seq not in state.retracted and event.kind not in ("retract", "phase", "end"):
            found.append(("retract", "Retract…"))
        return found

    @on(Button.Pressed)
    def _pressed(self, pressed: Button.Pressed) -> None:
        button_id = pressed.button.id or ""
        if not button_id.startswith("follow-"):
            self.dismiss(None)
            return
        action = button_id.removeprefix("follow-")
        key = {"retract": "event", "adjudicate": "move", "perceive": "move", "ack": "message"}[action]
        self.dismiss((action, {key: self._reference}))
