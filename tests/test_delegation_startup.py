"""`wargame play --as`: a delegation's (or the projector's) first frame comes before the
session is opened, its keys dimmed and inert until then; bad input is reported after it
as before (one line, exit code 1, no traceback, nothing written)."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from test_delegation_support import new_session
from test_ui_support import run_headless, session_opened, settle, wait_until
from wargame import cli
from wargame.commands.play_as import open_for_viewer
from wargame.engine import Session
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.delegation.forms import OwnMessageForm
from wargame.ui.delegation.public import PublicScreen
from wargame.ui.delegation.screens import DelegationScreen
from wargame.ui.screens.opening import OpeningScreen


def held_opener(path: Path) -> tuple[threading.Event, threading.Event, list[Session], object]:
    """An opener that says it ``started``, then waits for ``go`` before opening the session
    at ``path``, as a slow open would."""
    started, go, opened = threading.Event(), threading.Event(), []

    def opener() -> tuple[Session, bool]:
        started.set()
        assert go.wait(10), "the test never let the session open"
        opened.append(Session.open(path))
        return opened[-1], False

    return started, go, opened, opener


def footer_keys(app) -> dict[str, bool]:
    """The keys in the footer, each with whether it is dimmed."""
    return {key.description: key.has_class("-disabled") for key in app.screen.query(FooterKey)}


async def test_a_delegations_frame_comes_before_the_session_and_its_keys_wait(tmp_path: Path) -> None:
    shared = new_session(tmp_path)
    shared.act("phase", {"to": "exercise"})
    events_before = shared.state.last_seq
    started, go, opened, opener = held_opener(shared.path)
    app = create_viewer_app(None, "azure", opener=opener, scenario_ref="strait-incident",
                            session_file="shared.wargame", poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, started.is_set, "the session to start opening")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen) and opened == []
        status = str(app.screen.query_one("#opening-status", Static).render())
        assert "strait-incident" in status and "OPENING" in status
        assert "shared.wargame as azure" in status
        assert footer_keys(app) == {
            "Move": True, "Message": True, "Reply": True, "Ack": True, "Pass on": True,
            "Read move": True, "Pause": True, "Answer pause": True, "palette": True}
        await pilot.press("m", "h", "4", "ctrl+p")  # inert until the session is there
        assert isinstance(app.screen, OpeningScreen)
        go.set()
        await session_opened(pilot)
        await settle(pilot)
        assert isinstance(app.screen, DelegationScreen) and app.screen.live.viewer == "azure"
        assert len(app.screen_stack) == 2  # the frame was replaced, not kept below
        assert app.screen.query_one("#tabs").active == "situation"  # "4" did not go through
        assert footer_keys(app)["Move"] is False  # the keys work now
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, OwnMessageForm)
    assert app.crash is None and app.failure is None
    assert app.resume_lines() == []  # a delegation's screen prints nothing, as before
    assert Session.open(shared.path).state.last_seq == events_before  # no key went through
    with pytest.raises(Exception):
        opened[0].act("note", {"by": "azure", "text": "late", "visibility": "public"})


async def test_the_projectors_frame_has_no_keys_but_the_palette(tmp_path: Path) -> None:
    shared = new_session(tmp_path)
    shared.close()
    started, go, _, opener = held_opener(shared.path)
    app = create_viewer_app(None, "public", opener=opener, scenario_ref="strait-incident",
                            session_file="shared.wargame", poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, started.is_set, "the session to start opening")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert footer_keys(app) == {"palette": True}
        go.set()
        await session_opened(pilot)
        await settle(pilot)
        assert isinstance(app.screen, PublicScreen)
    assert app.crash is None and app.resume_lines() == []


async def test_a_quit_while_the_session_opens_closes_it_and_prints_nothing(tmp_path: Path) -> None:
    shared = new_session(tmp_path)
    shared.close()
    started, go, opened, opener = held_opener(shared.path)
    app = create_viewer_app(None, "crimson", opener=opener, scenario_ref="strait-incident",
                            session_file="shared.wargame", poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, started.is_set, "the session to start opening")
        await pilot.press("ctrl+q")
        go.set()  # the open finishes after the quit; the app waits for it
    assert app.return_code == 0 and app.crash is None
    (session,) = opened
    with pytest.raises(Exception):
        session.act("note", {"by": "crimson", "text": "late", "visibility": "public"})
    assert app.resume_lines() == []


def test_the_projector_opens_from_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    path = new_session(tmp_path).path
    ran = run_headless(monkeypatch)
    assert cli.main(["play", "strait-incident", "--session", str(path), "--as", "public"]) == 0
    ((app, shown),) = ran
    assert isinstance(shown, PublicScreen) and app.crash is None
    assert capsys.readouterr().out == ""


async def test_an_observer_opened_by_the_command_has_no_keys_to_act(tmp_path: Path) -> None:
    path = new_session(tmp_path, scenario="airspace-cyber").path
    app = create_viewer_app(None, "monitors", scenario_ref="airspace-cyber", poll_interval=None,
                            opener=partial(open_for_viewer, "airspace-cyber", str(path), "monitors"),
                            session_file=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await session_opened(pilot)
        await settle(pilot)
        assert isinstance(app.screen, DelegationScreen) and not app.screen.live.can_act
        assert footer_keys(app) == {"palette": False}  # an observer watches


@pytest.mark.parametrize("typed, said", [
    (["strait-incident", "--as", "azur"], "unknown viewer 'azur'"),
    (["border-crisis", "--as", "azure"], "is an exercise of strait-incident, not of border-crisis"),
])
def test_a_wrong_viewer_or_scenario_is_reported_after_the_frame_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        typed: list[str], said: str) -> None:
    path = new_session(tmp_path).path
    ran = run_headless(monkeypatch)
    scenario, *rest = typed
    assert cli.main(["play", scenario, "--session", str(path), *rest]) == 1
    out, error = capsys.readouterr()
    assert ran == [(ran[0][0], None)]  # the app drew its frame, then closed by itself
    assert out == "" and "Traceback" not in error
    assert error.startswith("wargame: ") and said in error


def test_a_broken_scenario_is_reported_with_its_place(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    (workdir / "broken.yaml").write_text(
        "scenario: broken\ntitle: \"A [b]typo[/b] \\e]0;pwned\\a\"\nrulebook: cbm-standard\n"
        "clock: {turns: 3, turn_length: 6h}\ndelegations:\n  - {id: azure, name: Azure}\n"
        "  - {id: crimson, name: Crimson, rol: state}\n", encoding="utf-8")
    path = new_session(workdir).path
    before = path.read_bytes()
    ran = run_headless(monkeypatch)
    assert cli.main(["play", "broken.yaml", "--session", str(path), "--as", "azure"]) == 1
    out, error = capsys.readouterr()
    assert ran == [(ran[0][0], None)]
    assert out == "" and "Traceback" not in error and "\x1b" not in error
    assert error.startswith("wargame: broken.yaml:7:") and "rol" in error
    assert path.read_bytes() == before  # nothing written


def test_a_file_that_is_no_session_is_reported_and_left_alone(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    notes = workdir / "notes.wargame"
    notes.write_bytes(b"my notes, not a session\n" * 100)
    run_headless(monkeypatch)
    assert cli.main(["play", "strait-incident", "--session", "notes.wargame", "--as", "azure"]) == 1
    out, error = capsys.readouterr()
    assert out == "" and "Traceback" not in error
    assert error.startswith("wargame: ") and "notes.wargame" in error
    assert notes.read_bytes() == b"my notes, not a session\n" * 100
