"""Loading rulebooks and scenarios from files or from stored text.

Each function either returns a complete model or raises FileInvalid carrying every
problem found, located by file, line and column.
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import FileInvalid, Problem
from wargame.loader.fields import Reader
from wargame.loader.rulebook import read_rulebook
from wargame.loader.scenario import RulebookFinder, read_scenario
from wargame.loader.suggest import closest, listing
from wargame.model import Rulebook, Scenario
from wargame.paths import known_rulebook_ids, rulebook_candidates
from wargame.yamlsource import Node, parse_yaml, read_yaml


class Rulebooks:
    """The rulebooks read during one run, by resolved path: each is read and reported once."""

    def __init__(self) -> None:
        self._found: dict[Path, Rulebook | list[Problem]] = {}

    def get(self, path: Path) -> Rulebook | list[Problem] | None:
        return self._found.get(path.resolve())

    def put(self, path: Path, result: Rulebook | list[Problem]) -> None:
        self._found[path.resolve()] = result

    def load(self, path: Path) -> Rulebook | list[Problem]:
        """The rulebook at ``path``, or its problems (named as the path is displayed)."""
        found = self.get(path)
        if found is None:
            try:
                found = load_rulebook(display_path(path))
            except FileInvalid as error:
                found = error.problems
            self.put(path, found)
        return found


def display_path(path: Path) -> str:
    """A path as a user reads it: relative to the working folder when inside it."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # outside the working folder, or no working folder at all
        return str(resolved)


def load_rulebook(path: str | Path) -> Rulebook:
    return rulebook_from_node(read_yaml(path), str(path), expected_id=Path(path).stem)


def load_rulebook_text(text: str, name: str) -> Rulebook:
    """A rulebook from its text (as stored in a session file); ``name`` labels its problems."""
    return rulebook_from_node(parse_yaml(text, name), name)


def rulebook_from_node(root: Node, name: str, expected_id: str | None = None) -> Rulebook:
    reader = Reader(name)
    rulebook = read_rulebook(root, reader, expected_id)
    problems = reader.finish()
    if problems:
        raise FileInvalid(problems)
    return rulebook


def load_scenario(path: str | Path, rulebooks: Rulebooks | None = None) -> Scenario:
    """A scenario file and the rulebook it names (found as wargame.paths says)."""
    return scenario_from_node(read_yaml(path), str(path), Path(path), rulebooks or Rulebooks())


def load_scenario_text(text: str, name: str, rulebook: Rulebook) -> Scenario:
    """A scenario from its text, with the rulebook given rather than looked up."""

    def given(ref: str, node: Node, reader: Reader) -> Rulebook:
        return rulebook

    return _scenario(parse_yaml(text, name), name, given, expected_id=None)


def scenario_from_node(root: Node, name: str, path: Path, rulebooks: Rulebooks) -> Scenario:
    return _scenario(root, name, _finder(path, rulebooks), expected_id=path.stem)


def _scenario(root: Node, name: str, finder: RulebookFinder, expected_id: str | None) -> Scenario:
    reader = Reader(name)
    scenario = read_scenario(root, reader, finder, expected_id)
    problems = reader.finish()
    if problems or scenario is None:
        raise FileInvalid(problems or [Problem(root.location, "the scenario cannot be read")])
    return scenario


def _finder(scenario_path: Path, rulebooks: Rulebooks) -> RulebookFinder:
    def find(ref: str, node: Node, reader: Reader) -> Rulebook | None:
        candidates = rulebook_candidates(ref, scenario_path)
        found = next((path for path in candidates if _is_file(path)), None)
        if found is None:
            reader.error(node, _missing(ref, candidates, scenario_path))
            return None
        result = rulebooks.load(found)
        if isinstance(result, Rulebook):
            return result
        reader.problems.extend(result)
        count = f"{len(result)} problem{'s' if len(result) != 1 else ''}"
        reader.error(node, f"rulebook: '{ref}' ({display_path(found)}) is invalid: {count}, "
                     "reported under its own file name")
        return None

    return find


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, and the like
        return False


def _missing(ref: str, candidates: list[Path], scenario_path: Path) -> str:
    if len(candidates) == 1:  # the reference is a path, not an id
        return f"rulebook: no rulebook file at '{ref}' (looked for {candidates[0]})"
    known = known_rulebook_ids(scenario_path)
    message = f"rulebook: unknown rulebook '{ref}'"
    match = closest(ref, known)
    if match is not None:
        message += f" (did you mean '{match}'?)"
    if known:
        return message + f"; known rulebooks: {listing(known)}"
    return message + "; no rulebooks/ folder was found next to the scenario or here"
