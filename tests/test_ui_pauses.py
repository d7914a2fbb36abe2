"""Pauses to all and brokered ones in the terminal app (Pilot): the console's forms offer
"all" and a mediator's pair and answer for each party; a delegation proposes and answers
on its own screen; a pause in force is drawn on the pair's ladder row, on the console and
on the delegations' screens (and on the projector only when the charter says so)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from fixtures.engine.support import HERE
from test_delegation_support import widget_text
from test_ui_support import choose, save_form, settle, type_into, wait_until
from wargame.engine import Session
from wargame.engine.pauses import status
from wargame.ui.app import create_app
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.ladder import PairLadder
from wargame.ui.delegation.panels import ViewerStatus
from wargame.ui.forms import AdjudicateForm, AnswerPauseForm, ProposePauseForm
from wargame.ui.widgets.ladder_panel import LadderPanel

CBM = HERE / "fixture-cbm.yaml"


@pytest.fixture
def session(workdir: Path) -> Session:
    session = Session.create(workdir / "p.wargame", CBM)
    session.act("phase", {"to": "exercise"})
    return session


async def test_the_console_proposes_a_pause_to_all(session) -> None:
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ProposePauseForm)
        await choose(pilot, "#by", "(azure)")
        await choose(pilot, "#with", "All (every delegation that can move)")
        await type_into(pilot, "#turns", "2")
        await save_form(pilot)
        assert not isinstance(app.screen, ProposePauseForm)
    pause = session.state.pauses["p1"]
    assert (pause.by, pause.addressed, pause.parties) == (
        "azure", "all", ("azure", "crimson", "verdant"))


async def test_the_console_records_a_pause_brokered_by_the_mediator(session) -> None:
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await choose(pilot, "#by", "(verdant)")
        await choose(pilot, "#between", "azure ⇄ crimson")
        await type_into(pilot, "#turns", "1")
        await save_form(pilot)
    pause = session.state.pauses["p1"]
    assert (pause.by, pause.brokered, pause.parties) == ("verdant", True, ("azure", "crimson"))


async def test_the_answer_form_offers_only_the_parties_yet_to_answer(session) -> None:
    session.act("propose-pause", {"by": "azure", "with": "all", "turns": 2})
    session.act("answer-pause", {"pause": "p1", "by": "crimson", "answer": "accept"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AnswerPauseForm)
        await choose(pilot, "#pause", "p1")
        assert "p1 · T1 azure → all, 2 turn(s); awaits verdant" in widget_text(
            form.query_one("#pause", Select))
        by = form.query_one("#by", Select)
        assert [value for _, value in by._options if isinstance(value, str)] == ["verdant"]
        assert by.value == "verdant"  # the only one left: chosen for the facilitator
        await save_form(pilot)
        assert app.screen is not form
    assert session.state.pauses["p1"].answer == "accept"


async def test_a_delegation_answers_a_pause_proposed_to_it_on_its_screen(session) -> None:
    session.act("propose-pause", {"by": "verdant", "between": ["azure", "crimson"],
                                  "turns": 2})
    app = create_viewer_app(Session.open(session.path), "crimson", poll_interval=None)
    async with app.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        status = widget_text(app.screen.query_one(ViewerStatus))
        assert "⏸ pause p1 awaits your answer" in status or "⏸p1 to answer" in status
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AnswerPauseForm)
        assert form.query_one("#by", Select).disabled  # crimson answers for itself only
        assert form.query_one("#pause", Select).value == "p1"
        await save_form(pilot)
        assert app.screen is not form
    with Session.open(session.path) as reopened:
        answer = reopened.state.pauses["p1"].answer_of("crimson")
        assert (answer.answer, reopened.state.pauses["p1"].answer) == ("accept", "")


async def test_a_mediator_brokers_from_its_screen_and_a_state_is_offered_no_pair(
        session) -> None:
    mediator = create_viewer_app(Session.open(session.path), "verdant", poll_interval=None)
    async with mediator.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(mediator.screen, ProposePauseForm)
        await choose(pilot, "#between", "azure ⇄ crimson")
        await type_into(pilot, "#turns", "1")
        await save_form(pilot)
        assert not isinstance(mediator.screen, ProposePauseForm)
    state = Session.open(session.path).state
    assert (state.pauses["p1"].by, state.pauses["p1"].parties) == ("verdant",
                                                                   ("azure", "crimson"))
    a_state = create_viewer_app(Session.open(session.path), "azure", poll_interval=None)
    async with a_state.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(a_state.screen, ProposePauseForm)
        assert not a_state.screen.query("#between")


async def test_an_active_pause_is_drawn_on_the_pairs_ladder_rows(session) -> None:
    for kind, payload in [
            ("propose-pause", {"by": "verdant", "between": ["azure", "crimson"], "turns": 2}),
            ("answer-pause", {"pause": "p1", "by": "azure", "answer": "accept"}),
            ("answer-pause", {"pause": "p1", "by": "crimson", "answer": "accept"})]:
        session.act(kind, payload)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        rows = widget_text(app.screen.query_one(LadderPanel).query_one("#ladder-pairs"))
        marked = [row for row in rows.splitlines() if "⏸" in row]
        assert len(marked) == 1  # only the brokered pair's row
        assert "⏸ pause p1 until turn 2" in marked[0]
        assert "azure" in marked[0].lower() and "crimson" in marked[0].lower()
    for viewer in ("azure", "crimson", "verdant"):
        screen = create_viewer_app(Session.open(session.path), viewer, poll_interval=None)
        async with screen.run_test(size=(180, 40)) as pilot:
            await settle(pilot)
            ladder = widget_text(screen.screen.query_one(PairLadder))
            if viewer == "verdant":  # the broker's own pairs carry no pause
                assert "⏸" not in ladder
            else:
                assert "⏸ pause p1 until turn 2" in ladder
            status = widget_text(screen.screen.query_one(ViewerStatus))
            assert "until T2" in status
    projector = create_viewer_app(Session.open(session.path), "public", poll_interval=None)
    async with projector.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        assert "⏸" not in widget_text(projector.screen.query_one(PairLadder))


async def test_a_violated_pause_is_marked_on_the_ladder_and_the_parties_status_lines(
        session) -> None:
    for kind, payload in [
            ("propose-pause", {"by": "azure", "with": "crimson", "turns": 2}),
            ("answer-pause", {"pause": "p1", "by": "crimson", "answer": "accept"}),
            ("move", {"id": "m1", "by": "crimson", "type": "patrol", "target": "azure",
                      "text": "[b]Patrol[/b] anyway"}),
            ("adjudicate", {"move": "m1", "decision": "approve"})]:
        session.act(kind, payload)
    app = create_viewer_app(Session.open(session.path), "azure", poll_interval=None)
    async with app.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        assert "⚠ pause p1 violated" in widget_text(app.screen.query_one(PairLadder))
        status = widget_text(app.screen.query_one(ViewerStatus))
        assert "⚠ pause p1 (azure ⇄ crimson) violated" in status or "⚠p1 violated" in status
        assert "⏸" not in status


async def test_the_adjudication_form_warns_that_approving_breaks_a_pause(session) -> None:
    for kind, payload in [
            ("propose-pause", {"by": "azure", "with": "all", "turns": 1}),
            ("answer-pause", {"pause": "p1", "by": "crimson", "answer": "accept"}),
            ("answer-pause", {"pause": "p1", "by": "verdant", "answer": "accept"}),
            ("move", {"id": "m1", "by": "verdant", "type": "patrol", "target": "crimson",
                      "text": "Show of presence"})]:
        session.act(kind, payload)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AdjudicateForm)
        await choose(pilot, "#move", "m1")
        assert "⚠ breaks pause p1: approved, the pause is violated" in widget_text(
            form.query_one("#move-info"))
        await save_form(pilot)  # approve (the default) anyway
    assert status(session.state, session.state.pauses["p1"]) == "violated"


async def test_a_waiting_moves_warning_goes_when_the_pause_it_broke_is_retracted(
        session) -> None:
    from wargame.ui.widgets.pending import PendingMoves

    app = create_app(session, poll_interval=0.05)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        moves = app.screen.query_one(PendingMoves)
        assert "Moves to adjudicate (0)" in str(moves.border_title)  # not the empty line
        other = Session.open(session.path)  # another process: a delegation's screen
        other.act("propose-pause", {"by": "azure", "with": "crimson", "turns": 2})
        accepted = other.act("answer-pause", {"pause": "p1", "by": "crimson",
                                              "answer": "accept"})
        other.act("move", {"id": "m1", "by": "azure", "type": "patrol", "target": "crimson",
                           "text": "Patrol"})

        def warning() -> str:
            option = moves.get_option("m1") if moves.waiting else None
            return str(option.prompt) if option else ""

        await wait_until(pilot, lambda: "breaks pause p1" in warning(), "the warning")
        assert "Moves to adjudicate (1)" in str(moves.border_title)
        other.act("retract", {"event": accepted.seq, "reason": "accepted by mistake"})
        await wait_until(pilot, lambda: "m1 T1" in warning() and "breaks" not in warning(),
                         "the warning gone")
