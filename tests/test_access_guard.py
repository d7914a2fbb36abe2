"""Access codes that hold: failures count per viewer across connections (in the session
file), with a growing wait, a lockout control lifts, a log with time and address, and a
cap on the screens open per viewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_delegation_support import new_session

from wargame.cli import main
from wargame.commands.serve_address import client_address
from wargame.engine.access import ALPHABET, CODE_LENGTH, access_codes, check_code
from wargame.engine.access_guard import (
    LOCKOUT_AFTER, MAX_CONNECTIONS, AccessGuard, check_attempt, delay_after, open_screens,
)
from wargame.engine.presence import PresenceBoard


def attempt(session, path: Path, typed: str, now: float, address: str = "10.0.0.7"):
    """One connection's attempt: a guard of its own, as each browser process has."""
    guard = AccessGuard(path)
    try:
        return check_attempt(guard, "azure", typed, address,
                             lambda code: check_code(session, "azure", code), now=now)
    finally:
        guard.close()


def test_codes_are_long_enough_to_take_years_at_the_measured_rate(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    code = access_codes(session)["azure"]
    assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    years = len(ALPHABET) ** CODE_LENGTH / 3.8 / (365 * 24 * 3600)
    assert years > 1000


def test_failures_count_across_connections_with_a_growing_wait(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    path = session.path
    now = 1_000.0
    assert "does not open" in attempt(session, path, "WRONGCODE", now)
    # A new connection right away must wait: the count lives in the session file.
    assert "Wait 1 s" in attempt(session, path, access_codes(session)["azure"], now + 0.1)
    assert "does not open" in attempt(session, path, "WRONGCODE", now + 1.5)
    assert "Wait 2 s" in attempt(session, path, "WRONGCODE", now + 1.6)
    assert [delay_after(n) for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert attempt(session, path, access_codes(session)["azure"], now + 10) is None
    guard = AccessGuard(path)
    assert guard.gate("azure", now + 10).failures == 0  # a success starts the count afresh
    log = guard.attempts()
    guard.close()
    assert [(a.outcome, a.address) for a in log][:2] == [("failure", "10.0.0.7"),
                                                          ("refused", "10.0.0.7")]
    assert log[0].ts == now


def test_a_lockout_holds_until_control_lifts_it(tmp_path: Path, capsys) -> None:
    session = new_session(tmp_path)
    path, now = session.path, 5_000.0
    for n in range(LOCKOUT_AFTER):
        now += delay_after(n) + 0.01
        attempt(session, path, "WRONGCODE", now)
    right = access_codes(session)["azure"]
    assert "locked" in attempt(session, path, right, now + 10_000)
    assert main(["access", str(path)]) == 0
    out = capsys.readouterr().out
    assert "azure is locked" in out and "10.0.0.7" in out and "failure" in out
    assert main(["access", str(path), "--unlock", "azure"]) == 0
    assert f"{LOCKOUT_AFTER} wrong codes cleared" in capsys.readouterr().out
    assert attempt(session, path, right, now + 10_001) is None
    assert main(["access", str(path), "--unlock", "azrue"]) == 1
    assert "did you mean 'azure'" in capsys.readouterr().err


def test_screens_per_viewer_are_capped(tmp_path: Path) -> None:
    session = new_session(tmp_path)
    board = PresenceBoard(session.path)
    try:
        for n in range(MAX_CONNECTIONS):
            assert board.beat("azure", f"client-{n}", now=100.0)
        assert open_screens(session.path, "azure", now=101.0) == MAX_CONNECTIONS
        assert open_screens(session.path, "crimson", now=101.0) == 0
        assert open_screens(session.path, "azure", now=1_000.0) == 0  # gone quiet
    finally:
        board.close()


@pytest.mark.parametrize("remote, forwarded, expected", [
    ("203.0.113.9", None, "203.0.113.9"),
    ("127.0.0.1", "198.51.100.4, 10.0.0.1", "198.51.100.4"),  # behind a local proxy
    ("203.0.113.9", "198.51.100.4", "203.0.113.9"),  # a remote peer cannot claim another
    (None, None, "unknown"),
])
def test_the_logged_address_is_the_browsers(remote, forwarded, expected) -> None:
    assert client_address(remote, forwarded) == expected
