"""A whole exercise of a bundled scenario, plan to adjust, through the terminal app alone.

Every action goes through its form (typed text, key presses, clicks) or a key; the test
then reopens the session file with the engine and checks what was recorded.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, OptionList, Select, Static

from test_ui_support import (
    choose, click, filter_timeline, new_session, pick, save_form, settle, type_into,
)
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.forms import (
    AckForm, AdjudicateForm, ChannelForm, HotwashForm, ImproveForm, LessonForm, MoveForm,
    NoteForm, PerceiveForm, RateForm, ReleaseInjectForm, RetractForm, SendMessageForm,
)
from wargame.ui.widgets.ladder import LadderView
from wargame.ui.widgets.hotline import HotlinePanel
from wargame.ui.widgets.timeline import EventLog



def status_text(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def open_form(pilot, key: str, form_class):
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, form_class), f"{key} opened {pilot.app.screen!r}"
    return pilot.app.screen


async def enter_move(pilot, by: str, move_type: str, text: str, target: str | None = None,
                     intent: str | None = None) -> None:
    await open_form(pilot, "m", MoveForm)
    await choose(pilot, "#by", f"({by})")
    await pick(pilot, "#type", move_type)
    if target:
        await choose(pilot, "#target", f"({target})")
    await type_into(pilot, "#text", text)
    if intent:
        await choose(pilot, "#intent", intent)
    await save_form(pilot)
    assert not isinstance(pilot.app.screen, MoveForm), pilot.app.screen.refusal


async def test_whole_exercise_through_the_ui(workdir: Path) -> None:
    session = new_session(workdir)
    path = session.path
    app = create_app(session, created=True, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        # -- plan ------------------------------------------------------------------------
        assert screen.query_one("#views").active == "plan"
        assert "Halden" in screen.query_one("#briefing", Markdown).source
        assert "Red lines" in screen.query_one("#delegations", Markdown).source
        assert screen.query_one("#plan-msel").row_count == len(session.scenario.injects)
        assert "No earlier session" in str(screen.query_one("#plan-prior", Static).render())
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("y")  # confirms what the dialog lists as open
        await settle(pilot)
        assert screen.query_one("#views").active == "console"
        assert "EXERCISE" in status_text(app) and "Turn 1 of 6" in status_text(app)

        # -- moves: approve, amend, reject-then-retract -----------------------------------
        await enter_move(pilot, "azure", "naval-patrol", "Patrol near the buoy", target="crimson")
        await open_form(pilot, "a", AdjudicateForm)  # the highlighted pending move is preselected
        assert app.screen.query_one("#move", Select).value == "m1"
        await type_into(pilot, "#note", "Within the arrangement")
        await save_form(pilot)

        await enter_move(pilot, "crimson", "diplomatic-protest", "Protest the patrol", target="azure")
        await open_form(pilot, "a", AdjudicateForm)
        await click(pilot, "#decision-amend")
        await choose(pilot, "#category", "status-quo")
        await type_into(pilot, "#step", "0")
        await type_into(pilot, "#note", "A routine protest")
        await save_form(pilot)

        await enter_move(pilot, "azure", "public-rhetoric", "Minister vows to defend the nets")
        await open_form(pilot, "a", AdjudicateForm)
        await click(pilot, "#decision-reject")
        await type_into(pilot, "#note", "Not this turn")
        await save_form(pilot)

        # -- perception -----------------------------------------------------------------
        await open_form(pilot, "r", PerceiveForm)
        await choose(pilot, "#by", "(crimson)")
        await choose(pilot, "#move", "m1 ")
        await choose(pilot, "#as", "non-violent-escalation")
        await type_into(pilot, "#note", "Read as a show of force")
        await save_form(pilot)

        # -- hotline: send, acknowledge, channel down, relayed message --------------------
        await open_form(pilot, "h", SendMessageForm)
        await choose(pilot, "#from", "(azure)")
        await choose(pilot, "#to", "(crimson)")
        await type_into(pilot, "#text", "Our patrol is routine")
        await save_form(pilot)
        await open_form(pilot, "k", AckForm)
        await choose(pilot, "#message", "h1 ")
        assert app.screen.query_one("#by", Select).value == "crimson"  # the recipient, chosen for us
        await type_into(pilot, "#text", "Noted")
        await save_form(pilot)
        await open_form(pilot, "c", ChannelForm)
        await choose(pilot, "#between", "azure — crimson")
        await click(pilot, "#status-down")
        await save_form(pilot)
        assert "╳ down" in screen.query_one(HotlinePanel).shown_text()
        await open_form(pilot, "h", SendMessageForm)
        await choose(pilot, "#from", "(crimson)")
        await choose(pilot, "#to", "(azure)")
        await type_into(pilot, "#text", "Cable is down, talk via Verdant")
        await save_form(pilot)
        assert "crimson → verdant → azure" in screen.query_one(HotlinePanel).shown_text()

        # -- inject by hand, note, retraction -----------------------------------------------
        await open_form(pilot, "i", ReleaseInjectForm)
        await choose(pilot, "#id", "fisheries-offer")
        await save_form(pilot)
        await open_form(pilot, "o", NoteForm)
        await type_into(pilot, "#text", "Crimson hesitated")
        await save_form(pilot)
        await open_form(pilot, "x", RetractForm)
        await type_into(pilot, "#event", "m3")
        assert "public-rhetoric" in str(app.screen.query_one("#event-info", Static).render())
        await type_into(pilot, "#reason", "Entered twice")
        await save_form(pilot)

        # -- the console follows: timeline filter, ladder pair selection -------------------
        log = screen.query_one(EventLog)
        everything = log.shown_count
        await filter_timeline(pilot, "#timeline-who", "verdant")
        assert 0 < log.shown_count < everything
        await filter_timeline(pilot, "#timeline-kind", "hotline")
        assert log.shown_count == 1  # the relayed message is the only one involving verdant
        screen.query_one("#ladder-view", LadderView).focus()
        await pilot.pause()
        await pilot.press("right")
        await settle(pilot)
        assert "[AV]" in str(screen.query_one("#ladder-offramp", Static).render())

        await pilot.press("n")
        await settle(pilot)
        await pilot.press("y")  # confirms what the dialog lists as open
        await settle(pilot)
        assert "Turn 2 of 6" in status_text(app)

        # -- assess ------------------------------------------------------------------------
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("y")  # confirms what the dialog lists as open
        await settle(pilot)
        assert screen.query_one("#views").active == "assess"
        await open_form(pilot, "s", RateForm)
        await choose(pilot, "#objective", "fast-hotline")
        assert "Automatic measure" in str(app.screen.query_one("#measure-info", Static).render())
        await click(pilot, "#rating-S")
        await type_into(pilot, "#note", "One relay was slow")
        await save_form(pilot)
        objectives = screen.query_one("#assess-objectives", OptionList)
        objectives.focus()
        await pilot.press("home")
        for _ in range(objectives.option_count):
            if objectives.highlighted_option.id == "no-shots":
                break
            await pilot.press("down")
        await pilot.press("enter")  # Enter on an objective opens its rating form
        await settle(pilot)
        assert isinstance(app.screen, RateForm)
        assert app.screen.query_one("#objective", Select).value == "no-shots"
        await click(pilot, "#rating-P")
        await save_form(pilot)
        await open_form(pilot, "w", HotwashForm)
        await choose(pilot, "#question", "1. ")
        await type_into(pilot, "#answer", "The patrol; a notice would have helped")
        await choose(pilot, "#by", "(crimson)")
        await save_form(pilot)
        await open_form(pilot, "l", LessonForm)
        await type_into(pilot, "#text", "Hotline used within minutes")
        await choose(pilot, "#objective", "fast-hotline")
        await save_form(pilot)
        await open_form(pilot, "l", LessonForm)
        await click(pilot, "#kind-improvement")
        await type_into(pilot, "#text", "Relay procedure unclear")
        await save_form(pilot)

        # -- adjust ------------------------------------------------------------------------
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("y")  # confirms what the dialog lists as open
        await settle(pilot)
        assert screen.query_one("#views").active == "adjust"
        await open_form(pilot, "v", ImproveForm)
        await type_into(pilot, "#issue", "Slow relay")
        await type_into(pilot, "#action", "Drill relays monthly")
        await choose(pilot, "#capability", "training")
        await type_into(pilot, "#owner", "Verdant")
        await type_into(pilot, "#contact", "JRCC duty officer")
        await type_into(pilot, "#start", "2027-01-10")
        await type_into(pilot, "#due", "2027-03-01")
        await choose(pilot, "#objective", "mediated-relay")
        await save_form(pilot)
        assert "Slow relay" in str(screen.query_one("#adjust-plan", OptionList).get_option_at_index(0).prompt)
        await pilot.press("d")  # asks for format and edition; ctrl+s takes HTML, full
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.with_suffix(".html").exists()
        await pilot.press("p")  # adjust -> end
        await settle(pilot)
        await pilot.press("y")  # confirms what the dialog lists as open
        await settle(pilot)
        assert "ENDED" in status_text(app)

    # -- what the engine recorded ------------------------------------------------------------
    with Session.open(path) as done:
        state = done.state
        assert state.phase == "ended"
        m1, m2, m3 = (state.moves[m] for m in ("m1", "m2", "m3"))
        assert (m1.by, m1.type, m1.target, m1.status) == ("azure", "naval-patrol", "crimson", "approved")
        assert m1.decision_note == "Within the arrangement"
        assert (m2.status, m2.category, m2.step, m2.amended) == ("approved", "status-quo", 0, True)
        assert m3.status == "retracted"
        azure_crimson = state.dyads[("azure", "crimson")]
        # The collision inject shifts the pair one rung, the approved patrol one more; the
        # amended protest (step 0) and the retracted rhetoric leave it where it is.
        assert [c.cause for c in azure_crimson.history] == ["inject:collision", "move:m1"]
        assert (azure_crimson.rung, azure_crimson.peak_rung) == ("posturing", "posturing")
        perception = state.perceptions[0]
        assert (perception.by, perception.move, perception.as_category) == ("crimson", "m1", "non-violent-escalation")
        h1, h2 = state.messages["h1"], state.messages["h2"]
        assert (h1.sender, h1.recipient, h1.ack_text) == ("azure", "crimson", "Noted")
        assert h2.route == ("crimson", "verdant", "azure") and not h2.acknowledged
        assert state.channels[frozenset({"azure", "crimson"})] == "down"
        assert state.injects["fisheries-offer"].how == "manual"
        assert [(n.by, n.text, n.visibility) for n in state.notes] == [("facilitator", "Crimson hesitated", "private")]
        assert state.turn == 2
        assert {k: (r.rating, r.note) for k, r in state.ratings.items()} == {
            "fast-hotline": ("S", "One relay was slow"), "no-shots": ("P", "")}
        assert state.hotwash[0].question == 0 and state.hotwash[0].by == "crimson"
        assert [(l.kind, l.text, l.objective) for l in state.lessons] == [
            ("strength", "Hotline used within minutes", "fast-hotline"),
            ("improvement", "Relay procedure unclear", None)]
        item = state.improvements[0]
        assert (item.issue, item.action, item.capability, item.owner, item.contact, item.start,
                item.due, item.objective) == ("Slow relay", "Drill relays monthly", "training", "Verdant",
                                              "JRCC duty officer", "2027-01-10", "2027-03-01", "mediated-relay")
