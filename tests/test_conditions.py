"""Outcome-driven injects: `when` conditions on expectations, moves, channels and turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.engine.support import EXERCISE, HERE, play
from wargame.engine import Session
from wargame.errors import FileInvalid
from wargame.loader import load_scenario

CBM = HERE / "fixture-cbm.yaml"
NEXT = ("next-turn", {})


def move(mid, by, type_, target=None):
    payload = {"id": mid, "by": by, "type": type_, "text": f"{type_} by {by}"}
    if type_ == "incident-report":
        payload["fields"] = {"time": "06:40", "position": "35.1N 24.3E", "nature": "collision"}
    if target:
        payload["target"] = target
    return ("move", payload)


def approve(mid):
    return ("adjudicate", {"move": mid, "decision": "approve"})


def released(session: Session) -> dict[str, int]:
    return {i: r.released_turn for i, r in session.state.injects.items()}


def cbm_session(tmp_path: Path, actions) -> Session:
    session = Session.create(tmp_path / "c.wargame", CBM)
    play(session, [*EXERCISE, *actions])
    return session


def test_a_report_in_time_releases_the_met_inject_at_once(tmp_path):
    session = cbm_session(tmp_path, [move("m1", "azure", "incident-report", "crimson")])
    assert "thanks" not in released(session)  # pending: not yet an approved response
    play(session, [approve("m1")])
    assert released(session) == {"collision": 1, "thanks": 1}


def test_a_missed_report_releases_the_reminder_when_its_window_closes(tmp_path):
    # collision: turn 1, within 1 -> the window is turns 1-2, closed at the start of turn 3.
    session = cbm_session(tmp_path, [NEXT])
    assert released(session) == {"collision": 1}
    play(session, [NEXT])
    assert released(session) == {"collision": 1, "reminder": 3}
    play(session, [move("m1", "azure", "incident-report", "crimson"), approve("m1")])
    assert released(session) == {"collision": 1, "reminder": 3, "late-note": 3}
    play(session, [NEXT])
    assert "thanks" not in released(session)


def test_all_of_a_move_and_a_turn_waits_for_both(tmp_path):
    session = cbm_session(tmp_path, [move("m1", "crimson", "patrol", "azure"), approve("m1")])
    assert "patrol-answer" not in released(session)  # turn 1: the move alone is not enough
    play(session, [NEXT])
    assert released(session)["patrol-answer"] == 2


def test_a_rejected_move_does_not_count(tmp_path):
    session = cbm_session(tmp_path, [move("m1", "crimson", "patrol", "azure"),
                                     ("adjudicate", {"move": "m1", "decision": "reject"}), NEXT])
    assert "patrol-answer" not in released(session)


def test_any_of_a_channel_down_or_a_rung(tmp_path):
    session = cbm_session(tmp_path, [("channel", {"between": ["azure", "crimson"],
                                                  "status": "down"})])
    assert released(session)["line-dead"] == 1
    other = Session.create(tmp_path / "d.wargame", CBM)
    play(other, [*EXERCISE, move("m1", "azure", "seizure", "crimson"), approve("m1")])
    # friction +3 (seizure) = confrontation: not yet a clash.
    assert "line-dead" not in released(other)
    play(other, [move("m2", "azure", "patrol", "crimson"), approve("m2")])  # +1: clash
    assert released(other)["line-dead"] == 1


def test_a_channel_cut_before_play_counts_once_the_exercise_begins(tmp_path):
    session = Session.create(tmp_path / "c.wargame", CBM)
    play(session, [("channel", {"between": ["azure", "crimson"], "status": "down"})])
    assert released(session) == {}
    play(session, EXERCISE)
    assert released(session)["line-dead"] == 1


def test_a_retraction_undoes_what_a_condition_released(tmp_path):
    session = cbm_session(tmp_path, [move("m1", "azure", "incident-report", "crimson"),
                                     approve("m1")])
    assert "thanks" in released(session)
    play(session, [("retract", {"event": "m1", "reason": "entered by mistake"})])
    assert released(session) == {"collision": 1}


# -- validate: conditions that can never hold are located errors --------------------

def _problems(tmp_path: Path, when: str) -> list[str]:
    """Each problem as "line: message" once an inject ``probe`` with ``when`` is added."""
    text = CBM.read_text(encoding="utf-8").replace(
        "rulebook: fixture-cbm-ladder.yaml", f"rulebook: {HERE / 'fixture-cbm-ladder.yaml'}")
    text += f"  - id: probe\n    title: Probe\n    to: all\n    when: {when}\n"
    path = tmp_path / "fixture-cbm.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileInvalid) as caught:
        load_scenario(path)
    return [f"{p.location.line}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize("when, words", [
    ("{move: patrol, by: osce}", "'osce' is an observer"),
    ("{move: parade}", "unknown move type 'parade'"),
    ("{expectation: nowhere, status: met}", "unknown inject 'nowhere'"),
    ("{expectation: reminder, status: missed}", "expects no response"),
    ("{expectation: collision, status: met, by: crimson}", "expects nothing of 'crimson'"),
    ("{expectation: probe, status: met}", "is this inject"),
    ("{turn_at_least: 9}", "after the last turn"),
    ("{channel: [azure, verdant], status: down}", "no hotline channel"),
    ("{between: [azure, crimson], rung_at_least: armageddon}", "unknown rung"),
    ("{expectation: collision, status: forgotten}", "forgotten"),
    ("{any: []}", "any"),
    ("{all: [{turn_at_least: 2}, {move: patrol, by: osce}]}", "'osce' is an observer"),
    ("{move: patrol, turn_at_least: 2}", "put several under all: or any:"),
])
def test_validate_reports_a_condition_that_can_never_hold(tmp_path, when, words):
    problems = _problems(tmp_path, when)
    assert any(words in p for p in problems), problems
    when_line = len(CBM.read_text(encoding="utf-8").splitlines()) + 4
    assert all(p.startswith(f"{when_line}:") for p in problems), problems


def test_a_condition_may_name_an_inject_defined_further_down(tmp_path):
    text = CBM.read_text(encoding="utf-8").replace(
        "rulebook: fixture-cbm-ladder.yaml", f"rulebook: {HERE / 'fixture-cbm-ladder.yaml'}")
    text = text.replace("when: {expectation: collision, status: met}",
                        "when: {expectation: later, status: met}")
    text += ("  - id: later\n    title: Later\n    to: all\n"
             "    expect: [{by: crimson, move: pause}]\n")
    path = tmp_path / "fixture-cbm.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_scenario(path).inject("thanks").when.inject == "later"


def test_the_msel_tracks_a_late_response_as_late_not_missed(tmp_path):
    from wargame.engine.objectives import expectation_results
    from wargame.ui.widgets.msel import expectation_text

    session = cbm_session(tmp_path, [NEXT, NEXT])  # the collision report's window closed
    (result,) = [r for r in expectation_results(session.state) if r.by == "azure"]
    assert expectation_text(session.state, result)[0].startswith("✘ azure incident-report: missed")
    play(session, [move("m1", "azure", "incident-report", "crimson"), approve("m1")])
    (result,) = [r for r in expectation_results(session.state) if r.by == "azure"]
    assert expectation_text(session.state, result)[0] == \
        "⚠ azure incident-report: late, by m1 in turn 3"
