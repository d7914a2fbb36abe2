"""The session file: one SQLite database per exercise, an append-only event log.

WAL mode with ``synchronous=NORMAL``: a committed event survives the writing process
being killed (not necessarily a power cut). Several processes may append at once: an
append takes the write lock (``BEGIN IMMEDIATE``), reads what others appended since, lets
the engine check the action against that, inserts and commits. The file also keeps the
scenario and rulebook text it was created from, so it replays and debriefs on its own.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from wargame.errors import SessionError
from wargame.engine.session_file import (APPLICATION_ID, SCHEMA_VERSION, check_header, connect,
                                         describe, event_from_row, sqlite_errors)
from wargame.engine.state import Event

FORMAT = "wargame-session"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL
);
"""

# Who has the session open (wargame.engine.presence): one row per open screen, kept fresh
# by heartbeats. Not part of the exercise record, so not versioned with the schema: files
# written before it existed get it when first opened.
PRESENCE_TABLE = """
CREATE TABLE IF NOT EXISTS presence (
    client TEXT PRIMARY KEY,
    viewer TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started REAL NOT NULL,
    last_seen REAL NOT NULL
)
"""


class Store:
    """An open session file. Safe to share between threads of one process."""

    def __init__(self, path: Path, connection: sqlite3.Connection, meta: dict[str, str]):
        self.path = path
        self.meta = meta
        self._db = connection
        self._lock = threading.RLock()
        self._data_version = -1
        self._latest = 0

    @classmethod
    def create(cls, path: str | Path, meta: dict[str, str]) -> "Store":
        """Write a new, empty session atomically: it appears complete or not at all."""
        path = Path(path)
        if path.exists():
            raise SessionError(f"{path} already exists")
        temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(temporary, isolation_level=None)
            try:
                db.executescript(_SCHEMA)
                db.execute(PRESENCE_TABLE)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                full = {"format": FORMAT, "schema_version": str(SCHEMA_VERSION),
                        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **meta}
                db.execute("BEGIN")
                db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", full.items())
                db.execute("COMMIT")
                db.execute("PRAGMA journal_mode = WAL")  # persistent in the file header
            finally:
                db.close()
            try:
                os.link(temporary, path)  # fails if another process created it meanwhile
            except FileExistsError:
                raise SessionError(f"{path} already exists") from None
            except OSError:  # a file system without hard links: check, then rename
                if path.exists():
                    raise SessionError(f"{path} already exists") from None
                os.replace(temporary, path)
        except OSError as error:
            raise SessionError(f"cannot create {path}: {error.strerror or error}") from None
        except sqlite3.Error as error:  # e.g. a folder it may not write in
            folder = path.parent if str(path.parent) else Path(".")
            why = (f"the folder {folder} is read-only (permission denied)"
                   if not os.access(folder, os.W_OK) else str(error))
            raise SessionError(f"cannot create {path}: {why}") from None
        finally:
            temporary.unlink(missing_ok=True)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Store":
        """Open a session; ``read_only`` never writes to it (nor needs its folder writable)."""
        path = Path(path)
        check_header(path)
        db = connect(path, read_only=read_only)
        try:
            with sqlite_errors(path):
                meta = _meta(path, db.execute("SELECT key, value FROM meta").fetchall())
                db.execute("SELECT seq, ts, actor, kind, payload FROM events LIMIT 0")
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if not read_only:
                    _add_presence_table(db)
            if meta.get("format") != FORMAT:
                raise SessionError(f"{path} is not a wargame session (no session marker)")
            if version > SCHEMA_VERSION:
                raise SessionError(
                    f"{path} was written by a newer wargame (session schema {version}; this "
                    f"version reads up to {SCHEMA_VERSION}); upgrade wargame to open it")
            store = cls(path, db, meta)
            store._latest = store.max_seq()
        except BaseException:
            db.close()
            raise
        return store

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def max_seq(self) -> int:
        with self._lock, sqlite_errors(self.path):
            return self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]

    def latest_seq(self) -> int:
        """The newest seq in the file; when no other connection has written, no table read."""
        with self._lock, sqlite_errors(self.path):
            version = self._db.execute("PRAGMA data_version").fetchone()[0]
            if version != self._data_version:
                self._data_version = version
                self._latest = self.max_seq()
            return self._latest

    def setdefault_meta(self, key: str, value: str) -> str:
        """The stored value of ``key``, storing ``value`` first when there is none.

        Safe against another process doing the same at once: the first write wins.
        """
        with self._lock, sqlite_errors(self.path):
            self._db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                             (key, value))
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            self.meta[key] = row[0]
            return row[0]

    def read_after(self, seq: int) -> list[Event]:
        with self._lock, sqlite_errors(self.path):
            rows = self._db.execute(
                "SELECT seq, ts, actor, kind, payload FROM events WHERE seq > ? ORDER BY seq",
                (seq,)).fetchall()
        events = [event_from_row(self.path, row) for row in rows]
        if events:
            self._latest = max(self._latest, events[-1].seq)
        return events

    @contextmanager
    def writing(self) -> Iterator["Writer"]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            with sqlite_errors(self.path):
                self._db.execute("BEGIN IMMEDIATE")
            writer = Writer(self)
            try:
                with sqlite_errors(self.path):
                    yield writer
            except BaseException:
                self._roll_back()
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._roll_back()
                raise SessionError(describe(self.path, error)) from None
            if writer.last_seq:
                self._latest = max(self._latest, writer.last_seq)

    def _roll_back(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite rolls back itself when it cannot; the first error is the one to show


class Writer:
    """Inside a write transaction: read what others appended, then insert."""

    def __init__(self, store: Store):
        self._store = store
        self.last_seq = 0

    def read_after(self, seq: int) -> list[Event]:
        return self._store.read_after(seq)

    def insert(self, ts: float, actor: str, kind: str, payload: dict[str, Any]) -> int:
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        cursor = self._store._db.execute(
            "INSERT INTO events (ts, actor, kind, payload) VALUES (?, ?, ?, ?)",
            (ts, actor, kind, text))
        self.last_seq = cursor.lastrowid
        return self.last_seq


def _add_presence_table(db: sqlite3.Connection) -> None:
    """Give a session written before the presence table existed one (when it can be written)."""
    try:
        if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'presence'"
                      ).fetchone() is None:
            db.execute(PRESENCE_TABLE)
    except sqlite3.OperationalError:
        pass  # a read-only file: it replays and exports all the same, without presence


def _meta(path: Path, rows: list[tuple]) -> dict[str, str]:
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in rows):
        raise SessionError(f"{path} is damaged: its stored scenario details are not all text")
    return dict(rows)
