"""Activities notified before they happened (the Vienna Document's prior notification).

A move type with ``notice`` is an activity that its delegation should announce beforehand
with an approved move of the notification type. An approved activity counts as notified
when a notification of that type by the same delegation came before it: recorded earlier
in the log and at least ``notice.turns`` turns earlier, and aimed at the activity's target
or at no one (a notification to all). A notification still pending when the activity
happened counts once it is approved: what matters is that the other side was told first.

Figures come from the (viewer's) state, as the export's metrics do.
"""

from __future__ import annotations

import attrs

from wargame.engine.state import ExerciseState, MoveRecord


@attrs.frozen
class NoticeResult:
    activity: str  # the activity move's id
    by: str
    type: str
    turn: int
    notified_by: str | None  # the id of the notification that announced it, if any


def notice_results(state: ExerciseState) -> list[NoticeResult]:
    """One result per approved activity whose move type asks for notice, in log order."""
    rulebook = state.scenario.rulebook
    if not any(m.notice for m in rulebook.moves):
        return []
    approved = sorted((m for m in state.moves.values() if m.status == "approved"),
                      key=lambda m: m.seq)
    told: dict[tuple[str, str], list[MoveRecord]] = {}
    for move in approved:
        told.setdefault((move.by, move.type), []).append(move)
    results = []
    for move in approved:
        if not rulebook.has_move(move.type):
            continue
        notice = rulebook.move(move.type).notice
        if notice is None:
            continue
        herald = next((n for n in told.get((move.by, notice.move), ())
                       if n.seq < move.seq and n.turn <= move.turn - notice.turns
                       and n.target in (None, move.target)), None)
        results.append(NoticeResult(activity=move.id, by=move.by, type=move.type,
                                    turn=move.turn, notified_by=herald.id if herald else None))
    return results
