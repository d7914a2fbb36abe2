"""Forms for pause moments: propose one (to a delegation, to all, or, for a mediator,
between two others), accept or decline one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select

from wargame.engine import vocabulary
from wargame.engine.pauses import awaiting
from wargame.engine.rules_pauses import ALL
from wargame.engine.state import ExerciseState, PauseRecord
from wargame.ui.describe import pause_sides
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms.fields import choice, entry, field, radio
from wargame.ui.forms.moves import delegation_options
from wargame.ui.text import plain


def pause_label(pause: PauseRecord) -> str:
    waiting = [p for p in pause.invited if pause.answer_of(p) is None]
    awaits = f"; awaits {', '.join(waiting)}" if waiting and not pause.answer else ""
    return (f"{pause.id} · T{pause.proposed_turn} {pause_sides(pause)}, "
            f"{pause.turns} turn(s){awaits}")


def brokered_pairs(state: ExerciseState) -> list[tuple[str, str]]:
    """The pairs a mediator may broker a pause between (none without a mediator)."""
    scenario = state.scenario
    if not any(d.mediates for d in scenario.actors):
        return []
    # The parties a mediator brings together; pairs with a mediator are left out (the
    # broker cannot be one of them), a script may still name one.
    sides = {d.id for d in scenario.actors if not d.mediates}
    return [(f"{a} ⇄ {b}", f"{a},{b}") for a, b in scenario.dyads if {a, b} <= sides]


class ProposePauseForm(ActionForm):
    ACTION = vocabulary.ProposePause
    TITLE = "Propose a pause"
    INTRO = ("For some turns, moves of the categories in its scope halt between its "
             "parties; one made anyway is flagged to control as a violation. Every party "
             "must accept; one decline declines it.")

    def offers_brokering(self) -> bool:
        """The facilitator's form offers the brokered pair whenever there is a mediator."""
        return True

    def fields(self) -> ComposeResult:
        movers = delegation_options(self.state, movers_only=True)
        yield field("Proposed by", choice(movers, id="by"))
        yield field("Proposed to", choice(
            [*movers, ("All (every delegation that can move)", ALL)], id="with"),
            "leave empty when a mediator brokers a pause between two others")
        pairs = brokered_pairs(self.state) if self.offers_brokering() else []
        if pairs:
            yield field("Or, brokered by a mediator, between", choice(pairs, id="between"),
                        "binds the pair, not the mediator; both must accept")
        yield field("Turns", entry("turns", "e.g. 2", type="integer"))
        yield field("Scope (categories, comma separated)",
                    entry("scope", "every escalatory category"),
                    ", ".join(self.state.scenario.rulebook.categories))
        yield field("Pause id", entry("id", "assigned when left empty"))


class AnswerPauseForm(ActionForm):
    ACTION = vocabulary.AnswerPause
    TITLE = "Answer a pause"
    INTRO = "Each party a pause was proposed to answers it; control may answer for any."

    def waiting(self) -> list[PauseRecord]:
        return [p for p in self.state.pauses.values() if not p.answer]

    def fields(self) -> ComposeResult:
        waiting = self.waiting()
        yield field("Pause", choice(((pause_label(p), p.id) for p in waiting), id="pause",
                                    prompt="Choose a pause" if waiting else "No pause waits"))
        yield field("Answered by (a party yet to answer)",
                    choice(delegation_options(self.state, movers_only=True), id="by"))
        yield field("Answer", radio((("accept", "Accept"), ("decline", "Decline")),
                                    id="answer", value="accept"))

    @on(Select.Changed, "#pause")
    def _offer_the_parties_yet_to_answer(self, event: Select.Changed) -> None:
        """Only the parties whose answer the chosen pause waits for are offered."""
        by = self.query_one("#by", Select)
        if by.disabled:  # a delegation's own form: it answers for itself
            return
        pause = self.state.pauses.get(str(event.value))
        if pause is None:
            return
        parties = [d for d in pause.invited if pause in awaiting(self.state, d)]
        chosen = by.value
        by.set_options([(plain(label), value) for label, value
                        in delegation_options(self.state, movers_only=True) if value in parties])
        if chosen in parties:
            by.value = chosen
        elif len(parties) == 1:
            by.value = parties[0]
