"""Reading a scenario's ``transparency:`` charter (every key optional, each with a default)."""

from __future__ import annotations

from wargame.loader.fields import Reader
from wargame.model.transparency import DEFAULT, RELAY_VIEWS, Transparency
from wargame.yamlsource import Node

TRANSPARENCY_KEYS = ("observers_see_ladder", "relay_sees", "public_objectives",
                     "public_hotline_counts", "public_pauses")


def read_transparency(node: Node | None, reader: Reader) -> Transparency:
    if node is None:
        return DEFAULT
    fields = reader.mapping(node, "the transparency charter", (), TRANSPARENCY_KEYS)
    if fields is None:
        return DEFAULT
    return Transparency(
        observers_see_ladder=_flag(fields, "observers_see_ladder",
                                   DEFAULT.observers_see_ladder),
        relay_sees=fields.choice("relay_sees", RELAY_VIEWS, DEFAULT.relay_sees)
        or DEFAULT.relay_sees,
        public_objectives=_flag(fields, "public_objectives", DEFAULT.public_objectives),
        public_hotline_counts=_flag(fields, "public_hotline_counts",
                                    DEFAULT.public_hotline_counts),
        public_pauses=_flag(fields, "public_pauses", DEFAULT.public_pauses),
    )


def _flag(fields, key: str, default: bool) -> bool:
    value = fields.boolean(key, default)
    return default if value is None else value
