"""``wargame export SESSION [--as DELEGATION]``: the session as JSON."""

from __future__ import annotations

from wargame.engine import jsontext
from wargame.engine.export import export_state
from wargame.engine.session import Session
from wargame.engine.visibility import check_viewer


def run(args) -> int:
    with Session.open(args.session) as session:
        viewer = check_viewer(session.scenario, args.as_)
        document = export_state(session.state, viewer)
    print(jsontext.dumps(document))  # json.dumps(indent=2, sort_keys=True, ensure_ascii=False)
    return 0
