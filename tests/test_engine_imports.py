"""The fold and the commands that read a session do not load networkx: it costs more to
import than folding a short session, and the console's first frame waits for it."""

from __future__ import annotations

import subprocess
import sys

from fixtures.engine.support import SCRIPTS, SCENARIO

PROGRAM = """
import contextlib, io, sys
from wargame.cli import main
from wargame.engine import Session
from wargame.engine.export import export_state
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["run", sys.argv[1], "--script", sys.argv[2], "--session", sys.argv[3]]) == 0
    assert main(["export", sys.argv[3]]) == 0
with Session.open(sys.argv[3]) as session:
    export_state(session.state, "azure")
import wargame.ui.app, wargame.ui.screens.session, wargame.ui.delegation.app
print(sorted(name for name in sys.modules if name.split(".")[0] == "networkx"))
"""


def test_playing_exporting_and_opening_screens_leave_networkx_unloaded(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(SCENARIO), str(SCRIPTS / "relay.yaml"),
         str(tmp_path / "s.wargame")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
