"""``-o FILE``: written atomically, through symbolic links, to devices, with the umask's mode."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.engine.support import EXERCISE, new_session
from wargame.cli import main
from wargame.errors import WargameError
from wargame.output import OutputExists, write_output


@pytest.fixture
def session(tmp_path) -> Path:
    new_session(tmp_path, EXERCISE).close()
    return tmp_path / "s.wargame"


def _with_umask(mask: int, target: Path, text: str) -> None:
    previous = os.umask(mask)
    try:
        write_output(target, text)
    finally:
        os.umask(previous)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, mask, mode):
    target = tmp_path / "report.md"
    _with_umask(mask, target, "text")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text(encoding="utf-8") == "text"


def test_replacing_a_file_keeps_its_mode_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    _with_umask(0o077, target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_symbolic_link_is_written_through_not_replaced(tmp_path):
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    assert write_output(link, "new") is True
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "next.md"
    dangling.symlink_to(tmp_path / "reports" / "next.md")
    write_output(dangling, "first")
    assert dangling.is_symlink() and (tmp_path / "reports" / "next.md").read_text() == "first"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("the old report", encoding="utf-8")

    def disc_full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disc_full)
    with pytest.raises(WargameError) as refused:
        write_output(target, "the new report")
    assert str(refused.value) == f"cannot write {target}: No space left on device"
    assert target.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null")
def test_dev_null_is_written_to_and_stays_a_device():
    before = os.stat("/dev/null")
    assert write_output("/dev/null", "discarded") is False
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full")
def test_dev_full_is_a_clear_error_and_stays_a_device():
    before = os.stat("/dev/full")
    with pytest.raises(WargameError) as refused:
        write_output("/dev/full", "x" * 100_000)
    assert str(refused.value) == "cannot write /dev/full: No space left on device"
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_refusals_name_the_target(tmp_path):
    with pytest.raises(WargameError, match=f"cannot write {tmp_path}: it is a folder"):
        write_output(tmp_path, "x")
    missing = tmp_path / "no" / "r.md"
    with pytest.raises(WargameError, match=f"cannot write {missing}: no folder"):
        write_output(missing, "x")
    (tmp_path / "kept.md").write_text("kept")
    with pytest.raises(OutputExists):
        write_output(tmp_path / "kept.md", "x", replace=False)
    assert (tmp_path / "kept.md").read_text() == "kept"


@pytest.mark.parametrize("command", ["export", "debrief"])
def test_the_output_is_never_written_over_the_session(session, capsys, command):
    link = session.parent / "alias.wargame"
    link.symlink_to(session)
    before = session.read_bytes()
    for target in (session, link):
        assert main([command, str(session), "-o", str(target)]) == 1
    assert session.read_bytes() == before
    assert "refusing to write over" in capsys.readouterr().err


@pytest.mark.parametrize("command, marker", [("export", '"phase": "exercise"'),
                                             ("debrief", "# After-Action Report")])
def test_dash_o_dev_stdout_prints_the_output(session, command, marker):
    args = [command, str(session), "-o", "/dev/stdout"]
    if command == "debrief":
        args += ["--format", "md"]
    result = subprocess.run([sys.executable, "-m", "wargame", *args], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    assert "wrote" not in result.stdout  # the confirmation goes to stderr, not into the data


def test_export_to_a_file_says_where(session, tmp_path, capsys):
    target = tmp_path / "export.json"
    assert main(["export", str(session), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote the export to {target}\n"
    assert '"phase": "exercise"' in target.read_text(encoding="utf-8")
