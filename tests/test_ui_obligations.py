"""Open obligations are shown live: on the console's queue and on the obliged delegation's
screen (status line and feed), with their countdown; nowhere once answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.engine.support import HERE
from test_delegation_support import widget_text
from test_ui_support import settle
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.panels import InjectFeed, ViewerStatus
from wargame.ui.widgets.msel import MselPanel

CBM = HERE / "fixture-cbm.yaml"


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    monkeypatch.chdir(tmp_path)
    session = Session.create(tmp_path / "o.wargame", CBM)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"id": "m1", "by": "azure", "type": "inspection-request",
                         "target": "crimson", "text": "We ask to inspect"})
    session.act("adjudicate", {"move": "m1", "decision": "approve"})
    session.act("next-turn", {})
    return session


async def test_the_console_lists_open_obligations_with_their_countdown(session) -> None:
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one(MselPanel).render())
        assert "Obligations open (1)" in text
        assert "o1 crimson owes azure inspection-reply (for m1) · due T3, 1 turn left" in text
        assert "Trust indicators" in text
        # one CBM move (m1) in turn 1 between them; the obligation is still open
        assert "azure – crimson: contact per turn 1 0 · 0 late ack(s)" in text


async def test_the_obliged_delegation_sees_what_it_owes_and_the_other_does_not(session) -> None:
    app = create_viewer_app(Session.open(session.path), "crimson", poll_interval=None)
    async with app.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        status = widget_text(app.screen.query_one(ViewerStatus))
        # the long wording, or the short one when the status line is narrow
        assert "1 obligation to answer (next due turn 3)" in status or "⚖1 owed T3" in status
        feed = widget_text(app.screen.query_one(InjectFeed))
        assert "You owe azure inspection-reply in answer to m1: due by turn 3 (1 more turn)" in feed
        # crimson: nothing received, nothing made yet; the obligation is still open
        assert "Your indicators: on time – · contact 0 · reports 0 · as stated –" in feed
    other = create_viewer_app(Session.open(session.path), "azure", poll_interval=None)
    async with other.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        assert "You owe" not in widget_text(other.screen.query_one(InjectFeed))
        assert "⚖" not in widget_text(other.screen.query_one(ViewerStatus))


async def test_a_pause_shows_on_both_screens_and_a_breaking_move_is_flagged_to_control(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wargame.ui.widgets.pending import PendingMoves

    monkeypatch.chdir(tmp_path)
    session = Session.create(tmp_path / "p.wargame", CBM)
    for kind, payload in [
            ("phase", {"to": "exercise"}),
            ("propose-pause", {"by": "azure", "with": "crimson", "turns": 2}),
            ("answer-pause", {"pause": "p1", "by": "crimson", "answer": "accept"}),
            ("move", {"id": "m1", "by": "crimson", "type": "patrol", "target": "azure",
                      "text": "Patrol anyway"})]:
        session.act(kind, payload)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        assert "p1 azure ⇄ crimson active until T2" in str(app.screen.query_one(MselPanel).render())
        assert "⚠ breaks pause p1" in widget_text(app.screen.query_one(PendingMoves))
    for viewer in ("azure", "crimson"):
        screen_app = create_viewer_app(Session.open(session.path), viewer, poll_interval=None)
        async with screen_app.run_test(size=(180, 40)) as pilot:
            await settle(pilot)
            status = widget_text(screen_app.screen.query_one(ViewerStatus))
            assert ("⏸ pause p1 (azure ⇄ crimson) until T2" in status
                    or "⏸p1 until T2" in status)


async def test_activities_notified_beforehand_show_on_the_console_and_the_own_screen(
        session) -> None:
    # turn 2: azure drills at crimson without notice, then notifies and drills again in
    # turn 3 (the fixture's drill needs notice a whole turn before: still unnotified)
    for kind, payload in [
            ("move", {"id": "d1", "by": "azure", "type": "drill", "target": "crimson",
                      "text": "Snap drill"}),
            ("adjudicate", {"move": "d1", "decision": "approve"}),
            ("move", {"id": "n1", "by": "azure", "type": "notification", "target": "crimson",
                      "text": "Exercise BLUE TIDE, turn 4"}),
            ("adjudicate", {"move": "n1", "decision": "approve"}),
            ("next-turn", {}), ("next-turn", {}),
            ("move", {"id": "d2", "by": "azure", "type": "drill", "target": "crimson",
                      "text": "BLUE TIDE"}),
            ("adjudicate", {"move": "d2", "decision": "approve"})]:
        session.act(kind, payload)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        assert "azure: on time – · notified 1/2 ·" in str(
            app.screen.query_one(MselPanel).render())
    viewer = create_viewer_app(Session.open(session.path), "azure", poll_interval=None)
    async with viewer.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        assert "· notified 1/2 ·" in widget_text(viewer.screen.query_one(InjectFeed))
