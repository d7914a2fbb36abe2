"""The assess and adjust phases: objectives and ratings, hot-wash, lessons, improvement plan."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from wargame.engine.objectives import evaluate_objectives
from wargame.engine.state import ExerciseState, ImprovementItem
from wargame.ui.text import assemble, plain
from wargame.ui.widgets.options import Options

MET = {True: "✔ met", False: "✘ not met", None: "– n/a"}


class RowChosen(Message):
    """Enter on a row of an assess/adjust table: open the matching form prefilled."""

    def __init__(self, action: str, initial: dict) -> None:
        super().__init__()
        self.action = action
        self.initial = initial


def improvement_prompt(number: int, item: ImprovementItem) -> Content:
    """One improvement-plan row (HSEEP columns), wrapped to fit any width."""
    details = [
        ("capability", item.capability), ("owner", item.owner), ("contact", item.contact),
        ("start", item.start), ("due", item.due), ("objective", item.objective or ""),
    ]
    shown = " · ".join(f"{name}: {value}" for name, value in details if value)
    return assemble((f"{number}. ", "bold"), (item.issue, "bold"), " → ", item.action,
                            ("\n   " + shown if shown else "", "$text-muted"))


class AssessView(VerticalScroll):
    """Objectives and hot-wash as wrapped, selectable lists (readable at 80 columns)."""

    def compose(self) -> ComposeResult:
        yield Static("Objectives (Enter rates the highlighted one)", classes="section-title")
        yield Options(id="assess-objectives")
        yield Static("Hot-wash (Enter answers the highlighted question)", classes="section-title")
        yield Options(id="assess-hotwash")
        with Horizontal(id="assess-lessons"):
            yield Static(id="assess-strengths")
            yield Static(id="assess-improvements")
        with Horizontal(classes="buttons"):
            yield Button("Rate objective (s)", id="assess-rate", action="screen.rate_objective")
            yield Button("Answer hot-wash (w)", id="assess-answer", action="screen.answer_hotwash")
            yield Button("Add lesson (l)", id="assess-lesson", action="screen.add_lesson")

    def show_state(self, state: ExerciseState, now: float) -> None:
        options = []
        for result in evaluate_objectives(state):
            rating = state.ratings.get(result.id)
            measure = MET[result.met] + (f": {result.detail}" if result.detail else "")
            rated = plain(f" {rating.rating} ", "bold reverse") if rating else \
                plain(" not rated ", "$text-muted")
            note = f"\n  Note: {rating.note}" if rating and rating.note else ""
            options.append(Option(assemble(
                (result.id, "bold"), " ", rated, "  ", result.text, "\n  ",
                (measure, "$text-muted"), note), id=result.id))
        _replace_options(self.query_one("#assess-objectives", OptionList), options)
        options = []
        for index, question in enumerate(state.scenario.hotwash):
            answers = [a for a in state.hotwash if a.question == index]
            lines = [assemble((f"{index + 1}. ", "bold"), question)]
            lines += [assemble("  → ", a.answer, (f" ({a.by})" if a.by and a.by != "facilitator" else "",
                                                             "$text-muted")) for a in answers]
            if not answers:
                lines.append(plain("  no answer yet", "$text-muted"))
            options.append(Option(plain("\n").join(lines), id=str(index)))
        _replace_options(self.query_one("#assess-hotwash", OptionList), options)
        self.query_one("#assess-strengths", Static).update(_lessons(state, "strength", "Strengths"))
        self.query_one("#assess-improvements", Static).update(
            _lessons(state, "improvement", "Areas for improvement"))

    @on(OptionList.OptionSelected, "#assess-objectives")
    def _objective_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(RowChosen("rate_objective", {"objective": event.option.id}))

    @on(OptionList.OptionSelected, "#assess-hotwash")
    def _question_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(RowChosen("answer_hotwash", {"question": event.option.id}))


def _replace_options(option_list: OptionList, options: list[Option]) -> None:
    """Swap the options, keeping the highlight where it was."""
    highlighted = option_list.highlighted
    option_list.set_options(options)
    if highlighted is not None and options:
        option_list.highlighted = min(highlighted, len(options) - 1)


def _lessons(state: ExerciseState, kind: str, title: str) -> Content:
    lessons = [lesson for lesson in state.lessons if lesson.kind == kind]
    mark = "+" if kind == "strength" else "△"
    lines = [plain(f"{title} ({len(lessons)})", "bold $accent")]
    lines += [assemble(f"{mark} ", lesson.text,
                               (f"  [{lesson.objective}]" if lesson.objective else "", "$text-muted"))
              for lesson in lessons]
    if not lessons:
        lines.append(plain("none yet", "$text-muted"))
    return plain("\n").join(lines)


class AdjustView(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static("Improvement plan", classes="section-title")
        yield Options(id="adjust-plan")
        with Horizontal(id="adjust-lessons"):
            yield Static(id="adjust-strengths")
            yield Static(id="adjust-improvements")
        with Horizontal(classes="buttons"):
            yield Button("Add improvement item (v)", id="adjust-improve", action="screen.add_improvement")
            yield Button("Render debrief (d)", id="adjust-debrief", action="screen.render_debrief")
        yield Static(id="adjust-debrief-path")

    def show_state(self, state: ExerciseState, now: float) -> None:
        options = [Option(improvement_prompt(i + 1, item)) for i, item in enumerate(state.improvements)]
        if not options:
            options = [Option(plain("No item yet: add one with v.", "$text-muted"), disabled=True)]
        _replace_options(self.query_one("#adjust-plan", OptionList), options)
        self.query_one("#adjust-strengths", Static).update(_lessons(state, "strength", "Strengths"))
        self.query_one("#adjust-improvements", Static).update(
            _lessons(state, "improvement", "Areas for improvement"))

    def show_debrief(self, message: Content) -> None:
        self.query_one("#adjust-debrief-path", Static).update(message)
