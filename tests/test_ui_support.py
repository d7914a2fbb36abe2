"""Helpers for the terminal-app tests: drive forms as a user would, with keys only.

Nothing here sleeps: every wait is on a real condition (workers done, messages handled).
This module has no tests of its own; the test_ui_* modules import it.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea
from textual.widgets._select import SelectOverlay

from wargame.engine import Session
from wargame.paths import resolve_scenario
from wargame.ui.forms.fields import KeyedOptionList


def new_session(folder: Path, scenario: str = "strait-incident", name: str = "ui.wargame") -> Session:
    return Session.create(folder / name, resolve_scenario(scenario))


async def views_built(pilot: Pilot) -> None:
    """Wait for the session screen's views, which mount right after its first frame."""
    for _ in range(1000):
        if getattr(pilot.app.screen, "views_built", True):
            return
        await pilot.pause()
    raise AssertionError("the session screen never built its views")


async def session_opened(pilot: Pilot) -> None:
    """Wait until ``wargame play``'s app has opened its session (or given up on bad input):
    it draws its first frame before opening the session in a thread."""
    await wait_until(pilot, lambda: not getattr(pilot.app, "opening", False), "the session to open")
    await pilot.pause()


def run_headless(monkeypatch, size: tuple[int, int] = (120, 40)) -> list:
    """Make ``App.run`` (as the commands call it) run the app headless until its session
    is open, let it settle, then quit as ctrl+q does. Listed: each app that ran and the
    screen it showed when it was quit (None when it closed by itself)."""
    import asyncio

    from wargame.ui.app import WargameApp

    ran: list = []

    def run(self, *args, **kwargs) -> None:
        async def drive() -> None:
            async with self.run_test(size=size) as pilot:
                await session_opened(pilot)
                if self.failure is None:
                    await settle(pilot)
                    ran.append((self, self.screen))
                    await pilot.press("ctrl+q")
                else:
                    ran.append((self, None))

        asyncio.run(drive())

    monkeypatch.setattr(WargameApp, "run", run)
    return ran


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and every message they posted be handled."""
    await views_built(pilot)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def choose(pilot: Pilot, selector: str, label: str) -> None:
    """Open a Select with Enter, move down to the option whose label contains ``label``, Enter."""
    select = pilot.app.screen.query_one(selector, Select)
    select.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    overlay = select.query_one(SelectOverlay)
    await pilot.press("home")
    for _ in range(overlay.option_count):
        option = overlay.highlighted_option
        if option is not None and label in str(getattr(option.prompt, "plain", option.prompt)):
            break
        await pilot.press("down")
    else:
        raise AssertionError(f"no option containing {label!r} in {selector}")
    await pilot.press("enter")
    await pilot.pause()
    assert not select.expanded


async def pick(pilot: Pilot, selector: str, option_id: str) -> None:
    """Highlight an option of a KeyedOptionList with the keyboard (type-ahead, then arrows)."""
    options = pilot.app.screen.query_one(selector, KeyedOptionList)
    options.focus()
    await pilot.pause()
    await pilot.press(option_id[0])
    for _ in range(options.option_count):
        if options.value == option_id:
            return
        await pilot.press("down")
    raise AssertionError(f"no option {option_id!r} in {selector}")


async def type_into(pilot: Pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector)
    field.focus()
    await pilot.pause()
    await pilot.press(*text)
    assert typed(field) == text


def typed(field) -> str:
    """What a one-line Input or a multi-line TextArea holds."""
    return field.text if isinstance(field, TextArea) else field.value


async def click(pilot: Pilot, selector: str) -> None:
    """Click a widget with the mouse, scrolling it into view first (forms scroll at 80x24)."""
    widget = pilot.app.screen.query_one(selector)
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    hit = await pilot.click(selector)
    if not hit:
        region = widget.region
        found = pilot.app.screen.get_widget_at(region.x, region.y)
        raise AssertionError(f"the click on {selector} at {region} hit {found}")
    await pilot.pause()


async def save_form(pilot: Pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def wait_until(pilot: Pilot, condition, what: str, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds (a bounded wait on a real condition)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause()


async def filter_timeline(pilot: Pilot, button: str, option_id: str) -> None:
    """Click a timeline filter button, then pick ``option_id`` in its picker with the keys."""
    from textual.widgets import OptionList

    await click(pilot, button)
    await settle(pilot)
    options = pilot.app.screen.query_one("#picker", OptionList)
    await pilot.press("home")
    for _ in range(options.option_count):
        if options.highlighted_option is not None and options.highlighted_option.id == option_id:
            break
        await pilot.press("down")
    else:
        raise AssertionError(f"no filter {option_id!r}")
    await pilot.press("enter")
    await settle(pilot)


async def open_form(pilot: Pilot, key: str, form_class):
    """Press the key that opens a form; the form is then on top."""
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, form_class), pilot.app.screen
    return pilot.app.screen
