"""The live model of every session screen: console, delegation, observer and projector.

    engine  LiveSession.act / .refresh  ──►  Snapshot (a private copy, never changed)
    thread  one poll thread per screen, an action worker per action
    UI      SessionChanged(snapshot) ──► screen.snapshot ──► widgets draw from it

A screen holds a :class:`wargame.engine.live.LiveSession` handle (its viewer's) and the
latest snapshot it was sent. Only worker threads call the engine; they post the snapshot
they got, and the UI thread keeps the newest (a late, older one is dropped). Widgets and
forms are given ``snapshot.state`` and never see the session's own, mutable state, so
nothing on the UI thread waits for a lock or retries.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.message_pump import MessagePump
from textual.screen import Screen

from wargame.engine.live import Clock, LiveSession, Snapshot
from wargame.engine.state import ExerciseState
from wargame.errors import ActionRefused, WargameError
from wargame.ui.messages import ActionDone, SessionChanged
from wargame.ui.ticker import POLL_INTERVAL, Ticker

__all__ = ["Clock", "LiveScreen", "LiveSession", "POLL_INTERVAL", "Snapshot"]


class LiveScreen(Screen[None]):
    """A screen on a live session: ``snapshot``, one poll thread, actions in workers.

    Subclasses draw in ``show_snapshot(before, after)``, called on the UI thread with the
    previous and the new snapshot whenever a newer one arrives.
    """

    def __init__(self, live: LiveSession, *, poll_interval: float | None = POLL_INTERVAL,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.live = live
        self.poll_interval = poll_interval
        self.snapshot: Snapshot = live.snapshot
        self._poller: Ticker | None = None
        self._poll_problem: str | None = None

    @property
    def state(self) -> ExerciseState:
        """What the screen shows: the latest snapshot's state."""
        return self.snapshot.state

    def start_polling(self) -> None:
        if self.poll_interval and self._poller is None:
            self._poller = Ticker(self.poll_interval, self._poll, name="wargame-poll",
                                  on_error=self._poll_failed).start()

    def on_unmount(self) -> None:
        if self._poller is not None:
            self._poller.stop()

    def _poll(self) -> None:
        """On the poll thread: fold in other processes' events; post the new snapshot."""
        try:
            snapshot = self.live.refresh()
        except WargameError as error:  # locked or gone for now: say so (once), keep looking
            if str(error) != self._poll_problem:
                self._poll_problem = str(error)
                self.app.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return
        self._poll_problem = None
        if snapshot is not None:
            self.post_message(SessionChanged(snapshot))

    def _poll_failed(self, error: BaseException) -> None:
        self.app.call_from_thread(
            self.notify, f"Live updates stopped: {error}. Reopen this screen to resume them.",
            severity="error", timeout=30)

    def act(self, kind: str, payload: dict[str, Any], reply_to: MessagePump | None = None) -> None:
        """Perform an action in a worker; ``reply_to`` (default: this screen) gets ActionDone."""
        self._act_worker(kind, payload, reply_to or self)

    @work(thread=True, group="store", description="engine action")  # a bug is reported, not lost
    def _act_worker(self, kind: str, payload: dict[str, Any], reply_to: MessagePump) -> None:
        try:
            event, snapshot = self.live.act(kind, payload)
        except (ActionRefused, WargameError) as refusal:  # the engine's words; nothing lost
            reply_to.post_message(ActionDone(kind, payload, None, str(refusal)))
            return
        self.post_message(SessionChanged(snapshot))
        reply_to.post_message(ActionDone(kind, payload, event, None))

    def on_session_changed(self, changed: SessionChanged) -> None:
        changed.stop()
        if changed.snapshot.version <= self.snapshot.version:
            return  # an older snapshot overtaken by a newer one
        before, self.snapshot = self.snapshot, changed.snapshot
        self.show_snapshot(before, self.snapshot)

    def show_snapshot(self, before: Snapshot, after: Snapshot) -> None:
        raise NotImplementedError
