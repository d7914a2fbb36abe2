"""Evaluation objectives measured from the state (formats.md, "Measures supported").

``met`` is True, False, or None when the objective cannot be measured (yet): no hotline
message sent, no perception recorded, none of its injects released, an expected
response whose window is still open. ``detail`` says why in a trainer's words.

Expectations: only released injects are judged (an inject that never came asks nothing
of anyone). An expectation is met when the delegation makes an approved move of that type
in a turn from the release turn to ``within`` turns after it; while that window is
still open during the exercise phase, it is "open" rather than missed.
"""

from __future__ import annotations

from typing import Any

import attrs

from wargame.engine.metrics import misperception_metrics
from wargame.engine.state import ExerciseState
from wargame.model import Objective


@attrs.frozen
class ObjectiveResult:
    id: str
    text: str
    metric: str
    met: bool | None
    value: Any
    detail: str
    rating: str | None = None


@attrs.frozen
class ExpectationResult:
    inject: str
    by: str
    move: str
    within: int
    status: str  # met | missed | open | unreleased
    met_by: str | None = None  # the move that met it
    released_turn: int | None = None


def expectation_results(state: ExerciseState,
                        inject_ids: tuple[str, ...] = ()) -> list[ExpectationResult]:
    """Every ``expect`` of the given injects (default: all injects), judged now."""
    results = []
    made: dict[tuple[str, str], list] | None = None  # approved moves by (mover, type)
    for inject in state.scenario.injects:
        if inject_ids and inject.id not in inject_ids:
            continue
        release = state.injects.get(inject.id)
        if made is None and release is not None and inject.expect:
            made = {}
            for move in state.moves.values():  # in log order, as the first one counts
                if move.status == "approved":
                    made.setdefault((move.by, move.type), []).append(move)
        for expect in inject.expect:
            if release is None:
                results.append(ExpectationResult(inject.id, expect.by, expect.move,
                                                 expect.within, "unreleased"))
                continue
            first, last = release.released_turn, release.released_turn + expect.within
            meeting = next((m for m in (made or {}).get((expect.by, expect.move), ())
                            if first <= m.turn <= last), None)
            if meeting is not None:
                status = "met"
            elif state.phase == "exercise" and state.turn <= last:
                status = "open"
            else:
                status = "missed"
            results.append(ExpectationResult(
                inject.id, expect.by, expect.move, expect.within, status,
                meeting.id if meeting else None, release.released_turn))
    return results


def _turns(count: int) -> str:
    return f"{count} turn" if count == 1 else f"{count} turns"


def _peak_rung(state: ExerciseState, objective: Objective) -> tuple[bool | None, Any, str]:
    measure = objective.measure
    ladder = state.scenario.rulebook.ladder
    if measure.between is None or (measure.below is None and measure.at_most is None):
        return None, None, "the measure names no pair or no limit"
    pair = state.scenario.dyad(*measure.between)
    dyad = state.dyads.get(pair)
    if dyad is None:
        return None, None, f"{'–'.join(pair)} is not a pair whose escalation is tracked"
    peak = f"peak was {dyad.peak_rung} (level {dyad.peak_level})"
    if measure.below is not None:
        limit = ladder.level(measure.below)
        return (dyad.peak_level < limit, dyad.peak_rung,
                f"{peak}, limit below {measure.below} (level {limit})")
    limit = ladder.level(str(measure.at_most))
    return (dyad.peak_level <= limit, dyad.peak_rung,
            f"{peak}, limit at most {measure.at_most} (level {limit})")


def _hotline_ack_turns(state: ExerciseState, objective: Objective) -> tuple[bool | None, Any, str]:
    limit = int(objective.measure.at_most)
    messages = list(state.messages.values())
    if not messages:
        return None, None, "no hotline message was sent"
    waiting = [m.id for m in messages if not m.acknowledged]
    slow = [f"{m.id}: {_turns(m.ack_turn - m.sent_turn)}" for m in messages
            if m.acknowledged and m.ack_turn - m.sent_turn > limit]
    taken = [m.ack_turn - m.sent_turn for m in messages if m.acknowledged]
    parts = [f"{len(messages) - len(waiting) - len(slow)} of {len(messages)} messages "
             f"acknowledged within {_turns(limit)}"]
    if slow:
        parts.append(f"too slow: {', '.join(slow)}")
    if waiting:
        parts.append(f"unacknowledged: {', '.join(waiting)}")
    return not waiting and not slow, max(taken, default=None), "; ".join(parts)


def _expectations(state: ExerciseState, objective: Objective) -> tuple[bool | None, Any, str]:
    judged = [r for r in expectation_results(state, objective.measure.injects)
              if r.status != "unreleased"]
    if not judged:
        return None, None, "none of its injects has been released"
    met = [r for r in judged if r.status == "met"]
    missed = [r for r in judged if r.status == "missed"]
    still_open = [r for r in judged if r.status == "open"]
    parts = [f"{len(met)} of {len(judged)} expected responses met"]
    if missed:
        parts.append("missed: " + ", ".join(
            f"{r.by} {r.move} after {r.inject} (within {_turns(r.within)})" for r in missed))
    if still_open:
        parts.append("still open: " + ", ".join(f"{r.by} {r.move} after {r.inject}"
                                               for r in still_open))
    if missed:
        return False, len(met), "; ".join(parts)
    return (None if still_open else True), len(met), "; ".join(parts)


def _misperception(state: ExerciseState, objective: Objective) -> tuple[bool | None, Any, str]:
    limit = float(objective.measure.at_most)
    figures = misperception_metrics(state)
    if not figures["count"]:
        return None, None, "no perception was recorded"
    gap = figures["mean_abs_gap"]
    count = figures["count"]
    return (gap <= limit, gap, f"mean absolute gap {gap:g} over {count} "
                               f"perception{'' if count == 1 else 's'}, limit {limit:g}")


MEASURES = {
    "peak_rung": _peak_rung,
    "hotline_ack_turns": _hotline_ack_turns,
    "expectations": _expectations,
    "misperception": _misperception,
}


def evaluate_objective(state: ExerciseState, objective: Objective) -> ObjectiveResult:
    rating = state.ratings.get(objective.id)
    rating_letter = rating.rating if rating else None
    if objective.measure is None:
        return ObjectiveResult(objective.id, objective.text, "", None, None,
                               "no measure: rated by the evaluators", rating_letter)
    measure = MEASURES.get(objective.measure.metric)
    if measure is None:
        return ObjectiveResult(objective.id, objective.text, objective.measure.metric, None,
                               None, f"unknown metric {objective.measure.metric}",
                               rating_letter)
    met, value, detail = measure(state, objective)
    return ObjectiveResult(objective.id, objective.text, objective.measure.metric, met, value,
                           detail, rating_letter)


def evaluate_objectives(state: ExerciseState) -> list[ObjectiveResult]:
    return [evaluate_objective(state, objective) for objective in state.scenario.objectives]
