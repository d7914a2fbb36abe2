"""Access codes and the browser's first screen: a code opens its own viewer's screen only."""

from __future__ import annotations

from pathlib import Path

from test_delegation_support import POLL, new_session, until
from test_ui_support import settle, type_into
from textual.widgets import OptionList, Static

from wargame.engine import Session
from wargame.engine import access_guard
from wargame.engine.access import ALPHABET, CODE_LENGTH, access_codes, check_code
from wargame.ui.delegation import chooser
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.chooser import MAX_ATTEMPTS, ChooseViewerScreen
from wargame.ui.delegation.public import PublicScreen
from wargame.ui.delegation.screens import DelegationScreen
from wargame.ui.screens.session import SessionScreen


def test_codes_are_short_unambiguous_distinct_and_stable(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    codes = access_codes(session)
    assert list(codes) == ["control", "azure", "crimson", "verdant"]
    for code in codes.values():
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
        assert not set(code) & set("IO01")
    assert len(set(codes.values())) == len(codes)
    other_process = Session.open(session.path)
    assert access_codes(other_process) == codes  # the secret is in the file
    session.close()
    other_process.close()
    assert access_codes(Session.open(session.path)) == codes


def test_each_session_has_its_own_codes(tmp_path: Path) -> None:
    one = new_session(tmp_path, name="one.wargame")
    two = new_session(tmp_path, name="two.wargame")
    assert access_codes(one)["azure"] != access_codes(two)["azure"]


def test_two_processes_asking_first_at_once_agree(tmp_path: Path) -> None:
    one = new_session(tmp_path)
    two = Session.open(one.path)
    # Neither has a secret yet; whichever stores it first, both then read the same one.
    assert access_codes(two) == access_codes(one)


def test_a_code_opens_only_its_own_viewer(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    codes = access_codes(session)
    assert check_code(session, "azure", codes["azure"])
    assert check_code(session, "azure", " " + codes["azure"].lower()[:3] + "-" + codes["azure"][3:])
    assert not check_code(session, "crimson", codes["azure"])
    assert not check_code(session, "control", codes["azure"])
    assert not check_code(session, "azure", "")
    assert not check_code(session, "nobody", codes["azure"])
    assert check_code(session, "public", "")


async def choose_viewer(pilot, label: str) -> None:
    options = pilot.app.screen.query_one("#chooser-viewers", OptionList)
    for index in range(options.option_count):
        if label in str(options.get_option_at_index(index).prompt):
            options.highlighted = index
            break
    else:
        raise AssertionError(f"no viewer {label!r}")
    options.focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_the_first_screen_asks_for_the_code_and_opens_that_view(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    codes = access_codes(session)
    app = create_viewer_app(Session.open(session.path), None, poll_interval=POLL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChooseViewerScreen)
        await choose_viewer(pilot, "Crimson Federation")
        await type_into(pilot, "#chooser-code", codes["azure"])  # another delegation's code
        await pilot.press("enter")
        error = app.screen.query_one("#chooser-error", Static)
        await until(pilot, lambda: "does not open" in str(error.render()), "the code is refused")
        assert isinstance(app.screen, ChooseViewerScreen)
        assert "Crimson Federation" in str(error.render())
        code_field = app.screen.query_one("#chooser-code")
        await until(pilot, lambda: not code_field.disabled, "the code can be typed again")
        await type_into(pilot, "#chooser-code", codes["crimson"].lower())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DelegationScreen), "crimson's screen opens")
        assert app.screen.live.viewer == "crimson"


async def test_the_projector_needs_no_code_and_control_opens_the_console(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), None, poll_interval=POLL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose_viewer(pilot, "Projector")
        await until(pilot, lambda: isinstance(app.screen, PublicScreen), "the projector opens")
    app = create_viewer_app(Session.open(session.path), None, poll_interval=POLL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose_viewer(pilot, "Control")
        await type_into(pilot, "#chooser-code", access_codes(session)["control"])
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the console opens")


async def test_too_many_wrong_codes_close_the_connection(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(chooser, "PAUSE_PER_FAILURE", 0.05)
    monkeypatch.setattr(access_guard, "MAX_DELAY", 0.05)
    session = new_session(tmp_path)
    app = create_viewer_app(Session.open(session.path), None, poll_interval=POLL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose_viewer(pilot, "Republic of Azure")
        field = app.screen.query_one("#chooser-code")
        for attempt in range(MAX_ATTEMPTS):
            await until(pilot, lambda: not field.disabled, "the code can be typed", timeout=10)
            await type_into(pilot, "#chooser-code", "WRONG2")
            await pilot.press("enter")
            if attempt < MAX_ATTEMPTS - 1:
                await until(pilot, lambda: field.value == "", "the wrong code is cleared")
        await until(pilot, lambda: app.return_code == 1, "the app exits", timeout=10)
