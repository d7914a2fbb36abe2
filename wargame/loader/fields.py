"""Typed reading of Nodes that records every problem instead of stopping at the first.

Each reader returns the value it found, or ``None`` after recording a located problem, so a
file's loader can carry on and report everything wrong with it in one run.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Callable, Iterable, Sequence

from wargame.errors import Location, Problem
from wargame.loader.suggest import hint, listing
from wargame.model import parse_duration
from wargame.yamlsource import Node

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def describe(node: Node) -> str:
    """How a value reads in an error message: ``'six'``, ``a list``, ``nothing``..."""
    value = node.value
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown) if "'" in shown else f"'{shown}'"
    written = node.raw if node.raw is not None else str(value)
    if isinstance(value, bool):
        return f"{written} (a boolean)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{written} (a date)"
    return written


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"


class Reader:
    """Collects the problems of one file; its methods read values of one expected type."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.deferred: list[Callable[[], None]] = []

    def error(self, where: Node | Location, message: str) -> None:
        location = where.location if isinstance(where, Node) else where
        self.problems.append(Problem(location, message))

    def defer(self, check: Callable[[], None]) -> None:
        """Run ``check`` once the whole file has been read (for forward references)."""
        self.deferred.append(check)

    def finish(self) -> list[Problem]:
        for check in self.deferred:
            check()
        self.deferred = []
        return self.problems

    # -- collections -------------------------------------------------------------------
    def mapping(self, node: Node, noun: str, required: Sequence[str] = (),
                optional: Sequence[str] = ()) -> Fields | None:
        """The mapping's fields; unknown keys and missing required keys are problems."""
        if not isinstance(node.value, dict):
            self.error(node, f"expected {noun} as a mapping of keys, got {describe(node)}")
            return None
        fields = Fields(self, node, noun)
        allowed = (*required, *optional)
        fields.reject_unknown(allowed)
        for key in required:
            if key not in node.value:
                self.error(node, f"missing required key '{key}' in {noun}")
        return fields

    def sequence(self, node: Node, label: str) -> list[Node]:
        """The items of a list; an empty value reads as an empty list."""
        if node.value is None:
            return []
        if not isinstance(node.value, list):
            self.error(node, f"{label}: expected a list, got {describe(node)}")
            return []
        return node.value

    def items(self, node: Node, label: str, needed: str) -> list[Node]:
        """The items of a list that must not be empty; ``needed`` says why it must not."""
        found = self.sequence(node, label)
        if not found and (node.value is None or isinstance(node.value, list)):
            self.error(node, f"{label}: {needed}")
        return found

    # -- scalars -----------------------------------------------------------------------
    def text(self, node: Node, label: str) -> str | None:
        """Text; a number, boolean or date written bare reads as the text it was written as."""
        value = node.value
        if isinstance(value, str):
            return value
        if isinstance(value, (dict, list)) or value is None:
            self.error(node, f"{label}: expected text, got {describe(node)}")
            return None
        return node.raw if node.raw is not None else str(value)

    def texts(self, node: Node, label: str) -> tuple[str, ...]:
        found = (self.text(item, label) for item in self.sequence(node, label))
        return tuple(item for item in found if item is not None)

    def slug(self, node: Node, label: str) -> str | None:
        value = self.text(node, label)
        if value is None:
            return None
        if not SLUG.match(value):
            self.error(node, f"{label}: '{value}' is not a valid id: use lowercase letters, "
                       f"digits and '-', starting with a letter or digit (e.g. '{slugify(value)}')")
            return None
        return value

    def integer(self, node: Node, label: str, minimum: int | None = None,
                maximum: int | None = None) -> int | None:
        value = node.value
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(node, f"{label}: expected an integer, got {describe(node)}")
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.error(node, f"{label}: expected an integer {_range(minimum, maximum)}, got {value}")
            return None
        return value

    def number(self, node: Node, label: str, minimum: float | None = None) -> int | float | None:
        value = node.value
        if (not isinstance(value, (int, float)) or isinstance(value, bool)
                or not math.isfinite(value)):
            self.error(node, f"{label}: expected a number, got {describe(node)}")
            return None
        if minimum is not None and value < minimum:
            self.error(node, f"{label}: expected a number {_range(minimum, None)}, got {node.raw}")
            return None
        return value

    def boolean(self, node: Node, label: str) -> bool | None:
        if not isinstance(node.value, bool):
            self.error(node, f"{label}: expected true or false, got {describe(node)}")
            return None
        return node.value

    def choice(self, node: Node, label: str, choices: Iterable[str]) -> str | None:
        choices = tuple(choices)
        value = self.text(node, label)
        if value is None:
            return None
        if value not in choices:
            self.error(node, f"{label}: '{value}' is not one of {listing(choices)}"
                       + _only_mean(value, choices))
            return None
        return value

    def duration(self, node: Node, label: str) -> int | None:
        value = self.text(node, label)
        if value is None:
            return None
        try:
            return parse_duration(value)
        except ValueError as error:
            self.error(node, f"{label}: {error}")
            return None


def _only_mean(value: str, choices: Sequence[str]) -> str:
    suggestion = hint(value, choices)
    return suggestion if suggestion.startswith(" (") else ""


def _range(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"from {minimum} to {maximum}"
    if minimum is not None:
        return f"of at least {minimum}"
    return f"of at most {maximum}"


class Fields:
    """The keys of one mapping, read through its Reader. Absent keys give the default."""

    def __init__(self, reader: Reader, node: Node, noun: str):
        self.reader = reader
        self.node = node
        self.noun = noun
        self.values: dict[str, Node] = node.value

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str) -> Node | None:
        return self.values.get(key)

    def key_location(self, key: str) -> Location:
        return self.node.key_locations.get(key, self.node.location)

    def reject_unknown(self, allowed: Sequence[str], why: Callable[[str], str | None] = None) -> None:
        for key in self.values:
            if key in allowed:
                continue
            reason = why(key) if why is not None else None
            if reason is None:
                reason = f"unknown key '{key}' in {self.noun}" + hint(key, allowed)
            self.reader.error(self.key_location(key), reason)

    def _read(self, key: str, default, read, *args):
        node = self.values.get(key)
        if node is None:
            return default
        return read(node, key, *args)

    def text(self, key: str, default: str | None = "") -> str | None:
        node = self.values.get(key)
        if node is None:
            return default
        if node.value is None and default is not None:
            return default  # ``description:`` left empty is simply no description
        return self.reader.text(node, key)

    def texts(self, key: str) -> tuple[str, ...]:
        return self._read(key, (), self.reader.texts)

    def slug(self, key: str) -> str | None:
        return self._read(key, None, self.reader.slug)

    def integer(self, key: str, default: int | None = None, minimum: int | None = None,
                maximum: int | None = None) -> int | None:
        return self._read(key, default, self.reader.integer, minimum, maximum)

    def number(self, key: str, default=None, minimum: float | None = None):
        return self._read(key, default, self.reader.number, minimum)

    def boolean(self, key: str, default: bool | None = None) -> bool | None:
        return self._read(key, default, self.reader.boolean)

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str | None:
        return self._read(key, default, self.reader.choice, choices)

    def duration(self, key: str) -> int | None:
        return self._read(key, None, self.reader.duration)

    def sequence(self, key: str) -> list[Node]:
        return self._read(key, [], self.reader.sequence)

    def items(self, key: str, needed: str) -> list[Node]:
        """A list that must not be empty (its absence is reported as a missing key)."""
        return self._read(key, [], self.reader.items, needed)
