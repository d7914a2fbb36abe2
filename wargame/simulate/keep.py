"""Saving a simulated run as a session file that opens in the app and the debrief.

The run's events are played again through the normal Session API (one transaction), so
the file holds the scenario's text and an event log exactly like a played exercise; the
fold of that log is the run's own state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from wargame.engine.session import Session
from wargame.engine.state import Event
from wargame.simulate.actions import replay


def kept_path(base: Path, index: int) -> Path:
    """``<base>-run-0001.wargame``: the session of run ``index`` (numbered from 1)."""
    return base.with_name(f"{base.name}-run-{index + 1:04d}.wargame")


def save_run(path: Path, scenario_path: Path, events: Iterable[Event]) -> None:
    with Session.create(path, scenario_path) as session:
        with session.batch() as batch:
            for event in events:
                replay(batch, event)
