"""The facilitator's terminal app, and ``create_app``: the one factory the CLI and the tests use."""

from __future__ import annotations

import asyncio
import importlib
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from wargame.errors import WargameError
from wargame.printable import printable
from wargame.ui.styles import APP_CSS
from wargame.ui.ticker import POLL_INTERVAL
from wargame.ui.widgets.options import SafeCommandPalette

# The engine and the session screen load after the first frame (see OpeningScreen), so
# this module names them for the type checker only and imports them where they are used.
if TYPE_CHECKING:
    from wargame.engine import Session
    from wargame.ui.live import Clock, LiveSession
    from wargame.ui.screens.session import SessionScreen

# What `wargame play` hands the app to open its session in a thread: the session and
# whether it was just created. It raises WargameError for bad input.
Opener = Callable[[], "tuple[Session, bool]"]


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        inside = Path(path).resolve().is_relative_to(Path.cwd().resolve())
        return os.path.relpath(path) if inside else str(path)
    except ValueError:  # another drive (Windows)
        return str(path)


class WargameApp(App[None]):
    CSS_PATH = [APP_CSS]  # the rest loads when first needed (wargame.ui.styles)
    TITLE = "wargame"
    # What the screen shown once the session is open imports: loaded in the opener's thread.
    OPENED_SCREEN_MODULES: tuple[str, ...] = ("wargame.ui.screens.session",)

    def __init__(self, session: Session | None = None, *, created: bool = False,
                 clock: Clock = time.time, poll_interval: float | None = POLL_INTERVAL,
                 scenario_ref: str | None = None, opener: Opener | None = None,
                 session_file: str | None = None) -> None:
        super().__init__()
        self.clock = clock
        self.poll_interval = poll_interval
        self._initial = (session, created) if session is not None else None
        self._scenario_ref = scenario_ref
        # Without a session but with an opener, the app opens on OpeningScreen and runs the
        # opener in a thread once that frame is drawn (start_opening).
        self._opener = opener
        self._session_file = session_file
        self._opener_worker: Worker | None = None
        # Set by the opener's thread: the session it opened, until the app shows it; and
        # once the thread is done (a quit cancels the worker, not the thread).
        self._unshown: tuple[Session, bool] | None = None
        self._opener_done = threading.Event()
        # True until the opened session's screen is shown, or the opening has failed.
        self.opening = opener is not None
        # Bad input found while opening (a broken scenario, a damaged session): the app
        # closes and the command reports it as it reports any WargameError (run_app).
        self.failure: WargameError | None = None
        self.live_sessions: list[LiveSession] = []
        # Every session this app had open, in order (the one it started with included, even
        # before it is shown): what resume_lines reports once the app has closed.
        self.session_paths: list[tuple[Path, str]] = []
        if session is not None:
            self.session_paths.append((Path(session.path), session.scenario.id))
        self._exit_holds = 0
        self._quit_asked = False  # an exit was asked for (perhaps held back: exit_held)
        # The traceback of the first unhandled exception: the command reports it, not Textual.
        self.crash: str | None = None
        self._held_exit: tuple[Any, int, Any] | None = None

    @contextmanager
    def exit_held(self) -> Iterator[None]:
        """Hold a quit back while widgets mount.

        Textual stops mounting once an exit is asked for, so a quit pressed while a screen
        builds its views would leave half-built widgets that fail; it waits for them instead.
        """
        self._exit_holds += 1
        try:
            yield
        finally:
            self._exit_holds -= 1
            if not self._exit_holds and self._held_exit is not None:
                held, self._held_exit = self._held_exit, None
                super().exit(*held)

    def exit(self, result: None = None, return_code: int = 0, message: Any = None) -> None:
        self._quit_asked = True
        if self._exit_holds:
            self._held_exit = (result, return_code, message)
            return
        super().exit(result, return_code, message)

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notice shows its text as written (wargame.ui.text): moves, messages and
        refusals quote what users typed, which is never markup nor a terminal command."""
        super().notify(printable(message), title=printable(title), severity=severity,
                       timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = "".join(traceback.format_exception(error))
        super()._handle_exception(error)  # exits with return code 1, restoring the terminal

    def _print_error_renderables(self) -> None:
        if self.crash is not None:  # wargame.commands.running says what happened, briefly
            self._exit_renderables.clear()
            return
        super()._print_error_renderables()

    def crash_lines(self) -> list[str]:
        """After a crash: where the sessions are and how to resume them."""
        return self.resume_lines() or ["No session was open."]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_palette" and self.opening:
            return None  # the session's commands come with its screen: dimmed until then
        return super().check_action(action, parameters)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not SafeCommandPalette.is_open(self):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def get_default_screen(self) -> Screen:
        # The first screen is the app's default one: pushing it on top of a blank default
        # screen would cost a whole extra layout and frame before the console shows. Except
        # the opening frame (on_mount): the session screen replaces it (switch_screen), and
        # a default screen cannot be replaced.
        if self._opener is not None:
            return Screen(id="_default")
        if self._initial is None:
            from wargame.ui.screens.home import HomeScreen  # only without a session

            return HomeScreen()
        return self._session_screen(self._initial[0])

    def on_mount(self) -> None:
        if self._initial is not None:
            self._announce(*self._initial)
        elif self._opener is not None:
            self.push_screen(self.opening_screen())

    # -- opening the session after the first frame (OpeningScreen) --------------------------
    # The viewers' app (wargame.ui.delegation.app) opens the same way, with its own frame
    # (opening_screen) and its own screen once the session is open (show_opened).

    def opening_screen(self) -> Screen:
        """The first frame: the console's status line and keys, dimmed."""
        from wargame.ui.screens.opening import OpeningScreen

        return OpeningScreen(self._scenario_ref or "", self._session_file)

    def show_opened(self, session: Session, created: bool) -> None:
        """In place of the opening frame: the session's screen."""
        self.switch_screen(self._session_screen(session))
        self._announce(session, created)

    def start_opening(self) -> None:
        """Run the opener in a thread: the engine's imports, the scenario, the fold."""
        if self._opener is not None and self._opener_worker is None:
            self._opener_worker = self.run_worker(self._open_in_thread, thread=True, group="opening",
                                            exit_on_error=False, description="open the session")

    def _open_in_thread(self) -> tuple[Session, bool]:
        assert self._opener is not None
        # The modules of the screen shown next (and the engine's, which they import) load
        # here too, off the UI thread.
        try:
            for module in self.OPENED_SCREEN_MODULES:
                importlib.import_module(module)
            self._unshown = self._opener()
            return self._unshown
        finally:
            self._opener_done.set()

    def on_worker_state_changed(self, changed: Worker.StateChanged) -> None:
        if changed.worker is not self._opener_worker or self._quit_asked:
            return  # a quit came first: on_unmount closes what was opened
        if changed.state == WorkerState.SUCCESS and self._unshown is not None:
            self.opening = False
            (session, created), self._unshown = self._unshown, None
            self.show_opened(session, created)
        elif changed.state == WorkerState.ERROR and changed.worker.error is not None:
            self.opening = False
            if isinstance(changed.worker.error, WargameError):
                self.failure = changed.worker.error
                self.exit(return_code=1)
            else:  # a bug: reported as any crash of the app
                self._handle_exception(changed.worker.error)

    async def _close_unshown_session(self) -> None:
        """The app closed while the session was opening: close it, and say where it is."""
        if self._opener_worker is None:  # never started
            return
        await asyncio.get_running_loop().run_in_executor(None, self._opener_done.wait)
        if self._unshown is not None:
            (session, _), self._unshown = self._unshown, None
            self.unshown_closed(session)
            session.close()

    def unshown_closed(self, session: Session) -> None:
        """A session opened for the console but never shown: its resume line is printed."""
        self.session_paths.append((Path(session.path), session.scenario.id))

    # -- sessions ----------------------------------------------------------------------------

    def open_session(self, session: Session, created: bool) -> SessionScreen:
        screen = self._session_screen(session)
        self.push_screen(screen)
        self._announce(session, created)
        return screen

    def _session_screen(self, session: Session) -> SessionScreen:
        from wargame.ui.live import LiveSession
        from wargame.ui.screens.session import SessionScreen

        live = LiveSession(session, clock=self.clock)
        self.live_sessions.append(live)
        if (live.path, session.scenario.id) not in self.session_paths:
            self.session_paths.append((live.path, session.scenario.id))
        return SessionScreen(live, poll_interval=self.poll_interval)

    def _announce(self, session: Session, created: bool) -> None:
        where = shown_path(session.path)
        if created:
            self.notify(f"New session saved in {where}", title="Session", timeout=12, markup=False)
        else:
            self.notify(f"Resumed {where} ({session.state.phase}, turn {session.state.turn})",
                        title="Session", timeout=6, markup=False)

    def resume_lines(self) -> list[str]:
        """What to print once the app has closed: where each session is and how to resume it."""
        lines = []
        for path, scenario_id in self.session_paths:
            where = shown_path(path)
            scenario = self._scenario_ref or scenario_id
            lines.append(f"Session saved in {where}; resume with: wargame play {scenario} --session {where}")
        return lines

    async def on_unmount(self) -> None:
        await self.workers.wait_for_complete()
        await self._close_unshown_session()
        for live in self.live_sessions:
            live.close()


def create_app(session: Session | None = None, *, created: bool = False,
               clock: Clock | None = None, poll_interval: float | None = POLL_INTERVAL,
               scenario_ref: str | None = None, opener: Opener | None = None,
               session_file: str | None = None) -> WargameApp:
    """The app on the home screen (no session), straight in a session, or opening one.

    With ``opener`` (and no session) the app draws its frame first and then calls
    ``opener`` in a thread for the session (``wargame play``); ``scenario_ref`` and
    ``session_file`` are what that frame says it is opening.
    ``clock`` (wall-clock seconds) drives the timebox and message ages; tests pin it.
    ``poll_interval`` is how often events from other processes are looked for (None: never).
    """
    return WargameApp(session, created=created, clock=clock or time.time,
                      poll_interval=poll_interval, scenario_ref=scenario_ref, opener=opener,
                      session_file=session_file)
