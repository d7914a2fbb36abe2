"""``wargame export SESSION [--as DELEGATION]``: the session as JSON."""

from __future__ import annotations

from wargame.engine import jsontext
from wargame.engine.collector import collector_paused
from wargame.engine.export import export_state
from wargame.engine.session import Session
from wargame.engine.visibility import check_viewer


def run(args) -> int:
    with Session.open(args.session) as session:
        viewer = check_viewer(session.scenario, args.as_)
        with collector_paused():
            document = export_state(session.state, viewer)
            text = jsontext.dumps(document)  # as json.dumps(indent=2, sort_keys=True,
    print(text)                              # ensure_ascii=False), faster
    return 0
