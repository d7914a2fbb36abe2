"""The help screen (F1 or ?): every action with its key, and how to move around."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from wargame.ui.commands import SESSION_ACTIONS, VIEW_KEYS
from wargame.ui.text import assemble, plain


def help_content() -> Content:
    """Key, action and what it does, one wrapped paragraph each (readable at 80 columns)."""
    lines: list[Content] = [plain("Actions (also in the command palette, ctrl+p)", "bold $accent")]
    for entry in SESSION_ACTIONS:
        lines.append(assemble((f" {entry.key:<3}", "bold $accent"), (entry.title, "bold"),
                                      " — ", (entry.help, "$text-muted")))
    lines += [plain(""), plain("Moving around", "bold $accent")]
    for keys, meaning in VIEW_KEYS:
        lines.append(assemble((f" {keys}", "bold $accent"), " — ", meaning))
    return plain("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static("Keys and commands", id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_content(), id="help-text")
            yield Static("escape closes this help", id="help-hint")
