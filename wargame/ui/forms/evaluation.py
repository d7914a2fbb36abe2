"""Forms for assess and adjust: rate an objective, answer the hot-wash, lessons, improvements."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select, Static

from wargame.engine import vocabulary
from wargame.engine.objectives import ObjectiveResult, evaluate_objectives
from wargame.model import CAPABILITIES
from wargame.model.scenario import RATING_NAMES
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms import examples
from wargame.ui.forms.fields import choice, entry, field, prose, radio
from wargame.ui.forms.moves import delegation_options
from wargame.ui.text import plain


def measured_text(result: ObjectiveResult) -> str:
    verdict = {True: "✔ met", False: "✘ not met", None: "– not measurable"}[result.met]
    detail = f": {result.detail}" if result.detail else ""
    return f"Automatic measure: {verdict}{detail}"


def objective_options(state) -> list[tuple[str, str]]:
    return [(f"{o.id}: {o.text}", o.id) for o in state.scenario.objectives]


class RateForm(ActionForm):
    ACTION = vocabulary.Rate
    TITLE = "Rate objective"
    INTRO = "HSEEP ratings: P performed without challenges · S with some · M with major · U unable."

    def fields(self) -> ComposeResult:
        self._results = {r.id: r for r in evaluate_objectives(self.state)}
        yield field("Objective", choice(objective_options(self.state), id="objective"))
        yield Static(id="measure-info", classes="field-hint")
        yield field("Rating", radio(((k, f"{k} — {v}") for k, v in RATING_NAMES.items()), id="rating"))
        yield field("Note", entry("note", "What the evaluators saw"))
        yield field("Rated by", entry("by", "The evaluator's name or role (optional)"))

    @on(Select.Changed, "#objective")
    def _objective_chosen(self, event: Select.Changed) -> None:
        result = self._results.get(str(event.value))
        self.query_one("#measure-info", Static).update(plain(measured_text(result) if result else ""))


class HotwashForm(ActionForm):
    ACTION = vocabulary.Hotwash
    TITLE = "Answer hot-wash question"

    def fields(self) -> ComposeResult:
        questions = [(f"{i + 1}. {q}", str(i)) for i, q in enumerate(self.state.scenario.hotwash)]
        yield field("Question", choice(questions, id="question",
                                       prompt="Choose a question" if questions else "No hot-wash questions"))
        yield field("Answer", prose("answer", "What the players said"))
        yield field("Answered by", choice(delegation_options(self.state), id="by", prompt="The room"))


class LessonForm(ActionForm):
    ACTION = vocabulary.Lesson
    TITLE = "Add lesson"

    def fields(self) -> ComposeResult:
        yield field("Kind", radio((("strength", "Strength"), ("improvement", "Area for improvement")),
                                  id="kind", value="strength"))
        yield field("Lesson", entry("text", "e.g. Hotline used within minutes"))
        yield field("Objective", choice(objective_options(self.state), id="objective",
                                        prompt="Not tied to an objective"))


IMPROVEMENT_INPUTS = (
    ("issue", "Issue / area for improvement", "e.g. Slow relay through the mediator"),
    ("action", "Corrective action", "e.g. Drill relays monthly"),
    ("owner", "Responsible organization", ""),  # from the scenario: examples.owner
    ("contact", "Point of contact", "e.g. Duty officer"),
    ("start", "Start date", "YYYY-MM-DD"),
    ("due", "Completion date", "YYYY-MM-DD"),
)


class ImproveForm(ActionForm):
    ACTION = vocabulary.Improve
    TITLE = "Add improvement item"

    def fields(self) -> ComposeResult:
        for key, label, placeholder in IMPROVEMENT_INPUTS[:2]:
            yield field(label, entry(key, placeholder))
        yield field("Capability element", choice(((c, c) for c in CAPABILITIES), id="capability",
                                                 prompt="Not classified"))
        for key, label, placeholder in IMPROVEMENT_INPUTS[2:]:
            if key == "owner":
                placeholder = examples.owner(self.state.scenario)
            yield field(label, entry(key, placeholder))
        yield field("Objective", choice(objective_options(self.state), id="objective",
                                        prompt="Not tied to an objective"))
