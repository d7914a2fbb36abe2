"""The escalation ladder drawn as a ladder: rungs bottom to top, thresholds as named lines.

Each pair of delegations has a marker (``AC`` for azure–crimson) standing on its current
rung, a caret marker (``^AC``) on its peak, and the selected pair's off-ramp is marked in
the gutter. Markers are letters, so the drawing reads without colour; colour only helps.
Only the visible lines are rendered (line API), so a 45-rung ladder scrolls cheaply.
"""

from __future__ import annotations

import attrs
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wargame.engine.state import ExerciseState
from wargame.model import Rung, Threshold
from wargame.model.scenario import Pair
from wargame.printable import printable

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PAIR_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")


def pair_colour(index: int) -> str:
    return PAIR_COLOURS[index % len(PAIR_COLOURS)]


@attrs.frozen
class LadderRow:
    rung: Rung | None = None
    threshold: Threshold | None = None


def ladder_rows(state: ExerciseState) -> list[LadderRow]:
    """Rows from the top rung down, each threshold drawn just above the rung it sits over."""
    ladder = state.scenario.rulebook.ladder
    rows: list[LadderRow] = []
    for rung in reversed(ladder.rungs):
        for threshold in ladder.thresholds_above(rung.id):
            rows.append(LadderRow(threshold=threshold))
        rows.append(LadderRow(rung=rung))
    return rows


class LadderView(ScrollView, can_focus=True):
    """The ladder with a marker per pair; ←/→ choose the pair whose off-ramp is shown."""

    COMPONENT_CLASSES = {
        "ladder--level", "ladder--rung", "ladder--threshold", "ladder--offramp",
        "ladder--peak", "ladder--here",
    }
    BINDINGS = [
        Binding("right,]", "select_pair(1)", "Next pair", show=False),
        Binding("left,[", "select_pair(-1)", "Previous pair", show=False),
    ]

    selected: reactive[int] = reactive(0)

    class PairSelected(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._state: ExerciseState | None = None
        self._rows: list[LadderRow] = []
        self._row_of_rung: dict[str, int] = {}
        self._pairs: list[Pair] = []
        self._markers: dict[Pair, str] = {}
        self._offramp: tuple[str, ...] = ()

    @property
    def pairs(self) -> list[Pair]:
        return self._pairs

    def show_state(self, state: ExerciseState, markers: dict[Pair, str]) -> None:
        """Redraw from a new state (cheap: one row per rung and threshold)."""
        first = self._state is None or self._state.scenario is not state.scenario
        self._state = state
        self._markers = markers
        self._pairs = list(state.scenario.dyads)
        if first:
            self._rows = ladder_rows(state)
            self._row_of_rung = {row.rung.id: i for i, row in enumerate(self._rows) if row.rung}
            self.virtual_size = Size(self._content_width(), len(self._rows))
        self.refresh()
        if first:
            self.call_after_refresh(self.scroll_to_selected)

    def show_offramp(self, path: tuple[str, ...]) -> None:
        self._offramp = path
        self.refresh()

    def _content_width(self) -> int:
        names = max((len(r.rung.name) for r in self._rows if r.rung), default=10)
        return 6 + names + 6 * max(len(self._markers), 1)

    def selected_pair(self) -> Pair | None:
        if not self._pairs:
            return None
        return self._pairs[self.selected % len(self._pairs)]

    def action_select_pair(self, delta: int) -> None:
        if self._pairs:
            self.selected = (self.selected + delta) % len(self._pairs)

    def watch_selected(self, index: int) -> None:
        self.post_message(self.PairSelected(index))
        self.refresh()
        self.scroll_to_selected()

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_selected)

    def scroll_to_selected(self) -> None:
        pair = self.selected_pair()
        if pair is None or self._state is None or pair not in self._state.dyads:
            return
        row = self._row_of_rung.get(self._state.dyads[pair].rung)
        if row is not None:
            target = max(0, row - self.scrollable_content_region.height // 2)
            self.scroll_to(y=target, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._rows) or self._state is None:
            return Strip.blank(width, base)
        row = self._rows[index]
        text = self._threshold_text(row.threshold, width) if row.threshold else self._rung_text(row.rung)
        text.stylize_before(base)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(scroll_x, scroll_x + width, base).simplify()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _threshold_text(self, threshold: Threshold, width: int) -> Text:
        label = printable(f" {threshold.name} ")
        lead = "┄┄┄"
        tail = "┄" * max(width - len(lead) - len(label), 3)
        return Text(lead + label + tail, style=self._style("ladder--threshold"), no_wrap=True)

    def _rung_text(self, rung: Rung) -> Text:
        state = self._state
        assert state is not None
        selected = self.selected_pair()
        name_width = max((len(r.rung.name) for r in self._rows if r.rung), default=10)
        here = selected is not None and selected in state.dyads and state.dyads[selected].rung == rung.id
        on_ramp = rung.id in self._offramp[1:]
        text = Text(no_wrap=True)
        if here:
            text.append("▶", self._style("ladder--here"))
        elif on_ramp:
            text.append("⇣", self._style("ladder--offramp"))
        else:
            text.append(" ")
        text.append(f"{rung.level:>2} ┃ ", self._style("ladder--level"))
        name_style = self._style("ladder--offramp") if on_ramp else self._style("ladder--rung")
        text.append(printable(rung.name).ljust(name_width), name_style)
        for index, pair in enumerate(self._pairs):
            dyad = state.dyads.get(pair)
            if dyad is None:
                continue
            marker = self._markers.get(pair, "?")
            colour = Style(color=pair_colour(index), bold=True)
            if pair == selected:
                colour += Style(reverse=True)
            if dyad.rung == rung.id:
                text.append(" ")
                text.append(f"[{marker}]", colour)
            elif dyad.peak_rung == rung.id:
                text.append(" ")
                text.append(f"^{marker}", self._style("ladder--peak") + Style(color=pair_colour(index)))
        return text
