"""Helpers for the delegation, presence and transparency tests (no tests of their own).

Waiting is always on a condition, polled with ``pilot.pause`` until a deadline: the
screens under test poll the session file for real, at a short interval.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Digits, Input, Markdown, OptionList, Select, Tab

from wargame.engine import Session
from wargame.paths import resolve_scenario

POLL = 0.05  # the screens' poll interval in these tests


def new_session(folder: Path, scenario: str = "strait-incident",
                name: str = "shared.wargame") -> Session:
    return Session.create(folder / name, resolve_scenario(scenario))


async def until(pilot: Pilot, condition: Callable[[], object], what: str,
                timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` holds; fail saying ``what`` did not happen."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"within {timeout} s: {what}")
        await pilot.pause(0.05)


def widget_text(widget) -> str:
    """What a widget shows (or offers, for lists and selects), as plain text."""
    if isinstance(widget, Markdown):
        return widget.source
    shown_text = getattr(widget, "shown_text", None)
    if shown_text is not None:  # lists that draw only what is on screen: every line
        return shown_text()
    if isinstance(widget, OptionList):
        return "\n".join(_plain(widget.get_option_at_index(i).prompt)
                         for i in range(widget.option_count))
    if isinstance(widget, Select):
        return "\n".join(_plain(prompt) for prompt, _ in widget._options)
    if isinstance(widget, Input):
        return f"{widget.value}\n{widget.placeholder}"
    if isinstance(widget, Digits):
        return widget.value
    if isinstance(widget, Tab):
        return _plain(widget.label)
    render = getattr(widget, "render", None)
    if render is None:
        return ""
    try:
        return _plain(render())
    except Exception:  # noqa: BLE001 - containers and the like render nothing of interest
        return ""


def _plain(value: object) -> str:
    plain = getattr(value, "plain", None)
    return str(plain if plain is not None else value)


def screen_text(app: App) -> str:
    """Every widget's content on every screen of the stack, plus the notifications."""
    parts = []
    for screen in app.screen_stack:
        parts += [widget_text(w) for w in screen.query("*")]
    parts += [f"{n.title} {n.message}" for n in app._notifications]
    return "\n".join(parts)
