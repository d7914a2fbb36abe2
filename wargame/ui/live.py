"""The app's handle on an open session: every engine call the UI makes goes through here.

Engine calls may block (SQLite, folding the log), so the app makes them from thread
workers only. The engine folds events into the state in place, so readers on the UI
thread take ``reading()`` — without waiting: when a worker is mid-fold the UI draws the
next time instead of blocking the event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wargame.engine import Session
from wargame.engine.state import Event, ExerciseState

Clock = Callable[[], float]


class LiveSession:
    def __init__(self, session: Session, clock: Clock = time.time) -> None:
        self.session = session
        self.clock = clock
        self._lock = threading.RLock()
        self._reported = len(session.state.events)

    @property
    def path(self) -> Path:
        return Path(self.session.path)

    @property
    def state(self) -> ExerciseState:
        return self.session.state

    @contextmanager
    def reading(self) -> Iterator[bool]:
        """Yields True when the state may be read now, False when a worker is changing it."""
        acquired = self._lock.acquire(blocking=False)
        try:
            yield acquired
        finally:
            if acquired:
                self._lock.release()

    @contextmanager
    def locked(self) -> Iterator[Session]:
        """Exclusive use of the session for a worker thread (waits for other workers)."""
        with self._lock:
            yield self.session

    def act(self, kind: str, payload: dict[str, Any]) -> tuple[Event, list[Event]]:
        """Perform one action (blocking); the event and every event not yet reported.

        Raises ActionRefused (nothing written) like Session.act. ``at`` comes from the
        app's clock once the exercise has begun, so the UI and its tests share one time.
        """
        with self._lock:
            started = self.session.state.exercise_started_ts
            at = None if started is None else max(self.clock() - started, 0.0)
            event = self.session.act(kind, payload, at=at)
            return event, self._unreported()

    def refresh(self) -> list[Event]:
        """Events other processes appended since the last look (blocking, cheap when none)."""
        with self._lock:
            self.session.refresh()
            return self._unreported()

    def _unreported(self) -> list[Event]:
        events = self.session.state.events
        if self._reported > len(events):  # the state was rebuilt from scratch
            self._reported = 0
        new = events[self._reported:]
        self._reported = len(events)
        return list(new)

    def close(self) -> None:
        with self._lock:
            self.session.close()
