"""A delegation's screen (an observer's, read-only) on a session others have open too.

Tabs: the situation (ladder for its pairs, injects, who is connected), its hotline, the
moves it may see, its briefing. Everything shown comes from the screen's snapshot: the
viewer's filtered copy of the state (wargame.ui.live). A poll thread looks for events from
other processes every ``poll_interval`` seconds; forms are modal screens above this one,
so a refresh redraws the panels underneath and leaves what is being typed alone.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical, VerticalScroll
from textual.widgets import Footer, Markdown, Static, TabbedContent, TabPane

from wargame.engine.pauses import awaiting
from wargame.engine.presence import HEARTBEAT_EVERY
from wargame.engine.state import Event, ExerciseState
from wargame.engine.state import Message as HotlineMessage
from wargame.ui.delegation.changes import what_changed
from wargame.ui.delegation.forms import own_form
from wargame.ui.delegation.keys import DELEGATION_BINDINGS
from wargame.ui.delegation.ladder import PairLadder, pairs_of
from wargame.ui.delegation.panels import (
    HotlineList, InjectFeed, MoveList, ViewerStatus, briefing_markdown, to_pass_on, waiting_for,
)
from wargame.printable import printable
from wargame.ui.live import LiveScreen, LiveSession, Snapshot
from wargame.ui.describe import describe_event
from wargame.ui.messages import ActionDone
from wargame.ui.widgets.hotline import channel_lines
from wargame.ui.widgets.presence import PresencePanel
from wargame.ui.text import plain

ACTING = ("enter_move", "send_message", "reply", "acknowledge", "relay", "read_move",
          "propose_pause", "answer_pause")


class PollingScreen(LiveScreen):
    """A viewer's screen: redraws from each new snapshot and says what changed for it."""

    def __init__(self, live: LiveSession, *, poll_interval: float | None,
                 presence_interval: float = HEARTBEAT_EVERY) -> None:
        super().__init__(live, poll_interval=poll_interval)
        self.presence_interval = presence_interval

    def on_mount(self) -> None:
        self.prepare()
        self.show_view()
        self.set_interval(1.0, self._tick)
        self.start_polling()

    def _tick(self) -> None:
        if self.is_attached:
            self.tick()

    def show_snapshot(self, before: Snapshot, after: Snapshot) -> None:
        for notice in what_changed(before.state, after.state, self.live.viewer):
            self.notify(notice.text, title=notice.title,
                        severity="warning" if notice.urgent else "information",
                        timeout=12 if notice.urgent else 6)
        self.show_view()

    def show_view(self) -> None:
        """Redraw every panel from the snapshot; tells the app which event it now shows."""
        self.draw(self.state, self.live.clock())
        view_shown = getattr(self.app, "view_shown", None)
        if view_shown is not None:
            view_shown(self.state.last_seq)

    def prepare(self) -> None:
        """Once, when mounted: what does not change with the view."""

    def draw(self, view: ExerciseState, now: float) -> None:
        raise NotImplementedError

    def tick(self) -> None:
        """Once a second: what depends on the clock."""


class DelegationScreen(PollingScreen):
    BINDINGS = DELEGATION_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def compose(self) -> ComposeResult:
        viewer = self.live.viewer
        yield ViewerStatus(id="viewer-status")
        with TabbedContent(id="tabs"):
            with TabPane("1 Situation", id="situation"):
                with ScrollableContainer(id="situation-body"):
                    with VerticalScroll(id="situation-ladder"):
                        yield PairLadder(id="ladder")
                    with Vertical(id="situation-side"):
                        yield PresencePanel(self.live, viewer, id="presence",
                                            clock=self.live.clock,
                                            interval=self.presence_interval)
                        yield Static("Injects (newest first)", classes="section-title")
                        with VerticalScroll(id="injects-scroll"):
                            yield InjectFeed(id="injects")
            with TabPane("2 Hotline", id="hotline"):
                yield Static(id="channels")
                yield HotlineList(id="messages")
            with TabPane("3 Moves", id="moves"):
                yield MoveList(id="move-list")
            with TabPane("4 Briefing", id="briefing"):
                with VerticalScroll():
                    yield Markdown(id="briefing-text", open_links=False)
        yield Footer(compact=True)

    def prepare(self) -> None:
        self.query_one("#briefing-text", Markdown).update(
            printable(briefing_markdown(self.state, self.live.viewer)))

    def draw(self, view: ExerciseState, now: float) -> None:
        viewer = self.live.viewer
        self.query_one(ViewerStatus).show_view(view, viewer, now)
        self.query_one(PairLadder).show_view(view, pairs_of(view, viewer))
        self.query_one(InjectFeed).show_view(view, viewer)
        self.query_one("#channels", Static).update(plain("\n").join(
            [plain("Channels", "bold $accent"), *channel_lines(view)]))
        self.query_one(HotlineList).show_view(view, viewer)
        self.query_one(MoveList).show_view(view, viewer)
        tabs = self.query_one("#tabs", TabbedContent)
        counts = [f"{n} {what}" for n, what in ((len(waiting_for(view, viewer)), "to ack"),
                                                  (len(to_pass_on(view, viewer)), "to pass on"))
                  if n]
        tabs.get_tab("hotline").label = plain(
            f"2 Hotline ({', '.join(counts)})" if counts else "2 Hotline")

    def tick(self) -> None:
        self.query_one(ViewerStatus).show_view(self.state, self.live.viewer, self.live.clock())

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ACTING and not self.live.can_act:
            return False  # observers watch: no forms, and no keys in the footer
        if action == "relay" and self.state.scenario.relay != "manual":
            return False  # relays are automatic: nothing ever waits to be passed on
        return True

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab

    def action_enter_move(self) -> None:
        self.open_form("move")

    def action_send_message(self) -> None:
        self.open_form("hotline")

    def action_reply(self) -> None:
        message = self._message()
        if message is None:
            self.notify("No message to reply to yet.", severity="warning")
            return
        other = message.sender if message.sender != self.live.viewer else message.recipient
        self.open_form("hotline", to=other, reply_to=message.id)

    def action_acknowledge(self) -> None:
        waiting = waiting_for(self.state, self.live.viewer)
        if not waiting:
            self.notify("No message is waiting for your acknowledgement.")
            return
        chosen = self._message()
        target = chosen if chosen in waiting else waiting[0]
        self.open_form("ack", message=target.id)

    def action_relay(self) -> None:
        held = to_pass_on(self.state, self.live.viewer)
        if not held:
            self.notify("No message is waiting for you to pass it on.")
            return
        chosen = self._message()
        target = chosen if chosen in held else held[0]
        self.open_form("relay", message=target.id)

    def action_read_move(self) -> None:
        chosen = self.query_one(MoveList).chosen()
        move = self.state.moves.get(chosen or "")
        readable = move is not None and move.by != self.live.viewer and move.status != "retracted"
        initial = {"move": move.id} if readable else {}
        self.open_form("perceive", **initial)

    def action_propose_pause(self) -> None:
        self.open_form("propose-pause")

    def action_answer_pause(self) -> None:
        waiting = awaiting(self.state, self.live.viewer)
        if not waiting:
            self.notify("No pause is waiting for your answer.")
            return
        self.open_form("answer-pause", pause=waiting[0].id)

    def _message(self) -> HotlineMessage | None:
        """The highlighted message on the hotline tab, else the newest one."""
        chosen = self.query_one(HotlineList).chosen()
        messages = self.state.messages
        if chosen in messages:
            return messages[chosen]
        newest = sorted(messages.values(), key=lambda m: m.seq)
        return newest[-1] if newest else None

    def open_form(self, kind: str, **initial: Any) -> None:
        form = own_form(kind, self.state, self.live.viewer, self.act, initial)
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, event: Event | None) -> None:
        if event is not None:
            self.notify(describe_event(event, self.state), title="Recorded")

    def on_action_done(self, done: ActionDone) -> None:
        if not done.ok:
            self.notify(done.refusal or "refused", title=f"{done.kind} refused", severity="error")
