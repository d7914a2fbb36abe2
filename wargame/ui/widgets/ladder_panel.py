"""The ladder panel: pick a pair, see every pair on the ladder, and the picked pair's off-ramps."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.engine.graphs import OffRamp, off_ramps
from wargame.engine.state import ExerciseState
from wargame.model.scenario import Pair
from wargame.ui.describe import pair_label, pair_markers, pause_marks
from wargame.ui.widgets.ladder import LadderView, pair_colour
from wargame.ui.text import assemble, plain
from wargame.ui.widgets.options import Options


def pair_prompt(state: ExerciseState, pair: Pair, marker: str, index: int) -> Content:
    dyad = state.dyads.get(pair)
    ladder = state.scenario.rulebook.ladder
    where = ""
    if dyad is not None:
        where = ladder.rung(dyad.rung).name
        if dyad.peak_level > dyad.level:
            where += f" (peak {ladder.rung(dyad.peak_rung).name})"
    return assemble(
        (f"[{marker}]", f"bold {pair_colour(index)}"), f" {pair_label(pair)}: ", (where, "$text-muted"),
        (pause_marks(state, pair), "bold $text-success"))


def offramp_content(state: ExerciseState, ramp: OffRamp, marker: str) -> Content:
    ladder = state.scenario.rulebook.ladder
    if len(ramp.path) <= 1:
        route: Content = plain("already on the bottom rung", "$text-muted")
    else:
        route = plain(" ⇣ ".join(ladder.rung(r).name for r in ramp.path))
    moves = [assemble(m.name, (" ◆CBM", "$text-success") if m.cbm else "") for m in ramp.moves]
    return assemble(
        (f"Off-ramp [{marker}]: ", "bold $accent"), route, "\n",
        ("Moves: ", "bold $accent"),
        plain(", ").join(moves) if moves else plain("none in the rulebook", "$text-muted"),
    )


class LadderPanel(Vertical):
    """Pairs list (click or ↑/↓), the ladder (←/→ also switch pairs), the off-ramp below."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._state: ExerciseState | None = None
        self._markers: dict[Pair, str] = {}
        self._marks: list[str] = []

    def compose(self) -> ComposeResult:
        yield Options(id="ladder-pairs", compact=True)
        yield LadderView(id="ladder-view")
        yield Static(id="ladder-offramp")

    @property
    def view(self) -> LadderView:
        return self.query_one(LadderView)

    def show_state(self, state: ExerciseState) -> None:
        before = self._state
        marks = [pause_marks(state, pair) for pair in state.scenario.dyads]
        if (before is not None and before.scenario is state.scenario
                and before.dyads == state.dyads and marks == self._marks):
            return  # the pairs, the ladder and the off-ramps follow the rungs and pauses only
        self._marks = marks
        if before is None or before.scenario is not state.scenario:
            self._markers = pair_markers(state.scenario)
        self._state = state
        pairs = self.query_one("#ladder-pairs", OptionList)
        highlighted = pairs.highlighted
        pairs.set_options(
            Option(pair_prompt(state, pair, self._markers[pair], i), id=str(i))
            for i, pair in enumerate(state.scenario.dyads))
        pairs.highlighted = highlighted if highlighted is not None else self.view.selected
        self.view.show_state(state, self._markers)
        self._show_offramp()

    def _show_offramp(self) -> None:
        state, pair = self._state, self.view.selected_pair()
        if state is None or pair is None:
            return
        ramp = off_ramps(state, pair)
        self.view.show_offramp(ramp.path)
        self.query_one("#ladder-offramp", Static).update(offramp_content(state, ramp, self._markers[pair]))

    @on(OptionList.OptionHighlighted, "#ladder-pairs")
    def _pair_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.view.selected = event.option_index

    @on(LadderView.PairSelected)
    def _pair_selected(self, event: LadderView.PairSelected) -> None:
        event.stop()
        pairs = self.query_one("#ladder-pairs", OptionList)
        if pairs.highlighted != event.index:
            pairs.highlighted = event.index
        self._show_offramp()
