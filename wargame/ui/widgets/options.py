"""The option list every screen uses: Textual's, safe to page before it is laid out."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList


class Options(OptionList):
    """OptionList pages with a map of lines built while drawing: a PageUp or PageDown right
    after the options were replaced by a refresh, or while the list is hidden in a narrow
    layout, raised KeyError (found by the key storm). Until the map is there, the key does
    nothing."""

    def _move_page(self, direction) -> None:  # type: ignore[no-untyped-def]
        self._update_lines()
        if (self.highlighted or 0) not in self._index_to_line:
            return
        super()._move_page(direction)


class SafeCommandPalette(CommandPalette):
    """The command palette, with the same guard on its own list's PageUp and PageDown."""

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            commands = self.query_one(CommandList)
            commands._update_lines()
            if (commands.highlighted or 0) not in commands._index_to_line:
                return
        super()._action_command_list(action)
