"""The ladder reads on a small terminal even with Kahn's 44 rungs (plus one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_ui_support import settle
from wargame.engine import Session
from wargame.ui.app import create_app
from wargame.ui.widgets.ladder import LadderView

THRESHOLDS = ["Don't rock the boat", "Nuclear war is unthinkable", "No nuclear use",
              "Central sanctuary", "Central war", "City targeting"]


def kahn_like(folder: Path) -> Path:
    """A 45-rung rulebook with six thresholds, and a scenario starting one pair high up."""
    rungs = "\n".join(f"    - {{id: rung-{i:02d}, name: Rung number {i}}}" for i in range(45))
    thresholds = "\n".join(f"    - {{name: \"{name}\", above: rung-{6 * (n + 1) + 2:02d}}}"
                           for n, name in enumerate(THRESHOLDS))
    (folder / "kahn.yaml").write_text(f"""\
rulebook: kahn
title: A long ladder
ladder:
  rungs:
{rungs}
  thresholds:
{thresholds}
categories:
  de-escalation: {{score: -2, step: -1}}
  posturing: {{score: 4, step: 1}}
moves:
  - {{id: stand-down, name: Stand down, category: de-escalation, cbm: true}}
  - {{id: patrol, name: Patrol, category: posturing}}
""", encoding="utf-8")
    scenario = folder / "long.yaml"
    scenario.write_text("""\
scenario: long
title: The long ladder
rulebook: kahn.yaml
clock: {turns: 3, turn_length: 6h}
delegations:
  - {id: azure, name: Azure}
  - {id: crimson, name: Crimson}
  - {id: verdant, name: Verdant}
start:
  - {between: [azure, crimson], rung: rung-31}
""", encoding="utf-8")
    return scenario


def visible_text(ladder: LadderView) -> list[str]:
    return [ladder.render_line(y).text for y in range(ladder.scrollable_content_region.height)]


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_a_45_rung_ladder_scrolls_to_the_selected_pair(tmp_path: Path, monkeypatch, size) -> None:
    monkeypatch.chdir(tmp_path)
    session = Session.create(tmp_path / "long.wargame", kahn_like(tmp_path))
    session.act("phase", {"to": "exercise"})
    app = create_app(session, poll_interval=None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        ladder = app.screen.query_one("#ladder-view", LadderView)
        assert ladder.virtual_size.height == 45 + len(THRESHOLDS)
        shown = visible_text(ladder)
        # The selected pair (azure–crimson) stands on rung 31, scrolled into view and marked.
        here = next(line for line in shown if "[AC]" in line)
        assert "31" in here and "Rung number 31" in here and here.startswith("▶")
        assert any("Central sanctuary" in line for line in shown)  # threshold lines are drawn
        # The off-ramp runs down from rung 31 through the rungs below, marked ⇣.
        assert any(line.startswith("⇣") and "Rung number 30" in line for line in shown)
        ladder.focus()
        await pilot.press("right")  # the next pair stands on the bottom rung: the view follows
        await settle(pilot)
        shown = visible_text(ladder)
        bottom = next(line for line in shown if "Rung number 0 " in line or line.rstrip().endswith("Rung number 0"))
        assert "[AV]" in bottom and bottom.startswith("▶")
