"""The screen projection, extended event by event, is screen_state exactly.

Random sessions of border-crisis (the charter property test's player: every action kind,
every visibility level, amendments, rejections, retractions, channel cuts); after every
step, each viewer's projection, kept from step to step as a live screen keeps it, must
equal ``screen_state`` computed from scratch.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_charter_property import VIEWERS, Player, relay_steps, steps
from wargame.engine.screen_projection import ScreenProjection
from wargame.engine.visibility import screen_state
from wargame.loader import load_scenario
from wargame.paths import resolve_scenario


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(resolve_scenario("border-crisis"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(steps, min_size=1, max_size=40))
def test_the_projection_extended_per_event_is_screen_state(scenario, plan) -> None:
    player = Player(scenario)
    projections = {viewer: ScreenProjection(viewer) for viewer in VIEWERS}
    state = player.state
    for step in plan:
        player.play(step)
        refolded = player.state is not state
        state = player.state
        for viewer, projection in projections.items():
            if refolded:
                projection.reset()
            assert projection.project(state) == screen_state(state, viewer), (viewer, step)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(relay_steps, min_size=1, max_size=40))
def test_the_projection_follows_manual_relays(scenario, plan) -> None:
    """A relay changes a message in place (one more hop): every screen must see it."""
    player = Player(attrs.evolve(scenario, relay="manual"))
    projections = {viewer: ScreenProjection(viewer) for viewer in VIEWERS}
    state = player.state
    for step in plan:
        player.play(step)
        refolded = player.state is not state
        state = player.state
        for viewer, projection in projections.items():
            if refolded:
                projection.reset()
            assert projection.project(state) == screen_state(state, viewer), (viewer, step)


def test_a_projection_reuses_what_did_not_change(scenario) -> None:
    """The point of it: an unchanged move is not projected again (the same record)."""
    player = Player(scenario)
    player.play(("move", "norland", "public-rhetoric", None, "public"))
    player.play(("adjudicate", 0, "approve", False, None))
    projection = ScreenProjection("sudria")
    first = projection.project(player.state)
    player.play(("note", "facilitator", "public", None))
    second = projection.project(player.state)
    assert second == screen_state(player.state, "sudria")
    (move_id,) = first.moves
    assert second.moves[move_id] is first.moves[move_id]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_a_reading_recorded_before_its_move_was_approved_shows_once_it_is(scenario, viewer) -> None:
    """The reading's record does not change when its move is approved; what the viewer may
    see of it does."""
    player = Player(scenario)
    projection = ScreenProjection(viewer)
    for step in [("move", "norland", "public-rhetoric", None, "public"),
                 ("perceive", "sudria", 0, "public"),
                 ("adjudicate", 0, "approve", False, None)]:
        player.play(step)
        assert projection.project(player.state) == screen_state(player.state, viewer), step
    assert player.state.perceptions, "the reading was recorded"


def test_control_levers_reach_a_projected_screen_as_screen_state_says(tmp_path) -> None:
    """Situation updates go to their addressees only; holds, re-timings and the ad hoc MSEL
    stay control's, in the incremental projection as in screen_state."""
    from wargame.engine import Session

    session = Session.create(tmp_path / "levers.wargame", "border-crisis")
    session.act("phase", {"to": "exercise"})
    session.act("update", {"to": ["norland"], "text": "UPDATE-FOR-NORLAND"})
    session.act("hold", {"id": "refugee-movement"})
    session.act("adhoc", {"title": "Flash", "to": ["norland"], "text": "ADHOC-FOR-NORLAND"})
    for viewer in VIEWERS:
        if viewer == "control":
            continue
        projected = ScreenProjection(viewer).project(session.state)
        assert projected == screen_state(session.state, viewer), viewer
        assert [u.text for u in projected.updates] == (
            ["UPDATE-FOR-NORLAND"] if viewer == "norland" else []), viewer
        assert (projected.held, projected.adhoc) == ({}, {}), viewer
    session.close()
