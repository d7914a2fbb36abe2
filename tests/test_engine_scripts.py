"""Recorded exercise scripts replay to exactly the recorded exports.

Each tests/scripts/NAME.yaml is played with `wargame run` on the fixture scenario it names
(fixture-strait, or fixture-cbm for the confidence-building mechanics) and the
`wargame export` output is compared whole with tests/scripts/NAME.expected.json (and,
for the viewers listed in VIEWS, NAME.as-VIEWER.expected.json).

To regenerate the expected files after an intended change, run

    WARGAME_REGENERATE=1 .venv/bin/pytest tests/test_engine_scripts.py

then read the diff of tests/scripts/ before committing it: every changed line is a
changed behaviour.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fixtures.engine.support import HERE, SCRIPTS
from wargame.cli import main
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.fold import new_state
from wargame.engine.script import load_script, play, rehearse

SCRIPT_FILES = sorted(SCRIPTS.glob("*.yaml"))
VIEWS = {"amend-retract": ["azure", "crimson", "public"], "relay": ["verdant", "osce"],
         "expectations": ["public"], "obligations": ["crimson"], "mediation": ["crimson"],
         "manual-relay": ["verdant", "teal", "crimson"],
         "pauses-multi": ["verdant", "osce"]}
REGENERATE = bool(os.environ.get("WARGAME_REGENERATE"))


def _scenario(script: Path) -> Path:
    """The fixture scenario a script names in its ``scenario:`` line."""
    scenario_id, _ = load_script(script)
    return HERE / f"{scenario_id}.yaml"


def _expected_file(script: Path, viewer: str | None) -> Path:
    suffix = f".as-{viewer}" if viewer else ""
    return script.with_name(f"{script.stem}{suffix}.expected.json")


def _export(session: Path, capsys, viewer: str | None) -> dict:
    args = ["export", str(session)] + (["--as", viewer] if viewer else [])
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def _compare(actual: dict, expected_file: Path) -> None:
    if REGENERATE:
        expected_file.write_text(json.dumps(actual, indent=2, sort_keys=True,
                                            ensure_ascii=False) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("script", SCRIPT_FILES, ids=lambda p: p.stem)
def test_script_replays_to_expected_export(script, tmp_path, capsys):
    session = tmp_path / "exercise.wargame"
    assert main(["run", str(_scenario(script)), "--script", str(script), "--session", str(session)]) == 0
    capsys.readouterr()
    for viewer in [None, *VIEWS.get(script.stem, [])]:
        _compare(_export(session, capsys, viewer), _expected_file(script, viewer))


def test_every_script_has_its_expected_export():
    assert {p.stem for p in SCRIPT_FILES} >= {"relay", "amend-retract", "expectations", "restore"}
    for script in SCRIPT_FILES:
        assert _expected_file(script, None).is_file(), f"no expected export for {script.name}"


@pytest.mark.parametrize("script", SCRIPT_FILES, ids=lambda p: p.stem)
def test_incremental_state_equals_a_fresh_fold(script, tmp_path):
    """What a live session holds after each append is what reopening the file rebuilds."""
    _, actions = load_script(script)
    with Session.create(tmp_path / "live.wargame", _scenario(script)) as live:
        play(live, actions)
        incremental = export_state(live.state)
    with Session.open(tmp_path / "live.wargame") as reopened:
        assert export_state(reopened.state) == incremental


@pytest.mark.parametrize("script", SCRIPT_FILES, ids=lambda p: p.stem)
def test_rehearsal_predicts_the_committed_state(script, tmp_path):
    _, actions = load_script(script)
    with Session.create(tmp_path / "s.wargame", _scenario(script)) as session:
        rehearsed = rehearse(new_state(session.scenario), actions)
        play(session, actions)
        assert export_state(rehearsed)["moves"] == export_state(session.state)["moves"]
        assert export_state(rehearsed)["metrics"] == export_state(session.state)["metrics"]
        assert export_state(rehearsed)["dyads"] == export_state(session.state)["dyads"]
