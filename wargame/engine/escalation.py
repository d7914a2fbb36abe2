"""Rungs per dyad: starting rungs, shifts along the ladder graph, peaks."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from wargame.engine.shortest import Adjacency, adjacency, shortest_path
from wargame.engine.state import DyadState, Event, ExerciseState, RungChange
from wargame.model import Ladder, Scenario
from wargame.model.scenario import Pair

if TYPE_CHECKING:
    import networkx as nx


@lru_cache(maxsize=16)
def ladder_graph(ladder: Ladder) -> nx.DiGraph:
    return ladder.graph()


@lru_cache(maxsize=16)
def ladder_adjacency(ladder: Ladder) -> tuple[Adjacency, Adjacency]:
    return adjacency((r.id for r in ladder.rungs), ((a, b) for a, b, _, _ in ladder.edges()),
                     directed=True)


@lru_cache(maxsize=1024)
def ladder_path(ladder: Ladder, from_rung: str, to_rung: str) -> tuple[str, ...]:
    """The shortest way through the ladder graph: a jump edge is taken when it is shorter."""
    path = shortest_path(*ladder_adjacency(ladder), from_rung, to_rung)
    if path is None:
        raise ValueError(f"no way from rung {from_rung!r} to rung {to_rung!r}")
    return path


def starting_dyads(scenario: Scenario) -> dict[Pair, DyadState]:
    ladder = scenario.rulebook.ladder
    dyads = {}
    for pair in scenario.dyads:
        rung = ladder.rung(scenario.start_rung(pair))
        dyads[pair] = DyadState(between=pair, rung=rung.id, level=rung.level,
                                peak_rung=rung.id, peak_level=rung.level)
    return dyads


def dyad_of(state: ExerciseState, a: str, b: str) -> DyadState | None:
    """The dyad of two delegations in either order; None when one of them cannot move."""
    if a == b or not (state.scenario.has_delegation(a) and state.scenario.has_delegation(b)):
        return None
    return state.dyads.get(state.scenario.dyad(a, b))


def dyads_of(state: ExerciseState, delegation: str) -> list[DyadState]:
    return [dyad for pair, dyad in state.dyads.items() if delegation in pair]


def shift(state: ExerciseState, dyad: DyadState, step: int, cause: str, event: Event) -> bool:
    """Move a dyad ``step`` levels (clamped at both ends); True when its rung changed."""
    ladder = state.scenario.rulebook.ladder
    target = ladder.at_level(dyad.level + step)
    if target.id == dyad.rung:
        return False
    paths = state.indexes.ladder_paths  # hashing the ladder for the cache costs more
    if (dyad.rung, target.id) not in paths:
        paths[dyad.rung, target.id] = ladder_path(ladder, dyad.rung, target.id)
    dyad.history.append(RungChange(
        turn=state.turn, from_rung=dyad.rung, to_rung=target.id,
        path=paths[dyad.rung, target.id], cause=cause, seq=event.seq, at=event.at))
    dyad.rung, dyad.level = target.id, target.level
    if target.level > dyad.peak_level:
        dyad.peak_rung, dyad.peak_level = target.id, target.level
    return True
