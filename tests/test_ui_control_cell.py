"""The console's control-cell levers, driven as a facilitator would, checked in the session."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from test_ui_support import choose, new_session, save_form, settle, type_into
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.forms import AdHocForm, HoldForm, RetimeForm, SummaryForm, UpdateForm
from wargame.ui.screens.confirm import Confirm



def status_text(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def open_form(pilot, key: str, form_class):
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, form_class), pilot.app.screen
    return pilot.app.screen


async def test_next_turn_lists_what_is_open_and_cancel_keeps_the_turn(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson", "text": "P"})
    session.act("hotline", {"from": "azure", "to": "crimson", "text": "Routine"})
    coming = [i.id for i in session.state.scenario.injects if i.turn == 2]
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        body = str(app.screen.query_one("#confirm-body").render())
        assert "m1" in body and "h1" in body
        assert all(inject in body for inject in coming)
        await pilot.press("escape")
        await settle(pilot)
        assert session.state.turn == 1
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert session.state.turn == 2


async def test_pause_and_resume_are_recorded_and_the_status_line_says_paused(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert "PAUSED" in status_text(app)
        await pilot.press("Z")
        await settle(pilot)
        assert "PAUSED" not in status_text(app)
    with Session.open(session.path) as reopened:
        assert [e.kind for e in reopened.state.events][-2:] == ["pause", "resume"]


async def test_hold_then_retime_an_inject_from_the_console(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    later = next(i.id for i in session.state.scenario.injects if i.turn == 2)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_form(pilot, "g", HoldForm)
        await choose(pilot, "#id", f"{later} ")
        await save_form(pilot)
        assert later in session.state.held
        await open_form(pilot, "t", RetimeForm)
        await choose(pilot, "#id", f"{later} ")
        await choose(pilot, "#turn", "turn 4")
        await save_form(pilot)
    with Session.open(session.path) as reopened:
        assert reopened.state.retimed[later] == 4 and later not in reopened.state.held


async def test_an_adhoc_inject_and_a_situation_update_from_the_console(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_form(pilot, "e", AdHocForm)
        await type_into(pilot, "#title", "Envoy calls")
        await type_into(pilot, "#from", "UN envoy")
        await type_into(pilot, "#to", "azure")
        await type_into(pilot, "#text", "Restraint please")
        await type_into(pilot, "#control_notes", "Watch crimson")
        await save_form(pilot)
        assert not isinstance(app.screen, AdHocForm), app.screen.refusal
        await open_form(pilot, "u", UpdateForm)
        await type_into(pilot, "#text", "Fog over the strait")
        await save_form(pilot)
        assert not isinstance(app.screen, UpdateForm), app.screen.refusal
    with Session.open(session.path) as reopened:
        state = reopened.state
        inject = state.scenario.inject("adhoc-1")
        assert (inject.title, inject.source, inject.to, inject.control_notes) == (
            "Envoy calls", "UN envoy", ("azure",), "Watch crimson")
        assert state.injects["adhoc-1"].how == "ad hoc"
        assert [(u.text, u.to) for u in state.updates] == [("Fog over the strait", ())]


async def test_the_written_summary_is_offered_again_for_editing(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("summary", {"text": "First draft"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "y", SummaryForm)
        assert form.query_one("#text").text == "First draft"
        form.query_one("#text").focus()
        await pilot.pause()
        await pilot.press("end", *" then calm")
        await save_form(pilot)
    with Session.open(session.path) as reopened:
        assert reopened.state.summary.text == "First draft then calm"
