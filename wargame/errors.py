"""Errors a user may see. Each names what went wrong in words a trainer understands.

``Problem`` is one located complaint about a file; ``FileInvalid`` carries every problem
found in one run so the trainer can fix them all at once. ``ActionRefused`` is the engine
saying no to an action; nothing is written when it is raised.
"""

from __future__ import annotations

import attrs


@attrs.frozen(order=True)
class Location:
    file: str
    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen(order=True)
class Problem:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class WargameError(Exception):
    """Base class of every error meant for a user's eyes (never with a traceback)."""


class FileInvalid(WargameError):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ActionRefused(WargameError):
    """The engine refused an action; the message says why. Nothing was written."""


class SessionError(WargameError):
    """A session file cannot be opened: not a session, newer version, unreadable."""
