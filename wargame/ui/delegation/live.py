"""A screen's handle on the session as one viewer: a delegation, an observer or the public.

It acts as that viewer (the engine refuses a delegation acting for another) and holds
``view``: the state as the viewer may see it, made by :func:`wargame.engine.visibility.
screen_state` after every change. Screens and widgets read ``view`` only, never the
session's own state, so the transparency rules are applied in one place.

``view`` is a fresh copy each time and is never changed afterwards: the UI thread reads it
without a lock while workers replace it.
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
from wargame.engine.visibility import PUBLIC, Viewer, screen_state

Clock = Callable[[], float]


class ViewerSession:
    def __init__(self, session: Session, viewer: Viewer, clock: Clock = time.time) -> None:
        self.session = session
        self.viewer = viewer
        self.clock = clock
        self._lock = threading.RLock()
        self.view: ExerciseState = screen_state(session.state, viewer)

    @property
    def path(self) -> Path:
        return Path(self.session.path)

    @property
    def can_act(self) -> bool:
        """Whether the viewer may act at all: the public and observers only watch."""
        if self.viewer == PUBLIC:
            return False
        return self.session.scenario.delegation(self.viewer).can_move

    @contextmanager
    def locked(self) -> Iterator[Session]:
        """Exclusive use of the session for a worker thread (waits for other workers)."""
        with self._lock:
            yield self.session

    def act(self, kind: str, payload: dict[str, Any]) -> Event:
        """Perform an action as the viewer (blocking; from a worker). ActionRefused as the engine."""
        with self._lock:
            started = self.session.state.exercise_started_ts
            at = None if started is None else max(self.clock() - started, 0.0)
            event = self.session.act(kind, payload, actor=self.viewer, at=at)
            self.view = screen_state(self.session.state, self.viewer)
            return event

    def refresh(self) -> bool:
        """Fold in what other processes appended (blocking, cheap when nothing was)."""
        with self._lock:
            if not self.session.refresh():
                return False
            self.view = screen_state(self.session.state, self.viewer)
            return True

    def close(self) -> None:
        with self._lock:
            self.session.close()
