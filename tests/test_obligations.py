"""Obligations: a request obliges its target to answer within a deadline; quotas."""

from __future__ import annotations

import pytest

from fixtures.engine.support import CBM, EXERCISE, NEXT, approve, move, play
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.obligations import obligations, open_obligations
from wargame.errors import ActionRefused





def request(mid="m1", by="azure", target="crimson"):
    return [move(mid, by, "inspection-request", target), approve(mid)]


@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "o.wargame", CBM)
    play(session, EXERCISE)
    return session


def statuses(session):
    return [(o.id, o.by, o.from_move, o.due, o.status, o.met_by)
            for o in obligations(session.state)]


def test_a_request_opens_an_obligation_only_once_approved(session):
    play(session, [move("m1", "azure", "inspection-request", "crimson")])
    assert statuses(session) == []
    play(session, [approve("m1")])
    # within 12h, turns of 6h: approved in turn 1, due by the end of turn 3.
    assert statuses(session) == [("o1", "crimson", "m1", 3, "open", None)]
    assert [o.id for o in open_obligations(session.state, "crimson")] == ["o1"]
    assert open_obligations(session.state, "azure") == []


def test_an_answer_by_the_due_turn_meets_it(session):
    play(session, [*request(), NEXT, NEXT, move("m2", "crimson", "inspection-reply", "azure"),
                   approve("m2")])
    assert statuses(session) == [("o1", "crimson", "m1", 3, "met", "m2")]


def test_no_answer_by_the_due_turn_is_missed_then_late_when_it_comes(session):
    play(session, [*request(), NEXT, NEXT])
    assert statuses(session)[0][4] == "open"  # turn 3: the last turn on time
    play(session, [NEXT])
    assert statuses(session)[0][4] == "missed"
    play(session, [move("m2", "crimson", "inspection-reply"), approve("m2")])
    assert statuses(session) == [("o1", "crimson", "m1", 3, "late", "m2")]
    assert session.state.moves["m2"].turn == 4


def test_an_answer_by_someone_else_or_made_before_the_request_does_not_count(session):
    play(session, [move("m0", "crimson", "inspection-reply"), approve("m0"), *request(),
                   move("m2", "verdant", "inspection-reply"), approve("m2")])
    assert statuses(session)[0][4:] == ("open", None)


def test_each_answer_meets_one_obligation_oldest_first(session):
    play(session, [*request("m1"), *request("m2"),
                   move("m3", "crimson", "inspection-reply", "azure"), approve("m3")])
    assert [s[4:] for s in statuses(session)] == [("met", "m3"), ("open", None)]


def test_within_turns_zero_is_due_in_the_same_turn(session):
    play(session, [move("m1", "azure", "notification", "crimson"), approve("m1"), NEXT])
    assert statuses(session) == [("o1", "crimson", "m1", 1, "missed", None)]


def test_the_end_of_play_closes_every_open_obligation_as_missed(session):
    play(session, [*request(), ("phase", {"to": "assess"})])
    assert statuses(session)[0][4] == "missed"


def test_a_rejected_or_retracted_request_obliges_no_one(session):
    play(session, [move("m1", "azure", "inspection-request", "crimson"),
                   ("adjudicate", {"move": "m1", "decision": "reject"}), *request("m2"),
                   ("retract", {"event": "m2", "reason": "entered twice"})])
    assert statuses(session) == []


def test_the_quota_caps_requests_aimed_at_one_delegation(session):
    play(session, [*request("m1"), *request("m2")])
    with pytest.raises(ActionRefused, match="quota of this exercise \\(2\\)"):
        play(session, [move("m3", "azure", "inspection-request", "crimson")])
    play(session, [*request("m4", by="crimson", target="azure")])  # another target: allowed


def test_a_rejected_request_does_not_use_the_quota(session):
    play(session, [move("m1", "azure", "inspection-request", "crimson"),
                   ("adjudicate", {"move": "m1", "decision": "reject"}),
                   *request("m2"), *request("m3")])
    assert len(obligations(session.state)) == 2


def test_a_request_needs_a_target(session):
    with pytest.raises(ActionRefused, match="needs a target"):
        play(session, [move("m1", "azure", "inspection-request")])


def test_the_export_lists_obligations_and_a_delegation_sees_those_it_may_see(session):
    play(session, [*request()])
    listed = export_state(session.state)["obligations"]
    assert listed == [{"id": "o1", "move": "inspection-reply", "by": "crimson", "to": "azure",
                       "from_move": "m1", "opened_turn": 1, "due": 3, "status": "open",
                       "met_by": None, "answered_turn": None}]
    assert export_state(session.state, "crimson")["obligations"] == listed


def test_the_debrief_counts_obligations_and_shows_each(session):
    from wargame.debrief.context import build_context
    from wargame.debrief.render import render_debrief

    play(session, [*request("m1"), *request("m2", by="crimson", target="azure"),
                   move("m3", "azure", "inspection-reply", "crimson"), approve("m3"),
                   NEXT, NEXT, NEXT, ("phase", {"to": "assess"})])
    section = build_context(session.state)["assess"]["obligations"]
    assert section["counts"] == {"met": 1, "late": 0, "missed": 1, "open": 0}
    assert [r["came"] for r in section["rows"]] == ["never", "turn 1 (m3)"]
    markdown = render_debrief(session.state, "md")
    assert "2 obligations: 1 met, 0 late, 1 missed, 0 open." in markdown
