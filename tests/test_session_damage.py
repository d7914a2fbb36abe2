"""Damaged session files: every command ends in a message naming the file, never a crash.

Sessions are damaged three ways, all seeded so a failure replays: bytes flipped at random
offsets (page headers and anywhere), the file cut short at many lengths, and bad rows
written with sqlite3; and files that are not sessions take a session's name. Each is then
exported, debriefed, appended to with ``run``, opened as ``play`` opens it, and looked
back to from a healthy session beside it.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from fixtures.engine.support import EXERCISE, SCENARIO, new_session
from wargame.cli import main
from wargame.commands.play import open_session
from wargame.engine.history import open_previous
from wargame.errors import WargameError

PAGE = 4096
BASE_ACTIONS = EXERCISE + [
    ("move", {"id": "m1", "by": "azure", "type": "patrol", "target": "crimson",
              "text": "Patrol near the buoy"}),
    ("adjudicate", {"move": "m1", "decision": "approve"}),
    ("note", {"by": "facilitator", "text": "Crimson hesitated", "visibility": "public"}),
    ("next-turn", {}),
]
NOTE_SCRIPT = "actions:\n  - note: {by: facilitator, text: one more, visibility: public}\n"

# Rows a damaged or hand-edited file may hold that SQLite itself accepts. The first list
# cannot be replayed, so the session is refused; the second is replayed, the bad event void.
REFUSED_ROWS = {
    "payload-not-json": "UPDATE events SET payload = '{not json' WHERE seq = 2",
    "payload-a-list": "UPDATE events SET payload = '[1, 2]' WHERE seq = 2",
    "payload-a-number": "UPDATE events SET payload = 5 WHERE seq = 2",
    "payload-not-utf8": "UPDATE events SET payload = CAST(x'7b22a0ff7d' AS TEXT) WHERE seq = 2",
    "payload-a-blob": "UPDATE events SET payload = x'7b7d' WHERE seq = 2",
    "payload-infinite-at": "UPDATE events SET payload = '{\"at\": 1e999}' WHERE seq = 2",
    "payload-text-at": "UPDATE events SET payload = '{\"at\": \"soon\"}' WHERE seq = 2",
    "ts-text": "UPDATE events SET ts = 'yesterday' WHERE seq = 2",
    "ts-blob": "UPDATE events SET ts = x'00ff' WHERE seq = 2",
    "ts-infinite": "UPDATE events SET ts = 9e999 WHERE seq = 2",
    "meta-not-utf8": "UPDATE meta SET value = CAST(x'a0ff' AS TEXT) WHERE key = 'scenario_id'",
    "meta-a-blob": "UPDATE meta SET value = x'00' WHERE key = 'scenario_yaml'",
    "meta-no-scenario": "DELETE FROM meta WHERE key = 'scenario_yaml'",
    "meta-bad-yaml": "UPDATE meta SET value = '[: x' WHERE key = 'scenario_yaml'",
    "meta-no-marker": "DELETE FROM meta WHERE key = 'format'",
    "no-events-table": "DROP TABLE events",
    "no-meta-table": "DROP TABLE meta",
    "events-of-another-shape": "ALTER TABLE events RENAME TO old; CREATE TABLE events (x)",
}
TOLERATED_ROWS = {
    "unknown-kind": "UPDATE events SET kind = 'explode' WHERE seq = 3",
    "unknown-actor": "UPDATE events SET actor = 5 WHERE seq = 2",  # TEXT affinity: '5'
    "move-missing-keys": "UPDATE events SET payload = '{\"at\": null}' WHERE seq = 2",
    "move-wrong-types": "UPDATE events SET payload = json_set(payload, '$.by', json('[1]'),"
                        " '$.text', 7) WHERE seq = 2",
    "note-text-a-number": "UPDATE events SET payload = json_set(payload, '$.text', 1.5) "
                          "WHERE seq = 4",
    "retract-without-reason": "INSERT INTO events (ts, actor, kind, payload) VALUES "
                              "(1e9, 'facilitator', 'retract', '{\"event\": 2}')",
    "retract-of-a-list": "INSERT INTO events (ts, actor, kind, payload) VALUES "
                         "(1e9, 'facilitator', 'retract', '{\"event\": [2], \"reason\": \"x\"}')",
}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("base")
    new_session(folder, BASE_ACTIONS).close()
    return folder / "s.wargame"


def _flipped(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.5:  # a page header: what SQLite reads first on every page
            offset = rng.randrange(len(data) // PAGE) * PAGE + rng.randrange(12)
            offset = max(offset, 100)  # past the file header, which is checked separately
        else:
            offset = rng.randrange(len(data))
        damaged[offset] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def _damaged(base: Path, folder: Path, kind: str, how: str | int) -> Path:
    path = folder / f"{kind}-{how}.wargame"
    data = base.read_bytes()
    if kind == "flip":
        path.write_bytes(_flipped(data, int(how)))
    elif kind == "cut":
        path.write_bytes(data[: int(how)])
    elif kind == "foreign":
        _foreign(path, str(how))
    else:
        shutil.copyfile(base, path)
        db = sqlite3.connect(path)
        db.executescript({**REFUSED_ROWS, **TOLERATED_ROWS}[str(how)])
        db.close()
    return path


FOREIGN = ("empty", "text", "png", "sqlite-of-another-program", "marked-but-empty", "folder")


def _foreign(path: Path, how: str) -> None:
    """Files that are not sessions, or not wargame's, under a session's name."""
    if how == "folder":
        path.mkdir()
    elif how in ("empty", "text", "png"):
        path.write_bytes({"empty": b"", "text": b"actions:\n  - phase: exercise\n",
                          "png": b"\x89PNG\r\n\x1a\n" + bytes(200)}[how])
    else:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)")
        if how == "marked-but-empty":  # wargame's application id, nothing else of a session
            db.execute("DROP TABLE events")
            db.execute("PRAGMA application_id = 1464290629")
        db.commit()
        db.close()


def _cuts(size: int) -> list[int]:
    return sorted({1, 16, 99, 100, 101, 1024, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE, size // 2,
                   size - PAGE - 1, size - PAGE, size - 1})


def _cases(size: int) -> list[tuple[str, str | int]]:
    return ([("flip", seed) for seed in range(40)] + [("cut", n) for n in _cuts(size)]
            + [("row", name) for name in [*REFUSED_ROWS, *TOLERATED_ROWS]]
            + [("foreign", how) for how in FOREIGN])


SIZE_OF_BASE = 9 * PAGE  # checked below, so that the cut lengths stay meaningful


def test_the_base_session_has_the_size_the_cases_assume(base):
    assert base.stat().st_size == SIZE_OF_BASE


def _command_outcome(argv: list[str], capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().err


def _check_ends_in_a_message(code: int, err: str, path: Path) -> None:
    assert "internal error" not in err and "Traceback" not in err, err
    assert code in (0, 1), err
    if code == 1:
        assert str(path) in err, err


@pytest.mark.parametrize("kind, how", _cases(SIZE_OF_BASE))
def test_every_command_ends_in_a_message(base, tmp_path, capsys, kind, how):
    path = _damaged(base, tmp_path, kind, how)
    script = tmp_path / "note.yaml"
    script.write_text(NOTE_SCRIPT, encoding="utf-8")
    outcomes = {}
    for name, argv in {
        "export": ["export", str(path), "-o", str(tmp_path / "out.json")],
        "debrief": ["debrief", str(path), "-o", str(tmp_path / "out.md")],
        "run": ["run", str(SCENARIO), "--script", str(script), "--session", str(path)],
    }.items():
        code, err = _command_outcome(argv, capsys)
        _check_ends_in_a_message(code, err, path)
        outcomes[name] = code
    try:
        session, _ = open_session(str(SCENARIO), str(path))  # as `wargame play` opens it
    except WargameError as error:
        assert str(path) in str(error)
    else:
        session.close()
    if kind in ("cut", "foreign") or how in REFUSED_ROWS:
        assert outcomes == {"export": 1, "debrief": 1, "run": 1}
    if how in TOLERATED_ROWS:
        assert outcomes == {"export": 0, "debrief": 0, "run": 0}


def test_damaged_neighbours_are_skipped_when_looking_back(tmp_path, capsys):
    earlier = new_session(tmp_path, BASE_ACTIONS, name="earlier.wargame")
    earlier.close()
    source = tmp_path / "source"
    source.mkdir()
    new_session(source, BASE_ACTIONS).close()  # later than ``earlier``: tried first
    damaged = [_damaged(source / "s.wargame", tmp_path, kind, how)
               for kind, how in _cases(SIZE_OF_BASE)
               if kind in ("cut", "foreign") or how in REFUSED_ROWS]
    current = new_session(tmp_path, BASE_ACTIONS, name="zz-current.wargame")
    current.close()
    skipped: list[Path] = []

    previous = open_previous("fixture-strait", tmp_path, exclude=current.path,
                             before=current.state.events[-1].ts,
                             on_skip=lambda path, why: skipped.append(path))
    assert previous is not None and previous.path == earlier.path
    previous.close()
    assert sorted(skipped) == sorted(damaged)

    code, err = _command_outcome(["debrief", str(current.path), "-o", str(tmp_path / "r.md")],
                                 capsys)
    assert code == 0, err
    assert "internal error" not in err
    warnings = [line for line in err.splitlines() if line.startswith("wargame: warning: ")]
    assert len(warnings) == len(damaged), err
    assert all(f"skipped {path} while looking for the previous session: " in err
               for path in damaged)
    assert "earlier.wargame" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_a_corrupted_neighbour_no_longer_breaks_the_debrief_of_a_healthy_session(tmp_path,
                                                                                 capsys):
    """The case that was found: a neighbour whose middle event is not UTF-8."""
    old = new_session(tmp_path, BASE_ACTIONS, name="old.wargame")
    old.close()
    db = sqlite3.connect(old.path)
    db.execute("UPDATE events SET payload = CAST(x'7b22a0ff7d' AS TEXT) WHERE seq = 2")
    db.commit()
    db.close()
    current = new_session(tmp_path, BASE_ACTIONS, name="new.wargame")
    current.close()

    code, err = _command_outcome(["debrief", str(current.path), "-o", str(tmp_path / "d.md")],
                                 capsys)
    assert code == 0
    assert err == (f"wargame: warning: skipped {old.path} while looking for the previous "
                   f"session: {old.path} is damaged: it holds text that is not valid UTF-8\n")
    assert (tmp_path / "d.md").read_text(encoding="utf-8").startswith("# After-Action Report")
