"""``wargame access SESSION [--unlock VIEWER]``: the access log and lifting a lockout.

Prints every attempt at an access code (time, viewer, address, outcome) and which viewers
are locked; ``--unlock`` lifts a viewer's lockout (its failures stop counting).
"""

from __future__ import annotations

import time
from pathlib import Path

from wargame.engine.access_guard import AccessGuard
from wargame.errors import WargameError


def run(args) -> int:
    from wargame.engine import Session
    from wargame.engine.visibility import check_viewer

    path = Path(args.session)
    if not path.exists():
        raise WargameError(f"no session file {path}")
    with Session.open(path, read_only=True) as session:
        viewers = ["control", *(d.id for d in session.scenario.delegations)]
        if args.unlock:
            check_viewer(session.scenario, args.unlock)
    guard = AccessGuard(path)
    try:
        if args.unlock:
            cleared = guard.lift(args.unlock)
            print(f"Lifted the lockout of {args.unlock} ({cleared} wrong code"
                  f"{'' if cleared == 1 else 's'} cleared).")
            return 0
        attempts = guard.attempts()
        for a in attempts:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(a.ts))
            print(f"{stamp} UTC  {a.viewer:<12} {a.address:<24} {a.outcome}")
        if not attempts:
            print("No access code has been tried on this session.")
        for viewer in viewers:
            gate = guard.gate(viewer)
            if gate.locked:
                print(f"{viewer} is locked after {gate.failures} wrong codes: "
                      f"wargame access {path} --unlock {viewer}")
        return 0
    finally:
        guard.close()
