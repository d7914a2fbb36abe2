"""Composing Nodes from PyYAML's event stream: iteratively, safely, within budgets.

PyYAML's parser only produces *events* here; the node tree is built by our own loop so
that nothing is ever constructed from a tag we did not allow, aliases are counted as they
are expanded (an alias bomb is refused long before it can eat memory), nesting depth is
bounded (libyaml's own composer is recursive and crashes on very deep input), and every
value keeps the line and column where it was written.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from wargame.errors import FileInvalid, Location, Problem
from wargame.yamlsource.frames import MappingFrame, SequenceFrame
from wargame.yamlsource.node import Node
from wargame.yamlsource.text import LINE_BREAK, byte_position

MAX_ALIAS_NODES = 100_000  # nodes that aliases may add when expanded
MAX_DEPTH = 64  # our formats nest about eight levels; anything deeper is a mistake or an attack

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
MAP, SEQ, TIMESTAMP, MERGE, VALUE = (_TAG + t for t in ("map", "seq", "timestamp", "merge", "value"))
_SCALAR_TAGS = {INT, FLOAT, BOOL, NULL, TIMESTAMP}


class _Refused(Exception):
    """Composing stops here: the problem makes reading further pointless or unsafe."""

    def __init__(self, problem: Problem):
        self.problem = problem


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _implicit_resolvers() -> dict[str, list]:
    """PyYAML's implicit resolvers by first character, wildcards appended (as Resolver does)."""
    table = Resolver.yaml_implicit_resolvers
    wildcard = list(table.get(None, []))
    return {key: list(value) + wildcard for key, value in table.items() if key is not None}


class Composer:
    """Builds Nodes from PyYAML's event stream, iteratively and within budgets."""

    def __init__(self, text: str, name: str):
        self.text = text
        self.name = name
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.open_anchors: set[str] = set()
        self.expanded = 0
        self.resolvers = _implicit_resolvers()
        self.constructor = SafeConstructor()

    def problem(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def compose(self) -> Node:
        loader = _Loader(self.text)
        try:
            root = self._compose(loader)
        except _Refused as refused:
            raise FileInvalid([*self.problems, refused.problem]) from None
        except yaml.MarkedYAMLError as error:
            raise FileInvalid([*self.problems, self._syntax_problem(error)]) from None
        except yaml.reader.ReaderError as error:  # our character check should have caught it
            line, column = byte_position(self.text.encode("utf-8", "surrogatepass"), error.position)
            raise FileInvalid([*self.problems, Problem(
                Location(self.name, line, column), f"cannot read the text: {error.reason}")]) from None
        except yaml.YAMLError as error:
            raise FileInvalid([*self.problems, Problem(
                Location(self.name, 1, 1), f"invalid YAML: {error}")]) from None
        finally:
            loader.dispose()
        if root is None or root.value is None:
            raise FileInvalid([*self.problems, Problem(
                Location(self.name, 1, 1),
                "the file is empty: expected a mapping (for example 'scenario: my-id')")])
        if not isinstance(root.value, dict):
            kind = "a list" if isinstance(root.value, list) else "a single value"
            self.problem(root.location, f"expected a mapping of keys at the top of the file, "
                         f"got {kind}")
        if self.problems:
            raise FileInvalid(self.problems)
        return root

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> Problem:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        line, column = self._within_text(line, column)
        message = f"invalid YAML: {error.problem or error.context or 'cannot parse'}"
        if error.context and error.problem and error.context_mark is not None:
            context_line = error.context_mark.line + 1
            where = "" if context_line == line else f" at line {context_line}"
            message += f" ({error.context}{where})"
        index = getattr(mark, "index", None)
        if isinstance(index, int) and 0 <= index < len(self.text) and self.text[index] == "\t":
            message = "invalid YAML: a tab character cannot be used here; YAML indents with " \
                      "spaces, not tabs"
        return Problem(Location(self.name, line, column), message)

    def _within_text(self, line: int, column: int) -> tuple[int, int]:
        """libyaml places an error at the end of an unterminated last line on the line after
        it; point at the end of the last line instead, where the text really stops."""
        lines = LINE_BREAK.split(self.text)
        if line > len(lines):
            return len(lines), len(lines[-1]) + 1
        return line, min(column, len(lines[line - 1]) + 1)

    def _location(self, mark: Any) -> Location:
        return Location(self.name, mark.line + 1, mark.column + 1)

    def _compose(self, loader: Any) -> Node | None:
        stack: list[SequenceFrame | MappingFrame] = []
        root: Node | None = None
        documents = 0
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                node, merge = self._scalar(event, stack)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (node, 1)
                if stack:
                    stack[-1].add(self, node, 1, merge)
                else:
                    root = node
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(Problem(self._location(event.start_mark),
                                           f"nested more than {MAX_DEPTH} levels deep"))
                location = self._location(event.start_mark)
                is_map = kind is yaml.MappingStartEvent
                self._check_collection_tag(event.tag, MAP if is_map else SEQ, location)
                if event.anchor is not None:
                    self.open_anchors.add(event.anchor)
                stack.append((MappingFrame if is_map else SequenceFrame)(location, event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                node = frame.finish()
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (node, frame.size)
                if stack:
                    stack[-1].add(self, node, frame.size, False)
                else:
                    root = node
            elif kind is yaml.AliasEvent:
                node, size = self._alias(event)
                if stack:
                    stack[-1].add(self, node, size, False)
                else:
                    root = node
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(Problem(self._location(event.start_mark),
                                           "expected a single YAML document, found another "
                                           "one ('---'); keep one document per file"))
            elif kind is yaml.StreamEndEvent or event is None:
                return root

    def _alias(self, event: Any) -> tuple[Node, int]:
        name = event.anchor
        location = self._location(event.start_mark)
        if name in self.open_anchors:
            raise _Refused(Problem(location, f"alias '*{name}' refers to a node that contains "
                                   "it (a recursive alias)"))
        found = self.anchors.get(name)
        if found is None:
            raise _Refused(Problem(location, f"alias '*{name}' has no anchor '&{name}' before it"))
        node, size = found
        self.expanded += size
        if self.expanded > MAX_ALIAS_NODES:
            raise _Refused(Problem(location, "too many nodes after expanding aliases (alias "
                                   f"bomb?): more than {MAX_ALIAS_NODES:,} nodes"))
        return node, size

    def _resolve(self, plain: str) -> str:
        """The tag of a plain (unquoted) scalar, by YAML 1.1's implicit rules, as PyYAML has them."""
        for tag, pattern in self.resolvers.get(plain[:1], ()):
            if pattern.match(plain):
                return tag
        return STR

    def _check_collection_tag(self, tag: str | None, expected: str, location: Location) -> None:
        if tag is None or tag == "!" or tag == expected:
            return
        self.problem(location, f"tag '{_tag_name(tag)}' is not allowed here: only plain YAML "
                     "(text, numbers, booleans, dates, lists and mappings) is read")

    def _scalar(self, event: Any, stack: list) -> tuple[Node, bool]:
        value = event.value
        tag = event.tag
        location = self._location(event.start_mark)
        if tag is None:
            tag = self._resolve(value) if event.implicit[0] else STR
            if tag == MERGE:  # ``<<`` merges only where a key is expected; elsewhere it is text
                frame = stack[-1] if stack else None
                is_key = isinstance(frame, MappingFrame) and frame.expect_key
                return Node(value, location, raw=value), is_key
            if tag == VALUE:  # a bare ``=`` is just text
                tag = STR
        elif tag == "!":
            tag = STR
        if tag == STR:
            return Node(value, location, raw=value), False
        if tag not in _SCALAR_TAGS:
            self.problem(location, f"tag '{_tag_name(tag)}' is not allowed: only plain YAML "
                         "(text, numbers, booleans, dates, lists and mappings) is read")
            return Node(None, location, raw=value), False
        try:
            constructed = self.constructor.yaml_constructors[tag](
                self.constructor, ScalarNode(tag, value))
        except Exception:  # noqa: BLE001 - any constructor failure is a located problem
            kind = {INT: "an integer", FLOAT: "a number", BOOL: "a boolean",
                    TIMESTAMP: "a date"}.get(tag, "a value")
            self.problem(location, f"cannot read {value!r} as {kind}")
            constructed = None
        return Node(constructed, location, raw=value), False
