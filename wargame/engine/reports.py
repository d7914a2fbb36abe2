"""Report formats: a move's typed fields, checked against its move type's format.

A refusal names every problem at once (a missing required field, a value of the wrong
kind, a field the format does not have), so a delegation fixes its report in one go.
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping

from wargame.errors import ActionRefused
from wargame.engine.words import did_you_mean
from wargame.model import MoveType
from wargame.model.cbm import ReportField

# A time of day (06:40, 06:40:10) or an ISO date, optionally with a time (2026-03-01T06:40Z).
TIME = re.compile(r"^(\d{1,2}:\d{2}(:\d{2})?Z?|\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2})?Z?)?)$")
EXAMPLES = {"text": "some text", "number": "a number such as 3 or 2.5",
            "time": "a time such as 06:40 or 2026-03-01T06:40Z",
            "position": "a position such as 35.1N 24.3E, or [35.1, 24.3]",
            "choice": "one of the choices"}


def check_fields(move_type: MoveType, given: object) -> dict[str, Any] | None:
    """The report's fields, normalised; None when the move type has no format and none
    were given. ActionRefused lists what is wrong."""
    if given is None or given == {}:
        given = {}
        if not move_type.fields:
            return None
    if not isinstance(given, Mapping):
        raise ActionRefused(f"fields: expected field id -> value, got {given!r}")
    if not move_type.fields:
        raise ActionRefused(f"a {move_type.id} move has no report format; it takes no fields")
    known = {f.id: f for f in move_type.fields}
    problems = []
    for name in given:
        if name not in known:
            problems.append(f"the {move_type.id} report has no field {name!r}"
                            f"{did_you_mean(name, known)}")
    values: dict[str, Any] = {}
    missing = []
    for spec in move_type.fields:
        raw = given.get(spec.id)
        if _empty(raw):
            if spec.required:
                missing.append(spec.id)
            continue
        try:
            values[spec.id] = _value(spec, raw)
        except ValueError as error:
            problems.append(f"{spec.id}: {error}")
    if missing:
        problems.insert(0, f"the {move_type.id} report needs {', '.join(missing)} "
                           f"(required field{'s' if len(missing) > 1 else ''} of its format)")
    if problems:
        raise ActionRefused("; ".join(problems))
    return values


def completeness(move_type: MoveType, values: Mapping[str, Any] | None) -> float | None:
    """The share of the format's fields filled in (None when the type has no format)."""
    if not move_type.fields:
        return None
    filled = sum(1 for f in move_type.fields if not _empty((values or {}).get(f.id)))
    return filled / len(move_type.fields)


def report_items(move_type: MoveType, values: Mapping[str, Any] | None,
                 filled_only: bool = False) -> list[tuple[str, str]]:
    """The report as (field title, value as text) in the format's order, "–" for a field
    left empty: what the forms, the screens and the debrief show."""
    items = []
    for spec in move_type.fields:
        value = (values or {}).get(spec.id)
        if _empty(value):
            if not filled_only:
                items.append((spec.title, "–"))
            continue
        text = ", ".join(str(p) for p in value) if isinstance(value, list) else str(value)
        items.append((spec.title, text))
    return items


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value(spec: ReportField, raw: object) -> Any:
    if spec.kind == "number":
        return _number(raw)
    if spec.kind == "position" and isinstance(raw, (list, tuple)):
        if len(raw) != 2:
            raise ValueError(f"expected {EXAMPLES['position']}, got {raw!r}")
        return [_number(part) for part in raw]
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError(f"expected {EXAMPLES[spec.kind]}, got {raw!r}")
    text = str(raw).strip()
    if spec.kind == "time" and not TIME.match(text):
        raise ValueError(f"expected {EXAMPLES['time']}, got {text!r}")
    if spec.kind == "choice" and text not in spec.choices:
        raise ValueError(f"{text!r} is not one of {', '.join(spec.choices)}"
                         f"{did_you_mean(text, spec.choices)}")
    return text


def _number(raw: object) -> int | float:
    if isinstance(raw, bool):
        raise ValueError(f"expected {EXAMPLES['number']}, got {raw!r}")
    if isinstance(raw, (int, float)):
        number = raw
    else:
        try:
            number = float(str(raw).strip())
        except ValueError:
            raise ValueError(f"expected {EXAMPLES['number']}, got {raw!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"expected {EXAMPLES['number']}, got {raw!r}")
    return int(number) if float(number).is_integer() else number
