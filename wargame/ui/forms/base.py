"""The action form: a modal that turns typed input into one engine action.

Each form names the typed action it builds (``ACTION``, wargame.engine.vocabulary) and
names its inputs after the action's keys; :mod:`wargame.ui.forms.convert` reads and fills
them for every form, so the UI records exactly what a headless script would. The action
goes to the engine through the session screen's worker; a refusal
comes back as the engine's own words and is shown in the form, which stays open with
everything typed still there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message_pump import MessagePump
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from wargame.engine.state import Event, ExerciseState
from wargame.engine.action_keys import Action
from wargame.ui.forms.convert import FormInvalid, fill, read_action
from wargame.ui.messages import ActionDone
from wargame.ui.styles import FORMS_CSS
from wargame.ui.text import plain

__all__ = ["ActionForm", "FormInvalid", "Submit"]

Submit = Callable[[str, dict[str, Any], MessagePump], None]


class ActionForm(ModalScreen[Event | None]):
    CSS_PATH = FORMS_CSS  # loaded the first time a form opens
    ACTION: ClassVar[type[Action]] = Action
    TITLE: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "submit", "Save", id="form.submit"),
    ]

    def __init__(self, state: ExerciseState, submit: Submit,
                 initial: Mapping[str, Any] | None = None) -> None:
        super().__init__(classes="action-form")
        self.state = state
        self._submit = submit
        self._initial = initial or {}
        self.refusal: str | None = None
        self._answer: ActionDone | None = None  # the engine's answer, kept while covered

    # -- what a form defines ------------------------------------------------------------

    def fields(self) -> ComposeResult:
        """The inputs, each with the id of the action key it fills."""
        raise NotImplementedError

    def to_action(self) -> Action:
        """The typed action from what is typed; FormInvalid when it cannot be built."""
        return read_action(self, self.ACTION)

    def from_model(self, given: Mapping[str, Any]) -> None:
        """Fill the inputs from an action's keys (all of them, or some)."""
        fill(self, self.ACTION, given)

    # -- shared behaviour -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(self.TITLE, id="form-title")
            if self.INTRO:
                yield Static(self.INTRO, id="form-intro")
            with VerticalScroll(id="form-body"):
                yield from self.fields()
            yield Static(id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save", variant="primary", id="form-submit")
                yield Button("Cancel", id="form-cancel")

    def on_mount(self) -> None:
        # Toasts sit over the form's lower half (the move description, the Save button);
        # what they said is in the timeline, so a form opening clears them.
        self.app.clear_notifications()
        if self._initial:
            self.from_model(self._initial)
        self.call_after_refresh(self._focus_first_open_field)

    def _focus_first_open_field(self) -> None:
        """Focus the first field the initial payload did not fill (typing can start at once)."""
        for field in self.query(".field"):
            widget = next((w for w in field.children if w.focusable), None)
            if widget is not None and widget.id not in self._initial:
                widget.focus()
                return

    def show_refusal(self, message: str) -> None:
        self.refusal = message
        error = self.query_one("#form-error", Static)
        error.update(plain(f"⚠ {message}"))
        error.add_class("-shown")

    def action_submit(self) -> None:
        if self.query_one("#form-submit", Button).disabled:
            return  # already waiting for the engine
        try:
            action = self.to_action()
        except FormInvalid as problem:
            self.show_refusal(str(problem))
            return
        warning = self.public_warning(action)
        if warning is not None:
            from wargame.ui.screens.confirm import Confirm

            self.app.push_screen(Confirm("Make it public?", warning, "Make it public"),
                                 lambda yes: self._send(action) if yes else None)
            return
        self._send(action)

    def _send(self, action: Action) -> None:
        self.query_one("#form-submit", Button).disabled = True
        self._submit(action.KIND, action.written(), self)

    def default_visibility(self, action: Action) -> str:
        """The level the item would have had if nobody chose one (notes, readings: private)."""
        return "private"

    def public_warning(self, action: Action) -> str | None:
        """Words for the confirmation when the action turns a private or parties item public."""
        if "visibility" not in action.key_names() or action.get("visibility") != "public":
            return None
        if self.default_visibility(action) == "public":
            return None
        names = ", ".join(d.name for d in self.state.scenario.delegations)
        return (f"Everyone will see it: control, every delegation ({names}), the public view and "
                f"the public debrief. It would otherwise be {self.default_visibility(action)}.")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#form-submit")
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _enter_pressed(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_action_done(self, done: ActionDone) -> None:
        if self.app.screen is not self:
            # Escape pressed right after saving (the form is gone: the action is recorded
            # all the same), or the palette is open above it: dismissing now would close
            # whatever is on top. The answer waits until the form is on top again.
            self._answer = done
            return
        self._answered(done)

    def on_screen_resume(self) -> None:
        done, self._answer = self._answer, None
        if done is not None:
            self._answered(done)

    def _answered(self, done: ActionDone) -> None:
        self.query_one("#form-submit", Button).disabled = False
        if done.ok:
            self.dismiss(done.event)
        else:
            self.show_refusal(done.refusal or "refused")
