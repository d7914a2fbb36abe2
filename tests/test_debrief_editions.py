"""The public edition never carries private text; the full edition carries all of it.

Every private thing a session can hold is seeded with a unique marker: private move text,
private notes, hotline messages and replies, delegations' private briefings, adjudication
notes (on public moves too), perception notes, and an inject addressed to one delegation.
"""

from __future__ import annotations

import shutil

import pytest

from test_debrief_helpers import FIXTURES, play_actions, utc
from wargame.debrief import render_debrief
from wargame.debrief.context import build_context

PRIVATE = {
    "private-move": "ZQX-PRIVATE-MOVE-7F3A",
    "private-note": "ZQX-PRIVATE-NOTE-91C2",
    "delegation-note": "ZQX-DELEGATION-NOTE-44E0",
    "hotline": "ZQX-HOTLINE-TEXT-5B8D",
    "relayed": "ZQX-RELAYED-TEXT-0A17",
    "reply": "ZQX-HOTLINE-REPLY-C6E9",
    "briefing-north": "ZQX-BRIEFING-NORTH-2D4F",
    "briefing-south": "ZQX-BRIEFING-SOUTH-8E1B",
    "adjudication-public": "ZQX-ADJUDICATION-PUBLIC-3F9C",
    "adjudication-private": "ZQX-ADJUDICATION-PRIVATE-77AD",
    "perception": "ZQX-PERCEPTION-NOTE-B2C5",
    "inject": "ZQX-INJECT-FOR-NORTH-6A0E",
}
PUBLIC = {
    "public-move": "ZQX-PUBLIC-MOVE-1234",
    "public-note": "ZQX-PUBLIC-NOTE-5678",
    "lesson": "ZQX-LESSON-9ABC",
}


def _scenario(folder):
    shutil.copy(FIXTURES / "harbour-rules.yaml", folder / "harbour-rules.yaml")
    text = (FIXTURES / "harbour.yaml").read_text(encoding="utf-8")
    text = text.replace("briefing: The pilots' union is about to strike.",
                        f"briefing: {PRIVATE['briefing-north']}")
    text = text.replace("briefing: South's tug fleet is short of crews.",
                        f"briefing: {PRIVATE['briefing-south']}")
    text = text.replace("text: Held back by control.", f"text: {PRIVATE['inject']}")
    path = folder / "harbour.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions")
    actions = [
        ("phase", {"to": "exercise"}),
        ("move", {"id": "m1", "by": "north", "type": "covert-survey", "target": "south",
                  "text": PRIVATE["private-move"], "visibility": "private"}),
        ("adjudicate", {"move": "m1", "decision": "approve", "note": PRIVATE["adjudication-private"]}),
        ("move", {"id": "m2", "by": "south", "type": "patrol", "target": "north",
                  "text": PUBLIC["public-move"], "intent": "status-quo"}),
        ("adjudicate", {"move": "m2", "decision": "approve", "note": PRIVATE["adjudication-public"]}),
        ("perceive", {"by": "north", "move": "m2", "as": "non-violent-escalation",
                      "note": PRIVATE["perception"]}),
        ("hotline", {"id": "h1", "from": "north", "to": "south", "text": PRIVATE["hotline"]}),
        ("ack", {"message": "h1", "by": "south", "text": PRIVATE["reply"]}),
        ("note", {"by": "facilitator", "text": PRIVATE["private-note"], "visibility": "private"}),
        ("note", {"by": "south", "text": PRIVATE["delegation-note"], "visibility": "private"}),
        ("note", {"by": "facilitator", "text": PUBLIC["public-note"], "visibility": "public"}),
        ("inject", {"id": "spare"}),
        ("next-turn", {}),
        ("hotline", {"id": "h2", "from": "south", "to": "north", "text": PRIVATE["relayed"]}),
        ("phase", {"to": "assess"}),
        ("lesson", {"kind": "strength", "text": PUBLIC["lesson"]}),
    ]
    opened = play_actions(folder / "editions.wargame", actions, start=utc(2026, 8, 3, 14),
                          scenario=_scenario(folder))
    yield opened
    opened.close()


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_public_edition_holds_no_private_text(session, fmt):
    public = render_debrief(session, format=fmt, edition="public")
    leaked = [name for name, marker in PRIVATE.items() if marker in public]
    assert not leaked, f"the public {fmt} debrief leaks: {leaked}"
    for name, marker in PUBLIC.items():
        assert marker in public, f"the public {fmt} debrief lost its public {name}"


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_full_edition_holds_everything(session, fmt):
    full = render_debrief(session, format=fmt, edition="full")
    missing = [name for name, marker in {**PRIVATE, **PUBLIC}.items() if marker in full]
    assert sorted(missing) == sorted({**PRIVATE, **PUBLIC}), (
        f"the full {fmt} debrief lacks: {sorted(set(PRIVATE) | set(PUBLIC) - set(missing))}")


def test_public_edition_says_what_was_withheld(session):
    withheld = build_context(session.state, edition="public")["edition"]["withheld"]
    assert "1 move withheld (private, between the parties only, or not approved by control)" \
        in withheld
    assert "2 notes withheld (private, or between the parties only)" in withheld
    assert any(line.startswith("2 hotline messages withheld") for line in withheld)
    assert "2 adjudication notes withheld" in withheld
    assert "2 private delegation briefings withheld" in withheld
    assert any(line.startswith("1 individual perception withheld") for line in withheld)
    md = render_debrief(session, format="md", edition="public")
    assert "1 move withheld" in md and "PUBLIC — declassified summary" in md


def test_public_edition_keeps_counts_and_timings(session):
    context = build_context(session.state, edition="public")
    hotline = context["assess"]["hotline"]
    assert hotline["messages"] == 2 and hotline["acknowledged"] == 1
    assert context["exercise"]["scores"]["rows"][0]["cells"][0] == 12  # the private move still scores


def test_the_full_edition_is_marked_for_the_control_cell(session):
    assert "FULL — control cell only" in render_debrief(session, format="html")
    assert "PUBLIC — declassified summary" in render_debrief(session, format="html", edition="public")
