"""The store under real processes: SIGKILLed writers lose nothing they reported committed,
and concurrent writers neither lose nor duplicate events."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections import Counter

from fixtures.engine.support import EXERCISE, WRITER, new_session
from wargame.engine import Session


def _writer(path, label: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), str(path), label, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check_log(path) -> Session:
    session = Session.open(path)
    seqs = [event.seq for event in session.state.events]
    assert seqs == list(range(1, len(seqs) + 1)), "seqs are not contiguous"
    assert session.state.void == {}, "an event no longer folds"
    return session


def test_a_killed_writer_loses_no_committed_event(tmp_path):
    path = tmp_path / "s.wargame"
    new_session(tmp_path, EXERCISE).close()
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    reported: set[int] = set()
    for round_ in range(10):
        writer = _writer(path, f"w{round_}", 1_000_000)
        wanted = rng.randint(1, 400)
        for _ in range(wanted):
            line = writer.stdout.readline()
            assert line, f"writer stopped early (seed {seed}): {writer.stderr.read()}"
            reported.add(int(line))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        # Lines written before the kill were acknowledged commits too.
        reported.update(int(line) for line in writer.stdout.read().split())
        writer.stdout.close()
        writer.stderr.close()
        session = _check_log(path)
        present = {event.seq for event in session.state.events}
        missing = reported - present
        assert not missing, f"committed events lost after kill {round_} (seed {seed}): {missing}"
        session.close()
    assert len(reported) >= 10


def test_four_writers_at_once_lose_and_duplicate_nothing(tmp_path):
    path = tmp_path / "s.wargame"
    new_session(tmp_path, EXERCISE).close()
    count = 200
    writers = {f"w{i}": _writer(path, f"w{i}", count) for i in range(4)}
    reported: dict[str, list[int]] = {}
    for label, writer in writers.items():
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        reported[label] = [int(line) for line in out.split()]
    session = _check_log(path)
    events = session.state.events
    assert len(events) == 1 + 4 * count
    all_reported = [seq for seqs in reported.values() for seq in seqs]
    assert len(set(all_reported)) == len(all_reported) == 4 * count
    by_seq = {event.seq: event for event in events}
    for label, seqs in reported.items():
        texts = [by_seq[seq].payload.get("text") or by_seq[seq].payload.get("note")
                 for seq in seqs]
        assert all(text.startswith(f"{label} ") for text in texts)
        assert len(seqs) == count and seqs == sorted(seqs)
    # Ids the engine assigned while the writers raced are unique, and every move that a
    # writer adjudicated is approved.
    assert len(session.state.moves) == 4 * count // 4
    assert all(move.status == "approved" for move in session.state.moves.values())
    assert len(session.state.messages) == 4 * count // 4
    labels = Counter(m.text.split()[0] for m in session.state.messages.values())
    assert labels == {label: count // 4 for label in writers}
    session.close()
