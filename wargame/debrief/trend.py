"""The course trend: several sessions of one scenario compared in time order.

The Adjust section of one debrief looks back one session; a course director wants the
whole course: did each trust indicator improve run after run, how high did each pair go,
which objectives were met and how they were rated, and were improvement items closed. The
figures are the same ones the debrief uses (:func:`comparison.session_figures`,
:func:`comparison._item_status`), so a trend and a debrief never disagree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from wargame.engine.state import ExerciseState
from wargame.errors import WargameError
from wargame.debrief.comparison import _item_status, session_figures
from wargame.debrief.sparkline import sparkline
from wargame.debrief.words import Names, number, utc_text

# (label, figure key in session_figures, lower is better)
INDICATORS = (
    ("Hotline: median acknowledgement (turns)", "median_ack_turns", True),
    ("Hotline: late messages", "late", True),
    ("Hotline: never acknowledged", "unanswered", True),
    ("Misperception: mean absolute gap", "mean_abs_gap", True),
    ("Confidence-building moves (approved)", "cbm", False),
    ("Objectives met", "objectives_met", False),
)


def session_files(arguments: Sequence[str]) -> list[Path]:
    """The session files named, or those in the one folder named."""
    paths = [Path(a) for a in arguments]
    if len(paths) == 1 and paths[0].is_dir():
        found = sorted(p for p in paths[0].iterdir() if p.suffix == ".wargame" and p.is_file())
        if not found:
            raise WargameError(f"no session files (*.wargame) in {paths[0]}")
        return found
    for path in paths:
        if not path.is_file():
            raise WargameError(f"no session file at {path}")
    return paths


def load_sessions(paths: Sequence[Path]) -> list[tuple[str, ExerciseState]]:
    """(file name, state) of each session, in the order the sessions were played."""
    from wargame.engine import Session

    loaded = []
    for path in paths:
        with Session.open(path) as session:
            loaded.append((path.name, session.state))
    scenarios: dict[str, list[str]] = {}
    for label, state in loaded:
        scenarios.setdefault(state.scenario.id, []).append(label)
    if len(scenarios) > 1:
        listed = "; ".join(f"{sid}: {', '.join(labels)}" for sid, labels in scenarios.items())
        raise WargameError(f"a trend compares sessions of one scenario; these are of "
                           f"{len(scenarios)} ({listed})")
    loaded.sort(key=lambda item: (item[1].events[0].ts if item[1].events else 0.0, item[0]))
    return loaded


def _value(figures: dict[str, Any], key: str) -> float | None:
    value = figures.get(key)
    return None if value is None else float(value)


def _direction(values: list[float | None], lower_is_better: bool) -> dict[str, str]:
    known = [v for v in values if v is not None]
    if len(known) < 2 or known[0] == known[-1]:
        return {"trend": "same", "words": "no change" if len(known) >= 2 else "not comparable"}
    better = (known[-1] < known[0]) == lower_is_better
    return {"trend": "better" if better else "worse",
            "words": ("▼ " if known[-1] < known[0] else "▲ ") + ("better" if better else "worse")
            + " than the first session"}


def build_trend(sessions: Sequence[tuple[str, ExerciseState]]) -> dict[str, Any]:
    """The trend's view-model; ``sessions`` oldest first, all of one scenario."""
    from wargame.engine.metrics import compute_metrics
    from wargame.engine.objectives import evaluate_objectives

    if not sessions:
        raise WargameError("a trend needs at least one session")
    latest = sessions[-1][1]
    names = Names(latest.scenario)
    ladder = latest.scenario.rulebook.ladder
    columns, figures, results_by = [], [], []
    for label, state in sessions:
        results = evaluate_objectives(state)
        f = session_figures(state, results)
        messages = [m for m in state.messages.values() if m.seq not in state.retracted]
        f["unanswered"] = sum(1 for m in messages if not m.acknowledged)
        f["turns"] = max(state.turn, 0)
        figures.append(f)
        results_by.append({r.id: r for r in results})
        metrics = compute_metrics(state)
        columns.append({
            "label": label,
            "date": utc_text(state.events[0].ts) if state.events else "",
            "turns": f"{max(state.turn, 0)} of {state.scenario.clock.turns}",
            "phase": state.phase,
            "moves": metrics.get("moves", {}).get("total", 0),
        })
    indicators = []
    for title, key, lower in INDICATORS:
        values = [_value(f, key) for f in figures]
        shown = [number(v) for v in values]
        if key == "objectives_met":
            shown = [f"{number(v)} of {f['objectives']}" for v, f in zip(values, figures)]
        indicators.append({"indicator": title, "cells": shown, "chart": sparkline(values, lower),
                           **_direction(values, lower)})
    peaks = []
    for pair in latest.scenario.dyads:
        key = frozenset(pair)
        levels = [f["peaks"].get(key) for f in figures]
        cells = [f"{ladder.at_level(v).name} ({v})" if v is not None else "–" for v in levels]
        starts = ladder.level(latest.scenario.start_rung(pair))
        peaks.append({"pair": names.pair(pair), "cells": cells,
                      "moved": any(v is not None and v != starts for v in levels),
                      "chart": sparkline([None if v is None else float(v) for v in levels], True),
                      **_direction([None if v is None else float(v) for v in levels], True)})
    objectives = []
    for objective in latest.scenario.objectives:
        cells = []
        for (_, state), results in zip(sessions, results_by):
            result = results.get(objective.id)
            rating = state.ratings.get(objective.id)
            met = {True: "✔ met", False: "✖ not met", None: "– not measurable"}[result.met if result else None]
            cells.append(met + (f", rated {rating.rating}" if rating else ""))
        objectives.append({"text": objective.text, "id": objective.id, "cells": cells})
    items = []
    for index, ((_, state), f) in enumerate(zip(sessions, figures)):
        opened = len(state.improvements)
        if index == 0:
            items.append({"opened": opened, "addressed": "–", "open": "–", "follow_up": "–"})
            continue
        previous = sessions[index - 1][1]
        statuses = [_item_status(item, state, f)["status_key"] for item in previous.improvements]
        items.append({"opened": opened, "addressed": statuses.count("addressed"),
                      "open": statuses.count("open"), "follow_up": statuses.count("follow-up")})
    return {
        "scenario": {"id": latest.scenario.id, "title": latest.scenario.title},
        "sessions": columns,
        "indicators": indicators,
        "peaks": peaks,
        "still": [p["pair"] for p in peaks if not p["moved"]],
        "objectives": objectives,
        "items": items,
        "ladder_top": len(ladder.rungs) - 1,
    }


def render_trend(arguments: Sequence[str], fmt: str = "html") -> str:
    from wargame.debrief.render import render_named

    sessions = load_sessions(session_files(arguments))
    return render_named(f"{fmt}/trend.{fmt}.j2", {"trend": build_trend(sessions)}, fmt)
