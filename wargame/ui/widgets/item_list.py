"""A long list of items (a few lines each) that renders only the lines on screen.

Textual's OptionList lays out every option whenever options are replaced or inserted at
the top, which on a long session (thousands of moves, newest first) costs seconds per
event. Here the items' lines are built once per item and kept while the item's record is
unchanged; a new list of items costs a pass over ids and line counts, and drawing costs
the visible lines only. Lines do not wrap: a long one ends in an ellipsis.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


class ItemList(ScrollView, can_focus=True):
    """Items with ids; ``highlighted`` is the index of the highlighted item (or None)."""

    COMPONENT_CLASSES = {"item-list--highlight"}
    DEFAULT_CSS = """
    ItemList { text-wrap: nowrap; text-overflow: ellipsis; }
    ItemList > .item-list--highlight { background: $block-cursor-blurred-background; }
    ItemList:focus > .item-list--highlight {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._ids: list[str] = []
        self._starts: list[int] = []  # first line of each item
        self._built: dict[str, tuple[Any, list[Content]]] = {}  # id -> (record, its lines)
        self._strips: dict[int, Strip] = {}  # line -> strip, for the lines drawn

    # -- contents ---------------------------------------------------------------------

    @property
    def option_count(self) -> int:
        return len(self._ids)

    def set_items(self, items: Iterable[tuple[str, Any]],
                  lines_of: Callable[[Any], Sequence[Content]]) -> None:
        """Show ``items`` (id, record) in order; an item's lines are rebuilt with
        ``lines_of(record)`` only when its record differs from the one drawn before."""
        chosen = self.chosen()
        built, previous = {}, self._built
        ids, starts, line = [], [], 0
        for item_id, record in items:
            kept = previous.get(item_id)
            if kept is None or kept[0] != record:
                kept = (record, list(lines_of(record)))
            built[item_id] = kept
            ids.append(item_id)
            starts.append(line)
            line += len(kept[1])
        self._built, self._ids, self._starts = built, ids, starts
        self._strips.clear()
        self.virtual_size = Size(self.size.width, line)
        if chosen in built:
            self.highlighted = ids.index(chosen)
        else:
            self.highlighted = 0 if ids else None
        self.refresh()

    def chosen(self) -> str | None:
        """The id of the highlighted item."""
        if self.highlighted is None or not self._ids:
            return None
        return self._ids[min(self.highlighted, len(self._ids) - 1)]

    def shown_text(self) -> str:
        """Every item's lines as plain text (what scrolling through the list shows)."""
        return "\n".join(line.plain for i in self._ids for line in self._built[i][1])

    # -- the highlight ----------------------------------------------------------------

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self._ids:
            return None
        return max(0, min(value, len(self._ids) - 1))

    def watch_highlighted(self, value: int | None) -> None:
        self._strips.clear()
        self.refresh()
        if value is not None and self._ids:
            top, height = self._item_lines(value)
            self.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True)

    def _item_lines(self, index: int) -> tuple[int, int]:
        start = self._starts[index]
        return start, len(self._built[self._ids[index]][1])

    def action_move(self, delta: int) -> None:
        if self._ids:
            self.highlighted = (self.highlighted or 0) + delta

    def action_page(self, direction: int) -> None:
        if not self._ids:
            return
        top, _ = self._item_lines(self.highlighted or 0)
        target = top + direction * max(self.scrollable_content_region.height - 1, 1)
        target = max(0, min(target, self.virtual_size.height - 1))
        self.highlighted = bisect_right(self._starts, target) - 1

    def action_jump(self, where: int) -> None:
        if self._ids:
            self.highlighted = 0 if where == 0 else len(self._ids) - 1

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_click(self, click) -> None:  # type: ignore[no-untyped-def]
        line = click.y + self.scroll_offset.y
        if self._ids and 0 <= line < self.virtual_size.height:
            self.highlighted = bisect_right(self._starts, line) - 1

    # -- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.visual_style
        if not self._ids or line >= self.virtual_size.height:
            return Strip.blank(width, style.rich_style)
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            index = bisect_right(self._starts, line) - 1
            content = self._built[self._ids[index]][1][line - self._starts[index]]
            if index == self.highlighted:
                style = style + self.get_visual_style("item-list--highlight")
            strips = Visual.to_strips(self, content, width, 1, style, pad=True)
            strip = strips[0] if strips else Strip.blank(width, style.rich_style)
            self._strips[line] = strip
        return strip
