"""What is still open when the facilitator closes a turn or a phase, in words.

Shown in the confirmation of Advance phase and Next turn, so that nothing waiting is
left behind by a stray key. The facts come from the engine (pending moves, messages,
expectation_results, scheduled_turn); this module keeps the wording.
"""

from __future__ import annotations

from wargame.engine.injects import scheduled_turn
from wargame.engine.objectives import expectation_results
from wargame.engine.state import ExerciseState


def open_items(state: ExerciseState, *, next_turn: bool) -> list[str]:
    """One line per kind of thing still open (an empty list when nothing is)."""
    lines: list[str] = []
    pending = [m.id for m in state.moves.values() if m.status == "pending"]
    if pending:
        lines.append(f"● {len(pending)} move(s) waiting for adjudication: {', '.join(pending)}")
    waiting = [m.id for m in state.messages.values() if not m.acknowledged]
    if waiting:
        lines.append(f"✉ {len(waiting)} hotline message(s) not acknowledged: {', '.join(waiting)}")
    relaying = [f"{m.id} at {m.waiting_at}" for m in state.messages.values()
                if m.waiting_at is not None]
    if relaying:
        lines.append(f"⇄ {len(relaying)} message(s) waiting to be passed on: "
                     f"{', '.join(relaying)}")
    if state.phase == "exercise":
        due = [r for r in expectation_results(state) if r.status == "open"
               and r.released_turn is not None and r.released_turn + r.within <= state.turn]
        if due:
            lines.append("⏱ expected responses due by the end of this turn: " + ", ".join(
                f"{r.by} {r.move} (inject {r.inject})" for r in due))
        if next_turn:
            coming = [i.id for i in state.scenario.injects if i.id not in state.injects
                      and scheduled_turn(state, i) == state.turn + 1]
            if coming:
                lines.append(f"▸ injects released when turn {state.turn + 1} opens: "
                             f"{', '.join(coming)}")
        held = [i for i in state.held if i not in state.injects]
        if held:
            lines.append(f"⏸ held injects: {', '.join(held)}")
        if state.paused_ts is not None:
            lines.append("⏸ the timebox is paused")
    return lines
