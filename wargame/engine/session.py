"""A running exercise: the session file, the scenario it was created from, the current state.

Every screen, the headless script runner and the debrief go through this class. Each
``act`` is checked against the latest state (including what other processes appended),
committed, and only then folded in and returned; a refusal writes nothing.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from wargame import __version__
from wargame.errors import ActionRefused, FileInvalid, SessionError
from wargame.engine.collector import collector_paused
from wargame.engine.fold import apply, check, effect, fold, refold
from wargame.engine.presence import PresenceBoard, PresenceRow
from wargame.engine.state import Event, ExerciseState
from wargame.engine.store import Store, Writer
from wargame.engine.timing import elapsed, parse_clock
from wargame.engine.action_keys import Action
from wargame.engine.vocabulary import parse
from wargame.model import Scenario
from wargame.paths import resolve_scenario


def scenario_from_meta(path: Path, meta: dict[str, str]) -> Scenario:
    """Rebuild the scenario from the text stored in the session (not from today's files)."""
    from wargame.loader import load_rulebook_text, load_scenario_text

    try:
        rulebook = load_rulebook_text(meta["rulebook_yaml"], meta["rulebook_file"])
        return load_scenario_text(meta["scenario_yaml"], meta["scenario_file"], rulebook)
    except KeyError as missing:
        raise SessionError(f"{path} lacks its stored {missing.args[0]}") from None
    except FileInvalid as invalid:
        raise SessionError(f"the scenario stored in {path} no longer loads:\n{invalid}") from None


class Session:
    def __init__(self, store: Store, scenario: Scenario):
        self._store = store
        self.path: Path = store.path
        self.scenario: Scenario = scenario
        with collector_paused():  # reading the log allocates as much as folding it
            self.state: ExerciseState = fold(scenario, store.read_after(0))
        self._presence: PresenceBoard | None = None

    @classmethod
    def create(cls, path: str | Path, scenario_path: str | Path) -> "Session":
        """A new session file holding the scenario's and its rulebook's text.

        ``scenario_path`` is a scenario file or a scenario id (looked up as wargame.paths says).
        """
        from wargame.loader import load_scenario

        scenario_path = resolve_scenario(str(scenario_path))
        loaded = load_scenario(scenario_path)
        rulebook_path = Path(loaded.rulebook.source)
        meta = {
            "scenario_id": loaded.id, "scenario_title": loaded.title,
            "scenario_file": str(scenario_path),
            "scenario_yaml": scenario_path.read_text(encoding="utf-8"),
            "rulebook_id": loaded.rulebook.id, "rulebook_file": str(rulebook_path),
            "rulebook_yaml": rulebook_path.read_text(encoding="utf-8"),
            "wargame_version": __version__,
        }
        store = Store.create(path, meta)
        try:
            return cls(store, scenario_from_meta(store.path, meta))
        except BaseException:
            store.close()
            raise

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Session":
        """An existing session; ``read_only`` (export, debrief, looking back) never writes."""
        store = Store.open(path, read_only=read_only)
        try:
            return cls(store, scenario_from_meta(store.path, store.meta))
        except BaseException:
            store.close()
            raise

    @classmethod
    def open_or_create(cls, path: str | Path, scenario_path: str | Path) -> "Session":
        if Path(path).exists():
            return cls.open(path)
        try:
            return cls.create(path, scenario_path)
        except SessionError:
            if Path(path).exists():  # another process created it first
                return cls.open(path)
            raise

    @property
    def meta(self) -> dict[str, str]:
        return dict(self._store.meta)

    def latest_seq(self) -> int:
        return self._store.latest_seq()

    def refresh(self) -> list[Event]:
        """Fold in what other processes appended; cheap when nothing was."""
        if self._store.latest_seq() <= self.state.last_seq:
            return []
        events = self._store.read_after(self.state.last_seq)
        self._catch_up(events)
        return events

    def _catch_up(self, events: list[Event]) -> None:
        if any(event.kind == "retract" for event in events):
            self.state = refold(self.state, [*self.state.events, *events])
            return
        for event in events:
            self.state = apply(self.state, event)

    def act(self, action: Action | str, payload: dict[str, Any] | None = None, *,
            actor: str = "facilitator", at: float | None = None) -> Event:
        """Check the action against the latest state, commit it, fold it in, return it.

        ``action`` is a typed action (wargame.engine.vocabulary), or an action's name with
        its payload as a script writes it (read through the same classes).
        """
        with self.batch() as batch:
            return batch.act(action, payload, actor=actor, at=at)

    @contextmanager
    def batch(self) -> Iterator["Batch"]:
        """Several actions in one transaction: all are committed, or (on any error) none."""
        batch: Batch | None = None
        before = 0
        try:
            with self._store.writing() as writer:
                self._catch_up(writer.read_after(self.state.last_seq))
                before = len(self.state.events)
                batch = Batch(self, writer)
                yield batch
        except BaseException:
            if batch is not None and batch.events:
                self.state = refold(self.state, self.state.events[:before])
            raise

    # -- who has the session open (wargame.engine.presence) --------------------------------

    def heartbeat(self, viewer: str, client: str) -> bool:
        """Say that the screen ``client`` (showing ``viewer``) is open; cheap, never blocks long."""
        return self._presence_board().beat(viewer, client)

    def leave(self, client: str) -> None:
        """The screen ``client`` closes: it is no longer shown as connected."""
        self._presence_board().leave(client)

    def presence(self) -> list[PresenceRow]:
        return self._presence_board().rows()

    def _presence_board(self) -> PresenceBoard:
        if self._presence is None:
            self._presence = PresenceBoard(self.path)
        return self._presence

    def setdefault_meta(self, key: str, value: str) -> str:
        """A session setting, stored on first need (the first process to store it wins)."""
        return self._store.setdefault_meta(key, value)

    def close(self) -> None:
        if self._presence is not None:
            self._presence.close()
        self._store.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Batch:
    """Actions committed together by :meth:`Session.batch`."""

    def __init__(self, session: Session, writer: Writer):
        self._session = session
        self._writer = writer
        self.events: list[Event] = []

    def act(self, action: Action | str, payload: dict[str, Any] | None = None, *,
            actor: str = "facilitator", at: float | str | None = None) -> Event:
        session = self._session
        now = time.time()
        when = resolve_at(session.state, payload, at, now)
        if not isinstance(action, Action):
            action = parse(action, payload)
        normalized = check(session.state, action, actor, when)
        recorded = normalized.payload(when)
        seq = self._writer.insert(now, actor, action.KIND, recorded)
        event = Event(seq=seq, ts=now, actor=actor, kind=action.KIND, payload=recorded)
        session.state = effect(session.state, event, normalized)
        self.events.append(event)
        return event


def resolve_at(state: ExerciseState, payload: object, at: float | str | None,
               now: float) -> float:
    """The action's exercise time: as given, else the wall clock since the exercise began."""
    if at is None and isinstance(payload, dict):
        at = payload.get("at")
    if at is None:
        return elapsed(state.exercise_started_ts, now)
    try:
        return parse_clock(at)
    except ValueError as error:
        raise ActionRefused(f"at: {error}") from None
