"""Manual relays through a mediator (issue 15, item 4): a message waits at each delegation
in the middle of its route until that one passes it on; relay time is an indicator."""

from __future__ import annotations

import pytest

from fixtures.engine.support import HERE, SCENARIO
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.indicators import relay_indicators
from wargame.engine.screen_projection import ScreenProjection
from wargame.engine.visibility import screen_state
from wargame.errors import ActionRefused

RELAY = HERE / "fixture-relay.yaml"


def act(session, kind, payload, at=1300, actor="facilitator"):
    """At 21:40 of play unless told: after the fixture's h2 was sent."""
    return session.act(kind, payload, actor=actor, at=at)


@pytest.fixture
def session(tmp_path):
    """Turn 2 at 20:00 of play, the direct line cut: h2 (sent at 21:00) waits at Verdant."""
    session = Session.create(tmp_path / "r.wargame", RELAY)
    act(session, "phase", {"to": "exercise"}, at=0)
    act(session, "next-turn", {}, at=1200)
    act(session, "hotline", {"id": "h2", "from": "azure", "to": "crimson", "text": "Hi"},
        at=1260)
    return session


def test_a_relayed_message_waits_at_the_mediator_until_passed_on(session):
    message = session.state.messages["h2"]
    assert message.route == ("azure", "verdant", "crimson")
    assert (message.waiting_at, message.delivered, message.delivered_at) == ("verdant", False,
                                                                             None)
    act(session, "relay", {"message": "h2", "by": "verdant", "note": "Passed"}, at=1560,
        actor="verdant")
    message = session.state.messages["h2"]
    assert (message.waiting_at, message.delivered_at, message.delivered_turn) == (None, 1560, 2)
    assert [(h.by, h.at, h.turn, h.note) for h in message.relays] == [
        ("verdant", 1560, 2, "Passed")]


def test_the_recipient_cannot_acknowledge_or_answer_before_it_arrives(session):
    with pytest.raises(ActionRefused, match="h2 waits at verdant to be passed on"):
        act(session, "ack", {"message": "h2", "by": "crimson"}, actor="crimson")
    with pytest.raises(ActionRefused, match="cannot answer h2 yet"):
        act(session, "hotline", {"from": "crimson", "to": "azure", "text": "Re",
                                 "reply_to": "h2"}, actor="crimson")
    act(session, "relay", {"message": "h2", "by": "verdant"})
    act(session, "ack", {"message": "h2", "by": "crimson"}, actor="crimson")
    assert session.state.messages["h2"].acknowledged


@pytest.mark.parametrize("payload, actor, words", [
    ({"message": "h2", "by": "azure"}, "azure",
     r"h2 does not pass through azure \(its route is azure → verdant → crimson\)"),
    ({"message": "h2", "by": "teal"}, "teal", "does not pass through teal"),
    ({"message": "h2", "by": "osce"}, "facilitator", "observers cannot relay messages"),
    ({"message": "h9", "by": "verdant"}, "verdant", "no hotline message 'h9'"),
    ({"message": "h2", "by": "verdant"}, "crimson", "crimson cannot act for verdant"),
])
def test_relays_not_waiting_at_the_relay_are_refused(session, payload, actor, words):
    with pytest.raises(ActionRefused, match=words):
        act(session, "relay", payload, actor=actor)


def test_a_message_already_passed_on_is_refused_naming_the_turn(session):
    act(session, "relay", {"message": "h2", "by": "verdant"})
    with pytest.raises(ActionRefused, match="verdant already passed h2 on in turn 2"):
        act(session, "relay", {"message": "h2", "by": "verdant"})


def test_the_onward_channel_down_holds_the_message_naming_the_channel(session):
    act(session, "channel", {"between": ["crimson", "verdant"], "status": "down"})
    with pytest.raises(ActionRefused, match="the crimson–verdant channel is down: h2 cannot "
                                            "go on to crimson until it is restored"):
        act(session, "relay", {"message": "h2", "by": "verdant"})
    act(session, "channel", {"between": ["crimson", "verdant"], "status": "up"})
    act(session, "relay", {"message": "h2", "by": "verdant"})
    assert session.state.messages["h2"].delivered


def test_relaying_outside_the_exercise_phase_is_refused(session):
    act(session, "phase", {"to": "assess"})
    with pytest.raises(ActionRefused, match="only possible in the exercise phase"):
        act(session, "relay", {"message": "h2", "by": "verdant"})


def test_a_relay_before_the_message_arrived_is_refused(session):
    with pytest.raises(ActionRefused, match="the relay at 00:20:00 would come before h2 "
                                            "reached verdant at 00:21:00"):
        act(session, "relay", {"message": "h2", "by": "verdant"}, at=1200)


def test_two_relays_in_turn_and_the_second_waits_for_the_first(session):
    act(session, "channel", {"between": ["crimson", "verdant"], "status": "down"})
    act(session, "hotline", {"id": "h3", "from": "azure", "to": "crimson", "text": "Long way"})
    assert session.state.messages["h3"].route == ("azure", "verdant", "teal", "crimson")
    with pytest.raises(ActionRefused, match="h3 has not reached teal yet: h3 waits at verdant"):
        act(session, "relay", {"message": "h3", "by": "teal"})
    act(session, "relay", {"message": "h3", "by": "verdant"}, at=1400)
    assert session.state.messages["h3"].waiting_at == "teal"
    act(session, "next-turn", {}, at=2400)
    act(session, "relay", {"message": "h3", "by": "teal"}, at=2500)
    message = session.state.messages["h3"]
    assert (message.delivered_at, message.delivered_turn) == (2500, 3)
    figures = relay_indicators(session.state)
    # Verdant held h3 100 s (1300 -> 1400), Teal 1100 s and one turn (1400 -> 2500, 2 -> 3);
    # h2 still waits at Verdant.
    assert figures["verdant"] == {"relayed": 1, "waiting": 1, "median_seconds": 100.0,
                                  "max_seconds": 100.0, "median_turns": 0.0, "max_turns": 0.0}
    assert figures["teal"] == {"relayed": 1, "waiting": 0, "median_seconds": 1100.0,
                               "max_seconds": 1100.0, "median_turns": 1.0, "max_turns": 1.0}


def test_lateness_counts_from_sending_so_a_slow_relay_makes_a_late_message(session):
    # h2: sent in turn 2, ack_within 1 (the largest along azure–verdant–crimson).
    act(session, "next-turn", {}, at=2400)
    act(session, "next-turn", {}, at=3600)
    assert session.state.messages["h2"].late(session.state.turn)  # 4 - 2 > 1, still held
    act(session, "relay", {"message": "h2", "by": "verdant"}, at=3700)
    act(session, "ack", {"message": "h2", "by": "crimson"}, at=3800, actor="crimson")
    exported = export_state(session.state)["hotline"]["messages"][0]
    assert (exported["late"], exported["ack_turn"], exported["delivered_turn"]) == (True, 4, 4)


def test_retracting_a_relay_puts_the_message_back_to_waiting(session):
    event = act(session, "relay", {"message": "h2", "by": "verdant"})
    act(session, "retract", {"event": event.seq, "reason": "Too early"})
    assert session.state.messages["h2"].waiting_at == "verdant"
    assert session.state.messages["h2"].relays == ()
    act(session, "relay", {"message": "h2", "by": "verdant", "note": "Now"})
    assert [h.note for h in session.state.messages["h2"].relays] == ["Now"]
    reopened = Session.open(session.path)
    assert reopened.state.messages["h2"].relays == session.state.messages["h2"].relays


def test_an_ack_after_a_retracted_relay_is_void_on_the_refold(session):
    event = act(session, "relay", {"message": "h2", "by": "verdant"})
    act(session, "ack", {"message": "h2", "by": "crimson"})
    act(session, "retract", {"event": event.seq, "reason": "Never happened"})
    assert not session.state.messages["h2"].acknowledged
    assert "waits at verdant" in next(iter(session.state.void.values()))


def test_who_sees_a_held_message(session):
    """Sender: where it waits; relay: once it arrived; recipient: once delivered."""
    def seen(viewer):
        return screen_state(session.state, viewer).messages

    assert seen("azure")["h2"].waiting_at == "verdant"
    assert seen("verdant")["h2"].text == "Hi"
    assert "h2" not in seen("crimson") and "h2" not in seen("public")
    assert "h2" not in seen("teal") and "h2" not in seen("osce")
    assert export_state(session.state, "crimson")["withheld"]["messages"] == 1
    act(session, "relay", {"message": "h2", "by": "verdant", "note": "[bold]x"})
    assert [h.note for h in seen("crimson")["h2"].relays] == ["[bold]x"]
    assert [h.note for h in seen("azure")["h2"].relays] == ["[bold]x"]
    assert "h2" not in seen("public")


def test_the_incremental_screen_follows_a_relay(session):
    projections = {v: ScreenProjection(v) for v in ("azure", "verdant", "crimson", "public")}
    for viewer, projection in projections.items():
        assert projection.project(session.state) == screen_state(session.state, viewer)
    act(session, "relay", {"message": "h2", "by": "verdant", "note": "On"})
    for viewer, projection in projections.items():
        assert projection.project(session.state) == screen_state(session.state, viewer)


def test_relay_passage_charter_hides_the_text_but_not_the_notes(tmp_path):
    text = RELAY.read_text(encoding="utf-8").replace(
        "evaluation:", "transparency: {relay_sees: passage}\nevaluation:")
    scenario = tmp_path / "fixture-relay.yaml"
    scenario.write_text(text, encoding="utf-8")
    (tmp_path / "fixture-ladder.yaml").write_text(
        (HERE / "fixture-ladder.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    session = Session.create(tmp_path / "p.wargame", scenario)
    act(session, "phase", {"to": "exercise"})
    act(session, "channel", {"between": ["azure", "crimson"], "status": "down"})
    act(session, "hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "Secret"})
    act(session, "relay", {"message": "h1", "by": "verdant", "note": "Passed"})
    held = screen_state(session.state, "verdant").messages["h1"]
    assert (held.text, [h.note for h in held.relays]) == ("", ["Passed"])


def test_automatic_relays_stay_as_they_were(tmp_path):
    session = Session.create(tmp_path / "a.wargame", SCENARIO)
    act(session, "phase", {"to": "exercise"})
    act(session, "channel", {"between": ["azure", "crimson"], "status": "down"})
    act(session, "hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "Hi"})
    assert session.state.messages["h1"].delivered
    with pytest.raises(ActionRefused, match="relays are automatic in this scenario"):
        act(session, "relay", {"message": "h1", "by": "verdant"})
    exported = export_state(session.state)
    assert "relays" not in exported["hotline"]["messages"][0]
    assert "relays" not in exported["indicators"]


def test_the_recorded_script_in_the_debrief(tmp_path):
    """tests/scripts/manual-relay.yaml: Verdant passed on 3 (held 300, 840 and 480 s: median
    8.0 min, longest 14.0 min; 0, 1 and 0 turns), Teal holds 2; the note stays text."""
    from fixtures.engine.support import SCRIPTS
    from wargame.debrief import render_debrief
    from wargame.engine.script import load_script, play

    session = Session.create(tmp_path / "d.wargame", RELAY)
    play(session, load_script(SCRIPTS / "manual-relay.yaml")[1])
    markdown = render_debrief(session.state, format="md", edition="full", earlier=[])
    assert "| Verdant | 3 | 8.0 min | 14.0 min | 0 | 1 | 0 |" in markdown
    assert "| Teal | 0 | – | – | – | – | 2 |" in markdown
    assert "*Passed on by Verdant* in turn 3 at 00:55:00: Via Teal" in markdown
    assert "⇄ still waiting at Teal" in markdown
    html = render_debrief(session.state, format="html", edition="full", earlier=[])
    assert "Passing on [bold]now[/bold] &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x" not in html
    public = render_debrief(session.state, format="md", edition="public", earlier=[])
    assert "Passing on" not in public and "Via Teal" not in public


def test_an_approved_hotline_call_waits_like_a_message_and_meets_its_expectation_at_approval():
    """strait-incident (cbm-standard's hotline-call), relays made manual: the cable cut,
    Azure's call to Crimson goes through Verdant and waits there; the expected response it
    answers counts from its approval, the call's acknowledgement only once delivered."""
    import attrs

    from wargame.engine.fold import check, effect, new_state
    from wargame.engine.objectives import expectation_results
    from wargame.engine.state import Event
    from wargame.engine.vocabulary import parse
    from wargame.loader import load_scenario
    from wargame.paths import resolve_scenario

    scenario = attrs.evolve(load_scenario(resolve_scenario("strait-incident")), relay="manual")
    state = new_state(scenario)

    def do(kind, payload, actor="facilitator"):
        nonlocal state
        action = check(state, parse(kind, payload), actor, 100.0)
        event = Event(seq=state.last_seq + 1, ts=0.0, actor=actor, kind=kind,
                      payload=action.payload(100.0))
        state = effect(state, event, action)

    do("phase", {"to": "exercise"})
    do("next-turn", {})  # turn 2: cutter-standoff expects Azure's hotline call within 1
    do("channel", {"between": ["azure", "crimson"], "status": "down"})
    do("move", {"id": "m1", "by": "azure", "type": "hotline-call", "target": "crimson",
                "text": "We are turning away"}, "azure")
    do("adjudicate", {"move": "m1", "decision": "approve"})
    assert state.messages["m1"].waiting_at == "verdant"
    (call,) = [r for r in expectation_results(state, ("cutter-standoff",))
               if r.move == "hotline-call"]
    assert (call.status, call.met_by) == ("met", "m1")  # at approval, though still held
    with pytest.raises(ActionRefused, match="m1 waits at verdant to be passed on"):
        do("ack", {"message": "m1", "by": "crimson"}, "crimson")
    do("relay", {"message": "m1", "by": "verdant"}, "verdant")
    do("ack", {"message": "m1", "by": "crimson"}, "crimson")
    assert state.messages["m1"].acknowledged
    assert state.moves["m1"].status == "approved"


def test_closing_the_turn_lists_the_messages_still_held(session):
    from wargame.ui.closing import open_items

    assert "⇄ 1 message(s) waiting to be passed on: h2 at verdant" in open_items(
        session.state, next_turn=True)
