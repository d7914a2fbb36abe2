"""The transparency charter on the bundled border-crisis scenario: three levels,
adjudication and retraction gating what others see, control notes, the network both ways,
hotline calls as one entry, and the scenario's charter options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wargame.cli import main
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.objectives import expectation_results
from wargame.engine.visibility import audiences, screen_state, view_state
from wargame.errors import ActionRefused
from wargame.paths import resolve_scenario

STATES = ("norland", "sudria", "veyra")
VIEWERS = (*STATES, "forum", "public")


def scenario_copy(folder: Path, charter: str = "", edit: tuple[str, str] | None = None) -> Path:
    text = resolve_scenario("border-crisis").read_text(encoding="utf-8")
    text = text.replace("rulebook: cbm-standard",
                        f"rulebook: {resolve_scenario('border-crisis').parent.parent}"
                        "/rulebooks/cbm-standard.yaml")
    if edit:
        assert text.count(edit[0]) == 1
        text = text.replace(*edit)
    path = folder / "border-crisis.yaml"
    path.write_text(text + charter, encoding="utf-8")
    return path


@pytest.fixture
def session(tmp_path: Path):
    with Session.create(tmp_path / "s.wargame", scenario_copy(tmp_path)) as s:
        s.act("phase", {"to": "exercise"})
        yield s


def exported(state, viewer: str) -> str:
    return json.dumps(export_state(state, viewer), ensure_ascii=False)


def who_sees(state, marker: str) -> set[str]:
    return {v for v in VIEWERS if marker in exported(state, v)}


def test_a_parties_question_reaches_its_addressee_and_no_one_else(session):
    session.act("move", {"by": "sudria", "type": "clarifying-question", "target": "norland",
                         "text": "Q-MARK what are the tanks for?"}, actor="sudria")
    assert session.state.moves["m1"].visibility == "parties"  # the rulebook's default
    assert who_sees(session.state, "Q-MARK") == {"sudria"}  # pending: the mover only
    session.act("adjudicate", {"move": "m1", "decision": "approve"})
    assert who_sees(session.state, "Q-MARK") == {"sudria", "norland"}


def test_private_stays_with_the_author_and_public_reaches_everyone(session):
    session.act("move", {"by": "sudria", "type": "clarifying-question", "target": "norland",
                         "visibility": "private", "text": "PRIV-MARK"}, actor="sudria")
    session.act("move", {"by": "veyra", "type": "transparency-notice", "text": "PUB-MARK"},
                actor="veyra")
    for move in ("m1", "m2"):
        session.act("adjudicate", {"move": move, "decision": "approve"})
    assert who_sees(session.state, "PRIV-MARK") == {"sudria"}
    assert who_sees(session.state, "PUB-MARK") == set(VIEWERS)


def test_rejected_moves_stay_with_the_mover_and_amended_ones_show_only_as_amended(session):
    session.act("move", {"by": "norland", "type": "public-rhetoric", "target": "sudria",
                         "text": "REJ-MARK defence minister on TV"}, actor="norland")
    session.act("adjudicate", {"move": "m1", "decision": "reject", "note": "NOTE-MARK"})
    session.act("move", {"by": "sudria", "type": "naval-patrol", "target": "norland",
                         "text": "ORIG-MARK patrol the river"}, actor="sudria")
    session.act("adjudicate", {"move": "m2", "decision": "amend", "category": "status-quo",
                               "text": "AMENDED-MARK routine river watch"})
    state = session.state
    assert who_sees(state, "REJ-MARK") == {"norland"}
    assert who_sees(state, "NOTE-MARK") == {"norland"}
    assert who_sees(state, "ORIG-MARK") == {"sudria"}
    assert who_sees(state, "AMENDED-MARK") == set(VIEWERS)
    seen = view_state(state, "norland").state.moves["m2"]
    assert (seen.category, seen.text, seen.original_category, seen.amended) == (
        "status-quo", "AMENDED-MARK routine river watch", "", False)
    public = view_state(state, "public")
    assert "m1" not in public.state.moves and public.withheld["moves"] == 1


def test_a_retracted_entry_of_any_kind_is_gone_for_everyone_but_control(session):
    session.act("move", {"by": "veyra", "type": "transparency-notice", "text": "RM-MARK"},
                actor="veyra")
    session.act("adjudicate", {"move": "m1", "decision": "approve"})
    session.act("perceive", {"by": "sudria", "move": "m1", "as": "posturing",
                             "note": "RP-MARK", "visibility": "public"}, actor="sudria")
    session.act("note", {"by": "norland", "text": "RN-MARK", "visibility": "public"},
                actor="norland")
    session.act("hotline", {"from": "norland", "to": "sudria", "text": "RH-MARK"},
                actor="norland")
    session.act("ack", {"message": "h1", "by": "sudria", "text": "RA-MARK"}, actor="sudria")
    session.act("inject", "journalist-detained")
    markers = ["RM-MARK", "RP-MARK", "RN-MARK", "RH-MARK", "RA-MARK", "Sudrian police"]
    before = {m: who_sees(session.state, m) for m in markers}
    assert all(before.values()), before
    for seq in sorted((e.seq for e in session.state.events
                       if e.kind in ("move", "perceive", "note", "ack", "inject")),
                      reverse=True):
        session.act("retract", {"event": seq, "reason": "REASON-MARK data entry"})
    session.act("retract", {"event": "h1", "reason": "REASON-MARK"})
    for marker in markers + ["REASON-MARK"]:
        assert who_sees(session.state, marker) == set(), marker
    assert len(export_state(session.state)["retracted"]) == 6  # control keeps the record


def test_notes_and_perceptions_take_three_levels(session):
    session.act("note", {"by": "norland", "text": "NP-MARK", "visibility": "parties",
                         "to": ["veyra"]}, actor="norland")
    session.act("note", {"by": "facilitator", "text": "FP-MARK", "visibility": "private"})
    session.act("move", {"by": "veyra", "type": "transparency-notice", "target": "sudria",
                         "text": "x"}, actor="veyra")
    session.act("adjudicate", {"move": "m1", "decision": "approve"})
    session.act("perceive", {"by": "norland", "move": "m1", "as": "posturing",
                             "note": "PP-MARK", "visibility": "parties"}, actor="norland")
    session.act("perceive", {"by": "sudria", "move": "m1", "as": "posturing",
                             "note": "PV-MARK"}, actor="sudria")
    state = session.state
    assert who_sees(state, "NP-MARK") == {"norland", "veyra"}
    assert who_sees(state, "FP-MARK") == set()
    assert who_sees(state, "PP-MARK") == {"norland", "veyra"}  # the perceiver and the mover
    assert who_sees(state, "PV-MARK") == {"sudria"}  # private by default
    with pytest.raises(ActionRefused, match="visibility: parties"):
        session.act("note", {"by": "norland", "text": "x", "to": "veyra"}, actor="norland")


def test_control_notes_reach_control_only(session):
    session.act("inject", "journalist-detained")
    state = session.state
    note = "Release it by hand if Norland–Sudria play stalls."
    assert note in exported(state, "control")
    assert who_sees(state, note) == set()
    assert "Release it by hand" not in repr(screen_state(state, "norland"))
    assert "Release it by hand" not in state.scenario.inject("journalist-detained").text


def test_an_acknowledgement_needs_an_open_route_back(session):
    session.act("hotline", {"from": "sudria", "to": "norland", "text": "call"}, actor="sudria")
    for other in ("sudria", "forum"):
        session.act("channel", {"between": ["norland", other], "status": "down"})
    with pytest.raises(ActionRefused, match="no open hotline route from norland to sudria"):
        session.act("ack", {"message": "h1", "by": "norland", "text": "reply"}, actor="norland")
    with pytest.raises(ActionRefused, match="no open hotline route"):
        session.act("hotline", {"from": "norland", "to": "sudria", "text": "reply",
                                "reply_to": "h1"}, actor="norland")
    assert not session.state.messages["h1"].acknowledged
    session.act("channel", {"between": ["norland", "forum"], "status": "up"})
    session.act("ack", {"message": "h1", "by": "norland", "text": "reply"}, actor="norland")
    assert session.state.messages["h1"].acknowledged


def test_a_hotline_call_is_one_entry_on_the_ladder_and_the_network(session):
    session.act("next-turn", {})  # turn 2 releases refugee-movement: veyra should call
    session.act("move", {"by": "veyra", "type": "hotline-call", "target": "sudria",
                         "text": "CALL-MARK we are opening the crossing"}, actor="veyra")
    assert "m1" not in session.state.messages  # not on the network until approved
    session.act("adjudicate", {"move": "m1", "decision": "approve"})
    state = session.state
    message = state.messages["m1"]
    assert (message.sender, message.recipient, message.text) == (
        "veyra", "sudria", "CALL-MARK we are opening the crossing")
    assert who_sees(state, "CALL-MARK") == {"veyra", "sudria"}
    results = {(r.inject, r.by, r.move): r.status for r in expectation_results(state)}
    assert results[("refugee-movement", "veyra", "hotline-call")] == "met"
    session.act("ack", {"message": "m1", "by": "sudria", "text": "noted"}, actor="sudria")
    assert export_state(session.state)["metrics"]["hotline"]["acknowledged"] == 1
    session.act("retract", {"event": "m1", "reason": "wrong delegation"})
    assert "m1" not in session.state.messages


def test_a_hotline_call_is_refused_when_no_route_is_open(session):
    session.act("channel", {"between": ["sudria", "veyra"], "status": "down"})
    session.act("channel", {"between": ["veyra", "forum"], "status": "down"})
    with pytest.raises(ActionRefused, match="no open hotline route from veyra to sudria"):
        session.act("move", {"by": "veyra", "type": "hotline-call", "target": "sudria",
                             "text": "x"}, actor="veyra")


def test_the_charter_sets_what_the_rules_leave_open(tmp_path: Path):
    charter = ("transparency:\n  observers_see_ladder: false\n  relay_sees: passage\n"
               "  public_objectives: false\n  public_hotline_counts: false\n")
    path = scenario_copy(tmp_path, charter)
    with Session.create(tmp_path / "c.wargame", path) as s:
        assert s.scenario.transparency.relay_sees == "passage"
        s.act("phase", {"to": "exercise"})
        s.act("channel", {"between": ["norland", "sudria"], "status": "down"})
        s.act("hotline", {"from": "norland", "to": "sudria", "text": "RELAY-MARK"},
              actor="norland")
        state = s.state
        route = state.messages["h1"].route
        relay = route[1]
        assert relay not in ("norland", "sudria")
        assert "RELAY-MARK" not in exported(state, relay)
        assert "h1" in view_state(state, relay).state.messages  # it knows one passed
        assert "RELAY-MARK" in exported(state, "sudria")
        words = dict(audiences(state.scenario))
        assert "not its text" in words["Each delegation"]
        assert "not even its counts" in words["The public (projector and public debrief)"]
    out = tmp_path / "public.md"
    assert main(["debrief", str(tmp_path / "c.wargame"), "--edition", "public",
                 "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Hotline traffic is not reported in this edition" in text
    assert "Hotline:" not in text  # nor in the key findings (h1 is still unanswered)
    assert "Withheld from this edition (the scenario's transparency charter)" in text
    assert "what each audience saw" in text
    norland = Session.open(tmp_path / "c.wargame")
    objective = norland.scenario.delegation("norland").objectives[0]
    norland.close()
    assert objective not in text


def test_observers_may_be_kept_off_the_ladder(tmp_path: Path):
    charter = "transparency:\n  observers_see_ladder: false\n"
    edit = ("  - id: forum\n", "  - id: watch\n    name: Watchers\n    role: observer\n"
                               "  - id: forum\n")
    with Session.create(tmp_path / "o.wargame", scenario_copy(tmp_path, charter, edit)) as s:
        assert export_state(s.state, "watch")["dyads"] == []
        assert export_state(s.state, "public")["dyads"] != []
        assert export_state(s.state, "norland")["dyads"] != []
