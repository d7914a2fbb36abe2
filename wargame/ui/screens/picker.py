"""A small modal list to pick one value (timeline filters); built only when opened."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.ui.styles import FORMS_CSS
from wargame.ui.text import plain
from wargame.ui.widgets.options import Options

EVERY = "*"  # the option that clears a filter


class Picker(ModalScreen[str | None]):
    """Dismisses with the chosen option id, EVERY for "no filter", None when cancelled."""

    CSS_PATH = FORMS_CSS  # loaded the first time a form opens

    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="picker.cancel")]

    def __init__(self, title: str, every: str, options: list[tuple[str, str]], current: str | None) -> None:
        super().__init__(classes="action-form")
        self._title = title
        self._options = [(every, EVERY), *options]
        self._current = current or EVERY

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(plain(self._title), id="form-title")
            yield Options(*(Option(plain(label), id=value) for label, value in self._options),
                             id="picker")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.highlighted = picker.get_option_index(self._current)
        picker.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
