"""Valid files become the model the engine relies on: order, levels, expansions, graphs."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from wargame.loader import (
    load_rulebook,
    load_rulebook_text,
    load_scenario,
    load_scenario_text,
    validate_paths,
)
from wargame.model import ChannelEffect, Condition, Expectation, Measure, ShiftEffect

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
RULEBOOK = VALID / "rulebooks" / "drill-ladder.yaml"
SCENARIO = VALID / "scenarios" / "drill.yaml"


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook(RULEBOOK)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCENARIO)


def test_ladder_keeps_the_written_order_with_levels_from_the_bottom(rulebook):
    ladder = rulebook.ladder
    assert [(r.id, r.level) for r in ladder.rungs] == [
        ("routine", 0), ("friction", 1), ("confrontation", 2), ("crisis", 3), ("clash", 4)]
    assert ladder.bottom.id == "routine" and ladder.top.id == "clash"
    assert ladder.rung("routine").description == "Business as usual"
    assert [(t.name, t.above) for t in ladder.thresholds] == [("Don't rock the boat", "friction")]


def test_ladder_graph_links_neighbours_both_ways_and_adds_jumps(rulebook):
    graph = rulebook.ladder.graph()
    kinds = {(a, b): data["kind"] for a, b, data in graph.edges(data=True)}
    assert kinds == {
        ("routine", "friction"): "up", ("friction", "routine"): "down",
        ("friction", "confrontation"): "up", ("confrontation", "friction"): "down",
        ("confrontation", "crisis"): "up", ("crisis", "confrontation"): "down",
        ("crisis", "clash"): "up", ("clash", "crisis"): "down",
        ("friction", "crisis"): "jump",
    }
    assert graph.edges["friction", "crisis"]["name"] == "Surprise seizure"
    assert graph.nodes["friction"]["thresholds_above"] == ["Don't rock the boat"]


def test_categories_and_move_types(rulebook):
    assert {c.id: (c.score, c.step) for c in rulebook.categories.values()} == {
        "de-escalation": (-2, -1), "status-quo": (0, 0), "posturing": (4, 0),
        "non-violent-escalation": (12, 1), "violent-escalation": (28, 2)}
    assert list(rulebook.categories) == ["de-escalation", "status-quo", "posturing",
                                         "non-violent-escalation", "violent-escalation"]
    stand_down = rulebook.move("stand-down")
    assert (stand_down.category, stand_down.step, stand_down.cbm) == ("de-escalation", -2, True)
    assert rulebook.step_of(stand_down) == -2  # a negative step de-escalates
    patrol = rulebook.move("naval-patrol")
    assert (patrol.cbm, patrol.target, patrol.visibility, patrol.step) == (False, "optional",
                                                                          "public", None)
    assert rulebook.step_of(patrol) == 0
    assert rulebook.move("boarding").visibility == "private"
    assert rulebook.move("hotline-call").target == "required"
    assert (rulebook.id, rulebook.adjudication, rulebook.source) == (
        "drill-ladder", "facilitator", str(RULEBOOK))


def test_scenario_header_clock_and_rulebook(scenario, rulebook):
    assert (scenario.id, scenario.title, scenario.rulebook_ref) == (
        "drill", "Drill in the strait", "drill-ladder")
    assert attrs.evolve(scenario.rulebook, source="") == attrs.evolve(rulebook, source="")
    assert Path(scenario.rulebook.source).resolve() == RULEBOOK
    assert scenario.summary == "Two states share a strait.\n"
    # durations in seconds
    assert (scenario.clock.turns, scenario.clock.turn_length, scenario.clock.timebox) == (
        4, 6 * 3600, 20 * 60)
    assert scenario.source == str(SCENARIO)


def test_delegations_roles_and_dyads(scenario):
    azure = scenario.delegation("azure")
    assert azure.objectives == ("Keep the strait open",)
    assert azure.red_lines == ("Boarding of a flagged vessel",)
    assert azure.briefing == "Your patrol boats are low on fuel."
    assert [(d.id, d.role) for d in scenario.delegations] == [
        ("azure", "state"), ("crimson", "state"), ("verdant", "mediator"), ("press", "observer")]
    assert scenario.dyads == (("azure", "crimson"), ("azure", "verdant"), ("crimson", "verdant"))
    assert scenario.start_rung(("crimson", "azure")) == "friction"
    assert scenario.start_rung(("azure", "verdant")) == "routine"


def test_hotline_graph(scenario):
    graph = scenario.hotline_graph()
    assert set(graph.nodes) == {"azure", "crimson", "verdant", "press"}
    assert {frozenset(edge) for edge in graph.edges} == {
        frozenset({"azure", "crimson"}), frozenset({"azure", "verdant"}),
        frozenset({"crimson", "verdant"})}
    assert graph.edges["azure", "crimson"]["ack_within"] == 1
    assert graph.edges["azure", "crimson"]["name"] == "Direct line"
    assert graph.edges["verdant", "crimson"]["ack_within"] == 2
    assert graph.edges["verdant", "crimson"]["status"] == "down"
    assert graph.edges["azure", "verdant"]["status"] == "up"
    assert graph.nodes["press"]["role"] == "observer"


def test_injects_kinds_expansion_expectations_and_effects(scenario):
    collision, protest, leak = scenario.injects
    assert (collision.kind, collision.turn, collision.source, collision.delivery) == (
        "scheduled", 1, "Coast guard watch centre", "phone")
    assert collision.to == ("azure", "crimson")
    assert collision.expect == (Expectation("azure", "incident-report", 1),
                                Expectation("crimson", "hotline-call", 1))
    assert collision.effects == (ShiftEffect(("azure", "crimson"), 1),
                                 ChannelEffect(("azure", "crimson"), "down"))
    assert collision.objectives == ("fast-hotline",)
    assert protest.kind == "conditional"
    assert protest.when == Condition(("azure", "crimson"), rung_at_least="crisis")
    assert protest.to == ("azure", "crimson", "verdant", "press")  # `to: all`
    assert leak.kind == "contingency"
    assert leak.to == ("crimson",)


def test_objectives_and_measures(scenario):
    measures = {o.id: o.measure for o in scenario.objectives}
    assert measures == {
        "fast-hotline": Measure("hotline_ack_turns", at_most=1),
        "stay-below-clash": Measure("peak_rung", between=("azure", "crimson"), below="clash"),
        "answer-collision": Measure("expectations", injects=("collision",)),
        "read-each-other": Measure("misperception", at_most=2.5),
    }
    assert scenario.objective("fast-hotline").capability == "Operational communications"
    assert scenario.hotwash == ("What surprised you about the other delegation?",)


def test_loading_from_text_gives_the_same_models(scenario, rulebook):
    from_text = load_rulebook_text(RULEBOOK.read_text(encoding="utf-8"), "stored rulebook")
    assert from_text.ladder == rulebook.ladder and from_text.moves == rulebook.moves
    assert from_text.source == "stored rulebook"
    stored = load_scenario_text(SCENARIO.read_text(encoding="utf-8"), "session:drill", from_text)
    assert stored.injects == scenario.injects
    assert stored.delegations == scenario.delegations
    assert stored.rulebook is from_text


def test_stored_text_is_checked_like_a_file(rulebook):
    from wargame.errors import FileInvalid

    with pytest.raises(FileInvalid) as caught:
        load_scenario_text("scenario: x\ntitle: t\nrulebook: r\n", "session:x", rulebook)
    assert [str(p) for p in caught.value.problems] == [
        "session:x:1:1: missing required key 'clock' in a scenario",
        "session:x:1:1: missing required key 'delegations' in a scenario",
    ]


def test_validate_paths_accepts_the_valid_fixtures():
    assert validate_paths([str(SCENARIO), str(RULEBOOK)]) == []


def test_a_folder_is_validated_file_by_file():
    assert validate_paths([str(VALID / "scenarios"), str(VALID / "rulebooks")]) == []
