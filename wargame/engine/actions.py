"""The action vocabulary of the exercise script, and the checks every payload goes through.

One table says which keys each action takes, which are required, which key a scalar
stands for in the script's shorthand (``inject: protest``), who may perform it, and which
key names the delegation acting. The rules modules build on the field readers below so
that every refusal reads the same way.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

import attrs

from wargame.errors import ActionRefused
from wargame.engine.words import did_you_mean
from wargame.loader.suggest import closest

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FACILITATOR = "facilitator"
SCRIPT = "script"
CONTROL_ACTORS = (FACILITATOR, SCRIPT)


@attrs.frozen
class ActionShape:
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    shorthand: str | None = None  # the key a scalar payload stands for
    control_only: bool = True  # only the facilitator (or a script) may perform it
    acting_key: str | None = None  # the payload key naming the delegation that acts

    @property
    def keys(self) -> tuple[str, ...]:
        return self.required + self.optional + ("at",)


ACTIONS: dict[str, ActionShape] = {
    "phase": ActionShape(("to",), shorthand="to"),
    "move": ActionShape(("by", "type", "text"), ("id", "target", "intent", "visibility"),
                        control_only=False, acting_key="by"),
    "adjudicate": ActionShape(("move", "decision"), ("category", "step", "note", "text")),
    "perceive": ActionShape(("by", "move", "as"), ("note", "visibility"), control_only=False,
                            acting_key="by"),
    "hotline": ActionShape(("from", "to", "text"), ("id", "reply_to"),
                           control_only=False, acting_key="from"),
    "ack": ActionShape(("message", "by"), ("text",), control_only=False, acting_key="by"),
    "inject": ActionShape(("id",), shorthand="id"),
    "note": ActionShape(("by", "text"), ("visibility", "to"), control_only=False, acting_key="by"),
    "next-turn": ActionShape(),
    "rate": ActionShape(("objective", "rating"), ("note",)),
    "lesson": ActionShape(("kind", "text"), ("objective",)),
    "improve": ActionShape(("issue", "action"),
                           ("owner", "due", "start", "capability", "contact", "objective")),
    "retract": ActionShape(("event", "reason")),
    "end": ActionShape(),
    "hotwash": ActionShape(("question", "answer"), ("by",), control_only=False, acting_key="by"),
    "channel": ActionShape(("between", "status")),
}

KEY_MEANINGS = {
    "to": "where it goes", "by": "the delegation acting", "type": "a move type of the rulebook",
    "text": "what is said or done", "move": "a move id", "decision": "approve, reject or amend",
    "from": "the sending delegation", "message": "a hotline message id", "as": "a category",
    "id": "an id", "objective": "an objective id", "rating": "P, S, M or U",
    "kind": "strength or improvement", "issue": "the issue", "action": "the corrective action",
    "event": "a move id, a message id or an event number", "reason": "why",
    "question": "a hotwash question number", "answer": "the answer",
    "between": "two delegations", "status": "up or down",
}


def shape_of(kind: object) -> ActionShape:
    if not isinstance(kind, str) or kind not in ACTIONS:
        raise ActionRefused(f"unknown action {kind!r}{did_you_mean(kind, ACTIONS)}")
    return ACTIONS[kind]


def check_keys(kind: str, payload: Mapping[str, Any]) -> None:
    """Refuse unknown keys (with a hint) and missing required keys."""
    shape = shape_of(kind)
    for key in payload:
        if key not in shape.keys:
            close = closest(str(key), shape.keys)
            hint = f" (did you mean '{close}'?)" if close else ""
            raise ActionRefused(
                f"{kind} takes no key {key!r}{hint}; {kind} keys: {', '.join(shape.keys)}")
    for key in shape.required:
        if payload.get(key) is None:
            meaning = KEY_MEANINGS.get(key, key)
            raise ActionRefused(f"{kind} needs {key!r} ({meaning})")


def text(payload: Mapping[str, Any], key: str, what: str, *, required: bool = True) -> str:
    value = payload.get(key)
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


def copy_optional_text(normalized: dict[str, Any], payload: Mapping[str, Any], key: str,
                       what: str) -> None:
    """Check an optional text field and keep it only when it says something."""
    value = text(payload, key, what, required=False)
    if value:
        normalized[key] = value


def new_id(payload: Mapping[str, Any], what: str) -> str | None:
    value = payload.get("id")
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
