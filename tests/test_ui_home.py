"""The home screen (bare ``wargame``) and ``wargame play``: start, resume, say where."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from test_ui_support import run_headless, settle, wait_until
from wargame import cli
from wargame.engine import Session
from wargame.paths import resolve_scenario
from wargame.ui.app import WargameApp, create_app
from wargame.ui.screens.home import HomeScreen
from wargame.ui.screens.session import SessionScreen

BROKEN = """\
scenario: broken
title: A scenario with a typo
rulebook: cbm-standard
clock: {turns: 3, turn_length: 6h}
delegations:
  - {id: azure, name: Azure}
  - {id: crimson, name: Crimson, rol: state}
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def table_text(table: DataTable) -> str:
    return "\n".join(" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count))


async def test_home_lists_scenarios_with_errors_and_resumes_a_session(workdir: Path) -> None:
    with Session.create(workdir / "sessions" / "earlier.wargame", resolve_scenario("strait-incident")) as earlier:
        earlier.act("phase", {"to": "exercise"})
    app = create_app(poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        scenarios = app.screen.query_one("#home-scenarios", DataTable)
        listing = table_text(scenarios)
        for bundled in ("strait-incident", "border-crisis", "airspace-cyber"):
            assert bundled in listing
        broken_row = next(line for line in listing.splitlines() if line.startswith("broken"))
        assert "⚠" in broken_row and "broken.yaml:7:" in broken_row  # file:line:column of the typo
        sessions = table_text(app.screen.query_one("#home-sessions", DataTable))
        assert "earlier.wargame | strait-incident | exercise | 1" in sessions
        app.screen.query_one("#home-sessions").focus()
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session screen")
        await settle(pilot)
        assert app.screen.live.path.name == "earlier.wargame"
        assert app.screen.query_one("#views").active == "console"


async def test_home_starts_a_new_session_and_says_where(workdir: Path) -> None:
    app = create_app(poll_interval=None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        scenarios = app.screen.query_one("#home-scenarios", DataTable)
        scenarios.focus()
        keys = [scenarios.coordinate_to_cell_key((i, 0))[0].value for i in range(scenarios.row_count)]
        target = next(i for i, key in enumerate(keys) if key.endswith("strait-incident.yaml"))
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session screen")
        await settle(pilot)
        created = app.screen.live.path
        assert created.parent == workdir / "sessions" and created.name.startswith("strait-incident-")
        assert any(f"New session saved in sessions/{created.name}" == n.message for n in app._notifications)
    assert app.resume_lines() == [
        f"Session saved in sessions/{created.name}; resume with: "
        f"wargame play strait-incident --session sessions/{created.name}"]


def test_play_creates_a_session_and_prints_how_to_resume(workdir: Path, monkeypatch, capsys) -> None:
    ran = run_headless(monkeypatch)  # no terminal in tests
    assert cli.main(["play", "strait-incident"]) == 0
    (created,) = (workdir / "sessions").glob("strait-incident-*.wargame")
    (app, shown), = ran
    assert isinstance(shown, SessionScreen) and shown.live.path.name == created.name
    assert capsys.readouterr().out.strip() == (
        f"Session saved in sessions/{created.name}; resume with: "
        f"wargame play strait-incident --session sessions/{created.name}")
    assert cli.main(["play", "strait-incident", "--session", f"sessions/{created.name}"]) == 0
    assert f"sessions/{created.name}" in capsys.readouterr().out
    assert len(list((workdir / "sessions").glob("*.wargame"))) == 1  # resumed, not recreated


def test_play_refuses_a_session_of_another_scenario(workdir: Path, monkeypatch, capsys) -> None:
    Session.create(workdir / "other.wargame", resolve_scenario("border-crisis")).close()
    before = (workdir / "other.wargame").read_bytes()
    run_headless(monkeypatch)
    assert cli.main(["play", "strait-incident", "--session", "other.wargame"]) == 1
    out, error = capsys.readouterr()
    assert error == ("wargame: other.wargame is an exercise of border-crisis, not of strait-incident; "
                     "resume it with: wargame play border-crisis --session other.wargame\n")
    assert out == ""  # no line about resuming a session that was not opened
    assert (workdir / "other.wargame").read_bytes() == before



async def test_the_plan_shows_the_improvement_items_of_the_last_session(workdir: Path) -> None:
    with Session.create(workdir / "sessions" / "last-year.wargame", resolve_scenario("strait-incident")) as old:
        for phase in ("exercise", "assess", "adjust"):
            old.act("phase", {"to": phase})
        old.act("improve", {"issue": "Slow relay through Verdant", "action": "Drill relays monthly",
                            "owner": "Verdant", "due": "2027-03-01"})
    with Session.create(workdir / "sessions" / "other.wargame", resolve_scenario("border-crisis")) as other:
        for phase in ("exercise", "assess", "adjust"):
            other.act("phase", {"to": phase})
        other.act("improve", {"issue": "Not this scenario", "action": "Ignore"})
    session = Session.create(workdir / "sessions" / "this-year.wargame", resolve_scenario("strait-incident"))
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prior = app.screen.query_one("#plan-prior")
        await wait_until(pilot, lambda: "last-year.wargame" in str(prior.render()), "the earlier session")
        text = str(prior.render())
        assert "Slow relay through Verdant → Drill relays monthly" in text and "due 2027-03-01" in text
        assert "Not this scenario" not in text
