"""Shortest paths over the small graphs the fold walks (the ladder, the open hotline).

The fold needs only unweighted shortest paths, so it does not import networkx (which costs
more to import than a whole fold of a small session). The search is networkx's
bidirectional breadth-first search step for step, over neighbours in the order the edges
were added, so that among paths of equal length it picks the same one as
``networkx.shortest_path`` would: routes and ladder paths stored in exports and debriefs
stay the same.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Mapping, Sequence

Adjacency = Mapping[Hashable, Sequence[Hashable]]


def adjacency(nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable]], *,
              directed: bool) -> tuple[Adjacency, Adjacency]:
    """(successors, predecessors) of each node, in the order networkx's graphs keep them."""
    succ: dict[Hashable, dict[Hashable, None]] = {node: {} for node in nodes}
    pred: dict[Hashable, dict[Hashable, None]] = succ if not directed else {n: {} for n in succ}
    for a, b in edges:
        succ.setdefault(a, {})
        pred.setdefault(a, {})
        succ.setdefault(b, {})
        pred.setdefault(b, {})
        succ[a][b] = None
        pred[b][a] = None
    return ({n: tuple(s) for n, s in succ.items()},
            {n: tuple(p) for n, p in pred.items()})


def shortest_path(succ: Adjacency, pred: Adjacency, source: Hashable,
                  target: Hashable) -> tuple[Hashable, ...] | None:
    """The path networkx's ``bidirectional_shortest_path`` finds; None when there is none
    (or when either end is not a node)."""
    if source not in succ or target not in succ:
        return None
    if source == target:
        return (source,)
    forward: dict[Hashable, Hashable | None] = {source: None}
    backward: dict[Hashable, Hashable | None] = {target: None}
    forward_fringe, reverse_fringe = [source], [target]
    meet = None
    while forward_fringe and reverse_fringe and meet is None:
        if len(forward_fringe) <= len(reverse_fringe):
            level, forward_fringe = forward_fringe, []
            for v in level:
                for w in succ[v]:
                    if w not in forward:
                        forward_fringe.append(w)
                        forward[w] = v
                    if w in backward:
                        meet = w
                        break
                if meet is not None:
                    break
        else:
            level, reverse_fringe = reverse_fringe, []
            for v in level:
                for w in pred[v]:
                    if w not in backward:
                        backward[w] = v
                        reverse_fringe.append(w)
                    if w in forward:
                        meet = w
                        break
                if meet is not None:
                    break
    if meet is None:
        return None
    path = []
    node = meet
    while node is not None:
        path.append(node)
        node = forward[node]
    path.reverse()
    node = backward[path[-1]]
    while node is not None:
        path.append(node)
        node = backward[node]
    return tuple(path)
