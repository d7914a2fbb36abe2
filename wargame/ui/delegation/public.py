"""The projector: public information only, large and plain enough to read across a room.

Phase, turn and the turn's timebox in big digits; the ladder of every pair; the public
moves; the injects addressed to everyone; who is connected. Built from the public view
(:func:`wargame.engine.visibility.screen_state` with viewer ``public``) like every other
non-control screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Footer, Static

from wargame.engine.state import ExerciseState
from wargame.engine.visibility import PUBLIC
from wargame.ui.delegation.ladder import PairLadder
from wargame.ui.delegation.panels import InjectFeed, move_lines
from wargame.ui.delegation.screens import PollingScreen
from wargame.ui.describe import clock_text, game_time, timebox_status
from wargame.ui.widgets.presence import PresencePanel
from wargame.ui.text import assemble, plain


def public_moves(view: ExerciseState) -> Content:
    moves = sorted(view.moves.values(), key=lambda m: m.seq, reverse=True)
    if not moves:
        return plain("No public move yet.", "$text-muted")
    return plain("\n").join(line for move in moves for line in move_lines(view, move, PUBLIC, None))


class PublicScreen(PollingScreen):
    def compose(self) -> ComposeResult:
        with Horizontal(id="public-top"):
            with Vertical(id="public-title"):
                yield Static(id="public-scenario")
                yield Static(id="public-phase")
            with Vertical(classes="public-figure"):
                yield Static("TURN", id="public-turn-label", classes="public-label")
                yield Digits(id="public-turn")
            with Vertical(classes="public-figure"):
                yield Static("TIMEBOX", id="public-clock-label", classes="public-label")
                yield Digits(id="public-clock")
        with Horizontal(id="public-body"):
            with VerticalScroll(id="public-ladder", classes="public-panel"):
                yield PairLadder(id="ladder")
            with VerticalScroll(id="public-moves", classes="public-panel"):
                yield Static(id="public-move-list")
            with VerticalScroll(id="public-injects", classes="public-panel"):
                yield InjectFeed(id="injects")
        yield PresencePanel(self.live, PUBLIC, id="presence", clock=self.live.clock,
                            interval=self.presence_interval)
        yield Footer(compact=True)

    def prepare(self) -> None:
        self.query_one("#public-ladder").border_title = "Escalation ladder"
        self.query_one("#public-moves").border_title = "Public moves"
        self.query_one("#public-injects").border_title = "News for everyone"

    def draw(self, view: ExerciseState, now: float) -> None:
        scenario = view.scenario
        self.query_one("#public-scenario", Static).update(plain(scenario.title, "bold"))
        phase = assemble((f" {view.phase.upper()} ", "bold reverse"))
        if view.turn:
            phase = assemble(phase, f"  game time {game_time(scenario, view.turn)}")
        self.query_one("#public-phase", Static).update(phase)
        self.query_one("#public-turn-label", Static).update(f"TURN (OF {scenario.clock.turns})")
        self.query_one("#public-turn", Digits).update(str(view.turn) if view.turn else "-")
        self.query_one(PairLadder).show_view(view, list(scenario.dyads), offramps=False)
        self.query_one("#public-move-list", Static).update(public_moves(view))
        self.query_one(InjectFeed).show_view(view)
        self.tick()

    def tick(self) -> None:
        timer = timebox_status(self.state, self.live.clock())
        label = self.query_one("#public-clock-label", Static)
        clock = self.query_one("#public-clock", Digits)
        if timer is None:
            words, figure, over = "TIMEBOX", "--:--", False
        else:
            left, over = timer
            words, figure = ("OVER TIME" if over else "TIME LEFT"), ("+" if over else "") + clock_text(left)
            if self.state.paused_ts is not None:
                words = "PAUSED"
        if clock.value != figure:  # ticks every second; redraw only what changed
            clock.update(figure)
        if str(label.render()) != words:
            label.update(plain(words, "bold $text-error") if over else words)
        clock.set_class(over, "-over")
