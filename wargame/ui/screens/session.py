"""The session screen: one exercise from plan to adjust.

Four views (plan, console, assess, adjust) follow the phase; every action goes through
``act``, which runs the engine in a thread worker and reports back with messages, so the
event loop never waits on SQLite or a fold; one poll thread picks up events that other
processes append to the same session file (wargame.ui.live). Everything drawn comes from
``snapshot``, the latest copy of the state the engine handed out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, TabbedContent, TabPane

from wargame.ui.commands import SessionCommands, screen_bindings
from wargame.ui.describe import describe_event, reference_of
from wargame.ui.forms import AdjudicateForm, HotwashForm, RateForm
from wargame.ui.live import POLL_INTERVAL, LiveScreen, LiveSession, Snapshot
from wargame.ui.messages import ActionDone
from wargame.ui.panels import PANELS
from wargame.ui.screens.session_actions import SessionActions
from wargame.ui.styles import VIEWS_CSS, load_stylesheet
from wargame.ui.widgets.presence import PresencePanel
from wargame.ui.widgets.status import StatusBar
from wargame.ui.text import assemble, plain

# The views and what they draw with are imported after the first frame (view_class).
VIEWS = {"plan": "Plan", "console": "Console", "assess": "Assess", "adjust": "Adjust"}
VIEW_OF_PHASE = {"plan": "plan", "exercise": "console", "assess": "assess", "adjust": "adjust",
                 "ended": "adjust"}


def view_class(name: str) -> type:
    """The widget class of a view, imported when the view is first built."""
    if name == "plan":
        from wargame.ui.widgets.plan import PlanView
        return PlanView
    if name == "console":
        from wargame.ui.widgets.console import ConsoleView
        return ConsoleView
    from wargame.ui.widgets.evaluation import AdjustView, AssessView
    return AssessView if name == "assess" else AdjustView


class SessionScreen(SessionActions, LiveScreen):
    COMMANDS = {SessionCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        *screen_bindings(),
        Binding("f2", "view('plan')", "Plan", show=False, id="view.plan"),
        Binding("f3", "view('console')", "Console", show=False, id="view.console"),
        Binding("f4", "view('assess')", "Assess", show=False, id="view.assess"),
        Binding("f5", "view('adjust')", "Adjust", show=False, id="view.adjust"),
        *(Binding(str(i + 1), f"panel('{key}')", title, show=False, id=f"panel.{key}")
          for i, (key, title) in enumerate(PANELS)),
    ]

    def __init__(self, live: LiveSession, *, poll_interval: float | None = POLL_INTERVAL) -> None:
        super().__init__(live, poll_interval=poll_interval)
        self._phase = self.state.phase
        self._dirty: set[str] = set()  # views to redraw the next time they are shown
        # The kinds of events since the console was last drawn (None: redraw it all).
        self._console_changes: frozenset[str] | None = None
        self.views_built = False  # the views come right after the first frame

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The first frame carries the status line and the keys only; the views (a few hundred
        # widgets' worth of work) are mounted right after it, so the console shows at once.
        yield StatusBar(id="status")
        if self.poll_interval:  # who else has the session open only matters when we watch it live
            yield PresencePanel(self.live, "control", compact=True, id="presence")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.render_state()  # the status line only, until the views are built
        self.set_interval(1.0, self._tick)
        self.start_polling()
        self.call_after_refresh(self._build_views)

    async def _build_views(self) -> None:
        if not self.is_attached:  # the app is closing already
            return
        load_stylesheet(self.app, VIEWS_CSS)
        first = VIEW_OF_PHASE[self._phase]
        tabbed = TabbedContent(initial=first, id="views")
        for name, title in VIEWS.items():
            # Only the shown view is built; the others the first time they are shown.
            shown = [view_class(name)(id=f"{name}-view")] if name == first else []
            tabbed.compose_add_child(TabPane(title, *shown, id=name))
        with self.app.exit_held():
            await self.mount(tabbed, before=self.query_one(Footer))
            self.views_built = True
            self._dirty = set(VIEWS)
            self.render_state()
        if self.view("plan") is not None:
            self._find_prior_improvements()
        self.call_after_refresh(self._focus_view, first)

    def view(self, name: str) -> Any | None:
        """A view (plan, console, assess, adjust), or None until it has first been shown."""
        found = self.query(f"#{name}-view")
        return found.first() if found else None

    async def _ensure_view(self, name: str) -> Any:
        """The view, built and drawn the first time it is needed."""
        view = self.view(name)
        if view is None:
            view = view_class(name)(id=f"{name}-view")
            with self.app.exit_held():
                await self.query_one(f"TabPane#{name}").mount(view)
            self._dirty.add(name)
            if name == "plan":
                self._find_prior_improvements()  # only the plan shows them: look when it opens
            self.render_state()
            self._focus_view(name)
        return view

    def render_state(self) -> None:
        """Redraw the status line and the visible view; other views when they are shown."""
        state, now = self.state, self.live.clock()
        self.query_one(StatusBar).show_state(state, now)
        if not self.views_built:
            return
        active = self.query_one("#views", TabbedContent).active
        view = self.view(active)
        if view is not None and view.is_mounted and active in self._dirty:
            if active == "console":
                view.show_state(state, now, self._console_changes)
                self._console_changes = frozenset()
            else:
                view.show_state(state, now)
            self._dirty.discard(active)

    def _tick(self) -> None:
        """Once a second: the status line's timebox and the console's message ages."""
        state, now = self.state, self.live.clock()
        self.query_one(StatusBar).show_state(state, now)
        if not self.views_built:
            return
        console = self.view("console")
        if console is not None and self.query_one("#views", TabbedContent).active == "console":
            console.tick(state, now)

    @on(TabbedContent.TabActivated, "#views")
    async def _view_shown(self, event: TabbedContent.TabActivated) -> None:
        name = event.pane.id or ""
        if self.view(name) is None:
            await self._ensure_view(name)
        else:
            self.render_state()

    def action_view(self, view: str) -> None:
        self.show_view(view)

    async def action_panel(self, key: str) -> None:
        """Keys 1-5: a console panel (the only one shown below 120 columns)."""
        if not self.views_built:
            return
        self.show_view("console")
        console = await self._ensure_view("console")
        console.action_show_panel(key)

    def show_view(self, view: str) -> None:
        """Switch views, taking the focus along.

        Focus is dropped first: a focused widget left in a hidden pane would hand the focus
        to a sibling there, and TabbedContent follows the focus back to the old pane.
        """
        if not self.views_built:  # still being built: they open on the current phase's view
            return
        tabbed = self.query_one("#views", TabbedContent)
        if tabbed.active == view:
            return
        self.set_focus(None)
        tabbed.active = view
        self.call_after_refresh(self._focus_view, view)

    def _focus_view(self, view: str) -> None:
        target = {"plan": "#plan-view", "console": "#ladder-view", "assess": "#assess-objectives",
                  "adjust": "#adjust-plan"}[view]
        found = self.query(target)
        if found:
            found.first().focus()

    def action_help(self) -> None:
        from wargame.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- the live session (wargame.ui.live) -------------------------------------------------

    def show_snapshot(self, before: Snapshot, after: Snapshot) -> None:
        self._dirty = {"plan", "console", "assess", "adjust"}
        if self._console_changes is not None and not after.refolded:
            self._console_changes |= after.kinds
        else:
            self._console_changes = None
        phase = after.state.phase
        if phase != self._phase:
            self._phase = phase
            self.show_view(VIEW_OF_PHASE[phase])
        self.render_state()

    def on_action_done(self, done: ActionDone) -> None:
        """Answers to the actions the screen performs itself (next turn, advance phase)."""
        if not done.ok:
            self.notify(done.refusal or "refused", title=f"{done.kind} refused", severity="error",
                        timeout=8, markup=False)
            return
        state = self.state
        what = describe_event(done.event, state) if done.event else done.kind
        if done.kind == "next-turn" and done.event is not None:
            released = [r.id for r in state.injects.values() if r.seq == done.event.seq]
            what = f"Turn {state.turn} of {state.scenario.clock.turns} begins"
            if released:
                what += f"; released: {', '.join(released)}"
        self.notify(what, title="Done")

    # Handlers by name: the widgets' classes are imported only after the first frame.
    def on_option_list_option_selected(self, event: Any) -> None:
        """Enter on a pending move (PendingMoves) opens the adjudication form."""
        if event.option_list.id == "panel-moves":
            self.open_form(AdjudicateForm, move=event.option.id)

    def on_event_log_chosen(self, chosen: Any) -> None:
        """Enter on an event of the timeline (EventLog.Chosen): its details."""
        from wargame.ui.screens.event_details import EventDetails

        reference = reference_of(self.state, chosen.event)
        self.app.push_screen(EventDetails(chosen.event, self.state, reference), self._details_closed)

    def on_row_chosen(self, chosen: Any) -> None:
        """A row of the assess view chosen (evaluation.RowChosen): its form."""
        forms = {"rate_objective": RateForm, "answer_hotwash": HotwashForm}
        self.open_form(forms[chosen.action], **chosen.initial)

    # -- background work -------------------------------------------------------------------

    @work(thread=True, group="history", description="find the last session of this scenario")
    def _find_prior_improvements(self) -> None:
        from wargame.ui.history import last_session_of

        skipped: list[str] = []
        source, items = last_session_of(self.state.scenario.id, exclude=self.live.path,
                                        on_skip=lambda path, why: skipped.append(why))
        self.app.call_from_thread(self._prior_found, source, items)
        for why in skipped:
            self.app.call_from_thread(self.notify, f"Skipped a damaged session: {why}",
                                      severity="warning", timeout=10, markup=False)

    def _prior_found(self, source: Path | None, items: list) -> None:
        plan = self.query("PlanView")
        if plan:  # gone when the app closed meanwhile
            plan.first().show_prior(source, items)

    @work(thread=True, group="debrief", description="render the debrief")
    def _debrief_worker(self, format: str = "html", edition: str = "full") -> None:
        from wargame.ui.debrief_file import DebriefUnavailable, write_debrief

        try:
            path = write_debrief(self.live, format, edition)
        except DebriefUnavailable as problem:
            self.app.call_from_thread(self._debrief_done, None, str(problem))
            return
        self.app.call_from_thread(self._debrief_done, path, None)

    def _debrief_done(self, path: Path | None, problem: str | None) -> None:
        adjust = self.view("adjust")
        if path is None:
            self.notify(f"Debrief not rendered: {problem}", severity="error", timeout=10, markup=False)
            if adjust is not None:
                adjust.show_debrief(plain(f"⚠ Debrief not rendered: {problem}", "$text-error"))
            return
        self.notify(f"Debrief written to {path}", title="Debrief", timeout=10, markup=False)
        if adjust is not None:
            adjust.show_debrief(assemble(("Debrief: ", "bold"), str(path)))
