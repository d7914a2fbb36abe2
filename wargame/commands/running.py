"""Running the terminal app from a command, and what is printed when it stops.

A clean exit prints where each session lives and how to resume it. Bad input found after
the app drew its first frame (``wargame play`` opens its session then) is reported as if
it had been found before: the command's one-line message and exit code 1. An unexpected error
inside the app (a bug) must not pass unnoticed: the app has already restored the terminal,
so the user reads one short paragraph (what happened, the session file, the command that
resumes it, where the details went), the traceback goes to a log file, and the exit code
is 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from wargame.printable import printable


CRASH_LOGS_KEPT = 20  # older crash logs are removed, so a crash-looping app fills no disk


def crash_log_folder() -> Path:
    """The user's own folder for crash logs: not the shared temporary folder, where another
    user could plant a file or a link under a name known in advance."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "wargame" / "crashes"


def crash_log_path() -> Path:
    """A new log's path: one file per crash, named by the time and the process."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return crash_log_folder() / f"crash-{stamp}-{os.getpid()}.log"


def write_crash_log(details: str) -> Path:
    """Write a traceback where a bug report can pick it up; the path written. The file is
    created new and readable by its owner only (a traceback may quote exercise text);
    when the user's folder cannot be written, a new file in the temporary folder."""
    log = crash_log_path()
    try:
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        descriptor, name = tempfile.mkstemp(prefix="wargame-crash-", suffix=".log")
        log = Path(name)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(details)
    if log.parent == crash_log_folder():  # never tidy a folder that is not wargame's own
        _prune(log.parent)
    return log


def _prune(folder: Path) -> None:
    try:
        logs = sorted(folder.glob("crash-*.log"), key=lambda p: p.stat().st_mtime)
        for old in logs[:-CRASH_LOGS_KEPT]:
            old.unlink()
    except OSError:
        pass  # an old log left behind does no harm


def run_app(app: Any) -> int:
    """Run a WargameApp to its end; the command's exit code."""
    try:
        app.run()
    except Exception:  # noqa: BLE001 - raised outside the app's own loop: the same report
        app.crash = app.crash or traceback.format_exc()
    if app.crash is None:
        if app.failure is not None:  # bad input, found once the app had drawn its frame
            raise app.failure  # reported as the command reports any (wargame.cli)
        for line in app.resume_lines():
            print(line)
        return int(app.return_code or 0)
    log = write_crash_log(app.crash)
    print("wargame: the app stopped on an unexpected error (a bug in wargame). Everything "
          "recorded before it is safe in the session file.", file=sys.stderr)
    for line in app.crash_lines():
        print(printable(line), file=sys.stderr)
    print(f"The details for a bug report were written to {log}", file=sys.stderr)
    return 1
