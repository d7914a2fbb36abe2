"""The one place the simulation turns a decision into an engine action, and replays it.

``act`` is the path of the script runner's rehearsal: the engine's ``check`` then its fold
(``effect``) over an in-memory state, with no session file. Wall-clock stamps are 0: a
simulated exercise has only exercise time (``at``). ``replay`` records such an event again
through a session's batch, for the runs kept as session files.
"""

from __future__ import annotations

from typing import Any

from wargame.engine.fold import check, effect
from wargame.engine.session import Batch
from wargame.engine.state import Event, ExerciseState
from wargame.engine.vocabulary import parse


def act(state: ExerciseState, kind: str, payload: dict[str, Any], actor: str,
        at: float) -> Event:
    """Check the action against ``state``, fold it in, and return the recorded event;
    ActionRefused (nothing folded) when the engine says no. The simulation never retracts,
    so the fold extends ``state`` in place."""
    action = check(state, parse(kind, payload), actor, at)
    event = Event(seq=state.last_seq + 1, ts=0.0, actor=actor, kind=action.KIND,
                  payload=action.payload(at))
    effect(state, event, action)
    return event


def replay(batch: Batch, event: Event) -> Event:
    """Record a simulated event in a session, as the app would have recorded it."""
    payload = {key: value for key, value in event.payload.items() if key != "at"}
    return batch.act(event.kind, payload, actor=event.actor, at=event.at)
