"""One projection, proven: generated sessions, every surface, every viewer.

Hypothesis plays random sessions of border-crisis with every action kind of the exercise
phase, every visibility level, amendments, rejections, retractions of any event and channel
cuts, and puts a unique marker in every free-text field. The oracle below states the charter
on its own terms (it does not call the engine's visibility rules): for each marker, the
viewers that may read it. For every viewer, ``export --as`` and ``screen_state`` must hold
exactly those markers (none too many: a leak; none too few: a delivery that failed), and
both formats of the public debrief must hold no marker the public may not read and every
approved public move's text.
"""

from __future__ import annotations

import json
import re

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.debrief import render_debrief
from wargame.engine.export import export_state
from wargame.engine.fold import check, effect, fold, new_state
from wargame.engine.state import Event, ExerciseState
from wargame.engine.visibility import screen_state
from wargame.engine.vocabulary import parse
from wargame.errors import ActionRefused
from wargame.loader import load_scenario
from wargame.paths import resolve_scenario

STATES = ("norland", "sudria", "veyra")
MOVERS = (*STATES, "forum")
VIEWERS = (*MOVERS, "public")
MOVE_TYPES = ("clarifying-question", "hotline-call", "transparency-notice", "cyber-intrusion",
              "public-rhetoric", "incident-report")
LEVELS = (None, "public", "parties", "private")
CATEGORIES = ("status-quo", "posturing", "de-escalation")
CHANNELS = (("norland", "sudria"), ("sudria", "veyra"), ("norland", "forum"),
            ("sudria", "forum"), ("veyra", "forum"))
HAND_INJECTS = ("journalist-detained", "deepfake", "network-outage")
MARKER = re.compile(r"QZ\d{4}X")

index = st.integers(min_value=0, max_value=40)
moves = st.tuples(st.just("move"), st.sampled_from(MOVERS), st.sampled_from(MOVE_TYPES),
                  st.sampled_from((None, *STATES, *STATES)), st.sampled_from(LEVELS))
adjudications = st.tuples(st.just("adjudicate"), index,
                          st.sampled_from(("approve", "approve", "reject", "amend")),
                          st.booleans(), st.sampled_from((None, *CATEGORIES)))
perceptions = st.tuples(st.just("perceive"), st.sampled_from(MOVERS), index,
                        st.sampled_from(LEVELS))
steps = st.one_of(
    moves, moves, adjudications, adjudications, adjudications, perceptions, perceptions,
    st.tuples(st.just("hotline"), st.sampled_from(MOVERS), st.sampled_from(MOVERS),
              st.booleans()),
    st.tuples(st.just("ack"), index, st.booleans()),
    st.tuples(st.just("ack"), index, st.booleans()),
    st.tuples(st.just("note"), st.sampled_from(("facilitator", *MOVERS)),
              st.sampled_from(LEVELS), st.sampled_from((None, *MOVERS))),
    st.tuples(st.just("channel"), st.sampled_from(CHANNELS), st.sampled_from(("up", "down"))),
    st.tuples(st.just("inject"), st.sampled_from(HAND_INJECTS)),
    st.tuples(st.just("retract"), index),
    st.tuples(st.just("next-turn")),
    # pause moments: to one delegation, to all, or brokered by the mediator (forum)
    st.tuples(st.just("propose-pause"), st.sampled_from(MOVERS),
              st.sampled_from((*STATES, "all", ("norland", "sudria"), ("sudria", "veyra")))),
    st.tuples(st.just("answer-pause"), index, st.sampled_from(MOVERS),
              st.sampled_from(("accept", "accept", "decline"))),
)
# With manual relays (hotline relay: manual) the forum passes held messages on, with a note.
relay_steps = st.one_of(steps, st.tuples(st.just("relay"), index, st.booleans()),
                        st.tuples(st.just("relay"), index, st.booleans()))


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(resolve_scenario("border-crisis"))


class Player:
    """Plays abstract steps into a state, as a session would, skipping refused ones."""

    def __init__(self, scenario) -> None:
        self.state = new_state(scenario)
        self.count = 0
        self.seq = 0
        self.act("phase", {"to": "exercise"})

    def marker(self) -> str:
        self.count += 1
        return f"QZ{self.count:04d}X"

    def act(self, kind: str, payload, actor: str = "facilitator") -> None:
        at = float(self.seq)
        try:
            normalized = check(self.state, parse(kind, payload), actor, at)
        except ActionRefused:
            return
        self.seq += 1
        event = Event(seq=self.seq, ts=1_800_000_000.0 + self.seq, actor=actor, kind=kind,
                      payload=normalized.payload(at))
        self.state = effect(self.state, event, normalized)

    def pick(self, items, i: int):
        items = list(items)
        return items[i % len(items)] if items else None

    def play(self, step: tuple) -> None:
        kind, *args = step
        if kind == "move":
            by, type_id, target, level = args
            payload = {"by": by, "type": type_id, "text": f"move {self.marker()}"}
            if target:
                payload["target"] = target
            if level:
                payload["visibility"] = level
            self.act("move", payload, actor=by)
        elif kind == "adjudicate":
            i, decision, noted, category = args
            move = self.pick((m.id for m in self.state.moves.values() if m.status == "pending"), i)
            payload = {"move": move, "decision": decision}
            if noted:
                payload["note"] = f"why {self.marker()}"
            if decision == "amend":
                payload["text"] = f"amended {self.marker()}"
                if category:
                    payload["category"] = category
            self.act("adjudicate", payload)
        elif kind == "perceive":
            by, i, level = args
            others = (m.id for m in self.state.moves.values() if m.by != by)
            payload = {"by": by, "move": self.pick(others, i), "as": "posturing",
                       "note": f"read {self.marker()}"}
            if level:
                payload["visibility"] = level
            self.act("perceive", payload, actor=by)
        elif kind == "hotline":
            sender, recipient, reply = args
            payload = {"from": sender, "to": recipient, "text": f"call {self.marker()}"}
            answered = [m.id for m in self.state.messages.values() if m.recipient == sender]
            if reply and answered:
                payload["reply_to"] = answered[-1]
            self.act("hotline", payload, actor=sender)
        elif kind == "ack":
            i, with_text = args
            message = self.pick((m for m in self.state.messages.values()
                                 if not m.acknowledged), i)
            if message is None:
                return
            payload = {"message": message.id, "by": message.recipient}
            if with_text:
                payload["text"] = f"ack {self.marker()}"
            self.act("ack", payload, actor=message.recipient)
        elif kind == "note":
            by, level, to = args
            payload = {"by": by, "text": f"note {self.marker()}"}
            if level:
                payload["visibility"] = level
            if to and level == "parties":
                payload["to"] = [to]
            self.act("note", payload, actor=by if by != "facilitator" else "facilitator")
        elif kind == "channel":
            between, status = args
            self.act("channel", {"between": list(between), "status": status})
        elif kind == "inject":
            self.act("inject", args[0])
        elif kind == "retract":
            events = [e for e in self.state.events if e.kind not in ("phase", "next-turn")]
            event = self.pick(events, args[0])
            if event is not None:
                self.act("retract", {"event": event.seq, "reason": f"oops {self.marker()}"})
        elif kind == "next-turn":
            self.act("next-turn", {})
        elif kind == "relay":
            i, with_note = args
            message = self.pick((m for m in self.state.messages.values()
                                 if m.waiting_at is not None), i)
            if message is None:
                return
            payload = {"message": message.id, "by": message.waiting_at}
            if with_note:
                payload["note"] = f"relay {self.marker()}"
            self.act("relay", payload, actor=message.waiting_at)
        elif kind == "propose-pause":
            by, to = args
            payload = {"by": by, "turns": 2}
            payload.update({"between": list(to)} if isinstance(to, tuple) else {"with": to})
            self.act("propose-pause", payload, actor=by)
        elif kind == "answer-pause":
            i, by, answer = args
            pause = self.pick((p.id for p in self.state.pauses.values() if not p.answer), i)
            self.act("answer-pause", {"pause": pause, "by": by, "answer": answer}, actor=by)


# -- the oracle: the charter, stated on its own --------------------------------------------

def level_audience(level: str, author: str, parties: set[str]) -> set[str]:
    everyone = set(VIEWERS)
    if level == "public":
        return everyone
    if level == "parties":
        return ({author} | parties) & set(MOVERS)
    return {author} & set(MOVERS)


def move_audience(move) -> set[str]:
    if move.status == "retracted":
        return set()
    if move.status in ("pending", "rejected"):
        return {move.by}
    return level_audience(move.visibility, move.by, {move.target} if move.target else set())


def allowed(state: ExerciseState, relays_read: bool = True) -> dict[str, set[str]]:
    """Marker -> the viewers (control aside) that may read it, from the control state."""
    audience: dict[str, set[str]] = {}

    def put(text: str, viewers: set[str]) -> None:
        # A text kept in two records (a hotline call is a move and a message) may be read
        # by whoever may read either.
        for marker in MARKER.findall(text or ""):
            audience.setdefault(marker, set()).update(viewers)

    for move in state.moves.values():
        put(move.text, move_audience(move))
        if move.status != "retracted":
            put(move.original_text, {move.by})
            put(move.decision_note, {move.by})
    for p in state.perceptions:
        move = state.moves[p.move]
        readers = level_audience(p.visibility, p.by, {move.by}) | {p.by}
        put(p.note, readers & move_audience(move))
    for note in state.notes:
        put(note.text, level_audience(note.visibility, note.by, set(note.to)))
    for message in state.messages.values():
        on_route = reached(message)
        readers = on_route if relays_read else on_route & {message.sender, message.recipient}
        put(message.text, readers)
        put(message.ack_text, readers)
        for hop in message.relays:
            put(hop.note, on_route)
    return audience


def reached(message) -> set[str]:
    """The delegations a message has got to: the whole route when relays are automatic;
    with manual ones, its sender, each delegation that passed it on, and the next one."""
    if not message.manual:
        return set(message.route)
    passed = [message.sender, *(hop.by for hop in message.relays)]
    return set(passed) | {message.route[len(passed)]}


def pause_audience(state: ExerciseState, pause) -> set[str]:
    """A pause concerns its proposer and its parties; everyone once accepted when the
    charter makes pauses public."""
    if state.scenario.transparency.public_pauses and pause.answer == "accept":
        return set(VIEWERS)
    return {pause.by, *pause.parties}


def expected_pauses(state: ExerciseState, viewer: str) -> set[str]:
    return {p.id for p in state.pauses.values() if viewer in pause_audience(state, p)}


def markers_in(text: str) -> set[str]:
    return set(MARKER.findall(text))


def expected_for(audience: dict[str, set[str]], viewer: str) -> set[str]:
    return {m for m, viewers in audience.items() if viewer in viewers}


def played(scenario, plan) -> ExerciseState:
    player = Player(scenario)
    for step in plan:
        player.play(step)
    # What a reader gets on reopening: the log folded from scratch.
    return fold(scenario, player.state.events)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(steps, min_size=15, max_size=40))
def test_a_relay_reads_only_what_the_charter_lets_it(scenario, plan) -> None:
    """With ``relay_sees: passage`` a relay knows a message passed, never its text."""
    charter = attrs.evolve(scenario.transparency, relay_sees="passage")
    state = played(attrs.evolve(scenario, transparency=charter), plan)
    audience = allowed(state, relays_read=False)
    for viewer in VIEWERS:
        expected = expected_for(audience, viewer)
        exported = markers_in(json.dumps(export_state(state, viewer), ensure_ascii=False))
        assert exported == expected, viewer
        passed = {m.id for m in state.messages.values() if viewer in m.route}
        assert {m["id"] for m in export_state(state, viewer)["hotline"]["messages"]} == passed


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(steps, min_size=15, max_size=40))
def test_every_surface_holds_exactly_what_the_charter_allows(scenario, plan) -> None:
    state = played(scenario, plan)
    audience = allowed(state)
    everything = markers_in(json.dumps(export_state(state, "control")))
    for viewer in VIEWERS:
        expected = expected_for(audience, viewer)
        exported = markers_in(json.dumps(export_state(state, viewer), ensure_ascii=False))
        assert exported - expected == set(), f"export --as {viewer} leaks"
        assert expected - exported == set(), f"export --as {viewer} misses"
        on_screen = markers_in(repr(screen_state(state, viewer)))
        assert on_screen - expected == set(), f"{viewer}'s screen leaks"
        assert expected - on_screen == set(), f"{viewer}'s screen misses"
        pauses = expected_pauses(state, viewer)
        assert {p["id"] for p in export_state(state, viewer).get("pauses", [])} == pauses
        assert set(screen_state(state, viewer).pauses) == pauses, viewer
    public_moves = {m for move in state.moves.values() if move_audience(move) == set(VIEWERS)
                    for m in markers_in(move.text)}
    assert public_moves <= everything
    for fmt in ("md", "html"):
        debrief = markers_in(render_debrief(state, format=fmt, edition="public", earlier=[]))
        assert debrief - expected_for(audience, "public") == set(), f"public {fmt} leaks"
        assert public_moves - debrief == set(), f"public {fmt} misses a public move"
    control_notes = [i.control_notes for i in scenario.injects if i.control_notes]
    for viewer in VIEWERS:
        text = json.dumps(export_state(state, viewer), ensure_ascii=False)
        assert not any(note in text for note in control_notes)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(relay_steps, min_size=15, max_size=40), st.booleans())
def test_manual_relays_show_a_message_only_as_far_as_it_got(scenario, plan, passage) -> None:
    """Held at the forum, a message is its sender's and the forum's; its recipient reads
    it (and the forum's notes) once passed on; with ``relay_sees: passage`` the forum
    reads the notes but never the text."""
    charter = attrs.evolve(scenario.transparency,
                           relay_sees="passage" if passage else "text")
    state = played(attrs.evolve(scenario, transparency=charter, relay="manual"), plan)
    audience = allowed(state, relays_read=not passage)
    for viewer in VIEWERS:
        expected = expected_for(audience, viewer)
        exported = export_state(state, viewer)
        found = markers_in(json.dumps(exported, ensure_ascii=False))
        assert found - expected == set(), f"export --as {viewer} leaks"
        assert expected - found == set(), f"export --as {viewer} misses"
        on_screen = markers_in(repr(screen_state(state, viewer)))
        assert on_screen == expected, f"{viewer}'s screen"
        got_there = {m.id for m in state.messages.values() if viewer in reached(m)}
        assert {m["id"] for m in exported["hotline"]["messages"]} == got_there


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(steps, min_size=15, max_size=40))
def test_public_pauses_show_accepted_pauses_to_everyone_and_proposals_to_parties(
        scenario, plan) -> None:
    charter = attrs.evolve(scenario.transparency, public_pauses=True)
    state = played(attrs.evolve(scenario, transparency=charter), plan)
    for viewer in VIEWERS:
        pauses = expected_pauses(state, viewer)
        assert {p["id"] for p in export_state(state, viewer).get("pauses", [])} == pauses
        assert set(screen_state(state, viewer).pauses) == pauses, viewer
