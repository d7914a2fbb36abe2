"""The two editions of a debrief and the data each may carry.

``full`` is for the control cell and carries everything. ``public`` is the declassified
summary the transparency charter calls for: its records come from the engine's
:func:`wargame.engine.visibility.view_state` for the viewer ``"public"`` (so the rules of
who sees what live in one place), with the facilitator-only fields the engine keeps on
visible records (adjudication notes) blanked here. Templates cannot leak what they are
never given; what was held back is counted so the reader knows something was.
"""

from __future__ import annotations

from typing import Mapping

import attrs

from wargame.engine.state import ExerciseState, InjectRelease, Message, MoveRecord, Note, Perception

EDITIONS = ("full", "public")
MARKINGS = {
    "full": "FULL — control cell only",
    "public": "PUBLIC — declassified summary",
}
_VIEWER = {"full": "control", "public": "public"}


@attrs.frozen
class EditionData:
    """What one edition may show; every collection is already filtered and blanked."""

    edition: str
    viewer: str
    moves: tuple[MoveRecord, ...]  # in log order; retracted ones only in the full edition
    messages: tuple[Message, ...]  # none in the public edition
    notes: tuple[Note, ...]
    perceptions: tuple[Perception, ...]  # none in the public edition
    injects: Mapping[str, InjectRelease]  # released injects this edition may name
    visible_move_ids: frozenset[str]
    withheld: tuple[str, ...]  # sentences such as "3 private moves withheld"

    @property
    def public(self) -> bool:
        return self.edition == "public"

    @property
    def full(self) -> bool:
        return self.edition == "full"

    @property
    def marking(self) -> str:
        return MARKINGS[self.edition]


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def edition_data(state: ExerciseState, edition: str) -> EditionData:
    """Filter the state's records for an edition through the engine's visibility rules."""
    from wargame.engine.visibility import view_state

    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; expected one of {', '.join(EDITIONS)}")
    viewer = _VIEWER[edition]
    if edition == "full":
        moves = tuple(sorted(state.moves.values(), key=lambda m: m.seq))
        return EditionData(
            edition=edition, viewer=viewer, moves=moves,
            messages=tuple(sorted(state.messages.values(), key=lambda m: m.seq)),
            notes=tuple(state.notes), perceptions=tuple(state.perceptions),
            injects=dict(state.injects), visible_move_ids=frozenset(m.id for m in moves),
            withheld=(),
        )

    visible = view_state(state, viewer).state
    live_moves = [m for m in state.moves.values() if m.status != "retracted"]
    # Adjudication notes are the facilitator's reasoning, even on a public move.
    moves = tuple(attrs.evolve(m, decision_note="")
                  for m in sorted(visible.moves.values(), key=lambda m: m.seq)
                  if m.status != "retracted")
    withheld: list[str] = []

    def count(n: int, what: str, plural: str | None = None, tail: str = "") -> None:
        if n > 0:
            withheld.append(f"{_plural(n, what, plural)} withheld{tail}")

    count(len(live_moves) - len(moves), "move",
          tail=" (private, between the parties only, or not approved by control)")
    count(len(state.notes) - len(visible.notes), "note",
          tail=" (private, or between the parties only)")
    counts_shown = state.scenario.transparency.public_hotline_counts
    count(len(state.messages) - len(visible.messages), "hotline message",
          tail=" (their counts and timings are in the Assess section)" if counts_shown else "")
    count(len(state.perceptions) - len(visible.perceptions), "individual perception",
          tail=" (misperception is shown per pair)")
    count(len(state.scenario.injects) - len(visible.injects), "inject",
          tail=" (not released, or not addressed to all delegations)")
    count(sum(1 for m in live_moves if m.decision_note), "adjudication note")
    count(sum(1 for d in state.scenario.delegations if d.briefing.strip()), "private delegation briefing")
    count(sum(1 for i in state.scenario.injects if i.control_notes.strip()), "control note",
          tail=" on injects")
    if not state.scenario.transparency.public_objectives:
        withheld.append("each delegation's objectives and red lines (the scenario's charter)")
    return EditionData(
        edition=edition, viewer=viewer, moves=moves,
        messages=tuple(sorted(visible.messages.values(), key=lambda m: m.seq)),
        notes=tuple(visible.notes), perceptions=tuple(visible.perceptions),
        injects=dict(visible.injects), visible_move_ids=frozenset(m.id for m in moves),
        withheld=tuple(withheld),
    )
