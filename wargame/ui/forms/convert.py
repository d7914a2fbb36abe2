"""Between a form's widgets and its typed action, both ways, for every form at once.

A form names each input after the action key it fills (``#by``, ``#from``, ``#as``...);
what the value is (wargame.engine.vocabulary) says how to read and write it, so a key
added to an action needs only its widget.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Input, RadioSet, Select, TextArea

from wargame.engine.action_keys import EVENT, INTEGER, PAIR, SLUGS, TEXT, Action, Key
from wargame.ui.forms.fields import (
    KeyedOptionList, radio_value, select_value, set_radio, set_select, text_value,
)


class FormInvalid(Exception):
    """Input the form itself cannot turn into an action (e.g. letters where a number goes)."""


def _widget(form: Widget, name: str) -> Widget | None:
    try:
        return form.query_one(f"#{name}")
    except NoMatches:
        return None


def _read(widget: Widget) -> str | None:
    if isinstance(widget, Select):
        return select_value(widget)
    if isinstance(widget, RadioSet):
        return radio_value(widget)
    if isinstance(widget, KeyedOptionList):
        return widget.value
    if isinstance(widget, (Input, TextArea)):
        return text_value(widget)
    return None


def _value(key: Key, raw: str | None) -> Any:
    if raw is None or raw == "":
        # A required text goes as typed, so the engine says "is empty" in its own words.
        return raw if key.value == TEXT and key.required else None
    if key.value == INTEGER:
        try:
            return int(raw)
        except ValueError:
            raise FormInvalid(f"{key.name} must be a whole number such as -1, 0 or 2, "
                              f"not {raw!r}") from None
    if key.value == PAIR:
        return raw.split(",")
    if key.value == SLUGS:
        return [part.strip() for part in raw.split(",") if part.strip()]
    if key.value == EVENT:
        return int(raw) if raw.isdigit() else raw
    return raw


def read_action(form: Widget, action: type[Action]) -> Action:
    """The action from what the form's inputs hold; FormInvalid when it cannot be built."""
    values: dict[str, Any] = {}
    for key in action.keys():
        widget = _widget(form, key.name)
        if widget is not None:
            values[key.name] = _value(key, _read(widget))
    return action.from_keys(values)


def fill(form: Widget, action: type[Action], given: Mapping[str, Any]) -> None:
    """Put the keys ``given`` (all of an action's, or some) into the form's inputs."""
    kinds = {key.name: key.value for key in action.keys()}
    for name, value in given.items():
        widget = _widget(form, name) if name in kinds else None
        if widget is None:
            continue
        if kinds[name] in (PAIR, SLUGS) and isinstance(value, (list, tuple)):
            value = ",".join(value)
        if isinstance(widget, Select):
            set_select(widget, value)
        elif isinstance(widget, RadioSet):
            set_radio(widget, value)
        elif isinstance(widget, KeyedOptionList):
            widget.value = None if value is None else str(value)
        elif isinstance(widget, Input):
            widget.value = "" if value is None else str(value)
        elif isinstance(widget, TextArea):
            widget.text = "" if value is None else str(value)
