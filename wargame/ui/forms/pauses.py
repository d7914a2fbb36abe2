"""Forms for pause moments: propose one to another delegation, accept or decline one."""

from __future__ import annotations

from textual.app import ComposeResult

from wargame.engine import vocabulary
from wargame.engine.state import PauseRecord
from wargame.ui.forms.base import ActionForm
from wargame.ui.forms.fields import choice, entry, field, radio
from wargame.ui.forms.moves import delegation_options


def pause_label(pause: PauseRecord) -> str:
    return f"{pause.id} · T{pause.proposed_turn} {pause.by} → {pause.other}, {pause.turns} turn(s)"


class ProposePauseForm(ActionForm):
    ACTION = vocabulary.ProposePause
    TITLE = "Propose a pause"
    INTRO = ("For some turns, moves of the categories in its scope halt between the two "
             "sides; one made anyway is flagged to control as a violation.")

    def fields(self) -> ComposeResult:
        movers = delegation_options(self.state, movers_only=True)
        yield field("Proposed by", choice(movers, id="by"))
        yield field("Proposed to", choice(movers, id="with"))
        yield field("Turns", entry("turns", "e.g. 2", type="integer"))
        yield field("Scope (categories, comma separated)",
                    entry("scope", "every escalatory category"),
                    ", ".join(self.state.scenario.rulebook.categories))
        yield field("Pause id", entry("id", "assigned when left empty"))


class AnswerPauseForm(ActionForm):
    ACTION = vocabulary.AnswerPause
    TITLE = "Answer a pause"

    def fields(self) -> ComposeResult:
        waiting = [p for p in self.state.pauses.values() if not p.answer]
        yield field("Pause", choice(((pause_label(p), p.id) for p in waiting), id="pause",
                                    prompt="Choose a pause" if waiting else "No pause waits"))
        yield field("Answered by (the side it was proposed to)",
                    choice(delegation_options(self.state, movers_only=True), id="by"))
        yield field("Answer", radio((("accept", "Accept"), ("decline", "Decline")),
                                    id="answer", value="accept"))
