"""`wargame trend`: a course's sessions of one scenario compared in time order."""

from __future__ import annotations

import shutil

import pytest

from test_debrief_helpers import golden_sessions
from wargame.cli import main
from wargame.debrief.trend import build_trend, load_sessions


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    folder = tmp_path_factory.mktemp("course")
    golden_sessions(folder)  # harbour-1 (March) and harbour-2 (June)
    return folder


def test_a_folder_gives_its_sessions_oldest_first(course):
    sessions = load_sessions(sorted(course.glob("*.wargame"), reverse=True))
    assert [label for label, _ in sessions] == ["harbour-1.wargame", "harbour-2.wargame"]


def test_the_trend_carries_indicators_peaks_objectives_and_items(course):
    trend = build_trend(load_sessions(sorted(course.glob("*.wargame"))))
    rows = {r["indicator"]: r for r in trend["indicators"]}
    assert set(rows) >= {"Hotline: late messages", "Misperception: mean absolute gap", "Objectives met"}
    assert all(len(r["cells"]) == 2 for r in trend["indicators"] + trend["peaks"] + trend["objectives"])
    assert any(r["trend"] in ("better", "worse") for r in trend["indicators"])
    assert trend["items"][0]["addressed"] == "–"  # nothing before the first session
    second = trend["items"][1]
    assert second["opened"] == 2
    assert second["addressed"] + second["open"] + second["follow_up"] >= 1  # the March items judged


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_command_writes_a_trend(course, tmp_path, capsys, fmt):
    target = tmp_path / f"trend.{fmt}"
    assert main(["trend", str(course), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "Harbour Incident (test)" in text and "harbour-1" in text and "harbour-2" in text
    assert "Peak rung per pair" in text and "Improvement items" in text
    if fmt == "html":
        assert "<script" not in text and 'class="sparkline"' in text


def test_sessions_of_different_scenarios_are_refused(course, tmp_path, capsys):
    other = tmp_path / "other.wargame"
    from test_debrief_helpers import FIXTURES, play_script, utc

    session = play_script(other, FIXTURES / "kahn-crisis-script.yaml", start=utc(2026, 5, 1, 9),
                          scenario=FIXTURES / "kahn-crisis.yaml")
    session.close()
    code = main(["trend", str(course / "harbour-1.wargame"), str(other)])
    err = capsys.readouterr().err
    assert code == 1 and "one scenario" in err and "kahn-crisis: other.wargame" in err


def test_a_folder_without_sessions_is_reported(tmp_path, capsys):
    assert main(["trend", str(tmp_path)]) == 1
    assert "no session files" in capsys.readouterr().err
