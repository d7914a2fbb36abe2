"""Golden files of the debrief: both formats, both editions, of a scripted session.

The session (tests/fixtures/debrief/harbour-script.yaml) is played through the engine on
a fixed clock next to an earlier run of the same scenario, so every section, including
the look back, has content and the output is byte-for-byte stable.

To regenerate the golden files after an intended change, run

    WARGAME_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_debrief_golden.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_debrief_helpers import golden_sessions
from wargame.debrief import render_debrief
from wargame.engine import Session

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("WARGAME_REGEN_GOLDEN") == "1"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    path = golden_sessions(tmp_path_factory.mktemp("golden"))
    opened = Session.open(path)
    yield opened
    opened.close()


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("edition", ["full", "public"])
def test_debrief_matches_golden_file(session, fmt, edition):
    text = render_debrief(session, format=fmt, edition=edition)
    golden = GOLDEN / f"debrief-{edition}.{fmt}"
    if REGENERATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"{golden} is missing: run with WARGAME_REGEN_GOLDEN=1 to create it"
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, (f"{golden.name} differs from the rendered debrief; if the change "
                              "is intended, regenerate with WARGAME_REGEN_GOLDEN=1 and review the diff")


def test_rendering_twice_gives_the_same_text(session):
    assert render_debrief(session, format="html") == render_debrief(session, format="html")
