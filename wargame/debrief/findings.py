"""Key findings: the few sentences a reader wants first, generated from the indicators.

Each finding is built from a figure computed elsewhere in the debrief (the pairs' peaks,
hotline timeliness, expected responses, misperception, objectives), so the summary and
the sections below it can never disagree. The report marks the list as generated; the
facilitator's own summary, when there is one, follows it.
"""

from __future__ import annotations

from typing import Any

from wargame.debrief.words import plural


def key_findings(scenario: dict[str, Any], exercise: dict[str, Any], assess: dict[str, Any],
                 *, hotline_counts: bool = True) -> list[dict[str, str]]:
    """Findings as {"kind": "warn" | "ok" | "info", "text": ...}, most important first;
    none about the hotline when the edition does not report its traffic (the charter)."""
    out: list[dict[str, str]] = []
    peak = _highest_pair(scenario, exercise)
    if peak:
        out.append(peak)
    hotline = assess["hotline"]
    if hotline_counts and hotline["messages"]:
        late, unanswered = hotline["late"], hotline["unanswered"]
        if late or unanswered:
            parts = ([f"{plural(late, 'message')} late"] if late else []) + (
                [f"{unanswered} never acknowledged"] if unanswered else [])
            out.append({"kind": "warn", "text": f"Hotline: {' and '.join(parts)}, of "
                        f"{hotline['messages']} sent (see the lateness rule under Assess)."})
        else:
            out.append({"kind": "ok", "text": f"Hotline: all {hotline['messages']} messages were "
                        "acknowledged within their allowance."})
    missed = [e for e in assess["expectations"] if e["result"] is False]
    if missed:
        listed = "; ".join(f"{e['by']}: {e['move']} after “{e['inject']}” ({e['came']})" for e in missed[:3])
        more = f" and {len(missed) - 3} more" if len(missed) > 3 else ""
        out.append({"kind": "warn", "text": f"{plural(len(missed), 'expected response')} missed: "
                    f"{listed}{more}."})
    elif assess["expectations"]:
        met = sum(1 for e in assess["expectations"] if e["result"] is True)
        out.append({"kind": "ok", "text": f"{met} of {len(assess['expectations'])} expected responses "
                    "to injects came in time."})
    gap = _largest_misperception(assess)
    if gap:
        out.append(gap)
    unmet = [o for o in assess["objectives"] if o["result_key"] == "not-met"]
    if unmet:
        # A long measured detail (a list of message ids) belongs in Assess, not here.
        out.append({"kind": "warn", "text": "Objectives not met: " + "; ".join(
            f"“{o['text']}” ({o['detail']})" if o["detail"] and len(o["detail"]) <= 80 else f"“{o['text']}”"
            for o in unmet) + (" (details under Assess)." if any(len(o["detail"]) > 80 for o in unmet) else ".")})
    elif assess["objectives"]:
        met = sum(1 for o in assess["objectives"] if o["result_key"] == "met")
        out.append({"kind": "ok" if met else "info",
                    "text": f"{met} of {len(assess['objectives'])} objectives met by their measure."})
    return out


def _highest_pair(scenario: dict[str, Any], exercise: dict[str, Any]) -> dict[str, str] | None:
    pairs = exercise["pairs"]
    if not pairs:
        return None
    top = max(pairs, key=lambda p: (p["peak_level"], -p["peak_turn"]))
    if not top["moved"]:
        return {"kind": "ok", "text": "No pair moved on the ladder; all stayed where they started."}
    when = "at the start" if top["peak_turn"] == 0 else f"in turn {top['peak_turn']}"
    thresholds = sorted(scenario["thresholds"], key=lambda t: t["above_level"])
    crossed = [t["name"] for t in thresholds if t["above_level"] < top["peak_level"]
               and t["above_level"] >= min(top["levels"])]
    ahead = [t for t in thresholds if t["above_level"] >= top["peak_level"]]
    text = f"Highest escalation: {top['label']} reached “{top['peak']}” {when}"
    if crossed:
        text += f", beyond the threshold{'s' if len(crossed) > 1 else ''} " + ", ".join(
            f"“{name}”" for name in crossed)
    if ahead:
        gap = ahead[0]["above_level"] + 1 - top["peak_level"]
        text += f"; {plural(gap, 'rung')} short of the next threshold, “{ahead[0]['name']}”"
    text += f"; it ended at “{top['final']}”."
    return {"kind": "warn" if crossed else "info", "text": text}


def _largest_misperception(assess: dict[str, Any]) -> dict[str, str] | None:
    rows = assess["misperception"]["by_pair"]
    if not rows:
        return None
    named = [(g, row) for row in rows for g in row["largest"]]
    if named:
        g, row = max(named, key=lambda item: abs(int(item[0]["gap"])))
        return {"kind": "warn" if abs(int(g["gap"])) >= 8 else "info", "text": (
            f"Largest misperception: {row['perceiver']} read {g['by']}'s {g['type_name']} (turn {g['turn']}) "
            f"as {g['perceived']} where {g['intent']} was meant (gap {g['gap']}: the score of the "
            "category perceived minus that of the category intended).")}
    row = max(rows, key=lambda r: float(r["mean_abs_gap"]) if r["mean_abs_gap"] != "–" else 0.0)
    return {"kind": "info", "text": (
        f"Largest misperception: {row['perceiver']} reading {row['mover']}, mean absolute gap "
        f"{row['mean_abs_gap']} over {plural(row['count'], 'reading')} (gap: the score of the "
        "category perceived minus that of the category intended).")}
