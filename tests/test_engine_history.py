"""Finding the previous session of a scenario: what the plan view and the debrief look back to."""

from __future__ import annotations

from pathlib import Path

from fixtures.engine.support import ASSESS, new_session, play
from wargame.engine.history import previous_session

IMPROVE = [("phase", {"to": "adjust"}),
           ("improve", {"issue": "Slow relay", "action": "Drill relays monthly"})]


def test_the_latest_other_session_of_the_same_scenario_is_chosen(tmp_path: Path) -> None:
    first = new_session(tmp_path, ASSESS + IMPROVE, name="first.wargame")
    second = new_session(tmp_path, ASSESS, name="second.wargame")
    current = new_session(tmp_path, ASSESS, name="current.wargame")
    (tmp_path / "notes.wargame").write_text("not a session")  # a damaged neighbour is skipped
    new_session(tmp_path, (), name="empty.wargame")  # no events: nothing to look back to
    for session in (first, second, current):
        session.close()

    assert previous_session("fixture-strait", tmp_path, exclude=current.path) == second.path
    assert previous_session("another-scenario", tmp_path, exclude=current.path) is None


def test_before_keeps_sessions_that_ended_later_out(tmp_path: Path) -> None:
    first = new_session(tmp_path, ASSESS, name="first.wargame")
    current = new_session(tmp_path, ASSESS, name="current.wargame")
    later = new_session(tmp_path, ASSESS, name="later.wargame")
    before = current.state.events[-1].ts
    play(later, [("phase", {"to": "adjust"})])
    for session in (first, current, later):
        session.close()

    assert previous_session("fixture-strait", tmp_path, exclude=current.path,
                            before=before) == first.path


def test_the_plan_view_reads_the_improvement_plan_of_the_previous_session(tmp_path: Path) -> None:
    from wargame.ui.history import last_session_of

    first = new_session(tmp_path, ASSESS + IMPROVE, name="first.wargame")
    current = new_session(tmp_path, (), name="current.wargame")
    first.close()
    current.close()

    path, items = last_session_of("fixture-strait", exclude=current.path, folder=tmp_path)
    assert path == first.path
    assert [item.issue for item in items] == ["Slow relay"]
