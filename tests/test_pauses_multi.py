"""Pauses to all and pauses brokered by a mediator (fixture-cbm: azure and crimson are
states, verdant a mediator, osce an observer; the pause-holds / pause-broken injects wait
on a pause binding azure and crimson).

Semantics under test (docs/formats.md): a pause binds its parties; every party but the
proposer must accept, and it is in force from the turn of the last acceptance; one
decline declines it for all; an approved in-scope move by a party at another party (or at
no one) violates it as a whole.
"""

from __future__ import annotations

import json

import pytest

from fixtures.engine.support import CBM, EXERCISE, HERE, NEXT, approve, move, play
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.pauses import awaiting, flagged, last_turn, on_pair, status
from wargame.engine.visibility import screen_state
from wargame.errors import ActionRefused





def to_all(turns=2, **extra):
    return ("propose-pause", {"by": "azure", "with": "all", "turns": turns, **extra})


def brokered(turns=2, **extra):
    return ("propose-pause", {"by": "verdant", "between": ["crimson", "azure"],
                              "turns": turns, **extra})


def answer(by, word="accept", pause="p1", actor="facilitator"):
    return ("answer-pause", {"pause": pause, "by": by, "answer": word}, actor)


@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "p.wargame", CBM)
    play(session, EXERCISE)
    return session


def pause_status(session, pid="p1"):
    return status(session.state, session.state.pauses[pid])


# --- a pause to all ---------------------------------------------------------------------

def test_a_pause_to_all_binds_every_delegation_that_can_move(session):
    play(session, [to_all()])
    pause = session.state.pauses["p1"]
    assert pause.parties == ("azure", "crimson", "verdant")  # not osce, the observer
    assert pause.invited == ("crimson", "verdant")
    assert [p.id for p in awaiting(session.state, "crimson")] == ["p1"]
    assert awaiting(session.state, "azure") == []


def test_it_comes_into_force_when_the_last_party_accepts(session):
    play(session, [to_all(turns=2), answer("crimson")])
    assert pause_status(session) == "proposed"  # verdant has yet to answer
    assert "pause-holds" not in session.state.injects
    assert awaiting(session.state, "crimson") == []
    play(session, [NEXT, answer("verdant")])  # the last acceptance comes in turn 2
    pause = session.state.pauses["p1"]
    assert (pause.answer, pause.answered_turn, last_turn(pause)) == ("accept", 2, 3)
    assert pause_status(session) == "active"
    assert session.state.injects["pause-holds"].released_turn == 2
    play(session, [NEXT])
    assert pause_status(session) == "active"  # turn 3, its last
    play(session, [NEXT])
    assert pause_status(session) == "honoured"


def test_one_decline_declines_it_for_all(session):
    play(session, [to_all(), answer("verdant", "decline")])
    assert pause_status(session) == "declined"
    with pytest.raises(ActionRefused, match="already answered: decline"):
        play(session, [answer("crimson")])


def test_each_party_answers_once_and_only_parties_answer(session):
    play(session, [to_all(), answer("crimson")])
    with pytest.raises(ActionRefused, match="crimson already answered pause p1: accept"):
        play(session, [answer("crimson", "decline")])
    with pytest.raises(ActionRefused, match="proposed to crimson and verdant; only crimson "
                                            "and verdant answer it"):
        play(session, [answer("azure")])  # the proposer does not answer its own pause
    with pytest.raises(ActionRefused, match="only crimson and verdant answer it"):
        play(session, [answer("osce")])  # the observer is no party


def test_a_breach_by_any_party_at_any_other_violates_the_whole_pause(session):
    # verdant (a party to a pause to all) postures at crimson: the azure-crimson pause
    # condition sees the pause violated as a whole.
    play(session, [to_all(), answer("crimson"), answer("verdant"),
                   move("m1", "verdant", "patrol", "crimson")])
    assert flagged(session.state, session.state.moves["m1"]) == ["p1"]
    play(session, [approve("m1")])
    assert pause_status(session) == "violated"
    assert session.state.injects["pause-broken"].released_turn == 1


def test_an_accepted_pause_to_all_is_drawn_on_every_pair_of_its_parties(session):
    play(session, [to_all(turns=1), answer("crimson"), answer("verdant")])
    state = session.state
    assert [p.id for p in on_pair(state, ("azure", "crimson"))] == ["p1"]
    assert [p.id for p in on_pair(state, ("crimson", "verdant"))] == ["p1"]
    assert on_pair(state, ("azure", "osce")) == []  # the observer is bound by nothing
    play(session, [move("m1", "crimson", "patrol", "azure"), approve("m1")])
    assert [p.id for p in on_pair(session.state, ("azure", "crimson"))] == ["p1"]  # broken,
    assert pause_status(session) == "violated"  # but still drawn while its turn runs
    play(session, [NEXT])
    assert on_pair(session.state, ("azure", "crimson")) == []  # its turns are over


# --- a pause brokered by a mediator ------------------------------------------------------

def test_a_mediator_brokers_a_pause_that_binds_the_pair_not_itself(session):
    play(session, [brokered()])
    pause = session.state.pauses["p1"]
    assert (pause.by, pause.parties, pause.invited) == (
        "verdant", ("azure", "crimson"), ("azure", "crimson"))
    play(session, [answer("azure")])
    assert pause_status(session) == "proposed"  # both sides must accept
    play(session, [answer("crimson")])
    assert pause_status(session) == "active"
    assert session.state.injects["pause-holds"].released_turn == 1


def test_with_a_pair_is_the_same_as_between(session):
    play(session, [("propose-pause", {"by": "verdant", "with": ["azure", "crimson"],
                                      "turns": 1})])
    assert session.state.pauses["p1"].parties == ("azure", "crimson")


def test_either_side_may_decline_a_brokered_pause(session):
    play(session, [brokered(), answer("crimson", "decline")])
    assert pause_status(session) == "declined"


def test_control_may_answer_for_a_side_but_a_side_not_for_the_other(session):
    play(session, [brokered(), answer("azure", actor="facilitator")])
    with pytest.raises(ActionRefused, match="crimson cannot act for azure"):
        play(session, [answer("azure", actor="crimson")])
    play(session, [answer("crimson", actor="crimson")])
    assert pause_status(session) == "active"


def test_the_mediator_is_not_bound_but_the_sides_are(session):
    play(session, [brokered(), answer("azure"), answer("crimson"),
                   move("m1", "verdant", "patrol", "crimson"), approve("m1"),  # not a party
                   move("m2", "azure", "patrol", "verdant"), approve("m2"),  # at no party
                   move("m3", "azure", "statement"), approve("m3")])  # at no one: a breach
    assert [flagged(session.state, session.state.moves[m]) for m in ("m1", "m2", "m3")] == [
        [], [], ["p1"]]
    assert pause_status(session) == "violated"


@pytest.mark.parametrize("action, words", [
    (("propose-pause", {"by": "azure", "between": ["crimson", "verdant"], "turns": 1}),
     "only a mediator brokers a pause between two others; azure is a state"),
    (("propose-pause", {"by": "verdant", "between": ["verdant", "azure"], "turns": 1}),
     "other than the mediator"),
    (("propose-pause", {"by": "verdant", "between": ["azure", "osce"], "turns": 1}),
     "osce is an observer"),
    (("propose-pause", {"by": "verdant", "between": ["azure"], "turns": 1}),
     "a pair names two delegations"),
    (("propose-pause", {"by": "verdant", "with": "azure", "between": ["azure", "crimson"],
                        "turns": 1}), "not both"),
    (("propose-pause", {"by": "azure", "turns": 1}), "needs 'with'"),
])
def test_bad_brokered_pauses_are_refused(session, action, words):
    with pytest.raises(ActionRefused, match=words):
        play(session, [action])
    assert session.state.pauses == {}  # nothing recorded


def test_a_retracted_last_acceptance_puts_the_pause_back_to_proposed(session):
    play(session, [brokered(), answer("azure"), answer("crimson")])
    seq = session.state.events[-1].seq
    play(session, [("retract", {"event": seq, "reason": "wrong button"})])
    assert pause_status(session) == "proposed"
    assert [p.id for p in awaiting(session.state, "crimson")] == ["p1"]
    assert awaiting(session.state, "azure") == []
    assert "pause-holds" not in session.state.injects


# --- what each viewer sees, the export, the debrief --------------------------------------

def test_a_pause_is_seen_by_those_it_concerns_only(session):
    play(session, [brokered(), answer("azure"), answer("crimson")])
    assert list(screen_state(session.state, "verdant").pauses) == ["p1"]  # the broker
    assert list(screen_state(session.state, "crimson").pauses) == ["p1"]
    assert screen_state(session.state, "osce").pauses == {}
    assert screen_state(session.state, "public").pauses == {}
    assert "pauses" not in export_state(session.state, "public")


def test_with_public_pauses_everyone_sees_an_accepted_one_not_a_proposal(tmp_path):
    text = CBM.read_text(encoding="utf-8") + "transparency:\n  public_pauses: true\n"
    (tmp_path / "fixture-cbm-ladder.yaml").write_text(
        (HERE / "fixture-cbm-ladder.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    scenario = tmp_path / "fixture-cbm.yaml"
    scenario.write_text(text, encoding="utf-8")
    session = Session.create(tmp_path / "p.wargame", scenario)
    play(session, EXERCISE + [brokered(), answer("azure"),
                              ("propose-pause", {"id": "p2", "by": "azure", "with": "crimson",
                                                 "turns": 1})])
    assert screen_state(session.state, "public").pauses == {}  # p1 still waits for crimson
    play(session, [answer("crimson")])
    assert list(screen_state(session.state, "public").pauses) == ["p1"]
    assert list(screen_state(session.state, "osce").pauses) == ["p1"]
    assert [p["id"] for p in export_state(session.state, "public")["pauses"]] == ["p1"]


def test_the_export_lists_the_parties_and_each_answer(session):
    play(session, [to_all(), answer("crimson"), brokered(id="p2"),
                   answer("azure", "decline", pause="p2")])
    pauses = export_state(session.state)["pauses"]
    assert pauses[0] == {
        "id": "p1", "by": "azure", "with": "all", "turns": 2,
        "scope": ["posturing", "non-violent-escalation", "violent-escalation", "nuclear"],
        "proposed_turn": 1, "answer": None, "answered_turn": None, "last_turn": None,
        "status": "proposed", "violated_by": [], "parties": ["azure", "crimson", "verdant"],
        "answers": {"crimson": "accept", "verdant": None}}
    assert pauses[1]["with"] is None and pauses[1]["parties"] == ["azure", "crimson"]
    assert pauses[1]["answers"] == {"azure": "decline", "crimson": None}
    assert (pauses[1]["status"], pauses[1]["answered_turn"]) == ("declined", 1)
    json.dumps(pauses)  # plain data


def test_the_debrief_counts_and_names_pauses_to_all_and_brokered(session):
    from wargame.debrief.render import render_debrief

    play(session, [to_all(turns=1), answer("crimson"), answer("verdant"),
                   brokered(id="p2", turns=1), answer("azure", pause="p2"),
                   answer("crimson", "decline", pause="p2"),
                   brokered(id="p3", turns=1), answer("azure", pause="p3"),
                   answer("crimson", pause="p3"),
                   move("m1", "crimson", "patrol", "azure"), approve("m1"),
                   ("phase", {"to": "assess"})])
    markdown = render_debrief(session.state, "md")
    # p1 and p3 accepted; m1 (crimson at azure, in turn 1) breaks both: both violated.
    assert "3 proposed, 2 accepted, 0 honoured, 2 violated." in markdown
    assert "| p1 | Azure | all (Crimson accepted, Verdant accepted) | 1 | violated | m1 |" \
        in markdown
    assert ("| p2 | Verdant | between Azure and Crimson (Azure accepted, Crimson declined) "
            "| 1 | declined |") in markdown
