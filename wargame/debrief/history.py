"""Earlier sessions of the same scenario, found beside a session file, for the look back.

Only the session files' metadata and last event are read to pick the baseline; the one
chosen (the latest that ended before this session's last event) is then folded through
the engine. Nothing is written to any of them.
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.engine.state import ExerciseState

SESSION_SUFFIXES = (".wargame",)


def _last_event(path: Path) -> tuple[str, float] | None:
    """(scenario id, wall-clock time of the last event) of a session file, or None."""
    from wargame.engine.store import Store

    try:
        store = Store.open(path)
    except WargameError:
        return None
    try:
        last = store.max_seq()
        events = store.read_after(last - 1) if last else []
        if not events:
            return None
        return store.meta.get("scenario_id", ""), events[-1].ts
    except Exception:  # noqa: BLE001 - a damaged neighbour must not stop this debrief
        return None
    finally:
        store.close()


def earlier_sessions(path: Path, state: ExerciseState) -> list[tuple[str, ExerciseState]]:
    """The latest earlier session of the same scenario in ``path``'s folder, as [(label, state)]."""
    from wargame.engine import Session

    if not state.events:
        return []
    ended = state.events[-1].ts
    folder = path.resolve().parent
    candidates: list[tuple[float, Path]] = []
    for other in sorted(folder.iterdir()) if folder.is_dir() else []:
        if other.suffix not in SESSION_SUFFIXES or other.resolve() == path.resolve():
            continue
        found = _last_event(other)
        if found and found[0] == state.scenario.id and found[1] < ended:
            candidates.append((found[1], other))
    if not candidates:
        return []
    _, chosen = max(candidates)
    try:
        session = Session.open(chosen)
    except WargameError:
        return []
    try:
        return [(chosen.name, session.state)]
    finally:
        session.close()
