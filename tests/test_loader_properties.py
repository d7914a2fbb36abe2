"""Whatever text it is fed, the loader returns a model or raises FileInvalid whose problems
are located inside the file: never another exception, never a place outside the text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.errors import FileInvalid
from wargame.loader import load_rulebook, load_rulebook_text, load_scenario, validate_paths
from wargame.model import Rulebook, Scenario

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
SCENARIO_TEXT = (VALID / "scenarios" / "drill.yaml").read_text(encoding="utf-8")
RULEBOOK_PATH = VALID / "rulebooks" / "drill-ladder.yaml"
RULEBOOK_TEXT = RULEBOOK_PATH.read_text(encoding="utf-8")
PLAIN = yaml.safe_load(SCENARIO_TEXT)
IDS = ["azure", "crimson", "verdant", "press", "collision", "protest", "leak", "friction",
       "clash", "crisis", "incident-report", "hotline-call", "fast-hotline", "drill-ladder"]
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("library")
    (root / "rulebooks").mkdir()
    (root / "scenarios").mkdir()
    shutil.copy(RULEBOOK_PATH, root / "rulebooks" / RULEBOOK_PATH.name)
    return root


def assert_located(error: FileInvalid, name: str, data: bytes) -> None:
    assert error.problems, "FileInvalid without problems"
    lines = LINE_BREAK.split(data.decode("utf-8", "replace").removeprefix("\ufeff"))
    for problem in error.problems:
        assert problem.message
        if problem.location.file != name:
            continue  # e.g. the rulebook's own problems, checked by the rulebook tests
        line, column = problem.location.line, problem.location.column
        assert 1 <= line <= len(lines), (problem, len(lines))
        assert 1 <= column <= len(lines[line - 1]) + 1, (problem, lines[line - 1])


def check_scenario(library: Path, data: bytes) -> None:
    path = library / "scenarios" / "drill.yaml"
    path.write_bytes(data)
    try:
        assert isinstance(load_scenario(path), Scenario)
    except FileInvalid as error:
        assert_located(error, str(path), data)
    problems = validate_paths([str(path)])  # and `wargame validate` agrees without raising
    assert all(p.location.line >= 1 and p.location.column >= 1 for p in problems)


# -- mutations of a valid scenario --------------------------------------------------------
def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


ALL_PATHS = [p for p in _paths(PLAIN) if p]
ODD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(),
                       st.text(max_size=12), st.sampled_from(IDS), st.just([]), st.just({}),
                       st.lists(st.sampled_from(IDS), max_size=3),
                       st.dictionaries(st.sampled_from(["id", "between", "to", "x"]),
                                       st.sampled_from(IDS), max_size=2))


def _parent(tree, path):
    for step in path[:-1]:
        tree = tree[step]
    return tree


@st.composite
def structural_mutant(draw) -> bytes:
    import copy

    tree = copy.deepcopy(PLAIN)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        try:
            parent = _parent(tree, path)
            action = draw(st.sampled_from(["delete", "retype", "swap-id"]))
            if action == "delete":
                del parent[path[-1]]
            elif action == "retype":
                parent[path[-1]] = draw(ODD_VALUES)
            else:
                parent[path[-1]] = draw(st.sampled_from(IDS))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return yaml.safe_dump(tree, sort_keys=False, allow_unicode=True).encode("utf-8")


@st.composite
def textual_mutant(draw) -> bytes:
    data = SCENARIO_TEXT.encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["truncate", "garbage", "drop-line", "swap-ids"]))
        if action == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif action == "garbage":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif action == "drop-line":
            lines = data.split(b"\n")
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = b"\n".join(lines)
        else:
            a, b = draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS))
            data = data.replace(a.encode(), b.encode())
    return data


YAMLISH = st.text(alphabet=st.sampled_from(list(":-[]{},&*!|>'\"#\n\t ?<%@`abc01~.") + ["\r", "é"]),
                  max_size=80)


@SETTINGS
@given(structural_mutant())
def test_structural_mutations_of_a_scenario(library, data):
    check_scenario(library, data)


@SETTINGS
@given(textual_mutant())
def test_textual_mutations_of_a_scenario(library, data):
    check_scenario(library, data)


@SETTINGS
@given(st.one_of(st.binary(max_size=200), YAMLISH.map(lambda t: t.encode("utf-8"))))
def test_random_bytes_and_yaml_like_text(library, data):
    check_scenario(library, data)


@SETTINGS
@given(st.data())
def test_mutated_rulebooks(library, data):
    text = RULEBOOK_TEXT
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["truncate", "insert", "replace-id"]))
        if action == "truncate":
            text = text[:at]
        elif action == "insert":
            text = text[:at] + data.draw(YAMLISH) + text[at:]
        else:
            text = text.replace(data.draw(st.sampled_from(IDS)), data.draw(st.sampled_from(IDS)))
    try:
        assert isinstance(load_rulebook_text(text, "stored"), Rulebook)
    except FileInvalid as error:
        assert_located(error, "stored", text.encode("utf-8"))
    path = library / "rulebooks" / "mutant.yaml"
    path.write_text(text.replace("rulebook: drill-ladder", "rulebook: mutant"), encoding="utf-8")
    try:
        load_rulebook(path)
    except FileInvalid as error:
        assert_located(error, str(path), path.read_bytes())
