"""The collections being built while events stream in: a list, or a mapping whose keys are
checked (text only, no duplicates) and whose merge keys (``<<``) are applied when it ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.errors import Location
from wargame.yamlsource.node import Node

if TYPE_CHECKING:
    from wargame.yamlsource.compose import Composer


class SequenceFrame:
    __slots__ = ("location", "items", "size", "anchor")

    def __init__(self, location: Location, anchor: str | None):
        self.location = location
        self.items: list[Node] = []
        self.size = 1
        self.anchor = anchor

    def add(self, composer: Composer, node: Node, size: int, merge: bool) -> None:
        self.items.append(node)
        self.size += size

    def finish(self) -> Node:
        return Node(self.items, self.location)


class MappingFrame:
    __slots__ = ("location", "entries", "key_locations", "size", "anchor", "key", "key_location",
                 "expect_key", "merging", "merges", "merge_seen")

    def __init__(self, location: Location, anchor: str | None):
        self.location = location
        self.entries: dict[str, Node] = {}
        self.key_locations: dict[str, Location] = {}
        self.size = 1
        self.anchor = anchor
        self.key: str | None = None  # None with expect_key False: skip the value (bad key)
        self.key_location: Location | None = None
        self.expect_key = True
        self.merging = False  # the pending value is the source of a merge key
        self.merges: list[Node] | None = None
        self.merge_seen: Location | None = None

    def add(self, composer: Composer, node: Node, size: int, merge: bool) -> None:
        self.size += size
        if self.expect_key:
            self.expect_key = False
            self.key_location = node.location
            self.key = None
            self.merging = False
            if merge:
                if self.merge_seen is not None:
                    composer.problem(node.location, "duplicate merge key '<<' "
                                     f"(first at line {self.merge_seen.line})")
                else:
                    self.merge_seen = node.location
                    self.merging = True
                    self.merges = []
            elif isinstance(node.value, str):
                self.key = node.value
            else:
                composer.problem(node.location, _bad_key(node))
            return
        self.expect_key = True
        if self.merging:
            self._merge(composer, node)
            return
        key = self.key
        if key is None:
            return
        first = self.key_locations.get(key)
        if first is not None:
            composer.problem(self.key_location, f"duplicate key '{key}' (first written at line "
                             f"{first.line}, column {first.column}); each key may appear once")
            return
        self.entries[key] = node
        self.key_locations[key] = self.key_location

    def _merge(self, composer: Composer, node: Node) -> None:
        sources = node.value if isinstance(node.value, list) else [node]
        for source in sources:
            if isinstance(source.value, dict):
                self.merges.append(source)
            else:
                composer.problem(source.location,
                                 "a merge key '<<' takes a mapping or a list of mappings")

    def finish(self) -> Node:
        if not self.merges:
            return Node(self.entries, self.location, self.key_locations)
        entries: dict[str, Node] = dict(self.entries)
        key_locations = dict(self.key_locations)
        for source in self.merges:  # earlier sources win, explicit keys win over all
            for key, value in source.value.items():
                if key not in entries:
                    entries[key] = value
                    key_locations[key] = source.key_locations.get(key, source.location)
        return Node(entries, self.location, key_locations)


def _bad_key(node: Node) -> str:
    value = node.value
    if isinstance(value, (dict, list)):
        return "keys must be text, got a " + ("mapping" if isinstance(value, dict) else "list")
    written = node.raw if node.raw is not None else str(value)
    kind = {bool: "a boolean", int: "a number", float: "a number", type(None): "an empty value"}.get(
        type(value), "a date")
    return f"keys must be text, got {kind} ({written}); quote it if you mean the text '{written}'"
