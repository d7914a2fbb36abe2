"""``wargame play SCENARIO --session FILE --as VIEWER``: one participant's screen.

VIEWER is a delegation id (an observer's screen is read-only), ``public`` (the projector)
or ``control`` / ``facilitator`` (the facilitator's console, as without ``--as``). The
session must already exist: a delegation joins the exercise the facilitator started.

Served to a browser, the command runs with the hidden ``--choose-viewer``: the first
screen asks who is there and for that viewer's access code (wargame.engine.access).
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.engine.visibility import CONTROL, check_viewer

# What the hidden --choose-viewer option stores in ``args.as_``: not a possible viewer id.
CHOOSE_VIEWER = ":choose"


def run(args) -> int:
    from wargame.commands.play import open_session

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
    session, _ = open_session(args.scenario, args.session)
    try:
        viewer = None if wanted == CHOOSE_VIEWER else check_viewer(session.scenario, wanted)
        from wargame.ui.delegation.app import create_viewer_app  # Textual loads only now

        from wargame.commands.running import run_app

        return run_app(create_viewer_app(session, viewer, scenario_ref=args.scenario))
    finally:
        session.close()

