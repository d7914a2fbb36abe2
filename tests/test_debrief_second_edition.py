"""The second edition's reading order and wording, on a 45-rung ladder (Kahn's).

The exercise (tests/fixtures/debrief/kahn-crisis*.yaml): three turns, four delegations,
one pair climbing past two thresholds with its peak inside turn 2, five pairs never
moving, the direct line cut by an inject and restored by control, a relayed message, a
rejected move, an unreleased inject and a hot-wash answer from the room.
"""

from __future__ import annotations

import re

import pytest

from test_debrief_helpers import FIXTURES, play_script, utc
from wargame.debrief import render_debrief
from wargame.debrief.context import build_context


@pytest.fixture(scope="module")
def kahn(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kahn")
    session = play_script(folder / "kahn.wargame", FIXTURES / "kahn-crisis-script.yaml",
                          start=utc(2026, 5, 4, 9), scenario=FIXTURES / "kahn-crisis.yaml")
    yield session
    session.close()


def test_key_findings_come_first_and_say_they_are_generated(kahn):
    for fmt in ("html", "md"):
        text = render_debrief(kahn, format=fmt)
        assert text.index("Key findings") < text.index("Facilitator's summary") < text.index("2. Plan")
        assert "Generated from the session's indicators" in text
        assert re.search(r"Highest escalation: Aurora – Boreas reached “Super-ready status” in turn 2, "
                         r"beyond the thresholds .*10 rungs short of the next threshold, “No nuclear use”", text)
        assert "1 expected response missed: Boreas: Hotline call" in text


def test_each_turn_reads_in_time_order_with_channel_changes(kahn):
    turns = build_context(kahn.state)["exercise"]["turns"]
    for turn in turns:
        when = {"message": "sent_at", "ack": "ack_at"}
        clocks = [e["item"][when.get(e["kind"], "at")] for e in turn["entries"]]
        assert clocks == sorted(clocks), f"{turn['title']} is out of order: {clocks}"
    kinds = {turn["title"]: [e["kind"] for e in turn["entries"]] for turn in turns}
    assert kinds["Turn 2"][:2] == ["inject", "channel"]  # the cut comes with the inject that caused it
    assert kinds["Turn 3"][0] == "channel"  # restored by control at the start of turn 3
    md = render_debrief(kahn, format="md")
    assert "Hotline Aurora – Boreas went down** by the inject “The Straits line is cut”" in md
    assert "Hotline Aurora – Boreas came back up** by control" in md


def test_wording_bugs_of_the_first_edition_are_gone(kahn):
    for fmt in ("html", "md"):
        text = render_debrief(kahn, format=fmt)
        assert "released not released" not in text
        hotwash = text[text.index("Hot wash"):]
        assert "The room:" in hotwash and "Facilitator:" not in hotwash
        assert "relayed: the largest allowance on the route" in text
    overview = {d["name"]: d for d in build_context(kahn.state)["overview"]["delegations"]}
    assert (overview["Cygnus"]["moves"], overview["Cygnus"]["approved"]) == (1, 0)  # the rejected move
    cbm = {r["delegation"]: r for r in build_context(kahn.state)["assess"]["cbm"]}
    assert (cbm["Cygnus"]["proposed"], cbm["Cygnus"]["approved"], cbm["Cygnus"]["share"]) == (1, 0, "–")


def test_only_pairs_that_moved_get_a_chart_and_the_rest_share_a_line(kahn):
    html = render_debrief(kahn, format="html")
    assert html.count('class="chart heat-map"') == 1
    assert html.count('class="chart ladder-chart"') == 1
    assert ("Never moved, stayed at Disagreement – Cold War:</strong> Aurora – Cygnus, "
            "Aurora – Straits Council, Boreas – Cygnus, Boreas – Straits Council, Cygnus – Straits Council.") in html
    chart = html[html.index('class="chart ladder-chart"'):]
    chart = chart[: chart.index("</svg>")]
    height = float(re.search(r'height="([0-9.]+)"', chart).group(1))
    assert height < 300  # a band of rungs, not the 45-rung ladder (about 1,800 px before)
    assert "rungs 1–12 of 0–44" in chart
