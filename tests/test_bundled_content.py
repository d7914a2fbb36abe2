"""The bundled rulebooks and scenarios: valid, complete and playable as shipped."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from wargame.loader import load_rulebook, load_scenario, validate_paths
from wargame.model import METRICS, ChannelEffect, ShiftEffect

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
RULEBOOK_FILES = sorted((ROOT / "rulebooks").glob("*.yaml"))
BUNDLED = SCENARIO_FILES + RULEBOOK_FILES

RIVERA_SCORES = {
    "de-escalation": -2, "status-quo": 0, "posturing": 4,
    "non-violent-escalation": 12, "violent-escalation": 28, "nuclear": 60,
}
RIVERA_STEPS = {
    "de-escalation": -1, "status-quo": 0, "posturing": 0,
    "non-violent-escalation": 1, "violent-escalation": 2, "nuclear": 3,
}
# Move ids that scripts, tests and the documentation rely on.
SCRIPTED_MOVES = ("hotline-call", "incident-report", "naval-patrol", "pause-moment",
                  "third-party-mediation", "prior-notification")
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _id(path: Path) -> str:
    return path.stem


def test_the_promised_files_are_bundled():
    assert {p.stem for p in SCENARIO_FILES} >= {"strait-incident", "border-crisis", "airspace-cyber"}
    assert {p.stem for p in RULEBOOK_FILES} >= {"cbm-standard", "rivera-2024"}


def test_every_bundled_file_passes_validate():
    problems = validate_paths([str(path) for path in BUNDLED])
    assert [str(problem) for problem in problems] == []


@pytest.mark.parametrize("path", BUNDLED, ids=_id)
def test_each_file_links_its_schema_for_editors(path: Path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first_line)
    assert match, f"{path.name}: first line is {first_line!r}"
    kind = "scenario" if path.parent.name == "scenarios" else "rulebook"
    target = (path.parent / match.group(1)).resolve()
    assert target == (ROOT / "schemas" / f"{kind}.schema.json").resolve()
    assert target.is_file()


# -- rulebooks ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", RULEBOOK_FILES, ids=_id)
def test_rulebooks_use_the_six_rivera_categories(path: Path):
    rulebook = load_rulebook(path)
    assert {c: rulebook.categories[c].score for c in rulebook.categories} == RIVERA_SCORES
    assert {c: rulebook.categories[c].step for c in rulebook.categories} == RIVERA_STEPS


@pytest.mark.parametrize("path", RULEBOOK_FILES, ids=_id)
def test_every_rung_and_move_is_explained(path: Path):
    rulebook = load_rulebook(path)
    assert rulebook.description.strip()
    assert all(rung.description.strip() for rung in rulebook.ladder.rungs)
    assert all(t.description.strip() for t in rulebook.ladder.thresholds)
    assert all(move.description.strip() for move in rulebook.moves)
    assert rulebook.ladder.thresholds and rulebook.ladder.jumps


def test_cbm_standard_ladder_runs_from_routine_contact_to_armed_clash():
    rulebook = load_rulebook(ROOT / "rulebooks" / "cbm-standard.yaml")
    rungs = [rung.id for rung in rulebook.ladder.rungs]
    assert 8 <= len(rungs) <= 12
    assert rungs[0] == "routine"
    assert rungs.index("friction") < rungs.index("confrontation") < rungs.index("clash")
    names = {t.name for t in rulebook.ladder.thresholds}
    assert {"Don't rock the boat", "No shots fired"} <= names
    assert any(jump.name == "Surprise seizure" for jump in rulebook.ladder.jumps)
    assert rulebook.adjudication == "facilitator"


def test_cbm_standard_catalogue_covers_the_practice():
    rulebook = load_rulebook(ROOT / "rulebooks" / "cbm-standard.yaml")
    ids = {move.id for move in rulebook.moves}
    assert set(SCRIPTED_MOVES) <= ids
    # Vienna Document, INCSEA/CUES, off-ramps and the escalatory moves a delegation reaches for.
    assert {"annual-information-exchange", "defence-planning-exchange",
            "risk-reduction-consultation", "hazardous-incident-cooperation", "voluntary-visit",
            "military-contacts", "invitation-to-observe", "inspection-request",
            "evaluation-visit"} <= ids
    assert {"standard-signals", "no-simulated-attacks", "dangerous-operations-notice",
            "safe-distance-manoeuvre"} <= ids
    assert {"clarifying-question", "transparency-notice", "limited-pullback",
            "joint-statement"} <= ids
    assert {"air-patrol", "exercise-without-notice", "public-rhetoric", "mobilization",
            "cyber-intrusion", "sanctions", "blockade", "seizure-of-vessel",
            "targeted-strike"} <= ids
    assert rulebook.move("hotline-call").target == "required"  # as the contract shows it
    consultation = rulebook.move("risk-reduction-consultation").description
    assert "48 hours" in consultation


def test_cbm_standard_moves_match_their_role():
    rulebook = load_rulebook(ROOT / "rulebooks" / "cbm-standard.yaml")
    for move in rulebook.moves:
        score = rulebook.score_of(move.category)
        if move.cbm:
            assert score <= 0, f"{move.id} is a CBM but scores {score}"
            assert rulebook.step_of(move) <= 0, f"{move.id} is a CBM but climbs the ladder"
        else:
            assert score > 0, f"{move.id} is neither a CBM nor escalatory"
    overridden = [move.id for move in rulebook.moves if move.step is not None]
    assert "naval-patrol" in overridden  # a patrol near the line climbs although it only postures


def test_rivera_rulebook_is_automatic_and_reaches_nuclear_use():
    rulebook = load_rulebook(ROOT / "rulebooks" / "rivera-2024.yaml")
    assert rulebook.adjudication == "automatic"
    assert rulebook.ladder.top.id == "nuclear-use"
    categories_used = {move.category for move in rulebook.moves}
    assert categories_used == set(RIVERA_SCORES)
    assert {"message", "share-intelligence", "form-alliance", "military-posturing",
            "blockade", "cyberattack", "invasion", "targeted-attack",
            "tactical-nuclear-strike"} <= {move.id for move in rulebook.moves}


# -- scenarios ---------------------------------------------------------------------------

@pytest.fixture(scope="module", params=SCENARIO_FILES, ids=_id)
def scenario(request):
    return load_scenario(request.param)


def test_scenario_mixes_scheduled_conditional_and_contingency_injects(scenario):
    kinds = [inject.kind for inject in scenario.injects]
    assert 8 <= len(kinds) <= 15
    assert kinds.count("scheduled") >= 5
    assert kinds.count("conditional") >= 2
    assert kinds.count("contingency") >= 1


def test_injects_read_like_a_msel(scenario):
    for inject in scenario.injects:
        assert inject.source and inject.delivery and inject.to, inject.id
        assert len(inject.text.split()) >= 20, f"{inject.id}: the inject text is too thin"


def test_expectations_name_moves_the_delegation_can_make(scenario):
    expectations = [(i, e) for i in scenario.injects for e in i.expect]
    assert len(expectations) >= 8
    for inject, expect in expectations:
        assert scenario.delegation(expect.by).can_move
        assert scenario.rulebook.has_move(expect.move)
        if inject.turn is not None:
            assert inject.turn + expect.within <= scenario.clock.turns + 1, (
                f"{inject.id}: {expect.by}'s {expect.move} would be due after the last turn")


def test_effects_shift_the_ladder_and_cut_a_channel(scenario):
    effects = [effect for inject in scenario.injects for effect in inject.effects]
    assert any(isinstance(effect, ShiftEffect) for effect in effects)
    assert any(isinstance(effect, ChannelEffect) and effect.status == "down" for effect in effects)


def test_conditional_injects_do_not_fire_at_the_start(scenario):
    """A condition already true before the first move would make the inject a scheduled one."""
    from wargame.engine.conditions import holds
    from wargame.engine.fold import new_state

    start = new_state(scenario)  # the starting rungs and channels, as turn 1 begins
    start.phase, start.turn = "exercise", 1
    for inject in scenario.injects:
        if inject.when is not None:
            assert not holds(start, inject.when), inject.id


def test_evaluation_uses_all_four_metrics(scenario):
    metrics = {o.measure.metric for o in scenario.objectives if o.measure is not None}
    assert metrics == set(METRICS)
    assert all(objective.capability for objective in scenario.objectives)
    exercised = {o for inject in scenario.injects for o in inject.objectives}
    assert exercised == {objective.id for objective in scenario.objectives}


def test_delegations_are_briefed(scenario):
    for delegation in scenario.delegations:
        assert delegation.objectives, delegation.id
        assert len(delegation.briefing.split()) >= 30, delegation.id
        if delegation.role == "state":
            assert delegation.red_lines, delegation.id
    assert any(d.role == "mediator" for d in scenario.delegations)


def test_briefing_and_hotwash_are_substantial(scenario):
    paragraphs = [p for p in scenario.summary.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 4
    assert 4 <= len(scenario.hotwash) <= 6
    assert all(question.endswith("?") for question in scenario.hotwash)


def test_hotline_channels_have_acknowledgement_times(scenario):
    assert scenario.channels
    assert all(channel.ack_within >= 1 for channel in scenario.channels)
    assert scenario.start


def test_strait_incident_is_the_two_rivals_and_a_mediator():
    scenario = load_scenario(ROOT / "scenarios" / "strait-incident.yaml")
    roles = {d.id: d.role for d in scenario.delegations}
    assert roles == {"azure": "state", "crimson": "state", "verdant": "mediator"}
    assert scenario.rulebook.id == "cbm-standard"
    assert (scenario.clock.turns, scenario.clock.turn_length, scenario.clock.timebox) == (
        6, 6 * 3600, 20 * 60)
    cut = [e for i in scenario.injects for e in i.effects if isinstance(e, ChannelEffect)]
    assert any(set(e.between) == {"azure", "crimson"} and e.status == "down" for e in cut)
    # With the direct link cut, traffic can still be relayed through the mediator.
    graph = scenario.hotline_graph()
    graph.remove_edge("azure", "crimson")
    assert nx.shortest_path(graph, "azure", "crimson") == ["azure", "verdant", "crimson"]


def test_border_crisis_rehearses_the_vienna_document():
    scenario = load_scenario(ROOT / "scenarios" / "border-crisis.yaml")
    assert scenario.rulebook.id == "cbm-standard"
    assert len([d for d in scenario.delegations if d.role == "state"]) == 3
    assert [d.id for d in scenario.delegations if d.role == "mediator"] == ["forum"]
    expected = {e.move for i in scenario.injects for e in i.expect}
    assert {"risk-reduction-consultation", "risk-reduction-reply", "prior-notification",
            "inspection-request", "host-inspection"} <= expected
    assert any(channel.status == "down" for channel in scenario.channels)


def test_airspace_cyber_has_an_observer_nobody_expects_moves_from():
    scenario = load_scenario(ROOT / "scenarios" / "airspace-cyber.yaml")
    assert scenario.rulebook.id == "rivera-2024"
    observers = [d.id for d in scenario.delegations if d.role == "observer"]
    assert observers == ["monitors"]
    assert all(e.by not in observers for i in scenario.injects for e in i.expect)
    assert all("monitors" not in pair for pair in scenario.dyads)


def test_strait_incident_plays_as_designed(tmp_path):
    """Incident reports meet the collision's expectations; once the cable is cut, hotline
    traffic is relayed through Verdant; pushing the pair to confrontation brings the boarding."""
    from wargame.engine import Session
    from wargame.engine.export import export_state
    from wargame.engine.objectives import evaluate_objectives

    session = Session.create(tmp_path / "play.wargame", ROOT / "scenarios" / "strait-incident.yaml")
    try:
        session.act("phase", {"to": "exercise"})

        def approved(by: str, move_type: str, target: str) -> None:
            event = session.act("move", {"by": by, "type": move_type, "target": target,
                                         "text": f"{by} plays {move_type}"})
            session.act("adjudicate", {"move": event.payload["id"], "decision": "approve"})

        approved("azure", "incident-report", "crimson")
        approved("crimson", "incident-report", "azure")
        approved("crimson", "hazardous-incident-cooperation", "azure")
        session.act("next-turn", {})
        session.act("next-turn", {})  # turn 3: the cable is cut
        session.act("hotline", {"id": "h1", "from": "azure", "to": "crimson",
                                "text": "Can you hear us through Linnholm?"})
        approved("crimson", "naval-patrol", "azure")
        approved("crimson", "naval-patrol", "azure")
        exported = export_state(session.state)
    finally:
        session.close()

    results = {result.id: result for result in evaluate_objectives(session.state)}
    assert results["incident-reporting"].met is True
    message = next(m for m in exported["hotline"]["messages"] if m["id"] == "h1")
    assert message["route"] == ["azure", "verdant", "crimson"]
    released = {i["id"] for i in exported["injects"] if i["released_turn"] is not None}
    assert {"collision", "cable-cut", "boarding"} <= released
    assert "shots-fired" not in released


def test_in_airspace_cyber_only_force_crosses_no_shots_fired(tmp_path):
    """With automatic adjudication, moves count at once; the ladder leaves room for two
    non-violent escalations after the ransomware inject before 'No shots fired' is crossed."""
    from wargame.engine import Session
    from wargame.engine.objectives import evaluate_objectives

    session = Session.create(tmp_path / "play.wargame", ROOT / "scenarios" / "airspace-cyber.yaml")
    try:
        session.act("phase", {"to": "exercise"})
        session.act("next-turn", {})  # turn 2: the ransomware inject raises the tension
        for _ in range(2):
            session.act("move", {"by": "boreal", "type": "cyberattack", "target": "ardenia",
                                 "text": "Grey Heron is told to keep going"})
        no_shots = {r.id: r for r in evaluate_objectives(session.state)}["no-shots"]
        assert no_shots.met is True, no_shots.detail
        session.act("move", {"by": "ardenia", "type": "targeted-attack", "target": "boreal",
                             "text": "Strike the drone base"})
        results = {r.id: r for r in evaluate_objectives(session.state)}
    finally:
        session.close()
    assert results["no-shots"].met is False


def test_border_crisis_forum_brokers_a_pause_that_brings_the_monitoring_offer(tmp_path):
    """The Forum brokers a pause between Sudria and Veyra; once both accept it is in force
    and the Chair's monitoring offer is released; the Forum's own moves are not bound."""
    from wargame.engine import Session
    from wargame.engine.pauses import status

    session = Session.create(tmp_path / "b.wargame", ROOT / "scenarios" / "border-crisis.yaml")
    try:
        session.act("phase", {"to": "exercise"})
        session.act("propose-pause", {"by": "forum", "between": ["sudria", "veyra"],
                                      "turns": 2}, actor="forum")
        session.act("answer-pause", {"pause": "p1", "by": "sudria", "answer": "accept"},
                    actor="sudria")
        assert "monitoring-offer" not in session.state.injects  # Veyra has yet to answer
        session.act("answer-pause", {"pause": "p1", "by": "veyra", "answer": "accept"},
                    actor="veyra")
        pause = session.state.pauses["p1"]
        assert (status(session.state, pause), pause.parties) == ("active", ("sudria", "veyra"))
        assert session.state.injects["monitoring-offer"].released_turn == 1
    finally:
        session.close()
