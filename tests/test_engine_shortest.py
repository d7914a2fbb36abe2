"""The fold's own shortest paths are networkx's, path for path: routes and ladder paths
recorded in exports stay what they were when networkx computed them."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, strategies as st

from wargame.engine.shortest import adjacency, shortest_path

NODES = list("abcdefgh")
edges = st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=20)


def _networkx(graph, source, target):
    try:
        return tuple(nx.shortest_path(graph, source, target))
    except nx.NetworkXNoPath:
        return None


@given(edges, st.booleans(), st.sampled_from(NODES), st.sampled_from(NODES))
def test_the_same_path_as_networkx(pairs, directed, source, target):
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(NODES)
    graph.add_edges_from(pairs)
    mine = shortest_path(*adjacency(NODES, pairs, directed=directed), source, target)
    assert mine == _networkx(graph, source, target)


def test_an_unknown_end_has_no_path():
    succ, pred = adjacency("ab", [("a", "b")], directed=False)
    assert shortest_path(succ, pred, "a", "z") is None
    assert shortest_path(succ, pred, "a", "a") == ("a",)
