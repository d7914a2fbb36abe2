"""The debrief's view-model: plain dicts and lists built from an exercise state.

Templates only read this; they decide nothing about what an edition may show. The engine
computes the figures (:mod:`wargame.engine.metrics`, :mod:`wargame.engine.objectives`);
this module names, words and groups them along the HSEEP After-Action Report outline:
overview, plan, exercise, assess, adjust.
"""

from __future__ import annotations

from typing import Any, Sequence

from wargame.model.conditions import Condition, describe as describe_condition
from wargame.engine.state import ExerciseState
from wargame.engine.visibility import audiences
from wargame.debrief import indicators, timeline
from wargame.debrief.comparison import compare_with_earlier
from wargame.debrief.editions import EditionData, edition_data
from wargame.debrief.findings import key_findings
from wargame.debrief.words import (
    CAPABILITY_NAMES, RATING_MEANINGS, RESULTS, ROLE_NAMES, Names, game_time, measure_words,
    number, plural, span_text, utc_text,
)

SUMMARY_PREFIX = "summary:"


def build_context(state: ExerciseState, *, edition: str = "full",
                  earlier: Sequence[tuple[str, ExerciseState]] = ()) -> dict[str, Any]:
    """The whole view-model of a debrief.

    ``earlier`` holds (label, state) of earlier sessions of the same scenario, oldest first;
    the last one is the baseline the Adjust section compares against.
    """
    from wargame.engine.metrics import compute_metrics
    from wargame.engine.objectives import evaluate_objectives

    names = Names(state.scenario)
    data = edition_data(state, edition)
    metrics = compute_metrics(state)
    results = evaluate_objectives(state)
    scenario = _scenario(state, names)
    exercise = _exercise(state, data, names, metrics)
    assess = _assess(state, data, names, metrics, results)
    overview = _overview(state, data, names)
    hotline_counts = data.full or state.scenario.transparency.public_hotline_counts
    overview["findings"] = key_findings(scenario, exercise, assess,
                                        hotline_counts=hotline_counts)
    return {
        "edition": {
            "id": data.edition,
            "public": data.public,
            "marking": data.marking,
            "withheld": list(data.withheld),
            "hotline_counts": hotline_counts,
        },
        "scenario": scenario,
        "overview": overview,
        "plan": _plan(state, data, names),
        "exercise": exercise,
        "assess": assess,
        "adjust": _adjust(state, names, results, earlier),
    }


def _scenario(state: ExerciseState, names: Names) -> dict[str, Any]:
    scenario = state.scenario
    ladder = scenario.rulebook.ladder
    return {
        "id": scenario.id,
        "title": scenario.title,
        "rulebook_id": scenario.rulebook.id,
        "rulebook_title": scenario.rulebook.title,
        "turns_planned": scenario.clock.turns,
        "turn_length": game_time(scenario.clock, 1),
        "timebox": span_text(scenario.clock.timebox) if scenario.clock.timebox else "",
        "rungs": [{"id": r.id, "name": r.name, "level": r.level, "description": r.description}
                  for r in ladder.rungs],
        "thresholds": [{"name": t.name, "above": names.rung(t.above), "above_level": ladder.level(t.above)}
                       for t in ladder.thresholds],
    }


def _live_events(state: ExerciseState):
    return [e for e in state.events if e.seq not in state.retracted]


def _overview(state: ExerciseState, data: EditionData, names: Names) -> dict[str, Any]:
    events = state.events
    first_ts = events[0].ts if events else None
    last_ts = events[-1].ts if events else None
    ats = [e.at for e in _live_events(state) if e.at is not None]
    turns_played = max(state.turn, 0)
    delegations = []
    goals_shown = data.full or state.scenario.transparency.public_objectives
    for d in state.scenario.delegations:
        delegations.append({
            "id": d.id,
            "name": d.name,
            "role": ROLE_NAMES.get(d.role, d.role),
            "objectives": list(d.objectives) if goals_shown else [],
            "red_lines": list(d.red_lines) if goals_shown else [],
            "briefing": d.briefing if data.full else "",
            # Submitted counts every move put to the facilitator (rejected ones too);
            # approved only those that took effect, the base of the CBM share.
            "moves": sum(1 for m in data.moves if m.by == d.id and m.status != "retracted"),
            "approved": sum(1 for m in data.moves if m.by == d.id and m.status == "approved"),
        })
    span = (last_ts - first_ts) if events else 0.0
    return {
        "first_event": utc_text(first_ts),
        "last_event": utc_text(last_ts),
        "dates": _dates(first_ts, last_ts),
        # A log written within a minute was played by a script: its span says nothing.
        "session_time": span_text(span) if span >= 60 else "",
        "exercise_time": span_text(max(ats)) if ats else "",
        "turns_played": turns_played,
        "turns_planned": state.scenario.clock.turns,
        "game_time": game_time(state.scenario.clock, turns_played),
        "phase": state.phase,
        "events": len(events),
        "delegations": delegations,
        "goals_shown": goals_shown,
        "summary": _summary(state, data, names),
    }


def _dates(first_ts: float | None, last_ts: float | None) -> str:
    """``2026-06-01, 09:00 to 11:20 UTC`` within a day, full dates and times otherwise."""
    if first_ts is None or last_ts is None:
        return ""
    first, last = utc_text(first_ts), utc_text(last_ts)
    if first[:10] == last[:10]:
        return f"{first[:10]}, {first[11:16]} to {last[11:16]} UTC"
    return f"{first} to {last}"


def _summary(state: ExerciseState, data: EditionData, names: Names) -> dict[str, Any] | None:
    """The facilitator's summary.

    Rule: the summary written with the summary action (the console's "Write facilitator's
    summary"; a shared conclusion, in every edition); failing that, the last facilitator
    note whose text begins with "Summary:" (the prefix is dropped); failing that, the last
    public facilitator note written after the exercise phase. Only notes this edition may
    show are considered.
    """
    if state.summary is not None:
        return {"text": state.summary.text, "by": names.delegation("facilitator"),
                "source": "facilitator's summary"}
    facilitator = [n for n in data.notes if n.by in ("facilitator", "script")]
    tagged = [n for n in facilitator if n.text.strip().lower().startswith(SUMMARY_PREFIX)]
    if tagged:
        note = tagged[-1]
        return {"text": note.text.strip()[len(SUMMARY_PREFIX):].strip(), "by": names.delegation(note.by),
                "source": "facilitator's summary note"}
    late = [n for n in facilitator if n.visibility == "public" and n.phase in ("assess", "adjust", "ended")]
    if late:
        note = late[-1]
        return {"text": note.text.strip(), "by": names.delegation(note.by),
                "source": f"last public facilitator note ({note.phase} phase)"}
    return None


def _plan(state: ExerciseState, data: EditionData, names: Names) -> dict[str, Any]:
    scenario = state.scenario
    objectives = [{
        "id": o.id,
        "text": o.text,
        "measure": measure_words(o.measure, names),
        "capability": CAPABILITY_NAMES.get(o.capability, o.capability),
    } for o in scenario.objectives]
    injects = []
    for inject in scenario.injects:
        if data.public and inject.id not in data.injects:
            continue
        release = data.injects.get(inject.id)
        if inject.turn is not None:
            when = f"turn {inject.turn}"
        elif inject.when is not None and not isinstance(inject.when, Condition):
            when = f"when {describe_condition(inject.when)}"
        elif inject.when is not None:
            cond = inject.when
            bound = (f"reaches “{names.rung(cond.rung_at_least)}”" if cond.rung_at_least
                     else f"falls to “{names.rung(cond.rung_at_most)}”")
            when = f"when {names.pair(cond.between)} {bound}"
        else:
            when = "by hand (contingency)"
        injects.append({
            "id": inject.id,
            "title": inject.title,
            "when": when,
            "from": inject.source,
            "to": names.recipients(inject),
            "delivery": inject.delivery,
            "expect": [f"{names.delegation(e.by)}: {names.move_type(e.move)} within {plural(e.within, 'turn')}"
                       for e in inject.expect],
            "objectives": list(inject.objectives),
            "control_notes": inject.control_notes if data.full else "",
            "released": f"turn {release.released_turn}" if release else "not released",
        })
    channels = [{
        "pair": names.pair(c.between),
        "ack_within": plural(c.ack_within, "turn"),
        "status": c.status,
        "name": c.name,
    } for c in scenario.channels]
    charter = [{"audience": who, "saw": what} for who, what in audiences(scenario)]
    return {"briefing": scenario.summary, "objectives": objectives, "injects": injects,
            "channels": channels, "charter": charter}


def _exercise(state: ExerciseState, data: EditionData, names: Names, metrics: dict) -> dict[str, Any]:
    ladder = state.scenario.rulebook.ladder
    pairs = []
    for p in timeline.pair_levels(state):
        rung_names = [ladder.at_level(level).name for level in p["levels"]]
        pairs.append({
            "label": names.pair(p["pair"]),
            "start": names.rung(p["start"]),
            "final": names.rung(p["rung"]),
            "peak": names.rung(p["peak_rung"]),
            "peak_turn": p["peak_turn"],
            "peak_level": p["peak_level"],
            "peak_within_turn": p["peak_within_turn"],
            "levels": p["levels"],
            "steps": p["steps"],
            "inside": p["inside"],
            "rungs_by_turn": rung_names,
            "shifts": len(p["changes"]),
            "moved": bool(p["changes"]),
        })
    still: dict[str, list[str]] = {}
    for pair in pairs:
        if not pair["moved"]:
            still.setdefault(pair["final"], []).append(pair["label"])
    scores = metrics.get("escalation_score", {})
    mean = metrics.get("mean_escalation_score", [])
    series = []
    for d in state.scenario.actors:
        series.append({"id": d.id, "name": d.name, "values": list(scores.get(d.id, []))})
    n_turns = max([len(s["values"]) for s in series] + [len(mean)] + [0])
    rows = []
    for t in range(n_turns):
        rows.append({
            "turn": t + 1,
            "cells": [s["values"][t] if t < len(s["values"]) else 0 for s in series],
            "mean": number(mean[t]) if t < len(mean) else "–",
        })
    return {
        "turns": timeline.narrative(state, data, names),
        "pairs": pairs,
        "moved_pairs": [p for p in pairs if p["moved"]],
        "still_pairs": [{"rung": rung, "pairs": labels} for rung, labels in still.items()],
        "turn_numbers": list(range(0, max(state.turn, 0) + 1)),
        "scores": {"delegations": series, "rows": rows},
    }


def _assess(state: ExerciseState, data: EditionData, names: Names, metrics: dict,
            results) -> dict[str, Any]:
    objectives = []
    raters = {e.seq: e.actor for e in state.events if e.kind == "rate"}
    for result in results:
        rating = state.ratings.get(result.id)
        letter = rating.rating if rating else (result.rating or "")
        try:
            objective = state.scenario.objective(result.id)
            measure = measure_words(objective.measure, names)
        except KeyError:
            measure = ""
        outcome = RESULTS[result.met]
        objectives.append({
            "id": result.id,
            "text": result.text,
            "measure": measure,
            "result": outcome["label"],
            "result_key": outcome["key"],
            "symbol": outcome["symbol"],
            "detail": result.detail,
            "rating": letter,
            "rating_meaning": RATING_MEANINGS.get(letter, "Not rated"),
            "rating_note": rating.note if rating else "",
            "rated_by": _rater(raters.get(rating.seq, ""), names) if rating else "",
        })
    hotline = metrics.get("hotline", {})
    messages = [m for m in state.messages.values() if m.seq not in state.retracted]
    mis = metrics.get("misperception", {})
    moves = metrics.get("moves", {})
    lessons = sorted(state.lessons, key=lambda lesson: lesson.seq)
    return {
        "objectives": objectives,
        "ratings_legend": [{"letter": k, "meaning": v} for k, v in RATING_MEANINGS.items()],
        "hotline": {
            "messages": hotline.get("messages", len(messages)),
            "acknowledged": hotline.get("acknowledged", 0),
            "late": hotline.get("late", 0),
            "unanswered": sum(1 for m in messages if not m.acknowledged),
            "median_turns": number(hotline.get("median_ack_turns")),
            "median_minutes": _minutes(hotline.get("median_ack_seconds")),
            "by_pair": indicators.hotline_by_pair(state, names),
            "relays": indicators.relay_time(state, names),
        },
        "contact": indicators.contact_by_pair(state, names),
        "cbm": indicators.cbm_uptake(state, names),
        "trust": indicators.trust(state, data, names),
        # the Notified column only where the rulebook asks any activity for notice
        "notice": any(m.notice for m in state.scenario.rulebook.moves),
        "moves": {k: moves.get(k, 0) for k in ("total", "cbm", "escalatory", "de_escalatory")},
        "misperception": {
            "count": mis.get("count", 0),
            "mean_gap": number(mis.get("mean_gap")),
            "mean_abs_gap": number(mis.get("mean_abs_gap")),
            "by_pair": indicators.misperception_by_pair(state, data, names),
        },
        "expectations": [dict(row, **{"result_label": RESULTS[row["result"]]["label"],
                                       "result_key": RESULTS[row["result"]]["key"],
                                       "symbol": RESULTS[row["result"]]["symbol"]})
                         for row in indicators.expectations(state, data, names)],
        "obligations": indicators.obligations(state, data, names),
        "pauses": indicators.pauses(state, data, names),
        "reports": indicators.reports(state, data, names),
        "strengths": [_lesson(lesson, names) for lesson in lessons if lesson.kind == "strength"],
        "improvements": [_lesson(lesson, names) for lesson in lessons if lesson.kind != "strength"],
        "hotwash": _hotwash(state, names),
    }


def _rater(actor: str, names: Names) -> str:
    if actor in ("facilitator", ""):
        return "the facilitator (control cell)"
    return names.delegation(actor)


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} min"


def _lesson(lesson, names: Names) -> dict[str, Any]:
    return {"text": lesson.text, "objective": lesson.objective or ""}


def _hotwash(state: ExerciseState, names: Names) -> list[dict[str, Any]]:
    out = []
    for index, question in enumerate(state.scenario.hotwash):
        # An answer the control cell entered without naming a delegation is the room's.
        answers = [{"by": "The room" if a.by in ("facilitator", "script", "") else names.delegation(a.by),
                    "answer": a.answer}
                   for a in sorted(state.hotwash, key=lambda a: a.seq) if a.question == index]
        out.append({"number": index + 1, "question": question, "answers": answers})
    return out


def _adjust(state: ExerciseState, names: Names, results,
            earlier: Sequence[tuple[str, ExerciseState]]) -> dict[str, Any]:
    items = [{
        "issue": item.issue,
        "action": item.action,
        "capability": CAPABILITY_NAMES.get(item.capability, item.capability),
        "owner": item.owner,
        "contact": item.contact,
        "start": item.start,
        "due": item.due,
        "objective": item.objective or "",
    } for item in sorted(state.improvements, key=lambda i: i.seq)]
    return {"plan": items, "previous": compare_with_earlier(state, results, earlier)}
