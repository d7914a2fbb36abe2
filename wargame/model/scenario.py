"""Scenarios: delegations, clock, hotline, the Master Scenario Events List and evaluation."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING, Mapping

import attrs

if TYPE_CHECKING:
    import networkx as nx

from wargame.model.conditions import When
from wargame.model.rulebook import Rulebook
from wargame.model.transparency import Transparency

ROLES = ("state", "mediator", "observer")
# The exercise's phases in order; "ended" follows the last one, by the action `end`.
PHASE_ORDER = ("plan", "exercise", "assess", "adjust")
PHASES = (*PHASE_ORDER, "ended")
CHANNEL_STATUSES = ("up", "down")
# How a message whose route passes through another delegation goes on: at once, or only
# when that delegation passes it on (the relay action).
RELAY_MODES = ("automatic", "manual")
METRICS = ("peak_rung", "hotline_ack_turns", "expectations", "misperception")
RATINGS = ("P", "S", "M", "U")
# HSEEP capability elements an improvement-plan item (or an objective) is filed under.
CAPABILITIES = ("planning", "organization", "equipment", "training", "exercise")
RATING_NAMES = {
    "P": "Performed without challenges",
    "S": "Performed with some challenges",
    "M": "Performed with major challenges",
    "U": "Unable to be performed",
}

Pair = tuple[str, str]


def next_phase(phase: str) -> str | None:
    """The phase after ``phase`` ("ended" after the last one); None once ended."""
    if phase not in PHASE_ORDER:
        return None
    index = PHASE_ORDER.index(phase)
    return PHASE_ORDER[index + 1] if index + 1 < len(PHASE_ORDER) else "ended"


@attrs.frozen
class Clock:
    turns: int
    turn_length: int  # game seconds one turn stands for
    timebox: int | None = None  # real seconds the facilitator budgets per turn

    def game_seconds(self, turns: int) -> int:
        """The game time ``turns`` whole turns stand for."""
        return self.turn_length * max(turns, 0)

    def game_seconds_at(self, turn: int) -> int:
        """The game time at the start of ``turn`` (turn 1 starts at zero)."""
        return self.game_seconds(turn - 1)


@attrs.frozen
class Delegation:
    id: str
    name: str
    role: str = "state"
    objectives: tuple[str, ...] = ()
    red_lines: tuple[str, ...] = ()
    briefing: str = ""  # private briefing, shown only to this delegation and control

    @property
    def can_move(self) -> bool:
        return self.role != "observer"

    @property
    def mediates(self) -> bool:
        """A mediator may aim a move at a pair and broker a pause between two others."""
        return self.role == "mediator"


@attrs.frozen
class Channel:
    """An undirected hotline link; ``ack_within`` is the expected acknowledgement in turns."""

    between: Pair
    ack_within: int = 1
    status: str = "up"  # status when the exercise begins
    name: str = ""


@attrs.frozen
class StartRung:
    between: Pair
    rung: str


@attrs.frozen
class Expectation:
    """An expected response to an inject: ``by`` makes an approved ``move`` within N turns."""

    by: str
    move: str
    within: int = 1


@attrs.frozen
class ShiftEffect:
    between: Pair
    step: int


@attrs.frozen
class ChannelEffect:
    between: Pair
    status: str


Effect = ShiftEffect | ChannelEffect


@attrs.frozen
class Inject:
    id: str
    title: str
    text: str = ""
    source: str = ""  # the ``from:`` key: who the inject comes from
    to: tuple[str, ...] = ()  # delegation ids; ``all`` is expanded when loading
    turn: int | None = None  # scheduled release turn
    when: When | None = None  # conditional release
    expect: tuple[Expectation, ...] = ()
    effects: tuple[Effect, ...] = ()
    delivery: str = ""  # HSEEP delivery method: phone, message, briefing...
    objectives: tuple[str, ...] = ()  # evaluation objectives this inject exercises
    control_notes: str = ""  # guidance for the control cell; never shown to players

    @property
    def kind(self) -> str:
        if self.turn is not None:
            return "scheduled"
        if self.when is not None:
            return "conditional"
        return "contingency"


@attrs.frozen
class Measure:
    metric: str
    between: Pair | None = None
    below: str | None = None  # a rung id (peak_rung)
    at_most: str | int | float | None = None  # a rung id, a number of turns or a gap
    injects: tuple[str, ...] = ()  # for ``expectations``; empty means every inject with expect


@attrs.frozen
class Objective:
    id: str
    text: str
    measure: Measure | None = None
    capability: str = ""


@attrs.frozen
class Scenario:
    id: str
    title: str
    rulebook: Rulebook
    clock: Clock
    delegations: tuple[Delegation, ...]
    summary: str = ""
    channels: tuple[Channel, ...] = ()
    relay: str = "automatic"  # RELAY_MODES: how messages pass an intermediate delegation
    start: tuple[StartRung, ...] = ()
    injects: tuple[Inject, ...] = ()
    objectives: tuple[Objective, ...] = ()
    hotwash: tuple[str, ...] = ()
    transparency: Transparency = Transparency()  # the scenario's charter (defaults if absent)
    rulebook_ref: str = ""  # as written in the file: an id or a relative path
    source: str = ""  # the file it was read from
    # Delegations by id, built with the scenario: the fold looks them up for every action.
    _delegations: Mapping[str, Delegation] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_delegations",
                           {d.id: d for d in reversed(self.delegations)})

    def delegation(self, delegation_id: str) -> Delegation:
        return self._delegations[delegation_id]

    def has_delegation(self, delegation_id: str) -> bool:
        return delegation_id in self._delegations

    def inject(self, inject_id: str) -> Inject:
        for inject in self.injects:
            if inject.id == inject_id:
                return inject
        raise KeyError(inject_id)

    def objective(self, objective_id: str) -> Objective:
        for objective in self.objectives:
            if objective.id == objective_id:
                return objective
        raise KeyError(objective_id)

    @property
    def actors(self) -> tuple[Delegation, ...]:
        """Delegations that can move: states and mediators."""
        return tuple(d for d in self.delegations if d.can_move)

    def dyad(self, a: str, b: str) -> Pair:
        """The canonical spelling of a pair: in the order the scenario lists delegations."""
        order = {d.id: i for i, d in enumerate(self.delegations)}
        return (a, b) if order[a] <= order[b] else (b, a)

    @property
    def dyads(self) -> tuple[Pair, ...]:
        """Every pair of delegations that can move; escalation is tracked per dyad."""
        return tuple((a.id, b.id) for a, b in combinations(self.actors, 2))

    def channel(self, a: str, b: str) -> Channel | None:
        wanted = {a, b}
        for channel in self.channels:
            if set(channel.between) == wanted:
                return channel
        return None

    def hotline_graph(self) -> nx.Graph:
        """The hotline network: delegations as nodes, channels as edges (with ack_within)."""
        import networkx as nx  # only analyses want the graph object; routing does not

        graph = nx.Graph()
        for delegation in self.delegations:
            graph.add_node(delegation.id, name=delegation.name, role=delegation.role)
        for channel in self.channels:
            a, b = channel.between
            graph.add_edge(a, b, ack_within=channel.ack_within, status=channel.status,
                           name=channel.name)
        return graph

    def start_rung(self, dyad: Pair) -> str:
        for start in self.start:
            if set(start.between) == set(dyad):
                return start.rung
        return self.rulebook.ladder.bottom.id
