"""The hotline network: channels with their status, and messages still waiting for an ack.

A down channel reads ``╳ down`` (not only a colour); a late message reads ``LATE``.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import ExerciseState
from wargame.ui.describe import age_text, message_age
from wargame.ui.text import assemble, plain


def channel_lines(state: ExerciseState) -> list[Content]:
    scenario = state.scenario
    width = max((len(d.id) for d in scenario.delegations), default=6)
    lines = []
    for channel in scenario.channels:
        a, b = channel.between
        status = state.channels.get(frozenset(channel.between), channel.status)
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


def pending_lines(state: ExerciseState, now: float) -> list[Content]:
    waiting = [m for m in state.messages.values() if not m.acknowledged and m.seq not in state.retracted]
    if not waiting:
        return [plain("No message waiting for an acknowledgement.", "$text-muted")]
    lines = []
    for message in sorted(waiting, key=lambda m: m.seq):
        turns, seconds = message_age(state, message.sent_turn, message.sent_at, now)
        route = " → ".join(message.route) if message.route else f"{message.sender} → {message.recipient}"
        parts: list[str | tuple[str, str]] = [
            (message.id, "bold"), " ", route, "  ", (age_text(turns, seconds), "$text-muted"),
        ]
        if message.late(state.turn):
            parts += ["  ", ("⚠ LATE", "bold $text-error")]
        parts += ["  “", message.text, "”"]
        lines.append(assemble(*parts))
    return lines


class HotlinePanel(Static):
    """Channels and pending messages (both lists are short).

    The channels part is built when the state changes; the clock tick rebuilds only the
    pending lines' ages and redraws nothing when no age changed (most seconds).
    """

    _channels: list[Content] | None = None
    _shown: Content | None = None

    def show_state(self, state: ExerciseState, now: float) -> None:
        waiting = sum(1 for m in state.messages.values() if not m.acknowledged)
        self._channels = [
            assemble(("Channels", "bold $accent"), (" (ack within ≤N turns)", "$text-muted")),
            *channel_lines(state), plain(""),
            plain(f"Waiting for acknowledgement ({waiting})", "bold $accent")]
        self._draw(state, now)

    def tick(self, state: ExerciseState, now: float) -> None:
        if self._channels is None:
            self.show_state(state, now)
        else:
            self._draw(state, now)

    def _draw(self, state: ExerciseState, now: float) -> None:
        content = plain("\n").join([*(self._channels or []), *pending_lines(state, now)])
        if content != self._shown:  # ages are in minutes: most ticks change nothing
            self._shown = content
            self.update(content)
