"""Write a session's debrief next to its file (blocking: the app calls it in a worker)."""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.output import write_output
from wargame.ui.live import LiveSession


class DebriefUnavailable(Exception):
    """The debrief could not be written; the message says why, in the facilitator's words."""


def debrief_path(session_path: Path, format: str = "html", edition: str = "full") -> Path:
    """``<session>.html`` for the full HTML debrief, ``<session>-public.md`` and so on."""
    suffix = "" if edition == "full" else f"-{edition}"
    return session_path.with_name(f"{session_path.stem}{suffix}.{format}")


def write_debrief(live: LiveSession, format: str = "html", edition: str = "full") -> Path:
    """Render the debrief in ``format`` and ``edition`` next to the session; the path written."""
    try:
        from wargame.debrief import render_debrief
    except ImportError as error:
        raise DebriefUnavailable(f"the debrief module is not available ({error})") from None
    target = debrief_path(live.path, format, edition)
    try:
        with live.locked() as session:  # no fold may run while the debrief reads the state
            text = render_debrief(session, format=format, edition=edition)
        write_output(target, text, source=live.path)
    except (WargameError, OSError) as error:
        raise DebriefUnavailable(str(error)) from None
    return target
