"""The rules of play as the fold applies them (formats.md and the engine's design)."""

from __future__ import annotations

import pytest

from fixtures.engine.support import (
    EXERCISE, RULEBOOK, SCENARIO, approve, move, new_session, play,
)
from wargame.engine import Session
from wargame.engine import session as session_module
from wargame.engine.escalation import ladder_path
from wargame.errors import ActionRefused

AC = ("azure", "crimson")




def rung(session, pair=AC):
    return session.state.dyads[pair].rung


def test_entering_the_exercise_starts_turn_one_and_releases_its_injects(tmp_path):
    session = new_session(tmp_path)
    assert (session.state.phase, session.state.turn, rung(session)) == ("plan", 0, "friction")
    play(session, EXERCISE)
    assert (session.state.phase, session.state.turn) == ("exercise", 1)
    assert list(session.state.injects) == ["collision"]
    assert rung(session) == "protest"  # the collision's effect: one rung up
    play(session, [("next-turn", {})])
    assert session.state.injects["cable-cut"].released_turn == 2
    assert session.state.channels[frozenset(AC)] == "down"


def test_a_conditional_inject_chain_releases_each_inject_once(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "azure", "strike", "crimson"), approve("m1")])  # protest +2 = confrontation
    # standoff-alarm's own effect (+1) reaches clash, which releases clash-news.
    assert [i for i in session.state.injects] == ["collision", "standoff-alarm", "clash-news"]
    assert rung(session) == "clash"
    play(session, [move("m2", "crimson", "joint-statement", "azure"), approve("m2"),
                   move("m3", "azure", "strike", "crimson"), approve("m3")])
    released = [r.id for r in session.state.injects.values()]
    assert released.count("standoff-alarm") == 1 and released.count("clash-news") == 1
    assert (rung(session), session.state.dyads[AC].peak_rung) == ("clash", "clash")


def test_a_shift_takes_the_shortest_way_through_the_ladder_graph(tmp_path):
    ladder = Session.create(tmp_path / "s.wargame", SCENARIO).scenario.rulebook.ladder
    assert ladder_path(ladder, "friction", "confrontation") == ("friction", "confrontation")
    assert ladder_path(ladder, "protest", "confrontation") == (
        "protest", "standoff", "confrontation")
    assert ladder_path(ladder, "clash", "protest") == ("clash", "protest")  # the ceasefire jump


def test_a_move_without_target_shifts_every_dyad_of_the_mover(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "verdant", "mediation", "azure"), approve("m1", decision="amend", step=2),
        move("m2", "azure", "pause"), approve("m2")])
    assert session.state.dyads[("azure", "verdant")].rung == "friction"  # 2 up, 1 down
    assert rung(session) == "friction"  # protest, 1 down
    assert session.state.dyads[("crimson", "verdant")].rung == "calm"  # not azure's


def test_shifts_are_clamped_at_both_ends_of_the_ladder(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "azure", "joint-statement", "verdant"), approve("m1"),
        move("m2", "azure", "seizure", "crimson"), approve("m2"),
        move("m3", "azure", "seizure", "crimson"), approve("m3")])
    assert session.state.dyads[("azure", "verdant")].rung == "calm"
    assert session.state.dyads[("azure", "verdant")].history == []
    assert rung(session) == "war"
    assert session.state.dyads[AC].history[-1].path[-1] == "war"


def test_an_amended_move_counts_with_its_amended_category(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "azure", "statement"), approve("m1", decision="amend",
                                                  category="non-violent-escalation")])
    record = session.state.moves["m1"]
    assert (record.status, record.category, record.original_category, record.step) == (
        "approved", "non-violent-escalation", "posturing", 1)
    assert rung(session) == "standoff"  # protest + 1
    from wargame.engine.metrics import escalation_scores
    assert escalation_scores(session.state)["azure"] == [12]


def test_automatic_adjudication_approves_moves_at_once(tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    text = RULEBOOK.read_text().replace("adjudication: facilitator", "adjudication: automatic")
    (folder / "fixture-ladder.yaml").write_text(text)
    (folder / "fixture-strait.yaml").write_text(SCENARIO.read_text())
    with Session.create(tmp_path / "auto.wargame", folder / "fixture-strait.yaml") as session:
        play(session, EXERCISE + [move("m1", "azure", "patrol", "crimson")])
        assert session.state.moves["m1"].status == "approved"
        assert rung(session) == "standoff"
        with pytest.raises(ActionRefused, match="already approved"):
            session.act("adjudicate", {"move": "m1", "decision": "reject"})


def test_retracting_a_retraction_restores_and_a_third_retracts_again(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "azure", "patrol", "crimson"), approve("m1")])
    assert rung(session) == "standoff"
    first = session.act("retract", {"event": "m1", "reason": "typo"})
    assert (rung(session), session.state.moves["m1"].status) == ("protest", "retracted")
    assert session.state.dyads[AC].peak_rung == "protest"
    second = session.act("retract", {"event": first.seq, "reason": "it was right"})
    assert (rung(session), session.state.moves["m1"].status) == ("standoff", "approved")
    session.act("retract", {"event": second.seq, "reason": "it was wrong after all"})
    assert (rung(session), session.state.moves["m1"].status) == ("protest", "retracted")
    assert set(session.state.retracted) == {2, second.seq}  # the first retraction stands


def test_a_retracted_move_releases_nothing_and_its_dependants_are_void(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "azure", "strike", "crimson"), approve("m1"),
        ("perceive", {"by": "crimson", "move": "m1", "as": "nuclear"})])
    assert "standoff-alarm" in session.state.injects
    session.act("retract", {"event": "m1", "reason": "never happened"})
    assert list(session.state.injects) == ["collision"]
    assert session.state.perceptions == []
    assert sorted(session.state.void) == [3, 4]  # the adjudication and the perception
    assert rung(session) == "protest" and session.state.dyads[AC].peak_rung == "protest"


def test_ids_are_assigned_when_omitted_and_never_reused(tmp_path):
    session = new_session(tmp_path, EXERCISE + [move("m2", "azure", "statement")])
    first = session.act("move", {"by": "azure", "type": "statement", "text": "a"})
    second = session.act("move", {"by": "azure", "type": "statement", "text": "b"})
    assert (first.payload["id"], second.payload["id"]) == ("m3", "m4")
    message = session.act("hotline", {"from": "azure", "to": "crimson", "text": "hi"})
    session.act("retract", {"event": message.payload["id"], "reason": "oops"})
    again = session.act("hotline", {"from": "azure", "to": "crimson", "text": "hi again"})
    assert (message.payload["id"], again.payload["id"]) == ("h1", "h2")


def test_defaults_come_from_the_move_type(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    event = session.act("move", {"by": "azure", "type": "covert-probe", "target": "crimson",
                                 "text": "probe"})
    assert (event.payload["intent"], event.payload["visibility"]) == (
        "non-violent-escalation", "private")


def test_a_later_perception_replaces_the_earlier(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        move("m1", "azure", "statement", intent="status-quo"),
        ("perceive", {"by": "crimson", "move": "m1", "as": "nuclear"}),
        ("perceive", {"by": "verdant", "move": "m1", "as": "posturing"}),
        ("perceive", {"by": "crimson", "move": "m1", "as": "de-escalation"})])
    assert [(p.by, p.as_category, p.gap) for p in session.state.perceptions] == [
        ("verdant", "posturing", 4), ("crimson", "de-escalation", -2)]


def test_a_hotline_message_is_relayed_when_the_direct_line_is_down(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("channel", {"between": ["crimson", "azure"], "status": "down"}),
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "via Verdant"})])
    message = session.state.messages["h1"]
    assert message.route == ("azure", "verdant", "crimson")
    assert message.ack_within == 2  # the largest along the route
    play(session, [("next-turn", {}), ("next-turn", {})])
    assert not message.late(session.state.turn)  # 2 turns unacknowledged: not yet late
    play(session, [("next-turn", {})])
    assert message.late(session.state.turn)


def test_a_scheduled_inject_released_early_is_not_released_again(tmp_path):
    session = new_session(tmp_path, EXERCISE + [("inject", {"id": "cable-cut"}),
                                                ("next-turn", {})])
    release = session.state.injects["cable-cut"]
    assert (release.how, release.released_turn) == ("manual", 1)


def test_at_counts_real_seconds_since_the_exercise_began(tmp_path, monkeypatch):
    clock = iter([1000.0, 5000.0, 5090.5, 5100.0])
    monkeypatch.setattr(session_module.time, "time", lambda: next(clock))
    session = Session.create(tmp_path / "s.wargame", SCENARIO)
    note = session.act("note", {"by": "facilitator", "text": "before"})
    start = session.act("phase", {"to": "exercise"})
    later = session.act("note", {"by": "facilitator", "text": "after"})
    given = session.act("note", {"by": "facilitator", "text": "given"}, at="00:01:05")
    assert (note.at, start.at, later.at, given.at) == (0.0, 0.0, 90.5, 65.0)
    assert session.state.exercise_started_ts == 5000.0


def test_a_refused_time_writes_nothing(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    with pytest.raises(ActionRefused, match="at: expected a time such as 00:04:10"):
        session.act("note", {"by": "azure", "text": "x"}, at="four o'clock")
    assert len(session.state.events) == 1


def test_an_acknowledgement_cannot_precede_its_message(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    session.act("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "x"}, at=120)
    with pytest.raises(ActionRefused) as refused:
        session.act("ack", {"message": "h1", "by": "crimson"}, at=60)
    assert str(refused.value) == ("the acknowledgement at 00:01:00 would come before h1 was "
                                  "sent at 00:02:00")


def test_a_delegation_acts_only_as_itself(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    event = session.act("move", {"by": "azure", "type": "statement", "text": "x"},
                        actor="azure")
    assert event.actor == "azure"
    session.act("note", {"by": "osce", "text": "seen", "visibility": "private"}, actor="osce")
    with pytest.raises(ActionRefused, match="azure cannot act for crimson"):
        session.act("note", {"by": "crimson", "text": "x"}, actor="azure")


def test_another_session_sees_appends_and_validates_against_them(tmp_path):
    first = new_session(tmp_path, EXERCISE)
    second = Session.open(tmp_path / "s.wargame")
    assert second.refresh() == []
    first.act("move", {"id": "m1", "by": "azure", "type": "statement", "text": "x"})
    # Not refreshed, yet the second writer validates against the first's move:
    with pytest.raises(ActionRefused, match="there is already a move m1"):
        second.act("move", {"id": "m1", "by": "crimson", "type": "statement", "text": "y"})
    second.act("adjudicate", {"move": "m1", "decision": "approve"})
    assert second.state.moves["m1"].status == "approved"
    assert [e.kind for e in first.refresh()] == ["adjudicate"]
    assert first.state.moves["m1"].status == "approved"
    assert first.refresh() == []
    assert first.latest_seq() == second.latest_seq() == 3


def test_refresh_refolds_when_another_process_retracts(tmp_path):
    first = new_session(tmp_path, EXERCISE + [move("m1", "azure", "patrol", "crimson"),
                                              approve("m1")])
    second = Session.open(tmp_path / "s.wargame")
    assert rung(second) == "standoff"
    first.act("retract", {"event": "m1", "reason": "x"})
    second.refresh()
    assert rung(second) == "protest" and second.state.moves["m1"].status == "retracted"


def test_a_batch_is_all_or_nothing(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    with pytest.raises(ActionRefused):
        with session.batch() as batch:
            batch.act("move", {"id": "m1", "by": "azure", "type": "patrol", "target": "crimson",
                               "text": "x"})
            batch.act("adjudicate", {"move": "m1", "decision": "approve"})
            batch.act("adjudicate", {"move": "m1", "decision": "approve"})
    assert "m1" not in session.state.moves and rung(session) == "protest"
    session.close()
    with Session.open(tmp_path / "s.wargame") as reopened:
        assert len(reopened.state.events) == 1


def test_a_reply_survives_the_retraction_of_the_message_it_answers(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "question"}),
        ("hotline", {"id": "h2", "from": "crimson", "to": "azure", "text": "answer",
                     "reply_to": "h1"}),
        ("retract", {"event": "h1", "reason": "sent twice"})])
    assert list(session.state.messages) == ["h2"]
    assert session.state.messages["h2"].reply_to == "h1"
    assert session.state.void == {}
