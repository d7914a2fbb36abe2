"""What the exercise leaves behind: notes, HSEEP ratings, lessons, the improvement plan,
hotwash answers."""

from __future__ import annotations

import datetime as dt
from wargame.errors import ActionRefused
from wargame.engine import actions
from wargame.engine.guards import author, require_phase
from wargame.engine import vocabulary as act
from wargame.engine.state import (
    Event, ExerciseState, HotwashAnswer, ImprovementItem, Lesson, Note, Rating,
)
from wargame.engine.vocabulary import LESSON_KINDS
from wargame.engine.words import did_you_mean
from wargame.model import CAPABILITIES, PHASE_ORDER, VISIBILITIES
from wargame.model.scenario import RATINGS

REVIEW_PHASES = ("assess", "adjust")


def check_note(state: ExerciseState, note: act.Note, actor: str, at: float | None) -> act.Note:
    require_phase(state, PHASE_ORDER, "writing a note")
    visibility = actions.choice(note.visibility if note.visibility is not None else "private",
                                VISIBILITIES, "visibility")
    return act.Note(by=author(state, note.by, "by"),
                    text=actions.text(note.text, "the note's text"),
                    visibility=visibility,
                    to=None if note.to is None else note_recipients(state, note.to, visibility))


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


def apply_note(state: ExerciseState, event: Event, note: act.Note) -> None:
    state.notes.append(Note(by=note.by, text=note.text,
                            visibility=note.visibility, phase=state.phase,
                            to=tuple(note.to or ()),
                            turn=state.turn, seq=event.seq, at=event.at))


def objective_id(state: ExerciseState, value: object) -> str:
    ids = [o.id for o in state.scenario.objectives]
    if not isinstance(value, str) or value not in ids:
        raise ActionRefused(f"no objective {value!r} in this scenario{did_you_mean(value, ids)}")
    return value


def _optional_objective(state: ExerciseState, value: object) -> str | None:
    return objective_id(state, value) if value is not None else None


def check_rate(state: ExerciseState, rate: act.Rate, actor: str, at: float | None) -> act.Rate:
    require_phase(state, REVIEW_PHASES, "rating an objective")
    return act.Rate(objective=objective_id(state, rate.objective),
                    rating=actions.choice(rate.rating, RATINGS, "rating"),
                    note=actions.optional_text(rate.note, "the note"),
                    by=actions.optional_text(rate.by, "by"))


def apply_rate(state: ExerciseState, event: Event, rate: act.Rate) -> None:
    state.ratings[rate.objective] = Rating(
        objective=rate.objective, rating=rate.rating, note=rate.note or "", seq=event.seq,
        by=rate.by or "")


def check_lesson(state: ExerciseState, lesson: act.Lesson, actor: str,
                 at: float | None) -> act.Lesson:
    require_phase(state, REVIEW_PHASES, "recording a lesson")
    kind = actions.choice(lesson.kind, LESSON_KINDS, "lesson kind")
    text = actions.text(lesson.text, "the lesson's text")
    return act.Lesson(kind=kind, text=text,
                      objective=_optional_objective(state, lesson.objective))


def apply_lesson(state: ExerciseState, event: Event, lesson: act.Lesson) -> None:
    state.lessons.append(Lesson(kind=lesson.kind, text=lesson.text, seq=event.seq,
                                objective=lesson.objective))


def iso_date(value: object, what: str) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ActionRefused(f"{what} {value!r} is not a date such as 2027-03-01") from None


def check_improve(state: ExerciseState, item: act.Improve, actor: str,
                  at: float | None) -> act.Improve:
    require_phase(state, REVIEW_PHASES, "adding to the improvement plan")
    issue = actions.text(item.issue, "the issue")
    action = actions.text(item.action, "the corrective action")
    owner = actions.optional_text(item.owner, "the owner")
    contact = actions.optional_text(item.contact, "the point of contact")
    start = iso_date(item.start, "start date") if item.start is not None else None
    due = iso_date(item.due, "due date") if item.due is not None else None
    if start is not None and due is not None and start > due:
        raise ActionRefused(f"the start date {start} is after the due date {due}")
    capability = (actions.choice(item.capability, CAPABILITIES, "capability")
                  if item.capability is not None else None)
    return act.Improve(issue=issue, action=action, owner=owner, contact=contact, start=start,
                       due=due, capability=capability,
                       objective=_optional_objective(state, item.objective))


def apply_improve(state: ExerciseState, event: Event, item: act.Improve) -> None:
    state.improvements.append(ImprovementItem(
        issue=item.issue, action=item.action, seq=event.seq, capability=item.capability or "",
        owner=item.owner or "", contact=item.contact or "", start=item.start or "",
        due=item.due or "", objective=item.objective))


def check_hotwash(state: ExerciseState, answer: act.Hotwash, actor: str,
                  at: float | None) -> act.Hotwash:
    require_phase(state, REVIEW_PHASES, "answering a hotwash question")
    questions = state.scenario.hotwash
    index = actions.integer(answer.question, "question")
    if not 0 <= index < len(questions):
        span = f"0 to {len(questions) - 1}" if questions else "none"
        raise ActionRefused(f"there is no hotwash question {index} "
                            f"(the scenario has {len(questions)}, numbered {span})")
    by = answer.by or (actor if state.scenario.has_delegation(actor) else "facilitator")
    text = actions.text(answer.answer, "the answer")
    return act.Hotwash(question=index, answer=text, by=author(state, by, "by"))


def apply_hotwash(state: ExerciseState, event: Event, answer: act.Hotwash) -> None:
    state.hotwash.append(HotwashAnswer(question=answer.question, answer=answer.answer,
                                       by=answer.by, seq=event.seq))
