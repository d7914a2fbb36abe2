"""A yes/no question before an action that is hard to take back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wargame.ui.styles import FORMS_CSS
from wargame.ui.text import plain


class Confirm(ModalScreen[bool]):
    """Answers True on the confirm button, False on Cancel or escape. Text is plain text."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("y,ctrl+s", "confirm", "Confirm")]

    def __init__(self, title: str, body: str, confirm: str = "Confirm") -> None:
        super().__init__(classes="action-form confirm")
        self._title, self._body, self._confirm = title, body, confirm

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(plain(self._title), id="form-title")
            with VerticalScroll(id="form-body"):
                yield Static(plain(self._body), id="confirm-body")
            with Horizontal(id="form-buttons"):
                yield Button(plain(self._confirm), variant="warning", id="confirm-yes")
                yield Button("Cancel", id="confirm-no")
            yield Static("y or ctrl+s confirms · escape cancels", classes="field-hint")

    def on_mount(self) -> None:
        # Cancel has the focus: a stray Enter must not confirm.
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
