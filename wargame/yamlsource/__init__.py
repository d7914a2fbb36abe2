"""Safe, located YAML: the one door through which scenario and rulebook text comes in.

``parse_yaml`` and ``read_yaml`` return a tree of :class:`Node` (every value with the line
and column where it was written) or raise :class:`wargame.errors.FileInvalid` carrying
located problems: oversized, binary or non-UTF-8 input, YAML syntax errors, duplicate or
non-text keys, any tag beyond plain YAML, alias bombs, runaway nesting, or a top level
that is not a mapping.
"""

from __future__ import annotations

from pathlib import Path

from wargame.errors import FileInvalid, Location, Problem
from wargame.yamlsource.compose import MAX_ALIAS_NODES, MAX_DEPTH, Composer
from wargame.yamlsource.node import Node
from wargame.yamlsource.text import MAX_BYTES, check_characters, decode, too_large

__all__ = ["MAX_ALIAS_NODES", "MAX_BYTES", "MAX_DEPTH", "Node", "parse_yaml", "read_yaml"]


def read_yaml(path: str | Path) -> Node:
    """Read a YAML file: size-limited before reading, decoded as UTF-8, parsed safely."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise FileInvalid([too_large(name, size)])
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileInvalid([Problem(Location(name, 1, 1), f"cannot read the file: {reason}")]) from None
    return parse_yaml(data, name)


def parse_yaml(text: str | bytes, name: str) -> Node:
    """Parse one YAML document whose root is a mapping; raise FileInvalid otherwise."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_BYTES:
            raise FileInvalid([too_large(name, len(text))])
        text = decode(bytes(text), name)
    elif len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise FileInvalid([too_large(name, len(text.encode("utf-8", "surrogatepass")))])
    if text.startswith("\ufeff"):
        text = text[1:]
    check_characters(text, name)
    return Composer(text, name).compose()
