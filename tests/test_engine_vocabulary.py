"""Typed actions: one class per action, from which the engine's checks, the script reader,
the script schema and the forms derive; and the facts that have one home in the core."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from fixtures.engine.support import EXERCISE, new_session
from wargame.debrief.context import build_context
from wargame.debrief.words import CAPABILITY_NAMES
from wargame.engine import vocabulary
from wargame.engine.fold import RULES
from wargame.engine.retraction import reference_of, target_seq
from wargame.engine.script import load_script, play
from wargame.engine.state import Event
from wargame.engine.turns import turn_started_at
from wargame.errors import ActionRefused, FileInvalid
from wargame.model import CAPABILITIES, PHASE_ORDER, PHASES, next_phase
from wargame.schemas import schema_for
from wargame.schemas.script import action_schema
from wargame.ui import describe


def test_every_action_has_a_class_and_a_rule_and_nothing_else_has():
    assert set(vocabulary.ACTIONS) == set(RULES)
    assert all(kind == cls.KIND for kind, cls in vocabulary.ACTIONS.items())


@pytest.mark.parametrize("kind", list(vocabulary.ACTIONS))
def test_the_script_schema_lists_exactly_the_keys_of_the_class(kind):
    cls = vocabulary.ACTIONS[kind]
    schema = schema_for("script")["$defs"][kind]
    mapping = next(s for s in schema.get("anyOf", [schema]) if s.get("type") == "object")
    assert set(mapping["properties"]) == set(cls.key_names())
    assert set(mapping.get("required", [])) == set(cls.required_names())


def test_a_typed_action_is_recorded_as_the_payload_a_script_would_give(tmp_path: Path):
    session = new_session(tmp_path, EXERCISE)
    typed = session.act(vocabulary.Hotline(sender="azure", to="crimson", text=" Hello "), at=5)
    scripted = session.act("hotline", {"from": "azure", "to": "crimson", "text": "Hello"},
                           at=5)
    assert typed.payload == {"id": "h1", "from": "azure", "to": "crimson", "text": "Hello",
                             "at": 5.0}
    assert {k: v for k, v in scripted.payload.items() if k != "id"} == \
        {k: v for k, v in typed.payload.items() if k != "id"}
    assert session.state.messages["h1"].text == "Hello"


def test_a_delegation_acts_only_for_the_delegation_its_action_names(tmp_path: Path):
    session = new_session(tmp_path, EXERCISE)
    with pytest.raises(ActionRefused, match="azure cannot act for crimson"):
        session.act(vocabulary.Hotline(sender="crimson", to="azure", text="x"), actor="azure")
    with pytest.raises(ActionRefused, match="next-turn is for the facilitator only"):
        session.act(vocabulary.NextTurn(), actor="azure")


def test_the_app_and_a_script_refuse_an_unknown_key_in_the_same_words(tmp_path: Path):
    session = new_session(tmp_path, EXERCISE)
    with pytest.raises(ActionRefused) as refused:
        session.act("note", {"by": "facilitator", "txt": "x"})
    script = tmp_path / "typo.yaml"
    script.write_text("actions:\n  - note: {by: facilitator, txt: x}\n", encoding="utf-8")
    with pytest.raises(FileInvalid) as invalid:
        load_script(script)
    messages = [problem.message for problem in invalid.value.problems]
    assert str(refused.value) in messages
    assert str(refused.value).startswith("note takes no key 'txt' (did you mean 'text'?)")


def test_a_shorthand_script_plays_as_its_mapping_form(tmp_path: Path):
    script = tmp_path / "short.yaml"
    script.write_text("actions:\n  - phase: exercise\n  - inject: {id: radar-lock}\n"
                      "  - next-turn\n", encoding="utf-8")
    _, actions = load_script(script)
    assert [a.action for a in actions] == [vocabulary.Phase(to="exercise"),
                                            vocabulary.Inject(id="radar-lock"),
                                            vocabulary.NextTurn()]
    session = new_session(tmp_path)
    events = play(session, actions)
    assert [(e.kind, e.payload) for e in events][:2] == [
        ("phase", {"to": "exercise", "at": 0.0}), ("inject", {"id": "radar-lock", "at": 0.0})]


# -- one home per fact ----------------------------------------------------------------

def test_the_phases_have_one_order_and_ended_follows_the_last():
    assert PHASES == (*PHASE_ORDER, "ended")
    walked, phase = [], "plan"
    while phase is not None:
        walked.append(phase)
        phase = next_phase(phase)
    assert tuple(walked) == PHASES
    assert describe.next_phase is next_phase


def test_the_ui_and_the_debrief_use_the_core_lists():
    assert describe.EVENT_KINDS == tuple(vocabulary.ACTIONS)
    assert set(CAPABILITY_NAMES) == set(CAPABILITIES)
    assert vocabulary.Improve.keys()[5].choices == CAPABILITIES


def test_a_retraction_reference_names_the_event_it_came_from(tmp_path: Path):
    session = new_session(tmp_path, EXERCISE + [
        ("move", {"id": "m1", "by": "azure", "type": "patrol", "target": "crimson",
                  "text": "Patrol"}),
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "Hi"}),
        ("note", {"by": "facilitator", "text": "x"}),
    ])
    state = session.state
    for event in state.events:
        reference = reference_of(state, event.seq)
        assert target_seq(state, reference) == event.seq
        assert describe.reference_of(state, event) == reference
    assert [reference_of(state, e.seq) for e in state.events] == ["1", "m1", "h1", "4"]
    assert describe.retracted_name(state, 2) == "m1 (#2)"
    assert describe.retracted_name(state, 4) == "#4"


def test_the_console_and_the_debrief_agree_when_each_turn_began(tmp_path: Path):
    session = new_session(tmp_path)
    session.act("phase", {"to": "exercise"}, at=0)
    session.act("next-turn", {}, at=600)
    session.act("next-turn", {}, at=1500)
    assert turn_started_at(session.state) == 1500.0
    narrative = build_context(session.state)["exercise"]["turns"]
    started = {group["number"]: group["started_at"] for group in narrative
               if group["number"] is not None}
    assert started == {1: "00:00:00", 2: "00:10:00", 3: "00:25:00"}


def test_game_time_has_one_computation(tmp_path: Path):
    clock = new_session(tmp_path).scenario.clock
    assert clock.game_seconds_at(1) == 0
    assert clock.game_seconds_at(3) == clock.game_seconds(2) == 2 * clock.turn_length


def test_a_key_declared_once_reaches_the_key_check_the_log_and_the_schema():
    @attrs.frozen
    class Shout(vocabulary.Action):
        KIND = "shout"
        DOC = "Shouts."
        volume: int = vocabulary.key("How loud.", vocabulary.INTEGER, meaning="how loud")
        words: str | None = vocabulary.key("What is shouted.", vocabulary.NOTE)

    assert vocabulary.key_problems(Shout, {"volum": 3, "words": "hey"}) == [
        ("volum", "shout takes no key 'volum' (did you mean 'volume'?); shout keys: volume, "
                  "words, at"),
        (None, "shout needs 'volume' (how loud)")]
    assert Shout.from_keys({"volume": 3}).payload(1.0) == {"volume": 3, "at": 1.0}
    schema = action_schema(Shout)
    assert schema["required"] == ["volume"]
    assert schema["properties"]["volume"] == {"type": "integer", "description": "How loud."}
    assert set(schema["properties"]) == {"volume", "words", "at"}


@pytest.mark.parametrize("kind", list(vocabulary.ACTIONS))
def test_an_action_comes_back_from_its_payload(kind):
    cls = vocabulary.ACTIONS[kind]
    samples = {vocabulary.INTEGER: 2, vocabulary.PAIR: ["azure", "crimson"],
               vocabulary.EVENT: 3, vocabulary.DATE: "2027-03-01"}
    action = cls.from_keys({key.name: key.choices[0] if key.choices else
                            samples.get(key.value, f"{key.name}-value") for key in cls.keys()})
    payload = action.payload(12.0)
    assert set(payload) == set(cls.key_names())
    assert vocabulary.recorded(kind, payload) == action


def test_the_console_words_an_event_through_its_action_even_a_malformed_one(tmp_path: Path):
    session = new_session(tmp_path, EXERCISE + [
        ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "Hi"})])
    state = session.state
    sent = state.events[-1]
    assert describe.describe_event(sent, state) == "h1 azure → crimson: “Hi”"
    assert describe.event_delegations(sent, state) == {"azure", "crimson"}
    broken = Event(seq=99, ts=0.0, actor="facilitator", kind="move", payload=[1, 2])
    assert describe.describe_event(broken, state) == "[1, 2]"
    assert describe.event_delegations(broken, state) == frozenset()
