"""The facilitator's action forms, as a delegation fills them in for itself.

The field naming the acting delegation is filled in and locked (the engine would refuse
anything else), and the lists offered hold only what the delegation may act on: the
messages it has to acknowledge or pass on, the other delegations' moves it may read.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from textual.widgets import Select, Static

from wargame.engine.state import ExerciseState
from wargame.engine.pauses import awaiting
from wargame.engine.rules_relay import held_at
from wargame.ui.forms import (
    AckForm, AnswerPauseForm, MoveForm, PerceiveForm, ProposePauseForm, RelayForm,
    SendMessageForm,
)
from wargame.ui.forms.base import ActionForm, Submit


class OwnForm:
    """Mixed into a form: the key naming the acting delegation holds the viewer and
    cannot be changed."""

    LOCKED_HINT: ClassVar[str] = "Your delegation: a delegation acts only for itself"

    def on_mount(self) -> None:
        acting = self.ACTION.ACTING  # type: ignore[attr-defined]
        field = self.query_one(f"#{acting}", Select)  # type: ignore[attr-defined]
        field.disabled = True
        # The facilitator's hint (e.g. "usually the recipient") would not fit a locked field.
        box = field.parent
        hints = box.query(".field-hint")
        if hints:
            hints.first(Static).update(self.LOCKED_HINT)
        else:
            box.mount(Static(self.LOCKED_HINT, classes="field-hint"))


class OwnMoveForm(OwnForm, MoveForm):
    TITLE = "Enter your move"


class OwnMessageForm(OwnForm, SendMessageForm):
    TITLE = "Send a hotline message"


class OwnAckForm(OwnForm, AckForm):
    TITLE = "Acknowledge a hotline message"


class OwnRelayForm(OwnForm, RelayForm):
    TITLE = "Pass on a message relayed through you"


class OwnReadingForm(OwnForm, PerceiveForm):
    TITLE = "Record how you read a move"
    INTRO = "What did the other delegation's move mean? Control compares it with what they meant."


class OwnProposePauseForm(OwnForm, ProposePauseForm):
    TITLE = "Propose a pause"

    def offers_brokering(self) -> bool:
        """Only a mediator brokers a pause between two others."""
        by = self._initial.get("by")
        scenario = self.state.scenario
        return scenario.has_delegation(by) and scenario.delegation(by).mediates


class OwnAnswerPauseForm(OwnForm, AnswerPauseForm):
    TITLE = "Answer a pause proposed to you"


def own_form(kind: str, view: ExerciseState, viewer: str, submit: Submit,
             initial: dict[str, Any]) -> ActionForm:
    """The form for ``kind`` (move, hotline, ack, relay, perceive, propose-pause,
    answer-pause) as ``viewer`` fills it in."""
    forms = {form.ACTION.KIND: form
             for form in (OwnMoveForm, OwnMessageForm, OwnAckForm, OwnRelayForm,
                          OwnReadingForm, OwnProposePauseForm, OwnAnswerPauseForm)}
    if kind not in forms:
        raise ValueError(f"no delegation form for {kind!r}")
    form = forms[kind]
    given = {form.ACTION.ACTING: viewer, **initial}
    if kind == "ack":
        view = attrs.evolve(view, messages={k: m for k, m in view.messages.items()
                                            if m.recipient == viewer and not m.acknowledged})
    elif kind == "relay":
        view = attrs.evolve(view, messages={m.id: m for m in held_at(view, viewer)})
    elif kind == "answer-pause":
        view = attrs.evolve(view, pauses={p.id: p for p in awaiting(view, viewer)})
    elif kind == "perceive":
        view = attrs.evolve(view, moves={k: m for k, m in view.moves.items() if m.by != viewer})
    return form(view, submit, given)
