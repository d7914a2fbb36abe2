"""Shared helpers of the debrief tests (no tests here): sessions played on a fixed clock.

Events carry the wall-clock time they were committed; the debrief prints dates from it.
To keep golden files stable, sessions are played with the engine's clock replaced by one
that starts at a given instant and ticks a fixed amount per action.
"""

from __future__ import annotations

import calendar
import contextlib
from pathlib import Path
from typing import Any, Iterator

from wargame.engine import Session
from wargame.engine import session as session_module
from wargame.engine.script import load_script, play

FIXTURES = Path(__file__).parent / "fixtures" / "debrief"
SCENARIO = FIXTURES / "harbour.yaml"
SCRIPT = FIXTURES / "harbour-script.yaml"
EARLIER_SCRIPT = FIXTURES / "harbour-earlier-script.yaml"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> float:
    return float(calendar.timegm((year, month, day, hour, minute, 0)))


class _Clock:
    """Stands in for the ``time`` module inside the engine's session module."""

    def __init__(self, start: float, tick: float):
        self.now = start
        self.tick = tick

    def time(self) -> float:
        value = self.now
        self.now += self.tick
        return value

    def __getattr__(self, name: str) -> Any:  # anything else: the real time module
        import time

        return getattr(time, name)


@contextlib.contextmanager
def fixed_clock(start: float, tick: float = 41.0) -> Iterator[_Clock]:
    real = session_module.time
    clock = _Clock(start, tick)
    session_module.time = clock
    try:
        yield clock
    finally:
        session_module.time = real


def play_script(path: Path, script: Path, *, start: float, scenario: Path = SCENARIO) -> Session:
    """Create a session at ``path`` and play ``script`` into it on a fixed clock."""
    with fixed_clock(start):
        session = Session.create(path, scenario)
        _, actions = load_script(script)
        play(session, actions)
    return session


def play_actions(path: Path, actions: list[tuple[str, dict | None]], *, start: float,
                 scenario: Path = SCENARIO) -> Session:
    """Create a session and act each (kind, payload) as the facilitator, on a fixed clock."""
    with fixed_clock(start):
        session = Session.create(path, scenario)
        for kind, payload in actions:
            session.act(kind, payload)
    return session


def golden_sessions(folder: Path) -> Path:
    """The golden files' setting: an earlier run and the debriefed run, side by side."""
    earlier = play_script(folder / "harbour-1.wargame", EARLIER_SCRIPT, start=utc(2026, 3, 2, 9, 0))
    earlier.close()
    main = play_script(folder / "harbour-2.wargame", SCRIPT, start=utc(2026, 6, 1, 9, 0))
    main.close()
    return folder / "harbour-2.wargame"
