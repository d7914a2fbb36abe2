"""Sessions that may not be written: read-only folders and files, and a locked session.

Reading needs no write access: export and debrief work in a read-only folder (an archive,
a CD, a colleague's share) and leave nothing behind. Writing says clearly why it cannot.
Root ignores file modes, so as root the files are made immutable (``chattr +i``), which
the kernel refuses to root too; as anyone else, their write permission is removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from fixtures.engine.support import EXERCISE, SCENARIO, new_session
from wargame.cli import main
from wargame.engine import Session, session_file

NOTE = ("note", {"by": "facilitator", "text": "Crimson hesitated", "visibility": "public"})
NOTE_SCRIPT = "actions:\n  - note: {by: facilitator, text: one more, visibility: public}\n"


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """``paths`` cannot be written (nor, for a folder, added to) inside the block."""
    done: list[Path] = []
    try:
        for path in paths:
            if os.geteuid() == 0:
                if shutil.which("chattr") is None:
                    pytest.skip("running as root without chattr: no way to make a file read-only")
                result = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
                if result.returncode != 0:
                    pytest.skip(f"running as root on a file system without chattr +i: "
                                f"{result.stderr.decode(errors='replace').strip()}")
            else:
                path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)
            done.append(path)
        yield
    finally:
        for path in reversed(done):
            if os.geteuid() == 0:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o200)


@pytest.fixture
def archived(tmp_path) -> Path:
    """A closed session in a folder of its own (SQLite has checkpointed and removed -wal)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    new_session(folder, EXERCISE + [NOTE]).close()
    assert sorted(p.name for p in folder.iterdir()) == ["s.wargame"]
    return folder / "s.wargame"


def _script(tmp_path: Path) -> Path:
    script = tmp_path / "note.yaml"
    script.write_text(NOTE_SCRIPT, encoding="utf-8")
    return script


def test_export_and_debrief_read_a_session_in_a_read_only_folder(archived, tmp_path, capsys):
    with read_only(archived, archived.parent):
        assert main(["export", str(archived)]) == 0
        exported = capsys.readouterr().out
        assert main(["debrief", str(archived), "-o", str(tmp_path / "d.md")]) == 0
    assert '"phase": "exercise"' in exported
    assert "Crimson hesitated" in (tmp_path / "d.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in archived.parent.iterdir()) == ["s.wargame"]  # nothing left


def test_reading_a_session_changes_nothing_and_leaves_nothing_beside_it(archived, tmp_path,
                                                                       capsys):
    before = archived.read_bytes()
    assert main(["export", str(archived)]) == 0
    assert main(["debrief", str(archived), "-o", str(tmp_path / "d.md")]) == 0
    assert sorted(p.name for p in archived.parent.iterdir()) == ["s.wargame"]
    assert archived.read_bytes() == before


def test_a_reader_in_a_read_only_folder_sees_what_a_running_writer_has_not_checkpointed(
        tmp_path, capsys):
    writer = new_session(tmp_path, EXERCISE)
    writer.act(*NOTE)  # still in the -wal file: the writer is open
    assert (tmp_path / "s.wargame-wal").stat().st_size > 0
    try:
        with read_only(tmp_path):
            with Session.open(tmp_path / "s.wargame", read_only=True) as reader:
                assert [e.kind for e in reader.state.events] == ["phase", "note"]
    finally:
        writer.close()


def test_run_into_a_read_only_session_says_so_and_writes_nothing(archived, tmp_path, capsys):
    before = archived.read_bytes()
    with read_only(archived):
        code = main(["run", str(SCENARIO), "--script", str(_script(tmp_path)),
                     "--session", str(archived)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (f"wargame: {archived} is read-only: it cannot be written (check the "
                   "permissions of the file and of its folder)\n")
    assert archived.read_bytes() == before


def test_run_on_a_session_in_a_read_only_folder_says_why(archived, tmp_path, capsys):
    with read_only(archived.parent):
        code = main(["run", str(SCENARIO), "--script", str(_script(tmp_path)),
                     "--session", str(archived)])
    assert code == 1
    assert capsys.readouterr().err == (
        f"wargame: {archived} cannot be changed: its folder {archived.parent} is read-only (a "
        "session is written with files beside it); reading it, as export and debrief do, "
        "works\n")


def test_run_creating_a_session_in_a_read_only_folder_says_why(tmp_path, capsys):
    folder = tmp_path / "shelf"
    folder.mkdir()
    with read_only(folder):
        code = main(["run", str(SCENARIO), "--script", str(_script(tmp_path)),
                     "--session", str(folder / "new.wargame")])
    assert code == 1
    assert capsys.readouterr().err == (
        f"wargame: cannot create {folder / 'new.wargame'}: the folder {folder} is read-only "
        "(permission denied)\n")
    assert list(folder.iterdir()) == []


def test_a_session_locked_by_another_program_is_a_message(archived, tmp_path, capsys,
                                                          monkeypatch):
    monkeypatch.setattr(session_file, "BUSY_TIMEOUT_MS", 50)  # not the minute a user waits
    other = sqlite3.connect(archived, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    other.execute("INSERT INTO meta (key, value) VALUES ('other', 'program')")
    try:
        code = main(["run", str(SCENARIO), "--script", str(_script(tmp_path)),
                     "--session", str(archived)])
        assert main(["export", str(archived)]) == 0  # readers are never locked out
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert capsys.readouterr().err == (
        f"wargame: {archived} is locked by another program; try again when it has finished\n")


def _without_root_privilege() -> list[str]:
    """A prefix that runs a command as root minus the right to ignore file modes."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: root reads any file")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def test_an_unreadable_session_is_a_message(archived):
    archived.chmod(0)
    try:
        result = subprocess.run([*_without_root_privilege(), sys.executable, "-m", "wargame",
                                 "export", str(archived)], capture_output=True, text=True)
    finally:
        archived.chmod(0o600)
    assert result.returncode == 1
    assert result.stderr == f"wargame: cannot read {archived}: Permission denied\n"
