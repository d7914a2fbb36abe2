"""The app for everyone but the facilitator at the console: a delegation, an observer, the
projector, or (served to a browser) a first screen that asks who you are.

It is the facilitator's app with other first screens: choosing control opens the very
same console, so a facilitator can also work from a browser. Like the console under
``wargame play``, it can draw its first frame before the session is open (``opener``):
the frame has the viewer's keys, dimmed, and the viewer's screen replaces it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.events import Mount
from textual.screen import Screen

from wargame.printable import printable
from wargame.ui.app import Opener, WargameApp, shown_path
from wargame.ui.styles import APP_CSS, FORMS_CSS, VIEWS_CSS, load_stylesheet
from wargame.ui.ticker import POLL_INTERVAL
from wargame.viewers import CONTROL, PUBLIC

# The engine and the viewers' screens load after the first frame (in the opener's thread).
if TYPE_CHECKING:
    from wargame.engine import Session
    from wargame.ui.live import Clock, LiveSession

DELEGATION_CSS = Path(__file__).resolve().parent / "delegation.tcss"


class ViewerApp(WargameApp):
    # The viewers' stylesheets load with their first screen (show_first), after the frame.
    CSS_PATH = [APP_CSS]
    OPENED_SCREEN_MODULES = ("wargame.ui.delegation.screens", "wargame.ui.delegation.public",
                             "wargame.ui.delegation.chooser")

    def __init__(self, session: Session | None, viewer: str | None, *, clock: Clock = time.time,
                 poll_interval: float | None = POLL_INTERVAL,
                 presence_interval: float | None = None,
                 scenario_ref: str | None = None, opener: Opener | None = None,
                 session_file: str | None = None) -> None:
        super().__init__(None, clock=clock, poll_interval=poll_interval, scenario_ref=scenario_ref,
                         opener=opener if session is None else None, session_file=session_file)
        self.presence_interval = presence_interval  # None: the engine's heartbeat
        self.session = session  # None until the opener has opened it
        self.viewer = viewer
        self.viewer_sessions: list[LiveSession] = []

    def get_default_screen(self) -> Screen:
        return Screen(id="_default")  # a blank base: the viewer's screen is pushed on mount

    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # not the facilitator app's home screen
        if self.session is not None:
            self.show_first(self.session)
        else:
            self.push_screen(self.opening_screen())

    def opening_screen(self) -> Screen:
        from wargame.ui.screens.opening import DelegationOpeningScreen, WatchingOpeningScreen

        frame = WatchingOpeningScreen if self.viewer in (None, PUBLIC) else DelegationOpeningScreen
        return frame(self._scenario_ref or "", self._session_file, self.viewer)

    def show_opened(self, session: Session, created: bool) -> None:
        self.show_first(session)

    def show_first(self, session: Session) -> None:
        """The viewer's screen, or the chooser, on the session now open."""
        self.session = session
        self.title = printable(f"wargame · {session.scenario.title}")
        load_stylesheet(self, VIEWS_CSS, FORMS_CSS, DELEGATION_CSS)
        if self.viewer is None:
            from wargame.ui.delegation.chooser import ChooseViewerScreen

            self._replace_first(ChooseViewerScreen(session, self.open_view))
        else:
            self.open_view(self.viewer)

    def open_view(self, viewer: str) -> None:
        """Show ``viewer``'s screen in place of whatever is shown (the opening frame, the chooser)."""
        from wargame.engine.presence import HEARTBEAT_EVERY
        from wargame.ui.delegation.public import PublicScreen
        from wargame.ui.delegation.screens import DelegationScreen, PollingScreen
        from wargame.ui.live import LiveSession

        assert self.session is not None
        if viewer == CONTROL:
            if self._first_shown():
                self.pop_screen()
            self.open_session(self.session, created=False)
            return
        live = LiveSession(self.session, viewer, self.clock)
        self.viewer_sessions.append(live)
        screen: PollingScreen = (PublicScreen if viewer == PUBLIC else DelegationScreen)(
            live, poll_interval=self.poll_interval,
            presence_interval=HEARTBEAT_EVERY if self.presence_interval is None
            else self.presence_interval)
        scenario = self.session.scenario
        self.sub_title = "Projector" if viewer == PUBLIC else printable(scenario.delegation(viewer).name)
        self._replace_first(screen)

    def _first_shown(self) -> bool:
        """Whether a first screen (the opening frame or the chooser) is on top, to be replaced."""
        from wargame.ui.delegation.chooser import ChooseViewerScreen
        from wargame.ui.screens.opening import OpeningScreen

        return isinstance(self.screen, (ChooseViewerScreen, OpeningScreen))

    def _replace_first(self, screen: Screen) -> None:
        if self._first_shown():
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def view_shown(self, seq: int) -> None:
        """A screen now shows everything up to event ``seq`` (a hook for tests and benchmarks)."""

    def crash_lines(self) -> list[str]:
        if not self.viewer_sessions or self.session is None:
            return super().crash_lines()
        where = shown_path(self.session.path)
        scenario = self._scenario_ref or self.session.scenario.id
        viewer = f" --as {self.viewer}" if self.viewer else ""
        return [f"Session saved in {where}; reopen this screen with: "
                f"wargame play {scenario} --session {where}{viewer}"]

    def resume_lines(self) -> list[str]:
        return [] if self.viewer_sessions else super().resume_lines()

    def unshown_closed(self, session: Session) -> None:
        """A viewer who quit while the session opened: nothing to resume, as after its screen."""

    async def on_unmount(self) -> None:
        # WargameApp.on_unmount runs after this one: it waits for the opener's thread and
        # closes a session opened after a quit, and the console's (a browser chose control).
        await self.workers.wait_for_complete()
        for live in self.viewer_sessions:
            live.close()
        if self.session is not None and self._opener is not None:
            self.session.close()  # the app opened it, so the app closes it


def create_viewer_app(session: Session | None, viewer: str | None, *, clock: Clock | None = None,
                      poll_interval: float | None = POLL_INTERVAL,
                      presence_interval: float | None = None,
                      scenario_ref: str | None = None, opener: Opener | None = None,
                      session_file: str | None = None) -> ViewerApp:
    """``viewer``'s screen on a session; None asks who (and the access code) first.

    ``viewer`` is a delegation id (an observer's screen is read-only), ``public`` or
    ``control``; ``poll_interval`` is how often other processes' events are looked for,
    ``presence_interval`` how often the screen heartbeats and redraws who is connected
    (None: the engine's heartbeat). With ``opener`` and no ``session`` the app draws its
    first frame, then opens the session in a thread (``wargame play --as``; see
    wargame.ui.app.create_app); ``scenario_ref`` and ``session_file`` are what that frame
    says it is opening.
    """
    return ViewerApp(session, viewer, clock=clock or time.time, poll_interval=poll_interval,
                     presence_interval=presence_interval, scenario_ref=scenario_ref,
                     opener=opener, session_file=session_file)
