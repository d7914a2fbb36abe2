"""The exercise's measurements, exactly as the export contract (formats.md) defines them.

Escalation scores follow Rivera et al. (2024): a delegation's score for a turn is the sum
of the category scores of its approved moves made in that turn (amended moves count with
their amended category); the exercise's mean divides each turn's total by the number of
delegations that can move. Retracted events are already absent from the state.
"""

from __future__ import annotations

from statistics import median
from typing import Any

from wargame.engine.state import ExerciseState


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)


def escalation_scores(state: ExerciseState) -> dict[str, list[int]]:
    """Per delegation, its score in each turn from 1 to the current one (observers: zeros)."""
    turns = max(state.turn, 0)
    scores = {d.id: [0] * turns for d in state.scenario.delegations}
    categories = state.scenario.rulebook.categories
    for move in state.moves.values():
        if move.status == "approved" and 1 <= move.turn <= turns:
            scores[move.by][move.turn - 1] += categories[move.category].score
    return scores


def mean_escalation_scores(state: ExerciseState,
                           scores: dict[str, list[int]] | None = None) -> list[float]:
    scores = escalation_scores(state) if scores is None else scores
    count = len(state.scenario.actors) or 1
    turns = max(state.turn, 0)
    return [_round(sum(s[turn] for s in scores.values()) / count) for turn in range(turns)]


def hotline_metrics(state: ExerciseState) -> dict[str, Any]:
    messages = list(state.messages.values())
    acknowledged = [m for m in messages if m.acknowledged]
    ack_turns = [m.ack_turn - m.sent_turn for m in acknowledged]
    ack_seconds = [m.ack_at - m.sent_at for m in acknowledged
                   if m.ack_at is not None and m.sent_at is not None]
    return {
        "messages": len(messages),
        "acknowledged": len(acknowledged),
        "late": sum(1 for m in messages if m.late(state.turn)),
        "median_ack_turns": _round(median(ack_turns)) if ack_turns else None,
        "median_ack_seconds": _round(median(ack_seconds)) if ack_seconds else None,
    }


def misperception_metrics(state: ExerciseState) -> dict[str, Any]:
    gaps = [p.gap for p in state.perceptions if p.move in state.moves]
    if not gaps:
        return {"count": 0, "mean_gap": None, "mean_abs_gap": None}
    return {"count": len(gaps), "mean_gap": _round(sum(gaps) / len(gaps)),
            "mean_abs_gap": _round(sum(abs(g) for g in gaps) / len(gaps))}


def move_counts(state: ExerciseState) -> dict[str, int]:
    categories = state.scenario.rulebook.categories
    approved = [m for m in state.moves.values() if m.status == "approved"]
    return {
        "total": sum(1 for m in state.moves.values() if m.status != "retracted"),
        "cbm": sum(1 for m in approved if m.cbm),
        "escalatory": sum(1 for m in approved if categories[m.category].score > 0),
        "de_escalatory": sum(1 for m in approved if categories[m.category].score < 0),
    }


def compute_metrics(state: ExerciseState) -> dict[str, Any]:
    """The export's ``metrics`` object."""
    scores = escalation_scores(state)
    return {
        "escalation_score": scores,
        "mean_escalation_score": mean_escalation_scores(state, scores),
        "hotline": hotline_metrics(state),
        "misperception": misperception_metrics(state),
        "moves": move_counts(state),
    }
