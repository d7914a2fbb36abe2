"""The first screen of a browser connection: who are you, and your access code.

Attempts go through the session's access guard (wargame.engine.access_guard): wrong codes
count per viewer across every connection, with a growing wait and a lockout control
lifts, each logged with the time and the connection's address. After ``MAX_ATTEMPTS``
wrong codes this connection closes as well. A viewer with ``MAX_CONNECTIONS`` screens
open gets no other. The projector (public) view needs no code. Codes are checked in a
worker: the first check may create the session's secret.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from wargame.engine import Session
from wargame.engine.access import CODE_LENGTH, check_code
from wargame.engine.access_guard import (
    CLIENT_ADDRESS_VARIABLE, MAX_CONNECTIONS, AccessGuard, check_attempt, open_screens,
)
from wargame.engine.visibility import CONTROL, PUBLIC
from wargame.errors import WargameError
from wargame.ui.text import assemble, plain
from wargame.ui.widgets.options import Options

MAX_ATTEMPTS = 5  # per connection; the guard counts across connections
PAUSE_PER_FAILURE = 1.0  # seconds the code field stays locked, times the failures so far


def client_address() -> str:
    """The address of the browser behind this connection, or "local" in a terminal."""
    return os.environ.get(CLIENT_ADDRESS_VARIABLE, "") or "local"


def viewer_options(session: Session) -> list[Option]:
    options = [Option(assemble((d.name, "bold"), f" ({d.id}) · {d.role}"), id=d.id)
               for d in session.scenario.delegations]
    options.append(Option(assemble(("Projector", "bold"),
                                           " · public information only, no code needed"), id=PUBLIC))
    options.append(Option(assemble(("Control", "bold"), " · the facilitator's console"),
                          id=CONTROL))
    return options


class ChooseViewerScreen(Screen[None]):
    def __init__(self, session: Session, open_view: Callable[[str], None]) -> None:
        super().__init__()
        self.session = session
        self.open_view = open_view
        self.failures = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser"):
            yield Static(assemble(("wargame", "bold $accent"), " · ",
                                          (self.session.scenario.title, "bold")), id="chooser-title")
            yield Static("Whose screen do you want to open?", classes="field-label")
            yield Options(*viewer_options(self.session), id="chooser-viewers")
            yield Static("Access code", classes="field-label")
            with Horizontal(id="chooser-code-row"):
                yield Input(id="chooser-code", password=True, max_length=CODE_LENGTH + 4,
                            placeholder=f"{CODE_LENGTH} characters, from the facilitator",
                            compact=True)
                yield Button("Open", variant="primary", id="chooser-open", compact=True)
            yield Static(id="chooser-error")
            yield Static(plain(
                "↑ ↓ choose · Enter · type your code · Enter. Your code opens your "
                "delegation's screen only: keep it to your delegation.",
                "$text-muted"), id="chooser-hint")

    def on_mount(self) -> None:
        self.query_one("#chooser-viewers", OptionList).highlighted = 0
        self.query_one("#chooser-viewers").focus()

    @property
    def chosen(self) -> str | None:
        option = self.query_one("#chooser-viewers", OptionList).highlighted_option
        return option.id if option is not None else None

    @on(OptionList.OptionSelected, "#chooser-viewers")
    def _viewer_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == PUBLIC:
            self.open_view(PUBLIC)
        else:
            self.query_one("#chooser-code", Input).focus()

    @on(Input.Submitted, "#chooser-code")
    @on(Button.Pressed, "#chooser-open")
    def _submit(self) -> None:
        viewer = self.chosen
        if viewer is None:
            return
        if viewer == PUBLIC:
            self.open_view(PUBLIC)
            return
        self._set_busy(True)
        self._check(viewer, self.query_one("#chooser-code", Input).value)

    @work(thread=True, group="access", exit_on_error=False, description="check the access code")
    def _check(self, viewer: str, typed: str) -> None:
        guard = AccessGuard(self.session.path)
        wrong = []
        try:
            def matches(code: str) -> bool:
                ok = check_code(self.session, viewer, code)
                wrong.append(not ok)
                return ok
            scenario = self.session.scenario
            name = scenario.delegation(viewer).name if scenario.has_delegation(viewer) \
                else "Control"
            refusal = check_attempt(guard, viewer, typed, client_address(), matches, name=name)
            wait = guard.gate(viewer).wait
            if refusal is None and open_screens(self.session.path, viewer) >= MAX_CONNECTIONS:
                refusal = (f"{MAX_CONNECTIONS} screens of {viewer} are open already; close "
                           "one first (the facilitator sees them under presence).")
        except WargameError as error:
            self.app.call_from_thread(self._refused, str(error), 0.0)
            return
        finally:
            guard.close()
        if refusal is None:
            self.app.call_from_thread(self.open_view, viewer)
        elif wrong and wrong[-1]:
            self.app.call_from_thread(self._wrong_code, refusal, wait)
        else:
            self.app.call_from_thread(self._refused, refusal, 0.0)

    def _wrong_code(self, refusal: str, wait: float) -> None:
        self.failures += 1
        if self.failures >= MAX_ATTEMPTS:
            self.app.exit(return_code=1, message="Too many wrong access codes.")
            return
        # The field stays locked while the guard would refuse anyway.
        self._refused(refusal, max(wait, PAUSE_PER_FAILURE * self.failures))

    def _refused(self, message: str, pause: float) -> None:
        error = self.query_one("#chooser-error", Static)
        error.update(plain(f"⚠ {message}", "bold $text-error"))
        self.query_one("#chooser-code", Input).value = ""
        if pause:
            self.set_timer(pause, lambda: self._set_busy(False))
        else:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.query_one("#chooser-code", Input).disabled = busy
        self.query_one("#chooser-open", Button).disabled = busy
        if not busy:
            self.query_one("#chooser-code", Input).focus()
