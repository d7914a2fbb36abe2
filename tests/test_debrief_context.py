"""The debrief's view-model: the rules it applies on top of the engine's figures."""

from __future__ import annotations

import pytest

from test_debrief_helpers import SCENARIO, golden_sessions, play_actions, utc
from wargame.debrief import render_debrief
from wargame.debrief.context import build_context
from wargame.debrief.history import earlier_sessions
from wargame.engine import Session


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pair")
    path = golden_sessions(folder)
    session = Session.open(path)
    yield folder, session
    session.close()


def test_the_earlier_session_of_the_same_scenario_is_the_baseline(pair):
    folder, session = pair
    found = earlier_sessions(session.path, session.state)
    assert [label for label, _ in found] == ["harbour-1.wargame"]


def test_a_session_has_no_baseline_when_it_is_the_earliest(pair):
    folder, _ = pair
    with Session.open(folder / "harbour-1.wargame") as first:
        assert earlier_sessions(first.path, first.state) == []


def test_other_files_and_other_scenarios_beside_it_are_ignored(tmp_path):
    path = golden_sessions(tmp_path)
    (tmp_path / "notes.wargame").write_text("not a session", encoding="utf-8")
    with Session.open(path) as session:
        assert [label for label, _ in earlier_sessions(path, session.state)] == ["harbour-1.wargame"]


def test_earlier_improvement_items_are_classified_by_the_documented_rule(pair):
    _, session = pair
    context = build_context(session.state, earlier=earlier_sessions(session.path, session.state))
    previous = context["adjust"]["previous"]
    status = {item["issue"]: (item["status_key"], item["overdue"]) for item in previous["earlier_items"]}
    assert status == {
        "Slow hotline replies": ("open", True),          # objective fast-hotline not met here
        "Escalation to a standoff": ("addressed", False),  # objective below-clash met here
        "No pilot boats in fog": ("open", True),          # raised again in this plan
        "Press briefings too late": ("follow-up", False),  # nothing says either way
    }
    assert previous["counts"] == {"addressed": 1, "open": 2, "follow-up": 1}


def test_indicators_are_compared_with_the_baseline(pair):
    _, session = pair
    context = build_context(session.state, earlier=earlier_sessions(session.path, session.state))
    rows = {row["indicator"]: row for row in context["adjust"]["previous"]["indicators"]}
    peak = rows["Peak level, North Port Authority – South Harbour Board"]
    assert (peak["before"], peak["now"], peak["trend"]) == ("Armed clash (4)", "Standoff (3)", "better")
    assert rows["Late hotline messages"]["delta"] == "−1"
    assert rows["Confidence-building moves (approved)"]["trend"] == "better"
    assert rows["Objectives met"]["now"] == "1 of 4"


def test_the_summary_is_the_facilitators_summary_note(pair):
    _, session = pair
    summary = build_context(session.state)["overview"]["summary"]
    assert summary["text"].startswith("Both sides stepped back")


def test_without_a_summary_note_the_last_public_facilitator_note_after_play_is_used(tmp_path):
    actions = [("phase", {"to": "exercise"}),
               ("note", {"by": "facilitator", "text": "During play", "visibility": "public"}),
               ("phase", {"to": "assess"}),
               ("note", {"by": "facilitator", "text": "Secret view", "visibility": "private"}),
               ("note", {"by": "facilitator", "text": "Went well overall", "visibility": "public"})]
    with play_actions(tmp_path / "s.wargame", actions, start=utc(2026, 1, 5, 8)) as session:
        summary = build_context(session.state)["overview"]["summary"]
        assert summary["text"] == "Went well overall" and "assess" in summary["source"]


def test_amended_moves_say_from_what_to_what(pair):
    _, session = pair
    turns = build_context(session.state)["exercise"]["turns"]
    moves = {m["id"]: m for t in turns for m in t["moves"]}
    assert moves["m4"]["amended"] == "amended from non-violent escalation to posturing"
    assert moves["m7"]["status"] == "retracted" and moves["m7"]["retract_reason"]


def test_expected_responses_say_when_they_came(pair):
    _, session = pair
    rows = build_context(session.state)["assess"]["expectations"]
    came = {(r["by"], r["move"]): (r["result"], r["came"]) for r in rows}
    assert came[("North Port Authority", "Incident report")] == (True, "turn 1 (m1)")
    assert came[("South Harbour Board", "Hotline call")] == (False, "late, turn 4 (m9)")


def test_pair_levels_follow_the_ladder_turn_by_turn(pair):
    _, session = pair
    pairs = build_context(session.state)["exercise"]["pairs"]
    main = pairs[0]
    assert main["label"] == "North Port Authority – South Harbour Board"
    assert main["rungs_by_turn"] == ["Friction", "Standoff", "Standoff", "Formal protest", "Formal protest"]
    assert (main["peak"], main["peak_turn"]) == ("Standoff", 1)


def test_a_fresh_session_renders_without_events(tmp_path):
    with Session.create(tmp_path / "fresh.wargame", SCENARIO) as session:
        for fmt in ("html", "md"):
            for edition in ("full", "public"):
                text = render_debrief(session, format=fmt, edition=edition)
                assert "Harbour Incident (test)" in text


def test_a_bare_state_renders_too(pair):
    _, session = pair
    text = render_debrief(session.state, format="md")
    assert "No earlier session" in text  # no file, so no look back


def test_the_html_is_self_contained_and_print_ready(pair):
    _, session = pair
    html = render_debrief(session, format="html")
    for remote in ("<script", "src=", "<link", "@import", "url("):
        assert remote not in html
    # The all-pairs heat map, a chart for the one pair that moved, and the scores.
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 3
    assert html.count('class="chart ladder-chart"') == 1
    for rule in ("@media print", "@page", "size: A4", "break-inside: avoid"):
        assert rule in html
