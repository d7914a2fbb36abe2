"""The readers the rules check an action's values with, so that every refusal reads the
same way. (Which keys each action takes is :mod:`wargame.engine.vocabulary`.)
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from wargame.errors import ActionRefused
from wargame.engine.words import did_you_mean

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FACILITATOR = "facilitator"
SCRIPT = "script"
CONTROL_ACTORS = (FACILITATOR, SCRIPT)


def text(value: object, what: str, *, required: bool = True) -> str:
    if value is None:
        if required:
            raise ActionRefused(f"{what} is missing")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ActionRefused(f"{what} must be text, got {value!r}")
    value = str(value).strip()
    if required and not value:
        raise ActionRefused(f"{what} is empty")
    return value


def optional_text(value: object, what: str) -> str | None:
    """An optional text, kept only when it says something (None otherwise)."""
    return text(value, what, required=False) or None


def new_id(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not SLUG.match(value):
        raise ActionRefused(
            f"{what} id {value!r} is not a valid id (lowercase letters, digits and dashes)")
    return value


def choice(value: object, options: tuple[str, ...] | list[str], what: str,
           noun: str = "known") -> str:
    """``value`` if it is one of ``options``; otherwise a refusal such as
    "intent 'posturng' is not a category of the rulebook (did you mean 'posturing'?)"."""
    if not isinstance(value, str) or value not in options:
        raise ActionRefused(f"{what} {value!r} is not {noun}{did_you_mean(value, options)}")
    return value


def category(categories: Mapping[str, Any], value: object, what: str) -> str:
    return choice(value, list(categories), what, "a category of the rulebook")


def integer(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
            return int(value)
        raise ActionRefused(f"{what} must be a whole number, got {value!r}")
    return value


def next_free_id(prefix: str, count: int, taken: Callable[[str], bool]) -> str:
    """The first ``<prefix><n>`` not taken, starting after the ``count`` ids already given."""
    number = count + 1
    while taken(f"{prefix}{number}"):
        number += 1
    return f"{prefix}{number}"
