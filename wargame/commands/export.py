"""``wargame export SESSION [--as DELEGATION] [-o FILE]``: the session as JSON."""

from __future__ import annotations

from pathlib import Path

from wargame.engine import jsontext
from wargame.engine.collector import collector_paused
from wargame.engine.export import export_state
from wargame.engine.session import Session
from wargame.engine.visibility import check_viewer
from wargame.output import STANDARD_OUTPUT, write_output


def run(args) -> int:
    with Session.open(args.session, read_only=True) as session:
        viewer = check_viewer(session.scenario, args.as_)
        with collector_paused():
            document = export_state(session.state, viewer)
            # the bytes of json.dumps(indent=2, sort_keys=True, ensure_ascii=False), faster
            text = jsontext.dumps(document) + "\n"
    output = getattr(args, "output", None) or STANDARD_OUTPUT
    if write_output(output, text, source=Path(args.session)):
        print(f"wrote the export to {output}")
    return 0
