"""Earlier sessions of the same scenario, found beside a session file, for the look back.

Only the session files' metadata and last event are read to pick the baseline; the one
chosen (the latest that ended before this session's last event) is then folded through
the engine. Nothing is written to any of them; a damaged one is skipped (``on_skip``).
"""

from __future__ import annotations

from pathlib import Path

from wargame.engine.history import OnSkip, open_previous
from wargame.engine.state import ExerciseState


def earlier_sessions(path: Path, state: ExerciseState,
                     on_skip: OnSkip | None = None) -> list[tuple[str, ExerciseState]]:
    """The latest earlier session of the same scenario in ``path``'s folder, as [(label, state)]."""
    if not state.events:
        return []
    skipped = {"on_skip": on_skip} if on_skip is not None else {}
    session = open_previous(state.scenario.id, path.resolve().parent, exclude=path,
                            before=state.events[-1].ts, **skipped)
    if session is None:
        return []
    with session:
        return [(session.path.name, session.state)]
