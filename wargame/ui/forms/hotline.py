"""Forms for the hotline: send a message, acknowledge one, pass one on (manual relays),
bring a channel down or up."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select

from wargame.engine import vocabulary
from wargame.engine.state import Message
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms import examples
from wargame.ui.forms.fields import choice, entry, field, prose, radio, set_select
from wargame.ui.forms.moves import delegation_options


def message_label(message: Message) -> str:
    text = message.text if len(message.text) <= 40 else message.text[:39] + "…"
    return f"{message.id} · T{message.sent_turn} {message.sender} → {message.recipient}: {text}"


class SendMessageForm(ActionForm):
    ACTION = vocabulary.Hotline
    TITLE = "Send hotline message"
    INTRO = "Travels along open channels; relayed through a third delegation when no direct one is up."

    def fields(self) -> ComposeResult:
        messages = list(self.state.messages.values())
        yield field("From", choice(delegation_options(self.state), id="from"))
        yield field("To", choice(delegation_options(self.state), id="to"))
        yield field("Message", prose("text", examples.message_text(self.state.scenario)))
        yield field("In reply to", choice(((message_label(m), m.id) for m in reversed(messages)),
                                          id="reply_to", prompt="Not a reply"))


def _acknowledgeable(messages) -> list[Message]:
    """Not yet acknowledged, and arrived (a message held on its way cannot be)."""
    return [m for m in messages if not m.acknowledged and m.delivered]


class AckForm(ActionForm):
    ACTION = vocabulary.Ack
    TITLE = "Acknowledge hotline message"

    def fields(self) -> ComposeResult:
        waiting = _acknowledgeable(self.state.messages.values())
        yield field("Message", choice(((message_label(m), m.id) for m in waiting), id="message",
                                      prompt="Choose a message" if waiting else "No message is waiting"))
        yield field("Acknowledged by", choice(delegation_options(self.state), id="by"),
                    "Usually the recipient (chosen for you)")
        yield field("Reply", entry("text", "Optional: what they answered"))

    def on_mount(self) -> None:
        # The only open message is the one to acknowledge (an initial payload still wins).
        waiting = _acknowledgeable(self.state.messages.values())
        if len(waiting) == 1:
            set_select(self.query_one("#message", Select), waiting[0].id)

    @on(Select.Changed, "#message")
    def _message_chosen(self, event: Select.Changed) -> None:
        message = self.state.messages.get(str(event.value))
        by = self.query_one("#by", Select)
        if message is not None and by.is_blank():
            by.value = message.recipient


def held_label(message: Message) -> str:
    text = message.text if len(message.text) <= 30 else message.text[:29] + "…"
    where = f"at {message.waiting_at} " if message.waiting_at else ""
    return (f"{message.id} · {where}· T{message.sent_turn} {message.sender} → "
            f"{message.recipient}: {text}")


class RelayForm(ActionForm):
    ACTION = vocabulary.Relay
    TITLE = "Pass on a relayed message"
    INTRO = "The message goes on to the next delegation of its route, with your note if any."

    def held(self) -> list[Message]:
        return sorted((m for m in self.state.messages.values() if m.waiting_at is not None),
                      key=lambda m: m.seq)

    def fields(self) -> ComposeResult:
        held = self.held()
        yield field("Message", choice(((held_label(m), m.id) for m in held), id="message",
                                      prompt="Choose a message" if held
                                      else "No message is waiting to be passed on"))
        yield field("Passed on by", choice(delegation_options(self.state), id="by"),
                    "The delegation it waits at (chosen for you)")
        yield field("Note", entry("note", "Optional: e.g. Passed on verbatim at 10:40"),
                    "Seen by the sender, the recipient and the other relays; never public")

    def on_mount(self) -> None:
        held = self.held()
        if len(held) == 1:
            set_select(self.query_one("#message", Select), held[0].id)

    @on(Select.Changed, "#message")
    def _message_chosen(self, event: Select.Changed) -> None:
        message = self.state.messages.get(str(event.value))
        by = self.query_one("#by", Select)
        if message is not None and message.waiting_at and by.is_blank():
            by.value = message.waiting_at


class ChannelForm(ActionForm):
    ACTION = vocabulary.Channel
    TITLE = "Set channel status"

    def fields(self) -> ComposeResult:
        options = []
        for channel in self.state.scenario.channels:
            a, b = channel.between
            status = self.state.channel_status(channel)
            options.append((f"{a} — {b} (now {status})", f"{a},{b}"))
        yield field("Channel", choice(options, id="between"))
        yield field("Status", radio((("up", "Up"), ("down", "Down ╳")), id="status"))
        yield field("Reason", entry("reason", "e.g. Cable cut by the storm"),
                    "Shown in the timeline and the debrief")
