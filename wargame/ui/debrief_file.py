"""Write a session's HTML debrief next to its file (blocking: the app calls it in a worker)."""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.output import write_output
from wargame.ui.live import LiveSession


class DebriefUnavailable(Exception):
    """The debrief could not be written; the message says why, in the facilitator's words."""


def write_debrief(live: LiveSession) -> Path:
    """Render the full HTML debrief to ``<session>.html``; the path written."""
    try:
        from wargame.debrief import render_debrief
    except ImportError as error:
        raise DebriefUnavailable(f"the debrief module is not available ({error})") from None
    target = live.path.with_suffix(".html")
    try:
        with live.locked() as session:  # no fold may run while the debrief reads the state
            html = render_debrief(session, format="html")
        write_output(target, html, source=live.path)
    except (WargameError, OSError) as error:
        raise DebriefUnavailable(str(error)) from None
    return target
