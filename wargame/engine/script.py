"""Exercise scripts: a list of actions played headless, exactly as the app would record them.

The whole script's structure is checked before anything is played (every problem,
located). Playing is all-or-nothing: the script is first rehearsed on an in-memory copy
of the state, then committed in one transaction, so a refused action writes nothing.
"""

from __future__ import annotations

from pathlib import Path
import attrs

from wargame.errors import ActionRefused, FileInvalid, Location, Problem, WargameError
from wargame.engine.actions import SCRIPT
from wargame.engine.checkpoints import Checkpoints, copy_state
from wargame.engine.fold import check, effect
from wargame.engine.session import Session
from wargame.engine.state import Event, ExerciseState
from wargame.engine.timing import parse_clock
from wargame.engine.action_keys import Action
from wargame.engine.vocabulary import ACTIONS, key_problems
from wargame.loader.fields import describe
from wargame.loader.suggest import closest
from wargame.yamlsource import MAX_BYTES, Node, read_yaml

TOP_KEYS = ("actions", "scenario", "title", "description")


@attrs.frozen
class ScriptAction:
    action: Action
    at: float | None  # None: the previous action's time
    location: Location

    @property
    def kind(self) -> str:
        return self.action.KIND


class ScriptRefused(WargameError):
    """The engine refused one of the script's actions; nothing was written."""

    def __init__(self, problem: Problem, index: int):
        super().__init__(str(problem))
        self.problem = problem
        self.index = index


def _hint(word: str, choices: tuple[str, ...]) -> str:
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else f"; expected one of: {', '.join(choices)}"


def load_script(path: str | Path,
                for_scenario: str | None = None) -> tuple[str | None, list[ScriptAction]]:
    """The scenario id the script names (if any) and its actions; FileInvalid lists every
    structural problem, and (given ``for_scenario``) a script naming another scenario."""
    _check_size(path)
    root = read_yaml(path)
    problems: list[Problem] = []
    if not isinstance(root.value, dict):
        raise FileInvalid([Problem(root.location, "expected a mapping with an 'actions' list")])
    for key, location in root.key_locations.items():
        if key not in TOP_KEYS:
            problems.append(Problem(location, f"unknown key '{key}'{_hint(key, TOP_KEYS)}"))
    scenario = root.value.get("scenario")
    if scenario is not None and not isinstance(scenario.value, str):
        problems.append(Problem(scenario.location,
                                f"scenario: expected a scenario id, got {describe(scenario)}"))
    elif scenario is not None and for_scenario is not None and scenario.value != for_scenario:
        problems.append(Problem(scenario.location,
                                f"this script is written for scenario {scenario.value!r}, not "
                                f"{for_scenario!r}; nothing was written"))
    listed = root.value.get("actions")
    actions: list[ScriptAction] = []
    if listed is None:
        problems.append(Problem(root.location, "missing required key 'actions' (the list of "
                                               "actions to play)"))
    elif not isinstance(listed.value, list):
        problems.append(Problem(listed.location,
                                f"actions: expected a list, got {describe(listed)}"))
    else:
        for item in listed.value:
            action = _action(item, problems)
            if action is not None:
                actions.append(action)
    if problems:
        raise FileInvalid(problems)
    return (scenario.value if scenario is not None else None), actions


def _check_size(path: str | Path) -> None:
    """A script past the YAML size limit is refused with the way round it: several runs."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return  # read_yaml says why the file cannot be read
    if size > MAX_BYTES:
        parts = -(-size // MAX_BYTES)
        raise FileInvalid([Problem(Location(str(path), 1, 1), (
            f"the script is too large ({size:,} bytes); a script may be at most "
            f"{MAX_BYTES // 1048576} MiB (some 25,000 actions). Split its actions into "
            f"{parts} or more scripts and run them one after another with the same "
            "--session: each run appends its actions to the session, all or nothing, and "
            "an action without 'at' takes the time of the last action already played"))])


def _action(item: Node, problems: list[Problem]) -> ScriptAction | None:
    kinds = tuple(ACTIONS)
    if isinstance(item.value, str):
        return _bare(item, item.value, problems)
    if not isinstance(item.value, dict) or not item.value:
        problems.append(Problem(item.location, f"expected an action such as '- next-turn' or "
                                               f"'- move: {{...}}', got {describe(item)}"))
        return None
    named = [key for key in item.value if key != "at"]
    for key in named:
        if key not in ACTIONS:
            problems.append(Problem(item.key_locations[key],
                                    f"unknown action '{key}'{_hint(key, kinds)}"))
    named = [key for key in named if key in ACTIONS]
    if len(named) != 1:
        if len(named) > 1:
            problems.append(Problem(item.location, "one action per list item; found "
                                                   f"{' and '.join(named)}"))
        elif list(item.value) == ["at"]:
            problems.append(Problem(item.location, "an 'at' without an action"))
        return None
    kind = named[0]
    node = item.value[kind]
    at = _at(item.value.get("at"), problems)
    cls = ACTIONS[kind]
    if isinstance(node.value, dict):
        plain = {key: child.plain() for key, child in node.value.items()}
        for key, message in key_problems(cls, plain):
            where = node.key_locations[key] if key is not None else node.location
            problems.append(Problem(where, message))
        if "at" in node.value:
            if "at" in item.value:
                problems.append(Problem(node.key_locations["at"], "'at' is given twice"))
            at = _at(node.value["at"], problems)
        payload = plain
    elif node.value is None:
        if cls.required_names():
            needed = ", ".join(repr(k) for k in cls.required_names())
            problems.append(Problem(node.location, f"{kind} needs {needed}"))
        payload = {}
    elif cls.SHORTHAND is not None and not isinstance(node.value, list):
        payload = {cls.SHORTHAND: node.plain()}
    else:
        problems.append(Problem(node.location, f"{kind}: expected a mapping of keys, got "
                                               f"{describe(node)}"))
        return None
    return ScriptAction(cls.from_keys(payload), at, item.location)


def _bare(item: Node, kind: str, problems: list[Problem]) -> ScriptAction | None:
    if kind not in ACTIONS:
        problems.append(Problem(item.location,
                                f"unknown action '{kind}'{_hint(kind, tuple(ACTIONS))}"))
        return None
    cls = ACTIONS[kind]
    if cls.required_names():
        needed = ", ".join(repr(k) for k in cls.required_names())
        problems.append(Problem(item.location, f"{kind} needs {needed}: write '{kind}: ...'"))
        return None
    return ScriptAction(cls.from_keys({}), None, item.location)


def _at(node: Node | None, problems: list[Problem]) -> float | None:
    if node is None:
        return None
    try:
        return parse_clock(node.value)
    except ValueError as error:
        problems.append(Problem(node.location, f"at: {error}"))
        return None


def _times(state: ExerciseState, actions: list[ScriptAction]) -> list[float]:
    """Each action's time: its own ``at``, else the previous action's (the log's last, or 0)."""
    previous = next((e.at for e in reversed(state.events) if e.at is not None), 0.0)
    times = []
    for action in actions:
        previous = action.at if action.at is not None else previous
        times.append(previous)
    return times


def rehearse(state: ExerciseState, actions: list[ScriptAction]) -> ExerciseState:
    """Play the actions on an in-memory copy of ``state``; ScriptRefused at the first refusal."""
    copy = copy_state(state)  # not a second fold of the whole log
    copy.checkpoints = Checkpoints(list(state.checkpoints.taken))
    seq, ts = copy.last_seq, max((e.ts for e in state.events), default=0.0)
    for index, (action, at) in enumerate(zip(actions, _times(state, actions))):
        try:
            normalized = check(copy, action.action, SCRIPT, at)
        except ActionRefused as refusal:
            raise ScriptRefused(Problem(action.location, str(refusal)), index) from None
        seq += 1
        copy = effect(copy, Event(seq=seq, ts=ts, actor=SCRIPT, kind=action.kind,
                                  payload=normalized.payload(at)), normalized)
    return copy


def play(session: Session, actions: list[ScriptAction]) -> list[Event]:
    """Commit every action in one transaction, or none (ScriptRefused says which failed)."""
    with session.batch() as batch:
        times = _times(session.state, actions)
        for index, (action, at) in enumerate(zip(actions, times)):
            try:
                batch.act(action.action, actor=SCRIPT, at=at)
            except ActionRefused as refusal:
                raise ScriptRefused(Problem(action.location, str(refusal)), index) from None
        return list(batch.events)
