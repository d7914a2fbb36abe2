"""The session screen's start: status line and keys first, the views right after.

A quit that arrives while the views are still mounting must wait for them and close
cleanly: Textual stops mounting once an exit is asked for, and half-mounted widgets fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_ui_support import new_session, settle
from wargame.ui.app import create_app
from wargame.ui.screens.session import SessionScreen
from wargame.ui.widgets.console import ConsoleView
from wargame.ui.widgets.plan import PlanView
from wargame.ui.widgets.status import StatusBar


async def test_first_frame_has_the_status_line_then_the_views_follow(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    shown: list[tuple[bool, str]] = []
    display = app._display

    def recording(screen, renderable) -> None:
        if renderable is not None and isinstance(screen, SessionScreen):
            shown.append((screen.views_built, str(screen.query_one(StatusBar).render())))
        display(screen, renderable)

    app._display = recording
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.views_built
        assert screen.query_one("#views").active == "console"
        assert screen.query_one(ConsoleView).query_one("#ladder-view").has_focus
    first_built, first_status = shown[0]
    assert not first_built  # the first frame did not wait for the views
    assert "EXERCISE" in first_status and "Turn 1 of" in first_status
    assert any(built for built, _ in shown)


@pytest.mark.parametrize("view", [PlanView, ConsoleView])
async def test_quit_while_the_views_mount_waits_and_closes_cleanly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: type) -> None:
    session = new_session(tmp_path)
    if view is ConsoleView:
        session.act("phase", {"to": "exercise"})
    compose = view.compose
    quits: list[bool] = []

    def quitting_compose(self):
        # The quit lands in the middle of the build, as a key pressed at once would.
        self.app.exit()
        quits.append(self.app._exit)
        yield from compose(self)

    monkeypatch.setattr(view, "compose", quitting_compose)
    app = create_app(session, poll_interval=None)
    await app.run_async(headless=True, size=(120, 40))
    assert quits == [False]  # held back while the views mounted...
    assert app.return_code == 0 and app._exception is None  # ...then closed without an error
