"""The app for everyone but the facilitator at the console: a delegation, an observer, the
projector, or (served to a browser) a first screen that asks who you are.

It is the facilitator's app with other first screens: choosing control opens the very
same console, so a facilitator can also work from a browser.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual.events import Mount
from textual.screen import Screen

from wargame.engine import Session
from wargame.engine.presence import HEARTBEAT_EVERY
from wargame.engine.visibility import CONTROL, PUBLIC
from wargame.printable import printable
from wargame.ui.app import WargameApp, shown_path
from wargame.ui.styles import APP_CSS, FORMS_CSS, VIEWS_CSS
from wargame.ui.delegation.chooser import ChooseViewerScreen
from wargame.ui.delegation.public import PublicScreen
from wargame.ui.delegation.screens import DelegationScreen, PollingScreen
from wargame.ui.live import POLL_INTERVAL, Clock, LiveSession


class ViewerApp(WargameApp):
    CSS_PATH = [APP_CSS, VIEWS_CSS, FORMS_CSS, Path(__file__).resolve().parent / "delegation.tcss"]

    def __init__(self, session: Session, viewer: str | None, *, clock: Clock = time.time,
                 poll_interval: float | None = POLL_INTERVAL,
                 presence_interval: float = HEARTBEAT_EVERY,
                 scenario_ref: str | None = None) -> None:
        super().__init__(None, clock=clock, poll_interval=poll_interval, scenario_ref=scenario_ref)
        self.presence_interval = presence_interval
        self.session = session
        self.viewer = viewer
        self.viewer_sessions: list[LiveSession] = []
        self.title = printable(f"wargame · {session.scenario.title}")

    def get_default_screen(self) -> Screen:
        return Screen(id="_default")  # a blank base: the viewer's screen is pushed on mount

    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # not the facilitator app's home screen
        if self.viewer is None:
            self.push_screen(ChooseViewerScreen(self.session, self.open_view))
        else:
            self.open_view(self.viewer)

    def open_view(self, viewer: str) -> None:
        """Show ``viewer``'s screen in place of whatever is shown (the chooser)."""
        chooser = isinstance(self.screen, ChooseViewerScreen)
        if viewer == CONTROL:
            if chooser:
                self.pop_screen()
            self.open_session(self.session, created=False)
            return
        live = LiveSession(self.session, viewer, self.clock)
        self.viewer_sessions.append(live)
        screen: PollingScreen = (PublicScreen if viewer == PUBLIC else DelegationScreen)(
            live, poll_interval=self.poll_interval, presence_interval=self.presence_interval)
        scenario = self.session.scenario
        self.sub_title = "Projector" if viewer == PUBLIC else printable(scenario.delegation(viewer).name)
        if chooser:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def view_shown(self, seq: int) -> None:
        """A screen now shows everything up to event ``seq`` (a hook for tests and benchmarks)."""

    def crash_lines(self) -> list[str]:
        if not self.viewer_sessions:
            return super().crash_lines()
        where = shown_path(self.session.path)
        scenario = self._scenario_ref or self.session.scenario.id
        viewer = f" --as {self.viewer}" if self.viewer else ""
        return [f"Session saved in {where}; reopen this screen with: "
                f"wargame play {scenario} --session {where}{viewer}"]

    def resume_lines(self) -> list[str]:
        return [] if self.viewer_sessions else super().resume_lines()

    async def on_unmount(self) -> None:
        await self.workers.wait_for_complete()
        for live in self.viewer_sessions:
            live.close()


def create_viewer_app(session: Session, viewer: str | None, *, clock: Clock | None = None,
                      poll_interval: float | None = POLL_INTERVAL,
                      presence_interval: float = HEARTBEAT_EVERY,
                      scenario_ref: str | None = None) -> ViewerApp:
    """``viewer``'s screen on an open session; None asks who (and the access code) first.

    ``viewer`` is a delegation id (an observer's screen is read-only), ``public`` or
    ``control``; ``poll_interval`` is how often other processes' events are looked for,
    ``presence_interval`` how often the screen heartbeats and redraws who is connected.
    """
    return ViewerApp(session, viewer, clock=clock or time.time, poll_interval=poll_interval,
                     presence_interval=presence_interval, scenario_ref=scenario_ref)
