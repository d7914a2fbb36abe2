"""The three trust indicators of the doctrine, plus consistency, per delegation and per pair.

- timeliness: how fast a delegation acknowledges the hotline messages it receives and
  answers the obligations it owes;
- frequency of contact: hotline messages and approved CBM moves, turn by turn;
- information-sharing discipline: the activities it notified before they happened
  (engine.notice), the reports it files (how complete, by their format), the obligations
  it meets on time, the expected responses it gives in time;
- consistency: how often the category a delegation states as its intent is the category
  its move was adjudicated as.

- relay time (scenarios with manual relays): per delegation that held messages in the
  middle of their route, how many it passed on, how long each waited there (seconds of
  play and turns, median and longest) and how many still wait at it.

Figures come from the (viewer's) state, as the export's metrics do; retracted records are
already absent. ``export`` and the debrief call these functions, and the console shows them
live. Shares are rounded to 3 decimals; None when there is nothing to measure.
"""

from __future__ import annotations

from statistics import mean, median
from typing import Any

import attrs

from wargame.engine.notice import NoticeResult, notice_results
from wargame.engine.objectives import ExpectationResult, expectation_results
from wargame.engine.obligations import ObligationRecord, obligations
from wargame.engine.reports import completeness
from wargame.engine.state import ExerciseState, Message, MoveRecord


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _mean(values: list[float]) -> float | None:
    return round(mean(values), 3) if values else None


def _per_turn(state: ExerciseState, turns: list[int]) -> list[int]:
    counts = [0] * max(state.turn, 0)
    for turn in turns:
        if 1 <= turn <= len(counts):
            counts[turn - 1] += 1
    return counts


def _approved(state: ExerciseState) -> list[MoveRecord]:
    return [m for m in state.moves.values() if m.status == "approved"]


@attrs.frozen
class _Tally:
    """What every delegation's and pair's figures are read from, gathered in one pass each,
    so that the whole table costs a few scans of the state, not a few per delegation."""

    messages: dict[str, list[Message]]  # by sender and by recipient (a message twice)
    pairs: dict[frozenset[str], list[Message]]
    approved: dict[str, list[MoveRecord]]  # by mover
    duties: list[ObligationRecord]
    expected: list[ExpectationResult]  # control only: empty for other viewers
    notices: list[NoticeResult]

    @classmethod
    def of(cls, state: ExerciseState, evaluator: bool) -> "_Tally":
        messages: dict[str, list[Message]] = {}
        pairs: dict[frozenset[str], list[Message]] = {}
        for message in state.messages.values():
            messages.setdefault(message.sender, []).append(message)
            if message.recipient != message.sender:
                messages.setdefault(message.recipient, []).append(message)
            pairs.setdefault(frozenset((message.sender, message.recipient)), []).append(message)
        approved: dict[str, list[MoveRecord]] = {}
        for move in _approved(state):
            approved.setdefault(move.by, []).append(move)
        return cls(messages=messages, pairs=pairs, approved=approved,
                   duties=obligations(state),
                   expected=expectation_results(state) if evaluator else [],
                   notices=notice_results(state))


def delegation_indicators(state: ExerciseState, delegation: str,
                          evaluator: bool = True, tally: _Tally | None = None) -> dict[str, Any]:
    """``evaluator``: whether the viewer may see what injects expect (control only); for
    others ``expected_responses_met`` is None, as the export withholds expectations."""
    tally = tally or _Tally.of(state, evaluator)
    mine = tally.messages.get(delegation, [])
    # A message held on its way (manual relays) has not reached its recipient yet.
    received = [m for m in mine if m.recipient == delegation and m.delivered]
    acked = [m for m in received if m.acknowledged]
    owed = [o for o in tally.duties if o.by == delegation]
    closed = [o for o in owed if o.status != "open"]
    sent = [m for m in mine if m.sender == delegation]
    approved = tally.approved.get(delegation, [])
    cbm = [m for m in approved if m.cbm]
    rulebook = state.scenario.rulebook
    reports = [m for m in approved if rulebook.has_move(m.type) and rulebook.move(m.type).fields]
    expected = [r for r in tally.expected
                if r.by == delegation and r.status in ("met", "missed")] if evaluator else []
    stated = [m for m in approved if m.intent]
    activities = [r for r in tally.notices if r.by == delegation]
    notified = sum(1 for r in activities if r.notified_by)
    on_time = sum(1 for m in acked if not m.late(state.turn))
    return {
        "timeliness": {
            "messages_received": len(received),
            "acknowledged": len(acked),
            "acknowledged_on_time": on_time,
            "mean_ack_turns": _mean([m.ack_turn - m.sent_turn for m in acked]),
            "obligations_owed": len(owed),
            "obligations_met": sum(1 for o in owed if o.status == "met"),
            "obligations_late": sum(1 for o in owed if o.status == "late"),
            "obligations_missed": sum(1 for o in owed if o.status == "missed"),
            "on_time_share": _share(on_time + sum(1 for o in closed if o.status == "met"),
                                    len(received) + len(closed)),
        },
        "contact": {
            "messages_sent": len(sent),
            "cbm_moves": len(cbm),
            "per_turn": [a + b for a, b in zip(_per_turn(state, [m.sent_turn for m in sent]),
                                               _per_turn(state, [m.turn for m in cbm]))],
        },
        "information_sharing": {
            "activities_needing_notice": len(activities),
            "activities_notified": notified,
            "notified_share": _share(notified, len(activities)),
            "reports": len(reports),
            "mean_completeness": _mean([completeness(rulebook.move(m.type), m.fields)
                                        for m in reports]),
            "obligations_met_on_time": _share(sum(1 for o in closed if o.status == "met"),
                                              len(closed)),
            "expected_responses_met": (_share(sum(1 for r in expected if r.status == "met"),
                                              len(expected)) if evaluator else None),
        },
        "consistency": {
            "moves": len(stated),
            "as_stated": sum(1 for m in stated if m.intent == m.category),
            "share": _share(sum(1 for m in stated if m.intent == m.category), len(stated)),
        },
    }


def pair_indicators(state: ExerciseState, a: str, b: str,
                    tally: _Tally | None = None) -> dict[str, Any]:
    tally = tally or _Tally.of(state, evaluator=False)
    pair = frozenset((a, b))
    messages = tally.pairs.get(pair, [])
    acked = [m for m in messages if m.acknowledged]
    cbm = [m for m in [*tally.approved.get(a, ()), *tally.approved.get(b, ())]
           if m.cbm and {m.by, m.target} == pair]
    cbm.sort(key=lambda m: m.seq)
    duties = [o for o in tally.duties if {o.by, o.to} == pair]
    return {
        "between": [a, b],
        "messages": len(messages),
        "cbm_moves": len(cbm),
        "contact_per_turn": [x + y for x, y in zip(
            _per_turn(state, [m.sent_turn for m in messages]),
            _per_turn(state, [m.turn for m in cbm]))],
        "mean_ack_turns": _mean([m.ack_turn - m.sent_turn for m in acked]),
        "late_acks": sum(1 for m in messages if m.late(state.turn)),
        "obligations": len(duties),
        "obligations_met": sum(1 for o in duties if o.status == "met"),
    }


def _spread(values: list[float]) -> tuple[float | None, float | None]:
    """(median, largest), rounded; (None, None) when there is nothing to measure."""
    if not values:
        return None, None
    return round(float(median(values)), 3), round(float(max(values)), 3)


def relay_indicators(state: ExerciseState) -> dict[str, dict[str, Any]]:
    """Per delegation that held messages passed on by hand (scenario order): ``relayed``,
    the ``median``/``max`` ``seconds`` and ``turns`` each waited there before it passed it
    on (from when it arrived: the sending, or the previous relay), and ``waiting`` now."""
    seconds: dict[str, list[float]] = {}
    turns: dict[str, list[int]] = {}
    waiting: dict[str, int] = {}
    for message in state.messages.values():
        if not message.manual:
            continue
        arrived_turn, arrived_at = message.sent_turn, message.sent_at
        for hop in message.relays:
            turns.setdefault(hop.by, []).append(hop.turn - arrived_turn)
            held = seconds.setdefault(hop.by, [])
            if hop.at is not None and arrived_at is not None:
                held.append(hop.at - arrived_at)
            arrived_turn, arrived_at = hop.turn, hop.at
        if message.waiting_at is not None:
            waiting[message.waiting_at] = waiting.get(message.waiting_at, 0) + 1
    figures = {}
    for delegation in state.scenario.delegations:
        name = delegation.id
        if name not in turns and name not in waiting:
            continue
        median_seconds, max_seconds = _spread(seconds.get(name, []))
        median_turns, max_turns = _spread(turns.get(name, []))
        figures[name] = {
            "relayed": len(turns.get(name, [])), "waiting": waiting.get(name, 0),
            "median_seconds": median_seconds, "max_seconds": max_seconds,
            "median_turns": median_turns, "max_turns": max_turns,
        }
    return figures


def indicators(state: ExerciseState, evaluator: bool = True) -> dict[str, Any]:
    """Every delegation that can move, and every pair of them (Scenario.dyads); with
    manual relays, the relay time of each delegation that held messages."""
    tally = _Tally.of(state, evaluator)
    found = {
        "delegations": {d.id: delegation_indicators(state, d.id, evaluator, tally)
                        for d in state.scenario.actors},
        "pairs": [pair_indicators(state, a, b, tally) for a, b in state.scenario.dyads],
    }
    if state.scenario.relay == "manual":  # earlier exports stay as they were
        found["relays"] = relay_indicators(state)
    return found
