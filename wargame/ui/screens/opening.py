"""The first frame of ``wargame play``: a status line and the keys, while the session opens.

Opening a session loads the engine, the loader and the scenario and folds the event log:
about as long again as Textual takes to start, and far longer for a big session. So the
app draws this frame first and opens the session in a thread (WargameApp.start_opening);
the screen of the opened session replaces it. Its keys are that screen's own, shown
dimmed: they do nothing until the session is there. The console's frame is
OpeningScreen; a delegation's (``--as``) and the projector's have their own keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from wargame.ui.commands import screen_bindings
from wargame.ui.delegation.keys import DELEGATION_BINDINGS
from wargame.ui.text import assemble


class OpeningScreen(Screen[None]):
    BINDINGS = screen_bindings()

    def __init__(self, scenario_ref: str, session_file: str | None, viewer: str | None = None) -> None:
        super().__init__()
        self.scenario_ref = scenario_ref
        self.session_file = session_file
        self.viewer = viewer  # as typed after --as; None for the console

    def compose(self) -> ComposeResult:
        where = f" {self.session_file}" if self.session_file else " a new session"
        whose = f" as {self.viewer}" if self.viewer else ""
        # The session's screen shows the scenario's title here once it is loaded.
        yield Static(assemble((f" {self.scenario_ref} ", "bold"), " ", (" OPENING ", "bold reverse"),
                              where, whose, "…"), id="opening-status")
        yield Static(assemble(("Opening the session…", "italic")), id="opening-note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # After the first frame has been handed to the terminal, not before it.
        self.call_after_refresh(self.app.start_opening)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None  # every key of the session's screen: shown, dimmed, inert until it opens


class DelegationOpeningScreen(OpeningScreen, inherit_bindings=False):
    """A delegation's or an observer's frame (``--as``): the delegation screen's keys."""

    BINDINGS = DELEGATION_BINDINGS


class WatchingOpeningScreen(OpeningScreen, inherit_bindings=False):
    """The projector's frame, and a browser's before it is asked who is there: no keys."""

    BINDINGS = []
