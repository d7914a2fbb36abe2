"""The form rules of the console on the day: forms that cannot betray the facilitator."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import RadioSet, Select, TextArea

from test_ui_support import choose, new_session, pick, save_form, settle, type_into
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.forms import AckForm, MoveForm, NoteForm, PerceiveForm
from wargame.ui.forms.fields import KeyedOptionList, radio_value
from wargame.ui.screens.confirm import Confirm



async def test_typing_after_tab_never_changes_a_notes_visibility(workdir: Path) -> None:
    session = new_session(workdir)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NoteForm)
        await type_into(pilot, "#text", "Crimson hesitated")
        await pilot.press("tab")  # a TextArea gives Tab to the next field: the radio set
        await pilot.pause()
        assert isinstance(app.focused, RadioSet)
        await pilot.press(*" and then public enter", "space", "enter")
        assert radio_value(form.query_one("#visibility", RadioSet)) == "private"
        await save_form(pilot)
        assert app.screen is not form
    with Session.open(session.path) as reopened:
        [note] = reopened.state.notes
        assert (note.text, note.visibility) == ("Crimson hesitated", "private")


async def _note_made_public(pilot, app) -> NoteForm:
    await pilot.press("o")
    await settle(pilot)
    form = app.screen
    await type_into(pilot, "#text", "Talks are failing")
    form.query_one("#visibility", RadioSet).focus()
    await pilot.pause()
    await pilot.press("up", "up", "space")  # moved there on purpose: private -> public
    assert radio_value(form.query_one("#visibility", RadioSet)) == "public"
    await pilot.press("ctrl+s")
    await settle(pilot)
    return form


async def test_making_a_private_note_public_asks_and_names_who_will_see_it(workdir: Path) -> None:
    session = new_session(workdir)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await _note_made_public(pilot, app)
        confirm = app.screen
        assert isinstance(confirm, Confirm)
        body = str(confirm.query_one("#confirm-body").render())
        for delegation in session.state.scenario.delegations:
            assert delegation.name in body
        assert "public debrief" in body
        assert not session.state.notes  # nothing written before the answer
        await pilot.press("enter")  # Cancel has the focus: a stray Enter does not confirm
        await settle(pilot)
        assert app.screen is form
        assert not session.state.notes
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#confirm-yes")
        await settle(pilot)
    with Session.open(session.path) as reopened:
        [note] = reopened.state.notes
        assert note.visibility == "public"


def _border_crisis_in_play(workdir: Path):
    session = new_session(workdir, scenario="border-crisis")
    session.act("phase", {"to": "exercise"})
    return session


async def _move_types(pilot) -> KeyedOptionList:
    """The move form's list of types, open and focused."""
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    types = pilot.app.screen.query_one("#type", KeyedOptionList)
    types.focus()
    await pilot.pause()
    return types


async def test_move_type_ahead_reaches_a_type_by_a_later_word(workdir: Path) -> None:
    app = create_app(_border_crisis_in_play(workdir), poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        types = await _move_types(pilot)
        await pilot.press("h", "o", "s")
        assert types.value == "host-inspection"
        seen = set()
        types.highlighted = None
        for _ in range(types.option_count):
            await pilot.press("h")
            seen.add(types.value)
            if types.value == "host-inspection":
                break
        assert types.value == "host-inspection", seen


async def test_placeholders_come_from_the_scenario_being_played(workdir: Path) -> None:
    session = new_session(workdir, scenario="border-crisis")
    session.act("phase", {"to": "exercise"})
    names = [d.name for d in session.state.scenario.delegations]
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("m", "o", "h"):
            await pilot.press(key)
            await settle(pilot)
            placeholder = str(app.screen.query_one("#text", TextArea).placeholder)
            assert "buoy" not in placeholder and "Crimson" not in placeholder
            assert any(name in placeholder for name in names), placeholder
            await pilot.press("escape")
            await settle(pilot)


async def test_perception_starts_on_the_newest_move_the_delegation_has_not_read(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    for by, target in (("azure", "crimson"), ("crimson", "azure"), ("azure", "crimson")):
        session.act("move", {"by": by, "type": "naval-patrol", "target": target, "text": "Patrol"})
    session.act("perceive", {"by": "crimson", "move": "m3", "as": "posturing"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PerceiveForm)
        assert form.query_one("#move", Select).value == "m3"  # the newest, by default
        await choose(pilot, "#by", "(crimson)")
        # crimson made m2 and has read m3: m1 is the newest it has not read.
        assert form.query_one("#move", Select).value == "m1"


async def test_the_only_open_message_is_the_one_to_acknowledge(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    session.act("hotline", {"from": "azure", "to": "crimson", "text": "Routine"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AckForm)
        assert form.query_one("#message", Select).value == "h1"
        assert form.query_one("#by", Select).value == "crimson"
        await save_form(pilot)
    with Session.open(session.path) as reopened:
        assert reopened.state.messages["h1"].acknowledged


async def test_a_move_text_can_span_lines_and_ctrl_s_saves_it(workdir: Path) -> None:
    session = new_session(workdir)
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MoveForm)
        await choose(pilot, "#by", "(azure)")
        await pick(pilot, "#type", "naval-patrol")
        await type_into(pilot, "#text", "Patrol")
        await pilot.press("enter", *"at dawn")
        await save_form(pilot)
    with Session.open(session.path) as reopened:
        assert reopened.state.moves["m1"].text == "Patrol\nat dawn"


async def test_a_form_opening_clears_the_toasts_that_would_cover_it(workdir: Path) -> None:
    session = new_session(workdir)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f6")  # the access codes: a long-lived toast
        await settle(pilot)
        assert len(app._notifications)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, NoteForm)
        assert not len(app._notifications)


async def test_move_type_ahead_prefers_a_name_that_begins_with_the_word(workdir: Path) -> None:
    app = create_app(_border_crisis_in_play(workdir), poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        types = await _move_types(pilot)
        # "Hazardous-incident cooperation" comes first in the list; the word names a report
        await pilot.press(*"incident")
        assert types.value == "incident-report"
        await pilot.press("escape")
