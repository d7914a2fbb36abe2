"""Who has a session open, and when each delegation last acted.

Every open screen (the facilitator's console, a delegation's screen, the projector) keeps
one row of the session file's ``presence`` table fresh with a heartbeat and deletes it on
a clean exit; a row not refreshed for ``CONNECTED_WITHIN`` seconds belongs to a screen that
went away (closed terminal, lost network, killed process).

Heartbeats go through a connection of their own with a short busy timeout, so a screen
never stalls its reads or its actions behind a heartbeat waiting for the write lock; a
missed heartbeat is simply retried at the next one.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import attrs

from wargame.engine.actions import CONTROL_ACTORS
from wargame.engine.state import ExerciseState
from wargame.engine.visibility import CONTROL, PUBLIC, Viewer, visible_event_seqs

HEARTBEAT_EVERY = 2.0  # seconds between an open screen's heartbeats
CONNECTED_WITHIN = 6.0  # a screen counts as connected while its last heartbeat is this recent
_BUSY_TIMEOUT = 0.5  # seconds a heartbeat waits for the write lock before giving up


def new_client_id() -> str:
    """An id for one open screen (a process may show several)."""
    return uuid.uuid4().hex


@attrs.frozen
class PresenceRow:
    client: str
    viewer: str
    pid: int
    host: str
    started: float
    last_seen: float


class PresenceBoard:
    """The presence table of one session file, on its own connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._started: dict[str, float] = {}

    def _connection(self) -> sqlite3.Connection:
        if self._closed:
            raise sqlite3.ProgrammingError("the session is closed")
        if self._db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, isolation_level=None,
                                 timeout=_BUSY_TIMEOUT, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT * 1000)}")
            db.execute("PRAGMA synchronous = NORMAL")  # a heartbeat is not worth an fsync
            self._db = db
        return self._db

    def beat(self, viewer: str, client: str, now: float | None = None) -> bool:
        """Say that ``client`` (showing ``viewer``) is still open; False when it could not."""
        now = time.time() if now is None else now
        with self._lock:
            started = self._started.setdefault(client, now)
            try:
                self._connection().execute(
                    "INSERT INTO presence (client, viewer, pid, host, started, last_seen) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client) DO UPDATE SET "
                    "viewer = excluded.viewer, last_seen = excluded.last_seen",
                    (client, viewer, os.getpid(), socket.gethostname(), started, now))
            except sqlite3.Error:  # busy, read-only or gone: the next heartbeat tries again
                return False
            return True

    def leave(self, client: str) -> None:
        with self._lock:
            self._started.pop(client, None)
            try:
                self._connection().execute("DELETE FROM presence WHERE client = ?", (client,))
            except sqlite3.Error:
                pass  # its row simply goes stale

    def rows(self) -> list[PresenceRow]:
        with self._lock:
            try:
                found = self._connection().execute(
                    "SELECT client, viewer, pid, host, started, last_seen FROM presence "
                    "ORDER BY started").fetchall()
            except sqlite3.Error:
                return []
        return [PresenceRow(*row) for row in found]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._db is not None:
                self._db.close()
                self._db = None


@attrs.frozen
class Attendance:
    """One participant as a screen shows it: who, whether connected, when last seen and acting."""

    viewer: str  # "control", a delegation id, or "public"
    name: str
    screens: int  # screens of this viewer connected now
    last_seen: float | None  # newest heartbeat (wall clock)
    last_acted: float | None  # newest event this viewer may know of (wall clock)

    @property
    def connected(self) -> bool:
        return self.screens > 0


def attendance(state: ExerciseState, rows: list[PresenceRow], viewer: Viewer, now: float,
               *, within: float = CONNECTED_WITHIN,
               acted: dict[str, float] | None = None) -> list[Attendance]:
    """Control, each delegation and the projector, as ``viewer`` may see them.

    "Last acted" counts only the events ``viewer`` may know of, so a private move shows
    nowhere, not even as a delegation having just done something. ``acted``: that from
    :func:`last_acted`, when the caller kept it from an earlier call on the same log.
    """
    seen: dict[str, list[float]] = {}
    for row in rows:
        if now - row.last_seen <= within:
            seen.setdefault(row.viewer, []).append(row.last_seen)
    newest: dict[str, float] = {}
    for row in rows:
        newest[row.viewer] = max(newest.get(row.viewer, row.last_seen), row.last_seen)
    if acted is None:
        acted = last_acted(state, viewer)
    people = [(CONTROL, "Control (facilitator)")]
    people += [(d.id, d.name) for d in state.scenario.delegations]
    people.append((PUBLIC, "Projector (public)"))
    return [Attendance(viewer=who, name=name, screens=len(seen.get(who, ())),
                       last_seen=newest.get(who), last_acted=acted.get(who))
            for who, name in people]


def last_acted(state: ExerciseState, viewer: Viewer) -> dict[str, float]:
    """When each actor last acted (wall clock), from the events ``viewer`` may know of.

    The facilitator's and a script's actions count as control's.
    """
    visible = visible_event_seqs(state, viewer)
    acted: dict[str, float] = {}
    for event in reversed(state.events):
        who = CONTROL if event.actor in CONTROL_ACTORS else event.actor
        if who in acted or event.seq not in visible:
            continue
        acted[who] = event.ts
    return acted


def ago_text(seconds: float | None) -> str:
    """``just now``, ``40 s ago``, ``2 min ago``, ``3 h ago``; ``never`` for None."""
    if seconds is None:
        return "never"
    seconds = max(seconds, 0.0)
    if seconds < 10:
        return "just now"
    if seconds < 60:
        return f"{int(seconds)} s ago"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} d ago"
