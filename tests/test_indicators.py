"""The trust indicators, per delegation and per pair, with hand-computed values."""

from __future__ import annotations

from fixtures.engine.support import CBM, EXERCISE, NEXT, approve, move, play
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.indicators import delegation_indicators, pair_indicators





def played(tmp_path):
    session = Session.create(tmp_path / "i.wargame", CBM)
    play(session, [
        *EXERCISE,
        # turn 1: azure -> crimson h1 (acked in turn 1), crimson -> azure h2 (acked in turn 3)
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "Hello"}),
        ("ack", {"message": "h1", "by": "crimson"}),
        ("hotline", {"id": "h2", "from": "crimson", "to": "azure", "text": "Why?"}),
        # azure: a complete incident report (5/5) and a 3/5 one, both CBM, at crimson
        move("m1", "azure", "incident-report", "crimson",
             fields={"time": "06:40", "position": "35N 24E", "nature": "collision",
                     "units": "Argo", "distance": 100}), approve("m1"),
        move("m2", "azure", "incident-report", "crimson",
             fields={"time": "07:00", "position": "35N 24E", "nature": "near-miss"}),
        approve("m2"),
        # azure requests an inspection (due turn 3); crimson never answers
        move("m3", "azure", "inspection-request", "crimson"), approve("m3"),
        NEXT,
        # crimson: a patrol stated as status-quo, adjudicated as posturing (inconsistent)
        move("m4", "crimson", "patrol", "azure", intent="status-quo"), approve("m4"),
        # crimson: a pause move it states as de-escalation (consistent)
        move("m5", "crimson", "pause", "azure"), approve("m5"),
        NEXT,
        ("ack", {"message": "h2", "by": "azure"}),
        NEXT,  # turn 4: the inspection request is missed
    ])
    return session


def test_azure(tmp_path):
    azure = delegation_indicators(played(tmp_path).state, "azure")
    assert azure["timeliness"] == {
        "messages_received": 1, "acknowledged": 1, "acknowledged_on_time": 0,  # h2: 2 turns
        "mean_ack_turns": 2, "obligations_owed": 0, "obligations_met": 0,
        "obligations_late": 0, "obligations_missed": 0, "on_time_share": 0.0}
    # turn 1: h1 + m1 + m2 + m3 (all CBM); nothing after
    assert azure["contact"] == {"messages_sent": 1, "cbm_moves": 3, "per_turn": [4, 0, 0, 0]}
    assert azure["information_sharing"] == {
        "activities_needing_notice": 0, "activities_notified": 0, "notified_share": None,
        "reports": 2, "mean_completeness": 0.8,  # (1.0 + 0.6) / 2
        "obligations_met_on_time": None, "expected_responses_met": 1.0}  # collision: m1
    assert azure["consistency"] == {"moves": 3, "as_stated": 3, "share": 1.0}


def test_crimson(tmp_path):
    crimson = delegation_indicators(played(tmp_path).state, "crimson")
    assert crimson["timeliness"]["acknowledged_on_time"] == 1  # h1, same turn
    assert crimson["timeliness"]["obligations_missed"] == 1
    assert crimson["timeliness"]["on_time_share"] == 0.5  # 1 of (1 message + 1 obligation)
    assert crimson["contact"]["per_turn"] == [1, 1, 0, 0]  # h2; m5 (pause is a CBM)
    assert crimson["information_sharing"]["obligations_met_on_time"] == 0.0
    assert crimson["consistency"] == {"moves": 2, "as_stated": 1, "share": 0.5}


def test_the_pair(tmp_path):
    pair = pair_indicators(played(tmp_path).state, "azure", "crimson")
    assert pair == {"between": ["azure", "crimson"], "messages": 2, "cbm_moves": 4,
                    "contact_per_turn": [5, 1, 0, 0], "mean_ack_turns": 1,
                    "late_acks": 1, "obligations": 1, "obligations_met": 0}


def test_the_export_carries_them_and_a_delegation_sees_only_its_view(tmp_path):
    session = played(tmp_path)
    exported = export_state(session.state)["indicators"]
    assert set(exported["delegations"]) == {"azure", "crimson", "verdant"}
    assert exported["delegations"]["crimson"]["consistency"]["share"] == 0.5
    verdant = export_state(session.state, "verdant")["indicators"]
    assert verdant["delegations"]["azure"]["contact"]["messages_sent"] == 0  # not its messages


def test_a_delegation_is_not_shown_what_injects_expect(tmp_path):
    session = played(tmp_path)
    crimson = export_state(session.state, "crimson")["indicators"]["delegations"]["azure"]
    assert crimson["information_sharing"]["expected_responses_met"] is None
