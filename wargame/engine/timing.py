"""Exercise time: real seconds since the exercise phase began, written ``HH:MM:SS``."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^\s*(?:(\d+):)?([0-5]?\d):([0-5]?\d(?:\.\d+)?)\s*$")


def parse_clock(value: object) -> float:
    """Seconds from ``HH:MM:SS``, ``MM:SS`` or a plain number; ValueError says what was expected."""
    if isinstance(value, bool):
        raise ValueError(f"expected a time such as 00:04:10 or a number of seconds, got {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = _CLOCK.match(str(value))
        if not match:
            raise ValueError(
                f"expected a time such as 00:04:10 or a number of seconds, got {value!r}")
        hours, minutes, secs = match.groups()
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    if seconds < 0 or seconds != seconds or seconds == float("inf"):
        raise ValueError(f"expected a time of zero or more seconds, got {value!r}")
    return round(seconds, 3)


def format_clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--:--"
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def elapsed(exercise_started_ts: float | None, now: float) -> float:
    """Real seconds since the exercise phase began (0 before it began)."""
    if exercise_started_ts is None:
        return 0.0
    return round(max(0.0, now - exercise_started_ts), 3)
