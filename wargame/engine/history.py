"""Earlier sessions of a scenario: the baseline the plan view and the debrief look back to.

Choosing reads only each file's metadata and last event (no fold), so scanning a folder of
long exercises stays cheap; the caller opens the one chosen. Nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.engine.store import Store

SESSION_SUFFIXES = (".wargame",)


def last_event_of(path: Path) -> tuple[str, float] | None:
    """(scenario id, wall-clock time of the last event) of a session file, or None."""
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
    except Exception:  # noqa: BLE001 - a damaged neighbour must not stop the caller
        return None
    finally:
        store.close()


def previous_session(scenario_id: str, folder: Path, *, exclude: Path | None = None,
                     before: float | None = None) -> Path | None:
    """The session of ``scenario_id`` in ``folder`` whose last event is the latest
    (and earlier than ``before`` when given), other than ``exclude``."""
    if not folder.is_dir():
        return None
    excluded = exclude.resolve() if exclude is not None else None
    candidates: list[tuple[float, Path]] = []
    for other in sorted(folder.iterdir()):
        if other.suffix not in SESSION_SUFFIXES or other.resolve() == excluded:
            continue
        found = last_event_of(other)
        if found and found[0] == scenario_id and (before is None or found[1] < before):
            candidates.append((found[1], other))
    return max(candidates)[1] if candidates else None
