"""Forms for the hotline: send a message, acknowledge one, bring a channel down or up."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from wargame.engine.state import Message
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms.fields import (
    choice, entry, field, put, radio, radio_value, select_value, set_radio, set_select,
    text_value,
)
from wargame.ui.forms.moves import delegation_options


def message_label(message: Message) -> str:
    text = message.text if len(message.text) <= 40 else message.text[:39] + "…"
    return f"{message.id} · T{message.sent_turn} {message.sender} → {message.recipient}: {text}"


class SendMessageForm(ActionForm):
    KIND = "hotline"
    TITLE = "Send hotline message"
    INTRO = "Travels along open channels; relayed through a third delegation when no direct one is up."

    def fields(self) -> ComposeResult:
        messages = list(self.state.messages.values())
        yield field("From", choice(delegation_options(self.state), id="from"))
        yield field("To", choice(delegation_options(self.state), id="to"))
        yield field("Message", entry("text", "e.g. Our patrol is routine"))
        yield field("In reply to", choice(((message_label(m), m.id) for m in reversed(messages)),
                                          id="reply_to", prompt="Not a reply"))

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        put(payload, "from", select_value(self.query_one("#from", Select)))
        put(payload, "to", select_value(self.query_one("#to", Select)))
        payload["text"] = text_value(self.query_one("#text", Input))
        put(payload, "reply_to", select_value(self.query_one("#reply_to", Select)))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        for key in ("from", "to", "reply_to"):
            if key in payload:
                set_select(self.query_one(f"#{key}", Select), payload[key])
        if "text" in payload:
            self.query_one("#text", Input).value = str(payload["text"])


class AckForm(ActionForm):
    KIND = "ack"
    TITLE = "Acknowledge hotline message"

    def fields(self) -> ComposeResult:
        waiting = [m for m in self.state.messages.values() if not m.acknowledged]
        yield field("Message", choice(((message_label(m), m.id) for m in waiting), id="message",
                                      prompt="Choose a message" if waiting else "No message is waiting"))
        yield field("Acknowledged by", choice(delegation_options(self.state), id="by"),
                    "Usually the recipient (chosen for you)")
        yield field("Reply", entry("text", "Optional: what they answered"))

    @on(Select.Changed, "#message")
    def _message_chosen(self, event: Select.Changed) -> None:
        message = self.state.messages.get(str(event.value))
        by = self.query_one("#by", Select)
        if message is not None and by.is_blank():
            by.value = message.recipient

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        put(payload, "message", select_value(self.query_one("#message", Select)))
        put(payload, "by", select_value(self.query_one("#by", Select)))
        put(payload, "text", text_value(self.query_one("#text", Input)))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        for key in ("message", "by"):
            if key in payload:
                set_select(self.query_one(f"#{key}", Select), payload[key])
        if "text" in payload:
            self.query_one("#text", Input).value = str(payload["text"])


class ChannelForm(ActionForm):
    KIND = "channel"
    TITLE = "Set channel status"

    def fields(self) -> ComposeResult:
        options = []
        for channel in self.state.scenario.channels:
            a, b = channel.between
            status = self.state.channels.get(frozenset(channel.between), channel.status)
            options.append((f"{a} — {b} (now {status})", f"{a},{b}"))
        yield field("Channel", choice(options, id="between"))
        yield field("Status", radio((("up", "Up"), ("down", "Down ╳")), id="status"))

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        between = select_value(self.query_one("#between", Select))
        if between is not None:
            payload["between"] = between.split(",")
        put(payload, "status", radio_value(self.query_one("#status")))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        if "between" in payload:
            set_select(self.query_one("#between", Select), ",".join(payload["between"]))
        if "status" in payload:
            set_radio(self.query_one("#status"), payload["status"])
