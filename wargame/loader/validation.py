"""Checking files whose kind is not known in advance: what `wargame validate` runs."""

from __future__ import annotations

from pathlib import Path

import attrs

from wargame.errors import FileInvalid, Location, Problem
from wargame.loader.loading import Rulebooks, rulebook_from_node, scenario_from_node
from wargame.loader.suggest import closest
from wargame.model import Rulebook, Scenario
from wargame.paths import find_by_id, looks_like_path
from wargame.yamlsource import Node, read_yaml

KINDS = ("scenario", "rulebook")


@attrs.frozen
class Checked:
    """The outcome of checking one file."""

    path: str
    kind: str | None  # "scenario", "rulebook", or None when it could not be told
    model: Scenario | Rulebook | None
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems and self.model is not None


def expand_paths(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Files to check: each path, or the YAML files of a folder, or the scenario or rulebook
    with that id (a trainer's own first, then the bundled ones); missing paths are problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        path = Path(name)
        try:
            is_dir, exists = path.is_dir(), path.exists()
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")
                           and p.is_file()) if is_dir else []
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            problems.append(Problem(Location(name, 1, 1), f"cannot read this path: {reason}"))
            continue
        if is_dir:
            if not found:
                problems.append(Problem(Location(name, 1, 1), "no .yaml files in this folder"))
            files.extend(found)
        elif exists:
            files.append(path)
        elif (by_id := find_by_id(name)) is not None:
            files.append(by_id)
        else:
            by_id = "" if looks_like_path(name) else ", and no scenario or rulebook with that id"
            problems.append(Problem(Location(name, 1, 1), f"no such file or folder{by_id}"))
    return files, problems


def check_file(path: Path, rulebooks: Rulebooks) -> Checked:
    """Read ``path``, tell a scenario from a rulebook by its top-level key, and check it."""
    name = str(path)
    try:
        root = read_yaml(path)
    except FileInvalid as error:
        return Checked(name, None, None, tuple(error.problems))
    kind = next((k for k in KINDS if k in root.value), None)  # a scenario also names a rulebook
    if kind is None:
        return Checked(name, None, None, (_neither(root, name),))
    try:
        if kind == "scenario":
            model = scenario_from_node(root, name, path, rulebooks)
        else:
            cached = rulebooks.get(path)
            if isinstance(cached, list):
                raise FileInvalid(cached)
            model = cached or rulebook_from_node(root, name, expected_id=path.stem)
            rulebooks.put(path, model)
    except FileInvalid as error:
        if kind == "rulebook":
            rulebooks.put(path, list(error.problems))
        return Checked(name, kind, None, tuple(error.problems))
    return Checked(name, kind, model)


def _neither(root: Node, name: str) -> Problem:
    for key in root.value:
        match = closest(key, KINDS)
        if match is not None:
            return Problem(root.key_locations[key],
                           f"unknown key '{key}' (did you mean '{match}'?): a file is a scenario "
                           "when it has a 'scenario:' key and a rulebook when it has a "
                           "'rulebook:' key")
    return Problem(root.location, "neither a scenario nor a rulebook: expected a top-level "
                   "'scenario:' key (a scenario) or 'rulebook:' key (a rulebook)")


def check_paths(paths: list[str]) -> tuple[list[Checked], list[Problem]]:
    """Every file's outcome, and the problems of paths that name no file."""
    files, problems = expand_paths(paths)
    rulebooks = Rulebooks()
    return [check_file(path, rulebooks) for path in files], problems


def validate_paths(paths: list[str]) -> list[Problem]:
    """Every problem in the files (or folders) named, each once, in file and line order."""
    checked, problems = check_paths(paths)
    unique = set(problems)
    for result in checked:
        unique.update(result.problems)
    return sorted(unique)
