"""The status line: phase, turn N of M, game time and the turn's real-time timebox.

The timebox only warns (colour and an ``OVER`` marker); ending a turn is the facilitator's
call. The clock is the app's injectable clock, so a snapshot can pin the time. On a narrow
terminal the scenario title goes first and labels shorten, so the essentials always fit.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import ExerciseState
from wargame.ui.describe import clock_text, game_time, timebox_status
from wargame.ui.text import assemble

Part = tuple[str, str]


def status_parts(state: ExerciseState, now: float, short: bool) -> tuple[list[Part], bool]:
    """The pieces of the status line (text, style) and whether the timebox is over."""
    scenario = state.scenario
    parts: list[Part] = [(f" {state.phase.upper()} ", "bold reverse")]
    if state.turn:
        turn = f"T{state.turn}/{scenario.clock.turns}" if short else \
            f"Turn {state.turn} of {scenario.clock.turns}"
        parts.append((f" {turn} · {game_time(scenario, state.turn)}", ""))
    over = False
    if state.paused_ts is not None and state.phase == "exercise":
        parts.append((" PAUSED ", "bold reverse $text-warning"))
    timer = timebox_status(state, now)
    if timer is not None:
        left, over = timer
        if over:
            parts.append((f" OVER +{clock_text(left)} ", "bold $text-error on $error-muted"))
        else:
            parts.append((f" {clock_text(left)} left" if short else f" Timebox {clock_text(left)} left", ""))
    pending = sum(1 for m in state.moves.values() if m.status == "pending")
    if pending:
        parts.append((f" ●{pending} to adjudicate" if short else f" ● {pending} to adjudicate",
                      "$text-warning"))
    waiting = sum(1 for m in state.messages.values() if not m.acknowledged)
    if waiting:
        parts.append((f" ✉{waiting} unacked" if short else f" ✉ {waiting} unacknowledged",
                      "$text-warning"))
    return parts, over


def status_content(state: ExerciseState, now: float, width: int) -> tuple[Content, bool]:
    title: Part = (f" {state.scenario.title} ", "bold")
    parts, over = status_parts(state, now, short=False)
    if sum(len(text) for text, _ in parts) + len(title[0]) + 1 <= width:
        return assemble(title, " ", *parts), over
    parts, over = status_parts(state, now, short=True)
    return assemble(*parts), over


class StatusBar(Static):
    """One line at the top of the session screen; ticks every second with the app's clock."""

    _last: tuple[ExerciseState, float] | None = None

    def show_state(self, state: ExerciseState, now: float) -> None:
        self._last = (state, now)
        content, over = status_content(state, now, self.size.width or 80)
        self.set_class(over, "-over")
        self.update(content)

    def on_resize(self) -> None:
        if self._last is not None:
            self.show_state(*self._last)
