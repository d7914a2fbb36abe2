"""Graphs for the screens and the debrief: the ladder with each dyad's path, the hotline
with its traffic, and the off-ramps open to a dyad."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from wargame.engine.escalation import ladder_adjacency, ladder_graph
from wargame.engine.shortest import adjacency, shortest_path
from wargame.engine.state import ExerciseState
from wargame.model import MoveType
from wargame.model.scenario import Pair

if TYPE_CHECKING:
    import networkx as nx


def ladder_graph_with_paths(state: ExerciseState) -> nx.DiGraph:
    """The ladder graph; each edge lists the dyads that went along it.

    Edge attribute ``traversals``: ``[{"dyad": (a, b), "turn": t, "cause": "move:m1"}]``
    in the order they happened. Node attribute ``dyads``: the pairs standing on the rung now.
    """
    graph = ladder_graph(state.scenario.rulebook.ladder).copy()
    for _, _, data in graph.edges(data=True):
        data["traversals"] = []
    for node in graph.nodes:
        graph.nodes[node]["dyads"] = []
    for pair, dyad in state.dyads.items():
        graph.nodes[dyad.rung]["dyads"].append(pair)
        for change in dyad.history:
            for a, b in zip(change.path, change.path[1:]):
                graph.edges[a, b]["traversals"].append(
                    {"dyad": pair, "turn": change.turn, "cause": change.cause})
    return graph


def hotline_traffic(state: ExerciseState) -> nx.Graph:
    """The hotline graph with each channel's current ``status`` and its traffic.

    Edge attributes: ``status`` (up | down now), ``ack_within``, ``messages`` (messages
    that crossed it, relays included) and ``relayed`` (those of them that were relays).
    Node attributes: ``sent``, ``received`` and ``relayed`` counts.
    """
    graph = state.scenario.hotline_graph()
    for a, b, data in graph.edges(data=True):
        data["status"] = state.channels.get(frozenset((a, b)), data["status"])
        data["messages"] = data["relayed"] = 0
    for node in graph.nodes:
        graph.nodes[node].update(sent=0, received=0, relayed=0)
    for message in state.messages.values():
        relay = len(message.route) > 2
        graph.nodes[message.sender]["sent"] += 1
        graph.nodes[message.recipient]["received"] += 1
        for middle in message.route[1:-1]:
            graph.nodes[middle]["relayed"] += 1
        for a, b in zip(message.route, message.route[1:]):
            if graph.has_edge(a, b):
                graph.edges[a, b]["messages"] += 1
                graph.edges[a, b]["relayed"] += int(relay)
    return graph


@attrs.frozen
class OffRamp:
    path: tuple[str, ...]  # rung ids from the dyad's rung down to the bottom
    moves: tuple[MoveType, ...]  # de-escalating move types, the largest step down first


def off_ramps(state: ExerciseState, dyad: Pair) -> OffRamp:
    """The shortest way down to the bottom rung, and the moves that step down."""
    scenario = state.scenario
    pair = scenario.dyad(*dyad)
    current = state.dyads[pair].rung
    ladder = scenario.rulebook.ladder
    successors, _ = ladder_adjacency(ladder)
    level = {rung.id: rung.level for rung in ladder.rungs}
    # The ladder's edges that lead down, listed node by node as a graph lists its edges.
    down_edges = [(a, b) for a in successors for b in successors[a] if level[b] < level[a]]
    path = shortest_path(*adjacency(successors, down_edges, directed=True), current,
                         ladder.bottom.id)
    if path is None:
        raise ValueError(f"no way down the ladder from {current!r}")
    if len(path) == 1:
        return OffRamp(path, ())
    rulebook = scenario.rulebook
    down = [m for m in rulebook.moves if rulebook.step_of(m) < 0]
    order = {m.id: i for i, m in enumerate(rulebook.moves)}
    down.sort(key=lambda m: (rulebook.step_of(m), order[m.id]))
    return OffRamp(path, tuple(down))
