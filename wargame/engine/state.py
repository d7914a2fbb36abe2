"""The exercise state: what a fold over the event log produces.

These records are plain data. The fold (:mod:`wargame.engine.fold`) builds them; the UI,
the export, the metrics and the debrief read them. Nothing outside the fold mutates them.
"""

from __future__ import annotations

from typing import Any

import attrs

from wargame.engine.checkpoints import Checkpoints
from wargame.engine.indexes import Indexes
from wargame.model import Scenario
from wargame.model.scenario import Channel, Pair

MOVE_STATUSES = ("pending", "approved", "rejected", "retracted")


@attrs.frozen
class Event:
    """One row of the append-only log."""

    seq: int
    ts: float  # wall-clock time (Unix seconds) when it was committed
    actor: str  # "facilitator", a delegation id, or "script"
    kind: str  # the action's name: "move", "adjudicate", "hotline", "next-turn", ...
    payload: dict[str, Any]

    @property
    def at(self) -> float | None:
        """Real seconds since the exercise phase began, as recorded with the action."""
        return self.payload.get("at")


@attrs.define
class RungChange:
    """One step of a pair's path through the ladder."""

    turn: int
    from_rung: str
    to_rung: str
    path: tuple[str, ...]  # rung ids along the ladder graph, from_rung first
    cause: str  # "move:<id>", "inject:<id>", "start"
    seq: int
    at: float | None = None


@attrs.define
class DyadState:
    between: Pair
    rung: str
    level: int
    peak_rung: str
    peak_level: int
    history: list[RungChange] = attrs.Factory(list)


@attrs.define
class MoveRecord:
    id: str
    by: str
    type: str
    category: str  # effective category (the amended one when amended)
    step: int  # effective ladder step
    target: str | None
    turn: int
    status: str  # pending | approved | rejected | retracted
    visibility: str  # public | parties | private
    text: str  # effective text (the amended one when amended)
    intent: str  # the category the mover means
    seq: int
    at: float | None = None
    amended: bool = False
    original_category: str = ""
    original_text: str = ""  # set when control amended the text
    decision_note: str = ""
    decided_turn: int | None = None
    decided_seq: int | None = None
    cbm: bool = False
    fields: dict[str, Any] = attrs.Factory(dict)  # the report's fields (engine.reports)
    pair: Pair | None = None  # a mediator's move aimed at a pair (target is then None)


@attrs.frozen
class RelayHop:
    """A delegation in the middle of a message's route passing it on (manual relays)."""

    by: str
    turn: int
    seq: int
    at: float | None = None
    note: str = ""


@attrs.define
class Message:
    id: str
    sender: str
    recipient: str
    text: str
    route: tuple[str, ...]  # delegation ids from sender to recipient
    sent_turn: int
    sent_at: float | None
    ack_within: int  # the largest ack_within along the route
    seq: int
    ack_turn: int | None = None
    ack_at: float | None = None
    ack_text: str = ""
    ack_seq: int | None = None
    reply_to: str | None = None
    # Manual relays (scenario ``hotline.relay: manual``): the message waits at each
    # delegation in the middle of its route until that one passes it on. A tuple, replaced
    # rather than appended to, so that a shallow copy of the record keeps what it held.
    manual: bool = False
    relays: tuple[RelayHop, ...] = ()

    @property
    def acknowledged(self) -> bool:
        return self.ack_turn is not None

    @property
    def reached(self) -> int:
        """The position in ``route`` of the furthest delegation the message has reached."""
        last = len(self.route) - 1
        return min(last, 1 + len(self.relays)) if self.manual else last

    @property
    def delivered(self) -> bool:
        return self.reached == len(self.route) - 1

    @property
    def waiting_at(self) -> str | None:
        """The delegation that holds the message until it passes it on; None once delivered."""
        return None if self.delivered else self.route[self.reached]

    @property
    def arrived_at(self) -> tuple[int, float | None]:
        """(turn, seconds) when it reached the delegation holding it, or the recipient."""
        if self.relays:
            return self.relays[-1].turn, self.relays[-1].at
        return self.sent_turn, self.sent_at

    @property
    def delivered_turn(self) -> int | None:
        return self.arrived_at[0] if self.delivered else None

    @property
    def delivered_at(self) -> float | None:
        return self.arrived_at[1] if self.delivered else None

    def late(self, current_turn: int) -> bool:
        if self.ack_turn is not None:
            return self.ack_turn - self.sent_turn > self.ack_within
        return current_turn - self.sent_turn > self.ack_within


@attrs.define
class InjectRelease:
    id: str
    released_turn: int
    how: str  # scheduled | conditional | manual
    seq: int  # the event during which it was released
    at: float | None = None


@attrs.define
class Perception:
    by: str
    move: str
    as_category: str
    gap: int  # score(as) - score(intent)
    turn: int
    seq: int
    note: str = ""
    visibility: str = "private"  # public | parties (the perceiver and the mover) | private


@attrs.define
class Note:
    by: str
    text: str
    visibility: str  # public | parties (the author and ``to``) | private
    phase: str
    turn: int
    seq: int
    at: float | None = None
    to: tuple[str, ...] = ()  # the delegations a ``parties`` note is shared with


@attrs.define
class Rating:
    objective: str
    rating: str  # P | S | M | U
    note: str
    seq: int
    by: str = ""  # the evaluator who rated, when recorded


@attrs.define
class Lesson:
    kind: str  # strength | improvement
    text: str
    seq: int
    objective: str | None = None


@attrs.define
class ImprovementItem:
    issue: str
    action: str
    seq: int
    capability: str = ""  # planning | organization | equipment | training | exercise
    owner: str = ""
    contact: str = ""
    start: str = ""  # ISO date
    due: str = ""  # ISO date
    objective: str | None = None


@attrs.define
class HotwashAnswer:
    question: int  # index into scenario.hotwash
    answer: str
    by: str
    seq: int


@attrs.frozen
class PauseAnswer:
    """One invited delegation's answer to a pause (control may have given it for it)."""

    by: str
    answer: str  # accept | decline
    turn: int
    seq: int


@attrs.define
class PauseRecord:
    """A pause moment proposed by ``by`` and binding ``parties`` (engine.pauses says what
    it became).

    Three forms: ``with: b`` binds the proposer and b; ``with: all`` binds every delegation
    that can move; ``between: [a, b]`` is a mediator brokering a pause that binds a and b
    but not itself. Every party but the proposer must accept; one decline declines it.
    """

    id: str
    by: str
    parties: tuple[str, ...]  # the delegations it binds, in the scenario's order
    turns: int  # how many turns it lasts once accepted, the accepting turn included
    scope: tuple[str, ...]  # the move categories it halts
    proposed_turn: int
    seq: int
    addressed: str | None = None  # "all" for a pause to all; None for a pair or a brokered one
    # Replaced, never mutated in place (a checkpoint may share the tuple).
    answers: tuple[PauseAnswer, ...] = ()

    @property
    def invited(self) -> tuple[str, ...]:
        """The parties who must answer: all of them but the proposer."""
        return tuple(p for p in self.parties if p != self.by)

    @property
    def brokered(self) -> bool:
        return self.by not in self.parties

    def answer_of(self, delegation: str) -> PauseAnswer | None:
        return next((a for a in self.answers if a.by == delegation), None)

    @property
    def deciding(self) -> PauseAnswer | None:
        """The answer that settled it: the first decline, or the last of the acceptances."""
        declined = next((a for a in self.answers if a.answer == "decline"), None)
        if declined is not None:
            return declined
        if self.answers and {a.by for a in self.answers} >= set(self.invited):
            return self.answers[-1]
        return None

    @property
    def answer(self) -> str:
        """"" while some party has yet to answer, else accept (all did) or decline."""
        deciding = self.deciding
        return deciding.answer if deciding is not None else ""

    @property
    def answered_turn(self) -> int | None:
        deciding = self.deciding
        return deciding.turn if deciding is not None else None

    @property
    def answered_seq(self) -> int | None:
        deciding = self.deciding
        return deciding.seq if deciding is not None else None


@attrs.define
class SituationUpdate:
    text: str
    to: tuple[str, ...]  # the delegations it goes to; empty for all
    turn: int
    seq: int
    at: float | None = None


@attrs.define
class FacilitatorSummary:
    text: str
    seq: int


@attrs.define
class ExerciseState:
    scenario: Scenario
    phase: str = "plan"
    turn: int = 0  # 0 before the exercise phase begins
    dyads: dict[Pair, DyadState] = attrs.Factory(dict)
    channels: dict[frozenset[str], str] = attrs.Factory(dict)  # up | down
    moves: dict[str, MoveRecord] = attrs.Factory(dict)
    messages: dict[str, Message] = attrs.Factory(dict)
    injects: dict[str, InjectRelease] = attrs.Factory(dict)
    perceptions: list[Perception] = attrs.Factory(list)
    notes: list[Note] = attrs.Factory(list)
    ratings: dict[str, Rating] = attrs.Factory(dict)
    lessons: list[Lesson] = attrs.Factory(list)
    improvements: list[ImprovementItem] = attrs.Factory(list)
    hotwash: list[HotwashAnswer] = attrs.Factory(list)
    pauses: dict[str, PauseRecord] = attrs.Factory(dict)  # proposed pause moments (engine.pauses)
    events: list[Event] = attrs.Factory(list)  # every event read, retracted ones included
    retracted: dict[int, str] = attrs.Factory(dict)  # seq -> reason
    # Messages whose hotline event was retracted: kept apart so counts and routes ignore them.
    retracted_messages: dict[str, Message] = attrs.Factory(dict)
    # Events that took no effect when folded (seq -> why), e.g. the adjudication of a move
    # that was later retracted. A valid log from a single writer has none.
    void: dict[int, str] = attrs.Factory(dict)
    # Memo of hotline routes, keyed by (channels down, sender, recipient): derived, not state.
    routes: dict[tuple, tuple[str, ...] | None] = attrs.field(factory=dict, repr=False,
                                                               eq=False)
    # Lookups kept beside the state for speed (wargame.engine.indexes): derived, not state;
    # a copy starts without them and rebuilds them on first need.
    indexes: Indexes = attrs.field(factory=Indexes, init=False, repr=False, eq=False)
    # Copies of earlier states to refold from (wargame.engine.checkpoints): derived too.
    checkpoints: Checkpoints = attrs.field(factory=Checkpoints, init=False, repr=False,
                                           eq=False)
    exercise_started_ts: float | None = None
    turn_started_ts: float | None = None
    phase_ts: dict[str, float] = attrs.Factory(dict)  # wall-clock time each phase began
    last_seq: int = 0
    # The control cell's levers (wargame.engine.rules_control).
    held: dict[str, int] = attrs.Factory(dict)  # inject id -> seq of the hold
    retimed: dict[str, int] = attrs.Factory(dict)  # inject id -> the turn it now opens with
    adhoc: dict = attrs.Factory(dict)  # inject id -> the model.Inject composed on the spot
    updates: list[SituationUpdate] = attrs.Factory(list)
    summary: FacilitatorSummary | None = None
    paused_ts: float | None = None  # wall-clock time the timebox was paused; None when running
    turn_paused: float = 0.0  # seconds the current turn's timebox spent paused

    def channel_status(self, channel: Channel) -> str:
        """A hotline channel's status now (up | down): as control or an inject last set it,
        else as the scenario began."""
        return self.channels.get(frozenset(channel.between), channel.status)
