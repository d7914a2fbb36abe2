"""Who is connected: control, each delegation and the projector, and when each last acted.

The panel also keeps its own screen present: it heartbeats for ``viewer`` every couple of
seconds and removes itself when it goes away, so putting it on a screen is all it takes.
Connected reads ``● online`` and away ``○ away``: the symbol and the word, not colour alone.

Every engine call runs on the panel's own thread; what is shown comes from
:func:`wargame.engine.presence.attendance`, which counts only the events the viewer may
know of.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from textual.content import Content
from textual.widgets import Static

from wargame.engine.presence import HEARTBEAT_EVERY, Attendance, ago_text, new_client_id
from wargame.engine.session import Session
from wargame.engine.visibility import CONTROL, PUBLIC
from wargame.ui.ticker import Ticker
from wargame.ui.text import assemble, plain


class SessionHolder(Protocol):
    """What the panel needs of a screen's session handle (wargame.engine.live.LiveSession)."""

    session: Session

    def attendance(self, rows: list, now: float, viewer: str) -> list[Attendance]: ...


def attendance_lines(entries: list[Attendance], viewer: str, now: float) -> list[Content]:
    width = max((len(e.name) for e in entries), default=10)
    lines = []
    for entry in entries:
        you = "  (you)" if entry.viewer == viewer and entry.viewer != PUBLIC else ""
        if entry.connected:
            mark = plain("● online ", "bold $text-success")
            status = f"{entry.screens} screens" if entry.screens > 1 else ""
        else:
            mark = plain("○ away   ", "$text-muted")
            status = f"seen {ago_text(now - entry.last_seen)}" if entry.last_seen else ""
        acted = "" if entry.viewer == PUBLIC else "acted " + ago_text(
            None if entry.last_acted is None else now - entry.last_acted)
        detail = " · ".join(part for part in (status, acted) if part)
        lines.append(assemble(mark, (entry.name.ljust(width), "bold"), "  ",
                                      (detail, "$text-muted"), you))
    return lines


def attendance_line(entries: list[Attendance], viewer: str) -> Content:
    """The same on one line, for a status area: ``● azure  ○ crimson  ● projector×2``."""
    parts: list[str | tuple[str, str]] = [("Here: ", "bold")]
    for entry in entries:
        if entry.viewer == PUBLIC and not entry.connected:
            continue
        name = "projector" if entry.viewer == PUBLIC else entry.viewer
        many = f"×{entry.screens}" if entry.screens > 1 else ""
        you = " (you)" if entry.viewer == viewer and entry.viewer != PUBLIC else ""
        if entry.connected:
            parts += [("● ", "bold $text-success"), f"{name}{many}{you}  "]
        else:
            parts += [("○ ", "$text-muted"), (f"{name} away  ", "$text-muted")]
    return assemble(*parts)


class PresencePanel(Static):
    """One line per participant (or all on one line, ``compact``), refreshed and
    heartbeating every ``interval`` seconds."""

    DEFAULT_CSS = """
    PresencePanel {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, live: SessionHolder, viewer: str = CONTROL, *, heartbeat: bool = True,
                 interval: float = HEARTBEAT_EVERY, clock: Callable[[], float] = time.time,
                 compact: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(plain("Looking for who is connected…", "$text-muted"),
                         id=id, classes=classes)
        self.live = live
        self.viewer = viewer
        self.client = new_client_id()
        self.clock = clock
        self.entries: list[Attendance] = []
        self._heartbeat = heartbeat
        self._interval = interval
        self._compact = compact
        self._ticker: Ticker | None = None
        self._shown: Content | None = None

    def on_mount(self) -> None:
        self._ticker = Ticker(self._interval, self._beat, name="wargame-presence",
                              at_once=True).start()

    def _beat(self) -> None:
        """On the presence thread: heartbeat, then read who is here."""
        session = self.live.session
        if self._heartbeat:
            session.heartbeat(self.viewer, self.client)
        rows = session.presence()
        now = self.clock()
        entries = self.live.attendance(rows, now, self.viewer)
        self.app.call_from_thread(self.show_attendance, entries, now)

    def show_attendance(self, entries: list[Attendance], now: float) -> None:
        self.entries = entries
        if self._compact:
            content = attendance_line(entries, self.viewer)
        else:
            content = plain("\n").join(attendance_lines(entries, self.viewer, now))
        if content != self._shown:  # most beats change nothing: no redraw then
            self._shown = content
            self.update(content)

    def on_unmount(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
        if self._heartbeat:
            self.live.session.leave(self.client)
