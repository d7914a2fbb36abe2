"""The home screen (bare ``wargame``): scenarios to start, sessions to resume.

Scenarios and sessions are read in thread workers; a scenario file that fails to load is
listed with its first error rather than stopping the app. The engine and the loader are
imported in those workers too, so the home screen's first frame waits for neither.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from wargame.errors import FileInvalid, WargameError
from wargame.paths import new_session_path, search_dirs, sessions_dir
from wargame.ui.text import plain, plain_text

if TYPE_CHECKING:
    from wargame.ui.history import SessionSummary


def scenario_files() -> list[Path]:
    """Scenario files by id, the most local folder winning (as ``wargame play ID`` resolves)."""
    found: dict[str, Path] = {}
    for folder in search_dirs("scenarios"):
        if folder.is_dir():
            for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
                found.setdefault(path.stem, path)
    return [found[name] for name in sorted(found)]


def first_problem(error: WargameError) -> str:
    if isinstance(error, FileInvalid) and error.problems:
        extra = len(error.problems) - 1
        return str(error.problems[0]) + (f" (+{extra} more)" if extra else "")
    return str(error).splitlines()[0]


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_session", "New session", id="home.new"),
        Binding("r", "resume", "Resume", id="home.resume"),
        Binding("f5", "reload", "Reload", id="home.reload"),
        Binding("f1,question_mark", "help", "Help", show=False, id="home.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._scenarios: dict[str, Path] = {}  # row key -> scenario file (loadable ones)
        self._sessions: dict[str, Path] = {}

    def compose(self) -> ComposeResult:
        yield Static(" wargame · crisis exercises from plan to debrief", id="home-title")
        with Vertical(id="home-body"):
            yield Static("Scenarios (Enter or n starts a new session)", classes="section-title")
            yield DataTable(id="home-scenarios", cursor_type="row", zebra_stripes=True)
            yield Static("Sessions to resume (Enter or r resumes)", classes="section-title")
            yield DataTable(id="home-sessions", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button("New session (n)", variant="primary", id="home-new", action="screen.new_session")
                yield Button("Resume (r)", id="home-resume", action="screen.resume")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#home-scenarios", DataTable).add_columns(
            "Scenario", "Title", "Delegations", "Turns", "Rulebook")
        self.query_one("#home-sessions", DataTable).add_columns(
            "Session file", "Scenario", "Phase", "Turn", "Last activity")
        self.action_reload()

    def action_reload(self) -> None:
        for table_id in ("#home-scenarios", "#home-sessions"):
            self.query_one(table_id, DataTable).clear()
        self._scenarios.clear()
        self._sessions.clear()
        self._load_scenarios()
        self._load_sessions()

    def action_help(self) -> None:
        self.notify("n: new session of the highlighted scenario · r: resume the highlighted session · "
                    "F5: reload · ctrl+p: commands · ctrl+q: quit", title="Home", timeout=10)

    @work(thread=True, group="home-scenarios", exclusive=True)
    def _load_scenarios(self) -> None:
        from wargame.loader import load_scenario

        for path in scenario_files():
            try:
                scenario = load_scenario(path)
            except WargameError as error:
                self.app.call_from_thread(self._add_scenario_row, path, None, first_problem(error))
                continue
            self.app.call_from_thread(self._add_scenario_row, path, scenario, "")

    def _add_scenario_row(self, path: Path, scenario, problem: str) -> None:
        table = self.query_one("#home-scenarios", DataTable)
        key = str(path)
        if scenario is None:
            table.add_row(plain_text(path.stem), plain(f"⚠ {problem}", "$text-error"), "", "", "", key=key)
            return
        self._scenarios[key] = path
        delegations = ", ".join(d.id for d in scenario.delegations)
        table.add_row(plain_text(scenario.id), plain_text(scenario.title), plain_text(delegations),
                      str(scenario.clock.turns), plain_text(scenario.rulebook.id), key=key)

    @work(thread=True, group="home-sessions", exclusive=True)
    def _load_sessions(self) -> None:
        from wargame.ui.history import summaries

        any_found = False
        for summary in summaries():
            any_found = True
            self.app.call_from_thread(self._add_session_row, summary)
        if not any_found:
            self.app.call_from_thread(self.notify, f"No sessions yet in {sessions_dir()}", timeout=4,
                                      markup=False)

    def _add_session_row(self, summary: SessionSummary) -> None:
        table = self.query_one("#home-sessions", DataTable)
        key = str(summary.path)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(summary.last_activity))
        if summary.error:
            table.add_row(plain_text(summary.path.name), plain(f"⚠ {summary.error}", "$text-error"),
                          "", "", when, key=key)
            return
        self._sessions[key] = summary.path
        table.add_row(plain_text(summary.path.name), plain_text(summary.scenario_id), plain_text(summary.phase),
                      str(summary.turn) if summary.turn else "—", when, key=key)

    def _highlighted(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def action_new_session(self) -> None:
        key = self._highlighted("#home-scenarios")
        if key is None or key not in self._scenarios:
            self.notify("Choose a scenario that loads (the ⚠ ones need fixing first).", severity="warning")
            return
        self._open(self._scenarios[key], None)

    def action_resume(self) -> None:
        key = self._highlighted("#home-sessions")
        if key is None or key not in self._sessions:
            self.notify("Choose a session that opens.", severity="warning")
            return
        self._open(None, self._sessions[key])

    @on(DataTable.RowSelected, "#home-scenarios")
    def _scenario_chosen(self) -> None:
        self.action_new_session()

    @on(DataTable.RowSelected, "#home-sessions")
    def _session_chosen(self) -> None:
        self.action_resume()

    @work(thread=True, group="home-open", exclusive=True)
    def _open(self, scenario_path: Path | None, session_path: Path | None) -> None:
        from wargame.engine import Session
        from wargame.loader import load_scenario

        try:
            if session_path is not None:
                session, created = Session.open(session_path), False
            else:
                assert scenario_path is not None
                scenario_id = load_scenario(scenario_path).id
                session, created = Session.create(new_session_path(scenario_id), scenario_path), True
        except WargameError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=10, markup=False)
            return
        self.app.call_from_thread(self.app.open_session, session, created)
