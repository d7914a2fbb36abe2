"""Forms for moves: enter a move, adjudicate it, record how another delegation read it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from wargame.engine import vocabulary
from wargame.engine.pauses import flagged
from wargame.engine.reports import report_items
from wargame.engine.state import ExerciseState, MoveRecord
from wargame.model import MoveType, Rulebook
from wargame.model.cbm import ReportField
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms.fields import (
    KeyedOptionList, choice, entry, field, heading, prose, radio, select_value, set_select,
)
from wargame.ui.forms import examples
from wargame.ui.text import assemble, plain

VISIBILITY_OPTIONS = (("public", "public"), ("parties", "parties"),  # notes
                      ("private", "private"))
MOVE_VISIBILITY_OPTIONS = (("public: everyone", "public"),
                           ("parties: the mover, the target and control", "parties"),
                           ("private: the mover and control", "private"))
PERCEPTION_VISIBILITY_OPTIONS = (("public: everyone", "public"),
                                 ("parties: the perceiver, the mover and control", "parties"),
                                 ("private: the perceiver and control", "private"))


def delegation_options(state: ExerciseState, *, movers_only: bool = False) -> list[tuple[str, str]]:
    delegations = state.scenario.actors if movers_only else state.scenario.delegations
    return [(f"{d.name} ({d.id})", d.id) for d in delegations]


def category_options(rulebook: Rulebook) -> list[tuple[str, str]]:
    return [(f"{c.id} (score {c.score:+d}, step {c.step:+d})", c.id) for c in rulebook.categories.values()]


def move_label(move: MoveRecord) -> str:
    target = f" → {move.target}" if move.target else ""
    return f"{move.id} · T{move.turn} {move.by}: {move.type}{target} [{move.status}]"


def move_type_options(rulebook: Rulebook) -> list[Option]:
    """The catalogue grouped by category (headings are disabled options), CBMs marked ◆."""
    options: list[Option] = []
    for category in rulebook.categories.values():
        members = [m for m in rulebook.moves if m.category == category.id]
        if not members:
            continue
        options.append(heading(f"── {category.id} ({category.score:+d}) ──"))
        for move in members:
            prompt = assemble(f"  {move.name}", (" ◆CBM", "$text-success") if move.cbm else "")
            options.append(Option(prompt, id=move.id))
    return options


class MoveForm(ActionForm):
    ACTION = vocabulary.Move
    TITLE = "Enter move"
    _report_type: str | None = None  # the move type whose report inputs are shown
    _report_given: Mapping[str, Any] = {}  # report fields of an initial payload

    def fields(self) -> ComposeResult:
        rulebook = self.state.scenario.rulebook
        yield field("Delegation", choice(delegation_options(self.state, movers_only=True), id="by"))
        yield field("Move type", KeyedOptionList(*move_type_options(rulebook), id="type"),
                    "◆CBM marks a confidence-building measure · type a word to jump")
        yield Static(id="type-info", classes="field-hint")
        report = Vertical(id="fields")  # the chosen type's report format, if it has one
        report.styles.height = "auto"
        yield report
        yield field("Target", choice(delegation_options(self.state), id="target", prompt="No target"))
        yield field("What the delegation does", prose("text", examples.move_text(self.state.scenario)))
        yield field("Intent: the category the mover means",
                    choice(category_options(rulebook), id="intent", prompt="Same as the move type"))
        yield field("Visibility", choice(MOVE_VISIBILITY_OPTIONS, id="visibility",
                                         prompt="The move type's default"),
                    "preset to the move type's default; change it deliberately")

    def default_visibility(self, action) -> str:
        rulebook = self.state.scenario.rulebook
        return rulebook.move(action.type).visibility if rulebook.has_move(action.type or "") else "public"

    def on_mount(self) -> None:
        # Runs before ActionForm.on_mount fills in an initial payload (Textual calls both).
        # No silent default: the facilitator picks the type.
        self.query_one("#type", KeyedOptionList).highlighted = None
        self.query_one("#type-info", Static).update("No move type chosen yet.")

    def to_action(self) -> vocabulary.Action:
        """The move, with its report's fields when its type has a report format."""
        action = super().to_action()
        rulebook = self.state.scenario.rulebook
        if not isinstance(action.type, str) or not rulebook.has_move(action.type):
            return action
        report = rulebook.move(action.type).fields
        if not report or self._report_type != action.type:
            return action
        values = {}
        for spec in report:
            widget = self.query_one(f"#report-{spec.id}")
            value = (select_value(widget) if isinstance(widget, Select)
                     else widget.value.strip())
            if value:
                values[spec.id] = value
        return attrs.evolve(action, fields=values)

    def from_model(self, given: Mapping[str, Any]) -> None:
        super().from_model(given)
        self._report_given = given.get("fields") or {}

    @on(OptionList.OptionHighlighted, "#type")
    async def _type_chosen(self, event: OptionList.OptionHighlighted) -> None:
        rulebook = self.state.scenario.rulebook
        if event.option.id is None or not rulebook.has_move(event.option.id):
            return
        move = rulebook.move(event.option.id)
        await self._show_report(move)
        target = {"required": "needs a target", "optional": "target optional",
                  "none": "takes no target"}.get(move.target, move.target)
        self.query_one("#type-info", Static).update(plain(
            f"{move.name}: {move.category}, step {rulebook.step_of(move):+d}, {target}, "
            f"{move.visibility} by default. {move.description}".strip()))
        # Preset the type's default unless the level was chosen by hand (or given).
        visibility = self.query_one("#visibility", Select)
        if select_value(visibility) in (None, getattr(self, "_preset_visibility", None)):
            set_select(visibility, move.visibility)
            self._preset_visibility = move.visibility

    async def _show_report(self, move: MoveType) -> None:
        """The inputs of the move type's report format (none for a type without one)."""
        if self._report_type == move.id:
            return
        self._report_type = move.id
        box = self.query_one("#fields", Vertical)
        await box.remove_children()
        if move.fields:
            await box.mount(Static(f"Report format of {move.name}", classes="field-label"))
            await box.mount_all(report_input(spec, self._report_given.get(spec.id))
                                for spec in move.fields)


def report_input(spec: ReportField, value: object = None) -> Vertical:
    """One field of a report format: a label saying whether it is required, its input."""
    need = "required" if spec.required else "optional"
    label = f"{spec.title} ({need})"
    if spec.kind == "choice":
        widget = choice(((c, c) for c in spec.choices), id=f"report-{spec.id}")
        if value is not None and str(value) in spec.choices:
            widget.value = str(value)
    else:
        shown = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value
        widget = entry(f"report-{spec.id}", REPORT_HINTS.get(spec.kind, ""),
                       value="" if shown is None else str(shown))
    return field(label, widget, spec.description)


REPORT_HINTS = {"number": "a number", "time": "e.g. 06:40 or 2026-03-01T06:40Z",
                "position": "e.g. 35.1N 24.3E", "text": ""}


class AdjudicateForm(ActionForm):
    ACTION = vocabulary.Adjudicate
    TITLE = "Adjudicate move"

    def fields(self) -> ComposeResult:
        pending = [m for m in self.state.moves.values() if m.status == "pending"]
        yield field("Move", choice(((move_label(m), m.id) for m in pending), id="move",
                                   prompt="Choose a pending move" if pending else "No move is pending"))
        yield Static(id="move-info", classes="field-hint")
        yield field("Decision", radio((("approve", "Approve"), ("amend", "Amend"), ("reject", "Reject")),
                                      id="decision", value="approve"))
        yield field("Amended category", choice(category_options(self.state.scenario.rulebook),
                                               id="category", prompt="Keep the move's category"),
                    "Amend only: what the move counts as")
        yield field("Amended ladder step", entry("step", "Keep the step", type="integer"),
                    "Amend only: e.g. 0 to hold the rung, -1 to step down")
        yield field("Amended text", entry("text", "Keep the move's text"),
                    "Amend only: the move as the others will read it")
        yield field("Note", entry("note", "Why (shown in the debrief)"))

    @on(Select.Changed, "#move")
    def _move_chosen(self, event: Select.Changed) -> None:
        move = self.state.moves.get(str(event.value))
        info = self.query_one("#move-info", Static)
        if move is None:
            info.update(plain(""))
            return
        breaks = flagged(self.state, move)
        warning = (f"\n⚠ breaks pause {', '.join(breaks)}: approved, the pause is violated"
                   if breaks else "")
        rulebook = self.state.scenario.rulebook
        report = "".join(f"\n  {label}: {value}" for label, value in report_items(
            rulebook.move(move.type), move.fields)) if rulebook.has_move(move.type) else ""
        info.update(plain(f"“{move.text}” — {move.category}, step {move.step:+d}, "
                          f"intent {move.intent}{report}{warning}"))


class PerceiveForm(ActionForm):
    ACTION = vocabulary.Perceive
    TITLE = "Record perception"
    INTRO = "How did a delegation read another's move? The gap to the mover's intent is a misperception."

    def fields(self) -> ComposeResult:
        moves = [m for m in self.state.moves.values() if m.status != "retracted"]
        yield field("Delegation that perceived", choice(delegation_options(self.state), id="by"))
        yield field("Move", choice(((move_label(m), m.id) for m in reversed(moves)), id="move"),
                    "Starts on the newest move the delegation has not read yet")
        yield field("Read as (category)", choice(category_options(self.state.scenario.rulebook), id="as"))
        yield field("Note", entry("note", "What they said or did"))
        yield field("Who sees it", choice(PERCEPTION_VISIBILITY_OPTIONS, id="visibility",
                                          prompt="Private: the perceiver and control"))

    def on_mount(self) -> None:
        # Runs before ActionForm.on_mount fills an initial payload, which wins.
        self._preset_move(None)

    @on(Select.Changed, "#by")
    def _perceiver_chosen(self, event: Select.Changed) -> None:
        self._preset_move(None if event.value is Select.BLANK else str(event.value))

    def _preset_move(self, by: str | None) -> None:
        move = self.query_one("#move", Select)
        if select_value(move) not in (None, getattr(self, "_preset", None)):
            return  # chosen by hand
        newest = newest_unread(self.state, by)
        if newest is not None:
            set_select(move, newest)
        self._preset = newest


def newest_unread(state: ExerciseState, by: str | None) -> str | None:
    """The newest live move ``by`` neither made nor has recorded a reading of (any
    delegation's newest move when ``by`` is not chosen yet)."""
    read = {p.move for p in state.perceptions if p.by == by}
    for move in reversed(list(state.moves.values())):
        if move.status == "retracted" or (by is not None and move.by == by):
            continue
        if move.id not in read:
            return move.id
    return None
