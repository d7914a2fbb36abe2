"""Activities notified before they happened: a move type's ``notice`` (Vienna Document ch. V),
counted under information-sharing, with hand-computed outcomes."""

from __future__ import annotations

import pytest

from fixtures.engine.support import CBM, EXERCISE, HERE, NEXT, approve, move, play
from wargame.engine import Session
from wargame.engine.indicators import delegation_indicators
from wargame.engine.notice import notice_results
from wargame.errors import FileInvalid
from wargame.loader import load_rulebook





@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "n.wargame", CBM)
    play(session, [
        *EXERCISE,
        # turn 1: azure notifies crimson, then drills at crimson in the same turn: the
        # fixture's drill needs notice a whole turn before, so n1 does not cover d1
        move("n1", "azure", "notification", "crimson"), approve("n1"),
        move("d1", "azure", "drill", "crimson"), approve("d1"),
        # crimson submits a notification to azure that control approves only later
        move("n2", "crimson", "notification", "azure"),
        # a rejected notification announces nothing
        move("n3", "crimson", "notification", "verdant"),
        ("adjudicate", {"move": "n3", "decision": "reject"}),
        NEXT,
        # turn 2: n1 now covers a drill at crimson, not one at verdant (told nothing)
        move("d2", "azure", "drill", "crimson"), approve("d2"),
        move("d3", "azure", "drill", "verdant"), approve("d3"),
        # crimson drills at azure (n2, sent in turn 1, approved after the drill) and at
        # verdant (n3 was rejected); a drill aimed at no one needs a notification to all
        move("d4", "crimson", "drill", "azure"), approve("d4"), approve("n2"),
        move("d5", "crimson", "drill", "verdant"), approve("d5"),
        move("d6", "crimson", "drill"), approve("d6"),
        # a pending drill is not an activity that happened
        move("d7", "azure", "drill", "crimson"),
    ])
    return session


def test_each_activity_is_matched_to_the_notification_that_came_before_it(session):
    found = {r.activity: r.notified_by for r in notice_results(session.state)}
    assert found == {"d1": None, "d2": "n1", "d3": None, "d4": "n2", "d5": None, "d6": None}


def test_the_indicator_counts_activities_notified(session):
    azure = delegation_indicators(session.state, "azure")["information_sharing"]
    crimson = delegation_indicators(session.state, "crimson")["information_sharing"]
    assert (azure["activities_needing_notice"], azure["activities_notified"],
            azure["notified_share"]) == (3, 1, 0.333)
    assert (crimson["activities_needing_notice"], crimson["activities_notified"],
            crimson["notified_share"]) == (3, 1, 0.333)


def test_a_retracted_notification_no_longer_announces(session):
    session.act("retract", {"event": "n1", "reason": "sent in error"}, actor="facilitator", at=0)
    found = {r.activity: r.notified_by for r in notice_results(session.state)}
    assert found["d2"] is None


def test_a_notification_to_all_announces_every_activity_of_its_delegation(tmp_path):
    session = Session.create(tmp_path / "all.wargame", CBM)
    play(session, [*EXERCISE, move("n1", "azure", "notification", "crimson"), approve("n1"),
                   NEXT, move("d1", "azure", "drill"), approve("d1"),
                   move("d2", "azure", "drill", "crimson"), approve("d2")])
    found = {r.activity: r.notified_by for r in notice_results(session.state)}
    assert found == {"d1": None, "d2": "n1"}  # n1 told crimson only, not everyone


def _rulebook(tmp_path, notice: str):
    text = (HERE / "fixture-cbm-ladder.yaml").read_text(encoding="utf-8").replace(
        "notice: {move: notification, turns: 1}", notice)
    path = tmp_path / "fixture-cbm-ladder.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_notice_of_an_unknown_move_type_is_located_with_a_suggestion(tmp_path):
    path = _rulebook(tmp_path, "notice: {move: notificaton, turns: 1}")
    with pytest.raises(FileInvalid) as error:
        load_rulebook(path)
    message = str(error.value)
    assert "fixture-cbm-ladder.yaml:" in message and "notificaton" in message
    assert "did you mean 'notification'" in message


def test_a_notice_as_a_plain_move_id_and_an_activity_announcing_itself(tmp_path):
    assert load_rulebook(_rulebook(tmp_path, "notice: notification")).move(
        "drill").notice.turns == 0
    with pytest.raises(FileInvalid) as error:
        load_rulebook(_rulebook(tmp_path, "notice: drill"))
    assert "cannot announce itself" in str(error.value)
    with pytest.raises(FileInvalid) as error:
        load_rulebook(_rulebook(tmp_path, "notice: {move: notification, turns: -1}"))
    assert "turns" in str(error.value)


def test_the_debrief_shows_the_notified_column_only_where_the_rulebook_asks_for_notice(
        session, tmp_path):
    from wargame.debrief import render_debrief

    markdown = render_debrief(session, "md")
    assert "| Obligations met | Notified | Reports |" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Azure | 0 of 0"))
    assert row.split(" | ")[4] == "1 of 3", row
    harbour = Session.create(tmp_path / "h.wargame",
                             HERE.parent / "debrief" / "harbour.yaml")
    assert "Notified" not in render_debrief(harbour, "md")
