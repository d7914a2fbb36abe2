"""JSON Schema of an exercise script (the `actions:` list played by `wargame run`)."""

from __future__ import annotations

from wargame.engine.action_keys import (
    CHOICE, DATE, EVENT, INTEGER, NOTE, PAIR, REPORT, SLUG, SLUGS, TARGET, TEXT, Action, Key,
)
from wargame.engine.vocabulary import ACTIONS
from wargame.schemas._common import (
    CLOCK_PATTERN,
    Schema,
    closed,
    document,
    enum,
    integer,
    pair,
    ref,
    slug,
    slugs,
    text,
)


def _at() -> Schema:
    return {
        "description": "Real time elapsed since the exercise phase began, HH:MM:SS (quote "
                       "it: YAML 1.1 reads an unquoted 00:04:10 as 250 seconds, which is "
                       "also accepted), or a number of seconds. Omitted: the previous "
                       "action's time.",
        "anyOf": [
            {"type": "string", "pattern": CLOCK_PATTERN, "description": "HH:MM:SS or MM:SS"},
            {"type": "number", "minimum": 0, "description": "Seconds."},
        ],
    }


def _payload(description: str, properties: dict[str, Schema],
             required: tuple[str, ...] = ()) -> Schema:
    return closed(description, {**properties, "at": ref("at")}, required)


def _date(description: str) -> Schema:
    return {"type": "string", "format": "date", "description": description}


def _value(key: Key) -> Schema:
    """A key's JSON Schema, from what wargame.engine.vocabulary says its value is."""
    if key.value == SLUG:
        return slug(key.doc)
    if key.value in (TEXT, NOTE):
        return text(key.doc, min_length=1 if key.value == TEXT else 0)
    if key.value == CHOICE:
        return enum(key.doc, key.choices)
    if key.value == INTEGER:
        return integer(key.doc, minimum=key.minimum)
    if key.value == DATE:
        return _date(key.doc)
    if key.value == PAIR:
        return pair(key.doc)
    if key.value == SLUGS:
        return {"description": key.doc,
                "anyOf": [slug("One delegation id."), slugs("Delegation ids.")]}
    if key.value == EVENT:
        return {"description": key.doc,
                "anyOf": [slug("A move or message id."),
                          integer("An event sequence number.", minimum=1)]}
    if key.value == TARGET:
        return {"description": key.doc,
                "anyOf": [slug("A delegation id."),
                          pair("A pair of delegations (a mediator's move).")]}
    if key.value == REPORT:
        return {"type": "object", "description": key.doc,
                "propertyNames": {"pattern": "^[a-z0-9][a-z0-9_-]*$"},
                "additionalProperties": {
                    "anyOf": [{"type": "string"}, {"type": "number"},
                              {"type": "array", "items": {"type": "number"},
                               "minItems": 2, "maxItems": 2}]}}
    raise ValueError(f"no JSON Schema for a {key.value} value")


def action_schema(cls: type[Action]) -> Schema:
    """An action's payload: a mapping of its keys; also a scalar for an action with a
    shorthand (``inject: protest``), or nothing for one without keys (``- next-turn``)."""
    keys = cls.keys()
    mapping = _payload(cls.DOC, {k.name: _value(k) for k in keys},
                       tuple(k.name for k in keys if k.required))
    if not keys:
        return {"description": cls.DOC, "anyOf": [{"type": "null"}, mapping]}
    if cls.SHORTHAND is not None:
        shorthand = next(k for k in keys if k.name == cls.SHORTHAND)
        return {"description": cls.DOC, "anyOf": [_value(shorthand), mapping]}
    return mapping


def script_schema() -> Schema:
    defs: dict[str, Schema] = {"at": _at()}
    bare = tuple(kind for kind, cls in ACTIONS.items() if not cls.required_names())
    alternatives: list[Schema] = [enum("An action without a payload.", bare)]
    for name, cls in ACTIONS.items():
        schema = action_schema(cls)
        defs[name] = schema
        alternatives.append({
            "type": "object",
            "description": schema["description"],
            "properties": {name: ref(name), "at": ref("at")},
            "required": [name],
            "additionalProperties": False,
            # `at` goes beside the action or inside its payload, not both.
            "if": {"required": ["at"]},
            "then": {"properties": {name: {"properties": {"at": False}}}},
        })
    return document(
        "wargame exercise script",
        "A list of actions played headless by `wargame run`, exactly as the terminal app "
        "would record them.",
        {
            "scenario": slug("Optional: the id of the scenario this script is written for; "
                             "`wargame run` refuses to play it on another scenario."),
            "title": text("Optional: what the script rehearses."),
            "description": text("Optional: notes for whoever runs the script.", min_length=0),
            "actions": {
                "type": "array",
                "description": "The actions, in order. Each is a one-key mapping (the "
                               "action's name and its payload) or a bare word (next-turn, "
                               "end).",
                "items": {"description": "One action.", "oneOf": alternatives},
            },
        },
        ("actions",),
        defs,
    )
