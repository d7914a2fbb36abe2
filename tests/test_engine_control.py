"""The control cell's levers as engine actions: pause, hold, re-time, ad hoc, updates, summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.injects import scheduled_turn
from wargame.engine.visibility import screen_state, visible_event_seqs
from wargame.errors import ActionRefused
from wargame.paths import resolve_scenario


@pytest.fixture
def session(tmp_path: Path):
    session = Session.create(tmp_path / "c.wargame", resolve_scenario("border-crisis"))
    yield session
    session.close()


def scheduled(session, turn: int) -> list[str]:
    return [i.id for i in session.state.scenario.injects if i.turn == turn]


def test_a_held_inject_is_not_released_when_its_turn_opens_and_a_retimed_one_moves(session) -> None:
    session.act("phase", {"to": "exercise"})
    held, *_ = scheduled(session, 2)
    session.act("hold", {"id": held})
    session.act("next-turn", {})
    assert held not in session.state.injects
    assert scheduled_turn(session.state, session.state.scenario.inject(held)) is None
    session.act("retime", {"id": held, "turn": 3})
    session.act("next-turn", {})
    assert session.state.injects[held].released_turn == 3
    with Session.open(session.path) as reopened:  # the fold agrees
        assert reopened.state.injects[held].released_turn == 3


def test_a_held_inject_can_be_released_early_by_hand(session) -> None:
    session.act("phase", {"to": "exercise"})
    later = scheduled(session, 3)[0]
    session.act("inject", {"id": later})
    assert session.state.injects[later].released_turn == 1
    with pytest.raises(ActionRefused, match="already released"):
        session.act("hold", {"id": later})


def test_retiming_into_a_turn_that_has_opened_is_refused(session) -> None:
    session.act("phase", {"to": "exercise"})
    later = scheduled(session, 3)[0]
    with pytest.raises(ActionRefused, match="already opened"):
        session.act("retime", {"id": later, "turn": 1})


def test_pause_stops_the_timebox_for_every_screen_and_a_new_turn_starts_afresh(session) -> None:
    session.act("phase", {"to": "exercise"})
    session.act("pause", {"reason": "Coffee"})
    assert session.state.paused_ts is not None
    with pytest.raises(ActionRefused, match="already paused"):
        session.act("pause", {})
    seq = session.state.last_seq
    assert seq in visible_event_seqs(session.state, "norland")
    assert screen_state(session.state, "public").paused_ts is not None
    session.act("resume", {})
    assert session.state.paused_ts is None and session.state.turn_paused >= 0
    with pytest.raises(ActionRefused, match="not paused"):
        session.act("resume", {})


def test_an_adhoc_inject_joins_the_msel_and_is_seen_only_by_its_addressees(session) -> None:
    session.act("phase", {"to": "exercise"})
    session.act("adhoc", {"title": "Envoy calls", "from": "UN envoy", "to": ["norland"],
                          "text": "The envoy asks for calm", "control_notes": "Test their reply",
                          "between": ["norland", "sudria"], "step": 1})
    state = session.state
    inject = state.scenario.inject("adhoc-1")
    assert (inject.title, inject.source, inject.to) == ("Envoy calls", "UN envoy", ("norland",))
    assert state.injects["adhoc-1"].how == "ad hoc"
    assert "adhoc-1" in screen_state(state, "norland").injects
    assert "adhoc-1" not in screen_state(state, "sudria").injects
    assert all(not i.control_notes for i in screen_state(state, "norland").scenario.injects)
    with Session.open(session.path) as reopened:
        assert reopened.state.injects["adhoc-1"].how == "ad hoc"
        assert reopened.state.scenario.inject("adhoc-1").text == "The envoy asks for calm"
    # Retracting it takes it out of the MSEL, as if never composed.
    session.act("retract", {"event": state.last_seq, "reason": "Wrong room"})
    assert not any(i.id == "adhoc-1" for i in session.state.scenario.injects)


def test_a_situation_update_reaches_its_addressees_only(session) -> None:
    session.act("phase", {"to": "exercise"})
    session.act("update", {"text": "Storm over the strait", "to": ["sudria"]})
    session.act("update", {"text": "Markets fall"})
    assert [u.text for u in screen_state(session.state, "sudria").updates] == [
        "Storm over the strait", "Markets fall"]
    assert [u.text for u in screen_state(session.state, "norland").updates] == ["Markets fall"]
    assert [u.text for u in screen_state(session.state, "public").updates] == ["Markets fall"]


def test_holds_and_retimes_are_controls_alone(session) -> None:
    session.act("phase", {"to": "exercise"})
    session.act("hold", {"id": scheduled(session, 2)[0]})
    seq = session.state.last_seq
    assert seq not in visible_event_seqs(session.state, "norland")
    assert screen_state(session.state, "norland").held == {}


def test_channel_changes_carry_a_reason_and_ratings_an_evaluator(session) -> None:
    channel = session.state.scenario.channels[0]
    session.act("channel", {"between": list(channel.between), "status": "down",
                            "reason": "Cable cut"})
    assert session.state.events[-1].payload["reason"] == "Cable cut"
    session.act("phase", {"to": "exercise"})
    session.act("phase", {"to": "assess"})
    objective = session.state.scenario.objectives[0].id
    session.act("rate", {"objective": objective, "rating": "S", "by": "Evaluator Ana"})
    assert session.state.ratings[objective].by == "Evaluator Ana"


def test_the_debrief_prefers_the_written_summary_to_the_note_convention(session) -> None:
    from wargame.debrief.context import build_context

    session.act("phase", {"to": "exercise"})
    session.act("note", {"by": "facilitator", "text": "Summary: old way", "visibility": "public"})
    assert build_context(session.state)["overview"]["summary"]["text"] == "old way"
    session.act("summary", {"text": "Calm held; the hotline worked."})
    assert build_context(session.state)["overview"]["summary"]["text"] == "Calm held; the hotline worked."
    assert build_context(session.state, edition="public")["overview"]["summary"]["text"].startswith("Calm")
    export_state(session.state)  # still exports


def test_a_delegation_is_told_of_an_update_and_a_pause(session) -> None:
    from wargame.ui.delegation.changes import what_changed
    from wargame.ui.delegation.panels import inject_lines

    session.act("phase", {"to": "exercise"})
    before = screen_state(session.state, "sudria")
    session.act("update", {"text": "Storm over the strait", "to": ["sudria"]})
    session.act("pause", {})
    after = screen_state(session.state, "sudria")
    notices = [(n.title, n.text) for n in what_changed(before, after, "sudria")]
    assert ("Situation update", "Storm over the strait") in notices
    assert ("Timebox", "Control paused the timebox.") in notices
    assert any("Storm over the strait" in line.plain for line in inject_lines(after))
    assert not any("Storm" in line.plain for line in inject_lines(screen_state(session.state, "norland")))


def test_a_channel_changes_reason_reaches_the_debrief(session) -> None:
    from wargame.debrief.context import build_context
    from wargame.debrief.timeline import channel_changes
    from wargame.debrief.editions import edition_data

    channel = session.state.scenario.channels[0]
    session.act("phase", {"to": "exercise"})
    session.act("channel", {"between": list(channel.between), "status": "down",
                            "reason": "Cable cut"})
    build_context(session.state)
    names_changes = [c["cause"] for c in channel_changes(
        session.state, edition_data(session.state, "full"), _names(session.state))]
    assert "by control: Cable cut" in names_changes


def _names(state):
    from wargame.debrief.words import Names

    return Names(state.scenario)
