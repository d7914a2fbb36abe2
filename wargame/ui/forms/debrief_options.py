"""Which debrief to render: format (HTML, Markdown) and edition (full, public).

Not an engine action, so not an ActionForm: it only returns the two choices (or None when
cancelled); the session screen renders in a worker, as before.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, RadioSet, Static

from wargame.ui.styles import FORMS_CSS
from wargame.ui.forms.fields import field, radio, radio_value

FORMATS = (("html", "HTML (one self-contained page)"), ("md", "Markdown"))
EDITIONS = (("full", "Full — control cell only"), ("public", "Public — declassified summary"))


class DebriefOptions(ModalScreen[tuple[str, str] | None]):
    CSS_PATH = FORMS_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "render", "Render"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="action-form")

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static("Render debrief", id="form-title")
            yield Static("Written next to the session file.", id="form-intro")
            yield field("Format", radio(FORMATS, id="format", value="html"))
            yield field("Edition", radio(EDITIONS, id="edition", value="full"))
            with Horizontal(id="form-buttons"):
                yield Button("Render", variant="primary", id="form-submit")
                yield Button("Cancel", id="form-cancel")

    def _chosen(self, id: str, default: str) -> str:
        return radio_value(self.query_one(f"#{id}", RadioSet)) or default

    def action_render(self) -> None:
        self.dismiss((self._chosen("format", "html"), self._chosen("edition", "full")))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-submit":
            self.action_render()
        else:
            self.action_cancel()
