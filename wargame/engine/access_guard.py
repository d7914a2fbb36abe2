"""Guarding the access codes across connections: failures, delays, lockouts, the log.

Each browser connection is its own process, so what one connection learns must live in
the session file: every attempt is a row of the ``access_log`` table (viewer, time,
address, outcome). Not part of the exercise record (like ``presence``): the table is made
when first needed, and files without it simply have no attempts yet.

The wrong codes typed for a viewer since its last success (or since control lifted a
lockout) count, whichever connection typed them: after each one the next attempt waits
``delay_after(n)`` seconds, and after ``LOCKOUT_AFTER`` the viewer is locked until control
lifts it (``wargame access SESSION --unlock VIEWER``). A viewer may have at most
``MAX_CONNECTIONS`` screens open at once (presence counts them; the others see them).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import attrs

from wargame.errors import SessionError

LOCKOUT_AFTER = 10  # wrong codes for one viewer before control must lift the lockout
MAX_DELAY = 300.0  # seconds: the longest wait between two attempts
MAX_CONNECTIONS = 3  # screens open at once per viewer (a second console is fine)
_BUSY_TIMEOUT = 5.0
CLIENT_ADDRESS_VARIABLE = "WARGAME_CLIENT_ADDRESS"  # set by wargame serve per connection

ACCESS_TABLE = """
CREATE TABLE IF NOT EXISTS access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    viewer TEXT NOT NULL,
    ts REAL NOT NULL,
    address TEXT NOT NULL,
    outcome TEXT NOT NULL
)
"""
OUTCOMES = ("failure", "success", "lifted", "refused")


def delay_after(failures: int) -> float:
    """Seconds to wait before the next attempt: 0, then 1, 2, 4... capped at MAX_DELAY."""
    if failures <= 0:
        return 0.0
    return min(2.0 ** (failures - 1), MAX_DELAY)


@attrs.frozen
class Gate:
    failures: int  # wrong codes since the last success or lift
    wait: float  # seconds before the next attempt may be checked
    locked: bool

    def refusal(self, viewer: str) -> str | None:
        """Why an attempt cannot be checked now, in the participant's words; None if it can."""
        if self.locked:
            return (f"Too many wrong codes for {viewer}: the screen is locked. Ask the "
                    "facilitator to lift the lockout.")
        if self.wait > 0:
            return f"Wait {int(self.wait + 0.999)} s before the next try."
        return None


@attrs.frozen
class Attempt:
    viewer: str
    ts: float
    address: str
    outcome: str


class AccessGuard:
    """The access log of one session file, on its own connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                db = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True,
                                     isolation_level=None, timeout=_BUSY_TIMEOUT,
                                     check_same_thread=False)
                db.execute(ACCESS_TABLE)
            except sqlite3.Error as error:
                raise SessionError(f"cannot keep the access log in {self.path}: {error}") \
                    from None
            self._db = db
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _recent_failures(self, viewer: str) -> list[float]:
        rows = self._connection().execute(
            "SELECT ts FROM access_log WHERE viewer = ? AND outcome = 'failure' AND id > "
            "COALESCE((SELECT MAX(id) FROM access_log WHERE viewer = ? AND outcome IN "
            "('success', 'lifted')), 0) ORDER BY id", (viewer, viewer)).fetchall()
        return [row[0] for row in rows]

    def gate(self, viewer: str, now: float | None = None) -> Gate:
        now = time.time() if now is None else now
        with self._lock:
            failures = self._recent_failures(viewer)
        if not failures:
            return Gate(0, 0.0, False)
        wait = max(0.0, failures[-1] + delay_after(len(failures)) - now)
        return Gate(len(failures), wait, len(failures) >= LOCKOUT_AFTER)

    def record(self, viewer: str, outcome: str, address: str = "",
               now: float | None = None) -> None:
        assert outcome in OUTCOMES, outcome
        with self._lock:
            try:
                self._connection().execute(
                    "INSERT INTO access_log (viewer, ts, address, outcome) VALUES (?, ?, ?, ?)",
                    (viewer, time.time() if now is None else now, address or "unknown",
                     outcome))
            except sqlite3.Error as error:
                raise SessionError(f"could not write the access log of {self.path}: "
                                   f"{error}") from None

    def lift(self, viewer: str, now: float | None = None) -> int:
        """Control lifts a viewer's lockout; returns how many failures it cleared."""
        cleared = self.gate(viewer, now).failures
        self.record(viewer, "lifted", "control", now)
        return cleared

    def attempts(self) -> list[Attempt]:
        with self._lock:
            rows = self._connection().execute(
                "SELECT viewer, ts, address, outcome FROM access_log ORDER BY id").fetchall()
        return [Attempt(*row) for row in rows]


def check_attempt(guard: AccessGuard, viewer: str, typed: str, address: str,
                  matches, now: float | None = None, name: str = "") -> str | None:
    """Check a typed code through the guard: None when it opens, else why not.

    ``matches(typed)`` says whether the code is right; it is not called while the viewer
    must wait or is locked, so waiting out the delay is the only way to try again.
    """
    refusal = guard.gate(viewer, now).refusal(viewer)
    if refusal is not None:
        guard.record(viewer, "refused", address, now)
        return refusal
    if matches(typed):
        guard.record(viewer, "success", address, now)
        return None
    guard.record(viewer, "failure", address, now)
    gate = guard.gate(viewer, now)
    if gate.locked:
        return gate.refusal(viewer)
    return (f"That code does not open the screen of {name or viewer}. Wait {int(gate.wait + 0.999)} s before "
            f"the next try ({LOCKOUT_AFTER - gate.failures} left before a lockout).")


def open_screens(path: str | Path, viewer: str, now: float | None = None) -> int:
    """How many screens of ``viewer`` are connected now (their heartbeats are fresh)."""
    from wargame.engine.presence import CONNECTED_WITHIN, PresenceBoard

    now = time.time() if now is None else now
    board = PresenceBoard(path)
    try:
        rows = board.rows()
    finally:
        board.close()
    return sum(1 for row in rows if row.viewer == viewer and now - row.last_seen <= CONNECTED_WITHIN)
