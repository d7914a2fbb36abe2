"""``wargame run SCENARIO --script FILE --session FILE``: play an exercise script headless.

Nothing is half-written: the script's structure is checked first, then it is rehearsed
in memory, and only a script whose every action is accepted is committed (in one
transaction). On an existing session the script is appended.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wargame.errors import FileInvalid, WargameError
from wargame.engine.fold import new_state
from wargame.engine.script import ScriptRefused, load_script, play, rehearse
from wargame.engine.session import Session
from wargame.loader import load_scenario
from wargame.paths import resolve_scenario
from wargame.printable import printable


def run(args) -> int:
    try:
        return _run(args)
    except FileInvalid as invalid:
        for problem in invalid.problems:
            print(printable(problem), file=sys.stderr)
        return 1


def _refused(refused: ScriptRefused, total: int, session_path: Path, why: str = "") -> int:
    print(printable(refused.problem), file=sys.stderr)
    print(f"nothing was written to {session_path}: action {refused.index + 1} of {total} "
          f"was refused{why}", file=sys.stderr)
    return 1


def _run(args) -> int:
    session_path = Path(args.session)
    scenario_path = resolve_scenario(args.scenario)
    scenario = load_scenario(scenario_path)
    _, actions = load_script(args.script, for_scenario=scenario.id)
    session = Session.open(session_path) if session_path.exists() else None
    try:
        if session is not None and session.scenario.id != scenario.id:
            raise WargameError(f"{session_path} is an exercise of {session.scenario.id}, not "
                               f"of {scenario.id}; nothing was written")
        try:
            rehearse(session.state if session else new_state(scenario), actions)
        except ScriptRefused as refused:
            return _refused(refused, len(actions), session_path)
        if session is None:
            session = Session.create(session_path, scenario_path)
        try:
            events = play(session, actions)
        except ScriptRefused as refused:
            return _refused(refused, len(actions), session_path,
                            " after another writer changed the exercise meanwhile")
        state = session.state
    finally:
        if session is not None:
            session.close()
    span = f" (events {events[0].seq} to {events[-1].seq})" if events else ""
    where = ("the exercise has ended" if state.phase == "ended"
             else f"the exercise is in the {state.phase} phase")
    print(f"played {len(events)} actions into {session_path}{span}; {where}, turn "
          f"{state.turn} of {state.scenario.clock.turns}")
    return 0
