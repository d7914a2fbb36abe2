"""Presence: heartbeats in the session file, who counts as connected, when each last acted
(only what the viewer may know of), and the panel on real screens."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from test_delegation_support import POLL, new_session, until
from test_ui_support import settle

from wargame.engine import Session
from wargame.engine.presence import CONNECTED_WITHIN, ago_text, attendance, new_client_id
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.widgets.presence import PresencePanel


def by_viewer(entries):
    return {entry.viewer: entry for entry in entries}


def test_heartbeats_are_shared_through_the_file_and_leaving_removes_the_row(tmp_path: Path) -> None:
    one = new_session(tmp_path)
    two = Session.open(one.path)
    azure, crimson = new_client_id(), new_client_id()
    assert one.heartbeat("azure", azure)
    assert two.heartbeat("crimson", crimson)
    assert two.heartbeat("crimson", crimson)  # a second beat updates, it does not add
    rows = {row.client: row for row in one.presence()}
    assert set(rows) == {azure, crimson}
    assert rows[crimson].viewer == "crimson" and rows[crimson].pid == os.getpid()
    assert rows[crimson].last_seen >= rows[crimson].started
    two.leave(crimson)
    assert [row.client for row in one.presence()] == [azure]
    one.close()
    two.close()


def test_connected_means_a_recent_heartbeat(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.heartbeat("azure", "a1")
    session.heartbeat("azure", "a2")
    session.heartbeat("crimson", "c1")
    rows = session.presence()
    seen = max(row.last_seen for row in rows)
    now = by_viewer(attendance(session.state, rows, "control", seen + 1))
    assert now["azure"].connected and now["azure"].screens == 2
    assert now["crimson"].connected and not now["verdant"].connected
    assert not now["public"].connected
    later = by_viewer(attendance(session.state, rows, "control", seen + CONNECTED_WITHIN + 1))
    assert not later["azure"].connected and later["azure"].last_seen == pytest.approx(seen, abs=1)
    session.close()


def test_last_acted_counts_only_what_the_viewer_may_know_of(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    public = session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                                  "text": "Seen by all"}, actor="azure")
    secret = session.act("move", {"by": "crimson", "type": "naval-patrol", "target": "azure",
                                  "text": "Quiet", "visibility": "private"}, actor="crimson")
    session.act("adjudicate", {"move": "m1", "decision": "approve"})  # others see it now
    now = secret.ts + 60

    def acted(viewer: str) -> dict:
        return {e.viewer: e.last_acted for e in attendance(session.state, [], viewer, now)}

    assert acted("azure")["azure"] == public.ts
    assert acted("azure")["crimson"] is None  # crimson's only act is private
    assert acted("verdant")["crimson"] is None
    assert acted("crimson")["crimson"] == secret.ts
    assert acted("control")["crimson"] == secret.ts
    assert acted("public")["azure"] == public.ts
    assert acted("azure")["control"] is not None  # the phase change is everyone's
    session.close()


def test_ago_text_reads_like_a_person_would_say_it() -> None:
    assert ago_text(None) == "never"
    assert ago_text(3) == "just now"
    assert ago_text(42) == "42 s ago"
    assert ago_text(150) == "2 min ago"
    assert ago_text(7300) == "2 h ago"


def test_an_older_session_file_gets_the_presence_table_when_opened(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    path = session.path
    session.close()
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE presence")
    reopened = Session.open(path)
    assert reopened.heartbeat("azure", "x")
    assert [row.viewer for row in reopened.presence()] == ["azure"]
    reopened.close()


def test_a_read_only_session_still_opens_without_presence(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"})
    path = session.path
    session.close()
    path.chmod(stat.S_IRUSR)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user (root) who can write read-only files")
        reopened = Session.open(path)
        assert reopened.state.phase == "exercise"
        assert reopened.heartbeat("azure", "x") is False
        assert reopened.presence() == []
        reopened.close()
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


async def test_the_panel_shows_another_screen_connecting_and_leaving(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    path = session.path
    azure = create_viewer_app(Session.open(path), "azure", poll_interval=POLL,
                              presence_interval=0.1)
    async with azure.run_test(size=(120, 40)) as pilot:
        panel = azure.screen.query_one(PresencePanel)

        def line(viewer: str) -> str:
            name = {"azure": "Republic of Azure", "crimson": "Crimson Federation"}[viewer]
            text = str(panel.render())
            return next((l for l in text.splitlines() if name in l), "")

        await until(pilot, lambda: "● online" in line("azure") and "(you)" in line("azure"),
                    "azure sees itself online")
        assert "○ away" in line("crimson")
        crimson = create_viewer_app(Session.open(path), "crimson", poll_interval=POLL,
                                    presence_interval=0.1)
        async with crimson.run_test(size=(120, 40)) as other:
            await until(pilot, lambda: "● online" in line("crimson"), "azure sees crimson come")
            await settle(other)
        # crimson's screen closed cleanly: its row is gone at once, no need to wait 6 s
        assert {row.viewer for row in session.presence()} == {"azure"}
        await until(pilot, lambda: "○ away" in line("crimson"), "azure sees crimson leave")
    assert session.presence() == []
    session.close()


async def test_the_panel_works_in_the_facilitators_console_too(tmp_path: Path) -> None:
    """What the lead's one line adds to the console: a panel on the console's LiveSession."""
    from textual.app import App, ComposeResult

    from wargame.ui.live import LiveSession

    session = new_session(tmp_path)
    azure = Session.open(session.path)
    azure.heartbeat("azure", "azure-screen")
    live = LiveSession(session)

    class Console(App[None]):
        def compose(self) -> ComposeResult:
            yield PresencePanel(live, "control", interval=0.1, id="full")
            yield PresencePanel(live, "control", interval=0.1, compact=True, id="line")

    async with Console().run_test() as pilot:
        panel = pilot.app.query_one("#full", PresencePanel)
        await until(pilot, lambda: "Control (facilitator)" in str(panel.render()), "the panel draws")
        lines = str(panel.render()).splitlines()
        assert any("● online" in l and "Control" in l and "(you)" in l for l in lines)
        assert any("● online" in l and "Republic of Azure" in l for l in lines)
        assert {row.viewer for row in azure.presence()} == {"control", "azure"}
        line = pilot.app.query_one("#line", PresencePanel)
        await until(pilot, lambda: "● azure" in str(line.render()), "the one-line panel draws")
        assert "○ crimson away" in str(line.render()) and "projector" not in str(line.render())
        assert "\n" not in str(line.render())
    assert {row.viewer for row in azure.presence()} == {"azure"}
    azure.close()
    session.close()
