"""Moves waiting for the facilitator's adjudication; Enter (or a click) opens the form."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wargame.engine.pauses import flagged
from wargame.engine.state import ExerciseState, MoveRecord


def move_prompt(move: MoveRecord, breaks: list[str] = ()) -> Content:
    target = f" → {move.target}" if move.target else ""
    cbm = " ◆CBM" if move.cbm else ""
    warning = f"\n  ⚠ breaks pause {', '.join(breaks)}" if breaks else ""
    return Content.assemble(
        (move.id, "bold"), f" T{move.turn} ", (move.by, "bold"), f": {move.type}{target}",
        (cbm, "$text-success"), ("  " + move.category, "$text-muted"), "\n  “", move.text, "”",
        (warning, "bold $text-error"),
    )


class PendingMoves(OptionList):
    """Options are the pending moves, with the move id as option id."""

    def show_state(self, state: ExerciseState) -> None:
        pending = [m for m in state.moves.values() if m.status == "pending"]
        wanted = [m.id for m in pending]
        current = [self.get_option_at_index(i).id for i in range(self.option_count)]
        if wanted == current:
            return
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.set_options(Option(move_prompt(m, flagged(state, m)), id=m.id) for m in pending)
        if highlighted in wanted:
            self.highlighted = wanted.index(highlighted)
        elif wanted:
            self.highlighted = 0

    def chosen_move(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
