"""Live updates across processes: the facilitator's console and delegation screens on one
session file, each with its own Session (as separate processes have), polling for real."""

from __future__ import annotations

from pathlib import Path

from test_delegation_support import POLL, new_session, screen_text, until
from test_ui_support import choose, pick, save_form, settle, type_into
from textual.widgets import Input, TextArea

from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.forms import OwnAckForm, OwnMoveForm
from wargame.ui.delegation.panels import HotlineList, MoveList
from wargame.ui.forms import AdjudicateForm
from wargame.ui.forms.fields import KeyedOptionList
from wargame.ui.widgets.hotline import HotlinePanel
from wargame.ui.widgets.pending import PendingMoves


def started(tmp_path: Path) -> Session:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    return session


async def test_a_turn_across_the_console_and_two_delegation_screens(tmp_path: Path) -> None:
    console_session = started(tmp_path)
    path = console_session.path
    console = create_app(console_session, poll_interval=POLL)
    azure = create_viewer_app(Session.open(path), "azure", poll_interval=POLL)
    crimson = create_viewer_app(Session.open(path), "crimson", poll_interval=POLL)
    async with console.run_test(size=(120, 40)) as cp, azure.run_test(size=(120, 40)) as ap, \
            crimson.run_test(size=(120, 40)) as kp:
        await settle(ap)
        # Azure enters a move and a hotline message on its own screen.
        await ap.press("m")
        await settle(ap)
        assert isinstance(azure.screen, OwnMoveForm)
        await pick(ap, "#type", "naval-patrol")
        await choose(ap, "#target", "(crimson)")
        await type_into(ap, "#text", "Patrol near the buoy")
        await save_form(ap)
        assert not isinstance(azure.screen, OwnMoveForm), azure.screen.refusal
        await ap.press("h")
        await settle(ap)
        await choose(ap, "#to", "(crimson)")
        await type_into(ap, "#text", "Our patrol is routine")
        await save_form(ap)

        # The console, in another "process", sees the pending move and the message.
        pending = console.screen.query_one(PendingMoves)
        await until(cp, lambda: pending.option_count == 1, "the console shows azure's move")
        await until(cp, lambda: "Our patrol is routine" in str(
            console.screen.query_one(HotlinePanel).shown_text()), "the console shows the message")

        # The facilitator adjudicates; azure sees the decision, crimson the public move.
        await cp.press("a")
        await settle(cp)
        assert isinstance(console.screen, AdjudicateForm)
        await save_form(cp)
        moves = azure.screen.query_one(MoveList)
        await until(ap, lambda: "✓ approved" in screen_text(azure), "azure sees m1 approved")
        assert moves.option_count == 1
        await until(kp, lambda: "Patrol near the buoy" in screen_text(crimson),
                    "crimson sees azure's public move")

        # Crimson acknowledges with a reply text; azure sees the acknowledgement.
        await until(kp, lambda: crimson.screen.query_one(HotlineList).option_count == 1,
                    "crimson sees the message")
        await kp.press("k")
        await settle(kp)
        assert isinstance(crimson.screen, OwnAckForm)
        by = crimson.screen.query_one("#by")
        assert by.disabled and by.value == "crimson"
        hint = str(by.parent.query_one(".field-hint").render())
        assert "acts only for itself" in hint and "chosen for you" not in hint
        await type_into(kp, "#text", "Noted, thank you")
        await save_form(kp)
        assert not isinstance(crimson.screen, OwnAckForm), crimson.screen.refusal
        await until(ap, lambda: "Noted, thank you" in screen_text(azure),
                    "azure sees crimson's acknowledgement")
        await until(cp, lambda: "No message waiting" in str(
            console.screen.query_one(HotlinePanel).shown_text()), "the console sees the ack")

    with Session.open(path) as done:
        move = done.state.moves["m1"]
        assert (move.by, move.status) == ("azure", "approved")
        message = done.state.messages["h1"]
        assert (message.sender, message.recipient, message.ack_text) == (
            "azure", "crimson", "Noted, thank you")
        actors = {e.kind: e.actor for e in done.state.events}
        assert actors["move"] == "azure" and actors["ack"] == "crimson"
        assert actors["adjudicate"] == "facilitator"


async def test_a_half_filled_form_survives_an_incoming_event(tmp_path: Path) -> None:
    other_process = started(tmp_path)
    azure = create_viewer_app(Session.open(other_process.path), "azure", poll_interval=POLL)
    async with azure.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        form = azure.screen
        assert isinstance(form, OwnMoveForm)
        await pick(pilot, "#type", "naval-patrol")
        await choose(pilot, "#target", "(crimson)")
        await type_into(pilot, "#text", "Half-written patrol")

        other_process.act("hotline", {"from": "crimson", "to": "azure", "text": "Incoming call"})
        messages = azure.screen_stack[-2].query_one(HotlineList)
        await until(pilot, lambda: messages.option_count == 1,
                    "the screen under the form shows the new message")
        await until(pilot, lambda: any("Incoming call" in n.message for n in azure._notifications),
                    "azure is told of the new message")

        assert azure.screen is form
        assert form.query_one("#text", TextArea).text == "Half-written patrol"
        assert form.query_one("#type", KeyedOptionList).value == "naval-patrol"
        await save_form(pilot)
        assert azure.screen is not form, form.refusal

    with Session.open(other_process.path) as done:
        move = done.state.moves["m1"]
        assert (move.by, move.type, move.target, move.text) == (
            "azure", "naval-patrol", "crimson", "Half-written patrol")
    other_process.close()


async def test_a_refused_action_keeps_the_form_open_with_the_engine_words(tmp_path: Path) -> None:
    session = new_session(tmp_path)  # still in the plan phase: no moves yet
    azure = create_viewer_app(Session.open(session.path), "azure", poll_interval=POLL)
    async with azure.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pick(pilot, "#type", "naval-patrol")
        await choose(pilot, "#target", "(crimson)")
        await type_into(pilot, "#text", "Too early")
        await save_form(pilot)
        form = azure.screen
        assert isinstance(form, OwnMoveForm)
        assert "only possible in the exercise phase" in (form.refusal or "")
        assert form.query_one("#text", TextArea).text == "Too early"
    assert Session.open(session.path).state.moves == {}
    session.close()
