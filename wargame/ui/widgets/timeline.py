"""The timeline of everything that happened, newest first, filterable by delegation and kind.

Built for long sessions: the list of shown events grows incrementally (new events are
prepended), lines are rendered only when visible, and moving the cursor redraws two lines.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wargame.engine.state import Event, ExerciseState
from wargame.ui.describe import clock_text, describe_event, event_delegations
from wargame.printable import printable

KIND_WIDTH = 10


class EventLog(ScrollView, can_focus=True):
    """Events newest first; ``cursor`` is the index of the highlighted line."""

    COMPONENT_CLASSES = {
        "eventlog--cursor", "eventlog--time", "eventlog--kind", "eventlog--retracted",
    }
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "Newest", show=False),
        Binding("end", "jump(-1)", "Oldest", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Chosen(Message):
        """The facilitator pressed Enter on (or clicked) an event."""

        def __init__(self, event: Event) -> None:
            super().__init__()
            self.event = event

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._state: ExerciseState | None = None
        self._shown: list[int] = []  # indexes into state.events, newest first
        self._seen = 0  # how many of state.events have been considered
        self._who: str | None = None
        self._kind: str | None = None
        self._involves: dict[int, frozenset[str]] = {}
        self._turns: list[int] = []  # the turn each event happened in, parallel to events
        self._lines: LRUCache[int, Strip] = LRUCache(256)
        self._previous_cursor = 0

    @property
    def shown_count(self) -> int:
        return len(self._shown)

    def event_at_cursor(self) -> Event | None:
        if self._state is None or not self._shown:
            return None
        return self._state.events[self._shown[min(self.cursor, len(self._shown) - 1)]]

    def show_state(self, state: ExerciseState) -> None:
        """Take in the events appended since the last call; restyle the visible lines."""
        if self._state is not None and state.scenario is not self._state.scenario:
            self._seen = 0
            self._shown = []
            self._turns = []
        self._state = state
        self._number_turns(state.events)
        new = [i for i in range(self._seen, len(state.events)) if self._matches(state.events[i])]
        self._seen = len(state.events)
        if new:
            new.reverse()
            self._shown[:0] = new
            if self.cursor:  # keep the highlighted event under the cursor
                self.cursor += len(new)
        self._lines.clear()  # statuses may have changed (approval, retraction): visible lines only
        self.virtual_size = Size(self.size.width, len(self._shown))
        self.refresh()

    def _number_turns(self, events: list[Event]) -> None:
        turn = self._turns[-1] if self._turns else 0
        for event in events[len(self._turns):]:
            if event.kind == "next-turn":
                turn += 1
            elif event.kind == "phase" and event.payload.get("to") == "exercise" and turn == 0:
                turn = 1
            self._turns.append(turn)

    def set_filter(self, who: str | None, kind: str | None) -> None:
        self._who, self._kind = who, kind
        if self._state is None:
            return
        events = self._state.events
        self._shown = [i for i in range(len(events) - 1, -1, -1) if self._matches(events[i])]
        self._seen = len(events)
        self._lines.clear()
        self.virtual_size = Size(self.size.width, len(self._shown))
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def _matches(self, event: Event) -> bool:
        if self._kind is not None and event.kind != self._kind:
            return False
        if self._who is not None:
            involved = self._involves.get(event.seq)
            if involved is None:
                assert self._state is not None
                involved = event_delegations(event, self._state)
                self._involves[event.seq] = involved
            if self._who not in involved:
                return False
        return True

    # -- cursor -----------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._shown) - 1)) if self._shown else 0

    def watch_cursor(self, value: int) -> None:
        previous, self._previous_cursor = self._previous_cursor, value
        self._lines.discard(previous)
        self._lines.discard(value)
        self.refresh_lines(previous - self.scroll_offset.y)
        self.refresh_lines(value - self.scroll_offset.y)
        self.scroll_to_region(Region(0, value, 1, 1), animate=False, immediate=True)

    def refresh_lines(self, y_start: int, line_count: int = 1) -> None:
        if 0 <= y_start < self.size.height:
            super().refresh_lines(y_start, line_count)

    def on_focus(self) -> None:
        self._restyle_cursor()

    def on_blur(self) -> None:
        self._restyle_cursor()

    def _restyle_cursor(self) -> None:
        """The cursor line is drawn differently with and without focus."""
        self._lines.discard(self.cursor)
        self.refresh_lines(self.cursor - self.scroll_offset.y)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 1, 1)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self._shown) - 1

    def action_choose(self) -> None:
        event = self.event_at_cursor()
        if event is not None:
            self.post_message(self.Chosen(event))

    def on_click(self, click) -> None:
        line = click.y + self.scroll_offset.y
        if 0 <= line < len(self._shown):
            if line == self.cursor and click.chain >= 2:
                self.action_choose()
            self.cursor = line

    # -- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._shown) or self._state is None:
            return Strip.blank(width, self.rich_style)
        strip = self._lines.get(index)
        under_cursor = index == self.cursor
        if strip is None:
            event_index = self._shown[index]
            text = self._line_text(self._state.events[event_index], event_index, under_cursor)
            text.stylize_before(self.rich_style)
            strip = Strip(text.render(self.app.console), text.cell_len)
            self._lines[index] = strip
        pad = self.rich_style
        if under_cursor:
            pad = pad + self.get_component_rich_style("eventlog--cursor", partial=True)
        return strip.crop_extend(scroll_x, scroll_x + width, pad)

    def _line_text(self, event: Event, index: int, under_cursor: bool) -> Text:
        state = self._state
        assert state is not None
        retracted = state.retracted.get(event.seq)
        style = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
        text = Text(no_wrap=True, end="")
        turn = self._turns[index] if index < len(self._turns) else 0
        seq_width = len(str(state.last_seq))
        text.append(f"{event.seq:>{seq_width}} ", style("eventlog--time"))
        text.append(f"{'T' + str(turn) if turn else '':<4}", style("eventlog--time"))
        when = clock_text(event.at, hours=True) if event.at is not None else "-:--:--"
        text.append(f"{when:>7} ", style("eventlog--time"))
        text.append(printable(f"{event.kind.upper():<{KIND_WIDTH}} "), style("eventlog--kind"))
        body = printable(describe_event(event, state))
        if retracted is not None:
            text.append("✗ " + body, style("eventlog--retracted"))
            text.append(printable(f"  (retracted: {retracted})"), style("eventlog--retracted"))
        else:
            text.append(body)
        if under_cursor:
            text.stylize(style("eventlog--cursor"))
        return text


