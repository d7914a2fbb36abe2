"""Messages the engine's worker and poll threads post back to the UI thread."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from wargame.engine.live import Snapshot
from wargame.engine.state import Event


class SessionChanged(Message):
    """A new snapshot of the session (after an action here or events from elsewhere)."""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class ActionDone(Message):
    """The engine answered an action: ``event`` when recorded, ``refusal`` when refused."""

    def __init__(self, kind: str, payload: dict[str, Any], event: Event | None,
                 refusal: str | None) -> None:
        super().__init__()
        self.kind = kind
        self.payload = payload
        self.event = event
        self.refusal = refusal

    @property
    def ok(self) -> bool:
        return self.refusal is None
