"""`wargame validate`: what a trainer sees, and the exit codes scripts rely on."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.cli import main

TESTS = Path(__file__).resolve().parent
VALID = TESTS / "fixtures" / "valid"
BROKEN = TESTS / "broken"


@pytest.fixture
def library(tmp_path, monkeypatch):
    (tmp_path / "scenarios").mkdir()
    shutil.copytree(VALID / "rulebooks", tmp_path / "rulebooks")
    shutil.copy(VALID / "scenarios" / "drill.yaml", tmp_path / "scenarios" / "drill.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_valid_files_are_confirmed_one_line_each(library, capsys):
    code = main(["validate", "scenarios/drill.yaml", "rulebooks/drill-ladder.yaml"])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    assert out.splitlines() == [
        "ok  scenarios/drill.yaml  (scenario, 4 delegations, 4 turns, 3 injects)",
        "ok  rulebooks/drill-ladder.yaml  (rulebook, 5 rungs, 5 categories, 5 move types)",
        "2 files checked: all valid",
    ]


def test_problems_go_to_stderr_located_with_a_summary(library, capsys):
    path = library / "scenarios" / "drill.yaml"
    path.write_text(path.read_text().replace("turns: 4", "turns: six")
                    .replace("role: mediator", "role: mediater"))
    code = main(["validate", "scenarios/drill.yaml", "rulebooks/drill-ladder.yaml"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "ok  rulebooks/drill-ladder.yaml  (rulebook, 5 rungs, 5 categories, 5 move types)"]
    assert err.splitlines() == [
        "scenarios/drill.yaml:8:10: turns: expected an integer, got 'six'",
        "scenarios/drill.yaml:22:11: role: 'mediater' is not one of state, mediator, observer "
        "(did you mean 'mediator'?)",
        "2 files checked: 1 valid, 1 invalid (2 problems)",
    ]


def test_a_broken_rulebook_is_reported_once_even_when_checked_twice(library, capsys):
    rulebook = library / "rulebooks" / "drill-ladder.yaml"
    rulebook.write_text(rulebook.read_text().replace("{score: 4}", "{score: four}"))
    code = main(["validate", "scenarios/drill.yaml", "rulebooks/drill-ladder.yaml"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [
        "rulebooks/drill-ladder.yaml:19:22: score: expected an integer, got 'four'",
        "scenarios/drill.yaml:4:11: rulebook: 'drill-ladder' (rulebooks/drill-ladder.yaml) is "
        "invalid: 1 problem, reported under its own file name",
        "2 files checked: 0 valid, 2 invalid (2 problems)",
    ]


def test_a_missing_path_is_a_clear_error_and_the_rest_is_still_checked(library, capsys):
    code = main(["validate", "scenarios/nope.yaml", "scenarios/drill.yaml"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("ok  scenarios/drill.yaml")
    assert err.splitlines() == [
        "scenarios/nope.yaml:1:1: no such file or folder",
        "1 file checked: 1 valid, 0 invalid, 1 path not checked (1 problem)",
    ]


def test_a_folder_is_checked_file_by_file(library, capsys):
    assert main(["validate", "scenarios", "rulebooks"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 files checked: all valid"


def test_the_whole_broken_suite_at_once_exits_1(capsys, monkeypatch):
    monkeypatch.chdir(TESTS.parent)
    code = main(["validate", "tests/broken"])
    out, err = capsys.readouterr()
    count = len(list(BROKEN.glob("*.yaml")))
    assert code == 1
    assert out == ""
    assert f"{count} files checked: 0 valid, {count} invalid" in err.splitlines()[-1]
    assert "Traceback" not in err


def test_the_installed_command_exits_1_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"scenario: bad\ntitle: \x00\xff\xfe binary")
    wargame = Path(sys.executable).parent / "wargame"
    command = [str(wargame)] if wargame.exists() else [sys.executable, "-m", "wargame"]
    result = subprocess.run([*command, "validate", str(bad)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{bad}:2:8: binary content (a NUL byte): expected a YAML text file")
    assert "Traceback" not in result.stderr


def test_no_paths_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["validate"])
    assert caught.value.code == 2


@pytest.mark.parametrize("depth", [70, 100_000])
def test_deeply_nested_file_is_a_located_refusal_with_exit_1(library, capsys, depth):
    path = library / "scenarios" / "deep.yaml"
    path.write_text("id: deep\ntitle: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    code = main(["validate", "scenarios/deep.yaml"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "internal error" not in out + err
    assert re.search(r"scenarios/deep\.yaml:2:\d+: .*nest", err), err
