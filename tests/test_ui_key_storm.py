"""A key storm: thousands of random keys and resizes against the console, every form and
the delegation and projector screens, while another writer appends events full of hostile
text. Nothing may raise, and afterwards the session folds to the same state from its log.

Seeded (SEED) so the keys replay; the key counts are the constants below.
"""

from __future__ import annotations

import random
import string
import threading
from pathlib import Path

from test_delegation_support import POLL, new_session
from test_ui_support import settle
from textual import events
from textual.pilot import Pilot

from wargame.engine import Session
from wargame.engine.live import private_copy
from wargame.engine.visibility import screen_state
from wargame.errors import WargameError
from wargame.ui.app import WargameApp
from wargame.ui.commands import SESSION_ACTIONS
from wargame.ui.delegation.app import ViewerApp
from wargame.ui.screens.session import SessionScreen

SEED = 20261202
CONSOLE_KEYS = 70  # random keys on the console itself, in each of the four phases
FORM_KEYS = 7  # random keys inside each form the console opens
VIEWER_KEYS = 350  # random keys on each delegation / projector screen
RESIZE_EVERY = 40  # keys between two random resizes (80x24 .. 160x50)
WRITER_EVENTS = 120  # events the other writer appends during each storm

# Letters (every action key), digits (panels and tabs), navigation, F-keys, the palette,
# saving a form and pasting hostile text. Not the keys that quit (ctrl+q) nor "p": the
# phases advance between rounds.
KEYS = ([c for c in string.ascii_lowercase if c != "p"] + list(string.digits)
        + ["tab", "shift+tab", "enter", "escape", "up", "down", "left", "right", "home", "end",
           "pageup", "pagedown", "space", "backspace", "f1", "f2", "f3", "f4", "f5", "f6",
           "ctrl+p", "ctrl+s", "question_mark", "left_square_bracket", "right_square_bracket",
           PASTE := "paste"])

CHARACTERS = {"tab": "\t", "enter": "\r", "escape": "\x1b", "space": " ", "backspace": "\x7f",
              "question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]"}

HOSTILE = [
    "[/] closes nothing",
    "[link=https://example.org]a link[/link]",
    "[@click=app.quit]quit[/]",
    "[bold red on white]loud",
    "\x1b]0;T\x07 retitle",
    "\x1b[2J clear",
    "\x9b31m C1",
    "long " + "x" * 10_000,
    "مرحبا بالعالم \u202eevil\u202c שלום",
    "e\u0301\u0301\u0301 combining \u0336s\u0336",
]


class Storm:
    """Runs the storm on one app and keeps the app open whatever the keys ask."""

    def __init__(self, pilot: Pilot, rng: random.Random) -> None:
        self.pilot = pilot
        self.rng = rng
        self.sent = 0

    async def press(self, key: str) -> None:
        """As Pilot.press, without its waits for an idle CPU (the poll, presence and writer
        threads keep the process busy, so each key would wait up to two seconds)."""
        if key == PASTE:  # hostile text pasted into whatever has the focus
            event: events.Event = events.Paste(self.rng.choice(HOSTILE))
        else:
            event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(self.pilot.app)
        self.pilot.app._driver.send_message(event)
        # Every message the key caused is handled; frames are drawn on the app's own
        # schedule (as when a person types fast), not forced after each key.
        await self.pilot._wait_for_screen()

    async def keys(self, count: int) -> None:
        for _ in range(count):
            await self.press(self.rng.choice(KEYS))
            self.sent += 1
            if self.sent % RESIZE_EVERY == 0:
                await self.pilot.resize_terminal(self.rng.randint(80, 160), self.rng.randint(24, 50))

    async def close_modals(self) -> None:
        for _ in range(10):
            if len(self.pilot.app.screen_stack) <= self.base_depth:
                return
            await self.press("escape")
            await quiet(self.pilot)
        raise AssertionError(f"escape does not close {self.pilot.app.screen_stack[self.base_depth:]}")

    base_depth = 1


async def quiet(pilot: Pilot) -> None:
    """Every engine action the keys started is done and its messages handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0)


class StaysOpen:
    """Quitting (the palette's Quit, say) is ignored during the storm: it would end the test."""

    storming = True

    def exit(self, *args, **kwargs) -> None:  # type: ignore[override]
        if not self.storming:
            super().exit(*args, **kwargs)  # type: ignore[misc]


class StormConsole(StaysOpen, WargameApp):
    pass


class StormViewer(StaysOpen, ViewerApp):
    pass


def hostile_writer(path: Path, seed: int, count: int, stop: threading.Event) -> threading.Thread:
    """Another process's worth of writing: hotline, moves and notes with hostile text."""

    def write() -> None:
        rng = random.Random(seed)
        session = Session.open(path)
        delegations = [d.id for d in session.scenario.delegations if d.can_move]
        move_types = [m.id for m in session.scenario.rulebook.moves]
        try:
            for _ in range(count):
                if stop.wait(0.01):
                    return
                sender, other = rng.sample(delegations, 2)
                text = rng.choice(HOSTILE)
                kind, payload = rng.choice([
                    ("hotline", {"from": sender, "to": other, "text": text}),
                    ("move", {"by": sender, "type": rng.choice(move_types), "target": other,
                              "text": text, "visibility": rng.choice(["public", "private"])}),
                    ("note", {"by": sender, "text": text, "visibility": "public"}),
                ])
                try:
                    session.act(kind, payload, actor=sender)
                except WargameError:  # refused in this phase: the storm goes on
                    pass
        finally:
            session.close()

    thread = threading.Thread(target=write, name="hostile-writer", daemon=True)
    thread.start()
    return thread


def assert_refolds_to_the_same_state(live_session: Session, snapshot_state, viewer: str) -> None:
    live_session.refresh()
    with Session.open(live_session.path) as fresh:
        assert fresh.state == live_session.state  # incremental folds == one fold of the log
        expected = private_copy(fresh.state) if viewer == "control" else \
            screen_state(fresh.state, viewer)
        assert snapshot_state == expected


async def test_a_key_storm_on_the_console_and_its_forms(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # screenshots and debriefs the keys ask for land here
    rng = random.Random(SEED)
    session = new_session(tmp_path)
    session.act("note", {"by": "facilitator", "text": HOSTILE[0], "visibility": "public"})
    stop = threading.Event()
    app = StormConsole(session, poll_interval=POLL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        storm = Storm(pilot, rng)
        writer = hostile_writer(session.path, SEED + 1, WRITER_EVENTS, stop)
        for phase in range(4):  # plan, exercise, assess, adjust
            await storm.keys(CONSOLE_KEYS)
            await storm.close_modals()
            for action in SESSION_ACTIONS:  # every form (and every direct action)
                key = action.key.split(",")[0]
                if key == "p":
                    continue
                await storm.press(key)
                await storm.keys(FORM_KEYS)
                await storm.close_modals()
            await quiet(pilot)
            await storm.press("f3")  # the console view, then the next phase from there
            await storm.press("p")
            await quiet(pilot)
        stop.set()
        writer.join(10)
        await storm.close_modals()  # the palette may have opened one after the last round
        await quiet(pilot)
        app.storming = False
        assert storm.sent >= 4 * CONSOLE_KEYS
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert app.crash is None, app.crash
        assert screen._poller is not None and screen._poller.running  # live updates still on
        assert_refolds_to_the_same_state(app.live_sessions[0].session, screen.snapshot.state,
                                         "control")


async def storm_a_viewer(tmp_path: Path, viewer: str, seed: int) -> None:
    rng = random.Random(seed)
    session = new_session(tmp_path, name=f"{viewer}.wargame")
    session.act("phase", {"to": "exercise"})
    session.act("hotline", {"from": "crimson", "to": "azure", "text": HOSTILE[2]}, actor="crimson")
    stop = threading.Event()
    app = StormViewer(Session.open(session.path), viewer, poll_interval=POLL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        storm = Storm(pilot, rng)
        storm.base_depth = len(app.screen_stack)
        writer = hostile_writer(session.path, seed + 1, WRITER_EVENTS, stop)
        await storm.keys(VIEWER_KEYS // 2)
        session.act("next-turn", {})
        await storm.keys(VIEWER_KEYS - VIEWER_KEYS // 2)
        stop.set()
        writer.join(10)
        await storm.close_modals()
        await quiet(pilot)
        app.storming = False
        assert app.crash is None, app.crash
        screen = app.screen
        assert screen._poller is not None and screen._poller.running
        live = app.viewer_sessions[0]
        assert_refolds_to_the_same_state(live.session, screen.snapshot.state, viewer)
    session.close()


async def test_a_key_storm_on_a_delegations_screen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    await storm_a_viewer(tmp_path, "azure", SEED + 10)


async def test_a_key_storm_on_the_projector(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    await storm_a_viewer(tmp_path, "public", SEED + 20)
