"""The move form shows a move type's report format and sends its fields (Pilot)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from fixtures.engine.support import HERE
from test_ui_support import choose, pick, save_form, settle, type_into
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.forms import MoveForm

CBM = HERE / "fixture-cbm.yaml"



async def test_a_report_is_refused_until_its_required_fields_are_filled(workdir: Path) -> None:
    session = Session.create(workdir / "r.wargame", CBM)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MoveForm)
        await choose(pilot, "#by", "(azure)")
        await pick(pilot, "#type", "incident-report")
        await settle(pilot)
        assert {w.id for w in form.query("#fields Input, #fields Select")} == {
            "report-time", "report-position", "report-nature", "report-units",
            "report-distance"}
        await choose(pilot, "#target", "(crimson)")
        await type_into(pilot, "#text", "Near miss")
        await type_into(pilot, "#report-units", "FS Argo")
        await save_form(pilot)
        assert app.screen is form
        assert "the incident-report report needs time, position, nature" in form.refusal
        assert not session.state.moves
        assert form.query_one("#report-units", Input).value == "FS Argo"  # nothing lost
        await type_into(pilot, "#report-time", "06:40")
        await type_into(pilot, "#report-position", "35.1N 24.3E")
        await choose(pilot, "#report-nature", "near-miss")
        await type_into(pilot, "#report-distance", "150")
        await save_form(pilot)
        assert app.screen is not form
    with Session.open(session.path) as reopened:
        assert reopened.state.moves["m1"].fields == {
            "time": "06:40", "position": "35.1N 24.3E", "nature": "near-miss",
            "units": "FS Argo", "distance": 150}


async def test_a_move_type_without_a_format_shows_no_report_inputs(workdir: Path) -> None:
    session = Session.create(workdir / "r.wargame", CBM)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pick(pilot, "#type", "incident-report")
        await settle(pilot)
        assert app.screen.query("#fields Select")
        await pick(pilot, "#type", "statement")
        await settle(pilot)
        assert not app.screen.query("#fields Input, #fields Select")
        await choose(pilot, "#by", "(azure)")
        await type_into(pilot, "#text", "We say")
        await save_form(pilot)
    assert session.state.moves["m1"].fields == {}


async def test_a_pause_is_proposed_and_accepted_through_the_forms(workdir: Path) -> None:
    from wargame.ui.forms import AnswerPauseForm, ProposePauseForm

    session = Session.create(workdir / "p.wargame", CBM)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ProposePauseForm)
        for key in form.ACTION.keys():  # an input for each key of the action
            assert form.query(f"#{key.name}"), key.name
        await choose(pilot, "#by", "(azure)")
        await choose(pilot, "#with", "(crimson)")
        await type_into(pilot, "#turns", "2")
        await type_into(pilot, "#scope", "posturing, violent-escalation")
        await save_form(pilot)
        assert app.screen is not form
        await pilot.press("j")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AnswerPauseForm)
        await choose(pilot, "#pause", "p1")
        await choose(pilot, "#by", "(crimson)")
        await save_form(pilot)
        assert app.screen is not form
    pause = session.state.pauses["p1"]
    assert (pause.by, pause.parties, pause.turns, pause.scope, pause.answer) == (
        "azure", ("azure", "crimson"), 2, ("posturing", "violent-escalation"), "accept")


async def test_control_and_the_recipient_read_the_report_in_its_format(workdir: Path) -> None:
    from test_delegation_support import widget_text
    from wargame.ui.delegation.app import create_viewer_app
    from wargame.ui.delegation.panels import MoveList
    from wargame.ui.forms import AdjudicateForm

    session = Session.create(workdir / "r.wargame", CBM)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"id": "m1", "by": "azure", "type": "incident-report",
                         "target": "crimson", "text": "Near miss",
                         "fields": {"time": "06:40", "position": "35.1N 24.3E",
                                    "nature": "near-miss", "units": "[bold]FS Argo"}})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 45)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AdjudicateForm)
        info = widget_text(app.screen.query_one("#move-info"))
        assert "Time: 06:40" in info and "Units involved: [bold]FS Argo" in info
        assert "Closest approach (m): –" in info  # an empty field says so
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert Session.open(session.path).state.moves["m1"].status == "approved"
    viewer = create_viewer_app(Session.open(session.path), "crimson", poll_interval=None)
    async with viewer.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        moves = widget_text(viewer.screen.query_one(MoveList))
        assert "Position: 35.1N 24.3E" in moves and "Nature: near-miss" in moves
        assert "Closest approach" not in moves  # the recipient sees what was filled in
