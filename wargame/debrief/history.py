"""Earlier sessions of the same scenario, found beside a session file, for the look back.

Only the session files' metadata and last event are read to pick the baseline; the one
chosen (the latest that ended before this session's last event) is then folded through
the engine. Nothing is written to any of them.
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.engine.history import previous_session
from wargame.engine.state import ExerciseState


def earlier_sessions(path: Path, state: ExerciseState) -> list[tuple[str, ExerciseState]]:
    """The latest earlier session of the same scenario in ``path``'s folder, as [(label, state)]."""
    from wargame.engine import Session

    if not state.events:
        return []
    chosen = previous_session(state.scenario.id, path.resolve().parent, exclude=path,
                              before=state.events[-1].ts)
    if chosen is None:
        return []
    try:
        session = Session.open(chosen)
    except WargameError:
        return []
    try:
        return [(chosen.name, session.state)]
    finally:
        session.close()
