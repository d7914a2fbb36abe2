"""The Adjust section's look back: what changed since the previous exercise of the scenario.

Rule for earlier improvement items (documented in the debrief itself):

* **addressed** when the item is tied to an objective that this session met, or when a
  strength recorded in this session is tied to that objective or quotes the item's issue;
* **still open** when its objective was not met here, or the same issue was written into
  this session's improvement plan again;
* **to follow up** otherwise: nothing in this session shows either way.

Every item is listed with its owner and due date; an item not addressed whose due date is
before this session's last event is marked overdue.
"""

from __future__ import annotations

from typing import Any, Sequence

from wargame.engine.state import ExerciseState
from wargame.debrief.words import Names, number, utc_date, utc_text

ADDRESSED_RULE = (
    "An earlier item counts as addressed when its objective was met in this session, or when a "
    "strength recorded here is tied to that objective or quotes its issue; it is still open when "
    "its objective was not met or the issue was raised again; otherwise it is listed to follow up."
)


def session_figures(state: ExerciseState, results=None) -> dict[str, Any]:
    """The indicators compared between sessions, from the engine's metrics and objectives."""
    from wargame.engine.metrics import compute_metrics
    from wargame.engine.objectives import evaluate_objectives

    metrics = compute_metrics(state)
    results = results if results is not None else evaluate_objectives(state)
    hotline = metrics.get("hotline", {})
    return {
        "peaks": {frozenset(pair): dyad.peak_level for pair, dyad in state.dyads.items()},
        "peak_names": {frozenset(pair): dyad.peak_rung for pair, dyad in state.dyads.items()},
        "median_ack_turns": hotline.get("median_ack_turns"),
        "median_ack_seconds": hotline.get("median_ack_seconds"),
        "late": hotline.get("late", 0),
        "mean_abs_gap": metrics.get("misperception", {}).get("mean_abs_gap"),
        "cbm": metrics.get("moves", {}).get("cbm", 0),
        "objectives_met": sum(1 for r in results if r.met is True),
        "objectives": len(results),
        "met_ids": {r.id for r in results if r.met is True},
        "unmet_ids": {r.id for r in results if r.met is False},
    }


def _change(before: float | None, now: float | None, lower_is_better: bool) -> dict[str, str]:
    if before is None or now is None:
        return {"delta": "–", "trend": "n-a", "symbol": "", "words": "not comparable"}
    delta = now - before
    if abs(delta) < 1e-9:
        return {"delta": "0", "trend": "same", "symbol": "", "words": "unchanged"}
    better = (delta < 0) == lower_is_better
    sign = "+" if delta > 0 else "−"
    return {
        "delta": f"{sign}{number(abs(delta))}",
        "trend": "better" if better else "worse",
        "symbol": "▲" if delta > 0 else "▼",
        "words": "better" if better else "worse",
    }


def _row(name: str, before, now, lower_is_better: bool, fmt=number) -> dict[str, Any]:
    return {"indicator": name, "before": fmt(before), "now": fmt(now),
            **_change(before, now, lower_is_better)}


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} min"


def compare_with_earlier(state: ExerciseState, results,
                         earlier: Sequence[tuple[str, ExerciseState]]) -> dict[str, Any] | None:
    if not earlier:
        return None
    label, previous = earlier[-1]
    names = Names(state.scenario)
    now = session_figures(state, results)
    before = session_figures(previous)
    rows = []
    ladder = state.scenario.rulebook.ladder
    for pair in state.scenario.dyads:
        key = frozenset(pair)
        if key not in now["peaks"]:
            continue
        b, n = before["peaks"].get(key), now["peaks"][key]
        row = _row(f"Peak level, {names.pair(pair)}", b, n, True)
        row["before"] = f"{names.rung(before['peak_names'].get(key))} ({b})" if b is not None else "–"
        row["now"] = f"{ladder.at_level(n).name} ({n})"
        rows.append(row)
    rows.append(_row("Hotline median acknowledgement (turns)", before["median_ack_turns"],
                     now["median_ack_turns"], True))
    rows.append({**_row("Hotline median acknowledgement (real time)", before["median_ack_seconds"],
                        now["median_ack_seconds"], True, _minutes)})
    if rows[-1]["delta"] not in ("–", "0"):
        seconds = now["median_ack_seconds"] - before["median_ack_seconds"]
        rows[-1]["delta"] = ("+" if seconds > 0 else "−") + f"{abs(seconds) / 60:.1f} min"
    rows.append(_row("Late hotline messages", before["late"], now["late"], True))
    rows.append(_row("Misperception, mean absolute gap", before["mean_abs_gap"], now["mean_abs_gap"], True))
    rows.append(_row("Confidence-building moves (approved)", before["cbm"], now["cbm"], False))
    rows.append(_row("Objectives met", before["objectives_met"], now["objectives_met"], False))
    rows[-1]["before"] += f" of {before['objectives']}"
    rows[-1]["now"] += f" of {now['objectives']}"

    items = [_item_status(item, state, now) for item in sorted(previous.improvements, key=lambda i: i.seq)]
    return {
        "label": label,
        "date": utc_text(previous.events[-1].ts) if previous.events else "",
        "indicators": rows,
        "earlier_items": items,
        "rule": ADDRESSED_RULE,
        "counts": {s: sum(1 for i in items if i["status_key"] == s)
                   for s in ("addressed", "open", "follow-up")},
    }


def _item_status(item, state: ExerciseState, now: dict[str, Any]) -> dict[str, Any]:
    issue = item.issue.strip().lower()
    strengths = [lesson for lesson in state.lessons if lesson.kind == "strength"]
    status, reason = "follow-up", "nothing in this session shows whether it was addressed"
    if item.objective and item.objective in now["met_ids"]:
        status, reason = "addressed", f"objective {item.objective} met in this session"
    elif any(item.objective and lesson.objective == item.objective for lesson in strengths):
        status, reason = "addressed", f"a strength recorded for objective {item.objective}"
    elif issue and any(issue in lesson.text.lower() for lesson in strengths):
        status, reason = "addressed", "a strength recorded in this session quotes it"
    elif item.objective and item.objective in now["unmet_ids"]:
        status, reason = "open", f"objective {item.objective} not met in this session"
    elif issue and any(issue == again.issue.strip().lower() for again in state.improvements):
        status, reason = "open", "raised again in this session's improvement plan"
    last_day = utc_date(state.events[-1].ts) if state.events else ""
    overdue = bool(status != "addressed" and item.due and last_day and item.due < last_day)
    return {
        "issue": item.issue,
        "action": item.action,
        "owner": item.owner,
        "due": item.due,
        "objective": item.objective or "",
        "status_key": status,
        "status": {"addressed": "Addressed", "open": "Still open", "follow-up": "To follow up"}[status],
        "reason": reason,
        "overdue": overdue,
    }


