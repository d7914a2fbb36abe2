"""The console stays live: events another process appends show up without a key press."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from test_ui_support import new_session, settle, wait_until
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.widgets.pending import NOTHING_WAITING, PendingMoves
from wargame.ui.widgets.hotline import HotlinePanel
from wargame.ui.widgets.timeline import EventLog



async def test_events_from_another_writer_appear_in_the_console(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=0.05)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        log = app.screen.query_one(EventLog)
        assert log.shown_count == 1
        waiting = app.screen.query_one(PendingMoves)
        assert waiting.chosen_move() is None  # nothing to adjudicate, and the panel says so
        assert str(waiting.get_option_at_index(0).prompt) == NOTHING_WAITING
        with Session.open(session.path) as other:  # e.g. a delegation's own terminal
            other.act("move", {"by": "crimson", "type": "coast-guard-escort", "target": "azure",
                               "text": "Escort our seiner"}, actor="crimson")
            other.act("hotline", {"from": "crimson", "to": "azure", "text": "Please confirm"},
                      actor="crimson")
        await wait_until(pilot, lambda: log.shown_count == 3, "the two new events in the timeline")
        await settle(pilot)
        assert app.screen.query_one(PendingMoves).chosen_move() == "m1"
        assert "Please confirm" in app.screen.query_one(HotlinePanel).shown_text()
        assert "1 to adjudicate" in str(app.screen.query_one("#status", Static).render())


async def test_a_long_session_keeps_incremental_timeline_updates(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    with session.batch() as batch:
        for i in range(300):
            batch.act("note", {"by": "facilitator", "text": f"note {i}", "visibility": "private"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        log = app.screen.query_one(EventLog)
        assert log.shown_count == 301
        await pilot.press("down", "down")
        await pilot.pause()
        assert log.event_at_cursor().payload["text"] == "note 297"
        await pilot.press("o")
        await settle(pilot)
        await pilot.press(*"late")
        await pilot.press("ctrl+s")  # the note is a text box: Enter would start a new line
        await settle(pilot)
        assert log.shown_count == 302
        # The new event is prepended; the cursor stays on the event it was on.
        assert log.event_at_cursor().payload["text"] == "note 297"
        await pilot.press("home")
        await pilot.pause()
        assert log.event_at_cursor().payload["text"] == "late"


async def test_enter_on_a_timeline_event_shows_it_and_offers_a_retraction(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson", "text": "Patrol"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")  # the timeline panel; its newest event (the move) is highlighted
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        from wargame.ui.screens.event_details import EventDetails
        from wargame.ui.forms import RetractForm
        from textual.widgets import Input

        assert isinstance(app.screen, EventDetails) and app.screen.event.kind == "move"
        assert app.screen.query("#follow-adjudicate") and app.screen.query("#follow-retract")
        await pilot.click("#follow-retract")
        await settle(pilot)
        assert isinstance(app.screen, RetractForm)
        assert app.screen.query_one("#event", Input).value == "m1"
        await pilot.press(*"Wrong delegation", "enter")
        await settle(pilot)
        assert session.state.moves["m1"].status == "retracted"
        assert "✗" in app.screen.query_one(EventLog).render_line(1).text  # struck through
