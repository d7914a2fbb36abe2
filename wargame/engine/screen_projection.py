"""A viewer's screen state, extended event by event rather than rebuilt from scratch.

:func:`wargame.engine.visibility.screen_state` filters and copies the whole state, which
on a long session (a hundred thousand events) costs a good part of a second for every
event a delegation's screen shows. :class:`ScreenProjection` gives exactly the same
result (a property test compares the two after random event sequences) from the same
rules (it calls visibility's ``can_see_*`` and ``seen_*``; no rule is written here), but
keeps what it projected for each record beside a copy of the record it came from: a
record still equal to that copy is not projected again. Comparing is many times cheaper
than copying, and the fold touches few records per event.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import attrs

from wargame.engine.state import ExerciseState, RungChange
from wargame.engine.visibility import (
    CONTROL, Viewer, can_see_inject, can_see_message, can_see_move, can_see_note,
    can_see_perception, screen_scenario, screen_state, seen_message, seen_move, sees_ladder,
    shared_fields,
)

Memo = dict[Any, tuple[Any, Any]]  # key -> (a copy of the source record, what the viewer holds)


def _memo(old: Memo, new: Memo, key: Any, record: Any, project: Callable[[Any], Any]) -> Any:
    hit = old.get(key)
    if hit is None or hit[0] != record:
        hit = (copy.copy(record), project(record))
    new[key] = hit
    return hit[1]


class ScreenProjection:
    """``project(state)`` == ``screen_state(state, viewer)``, for one viewer's successive
    states of one session (each state a later fold of the same log)."""

    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self._moves: Memo = {}
        self._messages: Memo = {}
        self._notes: Memo = {}
        self._perceptions: Memo = {}
        self._dyads: dict[Any, tuple[list[RungChange], tuple[bool, ...], list[RungChange]]] = {}
        self._scenario: tuple[Any, frozenset[str], Any] | None = None

    def reset(self) -> None:
        """Forget everything (after a retraction refolded the state from scratch)."""
        self.__init__(self.viewer)  # type: ignore[misc]

    def project(self, state: ExerciseState) -> ExerciseState:
        viewer = self.viewer
        if viewer == CONTROL:
            return screen_state(state, viewer)
        moves_memo: Memo = {}
        moves = {}
        for key, move in state.moves.items():
            seen = _memo(self._moves, moves_memo, key, move,
                         lambda m: seen_move(m, viewer) if can_see_move(state, viewer, m) else None)
            if seen is not None:
                moves[key] = seen
        self._moves = moves_memo

        messages_memo: Memo = {}
        messages = {}
        for key, message in state.messages.items():
            seen = _memo(self._messages, messages_memo, key, message,
                         lambda m: seen_message(state, viewer, m)
                         if can_see_message(state, viewer, m) else None)
            if seen is not None:
                messages[key] = seen
        self._messages = messages_memo

        notes_memo: Memo = {}
        notes = []
        for index, note in enumerate(state.notes):
            seen = _memo(self._notes, notes_memo, index, note,
                         lambda n: attrs.evolve(n) if can_see_note(state, viewer, n) else None)
            if seen is not None:
                notes.append(seen)
        self._notes = notes_memo

        # A reading's visibility follows its move's, so the move goes into the key.
        perceptions_memo: Memo = {}
        perceptions = []
        for index, perception in enumerate(state.perceptions):
            key = (index, perception.move in moves)
            seen = _memo(self._perceptions, perceptions_memo, key, perception,
                         lambda p: attrs.evolve(p) if can_see_perception(state, viewer, p) else None)
            if seen is not None:
                perceptions.append(seen)
        self._perceptions = perceptions_memo

        injects = {k: attrs.evolve(r) for k, r in state.injects.items()
                   if can_see_inject(state, viewer, state.scenario.inject(k))}
        released = frozenset(injects)
        if self._scenario is None or self._scenario[0] is not state.scenario \
                or self._scenario[1] != released:
            self._scenario = (state.scenario, released,
                              screen_scenario(state.scenario, viewer, set(released)))
        dyads = self._project_dyads(state, moves, injects) \
            if sees_ladder(state.scenario, viewer) else {}
        return attrs.evolve(
            state, scenario=self._scenario[2], moves=moves, messages=messages, notes=notes,
            perceptions=perceptions, injects=injects, dyads=dyads,
            **shared_fields(state, viewer))

    def _project_dyads(self, state: ExerciseState, moves: dict, injects: dict) -> dict:
        """Each dyad with the causes of its rung changes withheld as screen_state withholds
        them; a history only grows between folds, so the part projected before is kept."""
        def hidden(change: RungChange) -> bool:
            kind, _, ident = change.cause.partition(":")
            return (kind == "move" and ident not in moves) or (
                kind == "inject" and ident not in injects)

        projected = {}
        memo = {}
        for pair, dyad in state.dyads.items():
            flags = tuple(hidden(change) for change in dyad.history)
            kept = self._dyads.get(pair)
            history: list[RungChange] = []
            if kept is not None:
                source, kept_flags, kept_history = kept
                # The same change objects (the fold only appends) withheld the same way.
                if len(source) <= len(dyad.history) and kept_flags == flags[:len(source)] \
                        and all(a is b for a, b in zip(source, dyad.history)):
                    history = list(kept_history)
            history += [_screened(c, f) for c, f in zip(dyad.history[len(history):],
                                                         flags[len(history):])]
            memo[pair] = (list(dyad.history), flags, history)
            projected[pair] = attrs.evolve(dyad, history=history)
        self._dyads = memo
        return projected


def _screened(change: RungChange, hidden: bool) -> RungChange:
    return attrs.evolve(change, cause="withheld" if hidden else change.cause)
