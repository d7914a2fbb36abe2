"""What the sessions folder holds: sessions to resume, and the last one of a scenario.

Opening a session folds its whole log, so callers run these in thread workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from wargame.engine import Session
from wargame.engine.history import OnSkip, open_previous
from wargame.engine.state import ImprovementItem
from wargame.errors import WargameError
from wargame.paths import sessions_dir


@attrs.frozen
class SessionSummary:
    path: Path
    scenario_id: str = ""
    title: str = ""
    phase: str = ""
    turn: int = 0
    last_activity: float = 0.0  # wall-clock time of the newest event (or of the file)
    error: str = ""


def last_written(path: Path) -> float:
    """When a session was last written: SQLite in WAL mode writes the -wal file first."""
    times = [p.stat().st_mtime for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    return max(times, default=0.0)


def session_files(folder: Path | None = None) -> list[Path]:
    """Session files, most recently written first."""
    folder = folder or sessions_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.wargame"), key=last_written, reverse=True)


def summarize(path: Path) -> SessionSummary:
    try:
        session = Session.open(path, read_only=True)
    except WargameError as error:
        return SessionSummary(path=path, last_activity=last_written(path), error=str(error))
    try:
        state = session.state
        last = state.events[-1].ts if state.events else last_written(path)
        return SessionSummary(path=path, scenario_id=state.scenario.id, title=state.scenario.title,
                              phase=state.phase, turn=state.turn, last_activity=last)
    finally:
        session.close()


def summaries(folder: Path | None = None) -> Iterator[SessionSummary]:
    for path in session_files(folder):
        yield summarize(path)


def last_session_of(scenario_id: str, exclude: Path | None = None,
                    folder: Path | None = None, on_skip: OnSkip | None = None,
                    ) -> tuple[Path | None, list[ImprovementItem]]:
    """The most recent other session of ``scenario_id`` and its improvement plan; a damaged
    one is skipped (and ``on_skip`` told why)."""
    skipped = {"on_skip": on_skip} if on_skip is not None else {}
    session = open_previous(scenario_id, folder or sessions_dir(), exclude=exclude, **skipped)
    if session is None:
        return None, []
    with session:
        return session.path, list(session.state.improvements)
