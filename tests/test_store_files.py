"""The session file: what it keeps, and what it refuses to open."""

from __future__ import annotations

import sqlite3

import pytest

from fixtures.engine.support import EXERCISE, SCENARIO, new_session
from wargame.engine import Session
from wargame.engine.store import APPLICATION_ID, SCHEMA_VERSION, Store
from wargame.errors import SessionError


def test_a_session_keeps_the_scenario_text_it_was_created_from(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    scenario = folder / "fixture-strait.yaml"
    scenario.write_text(SCENARIO.read_text())
    (folder / "fixture-ladder.yaml").write_text((SCENARIO.parent / "fixture-ladder.yaml")
                                                .read_text())
    with Session.create(tmp_path / "s.wargame", scenario) as session:
        session.act("phase", {"to": "exercise"})
    scenario.write_text("this is no longer a scenario: [")
    (folder / "fixture-ladder.yaml").unlink()
    with Session.open(tmp_path / "s.wargame") as reopened:
        assert reopened.scenario.id == "fixture-strait"
        assert reopened.state.phase == "exercise"
        assert reopened.meta["scenario_yaml"] == SCENARIO.read_text()


def test_the_file_is_marked_as_a_wargame_session(tmp_path):
    new_session(tmp_path, EXERCISE).close()
    db = sqlite3.connect(tmp_path / "s.wargame")
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    keys = {k for (k,) in db.execute("SELECT key FROM meta")}
    assert {"format", "schema_version", "created", "scenario_id", "scenario_file",
            "scenario_yaml", "rulebook_file", "rulebook_yaml"} <= keys
    assert db.execute("SELECT seq, actor, kind FROM events").fetchall() == [
        (1, "facilitator", "phase")]


@pytest.mark.parametrize("content, message", [
    (b"", "is empty, not a wargame session"),
    (b"actions:\n  - phase: exercise\n", "is not a wargame session (not an SQLite database)"),
    (b"\x00" * 4096, "is not a wargame session (not an SQLite database)"),
])
def test_a_file_that_is_not_a_session_is_refused(tmp_path, content, message):
    path = tmp_path / "x.wargame"
    path.write_bytes(content)
    with pytest.raises(SessionError) as refused:
        Session.open(path)
    assert str(refused.value) == f"{path} {message}"
    assert path.read_bytes() == content  # left untouched


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE events (x)")
    db.commit()
    db.close()
    with pytest.raises(SessionError, match="is an SQLite database but not a wargame session"):
        Session.open(path)


def test_a_session_from_a_newer_wargame_is_refused(tmp_path):
    new_session(tmp_path).close()
    db = sqlite3.connect(tmp_path / "s.wargame")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(SessionError) as refused:
        Session.open(tmp_path / "s.wargame")
    assert "was written by a newer wargame (session schema 2; this version reads up to 1)" in (
        str(refused.value))


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(SessionError, match="no session file at"):
        Session.open(tmp_path / "nothing.wargame")
    with pytest.raises(SessionError, match="is not a file"):
        Session.open(tmp_path)
    assert not (tmp_path / "nothing.wargame").exists()


def test_create_never_overwrites_and_leaves_no_temporary_file(tmp_path):
    new_session(tmp_path).close()
    with pytest.raises(SessionError, match="already exists"):
        Session.create(tmp_path / "s.wargame", SCENARIO)
    assert sorted(p.name for p in tmp_path.iterdir() if "creating" in p.name) == []


def test_open_or_create_opens_an_existing_session(tmp_path):
    new_session(tmp_path, EXERCISE).close()
    with Session.open_or_create(tmp_path / "s.wargame", SCENARIO) as session:
        assert session.state.phase == "exercise"
    with Session.open_or_create(tmp_path / "new.wargame", SCENARIO) as session:
        assert session.state.phase == "plan"


def test_latest_seq_follows_other_connections(tmp_path):
    new_session(tmp_path, EXERCISE).close()
    reader = Store.open(tmp_path / "s.wargame")
    assert reader.latest_seq() == 1
    with Session.open(tmp_path / "s.wargame") as writer:
        writer.act("note", {"by": "facilitator", "text": "x"})
    assert reader.latest_seq() == 2
    assert [e.kind for e in reader.read_after(1)] == ["note"]
    reader.close()
