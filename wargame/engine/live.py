"""A live session as one viewer sees it: every screen's handle on the engine.

The session's own state is folded in place, so it is never handed out. Instead, after
every commit and every refresh that found something, the handle makes a :class:`Snapshot`:
the state as the viewer may see it (:func:`wargame.engine.visibility.screen_state`, extended
event by event: :mod:`wargame.engine.screen_projection`),
copied, and never changed afterwards. A UI thread reads the latest snapshot without a
lock while a worker thread acts or refreshes; the console, the delegations, observers and
the projector all hold this same kind of handle.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from wargame.engine.presence import Attendance, attendance, last_acted
from wargame.engine.screen_projection import ScreenProjection
from wargame.engine.session import Session
from wargame.engine.state import DyadState, Event, ExerciseState
from wargame.engine.visibility import CONTROL, PUBLIC, Viewer

Clock = Callable[[], float]


@attrs.frozen
class Snapshot:
    """The state one viewer may see after the log's event ``state.last_seq``; read-only."""

    state: ExerciseState
    version: int  # grows with each snapshot of one handle: a stale one is recognised
    # What changed since the handle's previous snapshot: the kinds of the events folded in
    # (for control also the events themselves; other viewers learn only what they may see,
    # from the state). ``refolded``: a retraction recomputed everything.
    kinds: frozenset[str] = frozenset()
    events: tuple[Event, ...] = ()
    refolded: bool = True

    @property
    def seq(self) -> int:
        return self.state.last_seq


def private_copy(state: ExerciseState, previous: ExerciseState | None = None) -> ExerciseState:
    """A copy of control's state that later folds cannot change (records copied too).

    ``previous``, an earlier copy (never changed since: snapshots are read-only), lends
    every record still equal to the state's own, so only the records that the new events
    touched are copied: comparing is many times cheaper than copying.
    """
    def each(records: dict, before: dict | None) -> dict:
        if not before:
            return {key: copy.copy(record) for key, record in records.items()}
        kept = before.get
        return {key: old if (old := kept(key)) is not None and old == record
                else copy.copy(record) for key, record in records.items()}

    def items(records: list, before: list | None) -> list:
        if not before:
            return [copy.copy(record) for record in records]
        return [old if i < len(before) and (old := before[i]) == record else copy.copy(record)
                for i, record in enumerate(records)]

    def dyad(pair: frozenset, record: DyadState) -> DyadState:
        old = previous.dyads.get(pair) if previous is not None else None
        if old is not None and old == record:
            return old
        return attrs.evolve(record, history=list(record.history))

    p = previous
    return attrs.evolve(
        state, moves=each(state.moves, p and p.moves),
        messages=each(state.messages, p and p.messages),
        injects=each(state.injects, p and p.injects),
        ratings=each(state.ratings, p and p.ratings),
        retracted_messages=each(state.retracted_messages, p and p.retracted_messages),
        dyads={pair: dyad(pair, record) for pair, record in state.dyads.items()},
        perceptions=items(state.perceptions, p and p.perceptions),
        notes=items(state.notes, p and p.notes),
        lessons=items(state.lessons, p and p.lessons),
        improvements=items(state.improvements, p and p.improvements),
        hotwash=items(state.hotwash, p and p.hotwash),
        channels=dict(state.channels), events=list(state.events),
        retracted=dict(state.retracted), void=dict(state.void), routes={},
        phase_ts=dict(state.phase_ts))


class Projector:
    """Successive snapshot states of one handle, each made from what changed since the
    last: control's copy reuses the previous copy's unchanged records, another viewer's
    filtered state is extended (:class:`ScreenProjection`, equal to ``screen_state``)."""

    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self._projection = ScreenProjection(viewer) if viewer != CONTROL else None
        self._previous: ExerciseState | None = None

    def project(self, state: ExerciseState, refolded: bool) -> ExerciseState:
        if self._projection is not None:
            if refolded:
                self._projection.reset()
            return self._projection.project(state)
        self._previous = private_copy(state, self._previous)
        return self._previous


class LiveSession:
    """One viewer's handle on an open session, safe to share between threads.

    ``act`` and ``refresh`` block (SQLite, folding), so a UI calls them from a worker
    thread; ``snapshot`` is the latest snapshot and may be read from any thread.
    """

    def __init__(self, session: Session, viewer: Viewer = CONTROL,
                 clock: Clock = time.time) -> None:
        self.session = session
        self.viewer = viewer
        self.clock = clock
        self._lock = threading.RLock()
        self._version = 0
        self._acted: tuple[tuple, dict[str, float]] | None = None  # (log key, last_acted)
        self._closed = False  # a poll thread may still look once after its screen closed
        self._projector = Projector(viewer)
        self.snapshot: Snapshot = Snapshot(self._projector.project(session.state, True), 0)

    @property
    def path(self) -> Path:
        return Path(self.session.path)

    @property
    def can_act(self) -> bool:
        """Whether the viewer may act at all: the public and observers only watch."""
        if self.viewer == CONTROL:
            return True
        if self.viewer == PUBLIC:
            return False
        return self.session.scenario.delegation(self.viewer).can_move

    @contextmanager
    def locked(self) -> Iterator[Session]:
        """Exclusive use of the session for a worker thread (the debrief reads it whole)."""
        with self._lock:
            yield self.session

    def act(self, kind: str, payload: dict[str, Any]) -> tuple[Event, Snapshot]:
        """Perform an action as the viewer; the event and the snapshot after it.

        Raises ActionRefused (nothing written) like Session.act. ``at`` comes from the
        handle's clock once the exercise has begun, so a UI and its tests share one time.
        """
        with self._lock:
            before = self.session.state
            started = before.exercise_started_ts
            at = None if started is None else max(self.clock() - started, 0.0)
            seen = before.last_seq
            actor = "facilitator" if self.viewer == CONTROL else self.viewer
            event = self.session.act(kind, payload, actor=actor, at=at)
            return event, self._advance(seen, before)

    def refresh(self) -> Snapshot | None:
        """Fold in what other processes appended; the new snapshot, or None when nothing was."""
        with self._lock:
            if self._closed:
                return None
            before = self.session.state
            seen = before.last_seq
            if not self.session.refresh():
                return None
            return self._advance(seen, before)

    def _advance(self, seen: int, before: ExerciseState) -> Snapshot:
        state = self.session.state
        refolded = state is not before  # a retraction folds a new state from scratch
        new: list[Event] = []
        for event in reversed(state.events):  # the new ones are at the end
            if event.seq <= seen:
                break
            new.append(event)
        new.reverse()
        self._version += 1
        self.snapshot = Snapshot(
            self._projector.project(state, refolded), self._version,
            kinds=frozenset(e.kind for e in new),
            events=tuple(new) if self.viewer == CONTROL else (), refolded=refolded)
        return self.snapshot

    def attendance(self, rows: list, now: float, viewer: Viewer | None = None) -> list[Attendance]:
        """Who is connected and when each last acted, as ``viewer`` (default: the handle's)
        may know it; from the full log, which only the engine side holds."""
        with self._lock:
            state, viewer = self.session.state, viewer or self.viewer
            # Who last acted changes only with the log: kept between heartbeats (on a long
            # log, finding it means projecting the whole state for the viewer).
            key = (id(state), state.last_seq, len(state.events), viewer)
            if self._acted is None or self._acted[0] != key:
                self._acted = (key, last_acted(state, viewer))
            return attendance(state, rows, viewer, now, acted=self._acted[1])

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self.session.close()
