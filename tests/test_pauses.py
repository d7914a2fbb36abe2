"""Pause moments: proposed, accepted or declined, active for N turns, honoured or violated."""

from __future__ import annotations

import pytest

from fixtures.engine.support import CBM, EXERCISE, NEXT, approve, move, play
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.engine.pauses import flagged, status
from wargame.errors import ActionRefused





def propose(turns=2, **extra):
    return ("propose-pause", {"by": "azure", "with": "crimson", "turns": turns, **extra})


def answer(word="accept", by="crimson"):
    return ("answer-pause", {"pause": "p1", "by": by, "answer": word})


@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "p.wargame", CBM)
    play(session, EXERCISE)
    return session


def pause_status(session):
    return status(session.state, session.state.pauses["p1"])


def test_a_proposal_waits_for_the_other_side(session):
    play(session, [propose()])
    pause = session.state.pauses["p1"]
    assert (pause.by, pause.parties, pause.turns) == ("azure", ("azure", "crimson"), 2)
    # default scope: the categories with a positive score
    assert pause.scope == ("posturing", "non-violent-escalation", "violent-escalation",
                           "nuclear")
    assert pause_status(session) == "proposed"
    assert "pause-holds" not in session.state.injects


def test_accepted_it_is_active_for_its_turns_then_honoured(session):
    play(session, [propose(), answer()])
    assert pause_status(session) == "active"
    assert session.state.injects["pause-holds"].released_turn == 1
    play(session, [NEXT])
    assert pause_status(session) == "active"  # turns 1 and 2
    play(session, [NEXT])
    assert pause_status(session) == "honoured"


def test_only_the_other_side_answers_and_only_once(session):
    play(session, [propose()])
    with pytest.raises(ActionRefused, match="only crimson answers it"):
        play(session, [answer(by="verdant")])
    with pytest.raises(ActionRefused, match="crimson cannot act for verdant"):
        session.act("answer-pause", {"pause": "p1", "by": "verdant", "answer": "accept"},
                    actor="crimson")
    play(session, [answer("decline")])
    assert pause_status(session) == "declined"
    with pytest.raises(ActionRefused, match="already answered: decline"):
        play(session, [answer()])


def test_a_move_in_scope_is_flagged_and_violates_the_pause_once_approved(session):
    play(session, [propose(), answer(), move("m1", "crimson", "patrol", "azure")])
    assert flagged(session.state, session.state.moves["m1"]) == ["p1"]
    assert pause_status(session) == "active"  # flagged, not yet approved
    play(session, [approve("m1")])
    assert pause_status(session) == "violated"
    assert session.state.injects["pause-broken"].released_turn == 1


def test_moves_out_of_scope_or_at_a_third_party_or_after_it_do_not_break_it(session):
    play(session, [propose(turns=1, scope=["violent-escalation"]), answer(),
                   move("m1", "crimson", "patrol", "azure"), approve("m1"),  # posturing
                   move("m2", "crimson", "strike", "verdant"), approve("m2"),  # a third party
                   NEXT, move("m3", "crimson", "strike", "azure"), approve("m3")])  # turn 2
    assert [flagged(session.state, m) for m in session.state.moves.values()] == [[], [], []]
    assert pause_status(session) == "honoured"


def test_a_move_made_before_the_acceptance_does_not_break_it(session):
    play(session, [propose(), move("m1", "crimson", "patrol", "azure"), answer(),
                   approve("m1")])
    assert pause_status(session) == "active"


@pytest.mark.parametrize("action, words", [
    (propose(turns=0), "at least one turn"),
    (propose(scope=["shouting"]), "not a category"),
    (("propose-pause", {"by": "azure", "with": "azure", "turns": 1}), "to itself"),
    (("propose-pause", {"by": "azure", "with": "osce", "turns": 1}), "osce is an observer"),
    (("answer-pause", {"pause": "p9", "by": "crimson", "answer": "accept"}), "no pause 'p9'"),
])
def test_bad_pauses_are_refused(session, action, words):
    with pytest.raises(ActionRefused, match=words):
        play(session, [action])


def test_the_export_lists_pauses_with_what_they_became(session):
    play(session, [propose(), answer(), move("m1", "crimson", "patrol", "azure"),
                   approve("m1")])
    assert export_state(session.state)["pauses"] == [
        {"id": "p1", "by": "azure", "with": "crimson", "turns": 2,
         "scope": ["posturing", "non-violent-escalation", "violent-escalation", "nuclear"],
         "proposed_turn": 1, "answer": "accept", "answered_turn": 1, "last_turn": 2,
         "status": "violated", "violated_by": ["m1"]}]


def test_a_retracted_acceptance_undoes_the_pause(session):
    play(session, [propose(), answer()])
    seq = session.state.events[-1].seq
    play(session, [("retract", {"event": seq, "reason": "clicked by mistake"})])
    assert pause_status(session) == "proposed"
    assert "pause-holds" not in session.state.injects


def test_the_debrief_counts_pauses_proposed_accepted_honoured_and_violated(session):
    from wargame.debrief.render import render_debrief

    play(session, [propose(turns=1), answer(),
                   ("propose-pause", {"by": "crimson", "with": "azure", "turns": 1}),
                   ("answer-pause", {"pause": "p2", "by": "azure", "answer": "decline"}),
                   NEXT, ("propose-pause", {"by": "azure", "with": "crimson", "turns": 1}),
                   ("answer-pause", {"pause": "p3", "by": "crimson", "answer": "accept"}),
                   move("m1", "crimson", "patrol", "azure"), approve("m1"),
                   ("phase", {"to": "assess"})])
    markdown = render_debrief(session.state, "md")
    assert "3 proposed, 2 accepted, 1 honoured, 1 violated." in markdown
    assert "| p3 | Crimson | Azure" not in markdown  # proposed by azure, to crimson
    html = render_debrief(session.state, "html")
    assert "<td>p3</td><td>Azure</td><td>Crimson</td><td>1</td><td>violated</td><td>m1</td>" in html
