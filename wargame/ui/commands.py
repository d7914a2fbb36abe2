"""Every facilitator action, once: its palette title, key, screen action and help text.

The command palette, the key bindings, the footer and the help screen are all built from
``SESSION_ACTIONS``, so a title or key is written in one place only.
"""

from __future__ import annotations

from functools import partial

import attrs
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


@attrs.frozen
class SessionAction:
    title: str  # exactly as the command palette shows it
    action: str  # the SessionScreen action it runs (action_<name>)
    key: str  # binding key(s), comma separated
    help: str
    footer: str = ""  # short label when shown in the footer; empty keeps it out of the footer


SESSION_ACTIONS: tuple[SessionAction, ...] = (
    SessionAction("Advance phase", "advance_phase", "p",
                  "Go to the next phase: plan → exercise → assess → adjust → end", "Phase"),
    SessionAction("Next turn", "next_turn", "n",
                  "Close this turn and open the next (scheduled injects are released)", "Next turn"),
    SessionAction("Enter move", "enter_move", "m",
                  "Record a delegation's move from the rulebook's catalogue", "Move"),
    SessionAction("Adjudicate move", "adjudicate_move", "a",
                  "Approve, amend or reject a move waiting for adjudication", "Adjudicate"),
    SessionAction("Record perception", "record_perception", "r",
                  "Record how a delegation read another's move"),
    SessionAction("Send hotline message", "send_message", "h",
                  "Send a message along the hotline (relayed when no direct channel is up)", "Hotline"),
    SessionAction("Acknowledge hotline message", "acknowledge_message", "k",
                  "Acknowledge a pending hotline message", "Ack"),
    SessionAction("Pass on relayed message", "relay_message", "f",
                  "Pass on, for the delegation it waits at, a message relayed by hand "
                  "(scenarios with hotline relay: manual)"),
    SessionAction("Release inject", "release_inject", "i", "Release an MSEL inject by hand"),
    SessionAction("Add note", "add_note", "o", "Add a facilitator's or a delegation's note"),
    SessionAction("Retract event", "retract_event", "x",
                  "Retract a move, a message or any event, with a reason"),
    SessionAction("Set channel status", "set_channel", "c", "Bring a hotline channel down or up"),
    SessionAction("Propose pause", "propose_pause", "b",
                  "Record a delegation's proposal of a pause moment to another"),
    SessionAction("Answer pause", "answer_pause", "j",
                  "Record the acceptance or refusal of a proposed pause"),
    SessionAction("Rate objective", "rate_objective", "s",
                  "Rate an objective P / S / M / U (HSEEP) with a note"),
    SessionAction("Answer hot-wash question", "answer_hotwash", "w",
                  "Record an answer to a hot-wash question"),
    SessionAction("Add lesson", "add_lesson", "l", "Add a strength or an area for improvement"),
    SessionAction("Add improvement item", "add_improvement", "v",
                  "Add an item to the improvement plan"),
    SessionAction("Render debrief", "render_debrief", "d",
                  "Choose format and edition, then write the debrief next to the session file"),
    SessionAction("Hold inject", "hold_inject", "g",
                  "Keep a scheduled inject back when its turn opens"),
    SessionAction("Re-time inject", "retime_inject", "t",
                  "Move a scheduled or held inject to another turn"),
    SessionAction("Compose ad hoc inject", "compose_inject", "e",
                  "Write an inject on the spot, from a role of the simulation cell"),
    SessionAction("Send situation update", "send_update", "u",
                  "A situation update from control to all or some delegations"),
    SessionAction("Pause timebox", "pause_timebox", "z", "Stop the turn's timebox for everyone"),
    SessionAction("Resume timebox", "resume_timebox", "Z", "Start the paused timebox again"),
    SessionAction("Write facilitator's summary", "write_summary", "y",
                  "The summary the debrief opens with"),
    SessionAction("Show access codes", "show_access_codes", "f6",
                  "The codes each delegation types to open its view in wargame serve"),
)

VIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("f2 / f3 / f4 / f5", "Plan / Console / Assess / Adjust view"),
    ("1 … 5", "Console panel at narrow widths: ladder, hotline, MSEL, moves, timeline"),
    ("← → or [ ]", "On the ladder: select the previous / next pair"),
    ("↑ ↓ PgUp PgDn Home End", "Move in lists and the timeline"),
    ("Enter", "On a pending move: adjudicate it; on a timeline event: its details"),
    ("tab / shift+tab", "Next / previous field or panel"),
    ("ctrl+p", "Command palette (every action above)"),
    ("escape", "Close a form without saving"),
    ("ctrl+s", "In a form: save (Enter too, on a one-line field; in a text box it starts a new line)"),
    ("f1 or ?", "This help"),
    ("ctrl+q", "Quit (the session is saved after every action)"),
)


def session_bindings() -> list[Binding]:
    return [
        Binding(a.key, a.action, a.footer or a.title, show=bool(a.footer), id=a.action,
                tooltip=a.help)
        for a in SESSION_ACTIONS
    ]


def screen_bindings() -> list[Binding]:
    """The session screen's keys as its footer shows them: every action, then help."""
    return [*session_bindings(), Binding("f1,question_mark", "help", "Help", id="help")]


class SessionCommands(Provider):
    """The command palette's view of SESSION_ACTIONS, on the session screen."""

    async def discover(self) -> Hits:
        for entry in SESSION_ACTIONS:
            yield DiscoveryHit(entry.title, partial(self._run, entry), help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in SESSION_ACTIONS:
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), partial(self._run, entry),
                          text=entry.title, help=entry.help)

    async def _run(self, entry: SessionAction) -> None:
        await self.screen.run_action(entry.action)
