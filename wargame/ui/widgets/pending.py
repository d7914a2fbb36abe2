"""Moves waiting for the facilitator's adjudication; Enter (or a click) opens the form.

Updated by difference: a new pending move is appended (Textual's option list lays out only
the new options), an adjudicated one removed; the list is never rebuilt for a new event.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from wargame.engine.pauses import flagged
from wargame.engine.state import ExerciseState, MoveRecord
from wargame.ui.text import assemble
from wargame.ui.widgets.options import Options


def move_prompt(move: MoveRecord, breaks: list[str] = ()) -> Content:
    target = f" → {move.target}" if move.target else ""
    cbm = " ◆CBM" if move.cbm else ""
    warning = f"\n  ⚠ breaks pause {', '.join(breaks)}" if breaks else ""
    return assemble(
        (move.id, "bold"), f" T{move.turn} ", (move.by, "bold"), f": {move.type}{target}",
        (cbm, "$text-success"), ("  " + move.category, "$text-muted"), "\n  “", move.text, "”",
        (warning, "bold $text-error"),
    )


NOTHING_WAITING = "No moves waiting for adjudication."


class PendingMoves(Options):
    """Options are the pending moves, with the move id as option id."""

    _shown: list[str] | None = None  # the ids of the options, in order
    _pauses: object = None  # what the shown warnings were computed from

    @property
    def waiting(self) -> int:
        """How many moves wait (not the options: an empty list shows a line saying so)."""
        return len(self._shown or ())

    def show_state(self, state: ExerciseState) -> None:
        pending = [m for m in state.moves.values() if m.status == "pending"]
        wanted = [m.id for m in pending]
        # A pause accepted or retracted changes which waiting moves break it: redraw them.
        pauses = (state.turn, tuple((p.id, p.answer) for p in state.pauses.values()))
        if pauses != self._pauses:
            self._pauses, self._shown = pauses, None
        shown = self._shown
        if wanted == shown:
            return
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        if not wanted:  # say so: a blank panel reads as "not loaded yet"
            self.set_options([Option(NOTHING_WAITING, disabled=True)])
            self._shown = []
            return
        if shown and wanted[:len(shown)] == shown:
            self.add_options(Option(move_prompt(m, flagged(state, m)), id=m.id)
                             for m in pending[len(shown):])
        elif shown and len(wanted) < len(shown) and set(wanted) <= set(shown) \
                and [i for i in shown if i in set(wanted)] == wanted:
            for gone in set(shown) - set(wanted):
                self.remove_option(gone)
        else:
            self.set_options(Option(move_prompt(m, flagged(state, m)), id=m.id) for m in pending)
        self._shown = wanted
        if highlighted in wanted:
            self.highlighted = wanted.index(highlighted)
        elif wanted:
            self.highlighted = 0

    def chosen_move(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
