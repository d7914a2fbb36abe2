"""The session as JSON (formats.md, "Export"), as a given viewer may see it.

The contract's keys and meanings come first; extras (history, perceptions, notes, the
evaluation material, withheld counts) are added for the debrief and for other tools.
Wall-clock timestamps are left out so that the same log always exports the same JSON.

For any viewer but control, metrics and objectives are computed from what that viewer may
see (:mod:`wargame.engine.visibility`), so that no figure reveals a withheld item.
"""

from __future__ import annotations

from typing import Any

from wargame.engine.graphs import off_ramps
from wargame.engine.indicators import indicators
from wargame.engine.metrics import compute_metrics
from wargame.engine.obligations import obligations
from wargame.engine.objectives import evaluate_objectives, expectation_results
from wargame.engine.reports import completeness
from wargame.engine.retraction import describe
from wargame.engine.pauses import (
    addressed_to, last_turn, status as pause_status, violations)
from wargame.engine.state import DyadState, ExerciseState, Message, MoveRecord, PauseRecord
from wargame.engine.visibility import CONTROL, Viewer, can_see_briefing, view_state

EXPORT_VERSION = 1


def export_state(state: ExerciseState, viewer: Viewer | None = None) -> dict[str, Any]:
    viewer = viewer or CONTROL
    view = view_state(state, viewer)
    seen = view.state
    scenario = state.scenario
    document: dict[str, Any] = {
        "export_version": EXPORT_VERSION,
        "viewer": viewer,
        "scenario": {"id": scenario.id, "title": scenario.title,
                     "rulebook": scenario.rulebook.id},
        "phase": state.phase,
        "turn": state.turn,
        "turns": scenario.clock.turns,
        "delegations": [
            {"id": d.id, "name": d.name, "role": d.role,
             **({"briefing": d.briefing} if can_see_briefing(viewer, d) else {})}
            for d in scenario.delegations],
        "dyads": [_dyad(seen, dyad) for dyad in seen.dyads.values()],
        "moves": [_move(seen, move) for move in seen.moves.values()],
        "perceptions": [
            {"by": p.by, "move": p.move, "as": p.as_category, "gap": p.gap, "turn": p.turn,
             "note": p.note, "visibility": p.visibility} for p in seen.perceptions],
        "hotline": {
            "channels": [
                {"between": list(c.between), "name": c.name, "ack_within": c.ack_within,
                 "status": state.channel_status(c)}
                for c in scenario.channels],
            "messages": [_message(seen, m) for m in seen.messages.values()],
            **({"relay": "manual"} if scenario.relay == "manual" else {}),
        },
        "injects": _injects(seen, viewer),
        "objectives": [
            {"id": r.id, "text": r.text, "metric": r.metric, "met": r.met, "value": r.value,
             "detail": r.detail, "rating": r.rating} for r in evaluate_objectives(seen)],
        "metrics": compute_metrics(seen),
        "indicators": indicators(seen, evaluator=viewer == CONTROL),
        "notes": [{"by": n.by, "text": n.text, "visibility": n.visibility, "phase": n.phase,
                   "turn": n.turn, "at": n.at, **({"to": list(n.to)} if n.to else {})}
                  for n in seen.notes],
        "ratings": [{"objective": r.objective, "rating": r.rating, "note": r.note,
                     **({"by": r.by} if r.by else {})}
                    for r in state.ratings.values()],
        "lessons": [{"kind": x.kind, "text": x.text, "objective": x.objective}
                    for x in state.lessons],
        "improvements": [
            {"issue": i.issue, "action": i.action, "capability": i.capability,
             "owner": i.owner, "contact": i.contact, "start": i.start, "due": i.due,
             "objective": i.objective} for i in state.improvements],
        "hotwash": [
            {"question": a.question, "text": scenario.hotwash[a.question], "answer": a.answer,
             "by": a.by} for a in state.hotwash],
        "events": len(state.events),
        "withheld": view.withheld,
    }
    if seen.pauses:  # extension: formats.md (a session without pauses exports as before)
        document["pauses"] = [_pause(seen, p) for p in seen.pauses.values()]
    if any(m.obliges is not None for m in scenario.rulebook.moves):  # extension: formats.md
        document["obligations"] = [
            {"id": o.id, "move": o.move, "by": o.by, "to": o.to, "from_move": o.from_move,
             "opened_turn": o.opened_turn, "due": o.due, "status": o.status,
             "met_by": o.met_by, "answered_turn": o.answered_turn}
            for o in obligations(seen)]
    # The control cell's levers, only when used (earlier exports stay as they were).
    if seen.updates:
        document["updates"] = [{"text": u.text, "to": list(u.to), "turn": u.turn, "at": u.at}
                               for u in seen.updates]
    if state.summary is not None:
        document["summary"] = state.summary.text
    if viewer == CONTROL and (state.held or state.retimed):
        document["held"] = sorted(i for i in state.held if i not in state.injects)
        document["retimed"] = dict(sorted(state.retimed.items()))
    if viewer == CONTROL:
        by_seq = {event.seq: event for event in state.events}
        document["retracted"] = [
            {"seq": seq, "what": describe(by_seq[seq]), "reason": reason}
            for seq, reason in sorted(state.retracted.items()) if seq in by_seq]
        document["void"] = [{"seq": seq, "kind": by_seq[seq].kind, "reason": reason}
                            for seq, reason in sorted(state.void.items())]
    return document


def _pause(seen: ExerciseState, pause: PauseRecord) -> dict[str, Any]:
    document = {
        "id": pause.id, "by": pause.by, "with": addressed_to(pause), "turns": pause.turns,
        "scope": list(pause.scope), "proposed_turn": pause.proposed_turn,
        "answer": pause.answer or None, "answered_turn": pause.answered_turn,
        "last_turn": last_turn(pause), "status": pause_status(seen, pause),
        "violated_by": [m.id for m in violations(seen, pause)]}
    if len(pause.invited) > 1:  # to all, or brokered: each party answers (formats.md)
        document["parties"] = list(pause.parties)
        document["answers"] = {party: getattr(pause.answer_of(party), "answer", None)
                               for party in pause.invited}
    return document


def _cause(seen: ExerciseState, cause: str) -> str:
    """A rung change's cause, unless it would name a move or inject the viewer may not see."""
    kind, _, ident = cause.partition(":")
    if kind == "move" and ident not in seen.moves:
        return "withheld"
    if kind == "inject" and ident not in seen.injects:
        return "withheld"
    return cause


def _dyad(seen: ExerciseState, dyad: DyadState) -> dict[str, Any]:
    ramp = off_ramps(seen, dyad.between)
    return {
        "between": list(dyad.between), "rung": dyad.rung, "level": dyad.level,
        "peak_rung": dyad.peak_rung, "peak_level": dyad.peak_level,
        "history": [{"turn": c.turn, "from": c.from_rung, "to": c.to_rung, "path": list(c.path),
                     "cause": _cause(seen, c.cause), "at": c.at} for c in dyad.history],
        "off_ramp": {"path": list(ramp.path), "moves": [m.id for m in ramp.moves]},
    }


def _move(seen: ExerciseState, move: MoveRecord) -> dict[str, Any]:
    move_type = seen.scenario.rulebook.move(move.type)
    report = {}
    if move_type.fields:  # only moves with a report format carry these keys
        report = {"fields": dict(move.fields),
                  "completeness": round(completeness(move_type, move.fields), 3)}
    return {
        "id": move.id, "by": move.by, "type": move.type, "category": move.category,
        "target": move.target, "turn": move.turn, "status": move.status,
        "visibility": move.visibility, "text": move.text, "intent": move.intent,
        "step": move.step, "cbm": move.cbm, "at": move.at, "amended": move.amended,
        "original_category": move.original_category or None,
        **({"original_text": move.original_text} if move.original_text else {}),
        "decision_note": move.decision_note, "decided_turn": move.decided_turn,
        **report,
        **({"between": list(move.pair)} if move.pair else {}),  # a mediator's pair move
    }


def _message(seen: ExerciseState, message: Message) -> dict[str, Any]:
    return {
        "id": message.id, "from": message.sender, "to": message.recipient,
        "route": list(message.route), "sent_turn": message.sent_turn,
        "ack_turn": message.ack_turn, "sent_at": message.sent_at, "ack_at": message.ack_at,
        "ack_within": message.ack_within, "late": message.late(seen.turn),
        "text": message.text, "ack_text": message.ack_text, "reply_to": message.reply_to,
        **(_relayed(message) if seen.scenario.relay == "manual" else {}),
    }


def _relayed(message: Message) -> dict[str, Any]:
    """Manual relays (only then, so that other exports stay as they were): each hop, where
    the message waits, and when it reached its recipient (null while held)."""
    return {
        "relays": [{"by": hop.by, "at": hop.at, "turn": hop.turn, "note": hop.note}
                   for hop in message.relays],
        "waiting_at": message.waiting_at,
        "delivered_at": message.delivered_at, "delivered_turn": message.delivered_turn,
    }


def _injects(seen: ExerciseState, viewer: Viewer) -> list[dict[str, Any]]:
    expectations: dict[str, list[dict[str, Any]]] = {}
    if viewer == CONTROL:
        for result in expectation_results(seen):
            expectations.setdefault(result.inject, []).append(
                {"by": result.by, "move": result.move, "within": result.within,
                 "status": result.status, "met_by": result.met_by})
    listed = []
    for inject in seen.scenario.injects:
        release = seen.injects.get(inject.id)
        if viewer != CONTROL and release is None:
            continue
        entry = {
            "id": inject.id, "title": inject.title, "kind": inject.kind,
            "released_turn": release.released_turn if release else None,
            "how": release.how if release else None,
            "released_at": release.at if release else None,
            "from": inject.source, "to": list(inject.to), "text": inject.text,
        }
        if viewer == CONTROL:
            entry["expect"] = expectations.get(inject.id, [])
            if inject.control_notes:
                entry["control_notes"] = inject.control_notes
        listed.append(entry)
    return listed
