"""SVG snapshots pinning the console's layout at 80x24 and 160x50.

The session is played from a fixed script with fixed exercise times, and the app's clock
is pinned relative to the exercise start, so no wall-clock text reaches a snapshot.
Update after a deliberate change with: pytest tests/test_ui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path


from test_ui_support import new_session, settle
from wargame.engine import Session
from wargame.ui.app import create_app

SCRIPT = [
    ("phase", {"to": "exercise"}, 0),
    ("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
              "text": "Patrol near Buoy 14"}, 95),
    ("adjudicate", {"move": "m1", "decision": "approve"}, 130),
    ("hotline", {"from": "azure", "to": "crimson", "text": "Our patrol is routine"}, 200),
    ("ack", {"message": "h1", "by": "crimson", "text": "Noted"}, 420),
    ("perceive", {"by": "crimson", "move": "m1", "as": "non-violent-escalation"}, 450),
    ("next-turn", {}, 1200),
    ("move", {"by": "crimson", "type": "coast-guard-escort", "target": "azure",
              "text": "Escort the seiner home"}, 1260),
    ("channel", {"between": ["azure", "crimson"], "status": "down"}, 1300),
    ("hotline", {"from": "crimson", "to": "azure", "text": "Cable down; via Verdant"}, 1320),
    ("move", {"by": "azure", "type": "public-rhetoric", "text": "Minister speaks"}, 1340),
    ("retract", {"event": "m3", "reason": "Entered twice"}, 1350),
]


def played_session(folder: Path) -> Session:
    session = new_session(folder)
    for kind, payload, at in SCRIPT:
        session.act(kind, payload, at=at)
    return session


def pinned_clock(session: Session, seconds: float):
    """The wall clock ``seconds`` into the exercise, whenever the test runs."""
    started = session.state.exercise_started_ts
    return lambda: started + seconds



def app_at(workdir: Path, seconds: float):
    session = played_session(workdir)
    return create_app(session, clock=pinned_clock(session, seconds), poll_interval=None)


def keys_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()
    return run_before


def test_console_80x24_ladder(workdir: Path, snap_compare) -> None:
    # 1500 s into the exercise: turn 2 (begun at 1200 s) has 15 minutes of its timebox left.
    assert snap_compare(app_at(workdir, 1500), terminal_size=(80, 24), run_before=keys_then_settle())


def test_console_80x24_timeline(workdir: Path, snap_compare) -> None:
    assert snap_compare(app_at(workdir, 1500), terminal_size=(80, 24), run_before=keys_then_settle("5"))


def test_console_80x24_hotline_with_timebox_over(workdir: Path, snap_compare) -> None:
    # 2700 s: turn 2 is 5 minutes over its 20-minute timebox; the status line says OVER.
    assert snap_compare(app_at(workdir, 2700), terminal_size=(80, 24), run_before=keys_then_settle("2"))


def test_console_160x50(workdir: Path, snap_compare) -> None:
    assert snap_compare(app_at(workdir, 1500), terminal_size=(160, 50), run_before=keys_then_settle())


def test_move_form_80x24(workdir: Path, snap_compare) -> None:
    assert snap_compare(app_at(workdir, 1500), terminal_size=(80, 24), run_before=keys_then_settle("m"))
