"""The hotline network: channels with their status, and messages still waiting for an ack.

A down channel reads ``╳ down`` (not only a colour); a late message reads ``LATE``.

A long session may hold thousands of messages waiting, so the panel is virtual: a fixed
number of lines per row, and only the rows on screen are ever rendered (Textual asks ``render_line`` for
the visible lines of the scrolling panel). A new state rebuilds the row list (cheap: no
rendering); the clock tick recomputes the ages of the rows last drawn and repaints only
the lines whose age text changed, which is none in most seconds.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from wargame.engine.state import ExerciseState, Message
from wargame.ui.describe import age_text, clock_text, message_age
from wargame.ui.text import assemble, plain


def channel_lines(state: ExerciseState) -> list[Content]:
    scenario = state.scenario
    width = max((len(d.id) for d in scenario.delegations), default=6)
    lines = []
    for channel in scenario.channels:
        a, b = channel.between
        status = state.channel_status(channel)
        if status == "down":
            link, label, style = "━╳━", "╳ down", "bold $text-error"
        else:
            link, label, style = "━━━", "up", "$text-success"
        lines.append(assemble(
            a.rjust(width), " ", (link, style), " ", b.ljust(width), " ",
            (label.ljust(6), style), " ", (f"≤{channel.ack_within}", "$text-muted"),
        ))
    if not lines:
        lines.append(plain("No hotline channels in this scenario.", "$text-muted"))
    return lines


def waiting_messages(state: ExerciseState) -> list[Message]:
    """Messages waiting for an acknowledgement, oldest first."""
    waiting = [m for m in state.messages.values()
               if not m.acknowledged and m.seq not in state.retracted]
    waiting.sort(key=lambda m: m.seq)
    return waiting


def message_age_text(state: ExerciseState, message: Message, now: float) -> str:
    return age_text(*message_age(state, message.sent_turn, message.sent_at, now))


def message_line(state: ExerciseState, message: Message, age: str) -> Content:
    """A message's first line: who to whom, its age, whether it is late."""
    route = " → ".join(message.route) if message.route else f"{message.sender} → {message.recipient}"
    parts: list[str | tuple[str, str]] = [(message.id, "bold"), " ", route, "  "]
    if message.waiting_at is not None:  # first: the row is cut at the panel's width
        parts += [(waits_text(message), "bold $text-warning"), "  "]
    parts.append((age, "$text-muted"))
    if message.late(state.turn):
        parts += ["  ", ("⚠ LATE", "bold $text-error")]
    return assemble(*parts)


def waits_text(message: Message) -> str:
    """``⇄ waits at verdant since T2 21:00`` (manual relays: where a message is held)."""
    turn, at = message.arrived_at
    since = f"T{turn}" + (f" {clock_text(at)}" if at is not None else "")
    return f"⇄ waits at {message.waiting_at} since {since}"


def message_text_line(message: Message) -> Content:
    """A message's second line: its text."""
    return assemble("  “", message.text, "”")


class HotlinePanel(Widget):
    """Channels and the messages waiting (two lines each), rendered only when on screen."""

    DEFAULT_CSS = """
    HotlinePanel { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._state: ExerciseState | None = None
        self._now = 0.0
        self._head: list[Content] = []  # the channels and the heading of the waiting list
        self._waiting: list[Message] = []
        self._empty: Content | None = None
        self._drawn: dict[int, tuple[str, Strip]] = {}  # row -> (age text, its line)

    @property
    def row_count(self) -> int:
        return len(self._head) + (2 * len(self._waiting) or 1)

    def show_state(self, state: ExerciseState, now: float) -> None:
        rows = self.row_count if self._state is not None else None
        self._state, self._now = state, now
        self._waiting = waiting_messages(state)
        count = sum(1 for m in state.messages.values() if not m.acknowledged)
        self._head = [
            assemble(("Channels", "bold $accent"), (" (ack within ≤N turns)", "$text-muted")),
            *channel_lines(state), plain(""),
            plain(f"Waiting for acknowledgement ({count})", "bold $accent")]
        self._empty = plain("No message waiting for an acknowledgement.", "$text-muted")
        self._drawn.clear()
        self.refresh(layout=self.row_count != rows)  # a new layout only for a new height

    def tick(self, state: ExerciseState, now: float) -> None:
        """Repaint the lines on screen whose age changed since they were drawn."""
        if self._state is not state:
            self.show_state(state, now)
            return
        self._now = now
        head = len(self._head)
        width = self.size.width
        for row, (age, _strip) in list(self._drawn.items()):
            index = (row - head) // 2
            if age and 0 <= index < len(self._waiting) and \
                    message_age_text(state, self._waiting[index], now) != age:
                del self._drawn[row]
                self.refresh(Region(0, row, width, 1))

    def shown_text(self) -> str:
        """Every row as plain text (what scrolling through the panel shows)."""
        return "\n".join(self._row(i)[0].plain for i in range(self.row_count))

    def _row(self, row: int) -> tuple[Content, str]:
        state = self._state
        if row < len(self._head):
            return self._head[row], ""
        index, part = divmod(row - len(self._head), 2)
        if state is None or index >= len(self._waiting):
            return self._empty or plain(""), ""
        message = self._waiting[index]
        if part:
            return message_text_line(message), ""
        age = message_age_text(state, message, self._now)
        return message_line(state, message, age), age

    # -- layout and drawing ----------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.row_count if self._state is not None else 0

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._state is None or y >= self.row_count:
            return Strip.blank(width, self.visual_style.rich_style)
        drawn = self._drawn.get(y)
        if drawn is not None and drawn[1].cell_length == width:
            return drawn[1]
        content, age = self._row(y)
        strips = Visual.to_strips(self, content, width, 1, self.visual_style, pad=True)
        strip = strips[0] if strips else Strip.blank(width, self.visual_style.rich_style)
        self._drawn[y] = (age, strip)
        return strip
