"""Loading and validating rulebooks and scenarios (the formats of the spec, formats.md).

Every loader either returns a complete model or raises :class:`wargame.errors.FileInvalid`
carrying every problem in the file, each located by file, line and column.
"""

from wargame.loader.loading import (
    Rulebooks,
    load_rulebook,
    load_rulebook_text,
    load_scenario,
    load_scenario_text,
)
from wargame.loader.validation import Checked, check_paths, validate_paths

__all__ = [
    "Checked", "Rulebooks", "check_paths", "load_rulebook", "load_rulebook_text",
    "load_scenario", "load_scenario_text", "validate_paths",
]
