"""JSON Schema of a policy file (`wargame simulate --policies FILE`)."""

from __future__ import annotations

from wargame.schemas._common import Schema, closed, document, enum, ref, slug
from wargame.simulate.policies import ADJUDICATOR_NAMES, POLICY_NAMES


def _range(description: str) -> Schema:
    return {
        "description": description,
        "anyOf": [
            {"type": "integer", "minimum": 0, "description": "Exactly this many."},
            {"type": "array", "description": "An inclusive range [low, high].",
             "items": {"type": "integer", "minimum": 0, "description": "A bound."},
             "minItems": 2, "maxItems": 2},
        ],
    }


def _probability(description: str) -> Schema:
    return {"type": "number", "minimum": 0, "maximum": 1, "description": description}


def _policy() -> Schema:
    name = enum("A built-in policy: dove (de-escalation and CBM moves), hawk (escalatory "
                "moves), tit-for-tat (answers the other side's last move in kind, starts "
                "cooperative), cbm-compliant (meets every expected response on time, "
                "acknowledges at once), random (the whole catalogue).", POLICY_NAMES)
    return {
        "description": "A policy by name, or a mapping with its parameters.",
        "anyOf": [name, closed("A policy with parameters.", {
            "policy": name,
            "ack_within": _range("Turns before a hotline message is acknowledged."),
            "misread": _probability("How often a perceived move is read one category off."),
            "moves": _range("Moves per turn."),
            "hotline": _probability("Chance of sending a hotline message in a turn."),
            "weights": {
                "type": "object",
                "description": "Relative weights of move types or categories (default 1).",
                "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
                "additionalProperties": {"type": "number", "minimum": 0,
                                         "description": "The weight."},
            },
            "target": slug("Aim targeted moves and hotline calls at this delegation."),
        }, ("policy",))],
    }


def policies_schema() -> Schema:
    adjudicator_name = enum("The adjudicator's policy.", ADJUDICATOR_NAMES)
    return document(
        "wargame simulation policies",
        "How each delegation and the adjudicator behave in `wargame simulate`.",
        {
            "scenario": slug("Optional: the scenario these policies are written for."),
            "description": {"type": "string", "description": "Optional notes."},
            "policies": {
                "type": "object",
                "description": "Delegation id -> its policy.",
                "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
                "additionalProperties": ref("policy"),
            },
            "default": ref("policy", "The policy of every delegation not listed "
                                     "(default: random)."),
            "adjudicator": {
                "description": "How pending moves are decided (default: approve all).",
                "anyOf": [adjudicator_name, closed("The adjudicator with parameters.", {
                    "policy": adjudicator_name,
                    "reject": _probability("Chance of rejecting a move it would approve."),
                    "reject_above": slug("Reject every move of a category scoring above "
                                         "this one."),
                })],
            },
        },
        (),
        {"policy": _policy()},
    )
