"""Indented JSON text, fast: the same characters as
``json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)``.

The standard library encodes indented JSON in pure Python, token by token through nested
generators; a long session's export spent most of its time there. This encoder walks the
value once, appending to one list. A mapping or a list whose values are all plain (no
list or mapping inside), such as a move, a note or a route, is written by json's own C
encoder in one call: without ``indent``, with the line break and indentation of its
depth as the item separator, which yields the very same text between its brackets.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Callable

INDENT = "  "
_PLAIN = frozenset({str, int, float, bool, type(None)})
_TEXT = frozenset({str})


def dumps(value: Any) -> str:
    """``value`` as indented JSON with sorted keys, non-ASCII characters kept as they are."""
    parts: list[str] = []
    _encode(value, parts, "\n", {})
    return "".join(parts)


def _flat_encoder(encoders: dict[str, Callable[[Any], str]], inner: str) -> Callable[[Any], str]:
    if inner not in encoders:
        encoders[inner] = _c_encoder("," + inner) or json.JSONEncoder(
            separators=("," + inner, ": "), sort_keys=True, ensure_ascii=False).encode
    return encoders[inner]


def _c_encoder(item_separator: str) -> Callable[[Any], str] | None:
    """json's C encoder itself, made once: JSONEncoder.encode makes a new one at every call,
    which costs more than encoding a small mapping."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None

    def refuse(value: Any) -> Any:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    encode = make(None, refuse, encode_basestring, None, ": ", item_separator, True, False,
                  True)
    return lambda value: "".join(encode(value, 0))


def _encode(value: Any, parts: list[str], newline: str, encoders: dict) -> None:
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, dict):
        _mapping(value, parts, newline, encoders)
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + INDENT
        if _PLAIN.issuperset(map(type, value)):  # a route, a path: one C call
            text = _flat_encoder(encoders, inner)(value)
            parts.append("[" + inner + text[1:-1] + newline + "]")
            return
        parts.append("[" + inner)
        first = True
        for item in value:
            if not first:
                parts.append("," + inner)
            first = False
            _encode(item, parts, inner, encoders)
        parts.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _mapping(value: dict, parts: list[str], newline: str, encoders: dict) -> None:
    if not value:
        parts.append("{}")
        return
    inner = newline + INDENT
    if _PLAIN.issuperset(map(type, value.values())):
        flat = _flat_encoder(encoders, inner)(value)  # '{"a": 1,<inner>"b": 2}'
        parts.append("{" + inner + flat[1:-1] + newline + "}")
        return
    text = _mostly_flat(value, inner, encoders)
    if text is not None:
        parts.append("{" + inner + text[1:-1] + newline + "}")
        return
    parts.append("{" + inner)
    first = True
    for key, item in sorted(value.items()):
        if not first:
            parts.append("," + inner)
        first = False
        parts.append(encode_basestring(_key(key)) + ": ")
        _encode(item, parts, inner, encoders)
    parts.append(newline + "}")


def _mostly_flat(value: dict, inner: str, encoders: dict) -> str | None:
    """A mapping with a list or two among plain values (a message and its route): the plain
    values in one C call, each nested value written apart and put in its placeholder's
    place. None when that cannot be done safely (the caller takes the long way)."""
    nested = {key: item for key, item in value.items() if type(item) not in _PLAIN}
    if 2 * len(nested) > len(value) or not _TEXT.issuperset(map(type, value)):
        return None
    holders = {key: f"\ue000{number}\ue001" for number, key in enumerate(nested)}
    text = _flat_encoder(encoders, inner)({**value, **holders})
    for key, item in nested.items():
        mark = encode_basestring(holders[key])
        if text.count(mark) != 1:  # the data itself holds the placeholder: do not guess
            return None
        written: list[str] = []
        _encode(item, written, inner, encoders)
        text = text.replace(mark, "".join(written))
    return text


def _key(key: Any) -> str:
    """A mapping key as json writes it (json turns numbers, booleans and null into text)."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _float(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)
