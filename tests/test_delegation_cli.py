"""``wargame play SCENARIO --session FILE --as VIEWER``: who may open what, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_delegation_support import new_session

from wargame.cli import main
from wargame.errors import WargameError
from wargame.ui.delegation import app as viewer_app


class FakeApp:
    """Stands in for the app: opens the session as the app does once its first frame is
    drawn, and records whose screen would open on which session (or the input's error)."""

    opened: list[tuple[str | None, Path]] = []
    return_code = 0
    crash = None

    def __init__(self, session, viewer, *, opener, **kwargs) -> None:
        self.viewer, self.opener, self.failure = viewer, opener, None

    def run(self) -> None:
        try:
            session, created = self.opener()
        except WargameError as error:
            self.failure = error  # the app closes and the command reports it
            return
        assert not created
        FakeApp.opened.append((self.viewer, session.path))
        session.close()

    def resume_lines(self) -> list[str]:
        return []


@pytest.fixture
def fake_app(monkeypatch):
    FakeApp.opened = []
    monkeypatch.setattr(viewer_app, "create_viewer_app", FakeApp)
    return FakeApp


@pytest.mark.parametrize("viewer", ["azure", "verdant", "public"])
def test_as_opens_that_viewers_screen_on_the_existing_session(tmp_path: Path, fake_app,
                                                              viewer: str) -> None:
    path = new_session(tmp_path).path
    assert main(["play", "strait-incident", "--session", str(path), "--as", viewer]) == 0
    assert fake_app.opened == [(viewer, path)]


def test_the_hidden_option_asks_who_first(tmp_path: Path, fake_app) -> None:
    path = new_session(tmp_path).path
    assert main(["play", "strait-incident", "--session", str(path), "--choose-viewer"]) == 0
    assert fake_app.opened == [(None, path)]


def test_as_needs_a_session(fake_app, capsys) -> None:
    assert main(["play", "strait-incident", "--as", "azure"]) == 1
    assert "--as azure needs --session FILE" in capsys.readouterr().err
    assert fake_app.opened == []


def test_as_needs_the_session_to_exist(tmp_path: Path, fake_app, capsys) -> None:
    missing = tmp_path / "nope.wargame"
    assert main(["play", "strait-incident", "--session", str(missing), "--as", "azure"]) == 1
    err = capsys.readouterr().err
    assert f"no session file at {missing}" in err and "wargame play strait-incident" in err
    assert not missing.exists()  # a delegation never creates the facilitator's session


def test_an_unknown_viewer_is_refused_with_a_hint(tmp_path: Path, fake_app, capsys) -> None:
    path = new_session(tmp_path).path
    assert main(["play", "strait-incident", "--session", str(path), "--as", "azur"]) == 1
    err = capsys.readouterr().err
    assert "unknown viewer 'azur'" in err and "azure" in err
    assert fake_app.opened == []


def test_a_session_of_another_scenario_is_refused(tmp_path: Path, fake_app, capsys) -> None:
    path = new_session(tmp_path).path
    assert main(["play", "border-crisis", "--session", str(path), "--as", "azure"]) == 1
    assert "is an exercise of strait-incident" in capsys.readouterr().err


@pytest.mark.parametrize("viewer", ["control", "facilitator"])
def test_as_control_is_the_facilitators_console(tmp_path: Path, monkeypatch, viewer: str) -> None:
    import wargame.ui.app

    opened = []

    class Console(FakeApp):
        def __init__(self, session=None, *, opener, **kwargs) -> None:
            super().__init__(session, "console", opener=opener)

        def run(self) -> None:
            session, _ = self.opener()  # as the console does once its first frame is drawn
            opened.append(session.path)
            session.close()

    monkeypatch.setattr(wargame.ui.app, "create_app", Console)
    path = new_session(tmp_path).path
    assert main(["play", "strait-incident", "--session", str(path), "--as", viewer]) == 0
    assert opened == [path]
