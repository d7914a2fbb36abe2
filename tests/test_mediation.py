"""A mediator's move aimed at a pair acts on that pair's ladder (issue 15, item 4)."""

from __future__ import annotations

import pytest

from fixtures.engine.support import EXERCISE, HERE, play
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.errors import ActionRefused

CBM = HERE / "fixture-cbm.yaml"
AC, AV, CV = ("azure", "crimson"), ("azure", "verdant"), ("crimson", "verdant")


@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "m.wargame", CBM)
    play(session, [*EXERCISE, ("move", {"id": "m1", "by": "azure", "type": "seizure",
                                        "target": "crimson", "text": "Seize"}),
                   ("adjudicate", {"move": "m1", "decision": "approve"})])
    return session


def levels(session):
    return {pair: session.state.dyads[pair].level for pair in (AC, AV, CV)}


def test_mediation_aimed_at_a_pair_lowers_that_pairs_rung_only(session):
    before = levels(session)
    assert before[AC] == 4  # friction (1) + 3: confrontation
    play(session, [("move", {"id": "m2", "by": "verdant", "type": "mediation",
                             "target": ["crimson", "azure"], "text": "Good offices"}),
                   ("adjudicate", {"move": "m2", "decision": "approve"})])
    assert levels(session) == {AC: 3, AV: before[AV], CV: before[CV]}  # step -1
    move = session.state.moves["m2"]
    assert (move.target, move.pair) == (None, AC)
    assert export_state(session.state)["moves"][1]["between"] == ["azure", "crimson"]
    assert session.state.dyads[AC].history[-1].cause == "move:m2"


def test_without_a_pair_it_acts_on_the_mediators_own_pairs_as_before(session):
    play(session, [("move", {"id": "m2", "by": "verdant", "type": "mediation",
                             "text": "Good offices"}),
                   ("adjudicate", {"move": "m2", "decision": "approve"})])
    assert levels(session)[AC] == 4


@pytest.mark.parametrize("payload, words", [
    ({"by": "azure", "target": ["crimson", "verdant"]}, "only a mediator"),
    ({"by": "verdant", "target": ["verdant", "azure"]}, "two other delegations"),
    ({"by": "verdant", "target": ["azure", "osce"]}, "osce is an observer"),
    ({"by": "verdant", "target": ["azure"]}, "a pair names two"),
])
def test_bad_pair_targets_are_refused(session, payload, words):
    with pytest.raises(ActionRefused, match=words):
        play(session, [("move", {"type": "mediation", "text": "x", **payload})])
