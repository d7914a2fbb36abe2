"""The machinery of an engine action: ``Key`` (one key as a script writes it), ``key()``
(an attrs field that declares one) and ``Action`` (what every action shares).

The action classes themselves are in ``wargame.engine.vocabulary``; this module knows
nothing of any particular action, so the forms and the JSON Schema can read a class's keys
without the vocabulary's domain imports.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar, Mapping

import attrs

# What a key's value is, for the JSON Schema (wargame.schemas.script turns it into one).
SLUG, TEXT, NOTE, CHOICE, INTEGER, DATE, PAIR, EVENT, REPORT, SLUGS, TARGET = (
    "slug", "text", "note", "choice", "integer", "date", "pair", "event", "report", "slugs",
    "target")


@attrs.frozen
class Key:
    """One key of an action, as a script or a payload writes it."""

    name: str
    value: str  # SLUG, TEXT, NOTE (optional text), CHOICE, INTEGER, DATE, PAIR, EVENT, REPORT,
    # SLUGS (one id or a list of ids), TARGET (a delegation id, or a pair for a mediator's move)
    doc: str  # the JSON Schema's description
    required: bool = False
    meaning: str = ""  # a refusal's words for a missing required key: "move needs 'by' (...)"
    choices: tuple[str, ...] = ()
    minimum: int | None = None


def key(doc: str, value: str = SLUG, *, name: str | None = None, meaning: str = "",
        choices: tuple[str, ...] = (), minimum: int | None = None) -> Any:
    """An attrs field for a key; required when ``meaning`` says what a missing one means."""
    spec = dict(value=value, doc=doc, required=bool(meaning), meaning=meaning,
                choices=choices, minimum=minimum)
    if meaning:
        return attrs.field(kw_only=True, metadata={"key": spec, "name": name})
    return attrs.field(kw_only=True, default=None, metadata={"key": spec, "name": name})


@attrs.frozen
class Action:
    """What every action shares; a subclass per kind declares its keys as attrs fields."""

    KIND: ClassVar[str] = ""
    DOC: ClassVar[str] = ""
    SHORTHAND: ClassVar[str | None] = None  # the key a scalar payload stands for
    CONTROL_ONLY: ClassVar[bool] = True  # only the facilitator (or a script) may perform it
    ACTING: ClassVar[str | None] = None  # the key naming the delegation that acts

    @classmethod
    def keys(cls) -> tuple[Key, ...]:
        return _keys(cls)

    @classmethod
    def key_names(cls) -> tuple[str, ...]:
        """Every key a script may write, required ones first, then ``at``."""
        return _key_names(cls)

    @classmethod
    def required_names(cls) -> tuple[str, ...]:
        return _required_names(cls)

    @classmethod
    def from_keys(cls, values: Mapping[str, Any]) -> "Action":
        """The action from a mapping of keys (unknown keys and ``at`` are left out)."""
        get = values.get
        return cls(**{attribute: get(name) for attribute, name in _pairs(cls)})

    def get(self, name: str) -> Any:
        """The value of the key ``name`` (as a script writes it: ``from``, ``as``...)."""
        return getattr(self, _names(type(self))[name])

    def acting(self) -> Any:
        return self.get(self.ACTING) if self.ACTING else None

    def written(self) -> dict[str, Any]:
        """The keys that have a value, as a script writes them."""
        values = ((name, getattr(self, attribute)) for attribute, name in _pairs(type(self)))
        return {name: value for name, value in values if value is not None}

    def payload(self, at: float | None = None) -> dict[str, Any]:
        """The payload recorded in the log: the keys that have a value, then ``at``."""
        return {**self.written(), "at": at}


@cache
def _attributes(cls: type[Action]) -> dict[str, str]:
    """attribute name -> key name, in declaration order."""
    return {f.name: f.metadata.get("name") or f.name for f in attrs.fields(cls)}


@cache
def _pairs(cls: type[Action]) -> tuple[tuple[str, str], ...]:
    return tuple(_attributes(cls).items())


@cache
def _key_names(cls: type[Action]) -> tuple[str, ...]:
    keys = cls.keys()
    return (*(k.name for k in keys if k.required), *(k.name for k in keys if not k.required),
            "at")


@cache
def _required_names(cls: type[Action]) -> tuple[str, ...]:
    return tuple(k.name for k in cls.keys() if k.required)


@cache
def _names(cls: type[Action]) -> dict[str, str]:
    return {name: attribute for attribute, name in _attributes(cls).items()}


@cache
def _keys(cls: type[Action]) -> tuple[Key, ...]:
    return tuple(Key(name=f.metadata.get("name") or f.name, **f.metadata["key"])
                 for f in attrs.fields(cls))
