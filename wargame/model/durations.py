"""Durations as the file formats write them: ``30s``, ``20m``, ``6h``, ``2d``."""

import re

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PATTERN = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")


def parse_duration(text: str) -> int:
    """Return the duration in seconds; raise ValueError with a readable reason."""
    match = _PATTERN.match(str(text))
    if not match:
        raise ValueError(f"expected a duration such as 30s, 20m, 6h or 2d, got {text!r}")
    value, unit = match.groups()
    seconds = int(value) * _UNITS[unit]
    if seconds <= 0:
        raise ValueError(f"expected a duration greater than zero, got {text!r}")
    return seconds


def format_duration(seconds: float) -> str:
    """The shortest exact spelling of a duration (``90m`` stays ``90m``, ``3600s`` is ``1h``)."""
    seconds = int(seconds)
    for unit in ("d", "h", "m"):
        size = _UNITS[unit]
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
