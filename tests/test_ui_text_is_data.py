"""Text is data: what users and files write reaches every screen, notice and command-line
message as written, never as markup, a link, an action or a terminal escape sequence.

The hostile strings are those that broke screens before: ``[/]`` (a markup error that
closed the recipient's screen), ``[link=…]`` and ``[@click=app.quit]`` (a link and an action
planted in a message), and ESC sequences that retitle (ESC ] 0 ; T BEL) or clear
(ESC [ 2 J) the terminal.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from test_delegation_support import POLL, new_session, screen_text, until
from test_ui_support import settle
from textual.app import App

from wargame.cli import main
from wargame.engine import Session
from wargame.printable import printable
from wargame.ui.app import create_app
from wargame.ui.delegation.app import create_viewer_app

MARKUP = "[/] [link=https://x]here[/link] [@click=app.quit]quit[/] [bold red on white]loud"
ESCAPES = "\x1b]0;T\x07 \x1b[2J"
HOSTILE = f"{MARKUP} {ESCAPES}"
SHOWN = f"{MARKUP} ␛]0;T␇ ␛[2J"  # what a screen shows: every character, escapes as pictures


def test_control_characters_are_shown_as_pictures_and_text_is_kept() -> None:
    assert printable(HOSTILE) == SHOWN
    assert printable("line one\n\tindented") == "line one\n\tindented"
    assert printable("C1 \x9b31m") == "C1 \\x9b31m"
    assert printable("مرحبا e\u0301 ✓") == "مرحبا e\u0301 ✓"  # RTL, combining marks, symbols


def rendered(app: App) -> str:
    """The characters of the whole terminal as drawn (from the screenshot), one per cell."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


def assert_shown_literally(app: App, text: str) -> None:
    everything = screen_text(app)
    assert "\x1b" not in everything and "\x07" not in everything
    assert text in everything, f"{text!r} not shown as written"
    drawn = rendered(app)
    assert "\x1b" not in drawn and "\x07" not in drawn


def hostile_session(folder: Path) -> Session:
    session = new_session(folder)
    session.act("phase", {"to": "exercise"})
    move = session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                                "text": f"move {HOSTILE}", "visibility": "public"}, actor="azure")
    # Others see a move once control approves it (the transparency charter).
    session.act("adjudicate", {"move": move.payload["id"], "decision": "approve"})
    session.act("note", {"by": "facilitator", "text": f"note {HOSTILE}", "visibility": "public"})
    return session


async def test_a_hostile_message_shows_as_written_on_the_recipients_screen(tmp_path: Path) -> None:
    session = hostile_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), "crimson", poll_interval=POLL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Sent while the screen is open: the change notice quotes it (that crashed before).
        session.act("hotline", {"from": "azure", "to": "crimson", "text": f"msg {HOSTILE}"},
                    actor="azure")
        await until(pilot, lambda: f"msg {SHOWN}" in screen_text(app), "the message arrives")
        assert any(f"msg {SHOWN}" in n.message for n in app._notifications)
        await pilot.press("2")  # the hotline tab
        await pilot.pause()
        assert_shown_literally(app, f"msg {SHOWN}")
        await pilot.press("3")
        await pilot.pause()
        assert_shown_literally(app, f"move {SHOWN}")
        assert app.return_code is None  # still running: nothing closed it


async def test_the_projector_shows_a_hostile_public_move_as_written(tmp_path: Path) -> None:
    session = hostile_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), "public", poll_interval=POLL)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        move = session.act("move", {"by": "crimson", "type": "naval-patrol", "target": "azure",
                                    "text": f"second {HOSTILE}", "visibility": "public"},
                           actor="crimson")
        session.act("adjudicate", {"move": move.payload["id"], "decision": "approve"})
        await until(pilot, lambda: f"second {SHOWN}" in screen_text(app), "the move arrives")
        assert_shown_literally(app, f"move {SHOWN}")


async def test_the_console_shows_hostile_text_as_written(tmp_path: Path) -> None:
    session = hostile_session(tmp_path)
    session.act("hotline", {"from": "azure", "to": "crimson", "text": f"msg {HOSTILE}"},
                actor="azure")
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert_shown_literally(app, f"msg {SHOWN}")  # the hotline panel
        await pilot.press("5")  # the timeline
        await settle(pilot)
        drawn = rendered(app)
        assert "(public): note [/] [lin" in drawn  # the timeline line (cut at the panel edge)
        assert "\x1b" not in drawn
        assert app.return_code is None


def test_validate_shows_control_characters_from_a_bad_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('id: "x\\e[2J"\ntitle: "a\\e]0;T\\a"\nrulebook: "\\e[31mred"\n',
                   encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    said = capsys.readouterr()
    assert "\x1b" not in said.err + said.out
    assert "␛[31mred" in said.err  # the offending value, visible


def test_the_debrief_on_stdout_carries_no_control_characters(tmp_path: Path, capsys) -> None:
    session = hostile_session(tmp_path)
    session.close()
    assert main(["debrief", str(session.path), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "␛]0;T␇" in out
