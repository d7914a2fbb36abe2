"""Report formats: a move type's typed fields, checked, recorded and exported."""

from __future__ import annotations

import pytest

from fixtures.engine.support import EXERCISE, HERE, play
from wargame.engine import Session
from wargame.engine.export import export_state
from wargame.errors import ActionRefused

CBM = HERE / "fixture-cbm.yaml"
FULL = {"time": "06:40", "position": "35.1N 24.3E", "nature": "near-miss",
        "units": "FS Argo, patrol boat 12", "distance": "150"}


def report(fields, mid="m1"):
    return ("move", {"id": mid, "by": "azure", "type": "incident-report", "target": "crimson",
                     "text": "We report", "fields": fields})


@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "r.wargame", CBM)
    play(session, EXERCISE)
    return session


def test_a_complete_report_is_recorded_with_typed_values(session):
    play(session, [report(FULL)])
    assert session.state.moves["m1"].fields == {**FULL, "distance": 150}
    exported = export_state(session.state)["moves"][0]
    assert exported["fields"]["distance"] == 150
    assert exported["completeness"] == 1.0


def test_optional_fields_left_out_lower_completeness(session):
    play(session, [report({"time": "06:40", "position": [35.1, 24.3], "nature": "collision"})])
    assert export_state(session.state)["moves"][0]["completeness"] == 0.6  # 3 of 5 fields


def test_missing_required_fields_are_refused_all_named_and_nothing_is_recorded(session):
    with pytest.raises(ActionRefused) as refused:
        play(session, [report({"units": "FS Argo", "time": " "})])
    assert "the incident-report report needs time, position, nature" in str(refused.value)
    assert session.state.moves == {}


@pytest.mark.parametrize("fields, words", [
    ({**FULL, "time": "dawn"}, "time: expected a time such as 06:40"),
    ({**FULL, "distance": "close"}, "distance: expected a number"),
    ({**FULL, "nature": "colision"}, "did you mean 'collision'"),
    ({**FULL, "position": [35.1]}, "position: expected a position"),
    ({**FULL, "weather": "fog"}, "has no field 'weather'"),
    ("a collision", "fields: expected field id -> value"),
])
def test_a_value_of_the_wrong_kind_is_refused(session, fields, words):
    with pytest.raises(ActionRefused, match=words):
        play(session, [report(fields)])


def test_a_move_type_without_a_format_takes_no_fields(session):
    with pytest.raises(ActionRefused, match="has no report format"):
        play(session, [("move", {"by": "azure", "type": "statement", "text": "We say",
                                 "fields": {"time": "06:40"}})])


def test_moves_without_a_format_export_no_report_keys(session):
    play(session, [("move", {"by": "azure", "type": "statement", "text": "We say"})])
    assert "fields" not in export_state(session.state)["moves"][0]


def test_the_debrief_shows_each_report_as_a_table(session):
    from wargame.debrief.render import render_debrief

    play(session, [report({"time": "06:40", "position": [35.1, 24.3], "nature": "collision",
                           "units": "<b>Argo</b>"}),
                   ("adjudicate", {"move": "m1", "decision": "approve"})])
    markdown = render_debrief(session.state, "md")
    assert "**m1** · turn 1 · Azure · Incident report (80 % complete)" in markdown
    assert "| Position | 35.1, 24.3 |" in markdown
    assert "| Closest approach (m) | – |" in markdown
    html = render_debrief(session.state, "html")
    assert "<th>Units involved</th><td>&lt;b&gt;Argo&lt;/b&gt;</td>" in html  # text, not markup
