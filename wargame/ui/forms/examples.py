"""Placeholder examples drawn from the scenario being played, not from another one.

A placeholder that names a delegation or a move of another scenario misleads a trainer in
the middle of an exercise; these take the names from the current scenario and rulebook.
"""

from __future__ import annotations

from wargame.model import Scenario


def _two(scenario: Scenario) -> tuple[str, str, str, str]:
    """(name, id) of two delegations to use in examples (the same one twice when alone)."""
    delegations = list(scenario.delegations)
    if not delegations:
        return "the delegation", "a", "the other side", "b"
    first = delegations[0]
    second = delegations[1] if len(delegations) > 1 else first
    return first.name, first.id, second.name, second.id


def move_text(scenario: Scenario) -> str:
    a, _, b, _ = _two(scenario)
    moves = [m for m in scenario.rulebook.moves if m.cbm] or list(scenario.rulebook.moves)
    if not moves:
        return f"e.g. {a} proposes talks with {b}"
    return f"e.g. {a}: {moves[0].name.lower()}, offered to {b}"


def note_text(scenario: Scenario) -> str:
    _, _, b, _ = _two(scenario)
    return f"e.g. {b} hesitated before answering"


def shared_with(scenario: Scenario) -> str:
    _, a, _, b = _two(scenario)
    return f"Parties only: delegation ids, e.g. {a},{b}"


def message_text(scenario: Scenario) -> str:
    _, _, b, _ = _two(scenario)
    return f"e.g. To {b}: our activity is routine and will end at dawn"


def owner(scenario: Scenario) -> str:
    a, _, _, _ = _two(scenario)
    return f"e.g. {a} foreign ministry"


def update_text(scenario: Scenario) -> str:
    a, _, _, _ = _two(scenario)
    return f"e.g. Press reports say {a} has raised its alert level"
