"""`wargame run` and `wargame export` as a trainer uses them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fixtures.engine.support import SCENARIO
from wargame.cli import main
from wargame.engine import Session

START = """scenario: fixture-strait
actions:
  - phase: exercise
  - move: {id: m1, by: azure, type: patrol, target: crimson, text: Patrol, at: "00:02:00"}
"""
CONTINUE = """actions:
  - adjudicate: {move: m1, decision: approve}
  - next-turn: {at: "00:20:00"}
"""


def _script(tmp_path, text: str, name: str = "script.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(tmp_path, script, session="s.wargame", scenario=SCENARIO):
    return main(["run", str(scenario), "--script", str(script),
                 "--session", str(tmp_path / session)])


def test_run_creates_a_session_and_reports_what_it_played(tmp_path, capsys):
    assert _run(tmp_path, _script(tmp_path, START)) == 0
    out = capsys.readouterr().out
    assert out == (f"played 2 actions into {tmp_path / 's.wargame'} (events 1 to 2); the "
                   "exercise is in the exercise phase, turn 1 of 4\n")


def test_run_appends_to_an_existing_session(tmp_path, capsys):
    assert _run(tmp_path, _script(tmp_path, START)) == 0
    assert _run(tmp_path, _script(tmp_path, CONTINUE, "more.yaml")) == 0
    assert "played 2 actions" in capsys.readouterr().out
    with Session.open(tmp_path / "s.wargame") as session:
        assert [e.kind for e in session.state.events] == ["phase", "move", "adjudicate",
                                                          "next-turn"]
        # Without an `at`, an action reuses the previous one's time, across scripts too.
        assert session.state.events[2].at == 120.0
        assert session.state.turn == 2


def test_a_refused_action_is_located_and_nothing_is_written(tmp_path, capsys):
    script = _script(tmp_path, START + """  - adjudicate: {move: m1, decision: approve}
  - adjudicate: {move: m1, decision: reject}
  - next-turn
""")
    assert _run(tmp_path, script) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{script}:6:5: move m1 is already approved; only a pending move can be adjudicated",
        f"nothing was written to {tmp_path / 's.wargame'}: action 4 of 5 was refused",
    ]
    assert not (tmp_path / "s.wargame").exists()


def test_a_refused_script_leaves_an_existing_session_unchanged(tmp_path, capsys):
    assert _run(tmp_path, _script(tmp_path, START)) == 0
    before = (tmp_path / "s.wargame").read_bytes()
    bad = _script(tmp_path, "actions:\n  - next-turn\n  - phase: adjust\n", "bad.yaml")
    assert _run(tmp_path, bad) == 1
    assert capsys.readouterr().err.startswith(
        f"{bad}:3:5: the exercise is in the exercise phase; the next phase is assess")
    with Session.open(tmp_path / "s.wargame") as session:
        assert len(session.state.events) == 2 and session.state.turn == 1
    assert (tmp_path / "s.wargame").read_bytes() == before


def test_every_structural_problem_is_reported_before_anything_is_played(tmp_path, capsys):
    script = _script(tmp_path, """scenario: fixture-strait
action:
  - phase: exercise
""")
    assert _run(tmp_path, script) == 1
    assert capsys.readouterr().err == (
        f"{script}:1:1: missing required key 'actions' (the list of actions to play)\n"
        f"{script}:2:1: unknown key 'action' (did you mean 'actions'?)\n")
    script = _script(tmp_path, """actions:
  - phase: exercise
  - mvoe: {by: azure}
  - move: {by: azure, type: patrol, txt: Patrol}
  - next-turn: {at: "ten past"}
  - adjudicate
  - 42
  - {note: {by: azure, text: x}, hotline: {from: azure, to: crimson, text: y}}
""")
    assert _run(tmp_path, script) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{script}:3:5: unknown action 'mvoe' (did you mean 'move'?)",
        f"{script}:4:11: move needs 'text' (what is said or done)",
        f"{script}:4:37: move takes no key 'txt' (did you mean 'text'?); move keys: by, type, "
        "text, id, target, intent, visibility, fields, at",
        f"{script}:5:21: at: expected a time such as 00:04:10 or a number of seconds, got "
        "'ten past'",
        f"{script}:6:5: adjudicate needs 'move', 'decision': write 'adjudicate: ...'",
        f"{script}:7:5: expected an action such as '- next-turn' or '- move: {{...}}', got 42",
        f"{script}:8:5: one action per list item; found note and hotline",
    ]
    assert not (tmp_path / "s.wargame").exists()


def test_a_yaml_syntax_error_is_located(tmp_path, capsys):
    script = _script(tmp_path, "actions:\n  - move: {by: azure\n")
    assert _run(tmp_path, script) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{script}:")
    assert "Traceback" not in err


def test_a_script_or_session_of_another_scenario_is_refused(tmp_path, capsys):
    other = _script(tmp_path, "scenario: strait-incident\nactions:\n  - phase: exercise\n")
    assert _run(tmp_path, other) == 1
    assert capsys.readouterr().err == (
        f"{other}:1:11: this script is written for scenario 'strait-incident', not "
        "'fixture-strait'; nothing was written\n")
    assert not (tmp_path / "s.wargame").exists()


def test_a_session_of_another_scenario_is_refused(tmp_path, capsys):
    assert _run(tmp_path, _script(tmp_path, START)) == 0
    capsys.readouterr()
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "fixture-ladder.yaml").write_text((SCENARIO.parent / "fixture-ladder.yaml")
                                                .read_text())
    (folder / "another.yaml").write_text(SCENARIO.read_text().replace(
        "scenario: fixture-strait", "scenario: another"))
    script = _script(tmp_path, "actions:\n  - next-turn\n", "next.yaml")
    assert _run(tmp_path, script, scenario=folder / "another.yaml") == 1
    assert capsys.readouterr().err == (
        f"wargame: {tmp_path / 's.wargame'} is an exercise of fixture-strait, not of another; "
        "nothing was written\n")


def test_export_prints_sorted_json_with_two_space_indent(tmp_path, capsys):
    assert _run(tmp_path, _script(tmp_path, START)) == 0
    capsys.readouterr()
    assert main(["export", str(tmp_path / "s.wargame")]) == 0
    text = capsys.readouterr().out
    document = json.loads(text)
    assert text == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert document["scenario"] == {"id": "fixture-strait", "title": "Fixture strait",
                                    "rulebook": "fixture-ladder"}
    assert (document["phase"], document["turn"]) == ("exercise", 1)
    assert document["moves"][0]["status"] == "pending"
    assert main(["export", str(tmp_path / "s.wargame")]) == 0
    assert capsys.readouterr().out == text  # the same log always exports the same text


def test_export_as_a_delegation_hides_what_it_may_not_see(tmp_path, capsys):
    script = _script(tmp_path, START + """  - adjudicate: {move: m1, decision: approve}
  - move: {id: p1, by: azure, type: covert-probe,
           target: crimson, text: Probe}
  - hotline: {id: h1, from: azure, to: verdant, text: Secret to Verdant}
""")
    assert _run(tmp_path, script) == 0
    capsys.readouterr()
    assert main(["export", str(tmp_path / "s.wargame"), "--as", "crimson"]) == 0
    seen = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in seen["moves"]] == ["m1"]
    assert seen["hotline"]["messages"] == []
    assert seen["withheld"]["moves"] == 1 and seen["withheld"]["messages"] == 1
    assert "Probe" not in json.dumps(seen) and "Secret" not in json.dumps(seen)


def test_export_refuses_an_unknown_viewer(tmp_path, capsys):
    assert _run(tmp_path, _script(tmp_path, START)) == 0
    capsys.readouterr()
    assert main(["export", str(tmp_path / "s.wargame"), "--as", "crimsen"]) == 1
    assert capsys.readouterr().err == (
        "wargame: unknown viewer 'crimsen': expected control, public or a delegation "
        "(did you mean 'crimson'?)\n")


@pytest.mark.parametrize("content", [b"", b"just some text\n"])
def test_export_of_a_file_that_is_not_a_session_fails_cleanly(tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "wargame", "export", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"wargame: {path} is ")
    assert "not a wargame session" in result.stderr and "Traceback" not in result.stderr


def test_run_without_a_script_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "wargame", "run", str(SCENARIO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "--script" in result.stderr


def test_run_with_an_unknown_scenario_fails_cleanly(tmp_path, capsys):
    assert main(["run", "no-such-scenario", "--script", str(_script(tmp_path, START)),
                 "--session", str(tmp_path / "s.wargame")]) == 1
    assert capsys.readouterr().err.startswith("wargame: no scenario named 'no-such-scenario'")


def test_a_script_too_large_to_read_says_how_to_split_it(tmp_path, capsys):
    note = '  - note: {by: facilitator, text: "a note long enough to fill the script"}\n'
    script = _script(tmp_path, "actions:\n" + note * (3 * 1024 * 1024 // len(note)))
    assert _run(tmp_path, script) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{script}:1:1: the script is too large (")
    assert "Split its actions into 2 or more scripts" in err
    assert "with the same --session" in err
    assert not (tmp_path / "s.wargame").exists()
