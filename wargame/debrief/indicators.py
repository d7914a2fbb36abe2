"""The Assess section's trust indicators, broken down per pair and per delegation.

The engine's metrics give the session-wide figures (:func:`compute_metrics`); the
breakdowns the doctrine asks observers for (per channel, per pair, per delegation) are
derived here from the state, with the same rules: retracted records count for nothing,
CBM uptake and contact count approved moves, a message is late by :meth:`Message.late`.
Figures are numbers only, so they are the same in both editions; a named move whose text
the edition may not show is referred to without it.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from wargame.engine.state import ExerciseState
from wargame.debrief.editions import EditionData
from wargame.debrief.words import Names, med, minutes_text, number, plural


def _live_moves(state: ExerciseState):
    return [m for m in sorted(state.moves.values(), key=lambda m: m.seq) if m.status != "retracted"]


def _live_messages(state: ExerciseState):
    return [m for m in sorted(state.messages.values(), key=lambda m: m.seq) if m.seq not in state.retracted]


def hotline_by_pair(state: ExerciseState, names: Names) -> list[dict[str, Any]]:
    """Timeliness per pair of correspondents (either direction), relays named."""
    rows: dict[frozenset[str], dict[str, Any]] = {}
    for message in _live_messages(state):
        key = frozenset((message.sender, message.recipient))
        row = rows.setdefault(key, {"messages": [], "relays": set()})
        row["messages"].append(message)
        row["relays"].update(message.route[1:-1])
    out = []
    for key, row in rows.items():
        messages = row["messages"]
        pair = state.scenario.dyad(*sorted(key)) if len(key) == 2 else tuple(key) * 2
        acked = [m for m in messages if m.acknowledged]
        turns = [m.ack_turn - m.sent_turn for m in acked]
        seconds = [m.ack_at - m.sent_at for m in acked if m.ack_at is not None and m.sent_at is not None]
        relayed = [m for m in messages if len(m.route) > 2]
        channel = state.scenario.channel(*pair) if len(key) == 2 else None
        via = ", ".join(sorted(names.delegation(d) for d in row["relays"]))
        if not relayed:
            route = "direct"
        elif len(relayed) == len(messages):
            route = f"relayed via {via}"
        else:
            route = f"direct; {len(relayed)} relayed via {via}"
        # A relayed message is allowed the largest ack_within along its route (Message.late).
        within = max(m.ack_within for m in messages) if relayed or channel is None else channel.ack_within
        out.append({
            "pair": names.pair(pair),
            "channel": route,
            "ack_within": plural(within, "turn"),
            "allowance_rule": ("relayed: the largest allowance on the route" if relayed else ""),
            "messages": len(messages),
            "acknowledged": len(acked),
            "relayed": len(relayed),
            "median_turns": number(med(turns)),
            "median_minutes": minutes_text(med(seconds)) or "–",
            "late": sum(1 for m in messages if m.late(state.turn)),
            "unanswered": sum(1 for m in messages if not m.acknowledged),
            "_order": [d.id for d in state.scenario.delegations].index(pair[0]),
        })
    out.sort(key=lambda r: (r["_order"], r["pair"]))
    for row in out:
        del row["_order"]
    return out


def relay_time(state: ExerciseState, names: Names) -> list[dict[str, Any]] | None:
    """Per delegation that held messages relayed by hand, how long they waited there
    (engine.indicators.relay_indicators); None when relays are automatic."""
    from wargame.engine.indicators import relay_indicators

    if state.scenario.relay != "manual":
        return None
    return [{
        "delegation": names.delegation(delegation_id),
        "relayed": row["relayed"],
        "median_minutes": minutes_text(row["median_seconds"]) or "–",
        "max_minutes": minutes_text(row["max_seconds"]) or "–",
        "median_turns": number(row["median_turns"]),
        "max_turns": number(row["max_turns"]),
        "waiting": row["waiting"],
    } for delegation_id, row in relay_indicators(state).items()]


def contact_by_pair(state: ExerciseState, names: Names) -> list[dict[str, Any]]:
    """Frequency of contact: hotline messages plus approved CBM moves between each pair.

    Every pair of delegations that can move is listed (a pair with no contact is a finding);
    pairs with an observer only when they had contact.
    """
    everyone = [d.id for d in state.scenario.delegations]
    movers = {d.id for d in state.scenario.actors}
    counts = {frozenset(p): {"messages": 0, "cbm": 0} for p in combinations(everyone, 2)}
    for message in _live_messages(state):
        key = frozenset((message.sender, message.recipient))
        if key in counts:
            counts[key]["messages"] += 1
    for move in _live_moves(state):
        if move.status == "approved" and move.cbm and move.target:
            key = frozenset((move.by, move.target))
            if key in counts:
                counts[key]["cbm"] += 1
    out = []
    for a, b in combinations(everyone, 2):
        c = counts[frozenset((a, b))]
        total = c["messages"] + c["cbm"]
        if total or (a in movers and b in movers):
            out.append({"pair": names.pair((a, b)), "messages": c["messages"], "cbm": c["cbm"],
                        "total": total})
    return out


def cbm_uptake(state: ExerciseState, names: Names) -> list[dict[str, Any]]:
    """CBM moves per delegation, and their share of its approved moves."""
    out = []
    moves = _live_moves(state)
    for delegation in state.scenario.actors:
        approved = [m for m in moves if m.by == delegation.id and m.status == "approved"]
        cbm = sum(1 for m in approved if m.cbm)
        share = f"{round(100 * cbm / len(approved))} %" if approved else "–"
        out.append({"delegation": delegation.name, "cbm": cbm, "approved": len(approved),
                    "proposed": sum(1 for m in moves if m.by == delegation.id), "share": share})
    return out


def misperception_by_pair(state: ExerciseState, data: EditionData, names: Names) -> list[dict[str, Any]]:
    """Intended vs perceived per (perceiver, mover), with the largest gaps named."""
    live = {m.id: m for m in _live_moves(state)}
    readable = {id(p) for p in data.perceptions}
    groups: dict[tuple[str, str], list] = {}
    for perception in state.perceptions:
        move = live.get(perception.move)
        if move is None:
            continue
        groups.setdefault((perception.by, move.by), []).append((perception, move))
    out = []
    for (perceiver, mover), items in groups.items():
        gaps = [p.gap for p, _ in items]
        # Individual readings are named only where the edition carries them.
        shown = [(p, m) for p, m in items if id(p) in readable and m.id in data.visible_move_ids]
        largest = sorted(shown, key=lambda pm: (-abs(pm[0].gap), pm[0].seq))[:3]
        out.append({
            "perceiver": names.delegation(perceiver),
            "mover": names.delegation(mover),
            "count": len(items),
            "mean_gap": number(sum(gaps) / len(gaps)),
            "mean_abs_gap": number(sum(abs(g) for g in gaps) / len(gaps)),
            "largest": [_gap_view(p, m, data, names) for p, m in largest if p.gap != 0],
        })
    out.sort(key=lambda r: (r["perceiver"], r["mover"]))
    return out


def _gap_view(perception, move, data: EditionData, names: Names) -> dict[str, Any]:
    return {
        "move": move.id,
        "by": names.delegation(move.by),
        "type_name": names.move_type(move.type),
        "turn": move.turn,
        "text": move.text,
        "intent": names.category(move.intent),
        "perceived": names.category(perception.as_category),
        "gap": f"{perception.gap:+d}",
    }


def expectations(state: ExerciseState, data: EditionData, names: Names) -> list[dict[str, Any]]:
    """Every expected response to an inject, as the engine judges it, with when it came.

    A response that came after its window is named too ("late"), since the doctrine asks
    how late, not only whether.
    """
    from wargame.engine.objectives import expectation_results

    moves = state.moves
    out = []
    for result in expectation_results(state):
        if data.public and result.inject not in data.injects:
            continue
        try:
            title = state.scenario.inject(result.inject).title
        except KeyError:
            title = result.inject
        came = ""
        met: bool | None = None
        if result.status == "met" and result.met_by in moves:
            met, came = True, f"turn {moves[result.met_by].turn} ({result.met_by})"
        elif result.status == "missed":
            met = False
            late = [m for m in sorted(moves.values(), key=lambda m: m.seq)
                    if m.status == "approved" and m.by == result.by and m.type == result.move
                    and result.released_turn is not None and m.turn > result.released_turn + result.within]
            came = f"late, turn {late[0].turn} ({late[0].id})" if late else "never"
        elif result.status == "open":
            came = "window still open"
        else:
            came = "inject not released"
        out.append({
            "inject": title,
            "inject_id": result.inject,
            "by": names.delegation(result.by),
            "move": names.move_type(result.move),
            "within": plural(result.within, "turn"),
            "released": (f"released in turn {result.released_turn}" if result.released_turn is not None
                         else "not released"),
            "came": came,
            "result": met,
        })
    return out


OBLIGATION_RESULTS = {"met": ("✓", "Met"), "late": ("⚠", "Late"), "missed": ("✗", "Missed"),
                      "open": ("…", "Open")}


def obligations(state: ExerciseState, data: EditionData, names: Names) -> dict[str, Any] | None:
    """The obligations the engine tracked (engine.obligations), counted by status, with a
    row each; None when the rulebook obliges nothing (the section is left out)."""
    from wargame.engine.obligations import obligations as tracked

    if not any(m.obliges is not None for m in state.scenario.rulebook.moves):
        return None
    rows = []
    for duty in tracked(state):
        request = state.moves.get(duty.from_move)
        if data.public and (request is None or request.visibility != "public"):
            continue
        symbol, label = OBLIGATION_RESULTS[duty.status]
        rows.append({
            "id": duty.id, "by": names.delegation(duty.by), "to": names.delegation(duty.to),
            "request": f"{request.type if request else ''} ({duty.from_move}, turn "
                       f"{duty.opened_turn})",
            "answer": duty.move, "due": f"turn {duty.due}", "status": duty.status,
            "symbol": symbol, "result_label": label,
            "came": (f"turn {duty.answered_turn} ({duty.met_by})" if duty.met_by else "never"),
        })
    counts = {status: sum(1 for r in rows if r["status"] == status)
              for status in OBLIGATION_RESULTS}
    return {"rows": rows, "counts": counts, "total": len(rows)}


def pauses(state: ExerciseState, data: EditionData, names: Names) -> dict[str, Any] | None:
    """Pause moments (engine.pauses) counted: proposed, accepted, honoured, violated; None
    when no pause was proposed (the section is left out)."""
    from wargame.engine.pauses import status, violations

    if not state.pauses:
        return None
    rows = []
    for pause in state.pauses.values():
        word = status(state, pause)
        rows.append({"id": pause.id, "by": names.delegation(pause.by),
                     "with": _pause_sides(pause, names), "turns": pause.turns,
                     "status": word,
                     "violated_by": ", ".join(m.id for m in violations(state, pause))})
    accepted = [r for r in rows if r["status"] in ("active", "honoured", "violated")]
    return {"rows": rows, "proposed": len(rows), "accepted": len(accepted),
            "honoured": sum(1 for r in rows if r["status"] == "honoured"),
            "violated": sum(1 for r in rows if r["status"] == "violated")}


def _pause_sides(pause, names: Names) -> str:
    """The "To" cell: the one delegation, or all / a brokered pair with each answer."""
    if len(pause.invited) == 1 and not pause.brokered:
        return names.delegation(pause.invited[0])
    answers = []
    for party in pause.invited:
        given = pause.answer_of(party)
        word = {"accept": "accepted", "decline": "declined"}.get(
            given.answer if given else "", "not yet answered")
        answers.append(f"{names.delegation(party)} {word}")
    if pause.brokered:
        return f"between {' and '.join(names.delegation(p) for p in pause.parties)} " \
               f"({', '.join(answers)})"
    return f"all ({', '.join(answers)})"


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)} %"  # as the CBM share is written


def trust(state: ExerciseState, data: EditionData, names: Names) -> list[dict[str, Any]]:
    """Per delegation, the engine's trust indicators (engine.indicators), as the export and
    the console give them: timeliness, information sharing, consistency."""
    from wargame.engine.indicators import indicators as engine_indicators

    figures = engine_indicators(state, evaluator=not data.public)["delegations"]
    rows = []
    for delegation_id, row in figures.items():
        timely, sharing = row["timeliness"], row["information_sharing"]
        consistency = row["consistency"]
        rows.append({
            "delegation": names.delegation(delegation_id),
            "acks": f"{timely['acknowledged_on_time']} of {timely['messages_received']}",
            "on_time": _percent(timely["on_time_share"]),
            "obligations": (f"{timely['obligations_met']} of {timely['obligations_owed']}"
                            if timely["obligations_owed"] else "–"),
            "notified": (f"{sharing['activities_notified']} of "
                         f"{sharing['activities_needing_notice']}"
                         if sharing["activities_needing_notice"] else "–"),
            "reports": (f"{sharing['reports']} ({_percent(sharing['mean_completeness'])} "
                        "complete)" if sharing["reports"] else "–"),
            "consistency": (f"{consistency['as_stated']} of {consistency['moves']}"
                            if consistency["moves"] else "–"),
        })
    return rows


def reports(state: ExerciseState, data: EditionData, names: Names) -> dict[str, Any] | None:
    """Every approved move filed in a report format, with its fields and completeness;
    None when the rulebook has no report format (the section is left out)."""
    from wargame.engine.reports import completeness, report_items

    rulebook = state.scenario.rulebook
    if not any(m.fields for m in rulebook.moves):
        return None
    rows = []
    for move in _live_moves(state):
        if move.status != "approved" or not rulebook.has_move(move.type):
            continue
        move_type = rulebook.move(move.type)
        if not move_type.fields or (data.public and move.visibility != "public"):
            continue
        rows.append({
            "id": move.id, "turn": move.turn, "by": names.delegation(move.by),
            "type": move_type.name,
            "completeness": _percent(completeness(move_type, move.fields)),
            "fields": [{"label": label, "value": value}
                       for label, value in report_items(move_type, move.fields)],
        })
    return {"rows": rows}
