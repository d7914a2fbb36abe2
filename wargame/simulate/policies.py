"""Policies: how each simulated delegation, and the adjudicator, behaves.

The policy file names a built-in policy per delegation with its parameters; a delegation
the file does not name plays ``default`` (``random`` unless the file says otherwise).
Reading and checking the file lives in :mod:`wargame.simulate.policy_file`.
"""

from __future__ import annotations

from typing import Any, Mapping

import attrs

POLICY_NAMES = ("dove", "hawk", "tit-for-tat", "cbm-compliant", "random")
ADJUDICATOR_NAMES = ("approve",)
DEFAULT_POLICY = "random"

# Per policy: how soon it acknowledges a hotline message (turns, inclusive range) and how
# likely it is to send one in a turn. A dove talks; a hawk keeps its interlocutors waiting.
ACK_DEFAULTS: dict[str, tuple[int, int]] = {
    "dove": (0, 1), "hawk": (1, 3), "tit-for-tat": (0, 2), "cbm-compliant": (0, 0),
    "random": (0, 3)}
HOTLINE_DEFAULTS: dict[str, float] = {
    "dove": 0.5, "hawk": 0.1, "tit-for-tat": 0.3, "cbm-compliant": 0.5, "random": 0.3}


@attrs.frozen
class Policy:
    name: str
    ack_within: tuple[int, int]  # turns after receipt, drawn uniformly in the range
    misread: float = 0.0  # probability that a perceived move is read one category off
    moves: tuple[int, int] = (1, 1)  # moves per turn, drawn uniformly in the range
    hotline: float = 0.3  # probability of sending a hotline message in a turn
    weights: Mapping[str, float] = attrs.field(factory=dict)  # move type or category -> weight
    target: str | None = None  # aim targeted moves at this delegation when it can be

    def weight(self, move_type: str, category: str) -> float:
        return self.weights.get(move_type, self.weights.get(category, 1.0))

    def describe(self) -> dict[str, Any]:
        """The policy as the report shows it: name and every parameter in effect."""
        shown: dict[str, Any] = {
            "policy": self.name, "ack_within": list(self.ack_within), "misread": self.misread,
            "moves": list(self.moves), "hotline": self.hotline}
        if self.weights:
            shown["weights"] = dict(sorted(self.weights.items()))
        if self.target is not None:
            shown["target"] = self.target
        return shown


def builtin(name: str, **parameters: Any) -> Policy:
    """A built-in policy with its defaults, overridden by ``parameters``."""
    parameters.setdefault("ack_within", ACK_DEFAULTS[name])
    parameters.setdefault("hotline", HOTLINE_DEFAULTS[name])
    return Policy(name=name, **parameters)


@attrs.frozen
class Adjudicator:
    name: str = "approve"
    reject: float = 0.0  # probability of rejecting a move it would otherwise approve
    reject_above: str | None = None  # a category: moves scoring above it are rejected

    def describe(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"policy": self.name, "reject": self.reject}
        if self.reject_above is not None:
            shown["reject_above"] = self.reject_above
        return shown


@attrs.frozen
class PolicySet:
    """Every delegation's policy and the adjudicator's, for one simulation."""

    delegations: Mapping[str, Policy]
    adjudicator: Adjudicator = Adjudicator()
    source: str = ""  # the policy file ("" when every delegation plays the default)

    def of(self, delegation: str) -> Policy:
        return self.delegations[delegation]

    def describe(self) -> dict[str, Any]:
        return {"delegations": {d: p.describe() for d, p in self.delegations.items()},
                "adjudicator": self.adjudicator.describe()}


def default_policies(actor_ids: list[str]) -> PolicySet:
    """No policy file: every delegation that can move plays ``random``; moves are approved."""
    return PolicySet({d: builtin(DEFAULT_POLICY) for d in actor_ids})
