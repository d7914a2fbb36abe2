"""A delegation's screen used as a delegation would: its briefing, replying on the hotline,
reading another's move; an observer's screen that only watches; the projector."""

from __future__ import annotations

from pathlib import Path

from test_delegation_support import POLL, new_session, screen_text, until
from test_ui_support import choose, save_form, settle, type_into
from textual.widgets import Digits, Markdown, Select

from wargame.engine import Session
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.forms import OwnMessageForm, OwnReadingForm
from wargame.ui.delegation.panels import HotlineList, MoveList
from wargame.ui.delegation.public import PublicScreen
from wargame.ui.delegation.screens import DelegationScreen
from wargame.ui.forms.base import ActionForm
from wargame.ui.screens.home import HomeScreen


async def test_the_briefing_is_the_delegations_own(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), "crimson", poll_interval=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Nothing of the facilitator's home (other sessions, scenarios) lies under it.
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        assert footer_keys(app) >= set("mhykr")  # a delegation has its actions at hand
        await pilot.press("4")
        briefing = app.screen.query_one("#briefing-text", Markdown).source
        crimson = session.scenario.delegation("crimson")
        assert "Your delegation: Crimson Federation" in briefing
        assert crimson.objectives[0] in briefing and crimson.red_lines[0] in briefing
        assert "Captain Oren Vasko" in briefing  # crimson's private briefing
        assert "Halden Strait" in briefing  # the scenario's public summary
        assert "Republic of Azure" in briefing  # others by name...
        azure = session.scenario.delegation("azure")
        assert azure.red_lines[0] not in briefing  # ...not their red lines
        assert "go to the facilitator" in briefing  # the rulebook adjudicates by hand


async def test_replying_and_reading_a_move(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"by": "crimson", "type": "naval-patrol", "target": "azure",
                         "text": "Cutter holds station"}, actor="crimson")
    session.act("adjudicate", {"move": "m1", "decision": "approve"})  # others see it from now
    session.act("hotline", {"from": "crimson", "to": "azure", "text": "Why the frigate?"},
                actor="crimson")
    app = create_viewer_app(Session.open(session.path), "azure", poll_interval=POLL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert app.screen.query_one(HotlineList).chosen() == "h1"
        await pilot.press("y")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, OwnMessageForm)
        assert form.query_one("#from", Select).disabled
        assert (form.query_one("#to", Select).value, form.query_one("#reply_to", Select).value) == \
            ("crimson", "h1")
        await type_into(pilot, "#text", "A routine transit")
        await save_form(pilot)
        assert not isinstance(app.screen, ActionForm), form.refusal

        await pilot.press("3")
        moves = app.screen.query_one(MoveList)
        assert moves.chosen() == "m1"
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, OwnReadingForm)
        assert app.screen.query_one("#move", Select).value == "m1"
        await choose(pilot, "#as", "posturing")
        await type_into(pilot, "#note", "Showing the flag")
        await save_form(pilot)
        await until(pilot, lambda: "you read it as posturing" in screen_text(app),
                    "azure's reading shows under the move")

    with Session.open(session.path) as done:
        reply = done.state.messages["h2"]
        assert (reply.sender, reply.recipient, reply.reply_to, reply.text) == (
            "azure", "crimson", "h1", "A routine transit")
        (reading,) = done.state.perceptions
        assert (reading.by, reading.move, reading.as_category) == ("azure", "m1", "posturing")
    session.close()


def footer_keys(app) -> set[str]:
    return {key for key, active in app.screen.active_bindings.items() if active.binding.show}


async def test_an_observer_only_watches(tmp_path: Path) -> None:
    session = new_session(tmp_path, scenario="airspace-cyber")
    session.act("phase", {"to": "exercise"})
    app = create_viewer_app(Session.open(session.path), "monitors", poll_interval=POLL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DelegationScreen)
        for key in "mhykr":
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, DelegationScreen), f"{key} opened {app.screen}"
        assert not footer_keys(app) & set("mhykr")
        assert "You observe" in app.screen.query_one("#briefing-text", Markdown).source
        # observers have no pair of their own: they watch every pair
        assert "ardenia–boreal" in screen_text(app)
    session.close()


async def test_the_projector_shows_public_things_only_and_follows_the_exercise(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), "public", poll_interval=POLL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PublicScreen)
        assert "PLAN" in screen_text(app)
        session.act("phase", {"to": "exercise"})
        session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                             "text": "Flag-showing patrol"}, actor="azure")
        session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                             "text": "Night patrol, lights off", "visibility": "private"},
                    actor="azure")
        session.act("move", {"by": "crimson", "type": "naval-patrol", "target": "azure",
                             "text": "Awaiting control"}, actor="crimson")
        for move in ("m1", "m2"):
            session.act("adjudicate", {"move": move, "decision": "approve"})
        await until(pilot, lambda: "Flag-showing patrol" in screen_text(app), "the public move shows")
        assert app.screen.query_one("#public-turn", Digits).value == "1"
        text = screen_text(app)
        assert "EXERCISE" in text and "Trawler and seiner collide" in text  # inject to all
        assert "Night patrol" not in text
        assert "Awaiting control" not in text  # pending: its mover's and control's only
        session.act("next-turn", {})
        await until(pilot, lambda: app.screen.query_one("#public-turn", Digits).value == "2",
                    "the turn advances")
        text = screen_text(app)
        assert "Crimson cutter rammed" in text  # turn 2, to all
        assert "Crimson cutter orders the Azure trawler" not in text  # turn 2, to azure only
    session.close()


async def test_the_screen_fits_an_80_by_24_terminal(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    app = create_viewer_app(Session.open(session.path), "azure", poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        status = app.screen.query_one("#viewer-status")
        assert "Turn 1 of 6" in str(status.render())
        for key in "1234":
            await pilot.press(key)
            await settle(pilot)
            assert app.screen.query_one("#tabs").active in {"situation", "hotline", "moves", "briefing"}
    session.close()
