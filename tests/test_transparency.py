"""Transparency, end to end: no screen, export or public debrief shows a viewer anything
it may not see.

Every secret of a session is seeded with a unique marker: private moves, a control note,
a delegation's private note, hotline traffic off the viewer's route, other delegations'
private briefings and red lines, injects not addressed to the viewer, the unreleased
part of the MSEL, a retraction's reason. Each surface is then searched for every marker,
for every viewer. Markers a viewer may see are looked for too, so that a surface
showing nothing at all cannot pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_delegation_support import screen_text
from test_ui_support import settle

from wargame.cli import main
from wargame.engine import Session
from wargame.engine.visibility import screen_state
from wargame.paths import resolve_scenario
from wargame.ui.delegation.app import create_viewer_app
from wargame.ui.forms.base import ActionForm

DELEGATIONS = ("azure", "crimson", "verdant", "monitor")
VIEWERS = (*DELEGATIONS, "public")
EVERYONE = set(VIEWERS)

# marker -> the viewers that may see it (control sees everything)
MARKERS: dict[str, set[str]] = {
    "BRIEF-AZURE-Q7": {"azure"},
    "BRIEF-CRIMSON-Q7": {"crimson"},
    "BRIEF-VERDANT-Q7": {"verdant"},
    "BRIEF-MONITOR-Q7": {"monitor"},
    "REDLINE-AZURE-Q7": {"azure"},
    "MSEL-UNRELEASED-Q7": set(),
    "CONTROLNOTES-Q7": set(),  # an inject's control_notes, released or not
    "RELEASED-CONTROLNOTES-Q7": set(),
    "INJECT-AZURE-ONLY-Q7": {"azure"},
    "INJECT-CRIMSON-ONLY-Q7": {"crimson"},
    "PUBLICMOVE-Q7": EVERYONE,
    "PRIVMOVE-AZURE-Q7": {"azure"},
    "PRIVMOVE-CRIMSON-Q7": {"crimson"},
    "PENDING-CRIMSON-Q7": {"crimson"},  # public, but not adjudicated yet
    "DECISION-AZURE-Q7": {"azure"},
    "PERCEIVE-CRIMSON-Q7": {"crimson"},
    "HOTLINE-AC-Q7": {"azure", "crimson"},
    "ACK-AC-Q7": {"azure", "crimson"},
    "HOTLINE-RELAY-Q7": {"azure", "crimson", "verdant"},
    "CTRLNOTE-Q7": set(),
    "AZNOTE-Q7": {"azure"},
    "RETRACT-REASON-Q7": set(),
}
# What each surface is meant to show a viewer allowed to see it (the rest it need not).
SHOWN_ON_SCREEN = set(MARKERS) - {"AZNOTE-Q7", "PERCEIVE-CRIMSON-Q7"}
SHOWN_IN_EXPORT = set(MARKERS) - {"REDLINE-AZURE-Q7"}

OBSERVER = """  - id: monitor
    name: Monitoring Mission
    role: observer
    briefing: |
      BRIEF-MONITOR-Q7 Report to the Council only.
hotline:
"""


def marked_scenario(folder: Path) -> Path:
    text = resolve_scenario("strait-incident").read_text(encoding="utf-8")
    edits = {
        "**For the Azure delegation only.**": "**For the Azure delegation only.** BRIEF-AZURE-Q7",
        "**For the Crimson delegation only.**": "**For the Crimson delegation only.** BRIEF-CRIMSON-Q7",
        "**For the Verdant delegation only.**": "**For the Verdant delegation only.** BRIEF-VERDANT-Q7",
        "Boarding or seizure of an Azure-flagged vessel": "Boarding of an Azure vessel REDLINE-AZURE-Q7",
        "corvette 5 nm to the north-east, lasting 40 seconds.": "corvette. MSEL-UNRELEASED-Q7",
        "Release it by hand if play needs more pressure at sea.": "CONTROLNOTES-Q7 by hand.",
        "stand by while the search for Ilves continues?\n    objectives: [cues-at-sea]":
            "stand by? INJECT-AZURE-ONLY-Q7\n    control_notes: RELEASED-CONTROLNOTES-Q7\n"
            "    objectives: [cues-at-sea]",
        "proposes to \"show her the way out\".": "proposes to leave. INJECT-CRIMSON-ONLY-Q7",
        "hotline:\n": OBSERVER,
    }
    for old, new in edits.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / "scenarios" / "strait-incident.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def secrets_session(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("transparency")
    path = folder / "secrets.wargame"
    with Session.create(path, marked_scenario(folder)) as s:
        s.act("phase", {"to": "exercise"})
        s.act("move", {"by": "azure", "type": "naval-patrol", "target": "crimson",
                       "text": "PUBLICMOVE-Q7 patrol"}, actor="azure")
        s.act("move", {"by": "azure", "type": "transparency-notice", "visibility": "private",
                       "text": "PRIVMOVE-AZURE-Q7 quiet notice"}, actor="azure")
        s.act("move", {"by": "crimson", "type": "public-rhetoric", "visibility": "private",
                       "text": "PRIVMOVE-CRIMSON-Q7 briefing to editors"}, actor="crimson")
        s.act("adjudicate", {"move": "m1", "decision": "approve"})
        s.act("adjudicate", {"move": "m2", "decision": "approve", "note": "DECISION-AZURE-Q7"})
        s.act("adjudicate", {"move": "m3", "decision": "reject", "note": "ruled out"})
        s.act("perceive", {"by": "crimson", "move": "m1", "as": "posturing",
                           "note": "PERCEIVE-CRIMSON-Q7"}, actor="crimson")
        s.act("hotline", {"from": "azure", "to": "crimson", "text": "HOTLINE-AC-Q7 call"},
              actor="azure")
        s.act("ack", {"message": "h1", "by": "crimson", "text": "ACK-AC-Q7 noted"},
              actor="crimson")
        s.act("channel", {"between": ["azure", "crimson"], "status": "down"})
        s.act("hotline", {"from": "crimson", "to": "azure", "text": "HOTLINE-RELAY-Q7 relayed"},
              actor="crimson")
        s.act("note", {"by": "facilitator", "text": "CTRLNOTE-Q7 crimson hesitated",
                       "visibility": "private"})
        s.act("note", {"by": "azure", "text": "AZNOTE-Q7 our doubts", "visibility": "private"},
              actor="azure")
        s.act("move", {"by": "verdant", "type": "transparency-notice", "text": "Entered twice"},
              actor="verdant")
        s.act("retract", {"event": "m4", "reason": "RETRACT-REASON-Q7 duplicate"})
        s.act("move", {"by": "crimson", "type": "public-rhetoric", "visibility": "public",
                       "text": "PENDING-CRIMSON-Q7 awaiting control"}, actor="crimson")
        s.act("next-turn", {})
    return path


def check(surface: str, viewer: str, text: str, shown: set[str]) -> None:
    leaked = [m for m, allowed in MARKERS.items() if viewer not in allowed and m in text]
    assert not leaked, f"{surface} as {viewer} shows what it may not: {leaked}"
    missing = [m for m, allowed in MARKERS.items()
               if viewer in allowed and m in shown and m not in text]
    assert not missing, f"{surface} as {viewer} lacks what it should show: {missing}"


async def rendered(path: Path, viewer: str) -> str:
    """Everything the viewer's app shows: each tab, each form it can open, the notices."""
    app = create_viewer_app(Session.open(path), viewer, poll_interval=0.05)
    texts = []
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        for key in "1234":
            await pilot.press(key)
            await settle(pilot)
            texts += [screen_text(app), app.export_screenshot()]
        for key in "mhykr":  # move, message, reply, acknowledge, read a move
            await pilot.press(key)
            await settle(pilot)
            texts.append(screen_text(app))
            if isinstance(app.screen, ActionForm):
                await pilot.press("escape")
                await settle(pilot)
    return "\n".join(texts)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_what_a_screen_is_built_from_holds_no_secret_of_others(secrets_session: Path,
                                                               viewer: str) -> None:
    """Not hidden but absent: the whole object a screen reads (every record, the scenario)."""
    with Session.open(secrets_session) as session:
        everything = repr(screen_state(session.state, viewer))
    check("screen_state", viewer, everything, set(MARKERS))


@pytest.mark.parametrize("viewer", VIEWERS)
async def test_no_screen_shows_a_viewer_what_it_may_not_see(secrets_session: Path, viewer: str) -> None:
    check("the screen", viewer, await rendered(secrets_session, viewer), SHOWN_ON_SCREEN)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_no_export_shows_a_viewer_what_it_may_not_see(secrets_session: Path, viewer: str,
                                                      capsys) -> None:
    assert main(["export", str(secrets_session), "--as", viewer]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["viewer"] == viewer
    check("wargame export", viewer, out, SHOWN_IN_EXPORT)


def test_the_control_export_has_every_marker(secrets_session: Path, capsys) -> None:
    """The markers really are in the session: their absence elsewhere means something."""
    assert main(["export", str(secrets_session)]) == 0
    out = capsys.readouterr().out
    assert [m for m in SHOWN_IN_EXPORT if m not in out] == []


@pytest.mark.parametrize("format", ["md", "html"])
def test_the_public_debrief_shows_nothing_private(secrets_session: Path, format: str,
                                                  tmp_path: Path, capsys) -> None:
    pytest.importorskip("wargame.debrief")
    target = tmp_path / f"public.{format}"
    assert main(["debrief", str(secrets_session), "--edition", "public", "-o", str(target)]) == 0, \
        capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    # Red lines: the screens keep each delegation's to itself (a stricter rule than the
    # model's, where only the briefing is private); the debrief treats them as public.
    check("the public debrief", "public", text.replace("REDLINE-AZURE-Q7", ""), set())


def test_an_observer_screen_offers_no_action(secrets_session: Path) -> None:
    from wargame.ui.live import LiveSession

    with Session.open(secrets_session) as session:
        assert not LiveSession(session, "monitor").can_act
        assert not LiveSession(session, "public").can_act
        assert LiveSession(session, "verdant").can_act
