"""Reading a policy file: every problem located (FILE:LINE:COL) with a did-you-mean hint.

The file is read against the scenario it is meant for, so that a misspelt delegation, move
type or category is caught before a single run is played.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wargame.errors import FileInvalid
from wargame.loader.fields import Reader, describe
from wargame.loader.suggest import hint
from wargame.model import Scenario
from wargame.simulate.policies import (
    ADJUDICATOR_NAMES, DEFAULT_POLICY, POLICY_NAMES, Adjudicator, Policy, PolicySet, builtin,
)
from wargame.yamlsource import Node, read_yaml

TOP_KEYS = ("policies", "default", "adjudicator", "scenario", "description")
POLICY_KEYS = ("policy", "ack_within", "misread", "moves", "hotline", "weights", "target")
ADJUDICATOR_KEYS = ("policy", "reject", "reject_above")


def load_policies(path: str | Path, scenario: Scenario) -> PolicySet:
    """The policies of ``path`` for ``scenario``; FileInvalid lists every problem."""
    root = read_yaml(path)
    reader = Reader(str(path))
    top = reader.mapping(root, "the policy file", optional=TOP_KEYS)
    if top is None:
        raise FileInvalid(reader.problems)
    actors = [d.id for d in scenario.actors]
    named = top.get("scenario")
    if named is not None:
        wanted = reader.slug(named, "scenario")
        if wanted is not None and wanted != scenario.id:
            reader.error(named, f"scenario: these policies are written for {wanted}, "
                                f"not for {scenario.id}")
    default = builtin(DEFAULT_POLICY)
    if top.get("default") is not None:
        default = _policy(reader, top.get("default"), "default", scenario) or default
    chosen: dict[str, Policy] = {}
    listed = top.get("policies")
    if listed is not None and _is_mapping(reader, listed, "policies"):
        for delegation, node in listed.value.items():
            where = listed.key_locations[delegation]
            if delegation not in actors:
                everyone = [d.id for d in scenario.delegations]
                reason = (f"policies: {delegation} is an observer; observers make no moves"
                          if delegation in everyone else
                          f"policies: no delegation '{delegation}' in scenario {scenario.id}"
                          + hint(delegation, actors, noun="delegations"))
                reader.error(where, reason)
                continue
            policy = _policy(reader, node, delegation, scenario)
            if policy is not None:
                chosen[delegation] = policy
    adjudicator = Adjudicator()
    if top.get("adjudicator") is not None:
        adjudicator = _adjudicator(reader, top.get("adjudicator"), scenario) or adjudicator
    problems = reader.finish()
    if problems:
        raise FileInvalid(problems)
    return PolicySet({d: chosen.get(d, default) for d in actors}, adjudicator, str(path))


def _policy(reader: Reader, node: Node, label: str, scenario: Scenario) -> Policy | None:
    """``dove`` or ``{policy: dove, misread: 0.2, ...}``."""
    if isinstance(node.value, str):
        name = reader.choice(node, label, POLICY_NAMES)
        return builtin(name) if name is not None else None
    fields = reader.mapping(node, f"the policy of {label}", required=("policy",),
                            optional=POLICY_KEYS)
    if fields is None or fields.get("policy") is None:
        return None
    name = fields.choice("policy", POLICY_NAMES)
    parameters: dict[str, Any] = {}
    for key in ("ack_within", "moves"):
        if key in fields:
            found = _range(reader, fields.get(key), key)
            if found is not None:
                parameters[key] = found
    for key in ("misread", "hotline"):
        if key in fields:
            found = _probability(reader, fields.get(key), key)
            if found is not None:
                parameters[key] = found
    if "weights" in fields:
        parameters["weights"] = _weights(reader, fields.get("weights"), scenario)
    if "target" in fields:
        target = fields.slug("target")
        actors = [d.id for d in scenario.actors]
        if target is not None and (target not in actors or target == label):
            reader.error(fields.get("target"),
                         f"target: '{target}' is not another delegation that can move"
                         + hint(target, [a for a in actors if a != label], noun="delegations"))
        elif target is not None:
            parameters["target"] = target
    if name is None:
        return None
    return builtin(name, **parameters)


def _is_mapping(reader: Reader, node: Node, label: str) -> bool:
    if isinstance(node.value, dict):
        return True
    reader.error(node, f"{label}: expected a mapping of keys, got {describe(node)}")
    return False


def _range(reader: Reader, node: Node, label: str) -> tuple[int, int] | None:
    """A whole number of turns (or moves), or an inclusive range ``[low, high]``."""
    if isinstance(node.value, list):
        if len(node.value) != 2:
            reader.error(node, f"{label}: expected a number or a range [low, high], got a "
                               f"list of {len(node.value)}")
            return None
        low, high = (reader.integer(item, label, minimum=0) for item in node.value)
        if low is None or high is None:
            return None
        if low > high:
            reader.error(node, f"{label}: the range [{low}, {high}] runs backwards; "
                               f"write [{high}, {low}]")
            return None
        return low, high
    value = reader.integer(node, label, minimum=0)
    return None if value is None else (value, value)


def _probability(reader: Reader, node: Node, label: str) -> float | None:
    value = reader.number(node, label, minimum=0)
    if value is None:
        return None
    if value > 1:
        reader.error(node, f"{label}: expected a probability from 0 to 1, got {node.raw}")
        return None
    return float(value)


def _weights(reader: Reader, node: Node, scenario: Scenario) -> dict[str, float]:
    rulebook = scenario.rulebook
    known = [m.id for m in rulebook.moves] + list(rulebook.categories)
    weights: dict[str, float] = {}
    if not _is_mapping(reader, node, "weights"):
        return weights
    for key, child in node.value.items():
        if key not in known:
            reader.error(node.key_locations[key],
                         f"weights: '{key}' is neither a move type nor a category of the "
                         f"rulebook {rulebook.id}" + hint(key, known))
            continue
        value = reader.number(child, f"weights: {key}", minimum=0)
        if value is not None:
            weights[key] = float(value)
    return weights


def _adjudicator(reader: Reader, node: Node, scenario: Scenario) -> Adjudicator | None:
    if isinstance(node.value, str):
        name = reader.choice(node, "adjudicator", ADJUDICATOR_NAMES)
        return Adjudicator(name) if name is not None else None
    fields = reader.mapping(node, "the adjudicator", optional=ADJUDICATOR_KEYS)
    if fields is None:
        return None
    name = fields.choice("policy", ADJUDICATOR_NAMES, default="approve")
    reject = 0.0
    if "reject" in fields:
        reject = _probability(reader, fields.get("reject"), "reject")
    above = None
    if "reject_above" in fields:
        categories = list(scenario.rulebook.categories)
        above = fields.choice("reject_above", categories)
    if name is None or reject is None:
        return None
    if "reject_above" in fields and above is None:
        return None
    return Adjudicator(name, reject, above)

