"""Checkpoints: copies of the folded state every so many events, so that a retraction (or
a batch rolled back) refolds from the last checkpoint before what changed, not from event 1.

They live in memory beside the state they were taken from and are derived from the log
like the state itself: a checkpoint at seq S is the fold of the events up to S, valid as
long as no event up to S changed whether it is retracted.

Copies are cheap because most records never change once the fold has settled them: a
decided move or an acknowledged message is final, notes, perceptions, releases and the
debrief material are never changed after they are appended. Only pending moves,
unacknowledged messages and the dyads are copied record by record; for the rest the
containers are copied and the records shared.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import attrs

if TYPE_CHECKING:
    from wargame.engine.state import Event, ExerciseState

# A checkpoint every SPACING events at least, or every 1/SHARE of the log when that is
# more, so that keeping them costs a constant share of the folding time at any length.
SPACING = 1_000
SHARE = 20
KEEP = 3  # the latest checkpoints kept: retractions are nearly always of recent events


def spacing(events: int) -> int:
    return max(SPACING, events // SHARE)


@attrs.define
class Checkpoint:
    seq: int  # the last event folded into it
    count: int  # how many events had been folded (its index in the log that follows)
    state: ExerciseState = attrs.field(repr=False, eq=False)


@attrs.define
class Checkpoints:
    taken: list[Checkpoint] = attrs.Factory(list)  # oldest first

    def due(self, state: ExerciseState) -> bool:
        last = self.taken[-1].count if self.taken else 0
        return len(state.events) - last >= spacing(len(state.events))

    def take(self, state: ExerciseState) -> None:
        self.taken.append(Checkpoint(state.last_seq, len(state.events), copy_state(state)))
        del self.taken[:-KEEP]

    def before(self, seq: int) -> Checkpoint | None:
        """The latest checkpoint that folded no event from ``seq`` on."""
        for checkpoint in reversed(self.taken):
            if checkpoint.seq < seq:
                return checkpoint
        return None

    def up_to(self, seq: int) -> "Checkpoints":
        """The checkpoints that folded no event from ``seq`` on (still valid after a change
        there)."""
        return Checkpoints([c for c in self.taken if c.seq < seq])


def copy_state(state: ExerciseState) -> ExerciseState:
    """An independent copy: folding more events into it leaves ``state`` as it was."""
    return attrs.evolve(
        state,
        dyads={pair: attrs.evolve(dyad, history=list(dyad.history))
               for pair, dyad in state.dyads.items()},
        channels=dict(state.channels),
        moves=_copied(state.moves, [key for key, move in state.moves.items()
                                    if move.status == "pending"]),
        messages=_copied(state.messages, [key for key, message in state.messages.items()
                                          if not message.acknowledged]),
        injects=dict(state.injects),
        perceptions=list(state.perceptions),
        notes=list(state.notes),
        ratings=dict(state.ratings),
        lessons=list(state.lessons),
        improvements=list(state.improvements),
        hotwash=list(state.hotwash),
        pauses=_copied(state.pauses, [key for key, pause in state.pauses.items()
                                      if not pause.answer]),
        events=list(state.events),
        retracted=dict(state.retracted),
        retracted_messages=dict(state.retracted_messages),
        void=dict(state.void),
        routes=state.routes,  # a memo of pure functions of its key: shared safely
        phase_ts=dict(state.phase_ts),
        held=dict(state.held),
        retimed=dict(state.retimed),
        adhoc=dict(state.adhoc),
        updates=list(state.updates),
    )


Record = TypeVar("Record")


def _copied(records: dict[str, Record], changing: list[str]) -> dict[str, Record]:
    """The mapping with a copy of each record that may still change, the others shared."""
    copies = dict(records)
    for key in changing:
        record = records[key]
        cls = type(record)
        copies[key] = cls(*_values(cls)(record))
    return copies


@lru_cache(maxsize=None)
def _values(cls: type) -> Callable[[Any], tuple]:
    """What to pass a record class to make a copy of a record (all its fields, in order)."""
    fields = attrs.fields(cls)
    assert all(field.init and not field.kw_only for field in fields), cls
    return attrgetter(*(field.name for field in fields))


def first_change(state: ExerciseState, events: list[Event],
                 retracted: dict[int, str]) -> int | None:
    """The first seq at which folding ``events`` with ``retracted`` differs from what
    ``state`` folded, or None when ``events`` does not continue ``state``'s log."""
    folded = state.events
    common = min(len(folded), len(events))
    if common and folded[common - 1].seq != events[common - 1].seq:
        return None
    changed = [events[common].seq] if len(events) > common else []
    if len(folded) > common:
        changed.append(folded[common].seq)
    changed += [seq for seq in state.retracted.keys() ^ retracted.keys()]
    return min(changed, default=state.last_seq + 1)
