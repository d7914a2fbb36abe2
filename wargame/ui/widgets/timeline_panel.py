"""The timeline panel: filter buttons (delegation, kind) above the event log.

The filters are plain buttons opening a picker on demand: two Select widgets cost more
to build than the rest of the console, and the console must open fast.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from wargame.engine.state import ExerciseState
from wargame.model import Scenario
from wargame.ui.describe import EVENT_KINDS
from wargame.ui.screens.picker import EVERY, Picker
from wargame.ui.text import plain
from wargame.ui.widgets.timeline import EventLog


class TimelinePanel(Vertical):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._who: str | None = None
        self._kind: str | None = None
        self._scenario: Scenario | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Button("Delegation: every ▾", id="timeline-who", compact=True)
            yield Button("Kind: every ▾", id="timeline-kind", compact=True)
        yield EventLog(id="timeline-log")

    @property
    def log(self) -> EventLog:
        return self.query_one(EventLog)

    def show_state(self, state: ExerciseState) -> None:
        self._scenario = state.scenario
        self.log.show_state(state)

    @on(Button.Pressed, "#timeline-who")
    def _pick_delegation(self, pressed: Button.Pressed) -> None:
        pressed.stop()
        if self._scenario is None:
            return
        options = [(f"{d.name} ({d.id})", d.id) for d in self._scenario.delegations]
        self.app.push_screen(Picker("Show events involving", "every delegation", options, self._who),
                             self._delegation_picked)

    @on(Button.Pressed, "#timeline-kind")
    def _pick_kind(self, pressed: Button.Pressed) -> None:
        pressed.stop()
        self.app.push_screen(Picker("Show events of kind", "every kind",
                                    [(k, k) for k in EVENT_KINDS], self._kind), self._kind_picked)

    def _delegation_picked(self, value: str | None) -> None:
        if value is not None:
            self.set_filter(None if value == EVERY else value, self._kind)

    def _kind_picked(self, value: str | None) -> None:
        if value is not None:
            self.set_filter(self._who, None if value == EVERY else value)

    def set_filter(self, who: str | None, kind: str | None) -> None:
        self._who, self._kind = who, kind
        self.query_one("#timeline-who", Button).label = plain(f"Delegation: {who or 'every'} ▾")
        self.query_one("#timeline-kind", Button).label = plain(f"Kind: {kind or 'every'} ▾")
        self.log.set_filter(who, kind)
