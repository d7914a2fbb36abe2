"""Action forms: refusals stay in the form, and widgets convert to and from payloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TextArea

from test_ui_support import choose, new_session, pick, save_form, settle, type_into
from wargame.engine import Session
from wargame.errors import ActionRefused
from wargame.ui.app import create_app
from wargame.ui.forms import (
    AckForm, AdjudicateForm, ChannelForm, HotwashForm, ImproveForm, LessonForm, MoveForm,
    NoteForm, PerceiveForm, RateForm, ReleaseInjectForm, RetractForm, SendMessageForm,
)



def engine_refusal(folder: Path, kind: str, payload: dict, before: list[tuple[str, dict]]) -> str:
    """What the engine itself says to this action, on a scratch session."""
    with new_session(folder, name="scratch.wargame") as scratch:
        for earlier_kind, earlier_payload in before:
            scratch.act(earlier_kind, earlier_payload)
        with pytest.raises(ActionRefused) as refused:
            scratch.act(kind, payload)
    return str(refused.value)


async def test_a_refused_move_keeps_the_form_open_with_the_message_and_the_input(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MoveForm)
        await choose(pilot, "#by", "(azure)")
        await type_into(pilot, "#text", "Patrol at dawn")
        await save_form(pilot)  # no move type chosen: the engine refuses
        expected = engine_refusal(workdir, "move", {"by": "azure", "text": "Patrol at dawn"},
                                  [("phase", {"to": "exercise"})])
        assert app.screen is form
        assert form.refusal == expected
        assert expected in str(form.query_one("#form-error", Static).render())
        assert form.query_one("#text", TextArea).text == "Patrol at dawn"
        assert form.query_one("#by", Select).value == "azure"
        assert not session.state.moves  # nothing was written
        await pick(pilot, "#type", "naval-patrol")
        await save_form(pilot)  # corrected in place: now it is recorded
        assert app.screen is not form
    with Session.open(session.path) as reopened:
        move = reopened.state.moves["m1"]
        assert (move.by, move.type, move.text) == ("azure", "naval-patrol", "Patrol at dawn")


async def test_an_acknowledgement_by_the_wrong_delegation_is_refused_in_the_form(workdir: Path) -> None:
    session = new_session(workdir)
    before = [("phase", {"to": "exercise"}),
              ("hotline", {"from": "azure", "to": "crimson", "text": "Routine patrol"})]
    for kind, payload in before:
        session.act(kind, payload)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        form = app.screen
        await choose(pilot, "#message", "h1 ")
        await choose(pilot, "#by", "(verdant)")
        await type_into(pilot, "#text", "Seen")
        await save_form(pilot)
        expected = engine_refusal(workdir, "ack", {"message": "h1", "by": "verdant", "text": "Seen"}, before)
        assert app.screen is form and form.refusal == expected
        assert form.query_one("#text", Input).value == "Seen"
        assert not session.state.messages["h1"].acknowledged


PAYLOADS = [
    (MoveForm, {"by": "azure", "type": "naval-patrol", "target": "crimson", "text": "Patrol",
                "intent": "status-quo", "visibility": "private"}),
    (AdjudicateForm, {"move": "m1", "decision": "amend", "category": "status-quo", "step": -1,
                      "note": "Read as routine"}),
    (PerceiveForm, {"by": "crimson", "move": "m1", "as": "non-violent-escalation", "note": "Hostile"}),
    (SendMessageForm, {"from": "crimson", "to": "azure", "text": "Received", "reply_to": "h1"}),
    (AckForm, {"message": "h1", "by": "crimson", "text": "Noted"}),
    (ChannelForm, {"between": ["azure", "crimson"], "status": "down"}),
    (ReleaseInjectForm, {"id": "fisheries-offer"}),
    (NoteForm, {"by": "verdant", "text": "Offers good offices", "visibility": "public"}),
    (AdjudicateForm, {"move": "m1", "decision": "amend", "text": "A routine patrol"}),
    (PerceiveForm, {"by": "crimson", "move": "m1", "as": "status-quo", "visibility": "parties"}),
    (NoteForm, {"by": "azure", "text": "Told crimson", "visibility": "parties",
                "to": ["crimson", "verdant"]}),
    (RetractForm, {"event": "m1", "reason": "Wrong delegation"}),
    (RetractForm, {"event": 3, "reason": "Typed twice"}),
    (RateForm, {"objective": "fast-hotline", "rating": "M", "note": "Two late replies"}),
    (HotwashForm, {"question": 2, "answer": "The casualty figures", "by": "azure"}),
    (LessonForm, {"kind": "improvement", "text": "Relay was slow", "objective": "mediated-relay"}),
    (ImproveForm, {"issue": "Slow relay", "action": "Drill monthly", "capability": "exercise",
                   "owner": "Verdant", "contact": "Duty officer", "start": "2027-01-01",
                   "due": "2027-02-01", "objective": "mediated-relay"}),
]


@pytest.mark.parametrize(("form_class", "payload"), PAYLOADS,
                         ids=[f"{f.__name__}-{i}" for i, (f, _) in enumerate(PAYLOADS)])
async def test_forms_convert_payloads_both_ways(workdir: Path, form_class, payload) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson", "text": "Patrol"})
    session.act("hotline", {"from": "azure", "to": "crimson", "text": "Routine"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        form = form_class(session.state, screen.act, payload)
        await app.push_screen(form)
        await settle(pilot)
        assert form.to_action().written() == payload


async def test_text_with_brackets_is_shown_as_typed_not_as_markup(workdir: Path) -> None:
    """Square brackets in typed text, names or engine messages never break or restyle the app."""
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"by": "azure", "type": "naval-patrol", "text": "Patrol [north] of the [/buoy]"})
    session.act("hotline", {"from": "azure", "to": "crimson", "text": "See [b]annex[/b] [/x]"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "Patrol [north] of the [/buoy]" in str(app.screen.query_one("#move-info", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        await choose(pilot, "#message", "See [b]annex[/b]")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await type_into(pilot, "#text", "Noted [/odd]")
        await save_form(pilot)
        assert session.state.notes[-1].text == "Noted [/odd]"
        assert any("Noted [/odd]" in n.message for n in app._notifications)


FORMS = [AckForm, AdjudicateForm, ChannelForm, HotwashForm, ImproveForm, LessonForm, MoveForm,
         NoteForm, PerceiveForm, RateForm, ReleaseInjectForm, RetractForm, SendMessageForm]
# Keys a form leaves to the engine on purpose: a new move's or message's id is assigned.
NOT_ASKED = {("move", "id"), ("hotline", "id")}


async def test_every_form_has_an_input_for_each_key_of_its_action(workdir: Path) -> None:
    """A key added to an action (wargame.engine.vocabulary) shows up here until its form
    has an input for it: the forms' converters come from the action itself."""
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        missing = []
        for form_class in FORMS:
            form = form_class(session.state, app.screen.act)
            await app.push_screen(form)
            await settle(pilot)
            for key in form.ACTION.keys():
                if (form.ACTION.KIND, key.name) not in NOT_ASKED and not form.query(f"#{key.name}"):
                    missing.append(f"{form.ACTION.KIND}.{key.name}")
            form.dismiss(None)
            await settle(pilot)
        assert missing == []


async def test_letters_where_a_number_goes_are_refused_by_the_form(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    session.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson", "text": "Patrol"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = AdjudicateForm(session.state, app.screen.act,
                              {"move": "m1", "decision": "amend", "step": "two"})
        await app.push_screen(form)
        await settle(pilot)
        await save_form(pilot)
        assert app.screen is form
        assert form.refusal == "step must be a whole number such as -1, 0 or 2, not 'two'"
        assert session.state.moves["m1"].status == "pending"
