"""The exercise console: ladder, hotline, MSEL queue, moves to adjudicate, timeline.

Wide terminals see every panel at once (a grid); below 120 columns one panel shows at a
time, chosen with the tabs above it or the keys 1–5, so nothing essential is clipped.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Tab, Tabs

from wargame.engine.state import ExerciseState
from wargame.ui.panels import PANELS
from wargame.ui.widgets.hotline import HotlinePanel
from wargame.ui.widgets.ladder_panel import LadderPanel
from wargame.ui.widgets.msel import MselPanel, msel_sections
from wargame.ui.widgets.pending import PendingMoves
from wargame.ui.widgets.timeline_panel import TimelinePanel

# Events that add to the record without changing what the ladder, hotline, MSEL and moves
# panels show: after only these, the timeline alone is redrawn.
RECORD_ONLY = frozenset({"note", "rate", "lesson", "improve", "hotwash"})



class ConsoleView(Vertical):
    def compose(self) -> ComposeResult:
        yield Tabs(*(Tab(f"{i + 1} {title}", id=f"tab-{key}") for i, (key, title) in enumerate(PANELS)),
                   id="console-tabs")
        with Container(id="console-grid"):
            # Grid order: the ladder fills column 1 and the timeline column 3 (both span
            # the three rows); hotline, MSEL and moves stack in column 2.
            yield LadderPanel(id="panel-ladder", classes="panel -current")
            with VerticalScroll(id="panel-hotline", classes="panel"):
                yield HotlinePanel(id="hotline")
            yield TimelinePanel(id="panel-timeline", classes="panel")
            with VerticalScroll(id="panel-msel", classes="panel"):
                yield MselPanel(id="msel")
            yield PendingMoves(id="panel-moves", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#panel-ladder").border_title = "Escalation ladder"
        self.query_one("#panel-hotline").border_title = "Hotline"
        self.query_one("#panel-msel").border_title = "MSEL"
        self.query_one("#panel-moves").border_title = "Moves to adjudicate"
        self.query_one("#panel-timeline").border_title = "Timeline (newest first)"

    def show_state(self, state: ExerciseState, now: float,
                    changed: frozenset[str] | None = None) -> None:
        """Draw ``state``; ``changed`` (the kinds of events since the last draw; None: not
        known) spares the panels those events cannot have changed."""
        if changed is None or not changed <= RECORD_ONLY:
            self._show_situation(state, now)
        timeline = self.query_one(TimelinePanel)
        timeline.show_state(state)
        count = timeline.log.shown_count
        timeline.border_title = f"Timeline (newest first) · {count} event{'' if count == 1 else 's'}"

    def _show_situation(self, state: ExerciseState, now: float) -> None:
        self.query_one(LadderPanel).show_state(state)
        self.query_one(HotlinePanel).show_state(state, now)
        self.query_one(MselPanel).show_state(state, now)
        moves = self.query_one(PendingMoves)
        moves.show_state(state)
        moves.border_title = f"Moves to adjudicate ({moves.waiting})"
        sections = msel_sections(state)
        self.query_one("#panel-msel").border_title = (
            f"MSEL · {len(sections['released'])} released · {len(sections['due'])} due")

    def tick(self, state: ExerciseState, now: float) -> None:
        """Once a second: only what depends on the clock (message ages)."""
        panel = self.query(HotlinePanel)
        if panel:  # absent until the console's own children have mounted
            panel.first().tick(state, now)

    def action_show_panel(self, key: str) -> None:
        self.query_one("#console-tabs", Tabs).active = f"tab-{key}"

    @on(Tabs.TabActivated, "#console-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        key = (event.tab.id or "tab-ladder").removeprefix("tab-")
        for panel in self.query(".panel"):
            panel.set_class(panel.id == f"panel-{key}", "-current")
        if self.screen.has_class("-narrow"):
            current = self.query_one(f"#panel-{key}")
            target = current.query_one("#ladder-view") if key == "ladder" else (
                current.query_one("#timeline-log") if key == "timeline" else current)
            target.focus()
