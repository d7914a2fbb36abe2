"""The simulation report as data: the JSON document, and the design warnings in it.

Every figure is computed here from the tally's integer counts, so the document is the same
byte for byte whatever the number of processes. Probabilities are rounded to 4 places.
"""

from __future__ import annotations

import json
import math
from typing import Any

from wargame.model import Scenario
from wargame.model.conditions import describe as describe_condition
from wargame.simulate.aggregate import Tally
from wargame.simulate.policies import PolicySet

REPORT_VERSION = 1
Z95 = 1.959964  # the normal quantile of a two-sided 95% interval


def _p(count: int, runs: int) -> float:
    return round(count / runs, 4) if runs else 0.0


def wilson(successes: int, runs: int) -> tuple[float, float]:
    """The Wilson score 95% interval of a proportion (sound at 0 and at 1, unlike Wald's)."""
    if not runs:
        return 0.0, 1.0
    p = successes / runs
    denominator = 1 + Z95 ** 2 / runs
    centre = (p + Z95 ** 2 / (2 * runs)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / runs + Z95 ** 2 / (4 * runs ** 2)) / denominator
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def _pairs(scenario: Scenario, tally: Tally) -> list[dict[str, Any]]:
    ladder = scenario.rulebook.ladder
    order = [r.id for r in ladder.rungs]
    pairs = []
    for pair in scenario.dyads:
        peaks = tally.peak.get(pair, {})
        levels = tally.peak_level.get(pair, {})
        crossed = {}
        for threshold in ladder.thresholds:
            above = ladder.level(threshold.above)
            crossed[threshold.name] = _p(sum(n for lvl, n in levels.items() if lvl > above),
                                         tally.runs)
        pairs.append({
            "between": list(pair),
            "peak_rung": {r: peaks[r] for r in order if peaks.get(r)},
            "final_rung": {r: tally.final[pair][r] for r in order
                           if tally.final.get(pair, {}).get(r)},
            "crossed": crossed,
            "moved": _p(tally.moved.get(pair, 0), tally.runs),
        })
    return pairs


def _injects(scenario: Scenario, tally: Tally) -> list[dict[str, Any]]:
    rows = []
    for inject in scenario.injects:
        turns = tally.fired.get(inject.id, {})
        rows.append({"id": inject.id, "kind": inject.kind, "fired": sum(turns.values()),
                     "by_turn": {str(t): turns[t] for t in sorted(turns)}})
    return rows


def _objectives(scenario: Scenario, tally: Tally) -> list[dict[str, Any]]:
    rows = []
    for objective in scenario.objectives:
        met = tally.met.get(objective.id, 0)
        low, high = wilson(met, tally.runs)
        rows.append({"id": objective.id,
                     "metric": objective.measure.metric if objective.measure else None,
                     "met": _p(met, tally.runs), "low": low, "high": high,
                     "unmeasured": _p(tally.unmeasured.get(objective.id, 0), tally.runs)})
    return rows


def _expectations(scenario: Scenario, tally: Tally) -> list[dict[str, Any]]:
    rows = []
    for inject in scenario.injects:
        for expect in inject.expect:
            counts = tally.expectations.get((inject.id, expect.by, expect.move), {})
            released = tally.runs - counts.get("unreleased", 0)
            rows.append({"inject": inject.id, "by": expect.by, "move": expect.move,
                         "within": expect.within, "released": released,
                         **{status: _p(counts.get(status, 0), released)
                            for status in ("met", "late", "missed")}})
    return rows


def _hotline(tally: Tally) -> dict[str, Any]:
    total = sum(count * runs for count, runs in tally.messages.items())
    return {"messages_per_run": round(total / tally.runs, 4) if tally.runs else 0.0,
            "per_run": {str(k): tally.messages[k] for k in sorted(tally.messages)},
            "late_rate": _p(tally.late_messages, total)}


def _misperception(tally: Tally) -> dict[str, Any]:
    count = sum(tally.gaps.values())
    return {"perceptions": count,
            "gap": {str(g): tally.gaps[g] for g in sorted(tally.gaps)},
            "misread": _p(count - tally.gaps.get(0, 0), count)}


def warnings(scenario: Scenario, tally: Tally, document: dict[str, Any]) -> list[str]:
    """What a trainer should look at before the day, in the scenario's order."""
    found = []
    runs = tally.runs
    for row, inject in zip(document["injects"], scenario.injects):
        if row["fired"] == 0 and inject.kind == "conditional":
            found.append(f"inject {inject.id} never fired in {runs} runs: its condition "
                         f"({describe_condition(inject.when)}) was never met")
        elif row["fired"] == 0 and inject.kind == "scheduled":
            found.append(f"inject {inject.id} never fired in {runs} runs")
    for row in document["objectives"]:
        if row["unmeasured"] == 1.0:
            found.append(f"objective {row['id']} could not be measured in any run")
        elif row["met"] == 1.0:
            found.append(f"objective {row['id']} was met in every run: it may not test anything")
        elif row["met"] == 0.0:
            found.append(f"objective {row['id']} was met in no run")
    for row in document["expectations"]:
        if row["released"] and row["met"] == 0.0:
            found.append(f"the expected response to {row['inject']} ({row['by']} "
                         f"{row['move']} within {_turns(row['within'])}) was met in no run")
    for row in document["pairs"]:
        if row["moved"] == 0.0:
            found.append(f"the pair {' - '.join(row['between'])} never moved from its "
                         f"starting rung")
    if tally.refused:
        found.append(f"the engine refused {tally.refused} simulated actions; the policies "
                     f"asked for moves the rules do not allow")
    return found


def _turns(count: int) -> str:
    return f"{count} turn" if count == 1 else f"{count} turns"


PAUSE_OUTCOMES = ("proposed", "declined", "active", "honoured", "violated")


def _pauses(tally: Tally) -> dict[str, Any]:
    """Pause moments over all runs: how many were proposed, and what they became."""
    total = sum(tally.pauses.values())
    return {"per_run": round(total / tally.runs, 4) if tally.runs else 0.0,
            **{word: tally.pauses.get(word, 0) for word in PAUSE_OUTCOMES},
            "violated_share": _p(tally.pauses.get("violated", 0),
                                 total - tally.pauses.get("declined", 0)
                                 - tally.pauses.get("proposed", 0))}


def build_report(scenario: Scenario, policies: PolicySet, tally: Tally,
                 seed: int) -> dict[str, Any]:
    document: dict[str, Any] = {
        "scenario": {"id": scenario.id, "title": scenario.title,
                     "rulebook": scenario.rulebook.id},
        "runs": tally.runs,
        "seed": seed,
        "policies": policies.describe(),
        "pairs": _pairs(scenario, tally),
        "injects": _injects(scenario, tally),
        "objectives": _objectives(scenario, tally),
        "expectations": _expectations(scenario, tally),
        "hotline": _hotline(tally),
        "misperception": _misperception(tally),
        "pauses": _pauses(tally),
        "report_version": REPORT_VERSION,
    }
    document["warnings"] = warnings(scenario, tally, document)
    return document


def report_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
