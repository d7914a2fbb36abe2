"""``wargame play SCENARIO --session FILE --as VIEWER``: one participant's screen.

VIEWER is a delegation id (an observer's screen is read-only), ``public`` (the projector)
or ``control`` / ``facilitator`` (the facilitator's console, as without ``--as``). The
session must already exist: a delegation joins the exercise the facilitator started.

Served to a browser, the command runs with the hidden ``--choose-viewer``: the first
screen asks who is there and for that viewer's access code (wargame.engine.access).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from wargame.errors import WargameError
from wargame.viewers import CONTROL

if TYPE_CHECKING:
    from wargame.engine import Session

# What the hidden --choose-viewer option stores in ``args.as_``: not a possible viewer id.
CHOOSE_VIEWER = ":choose"


def open_for_viewer(scenario_ref: str, session_file: str, wanted: str) -> tuple[Session, bool]:
    """The session, once ``wanted`` is known to be one of its viewers (or is to be asked)."""
    # Imported here: the app calls this in a thread after its first frame (wargame.commands.play).
    from wargame.commands.play import open_session
    from wargame.engine.visibility import check_viewer

    session, created = open_session(scenario_ref, session_file)
    if wanted != CHOOSE_VIEWER:
        try:
            check_viewer(session.scenario, wanted)
        except WargameError:
            session.close()
            raise
    return session, created


def run(args) -> int:
    wanted = args.as_
    if wanted in (CONTROL, "facilitator"):  # the console itself, as without --as
        from wargame.commands import play

        args.as_ = None
        return play.run(args)
    option = "--choose-viewer" if wanted == CHOOSE_VIEWER else f"--as {wanted}"
    if not args.session:
        raise WargameError(f"{option} needs --session FILE: the session the facilitator started "
                           f"(e.g. wargame play {args.scenario} --session FILE {option})")
    if not Path(args.session).exists():
        raise WargameError(f"no session file at {args.session}; the facilitator starts it with: "
                           f"wargame play {args.scenario} --session {args.session}")
    # As the console does: the frame first, the session opened in the app's thread, bad input
    # (a broken scenario, a damaged session, an unknown viewer) reported after it as before.
    from wargame.ui.delegation.app import create_viewer_app  # Textual loads only now

    from wargame.commands.play import launch

    viewer = None if wanted == CHOOSE_VIEWER else wanted
    return launch(create_viewer_app(
        None, viewer, opener=partial(open_for_viewer, args.scenario, args.session, wanted),
        scenario_ref=args.scenario, session_file=args.session))
