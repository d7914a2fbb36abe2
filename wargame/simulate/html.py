"""The simulation report as a self-contained HTML page (inline CSS, no script, no network).

The page is drawn from the JSON document (one source of figures) plus the scenario's
names; the template is ``debriefs/simulate/report.html.j2``, rendered in the debrief's
sandboxed, autoescaping environment so every scenario text stays plain text.
"""

from __future__ import annotations

from typing import Any

import jinja2

from wargame.debrief.render import make_environment
from wargame.errors import WargameError
from wargame.model import Scenario

TEMPLATE = "simulate/report.html.j2"


def _percent(value: float) -> str:
    """47.5%, 30%, 0%: one decimal at most, none when it is zero."""
    return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"


def _pair_view(row: dict[str, Any], scenario: Scenario, runs: int) -> dict[str, Any]:
    ladder = scenario.rulebook.ladder
    names = {d.id: d.name for d in scenario.delegations}
    rungs = []
    for rung in reversed(ladder.rungs):  # the top of the ladder first, as on the app's ladder
        peak, final = row["peak_rung"].get(rung.id, 0), row["final_rung"].get(rung.id, 0)
        rungs.append({"name": rung.name, "id": rung.id,
                      "thresholds": [t.name for t in ladder.thresholds_above(rung.id)],
                      "peak": peak, "peak_share": peak / runs, "final": final,
                      "final_share": final / runs})
    return {"label": " – ".join(names[d] for d in row["between"]), "rungs": rungs,
            "crossed": [{"name": name, "p": p, "text": _percent(p)}
                        for name, p in row["crossed"].items()],
            "moved": _percent(row["moved"])}


def _filled(counts: dict[str, int]) -> list[tuple[int, int]]:
    """Counts keyed by whole numbers, with the missing numbers in between as zeros."""
    keys = [int(k) for k in counts]
    if not keys:
        return []
    return [(k, counts.get(str(k), 0)) for k in range(min(keys), max(keys) + 1)]


def build_view(document: dict[str, Any], scenario: Scenario) -> dict[str, Any]:
    runs = document["runs"]
    names = {d.id: d.name for d in scenario.delegations}
    turns = list(range(1, scenario.clock.turns + 1))
    injects = []
    for row in document["injects"]:
        inject = scenario.inject(row["id"])
        counts = [row["by_turn"].get(str(t), 0) for t in turns]
        injects.append({**row, "title": inject.title, "share": row["fired"] / runs,
                        "text": _percent(row["fired"] / runs),
                        "turns": [{"turn": t, "count": c, "share": c / runs}
                                  for t, c in zip(turns, counts)]})
    objectives = [{**row, "text": scenario.objective(row["id"]).text,
                   "met_text": _percent(row["met"]), "low_text": _percent(row["low"]),
                   "high_text": _percent(row["high"])} for row in document["objectives"]]
    expectations = [{**row, "by_name": names.get(row["by"], row["by"]),
                     "met_text": _percent(row["met"]), "late_text": _percent(row["late"]),
                     "missed_text": _percent(row["missed"])}
                    for row in document["expectations"]]
    gaps = document["misperception"]["gap"]
    most = max(gaps.values(), default=1)
    per_run = document["hotline"]["per_run"]
    busiest = max(per_run.values(), default=1)
    return {
        "document": document, "scenario": scenario, "runs": runs, "turns": turns,
        "policies": [{"name": names[d], "id": d, **p}
                     for d, p in document["policies"]["delegations"].items()],
        "adjudicator": document["policies"]["adjudicator"],
        "pairs": [_pair_view(row, scenario, runs) for row in document["pairs"]],
        "injects": injects, "objectives": objectives, "expectations": expectations,
        "hotline": {**document["hotline"],
                    "late_text": _percent(document["hotline"]["late_rate"]),
                    "bars": [{"count": k, "runs": v, "share": v / busiest}
                             for k, v in _filled(per_run)]},
        "misperception": {**document["misperception"],
                          "misread_text": _percent(document["misperception"]["misread"]),
                          "bars": [{"gap": k, "count": v, "share": v / most}
                                   for k, v in _filled(gaps)]},
        "pauses": {**document["pauses"],
                   "violated_text": _percent(document["pauses"]["violated_share"])},
        "warnings": document["warnings"],
    }


def render_report(document: dict[str, Any], scenario: Scenario) -> str:
    env = make_environment("html")
    env.filters["percent"] = _percent
    try:
        return env.get_template(TEMPLATE).render(**build_view(document, scenario))
    except jinja2.TemplateError as error:
        raise WargameError(f"the simulation report template failed: {error}") from None
