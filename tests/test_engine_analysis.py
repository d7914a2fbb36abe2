"""Graphs, metrics, objectives and the transparency rules, read from folded states."""

from __future__ import annotations

import pytest

from fixtures.engine.support import ASSESS, EXERCISE, new_session, play
from wargame.engine import graphs, visibility
from wargame.engine.metrics import compute_metrics
from wargame.engine.objectives import evaluate_objectives, expectation_results
from wargame.errors import WargameError

AC = ("azure", "crimson")


def _by_id(results):
    return {r.id: r for r in results}


def test_the_ladder_graph_records_each_dyads_path(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("move", {"id": "m1", "by": "azure", "type": "pause", "target": "crimson", "text": "x"}),
        ("adjudicate", {"move": "m1", "decision": "approve"}),
        ("move", {"id": "m2", "by": "azure", "type": "seizure", "target": "crimson",
                  "text": "y"}),
        ("adjudicate", {"move": "m2", "decision": "approve"})])
    graph = graphs.ladder_graph_with_paths(session.state)
    assert graph.edges["friction", "protest"]["traversals"] == [
        {"dyad": AC, "turn": 1, "cause": "inject:collision"}]
    assert graph.edges["protest", "friction"]["traversals"] == [
        {"dyad": AC, "turn": 1, "cause": "move:m1"}]
    # The seizure (3 up from friction) took the "Surprise seizure" jump, then
    # standoff-alarm added one more rung.
    assert graph.edges["friction", "confrontation"]["kind"] == "jump"
    assert [t["cause"] for t in graph.edges["friction", "confrontation"]["traversals"]] == [
        "move:m2"]
    assert graph.edges["friction", "protest"]["traversals"][0]["cause"] == "inject:collision"
    assert graph.nodes["clash"]["dyads"] == [AC]
    assert graph.nodes["calm"]["dyads"] == [("azure", "verdant"), ("crimson", "verdant")]


def test_the_hotline_graph_counts_traffic_and_relays(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("hotline", {"from": "azure", "to": "crimson", "text": "direct"}),
        ("channel", {"between": ["azure", "crimson"], "status": "down"}),
        ("hotline", {"from": "azure", "to": "crimson", "text": "relayed"}),
        ("hotline", {"from": "verdant", "to": "crimson", "text": "own"})])
    graph = graphs.hotline_traffic(session.state)
    assert graph.edges["azure", "crimson"]["status"] == "down"
    assert (graph.edges["azure", "crimson"]["messages"],
            graph.edges["azure", "verdant"]["messages"],
            graph.edges["verdant", "crimson"]["messages"]) == (1, 1, 2)
    assert graph.edges["verdant", "crimson"]["relayed"] == 1
    assert graph.nodes["verdant"]["relayed"] == 1
    assert (graph.nodes["azure"]["sent"], graph.nodes["crimson"]["received"]) == (2, 3)


def test_off_ramps_walk_down_and_list_de_escalating_moves_largest_first(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    ramp = graphs.off_ramps(session.state, ("crimson", "azure"))
    assert ramp.path == ("protest", "friction", "calm")
    assert [m.id for m in ramp.moves] == ["joint-statement", "pause", "mediation"]
    assert graphs.off_ramps(session.state, ("azure", "verdant")) == graphs.OffRamp(("calm",), ())


def test_escalation_scores_per_turn_and_the_mean_over_delegations_that_move(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("move", {"id": "m1", "by": "azure", "type": "statement", "text": "x"}),
        ("adjudicate", {"move": "m1", "decision": "approve"}),
        ("move", {"id": "m2", "by": "crimson", "type": "strike", "target": "azure",
                  "text": "y"}),
        ("adjudicate", {"move": "m2", "decision": "reject"}),
        ("move", {"id": "m3", "by": "crimson", "type": "statement", "text": "z"}),
        ("next-turn", {}),
        ("adjudicate", {"move": "m3", "decision": "approve"}),
        ("move", {"id": "m4", "by": "verdant", "type": "mediation", "text": "w"}),
        ("adjudicate", {"move": "m4", "decision": "approve"})])
    metrics = compute_metrics(session.state)
    # m3 counts in the turn it was made, though approved in turn 2; m2 was rejected.
    assert metrics["escalation_score"] == {"azure": [4, 0], "crimson": [4, 0],
                                           "verdant": [0, -2], "osce": [0, 0]}
    assert metrics["mean_escalation_score"] == [2.667, -0.667]  # three can move
    assert metrics["moves"] == {"total": 4, "cbm": 1, "escalatory": 2, "de_escalatory": 1}


def test_hotline_metrics_judge_unacknowledged_messages_at_the_current_turn(tmp_path):
    session = new_session(tmp_path, EXERCISE)
    play(session, [("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "a"})])
    session.act("ack", {"message": "h1", "by": "crimson"}, at=30)
    session.act("hotline", {"id": "h2", "from": "crimson", "to": "azure", "text": "b"}, at=40)
    session.act("hotline", {"id": "h3", "from": "crimson", "to": "azure", "text": "c"}, at=50)
    session.act("next-turn", {}, at=60)
    session.act("ack", {"message": "h2", "by": "azure"}, at=100)
    hotline = compute_metrics(session.state)["hotline"]
    assert hotline == {"messages": 3, "acknowledged": 2, "late": 0, "median_ack_turns": 0.5,
                       "median_ack_seconds": 45.0}
    session.act("next-turn", {}, at=120)
    assert compute_metrics(session.state)["hotline"]["late"] == 1  # h3, two turns waiting


def test_objectives_say_why_and_are_null_when_not_measurable(tmp_path):
    session = new_session(tmp_path)
    results = _by_id(evaluate_objectives(session.state))
    assert results["fast-hotline"].met is None
    assert results["fast-hotline"].detail == "no hotline message was sent"
    assert results["read-intent"].met is None
    assert results["reporting"].met is None
    assert results["reporting"].detail == "none of its injects has been released"
    assert results["below-clash"].met is True
    assert results["below-clash"].detail == (
        "peak was friction (level 1), limit below clash (level 5)")
    play(session, EXERCISE)
    results = _by_id(evaluate_objectives(session.state))
    assert results["reporting"].met is None  # the window is still open
    assert results["reporting"].detail == (
        "0 of 2 expected responses met; still open: azure incident-report after collision, "
        "crimson incident-report after collision")
    play(session, [("phase", {"to": "assess"}), ("rate", {"objective": "reporting",
                                                           "rating": "U"})])
    results = _by_id(evaluate_objectives(session.state))
    assert (results["reporting"].met, results["reporting"].rating) == (False, "U")


def test_an_unacknowledged_message_fails_the_hotline_objective(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "a"}),
        ("ack", {"message": "h1", "by": "crimson"}),
        ("hotline", {"id": "h2", "from": "crimson", "to": "azure", "text": "b"})])
    result = _by_id(evaluate_objectives(session.state))["fast-hotline"]
    assert (result.met, result.value) == (False, 0)
    assert result.detail == ("1 of 2 messages acknowledged within 1 turn; unacknowledged: h2")


def test_an_expected_response_made_too_late_is_missed(tmp_path):
    session = new_session(tmp_path, EXERCISE + [("next-turn", {}), ("next-turn", {}),
        ("move", {"id": "m1", "by": "azure", "type": "incident-report", "target": "crimson",
                  "text": "late"}),
        ("adjudicate", {"move": "m1", "decision": "approve"})])
    statuses = {(r.inject, r.by): r.status for r in expectation_results(session.state)}
    assert statuses[("collision", "azure")] == "missed"
    assert statuses[("radar-lock", "azure")] == "unreleased"


def test_viewers_see_what_the_transparency_rules_allow(tmp_path):
    session = new_session(tmp_path, EXERCISE + [
        ("move", {"id": "m1", "by": "azure", "type": "covert-probe", "target": "crimson",
                  "text": "x"}),
        ("move", {"id": "m2", "by": "crimson", "type": "statement", "text": "y"}),
        ("channel", {"between": ["azure", "crimson"], "status": "down"}),
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "relayed"}),
        ("note", {"by": "azure", "text": "own", "visibility": "private"}),
        ("note", {"by": "facilitator", "text": "for all", "visibility": "public"})])
    state = session.state
    m1, m2, h1 = state.moves["m1"], state.moves["m2"], state.messages["h1"]
    own, public = state.notes
    assert [visibility.can_see_move(state, v, m1) for v in
            ("control", "azure", "crimson", "public")] == [True, True, False, False]
    assert not visibility.can_see_move(state, "public", m2)  # pending: the mover and control
    assert visibility.can_see_move(state, "crimson", m2)
    play(session, [("adjudicate", {"move": "m2", "decision": "approve"})])
    state = session.state
    m2, h1 = state.moves["m2"], state.messages["h1"]
    assert visibility.can_see_move(state, "public", m2)
    assert [visibility.can_see_message(state, v, h1) for v in
            ("control", "azure", "verdant", "osce", "public")] == [True, True, True, False,
                                                                   False]
    assert [visibility.can_see_note(state, v, own) for v in
            ("control", "azure", "crimson", "public")] == [True, True, False, False]
    assert visibility.can_see_note(state, "public", public)
    collision, cable = state.scenario.inject("collision"), state.scenario.inject("cable-cut")
    assert visibility.can_see_inject(state, "public", collision)
    assert not visibility.can_see_inject(state, "azure", cable)  # not released yet
    play(session, [("next-turn", {})])
    assert visibility.can_see_inject(session.state, "azure", cable)
    assert not visibility.can_see_inject(session.state, "verdant", cable)
    assert not visibility.can_see_inject(session.state, "public", cable)
    view = visibility.view_state(session.state, "crimson")
    assert list(view.state.moves) == ["m2"] and view.withheld["moves"] == 1
    assert view.withheld["notes"] == 1 and view.state.events == []


def test_an_unknown_viewer_is_refused_with_a_hint(tmp_path):
    session = new_session(tmp_path)
    assert visibility.check_viewer(session.scenario, None) == "control"
    assert visibility.check_viewer(session.scenario, "osce") == "osce"
    with pytest.raises(WargameError, match="did you mean 'public'"):
        visibility.check_viewer(session.scenario, "pubic")


def test_review_material_is_kept_in_order(tmp_path):
    session = new_session(tmp_path, ASSESS + [
        ("rate", {"objective": "teamwork", "rating": "M"}),
        ("rate", {"objective": "teamwork", "rating": "S", "note": "re-rated"}),
        ("hotwash", {"question": 1, "answer": "More relays"}, "crimson"),
        ("improve", {"issue": "a", "action": "b", "due": "2027-03-01"})])
    state = session.state
    assert state.ratings["teamwork"].rating == "S"
    assert (state.hotwash[0].by, state.hotwash[0].question) == ("crimson", 1)
    assert state.improvements[0].due == "2027-03-01"
