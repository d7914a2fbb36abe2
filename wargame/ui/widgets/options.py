"""Option lists, selects and the command palette, safe to page before they are laid out.

Textual's OptionList pages with a map of lines built while drawing: a PageUp or PageDown
right after the options were replaced by a refresh, while the list is hidden in a narrow
layout, or as a select's list or the palette opens, raised KeyError and closed the app
(found by the key storm, tests/test_ui_key_storm.py). Until the map is there, the key
does nothing. Every list, select and palette of the app comes from here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList, Select
from textual.widgets._select import SelectCurrent, SelectOverlay


def laid_out(options: OptionList) -> bool:
    """Whether ``options`` can page: its map of lines covers the highlighted option."""
    options._update_lines()
    return (options.highlighted or 0) in options._index_to_line


class Options(OptionList):
    def _move_page(self, direction) -> None:  # type: ignore[no-untyped-def]
        if laid_out(self):
            super()._move_page(direction)


class _Overlay(SelectOverlay):
    def _move_page(self, direction) -> None:  # type: ignore[no-untyped-def]
        if laid_out(self):
            super()._move_page(direction)


class Choices(Select):
    """A Select whose drop-down list pages safely."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _Overlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)


class SafeCommandPalette(CommandPalette):
    """The command palette, with the same guard on its own list's PageUp and PageDown."""

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down") and not laid_out(self.query_one(CommandList)):
            return
        super()._action_command_list(action)
