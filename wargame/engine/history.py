"""Earlier sessions of a scenario: the baseline the plan view and the debrief look back to.

Choosing reads only each file's metadata and last event (no fold), so scanning a folder of
long exercises stays cheap; the one chosen is then opened whole. Nothing is written. A
damaged neighbour never stops the look back: it is skipped, and ``on_skip`` is told why
(the command line prints it as a warning).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from wargame.errors import WargameError
from wargame.engine.session import Session
from wargame.engine.store import Store

SESSION_SUFFIXES = (".wargame",)

OnSkip = Callable[[Path, str], None]


def _ignore(path: Path, why: str) -> None:
    """The default: a damaged neighbour is left out silently."""


def last_event_of(path: Path) -> tuple[str, float] | None:
    """(scenario id, wall-clock time of the last event) of a session file, or None when it
    has no event; WargameError when it cannot be read."""
    store = Store.open(path, read_only=True)
    try:
        last = store.max_seq()
        events = store.read_after(last - 1) if last else []
        if not events:
            return None
        return store.meta.get("scenario_id", ""), events[-1].ts
    finally:
        store.close()


def previous_sessions(scenario_id: str, folder: Path, *, exclude: Path | None = None,
                      before: float | None = None, on_skip: OnSkip = _ignore) -> list[Path]:
    """Sessions of ``scenario_id`` in ``folder`` other than ``exclude`` (and whose last event
    is earlier than ``before`` when given), the latest last event first."""
    if not folder.is_dir():
        return []
    excluded = exclude.resolve() if exclude is not None else None
    candidates: list[tuple[float, Path]] = []
    try:
        neighbours = sorted(folder.iterdir())
    except OSError as error:
        on_skip(folder, f"cannot list {folder}: {error.strerror or error}")
        return []
    for other in neighbours:
        if other.suffix not in SESSION_SUFFIXES or other.resolve() == excluded:
            continue
        try:
            found = last_event_of(other)
        except WargameError as error:
            on_skip(other, str(error))
            continue
        if found and found[0] == scenario_id and (before is None or found[1] < before):
            candidates.append((found[1], other))
    return [path for _, path in sorted(candidates, reverse=True)]


def previous_session(scenario_id: str, folder: Path, *, exclude: Path | None = None,
                     before: float | None = None, on_skip: OnSkip = _ignore) -> Path | None:
    """The session of ``scenario_id`` in ``folder`` whose last event is the latest
    (and earlier than ``before`` when given), other than ``exclude``."""
    found = previous_sessions(scenario_id, folder, exclude=exclude, before=before,
                              on_skip=on_skip)
    return found[0] if found else None


def open_previous(scenario_id: str, folder: Path, *, exclude: Path | None = None,
                  before: float | None = None, on_skip: OnSkip = _ignore) -> Session | None:
    """The previous session (as :func:`previous_session` chooses), opened read-only; when it
    turns out damaged past its last event, the next one back."""
    for path in previous_sessions(scenario_id, folder, exclude=exclude, before=before,
                                  on_skip=on_skip):
        try:
            return Session.open(path, read_only=True)
        except WargameError as error:
            on_skip(path, str(error))
    return None
