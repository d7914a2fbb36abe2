"""Which move types each built-in policy reaches for, read from the rulebook once per run set.

A dove and a cbm-compliant delegation only pick moves that cannot climb the ladder (no
positive score, no positive step), so that an all-dove exercise climbs only through inject
effects; a hawk picks the escalatory ones; random picks from the whole catalogue.
"""

from __future__ import annotations

import random

import attrs

from wargame.model import MoveType, Rulebook
from wargame.simulate.policies import Policy


def _calm(rulebook: Rulebook, move: MoveType) -> bool:
    return rulebook.score_of(move.category) <= 0 and rulebook.step_of(move) <= 0


@attrs.frozen
class Catalogue:
    rulebook: Rulebook
    by_policy: dict[str, tuple[MoveType, ...]]
    by_category: dict[str, tuple[MoveType, ...]]
    category_order: tuple[str, ...]  # categories from the calmest score to the highest

    @classmethod
    def of(cls, rulebook: Rulebook) -> "Catalogue":
        moves = rulebook.moves
        calm = tuple(m for m in moves if _calm(rulebook, m)
                     and (m.cbm or rulebook.score_of(m.category) < 0))
        by_policy = {
            "dove": calm,
            "cbm-compliant": tuple(m for m in calm if m.cbm) or calm,
            "tit-for-tat": calm,  # its cooperative moves; answers in kind come by category
            "hawk": tuple(m for m in moves if rulebook.score_of(m.category) > 0),
            "random": tuple(moves),
        }
        by_category = {c: tuple(m for m in moves if m.category == c)
                       for c in rulebook.categories}
        order = tuple(sorted(rulebook.categories,
                             key=lambda c: (rulebook.score_of(c), list(rulebook.categories).index(c))))
        return cls(rulebook, by_policy, by_category, order)

    def pick(self, rng: random.Random, policy: Policy,
             candidates: tuple[MoveType, ...]) -> MoveType | None:
        """A move type drawn by the policy's weights; None when nothing may be drawn."""
        if not candidates:
            return None
        weights = [policy.weight(m.id, m.category) for m in candidates]
        if sum(weights) <= 0:
            return None
        return rng.choices(candidates, weights)[0]

    def misread(self, rng: random.Random, category: str) -> str:
        """The category one off ``category`` (up or down at random, inward at the ends)."""
        index = self.category_order.index(category)
        if index == 0:
            return self.category_order[1] if len(self.category_order) > 1 else category
        if index == len(self.category_order) - 1:
            return self.category_order[index - 1]
        return self.category_order[index + rng.choice((-1, 1))]
