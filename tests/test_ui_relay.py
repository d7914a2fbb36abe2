"""Manual relays on screen: the mediator's waiting list and its pass-on form, the console's
hotline panel saying where a message waits, control passing one on for a delegation."""

from __future__ import annotations

from pathlib import Path

from test_delegation_support import POLL, new_session, screen_text, until
from test_ui_support import choose, open_form, save_form, settle, type_into
from textual.widgets import Select

from wargame.engine import Session
from wargame.printable import printable
from wargame.ui.app import create_app
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.forms import OwnRelayForm
from wargame.ui.delegation.panels import HotlineList
from wargame.ui.forms import RelayForm
from wargame.ui.widgets.hotline import HotlinePanel

HOSTILE_NOTE = "[bold]x[/bold] [@click=app.quit]q[/] <script>"  # typed: markup stays text
ESCAPE_NOTE = "\x1b[31mred"  # recorded by another process: the ESC is shown, not obeyed


def held_session(folder: Path) -> Session:
    """airspace-cyber (relay: manual), the deconfliction line down: h1 from Ardenia to
    Boreal waits at Meridian, h2 from Boreal to Ardenia too."""
    session = new_session(folder, scenario="airspace-cyber")
    session.act("phase", {"to": "exercise"}, at=0)
    session.act("channel", {"between": ["ardenia", "boreal"], "status": "down"}, at=0)
    # At the exercise's start: the screens under test act on the wall clock, seconds later.
    session.act("hotline", {"from": "ardenia", "to": "boreal", "text": "Our drone is lost"},
                actor="ardenia", at=0)
    session.act("hotline", {"from": "boreal", "to": "ardenia", "text": "[red]Explain"},
                actor="boreal", at=0)
    return session


async def test_the_mediator_passes_a_message_on_from_its_screen(tmp_path: Path) -> None:
    session = held_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), "meridian", poll_interval=POLL)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        assert "2 to pass on" in screen_text(app)  # the status line (short or long)
        await pilot.press("2")
        assert "2 Hotline (2 to pass on)" in screen_text(app)
        assert "waiting for YOU to pass it on" in screen_text(app)
        assert "[red]Explain" in screen_text(app)  # text, not markup
        assert app.screen.query_one(HotlineList).chosen() == "h2"  # newest first
        form = await open_form(pilot, "f", OwnRelayForm)
        assert form.query_one("#by", Select).disabled
        assert form.query_one("#by", Select).value == "meridian"
        assert form.query_one("#message", Select).value == "h2"  # the highlighted one
        await type_into(pilot, "#note", HOSTILE_NOTE)
        await save_form(pilot)
        assert not isinstance(app.screen, OwnRelayForm), form.refusal
        await until(pilot, lambda: "passed on by meridian T1" in screen_text(app),
                    "the hop shows under the message")
        assert "1 to pass on" in screen_text(app)
        assert HOSTILE_NOTE in screen_text(app)

    with Session.open(session.path) as done:
        message = done.state.messages["h2"]
        assert [(h.by, h.note) for h in message.relays] == [("meridian", HOSTILE_NOTE)]
        assert message.delivered and done.state.messages["h1"].waiting_at == "meridian"


async def test_the_recipient_sees_nothing_until_it_arrives_then_is_told(tmp_path: Path) -> None:
    session = held_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), "boreal", poll_interval=POLL)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert "Our drone is lost" not in screen_text(app)
        assert "⇄ waits at meridian since T1 00:00" in screen_text(app)  # its own h2
        with Session.open(session.path) as other:
            other.act("relay", {"message": "h1", "by": "meridian", "note": ESCAPE_NOTE},
                      actor="meridian", at=1)
        await until(pilot, lambda: "Our drone is lost" in screen_text(app),
                    "h1 reaches Boreal once Meridian passed it on")
        assert "h1 from ardenia" in screen_text(app)  # the notification
        assert "\x1b" not in screen_text(app)
        assert printable(ESCAPE_NOTE) in screen_text(app)
        await pilot.press("f")  # Boreal relays nothing: the key says so, no form
        await settle(pilot)
        assert "No message is waiting for you to pass it on." in screen_text(app)


async def test_control_passes_a_message_on_for_the_mediator(workdir: Path) -> None:
    session = held_session(workdir)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(HotlinePanel)
        assert "h1 ardenia → meridian → boreal" in panel.shown_text()
        assert "⇄ waits at meridian since T1 00:00" in panel.shown_text()
        await open_form(pilot, "f", RelayForm)
        await choose(pilot, "#message", "h1 ")
        assert app.screen.query_one("#by", Select).value == "meridian"  # chosen for us
        await save_form(pilot)
        assert not isinstance(app.screen, RelayForm), app.screen.refusal
        assert session.state.messages["h1"].delivered
        (h1_line,) = [line for line in panel.shown_text().splitlines() if line.startswith("h1 ")]
        assert "waits at" not in h1_line
        # The console's Indicators panel: Meridian's relay time.
        assert "meridian: relayed 1 · held median 0 min, longest 0 min · 1 waiting" in \
            screen_text(app)
        # The refusal comes back in the engine's words, the form stays open.
        await open_form(pilot, "f", RelayForm)
        await choose(pilot, "#message", "h2 ")
        await choose(pilot, "#by", "(boreal)")
        await save_form(pilot)
        assert isinstance(app.screen, RelayForm)
        assert "h2 does not pass through boreal" in (app.screen.refusal or "")
