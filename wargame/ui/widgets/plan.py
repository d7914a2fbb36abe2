"""The plan phase: briefing, delegations, ladder and hotline, MSEL preview, open improvements.

Everything here comes from the scenario, except the improvement items carried over from
the last session of the same scenario, which a worker finds and hands to ``show_prior``.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Markdown, Static

from wargame.engine.state import ExerciseState, ImprovementItem
from wargame.engine.visibility import audiences
from wargame.model import Scenario
from wargame.ui.describe import inject_schedule, pair_markers, recipients_text
from wargame.ui.widgets.hotline import channel_lines
from wargame.ui.widgets.ladder import LadderView
from wargame.ui.text import assemble, plain, plain_text
from wargame.printable import printable


def delegations_markdown(scenario: Scenario) -> str:
    lines = ["## Delegations", ""]
    for delegation in scenario.delegations:
        lines.append(f"### {delegation.name} (`{delegation.id}`, {delegation.role})")
        if delegation.objectives:
            lines += ["", "**Objectives**", ""] + [f"- {o}" for o in delegation.objectives]
        if delegation.red_lines:
            lines += ["", "**Red lines**", ""] + [f"- {r}" for r in delegation.red_lines]
        lines.append("")
    lines += ["## Transparency charter: what each audience sees", ""]
    lines += [f"- **{who}**: {what}" for who, what in audiences(scenario)]
    return "\n".join(lines)


def expected_text(scenario: Scenario, inject_id: str) -> str:
    inject = scenario.inject(inject_id)
    return "; ".join(f"{e.by}: {e.move} within {e.within}" for e in inject.expect) or "—"


class PlanView(VerticalScroll):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._scenario: Scenario | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="plan-top"):
            with Vertical(id="plan-briefing"):
                yield Markdown(id="briefing", open_links=False)
                yield Markdown(id="delegations", open_links=False)
            with Vertical(id="plan-network"):
                yield Static("Escalation ladder", classes="section-title")
                yield LadderView(id="plan-ladder")
                yield Static("Hotline network", classes="section-title")
                yield Static(id="plan-hotline")
        yield Static("Master Scenario Events List", classes="section-title")
        yield DataTable(id="plan-msel", cursor_type="row", zebra_stripes=True)
        yield Static("Open improvement items from the last session", classes="section-title")
        yield Static("Looking for earlier sessions of this scenario…", id="plan-prior")

    def on_mount(self) -> None:
        table = self.query_one("#plan-msel", DataTable)
        table.add_columns("Turn", "Inject", "From", "To", "Kind", "Expected responses",
                          "Control notes")

    def show_state(self, state: ExerciseState, now: float) -> None:
        self.query_one("#plan-ladder", LadderView).show_state(state, pair_markers(state.scenario))
        self.query_one("#plan-hotline", Static).update(plain("\n").join(channel_lines(state)))
        if self._scenario is state.scenario:
            return
        self._scenario = scenario = state.scenario
        self.query_one("#briefing", Markdown).update(printable(f"# {scenario.title}\n\n{scenario.summary}"))
        self.query_one("#delegations", Markdown).update(printable(delegations_markdown(scenario)))
        table = self.query_one("#plan-msel", DataTable)
        table.clear()
        for inject in scenario.injects:
            cells = (inject_schedule(scenario, inject.id), f"{inject.id}: {inject.title}",
                     inject.source or "control", recipients_text(scenario, inject.to),
                     inject.kind, expected_text(scenario, inject.id), inject.control_notes)
            table.add_row(*(plain_text(cell) for cell in cells), key=inject.id)

    def show_prior(self, source: Path | None, items: list[ImprovementItem]) -> None:
        prior = self.query_one("#plan-prior", Static)
        if source is None:
            prior.update(plain("No earlier session of this scenario in the sessions folder.",
                                        "$text-muted"))
            return
        if not items:
            prior.update(plain(f"{source.name} left no improvement items.", "$text-muted"))
            return
        lines = [plain(f"From {source.name}:", "$text-muted")]
        for item in items:
            extra = ", ".join(x for x in (item.owner, f"due {item.due}" if item.due else "",
                                          item.capability) if x)
            lines.append(assemble("• ", (item.issue, "bold"), " → ", item.action,
                                          (f"  ({extra})" if extra else "", "$text-muted")))
        prior.update(plain("\n").join(lines))
