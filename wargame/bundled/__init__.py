"""The content that ships with wargame: scenarios, rulebooks, debrief templates, schemas.

In a built wheel each folder sits beside this module (setup.py maps the repository's
top-level folders in at build time). In a source checkout they stay at the repository's
top level, their single home, and are found there.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FOLDERS = ("scenarios", "rulebooks", "debriefs", "schemas")


def folder(name: str) -> Path:
    """The bundled folder ``name`` (one of FOLDERS), wherever this copy of wargame lives."""
    if name not in FOLDERS:
        raise ValueError(f"no bundled folder {name!r}")
    installed = Path(str(resources.files(__name__))) / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent.parent / name
