"""Hand-written JSON Schemas (draft 2020-12) of the scenario, rulebook and script formats.

Editors use them for completion and hover help (the ``# yaml-language-server: $schema=``
line at the top of the bundled files); ``wargame schema KIND`` prints them, and the copies
committed under ``schemas/`` are checked against these by the test suite. The schemas are
built when asked for, never at import time.
"""

from __future__ import annotations

import json
from typing import Any, Callable

KINDS = ("scenario", "rulebook", "script", "policies")


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of ``kind`` (one of KINDS) as a dict."""
    return _builders()[kind]()


def schema_text(kind: str) -> str:
    """The schema as ``wargame schema`` prints it and ``schemas/<kind>.schema.json`` holds it."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def schema_filename(kind: str) -> str:
    return f"{kind}.schema.json"


def _builders() -> dict[str, Callable[[], dict[str, Any]]]:
    from wargame.schemas.policies import policies_schema
    from wargame.schemas.rulebook import rulebook_schema
    from wargame.schemas.scenario import scenario_schema
    from wargame.schemas.script import script_schema

    return {"scenario": scenario_schema, "rulebook": rulebook_schema, "script": script_schema,
            "policies": policies_schema}
