"""The escalation ladder for a delegation's pairs (or every pair, for the projector).

Drawn as text from the top rung down: ``[AC]`` stands on the pair's rung, ``^AC`` marks
its peak, and each pair's off-ramp is spelled out below. Letters carry the meaning, so the
drawing reads without colour.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.graphs import off_ramps
from wargame.engine.state import ExerciseState
from wargame.model.scenario import Pair
from wargame.ui.describe import pair_label, pair_markers, pause_marks
from wargame.ui.widgets.ladder import ladder_rows, pair_colour
from wargame.ui.widgets.ladder_panel import offramp_content
from wargame.ui.text import assemble, plain


def pairs_of(state: ExerciseState, viewer: str) -> list[Pair]:
    """The pairs a delegation belongs to; every pair for anyone in none (observers, public)."""
    mine = [pair for pair in state.scenario.dyads if viewer in pair]
    return mine or list(state.scenario.dyads)


def ladder_lines(state: ExerciseState, pairs: list[Pair], width: int = 200) -> list[Content]:
    """One line per rung (top first) and per threshold, each pair's marker on its rung.

    Every line fits ``width``: rung names are cut short when needed, never a pair's marker.
    """
    markers = pair_markers(state.scenario)
    colours = {pair: pair_colour(i) for i, pair in enumerate(state.scenario.dyads)}
    shown = [pair for pair in pairs if pair in state.dyads]
    longest = max(len(rung.name) for rung in state.scenario.rulebook.ladder.rungs)
    lines: list[Content] = []
    for row in ladder_rows(state):
        if row.threshold is not None:
            line = plain(f"   ┄┄ {row.threshold.name} ┄┄", "$text-muted italic")
            lines.append(line.truncate(width))
            continue
        rung = row.rung
        marks: list[str | tuple[str, str]] = []
        for pair in shown:
            dyad, marker = state.dyads[pair], markers[pair]
            if dyad.rung == rung.id:
                marks += [" ", (f"[{marker}]", f"bold {colours[pair]}")]
            elif dyad.peak_rung == rung.id:
                marks += [" ", (f"^{marker}", colours[pair])]
        room = width - 5 - sum(len(m if isinstance(m, str) else m[0]) for m in marks)
        name_width = max(min(longest, room), 1)
        name = rung.name if len(rung.name) <= name_width else rung.name[:name_width - 1] + "…"
        lines.append(assemble((f"{rung.level:>2} ┃ ", "$text-muted"),
                                      name.ljust(name_width), *marks))
    return lines


def pairs_content(state: ExerciseState, pairs: list[Pair], *, offramps: bool) -> Content:
    """Where each pair stands (and, for a delegation, its way down the ladder)."""
    ladder = state.scenario.rulebook.ladder
    markers = pair_markers(state.scenario)
    colours = {pair: pair_colour(i) for i, pair in enumerate(state.scenario.dyads)}
    lines: list[Content] = []
    for pair in pairs:
        dyad = state.dyads.get(pair)
        if dyad is None:
            continue
        where = ladder.rung(dyad.rung).name
        peak = f" (peak {ladder.rung(dyad.peak_rung).name})" if dyad.peak_level > dyad.level else ""
        lines.append(assemble((f"[{markers[pair]}]", f"bold {colours[pair]}"), " ",
                                      (pair_label(pair), "bold"), f": {where}{peak}",
                              (pause_marks(state, pair), "bold $text-success")))
        if offramps:
            lines.append(offramp_content(state, off_ramps(state, pair), markers[pair]))
    return plain("\n").join(lines)


class PairLadder(Static):
    """The ladder rows, cut to the panel's width (never wrapped), then the pairs below."""

    _drawn: tuple[ExerciseState, list[Pair], bool] | None = None

    def show_view(self, view: ExerciseState, pairs: list[Pair], *, offramps: bool = True) -> None:
        self._drawn = (view, pairs, offramps)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._drawn is None:
            return
        view, pairs, offramps = self._drawn
        rows = ladder_lines(view, pairs, self.content_region.width or 80)
        self.update(plain("\n").join([*rows, plain(""), pairs_content(view, pairs,
                                                                         offramps=offramps)]))
