"""A realistic run of the bundled Strait scenario debriefs completely in both editions.

The script (tests/fixtures/debrief/strait-incident-script.yaml) is the one used to look at
the report as a reader would; this keeps it playable and its report sound.
"""

from __future__ import annotations

import pytest

from test_debrief_helpers import FIXTURES, play_script, utc
from wargame.debrief import render_debrief
from wargame.paths import bundled_dir

SCENARIO = bundled_dir("scenarios") / "strait-incident.yaml"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("strait")
    opened = play_script(folder / "strait.wargame", FIXTURES / "strait-incident-script.yaml",
                         start=utc(2026, 10, 6, 13, 30), scenario=SCENARIO)
    yield opened
    opened.close()


def test_full_report_tells_the_story(session):
    md = render_debrief(session, format="md")
    assert "5 of 6 turns played" in md
    assert "peak Show of force in turn 3" in md
    assert "amended from non-violent escalation to posturing" in md
    assert "relayed: Republic of Azure → Verdant Confederation → Crimson Federation" in md
    assert "Only the Fisheries Minister and this delegation know" in md  # Azure's briefing


def test_public_report_withholds_the_private_parts(session):
    for fmt in ("html", "md"):
        public = render_debrief(session, format=fmt, edition="public")
        assert "Only the Fisheries Minister and this delegation know" not in public
        assert "what is the purpose and extent of the corvettes" not in public  # private move m11
        assert "Korsk: why is a frigate needed" not in public  # hotline text
        assert "No navigational warning was issued." not in public  # adjudication note
        assert "PUBLIC — declassified summary" in public
        assert "Mutual pause moments in turn 4 turned the crisis." in public  # a lesson
