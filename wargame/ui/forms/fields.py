"""Small building blocks for the action forms: labelled fields and value readers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static, TextArea
from textual.widgets.option_list import Option
from wargame.ui.text import plain
from wargame.ui.widgets.options import Choices, Options


def field(label: str, widget: Widget, hint: str = "") -> Vertical:
    """A label above its input, with an optional muted hint below."""
    parts: list[Widget] = [Label(label, classes="field-label"), widget]
    if hint:
        parts.append(Static(hint, classes="field-hint"))
    return Vertical(*parts, classes="field")


def choice(options: Iterable[tuple[str, str]], *, id: str, prompt: str = "Choose…",
           allow_blank: bool = True) -> Select[str]:
    """A Select of (label, value); labels are plain text (a ``[`` in a name is not markup)."""
    return Choices([(plain(label), value) for label, value in options], prompt=prompt, id=id,
                   allow_blank=allow_blank, compact=True)


def entry(id: str, placeholder: str = "", **kwargs: Any) -> Input:
    """A one-line text input (compact: forms must fit an 80x24 terminal)."""
    return Input(id=id, placeholder=placeholder, compact=True, **kwargs)


def prose(id: str, placeholder: str = "") -> TextArea:
    """A multi-line text field (Enter starts a new line; Ctrl+S or Save submits the form)."""
    area = TextArea(id=id, placeholder=placeholder, compact=True, soft_wrap=True,
                    show_line_numbers=False, highlight_cursor_line=False)
    area.add_class("prose")
    return area


def select_value(select: Select[Any]) -> str | None:
    return None if select.is_blank() else str(select.value)


def set_select(select: Select[Any], value: object) -> None:
    if value is None or value == "":
        select.clear()
    else:
        select.value = str(value)


def text_value(widget: Input | TextArea) -> str:
    return (widget.text if isinstance(widget, TextArea) else widget.value).strip()


class Choice(RadioButton):
    """A radio button whose dot is drawn only when chosen: the state reads without colour."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - overrides ToggleButton's class constant
        return "●" if self.value else " "


class SteadyRadioSet(RadioSet):
    """A RadioSet that typing cannot change behind the user's back.

    Textual's RadioSet highlights its first button on mount and presses the highlighted one
    on space or enter: Tab into it while typing a note and the next space turned a private
    note public. Here the highlight rests on the pressed button whenever the set gains
    focus, and space or enter press only a button the user moved to with the arrows.
    """

    _moved = False

    def _on_mount(self, event) -> None:
        super()._on_mount(event)
        self._rest_on_pressed()

    def on_focus(self) -> None:
        self._moved = False
        self._rest_on_pressed()

    def _rest_on_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def action_next_button(self) -> None:
        super().action_next_button()
        self._moved = True

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._moved = True

    def action_toggle_button(self) -> None:
        if self._moved or self.pressed_button is None:
            super().action_toggle_button()


def radio(options: Iterable[tuple[str, str]], *, id: str, value: str | None = None) -> RadioSet:
    """A RadioSet whose buttons carry the option value as their name."""
    return SteadyRadioSet(*(Choice(label, value=(key == value), name=key, id=f"{id}-{key}")
                      for key, label in options), id=id)


def radio_value(radio_set: RadioSet) -> str | None:
    pressed = radio_set.pressed_button
    return pressed.name if pressed is not None else None


def set_radio(radio_set: RadioSet, value: object) -> None:
    for button in radio_set.query(RadioButton):
        if button.name == str(value):
            button.value = True


class KeyedOptionList(Options):
    """An OptionList whose value is the id of the highlighted option.

    Disabled options work as group headings. Typing letters jumps to the next option with a
    word that starts with what was typed ("h" reaches "Accept and host an inspection",
    "hos" goes straight there), so a long catalogue is quick to pick from. Once two or more
    letters are typed, an option whose name begins with them comes first ("incident" is
    the Incident report, not Hazardous-incident cooperation above it).
    """

    _typed = ""

    @property
    def value(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    @value.setter
    def value(self, option_id: str | None) -> None:
        if option_id is None:
            self.highlighted = None
            return
        self.highlighted = self.get_option_index(option_id)

    def on_key(self, event) -> None:
        char = (event.character or "").lower()
        if len(char) != 1 or not char.isalnum():
            self._typed = ""
            return
        # A longer prefix keeps to the option it is refining; a fresh letter moves on.
        current = self.highlighted
        found = (self._find(self._typed + char, current if current is not None else 0,
                            name_first=True) if self._typed else None)
        if found is not None:
            self._typed += char
        else:
            self._typed = char
            found = self._find(char, (current + 1) if current is not None else 0)
        if found is not None:
            self.highlighted = found
        event.stop()
        event.prevent_default()

    def _find(self, typed: str, start: int, name_first: bool = False) -> int | None:
        count = self.option_count
        tests = ((lambda text: text.lower().startswith(typed)) if name_first else None,
                 lambda text: _word_starts(text, typed))
        for test in filter(None, tests):
            for offset in range(count):
                index = (start + offset) % count
                option = self.get_option_at_index(index)
                if not option.disabled and test(_plain(option.prompt)):
                    return index
        return None


def _word_starts(text: str, typed: str) -> bool:
    words = text.lower().replace("-", " ").replace("(", " ").split()
    return any(word.startswith(typed) for word in words)


def _plain(prompt: object) -> str:
    plain = getattr(prompt, "plain", None)
    return str(plain if plain is not None else prompt).lstrip()


def heading(text: str) -> Option:
    return Option(plain(text), disabled=True)
