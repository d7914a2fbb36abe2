"""``wargame play SCENARIO [--session FILE]``: run or resume an exercise in the terminal app.

Without ``--session`` a new file is created in the sessions folder; either way the app
says where the session lives and the same line is printed on exit, with the command that
resumes it. A session file that belongs to another scenario is refused before anything
opens. With ``--as`` a participant's screen opens instead (wargame.commands.play_as).
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError
from wargame.engine import Session
from wargame.loader import load_scenario
from wargame.paths import new_session_path, resolve_scenario


def open_session(scenario_ref: str, session_file: str | None) -> tuple[Session, bool]:
    """The session to play and whether it was just created."""
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
    session, created = open_session(args.scenario, args.session)
    from wargame.ui.app import create_app  # Textual loads only when the app really opens

    from wargame.commands.running import run_app

    return run_app(create_app(session, created=created, scenario_ref=args.scenario))
