"""``wargame play SCENARIO [--session FILE]``: run or resume an exercise in the terminal app.

Without ``--session`` a new file is created in the sessions folder; either way the app
says where the session lives and the same line is printed on exit, with the command that
resumes it. A session file that belongs to another scenario is refused before anything
is written. With ``--as`` a participant's screen opens instead (wargame.commands.play_as).

The app draws its first frame (the console's status line and keys) before the session is
opened: loading the engine, the loader and the scenario and folding the log would
otherwise double the wait for it. ``open_session`` runs in the app's thread; an error in
the input closes the app and is reported here as before, with exit code 1.
"""

from __future__ import annotations

import gc
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from wargame.errors import WargameError
from wargame.paths import new_session_path, resolve_scenario

if TYPE_CHECKING:
    from wargame.engine import Session


def open_session(scenario_ref: str, session_file: str | None) -> tuple[Session, bool]:
    """The session to play and whether it was just created."""
    # Imported here, not above: `wargame play` calls this after the app's first frame.
    from wargame.engine import Session
    from wargame.loader import load_scenario

    scenario_path = resolve_scenario(scenario_ref)
    scenario = load_scenario(scenario_path)
    if session_file is None:
        return Session.create(new_session_path(scenario.id), scenario_path), True
    path = Path(session_file)
    if not path.exists():
        return Session.create(path, scenario_path), True
    session = Session.open(path)
    if session.scenario.id != scenario.id:
        session.close()
        raise WargameError(f"{path} is an exercise of {session.scenario.id}, not of {scenario.id}; "
                           f"resume it with: wargame play {session.scenario.id} --session {path}")
    return session, False


def run(args) -> int:
    if args.as_ is not None:
        from wargame.commands.play_as import run as play_as

        return play_as(args)
    from wargame.ui.app import create_app  # Textual loads only when the app really opens

    return launch(create_app(opener=partial(open_session, args.scenario, args.session),
                             scenario_ref=args.scenario, session_file=args.session))


def launch(app) -> int:
    """Run an app that opens its session after its first frame (this command's, or --as's)."""
    from wargame.commands.running import run_app

    # What is loaded so far (modules and classes) lives as long as the process: frozen, the
    # garbage collector's full passes skip it while the session opens and its views build
    # (about 50 ms of the wait until the console is usable, measured).
    gc.freeze()
    return run_app(app)
