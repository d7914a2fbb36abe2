"""The exercise engine: an event-sourced session store and the fold that makes its state."""

from wargame.engine.session import Batch, Session
from wargame.engine.state import Event, ExerciseState

__all__ = ["Batch", "Event", "ExerciseState", "Session"]
