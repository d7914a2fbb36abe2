"""Building blocks shared by the JSON Schemas: ids, durations, pairs, closed objects.

Every helper returns a fresh dict, so a schema is built when asked for and never shared
or mutated between calls.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The formats' id rule: a lowercase slug.
ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
# A duration greater than zero: 30s, 20m, 6h, 2d (see wargame.model.durations).
DURATION_PATTERN = "^[0-9]*[1-9][0-9]*[smhd]$"
# Real time since the exercise phase began, as a script writes it: HH:MM:SS or MM:SS.
CLOCK_PATTERN = "^([0-9]+:)?[0-5]?[0-9]:[0-5]?[0-9](\\.[0-9]+)?$"


def slug(description: str) -> Schema:
    return {"type": "string", "pattern": ID_PATTERN, "description": description}


def text(description: str, *, min_length: int = 1) -> Schema:
    schema: Schema = {"type": "string", "description": description}
    if min_length:
        schema["minLength"] = min_length
    return schema


def integer(description: str, *, minimum: int | None = None) -> Schema:
    schema: Schema = {"type": "integer", "description": description}
    if minimum is not None:
        schema["minimum"] = minimum
    return schema


def enum(description: str, values: tuple[str, ...] | list[str]) -> Schema:
    return {"type": "string", "enum": list(values), "description": description}


def duration(description: str) -> Schema:
    return {"type": "string", "pattern": DURATION_PATTERN, "description": description}


def pair(description: str) -> Schema:
    """Two different delegation ids: an undirected pair ("dyad")."""
    return {
        "type": "array",
        "description": description,
        "items": slug("A delegation id."),
        "minItems": 2,
        "maxItems": 2,
        "uniqueItems": True,
    }


def strings(description: str) -> Schema:
    return {"type": "array", "description": description, "items": text("One entry.")}


def slugs(description: str, *, unique: bool = True) -> Schema:
    schema: Schema = {"type": "array", "description": description,
                      "items": slug("An id.")}
    if unique:
        schema["uniqueItems"] = True
    return schema


def closed(description: str, properties: dict[str, Schema],
           required: tuple[str, ...] = (), **extra: Any) -> Schema:
    """An object that rejects unknown keys, as the loader does."""
    schema: Schema = {
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    schema.update(extra)
    return schema


def document(title: str, description: str, properties: dict[str, Schema],
             required: tuple[str, ...], defs: dict[str, Schema]) -> Schema:
    schema: Schema = {
        "$schema": DRAFT,
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }
    if defs:
        schema["$defs"] = defs
    return schema


def ref(name: str, description: str | None = None) -> Schema:
    schema: Schema = {"$ref": f"#/$defs/{name}"}
    if description:
        schema["description"] = description  # 2020-12 allows siblings of $ref
    return schema
