"""A delegation's keys: its screen's and, dimmed, its opening frame's (wargame.ui.screens.opening).

Here rather than with the screen so that the first frame shows them without loading the
engine the screen needs.
"""

from __future__ import annotations

from textual.binding import Binding

DELEGATION_BINDINGS = [
    Binding("m", "enter_move", "Move", id="delegation.move"),
    Binding("h", "send_message", "Message", id="delegation.message"),
    Binding("y", "reply", "Reply", id="delegation.reply"),
    Binding("k", "acknowledge", "Ack", id="delegation.ack"),
    Binding("f", "relay", "Pass on", id="delegation.relay"),
    Binding("r", "read_move", "Read move", id="delegation.read"),
    Binding("p", "propose_pause", "Pause", id="delegation.propose_pause"),
    Binding("a", "answer_pause", "Answer pause", id="delegation.answer_pause"),
    Binding("1", "tab('situation')", "Situation", show=False),
    Binding("2", "tab('hotline')", "Hotline", show=False),
    Binding("3", "tab('moves')", "Moves", show=False),
    Binding("4", "tab('briefing')", "Briefing", show=False),
]
