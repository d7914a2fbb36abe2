"""The command palette offers every facilitator action under its exact title, and runs it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette

from test_ui_support import new_session, settle, views_built
from wargame.ui.app import create_app
from wargame.ui.forms import (
    AckForm, AdHocForm, AdjudicateForm, HoldForm, HotwashForm, ImproveForm, LessonForm,
    MoveForm, NoteForm, PerceiveForm, RateForm, ReleaseInjectForm, RetimeForm, RetractForm,
    SendMessageForm, SummaryForm, UpdateForm,
)
from wargame.ui.screens.confirm import Confirm
from wargame.ui.screens.help import HelpScreen

REQUIRED_TITLES = [
    "Advance phase", "Next turn", "Enter move", "Adjudicate move", "Record perception",
    "Send hotline message", "Acknowledge hotline message", "Release inject", "Add note",
    "Retract event", "Rate objective", "Add lesson", "Add improvement item", "Render debrief",
    "Hold inject", "Re-time inject", "Compose ad hoc inject", "Send situation update",
    "Pause timebox", "Resume timebox", "Write facilitator's summary",
]

FORM_OF_TITLE = {
    "Enter move": MoveForm, "Adjudicate move": AdjudicateForm, "Record perception": PerceiveForm,
    "Send hotline message": SendMessageForm, "Acknowledge hotline message": AckForm,
    "Release inject": ReleaseInjectForm, "Add note": NoteForm, "Retract event": RetractForm,
    "Rate objective": RateForm, "Add lesson": LessonForm, "Add improvement item": ImproveForm,
    "Answer hot-wash question": HotwashForm,
    "Hold inject": HoldForm, "Re-time inject": RetimeForm, "Compose ad hoc inject": AdHocForm,
    "Send situation update": UpdateForm, "Write facilitator's summary": SummaryForm,
}



async def run_command(pilot, title: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*title)
    await settle(pilot)
    commands = pilot.app.screen.query_one(CommandList)
    assert commands.option_count > 0, f"no command matches {title!r}"
    top = commands.get_option_at_index(0)
    assert str(getattr(top.prompt, "plain", top.prompt)).startswith(title)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_lists_every_action_by_its_exact_title(workdir: Path) -> None:
    app = create_app(new_session(workdir), poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        commands = app.screen.query_one(CommandList)
        shown = {str(getattr(commands.get_option_at_index(i).prompt, "plain", ""))
                 for i in range(commands.option_count)}
        shown_titles = {line.splitlines()[0] for line in shown if line}
        assert set(REQUIRED_TITLES) <= shown_titles, set(REQUIRED_TITLES) - shown_titles


async def test_every_palette_command_runs_its_action(workdir: Path) -> None:
    session = new_session(workdir)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await run_command(pilot, "Next turn")  # refused in the plan phase: says why
        assert any("plan" in n.message for n in app._notifications), [n.message for n in app._notifications]
        await run_command(pilot, "Advance phase")
        assert isinstance(app.screen, Confirm)  # says what is open, asks first
        await pilot.press("y")
        await settle(pilot)
        assert session.state.phase == "exercise"
        await run_command(pilot, "Next turn")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert session.state.turn == 2
        assert any(n.message.startswith("Turn 2 of 6 begins") for n in app._notifications)
        await run_command(pilot, "Pause timebox")
        assert session.state.paused_ts is not None
        await run_command(pilot, "Resume timebox")
        assert session.state.paused_ts is None
        for title, form in FORM_OF_TITLE.items():
            await run_command(pilot, title)
            assert isinstance(app.screen, form), f"{title} opened {app.screen!r}"
            await pilot.press("escape")
            await settle(pilot)
        await run_command(pilot, "Render debrief")
        from wargame.ui.forms.debrief_options import DebriefOptions

        assert isinstance(app.screen, DebriefOptions)  # format and edition are offered first
        await pilot.press("ctrl+s")  # the defaults: HTML, full
        await settle(pilot)
        assert session.path.with_suffix(".html").exists()
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        listed = str(app.screen.query_one("#help-text").render())
        for title in REQUIRED_TITLES:
            assert f"{title} — " in listed


async def test_access_codes_are_shown_only_when_asked(workdir: Path) -> None:
    from wargame.engine.access import access_codes

    session = new_session(workdir)
    codes = access_codes(session)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = lambda: " ".join(str(n.message) for n in app._notifications)  # noqa: E731
        assert not any(code in shown() for code in codes.values())
        await run_command(pilot, "Show access codes")
        assert all(code in shown() for code in codes.values())


async def test_live_console_shows_who_is_connected(workdir: Path) -> None:
    from wargame.ui.widgets.presence import PresencePanel

    app = create_app(new_session(workdir), poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.screen.query_one(PresencePanel)
        await views_built(pilot)
        for _ in range(100):  # the first heartbeat runs on the panel's thread at once
            if panel.entries:
                break
            await pilot.pause(0.05)
        control = [e for e in panel.entries if e.viewer == "control"]
        assert control and control[0].connected


async def test_the_debrief_can_be_rendered_as_public_markdown(workdir: Path) -> None:
    from wargame.ui.forms.debrief_options import DebriefOptions

    session = new_session(workdir)
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await run_command(pilot, "Render debrief")
        assert isinstance(app.screen, DebriefOptions)
        await pilot.click("#format-md")
        await pilot.click("#edition-public")
        await pilot.click("#form-submit")
        await settle(pilot)
        written = session.path.with_name(f"{session.path.stem}-public.md")
        assert written.exists()
        text = written.read_text(encoding="utf-8")
        assert text.startswith("# After-Action Report") and "PUBLIC — declassified summary" in text
        assert not session.path.with_suffix(".html").exists()
