"""Opening a session file safely and saying, in words, what is wrong with a bad one.

Everything SQLite or a damaged row can raise while a session is opened, read or written
becomes a SessionError that names the file: a corrupted, truncated, foreign, locked,
read-only or unreadable session is a message for the trainer, never a crash.

Reading needs no write access. A WAL-mode database normally makes even a reader create
its ``-shm`` file beside it, which a read-only folder (or disc) forbids; when that is the
only obstacle and no ``-wal`` file holds unsaved changes, the file is read as immutable.
"""

from __future__ import annotations

import json
from functools import cache
import math
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from wargame.errors import SessionError
from wargame.engine.state import Event

APPLICATION_ID = 0x57474D45  # "WGME": marks a wargame session among SQLite files
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 60_000
_HEADER = b"SQLite format 3\x00"

# SQLite result codes (sqlite3.Error.sqlite_errorname) and what they mean to a trainer.
_REASONS = {
    "SQLITE_CORRUPT": "is damaged (its database pages are corrupt); restore it from a copy",
    "SQLITE_NOTADB": "is damaged or not a wargame session (not a readable SQLite database)",
    "SQLITE_READONLY": "is read-only: it cannot be written (check the permissions of the "
                       "file and of its folder)",
    "SQLITE_CANTOPEN": "cannot be opened (check that the file and its folder can be read)",
    "SQLITE_PERM": "cannot be opened: permission denied",
    "SQLITE_AUTH": "cannot be opened: permission denied",
    "SQLITE_BUSY": "is locked by another program; try again when it has finished",
    "SQLITE_LOCKED": "is locked by another program; try again when it has finished",
    "SQLITE_FULL": "cannot be written: the disc is full",
    "SQLITE_IOERR": "cannot be read or written (an input/output error)",
    "SQLITE_NOMEM": "is too large to read (out of memory)",
    "SQLITE_TOOBIG": "holds a value too large to read",
}


def printable(text: str) -> str:
    """Text from a file, safe to print: control characters are shown escaped, not obeyed."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def describe(path: Path, error: sqlite3.Error) -> str:
    """What a SQLite error says about the session file ``path``, in a trainer's words."""
    name = getattr(error, "sqlite_errorname", None) or ""
    for code, reason in _REASONS.items():
        if name == code or name.startswith(code + "_"):
            return f"{path} {reason}"
    text = str(error)
    if text.startswith("Could not decode to UTF-8"):  # the rest quotes the undecodable bytes
        return f"{path} is damaged: it holds text that is not valid UTF-8"
    return f"{path} is not a readable wargame session: {printable(text)}"


@contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn whatever SQLite raises inside the block into a SessionError naming ``path``."""
    try:
        yield
    except sqlite3.Error as error:
        raise SessionError(describe(path, error)) from None
    except MemoryError:
        raise SessionError(f"{path} is too large to read (out of memory)") from None


def check_header(path: Path) -> None:
    """Refuse files that are not sessions before SQLite touches them."""
    if not path.exists():
        raise SessionError(f"no session file at {path}")
    if not path.is_file():
        raise SessionError(f"{path} is not a file")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise SessionError(f"cannot read {path}: {error.strerror or error}") from None
    if not header:
        raise SessionError(f"{path} is empty, not a wargame session")
    if len(header) < 100 or not header.startswith(_HEADER):
        raise SessionError(f"{path} is not a wargame session (not an SQLite database)")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise SessionError(f"{path} is an SQLite database but not a wargame session")
    version = int.from_bytes(header[60:64], "big")
    if version > SCHEMA_VERSION:
        raise SessionError(
            f"{path} was written by a newer wargame (session schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}); upgrade wargame to open it")


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the session file, checked to read; SessionError when it cannot be.

    A reader that could write opens the file as a writer does, with writing switched off:
    SQLite then tidies the -wal and -shm files away when it closes, as a read-only
    connection cannot (they would be left beside the session after every export).
    """
    if read_only and not _writable(path):
        return _connect_read_only(path)
    try:
        connection = _connect(path, "rw")
        _probe(connection)
    except sqlite3.Error as error:
        if read_only:
            return _connect_read_only(path)
        if _blocked_by_folder(path, error):
            raise SessionError(
                f"{path} cannot be changed: its folder {_folder(path)} is read-only (a session "
                "is written with files beside it); reading it, as export and debrief do, "
                "works") from None
        raise SessionError(describe(path, error)) from None
    if read_only:
        with sqlite_errors(path):
            connection.execute("PRAGMA query_only = ON")
    return connection


def _connect_read_only(path: Path) -> sqlite3.Connection:
    try:
        connection = _connect(path, "ro")
        _probe(connection)
        return connection
    except sqlite3.Error as error:
        if not _needs_immutable(path, error):
            raise SessionError(describe(path, error)) from None
    with sqlite_errors(path):
        connection = _connect(path, "ro&immutable=1")
        _probe(connection)
        return connection


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(_folder(path), os.W_OK)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN ourselves, so a transaction is exactly what we say.
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode={mode}", uri=True,
                                 isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                 check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        connection.close()
        raise
    return connection


def _probe(connection: sqlite3.Connection) -> None:
    """SQLite opens lazily: read the schema now, so a bad file fails here and not later."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _cannot_open_beside(error: sqlite3.Error) -> bool:
    """What SQLite says when it may not create the -wal or -shm file next to the session."""
    name = getattr(error, "sqlite_errorname", None) or ""
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN"))


def _blocked_by_folder(path: Path, error: sqlite3.Error) -> bool:
    return _cannot_open_beside(error) and not os.access(_folder(path), os.W_OK)


def _needs_immutable(path: Path, error: sqlite3.Error) -> bool:
    """A WAL reader could not create its shared-memory file, and no unsaved changes wait."""
    if not _cannot_open_beside(error):
        return False
    wal = path.with_name(path.name + "-wal")
    try:
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


def event_from_row(path: Path, row: tuple) -> Event:
    """An event read from the log; SessionError naming the file and event when it is damaged."""
    seq, ts, actor, kind, payload = row
    problem = _row_problem(ts, actor, kind, payload)
    if problem is None:
        try:
            decoded = _decoder().decode(payload)
        except (ValueError, RecursionError) as error:
            problem = f"has details that are not valid JSON ({printable(str(error))})"
        else:
            if not isinstance(decoded, dict):
                problem = (f"has details that are a JSON "
                           f"{_JSON_NAMES.get(type(decoded), 'value')}, not an object")
            elif not _is_time(decoded.get("at")):
                problem = "has an exercise time ('at') that is not a number of seconds"
            else:
                return Event(seq=seq, ts=float(ts), actor=actor, kind=kind, payload=decoded)
    raise SessionError(f"{path} is damaged: event {seq} {problem}; restore the file from a copy")


def _row_problem(ts: Any, actor: Any, kind: Any, payload: Any) -> str | None:
    if isinstance(ts, bool) or not isinstance(ts, (int, float)) or not math.isfinite(ts):
        return f"has no valid time stamp (found {printable(repr(ts))[:40]})"
    if not isinstance(actor, str):
        return "has no valid actor"
    if not isinstance(kind, str):
        return "has no valid kind"
    if not isinstance(payload, str):
        return "has details that are not text"
    return None


def _is_time(value: Any) -> bool:
    """What the engine records as an action's exercise time: nothing, or finite seconds."""
    if value is None:
        return True
    return type(value) in (int, float) and math.isfinite(value)


_JSON_NAMES = {list: "list", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}


@cache
def _decoder() -> json.JSONDecoder:
    """One decoder for every row (json.loads with options builds a new one per call)."""
    return json.JSONDecoder(parse_constant=_no_constant)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number an event may hold")
