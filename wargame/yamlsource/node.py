"""The located value the YAML reader produces."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

import attrs

from wargame.errors import Location

_NO_KEYS: Mapping[str, Location] = MappingProxyType({})


@attrs.frozen
class Node:
    """One YAML value and where it was written."""

    value: Any  # dict[str, Node] | list[Node] | str | int | float | bool | None | date
    location: Location  # 1-based, where the value starts
    key_locations: Mapping[str, Location] = _NO_KEYS  # for mappings: where each key is written
    raw: str | None = None  # for scalars: the text as written (``yes`` for True, ``06`` for 6)

    def plain(self) -> Any:
        """The value with every Node unwrapped, recursively."""
        value = self.value
        if isinstance(value, dict):
            return {key: child.plain() for key, child in value.items()}
        if isinstance(value, list):
            return [child.plain() for child in value]
        return value
