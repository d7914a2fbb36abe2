"""Small building blocks for the action forms: labelled fields and value readers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, RadioButton, RadioSet, Select, Static
from textual.widgets.option_list import Option


def field(label: str, widget: Widget, hint: str = "") -> Vertical:
    """A label above its input, with an optional muted hint below."""
    parts: list[Widget] = [Label(label, classes="field-label"), widget]
    if hint:
        parts.append(Static(hint, classes="field-hint"))
    return Vertical(*parts, classes="field")


def choice(options: Iterable[tuple[str, str]], *, id: str, prompt: str = "Choose…",
           allow_blank: bool = True) -> Select[str]:
    """A Select of (label, value); labels are plain text (a ``[`` in a name is not markup)."""
    return Select[str]([(Content(label), value) for label, value in options], prompt=prompt, id=id,
                       allow_blank=allow_blank, compact=True)


def entry(id: str, placeholder: str = "", **kwargs: Any) -> Input:
    """A one-line text input (compact: forms must fit an 80x24 terminal)."""
    return Input(id=id, placeholder=placeholder, compact=True, **kwargs)


def select_value(select: Select[Any]) -> str | None:
    return None if select.is_blank() else str(select.value)


def set_select(select: Select[Any], value: object) -> None:
    if value is None or value == "":
        select.clear()
    else:
        select.value = str(value)


def text_value(widget: Input) -> str:
    return widget.value.strip()


class Choice(RadioButton):
    """A radio button whose dot is drawn only when chosen: the state reads without colour."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - overrides ToggleButton's class constant
        return "●" if self.value else " "


def radio(options: Iterable[tuple[str, str]], *, id: str, value: str | None = None) -> RadioSet:
    """A RadioSet whose buttons carry the option value as their name."""
    return RadioSet(*(Choice(label, value=(key == value), name=key, id=f"{id}-{key}")
                      for key, label in options), id=id)


def radio_value(radio_set: RadioSet) -> str | None:
    pressed = radio_set.pressed_button
    return pressed.name if pressed is not None else None


def set_radio(radio_set: RadioSet, value: object) -> None:
    for button in radio_set.query(RadioButton):
        if button.name == str(value):
            button.value = True


class KeyedOptionList(OptionList):
    """An OptionList whose value is the id of the highlighted option.

    Disabled options work as group headings. Typing a letter jumps to the next option whose
    text starts with it, so a long catalogue is quick to pick from.
    """

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
            return
        count = self.option_count
        start = (self.highlighted or 0) + 1
        for offset in range(count):
            index = (start + offset) % count
            option = self.get_option_at_index(index)
            if not option.disabled and _plain(option.prompt).lower().startswith(char):
                self.highlighted = index
                event.stop()
                event.prevent_default()
                return


def _plain(prompt: object) -> str:
    plain = getattr(prompt, "plain", None)
    return str(plain if plain is not None else prompt).lstrip()


def heading(text: str) -> Option:
    return Option(Content(text), disabled=True)
