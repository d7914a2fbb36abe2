"""Ids defined in a file and the references to them, with 'did you mean' for the misses."""

from __future__ import annotations

from typing import Iterable

from wargame.errors import Location
from wargame.loader.fields import Reader
from wargame.loader.suggest import Suggester, listing
from wargame.yamlsource import Node


class IdTable:
    """The ids of one kind of thing (rungs, delegations, injects...) and where each is defined."""

    def __init__(self, noun: str, plural: str):
        self.noun = noun
        self.plural = plural
        self.where: dict[str, Location | None] = {}
        self._suggester: Suggester | None = None

    @classmethod
    def of(cls, noun: str, plural: str, ids: Iterable[str]) -> IdTable:
        """A table of ids defined elsewhere (in the rulebook, for a scenario)."""
        table = cls(noun, plural)
        table.where = dict.fromkeys(ids)
        return table

    def __contains__(self, item: object) -> bool:
        return item in self.where

    def __len__(self) -> int:
        return len(self.where)

    @property
    def ids(self) -> list[str]:
        return list(self.where)

    def define(self, reader: Reader, node: Node, value: str | None) -> bool:
        """Record a definition; a second definition of the same id is a problem."""
        if value is None:
            return False
        if value in self.where:
            first = self.where[value]
            at = f" (first defined at line {first.line})" if first is not None else ""
            reader.error(node, f"duplicate {self.noun} id '{value}'{at}; ids must be unique")
            return False
        self.where[value] = node.location
        return True

    def refer(self, reader: Reader, node: Node, label: str) -> str | None:
        """The id ``node`` names, or None after a problem (not text, or not defined)."""
        value = reader.text(node, label)
        if value is None:
            return None
        if value not in self.where:
            reader.error(node, self.unknown(label, value))
            return None
        return value

    def closest(self, value: str) -> str | None:
        if self._suggester is None or len(self._suggester.choices) != len(self.where):
            self._suggester = Suggester(self.where)
        return self._suggester.closest(value)

    def unknown(self, label: str, value: str) -> str:
        match = self.closest(value)
        if match is not None:
            return f"{label}: unknown {self.noun} '{value}' (did you mean '{match}'?)"
        if not self.where:
            return f"{label}: unknown {self.noun} '{value}'; there are no {self.plural}"
        return f"{label}: unknown {self.noun} '{value}'; known {self.plural}: {listing(self.where)}"
