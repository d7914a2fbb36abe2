"""What the parts of a scenario need to know about each other while it is being read."""

from __future__ import annotations

import attrs

from wargame.errors import Location
from wargame.loader.crossrefs import IdTable
from wargame.loader.fields import Reader, describe
from wargame.model import Rulebook
from wargame.model.scenario import Pair
from wargame.yamlsource import Node


@attrs.define
class ScenarioContext:
    reader: Reader
    rulebook: Rulebook | None  # None when it could not be found or read: its checks are skipped
    delegations: IdTable = attrs.Factory(lambda: IdTable("delegation", "delegations"))
    roles: dict[str, str | None] = attrs.Factory(dict)
    channels: dict[frozenset[str], Location] = attrs.Factory(dict)
    injects: IdTable = attrs.Factory(lambda: IdTable("inject", "injects"))
    injects_with_expect: set[str] = attrs.Factory(set)
    expected_by: dict[str, set[str]] = attrs.Factory(dict)  # inject -> who it expects a move of
    objectives: IdTable = attrs.Factory(lambda: IdTable("objective", "objectives"))
    turns: int | None = None
    rungs: IdTable | None = None
    moves: IdTable | None = None

    def __attrs_post_init__(self) -> None:
        if self.rulebook is not None:
            self.rungs = IdTable.of("rung", "rungs", (r.id for r in self.rulebook.ladder.rungs))
            self.moves = IdTable.of("move type", "move types", (m.id for m in self.rulebook.moves))

    def rung(self, node: Node, label: str) -> str | None:
        """A rung id of the rulebook's ladder (unchecked when the rulebook is unavailable)."""
        if self.rungs is None:
            return self.reader.text(node, label)
        return self.rungs.refer(self.reader, node, label)

    def move(self, node: Node, label: str) -> str | None:
        if self.moves is None:
            return self.reader.text(node, label)
        return self.moves.refer(self.reader, node, label)

    def level(self, rung_id: str) -> int | None:
        if self.rulebook is None:
            return None
        try:
            return self.rulebook.ladder.level(rung_id)
        except KeyError:
            return None

    def delegation(self, node: Node, label: str, *, movers_only: bool = False) -> str | None:
        """A delegation id; with ``movers_only``, observers are refused (they cannot move)."""
        found = self.delegations.refer(self.reader, node, label)
        if found is not None and movers_only and self.roles.get(found) == "observer":
            self.reader.error(node, f"{label}: '{found}' is an observer; observers make no "
                              "moves and have no rung with anyone")
            return None
        return found

    def pair(self, node: Node, label: str, *, movers_only: bool) -> Pair | None:
        """Two different delegations, written ``[a, b]``.

        ``movers_only``: escalation is tracked only between delegations that can move
        (Scenario.dyads), so a rung, shift or condition naming an observer is refused.
        """
        reader = self.reader
        value = node.value
        if not isinstance(value, list) or len(value) != 2:
            got = f"a list of {len(value)}" if isinstance(value, list) else None
            reader.error(node, f"{label}: expected a pair of two delegation ids such as "
                         f"[azure, crimson], got {got or describe(node)}")
            return None
        ends = [self.delegation(item, label, movers_only=movers_only) for item in value]
        if None in ends:
            return None
        if ends[0] == ends[1]:
            reader.error(value[1], f"{label}: a pair names two different delegations, "
                         f"not '{ends[0]}' twice")
            return None
        return (ends[0], ends[1])
