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

import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

from wargame.printable import printable


def crash_log_path() -> Path:
    return Path(tempfile.gettempdir()) / "wargame-crash.log"


def write_crash_log(details: str) -> Path:
    """Write a traceback where a bug report can pick it up; the path written."""
    log = crash_log_path()
    try:
        log.write_text(details, encoding="utf-8")
    except OSError:
        log = Path("wargame-crash.log").resolve()
        log.write_text(details, encoding="utf-8")
    return log


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
