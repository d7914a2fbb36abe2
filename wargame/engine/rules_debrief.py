"""What the exercise leaves behind: notes, HSEEP ratings, lessons, the improvement plan,
hotwash answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import PHASE_ORDER, author, require_phase
from wargame.engine.state import (
    Event, ExerciseState, HotwashAnswer, ImprovementItem, Lesson, Note, Rating,
)
from wargame.engine.words import did_you_mean
from wargame.model import VISIBILITIES
from wargame.model.scenario import RATINGS

LESSON_KINDS = ("strength", "improvement")
CAPABILITIES = ("planning", "organization", "equipment", "training", "exercise")
REVIEW_PHASES = ("assess", "adjust")


def check_note(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, PHASE_ORDER, "writing a note")
    normalized = {"by": author(state, payload["by"], "by"),
                  "text": actions.text(payload, "text", "the note's text"),
                  "visibility": actions.choice(payload.get("visibility", "private"),
                                               VISIBILITIES, "visibility")}
    if payload.get("to") is not None:
        normalized["to"] = note_recipients(state, payload["to"], normalized["visibility"])
    return normalized


def note_recipients(state: ExerciseState, value: object, visibility: str) -> list[str]:
    """The delegations a ``parties`` note is shared with (``to: sudria`` or a list)."""
    if visibility != "parties":
        raise ActionRefused("to: goes only with visibility: parties (whom the note is shared "
                            "with)")
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise ActionRefused(f"to must be a delegation or a list of delegations, got {value!r}")
    ids = [d.id for d in state.scenario.delegations]
    for item in items:
        if item not in ids:
            raise ActionRefused(f"to: no delegation {item!r}{did_you_mean(item, ids)}")
    return list(dict.fromkeys(items))


def apply_note(state: ExerciseState, event: Event) -> None:
    payload = event.payload
    state.notes.append(Note(by=payload["by"], text=payload["text"],
                            visibility=payload["visibility"], phase=state.phase,
                            to=tuple(payload.get("to", ())),
                            turn=state.turn, seq=event.seq, at=event.at))


def objective_id(state: ExerciseState, value: object) -> str:
    ids = [o.id for o in state.scenario.objectives]
    if not isinstance(value, str) or value not in ids:
        raise ActionRefused(f"no objective {value!r} in this scenario{did_you_mean(value, ids)}")
    return value


def _with_objective(state: ExerciseState, payload: dict[str, Any],
                    normalized: dict[str, Any]) -> dict[str, Any]:
    if payload.get("objective") is not None:
        normalized["objective"] = objective_id(state, payload["objective"])
    return normalized


def check_rate(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, REVIEW_PHASES, "rating an objective")
    normalized = {"objective": objective_id(state, payload["objective"]),
                  "rating": actions.choice(payload["rating"], RATINGS, "rating")}
    actions.copy_optional_text(normalized, payload, "note", "the note")
    return normalized


def apply_rate(state: ExerciseState, event: Event) -> None:
    payload = event.payload
    state.ratings[payload["objective"]] = Rating(
        objective=payload["objective"], rating=payload["rating"],
        note=payload.get("note", ""), seq=event.seq)


def check_lesson(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, REVIEW_PHASES, "recording a lesson")
    normalized = {"kind": actions.choice(payload["kind"], LESSON_KINDS, "lesson kind"),
                  "text": actions.text(payload, "text", "the lesson's text")}
    return _with_objective(state, payload, normalized)


def apply_lesson(state: ExerciseState, event: Event) -> None:
    payload = event.payload
    state.lessons.append(Lesson(kind=payload["kind"], text=payload["text"], seq=event.seq,
                                objective=payload.get("objective")))


def iso_date(value: object, what: str) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ActionRefused(f"{what} {value!r} is not a date such as 2027-03-01") from None


def check_improve(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, REVIEW_PHASES, "adding to the improvement plan")
    normalized: dict[str, Any] = {
        "issue": actions.text(payload, "issue", "the issue"),
        "action": actions.text(payload, "action", "the corrective action"),
    }
    for key, what in (("owner", "the owner"), ("contact", "the point of contact")):
        actions.copy_optional_text(normalized, payload, key, what)
    for key, what in (("start", "start date"), ("due", "due date")):
        if payload.get(key) is not None:
            normalized[key] = iso_date(payload[key], what)
    if "start" in normalized and "due" in normalized and normalized["start"] > normalized["due"]:
        raise ActionRefused(f"the start date {normalized['start']} is after the due date "
                            f"{normalized['due']}")
    if payload.get("capability") is not None:
        normalized["capability"] = actions.choice(payload["capability"], CAPABILITIES,
                                                  "capability")
    return _with_objective(state, payload, normalized)


def apply_improve(state: ExerciseState, event: Event) -> None:
    p = event.payload
    state.improvements.append(ImprovementItem(
        issue=p["issue"], action=p["action"], seq=event.seq, capability=p.get("capability", ""),
        owner=p.get("owner", ""), contact=p.get("contact", ""), start=p.get("start", ""),
        due=p.get("due", ""), objective=p.get("objective")))


def check_hotwash(state: ExerciseState, payload: dict[str, Any], actor: str) -> dict[str, Any]:
    require_phase(state, REVIEW_PHASES, "answering a hotwash question")
    questions = state.scenario.hotwash
    index = actions.integer(payload["question"], "question")
    if not 0 <= index < len(questions):
        span = f"0 to {len(questions) - 1}" if questions else "none"
        raise ActionRefused(f"there is no hotwash question {index} "
                            f"(the scenario has {len(questions)}, numbered {span})")
    by = payload.get("by") or (actor if state.scenario.has_delegation(actor) else "facilitator")
    return {"question": index, "answer": actions.text(payload, "answer", "the answer"),
            "by": author(state, by, "by")}


def apply_hotwash(state: ExerciseState, event: Event) -> None:
    p = event.payload
    state.hotwash.append(HotwashAnswer(question=p["question"], answer=p["answer"], by=p["by"],
                                       seq=event.seq))
