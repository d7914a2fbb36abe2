"""The live model (wargame.engine.live, wargame.ui.live) and what happens when the app crashes.

Every screen holds a LiveSession handle; after each commit and each refresh that found
something it hands out a Snapshot that later folds never change, so the UI thread reads
it without a lock. A bug in the app must not pass unnoticed: the command says where the
session is and how to resume it, writes the traceback to a log and exits 1.
"""

from __future__ import annotations

from pathlib import Path

from test_delegation_support import new_session
from test_ui_support import settle

from wargame.commands import running
from wargame.engine import Session
from wargame.engine.live import LiveSession
from wargame.ui.app import WargameApp
from wargame.ui.messages import SessionChanged
from wargame.ui.screens.session import SessionScreen


def test_a_snapshot_never_changes_after_it_was_handed_out(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    live = LiveSession(session)
    event, pending = live.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                                       "text": "Patrol"})
    assert pending.kinds == {"move"} and pending.events == (event,)
    _, decided = live.act("adjudicate", {"move": "m1", "decision": "approve"})
    assert pending.state.moves["m1"].status == "pending"  # the older copy is untouched
    assert decided.state.moves["m1"].status == "approved"
    assert decided.version > pending.version
    assert session.state.moves["m1"] is not decided.state.moves["m1"]  # a copy, not the engine's


def test_a_delegation_handle_sees_only_its_view_and_what_others_appended(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    crimson = LiveSession(Session.open(session.path), "crimson")
    assert crimson.refresh() is None  # nothing new: no snapshot, no redraw
    session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                         "text": "Secret", "visibility": "private"}, actor="azure")
    session.act("hotline", {"from": "azure", "to": "crimson", "text": "Hello"}, actor="azure")
    snapshot = crimson.refresh()
    assert snapshot is not None and snapshot.kinds == {"move", "hotline"}
    assert snapshot.events == ()  # the log itself stays with control
    assert not snapshot.state.moves and list(snapshot.state.messages) == ["h1"]
    crimson.close()


async def test_an_older_snapshot_arriving_late_is_not_drawn(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    app = WargameApp(session, poll_interval=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        old = screen.snapshot
        screen.act("next-turn", {})
        await settle(pilot)
        assert screen.state.turn == 2
        screen.post_message(SessionChanged(old))
        await settle(pilot)
        assert screen.state.turn == 2 and screen.snapshot.version > old.version


class CrashingApp(WargameApp):
    """The console with a bug: a timer that raises once the console is up."""

    def on_mount(self) -> None:
        super().on_mount()
        self.set_timer(0.05, self.bug)

    def bug(self) -> None:
        raise RuntimeError("a bug")

    def run(self, **_: object) -> None:
        super().run(headless=True, size=(100, 30))


def test_a_crash_says_how_to_resume_logs_the_details_and_exits_1(tmp_path: Path, capsys,
                                                                 monkeypatch) -> None:
    log = tmp_path / "crash.log"
    monkeypatch.setattr(running, "crash_log_path", lambda: log)
    session = new_session(tmp_path)
    code = running.run_app(CrashingApp(session, scenario_ref="strait-incident"))
    said = capsys.readouterr()
    assert code == 1
    assert "unexpected error" in said.err
    assert f"wargame play strait-incident --session {session.path}" in said.err
    assert str(log) in said.err
    assert "Traceback" not in said.err + said.out  # the details go to the log only
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")


async def test_a_note_redraws_the_timeline_only(tmp_path: Path, monkeypatch) -> None:
    from wargame.ui.widgets.console import ConsoleView
    from wargame.ui.widgets.timeline import EventLog

    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    situation = []
    original = ConsoleView._show_situation
    monkeypatch.setattr(ConsoleView, "_show_situation",
                        lambda self, *args: (situation.append(1), original(self, *args)))
    app = WargameApp(session, poll_interval=None)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        drawn = len(situation)
        log = app.screen.query_one(EventLog)
        app.screen.act("note", {"by": "facilitator", "text": "a note", "visibility": "private"})
        await settle(pilot)
        assert log.shown_count == 2 and len(situation) == drawn  # the panels were spared
        app.screen.act("next-turn", {})
        await settle(pilot)
        assert log.shown_count == 3 and len(situation) == drawn + 1


def test_the_console_tick_before_its_panels_have_mounted(tmp_path: Path) -> None:
    """The once-a-second tick can fire between the console being added and its panels
    mounting (it raised NoMatches for HotlinePanel on the first phase change)."""
    from wargame.ui.widgets.console import ConsoleView

    session = new_session(tmp_path)
    console = ConsoleView(id="console-view")
    console.tick(session.state, 0.0)  # raised NoMatches before
    assert not console.children  # nothing drawn or built ahead of its own compose


def test_crash_logs_go_to_the_users_own_folder_one_per_crash_owner_only(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(running, "CRASH_LOGS_KEPT", 3)
    stamps = iter(range(100))
    monkeypatch.setattr(running, "crash_log_path", lambda: running.crash_log_folder()
                        / f"crash-{next(stamps):03}.log")
    logs = [running.write_crash_log(f"bug {n}") for n in range(5)]
    folder = tmp_path / "state" / "wargame" / "crashes"
    assert all(log.parent == folder for log in logs)
    assert logs[-1].read_text(encoding="utf-8") == "bug 4"
    assert oct(logs[-1].stat().st_mode & 0o777) == oct(0o600)
    assert len(list(folder.glob("crash-*.log"))) == 3  # the oldest two were removed


def test_a_crash_log_falls_back_to_a_new_temporary_file(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setattr(running.tempfile, "tempdir", str(tmp_path))
    log = running.write_crash_log("the details")
    assert log.parent == tmp_path and log.name.startswith("wargame-crash-")
    assert log.read_text(encoding="utf-8") == "the details"


def test_a_fallback_crash_log_leaves_other_files_in_the_temporary_folder_alone(
        tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setattr(running.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(running, "CRASH_LOGS_KEPT", 1)
    others = [tmp_path / f"crash-{n}.log" for n in range(3)]  # another program's logs
    for other in others:
        other.write_text("theirs", encoding="utf-8")
    running.write_crash_log("ours")
    assert all(other.exists() for other in others)
