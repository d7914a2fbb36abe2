"""The session screen's start: status line and keys first, the views right after; and
`wargame play`'s, whose first frame comes before the session is even opened.

A quit that arrives while the views are still mounting must wait for them and close
cleanly: Textual stops mounting once an exit is asked for, and half-mounted widgets fail.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from test_ui_support import new_session, run_headless, session_opened, settle, wait_until
from wargame import cli
from wargame.commands.running import crash_log_path, run_app
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.screens.opening import OpeningScreen
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


# -- `wargame play`: the frame first, then the session (OpeningScreen) ---------------------

def held_opener(folder: Path) -> tuple[threading.Event, threading.Event, list[Session], object]:
    """An opener that says it ``started``, then waits for ``go`` before opening a new
    session, as a slow open would."""
    started, go, opened = threading.Event(), threading.Event(), []

    def opener() -> tuple[Session, bool]:
        started.set()
        assert go.wait(10), "the test never let the session open"
        opened.append(new_session(folder))
        return opened[-1], True

    return started, go, opened, opener


async def test_play_draws_status_line_and_keys_before_the_session_opens(tmp_path: Path) -> None:
    _, go, opened, opener = held_opener(tmp_path)
    app = create_app(opener=opener, scenario_ref="strait-incident", session_file="ui.wargame",
                     poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, OpeningScreen)
                         and app.screen.query_one(Footer).is_mounted, "the opening frame")
        await pilot.pause()
        status = str(app.screen.query_one("#opening-status", Static).render())
        assert "strait-incident" in status and "OPENING" in status and "ui.wargame" in status
        keys = {key.description: key.has_class("-disabled") for key in app.screen.query(FooterKey)}
        assert keys == {"Phase": True, "Next turn": True, "Move": True, "Adjudicate": True,
                        "Hotline": True, "Ack": True, "Help": True, "palette": True}
        await pilot.press("n", "m", "ctrl+p", "f1")  # inert until the session is there
        assert isinstance(app.screen, OpeningScreen) and opened == []
        go.set()
        await session_opened(pilot)
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen) and app.screen.views_built
        assert app.screen.live.path == tmp_path / "ui.wargame"
        assert "Incident in the Strait" in str(app.screen.query_one(StatusBar).render())
        assert app.screen.state.phase == "plan" and app.screen.state.turn == 0  # no key went through
        assert len(app.screen_stack) == 2  # the opening frame was replaced, not kept below
    assert app.crash is None and app.failure is None
    assert app.resume_lines() == [
        f"Session saved in {tmp_path / 'ui.wargame'}; resume with: "
        f"wargame play strait-incident --session {tmp_path / 'ui.wargame'}"]


async def test_the_opening_frame_shows_what_was_typed_as_plain_text(tmp_path: Path) -> None:
    started, go, _, opener = held_opener(tmp_path)
    app = create_app(opener=opener, scenario_ref="[b]strait[/b]\x1b[2J", poll_interval=None,
                     session_file="[@click=app.quit]x.wargame")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, started.is_set, "the session to start opening")
        status = str(app.screen.query_one("#opening-status", Static).render())
        assert "[b]strait[/b]␛[2J" in status and "[@click=app.quit]x.wargame" in status
        go.set()
        await session_opened(pilot)
    assert app.crash is None


async def test_a_quit_while_the_session_opens_closes_it_and_says_where_it_is(tmp_path: Path) -> None:
    started, go, opened, opener = held_opener(tmp_path)
    app = create_app(opener=opener, scenario_ref="strait-incident", poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, started.is_set, "the session to start opening")
        await pilot.press("ctrl+q")
        go.set()  # the open finishes after the quit; the app waits for it
    assert app.return_code == 0 and app.crash is None
    (session,) = opened
    with pytest.raises(Exception):
        session.act("note", {"by": "facilitator", "text": "late", "visibility": "public"})
    assert [line.split(";")[0] for line in app.resume_lines()] == [
        f"Session saved in {tmp_path / 'ui.wargame'}"]


def test_a_broken_scenario_is_reported_after_the_frame_as_before(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    (workdir / "broken.yaml").write_text(
        "scenario: broken\ntitle: \"A [b]typo[/b] \\e]0;pwned\\a\"\nrulebook: cbm-standard\n"
        "clock: {turns: 3, turn_length: 6h}\ndelegations:\n  - {id: azure, name: Azure}\n"
        "  - {id: crimson, name: Crimson, rol: state}\n", encoding="utf-8")
    ran = run_headless(monkeypatch)
    assert cli.main(["play", "broken.yaml", "--session", "x.wargame"]) == 1
    out, error = capsys.readouterr()
    assert ran == [(ran[0][0], None)]  # the app drew its frame, then closed by itself
    assert out == "" and "Traceback" not in error and "\x1b" not in error
    assert error.startswith("wargame: broken.yaml:7:") and "rol" in error
    assert not (workdir / "x.wargame").exists()  # nothing written


def test_a_file_that_is_no_session_is_reported_and_left_alone(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    notes = workdir / "notes.wargame"
    notes.write_bytes(b"my notes, not a session\n" * 100)
    run_headless(monkeypatch)
    assert cli.main(["play", "strait-incident", "--session", "notes.wargame"]) == 1
    out, error = capsys.readouterr()
    assert out == "" and "Traceback" not in error
    assert error.startswith("wargame: ") and "notes.wargame" in error
    assert notes.read_bytes() == b"my notes, not a session\n" * 100


def test_a_bug_while_opening_is_reported_as_a_crash(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    def opener():
        raise RuntimeError("a bug")

    app = create_app(opener=opener, scenario_ref="strait-incident", poll_interval=None)
    app.run = lambda *a, **k: asyncio.run(app.run_async(headless=True, size=(120, 40)))
    assert run_app(app) == 1
    error = capsys.readouterr().err
    assert "unexpected error (a bug in wargame)" in error and "No session was open." in error
    assert "RuntimeError: a bug" in crash_log_path().read_text(encoding="utf-8")


FIRST_FRAME_PROGRAM = """
import asyncio, sys
from wargame import cli
from wargame.ui.app import WargameApp

HEAVY = ("wargame.engine", "wargame.loader", "wargame.model", "wargame.debrief", "networkx",
         "yaml", "jinja2", "cattrs", "wargame.ui.screens.session", "wargame.ui.forms")
loaded, shown = [], []
start = WargameApp.start_opening

def start_opening(self):  # called once the first frame is drawn
    loaded.extend(sorted({m for m in sys.modules if m.startswith(HEAVY)}))
    start(self)

def run(self, *args, **kwargs):
    async def drive():
        async with self.run_test(size=(120, 40)) as pilot:
            while self.opening:
                await pilot.pause()
            shown.append(type(self.screen).__name__)
            await pilot.press("ctrl+q")
    asyncio.run(drive())

WargameApp.start_opening, WargameApp.run = start_opening, run
assert cli.main(["play", "strait-incident", "--session", *sys.argv[1:]]) == 0
print(shown, loaded)
"""


@pytest.mark.parametrize("viewer, screen", [(None, "SessionScreen"), ("azure", "DelegationScreen"),
                                            ("public", "PublicScreen")])
def test_nothing_heavy_loads_before_the_first_frame(tmp_path: Path, viewer: str | None,
                                                    screen: str) -> None:
    """What `wargame play` imports before its first frame: Textual and the frame, not the
    engine, the loader, the scenario's libraries or the session's screen (they come after);
    the same with --as, a delegation's or the projector's screen."""
    session_file = tmp_path / "s.wargame"
    if viewer is not None:  # a viewer joins the session the facilitator started
        new_session(tmp_path, name="s.wargame").close()
    as_viewer = ["--as", viewer] if viewer else []
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROGRAM, str(session_file), *as_viewer],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"[{screen!r}] []"


HOME_PROGRAM = """
import asyncio, sys
from wargame.ui.app import WargameApp
from wargame.ui.screens.home import HomeScreen

HEAVY = ("wargame.engine", "wargame.loader", "wargame.model", "wargame.debrief", "networkx",
         "yaml", "jinja2", "cattrs", "wargame.ui.screens.session", "wargame.ui.forms")
loaded = sorted({m for m in sys.modules if m.startswith(HEAVY)})  # the home screen imported

async def drive():
    app = WargameApp()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        for _ in range(500):  # the scenarios are read in a worker: wait for them
            if app.screen.query_one("#home-scenarios").row_count >= 3:  # the bundled ones
                break
            await pilot.pause(0.02)
        print(app.screen.query_one("#home-scenarios").row_count)
asyncio.run(drive())
print(loaded)
"""


def test_the_home_screen_imports_nothing_heavy_and_lists_the_scenarios_after(
        tmp_path: Path) -> None:
    """Bare `wargame`: the engine and the loader are imported by the home screen's workers,
    so its first frame waits for neither; the bundled scenarios are then listed."""
    done = subprocess.run([sys.executable, "-c", HOME_PROGRAM], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    rows, loaded = done.stdout.splitlines()[-2:]
    assert loaded == "[]" and int(rows) >= 3
