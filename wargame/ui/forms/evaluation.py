"""Forms for assess and adjust: rate an objective, answer the hot-wash, lessons, improvements."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from wargame.engine.objectives import ObjectiveResult, evaluate_objectives
from wargame.model.scenario import RATING_NAMES
from wargame.ui.describe import CAPABILITY_ELEMENTS
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms.fields import (
    choice, entry, field, put, radio, radio_value, select_value, set_radio, set_select,
    text_value,
)
from wargame.ui.forms.moves import delegation_options
from wargame.ui.text import plain


def measured_text(result: ObjectiveResult) -> str:
    verdict = {True: "✔ met", False: "✘ not met", None: "– not measurable"}[result.met]
    detail = f": {result.detail}" if result.detail else ""
    return f"Automatic measure: {verdict}{detail}"


def objective_options(state) -> list[tuple[str, str]]:
    return [(f"{o.id}: {o.text}", o.id) for o in state.scenario.objectives]


class RateForm(ActionForm):
    KIND = "rate"
    TITLE = "Rate objective"
    INTRO = "HSEEP ratings: P performed without challenges · S with some · M with major · U unable."

    def fields(self) -> ComposeResult:
        self._results = {r.id: r for r in evaluate_objectives(self.state)}
        yield field("Objective", choice(objective_options(self.state), id="objective"))
        yield Static(id="measure-info", classes="field-hint")
        yield field("Rating", radio(((k, f"{k} — {v}") for k, v in RATING_NAMES.items()), id="rating"))
        yield field("Note", entry("note", "What the evaluators saw"))

    @on(Select.Changed, "#objective")
    def _objective_chosen(self, event: Select.Changed) -> None:
        result = self._results.get(str(event.value))
        self.query_one("#measure-info", Static).update(plain(measured_text(result) if result else ""))

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        put(payload, "objective", select_value(self.query_one("#objective", Select)))
        put(payload, "rating", radio_value(self.query_one("#rating")))
        put(payload, "note", text_value(self.query_one("#note", Input)))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        if "objective" in payload:
            set_select(self.query_one("#objective", Select), payload["objective"])
        if "rating" in payload:
            set_radio(self.query_one("#rating"), payload["rating"])
        if "note" in payload:
            self.query_one("#note", Input).value = str(payload["note"])


class HotwashForm(ActionForm):
    KIND = "hotwash"
    TITLE = "Answer hot-wash question"

    def fields(self) -> ComposeResult:
        questions = [(f"{i + 1}. {q}", str(i)) for i, q in enumerate(self.state.scenario.hotwash)]
        yield field("Question", choice(questions, id="question",
                                       prompt="Choose a question" if questions else "No hot-wash questions"))
        yield field("Answer", entry("answer", "What the players said"))
        yield field("Answered by", choice(delegation_options(self.state), id="by", prompt="The room"))

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        question = select_value(self.query_one("#question", Select))
        put(payload, "question", int(question) if question is not None else None)
        payload["answer"] = text_value(self.query_one("#answer", Input))
        put(payload, "by", select_value(self.query_one("#by", Select)))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        if "question" in payload:
            set_select(self.query_one("#question", Select), payload["question"])
        if "answer" in payload:
            self.query_one("#answer", Input).value = str(payload["answer"])
        if "by" in payload:
            set_select(self.query_one("#by", Select), payload["by"])


class LessonForm(ActionForm):
    KIND = "lesson"
    TITLE = "Add lesson"

    def fields(self) -> ComposeResult:
        yield field("Kind", radio((("strength", "Strength"), ("improvement", "Area for improvement")),
                                  id="kind", value="strength"))
        yield field("Lesson", entry("text", "e.g. Hotline used within minutes"))
        yield field("Objective", choice(objective_options(self.state), id="objective",
                                        prompt="Not tied to an objective"))

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        put(payload, "kind", radio_value(self.query_one("#kind")))
        payload["text"] = text_value(self.query_one("#text", Input))
        put(payload, "objective", select_value(self.query_one("#objective", Select)))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        if "kind" in payload:
            set_radio(self.query_one("#kind"), payload["kind"])
        if "text" in payload:
            self.query_one("#text", Input).value = str(payload["text"])
        if "objective" in payload:
            set_select(self.query_one("#objective", Select), payload["objective"])


IMPROVEMENT_INPUTS = (
    ("issue", "Issue / area for improvement", "e.g. Slow relay through the mediator"),
    ("action", "Corrective action", "e.g. Drill relays monthly"),
    ("owner", "Responsible organization", "e.g. Verdant foreign ministry"),
    ("contact", "Point of contact", "e.g. Duty officer"),
    ("start", "Start date", "YYYY-MM-DD"),
    ("due", "Completion date", "YYYY-MM-DD"),
)


class ImproveForm(ActionForm):
    KIND = "improve"
    TITLE = "Add improvement item"

    def fields(self) -> ComposeResult:
        for key, label, placeholder in IMPROVEMENT_INPUTS[:2]:
            yield field(label, entry(key, placeholder))
        yield field("Capability element", choice(((c, c) for c in CAPABILITY_ELEMENTS), id="capability",
                                                 prompt="Not classified"))
        for key, label, placeholder in IMPROVEMENT_INPUTS[2:]:
            yield field(label, entry(key, placeholder))
        yield field("Objective", choice(objective_options(self.state), id="objective",
                                        prompt="Not tied to an objective"))

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        for key, _label, _placeholder in IMPROVEMENT_INPUTS:
            value = text_value(self.query_one(f"#{key}", Input))
            if key in ("issue", "action"):
                payload[key] = value
            else:
                put(payload, key, value)
        put(payload, "capability", select_value(self.query_one("#capability", Select)))
        put(payload, "objective", select_value(self.query_one("#objective", Select)))
        return payload

    def from_model(self, payload: dict[str, Any]) -> None:
        for key, _label, _placeholder in IMPROVEMENT_INPUTS:
            if key in payload:
                self.query_one(f"#{key}", Input).value = str(payload[key])
        for key in ("capability", "objective"):
            if key in payload:
                set_select(self.query_one(f"#{key}", Select), payload[key])
