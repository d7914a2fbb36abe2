"""Rulebooks: the escalation ladder, move categories and the catalogue of move types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

import attrs

if TYPE_CHECKING:
    import networkx as nx

from wargame.model.cbm import Notice, Obligation, ReportField

ADJUDICATION_MODES = ("facilitator", "automatic")
TARGET_MODES = ("required", "optional", "none")
# public: everyone; parties: the author, the target or targets, and control; private: the
# author and control. The rules are in wargame.engine.visibility.
VISIBILITIES = ("public", "parties", "private")


@attrs.frozen
class Rung:
    id: str
    name: str
    level: int
    description: str = ""


@attrs.frozen
class Threshold:
    """A named boundary that lies just above the rung ``above`` (Kahn's firebreaks)."""

    name: str
    above: str
    description: str = ""


@attrs.frozen
class Jump:
    """An extra edge of the ladder graph: a way to skip rungs (a surprise seizure...)."""

    from_rung: str
    to_rung: str
    name: str = ""


@attrs.frozen
class Ladder:
    rungs: tuple[Rung, ...]
    thresholds: tuple[Threshold, ...] = ()
    jumps: tuple[Jump, ...] = ()

    @property
    def bottom(self) -> Rung:
        return self.rungs[0]

    @property
    def top(self) -> Rung:
        return self.rungs[-1]

    def rung(self, rung_id: str) -> Rung:
        for rung in self.rungs:
            if rung.id == rung_id:
                return rung
        raise KeyError(rung_id)

    def level(self, rung_id: str) -> int:
        return self.rung(rung_id).level

    def at_level(self, level: int) -> Rung:
        """The rung at ``level``, clamped to the ladder's ends."""
        return self.rungs[max(0, min(level, len(self.rungs) - 1))]

    def thresholds_above(self, rung_id: str) -> tuple[Threshold, ...]:
        return tuple(t for t in self.thresholds if t.above == rung_id)

    def graph(self) -> nx.DiGraph:
        """The ladder as a directed graph.

        Nodes are rung ids with ``level``, ``name`` and ``thresholds_above`` attributes.
        Each rung links up (``kind="up"``) and down (``kind="down"``) to its neighbours;
        every jump adds an edge of ``kind="jump"`` carrying its ``name``.
        """
        import networkx as nx  # only screens and analyses want the graph object; the fold does not

        graph = nx.DiGraph()
        for rung in self.rungs:
            graph.add_node(
                rung.id,
                level=rung.level,
                name=rung.name,
                thresholds_above=[t.name for t in self.thresholds_above(rung.id)],
            )
        for a, b, kind, name in self.edges():
            graph.add_edge(a, b, kind=kind, name=name)
        return graph

    def edges(self) -> list[tuple[str, str, str, str]]:
        """The ladder graph's edges as (from, to, kind, name), in the order they are added."""
        edges = []
        for lower, upper in zip(self.rungs, self.rungs[1:]):
            edges.append((lower.id, upper.id, "up", ""))
            edges.append((upper.id, lower.id, "down", ""))
        edges.extend((jump.from_rung, jump.to_rung, "jump", jump.name) for jump in self.jumps)
        return edges


@attrs.frozen
class Category:
    """A class of moves with its escalation score and default ladder step."""

    id: str
    score: int
    step: int = 0
    description: str = ""


@attrs.frozen
class MoveType:
    id: str
    name: str
    category: str
    cbm: bool = False
    target: str = "optional"
    visibility: str = "public"
    step: int | None = None
    description: str = ""
    fields: tuple[ReportField, ...] = ()  # a report format (model.cbm)
    obliges: Obligation | None = None
    quota: int | None = None  # at most this many aimed at one delegation per exercise
    # A call over the hotline: once approved, the move is also the message on the network.
    hotline: bool = False
    notice: Notice | None = None  # the notification an activity of this type should follow


@attrs.frozen
class Rulebook:
    id: str
    title: str
    ladder: Ladder
    categories: Mapping[str, Category]
    moves: tuple[MoveType, ...]
    adjudication: str = "facilitator"
    description: str = ""
    source: str = ""  # the file it was read from ("" when built in code)
    # Move types by id, built with the rulebook: the fold looks one up for every move.
    _by_id: Mapping[str, MoveType] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {m.id: m for m in reversed(self.moves)})

    def move(self, move_id: str) -> MoveType:
        return self._by_id[move_id]

    def has_move(self, move_id: str) -> bool:
        return move_id in self._by_id

    def step_of(self, move: MoveType) -> int:
        """The ladder step of a move type: its own ``step`` or its category's."""
        if move.step is not None:
            return move.step
        return self.categories[move.category].step

    def score_of(self, category_id: str) -> int:
        return self.categories[category_id].score
