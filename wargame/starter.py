"""The commented starter scenario that ``wargame new`` writes.

The text is meant to be read top to bottom by a trainer who has never seen the format:
every section is present, each key carries a comment saying what it does, and the file
validates as written so the trainer can edit from something that works.
"""

from __future__ import annotations

import re

import yaml

ID_RULE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Placeholders are spelt so they cannot collide with YAML or Markdown syntax.
_TEMPLATE = """\
# yaml-language-server: $schema=@@SCHEMA@@
#
# A starter scenario written by `wargame new`. Read it top to bottom, then make it yours:
# every key is explained in the comment above or beside it. Ids (of the scenario,
# delegations, injects and objectives) are lowercase slugs: letters, digits and hyphens.
# Durations are written 30s, 20m, 6h or 2d. Unknown keys are an error, so a typo is caught
# by `wargame validate` instead of silently changing the exercise.

# The scenario's id: must equal the file name (without .yaml).
scenario: @@ID@@
# The title shown on the home screen and in the debrief.
title: @@TITLE@@
# The rulebook: an id looked up in rulebooks/ (cbm-standard and rivera-2024 are bundled),
# or a path relative to this file. It defines the escalation ladder, the move categories
# and the moves the delegations may play.
rulebook: cbm-standard

# The briefing everyone reads in the plan phase (Markdown). Say where, who, what has
# happened so far, how play works and what the exercise evaluates.
summary: |
  ## Situation

  The **Blue Republic** and the **Red Federation** share a river border. A fishing dispute
  has simmered all season. The **Green Commission**, a neutral river authority, runs the
  joint rescue centre and offers its good offices.

  ## Play

  Each turn stands for six hours of crisis; there are four turns of 15 minutes each.
  Delegations play moves from the *cbm-standard* rulebook and talk over the hotline.

  ## Evaluation focus

  Timely incident reports, hotline discipline, staying below an armed clash, and reading
  the other side's moves as they were meant.

# How long the exercise runs.
clock:
  turns: 4            # number of turns in the exercise phase
  turn_length: 6h     # crisis time one turn stands for
  timebox: 15m        # optional: the facilitator's real-time budget per turn

# Who plays. role: state or mediator (both make moves) or observer (watches, no moves).
delegations:
  - id: blue
    name: Blue Republic
    role: state
    objectives:                  # what the delegation tries to achieve
      - Bring the crew of the damaged boat home
      - Keep fishing rights without an exchange of fire
    red_lines:                   # what it will not accept
      - Boarding of a Blue-flagged vessel
    briefing: |                  # private: shown only to this delegation and to control
      **For Blue only.** Your boat was fishing on the wrong side of the line when the
      collision happened. Only you know.
  - id: red
    name: Red Federation
    role: state
    objectives:
      - Have Red's reading of the river line respected
    red_lines:
      - Blue warships on the Red side of the line
    briefing: |
      **For Red only.** Your patrol commander on the river is known for acting first and
      reporting later.
  - id: green
    name: Green Commission
    role: mediator
    objectives:
      - Keep both sides talking
    briefing: |
      **For Green only.** You may relay messages at once, but mediate only if both ask.

# The hotline network: undirected channels between delegations. A message travels along
# the shortest path of open channels, so traffic can be relayed through the mediator.
hotline:
  # relay: automatic (default) passes relayed traffic on at once; manual makes each message
  # wait on the mediator's screen until it passes it on (optionally with a note), and the
  # time it was held becomes an indicator.
  relay: automatic
  channels:
    # ack_within: turns allowed to acknowledge a message before it counts as late.
    # status: up (default) or down at the start; name: optional label.
    - {between: [blue, red], ack_within: 1, name: River hotline}
    - {between: [blue, green], ack_within: 1}
    - {between: [red, green], ack_within: 1}

# Optional starting rung for a pair of delegations (rung ids come from the rulebook's
# ladder); pairs not listed start on the bottom rung.
start:
  - {between: [blue, red], rung: friction}

# The Master Scenario Events List: what happens to the players.
#   turn: N      scheduled: released at the start of turn N
#   when: {...}  conditional: released the moment its condition holds -- a pair's rung
#                (between + rung_at_least/rung_at_most), an expected response met, late
#                or missed ({expectation: INJECT, status: missed}), an approved move
#                ({move: MOVE, by: DELEGATION}), a channel ({channel: [a, b], status: down}),
#                a pause moment ({pause: [a, b], status: violated}), a turn
#                ({turn_at_least: 3}); combine several under all: or any:
#   neither      contingency: released by hand by the facilitator
# In cbm-standard, an incident report has a report format (time, position, nature,
# units, actions taken) and an inspection request obliges its target to host the
# inspection within 24h (quota: 3 per delegation); a military exercise or a mobilization
# should follow a prior notification (the indicators count whether one came first); see
# docs/formats.md.
injects:
  - id: collision
    turn: 1
    title: Collision on the river
    from: Joint rescue centre       # who the inject comes from
    delivery: Phone call            # how it arrives: phone call, radio, email, news...
    to: all                         # all, or a list of delegation ids
    text: |
      A Blue fishing boat and a Red patrol boat collided at dawn near the border line.
      One Blue fisherman is missing.
    objectives: [incident-reports]  # the evaluation objectives this inject exercises
    expect:                         # expected responses: an approved move within N turns
      - {by: blue, move: incident-report, within: 1}
      - {by: red, move: incident-report, within: 1}
    effects:                        # what happens when it is released
      - {shift: {between: [blue, red], step: 1}}     # move the pair one rung up
  - id: hotline-cut
    turn: 2
    title: The river hotline fails
    from: Telecom operator
    delivery: Phone call
    to: [blue, red]
    text: The cable carrying the river hotline is cut. Calls must go through Green.
    objectives: [fast-hotline]
    effects:
      - {channel: {between: [blue, red], status: down}}   # up restores a channel
  - id: boarding
    when: {between: [blue, red], rung_at_least: confrontation}   # or rung_at_most: ...
    title: Red patrol boards a Blue boat
    from: Blue river police
    delivery: Radio report
    to: all
    text: A Red boarding team has climbed aboard a Blue fishing boat and detained its crew.
    control_notes: Only if play reaches confrontation; Green's move is what we watch for.
    expect:
      - {by: green, move: third-party-mediation, within: 1}
  - id: silence
    # Outcome-driven: released when Blue lets its collision report miss its window.
    when: {expectation: collision, status: missed, by: blue}
    title: Blue fishermen's union accuses the government of a cover-up
    from: River Voice newspaper
    delivery: Simulated news
    to: all
    text: With no incident report published, the union calls the silence a cover-up.

# How the exercise is evaluated. Each objective is rated P / S / M / U in the assess
# phase; a measure lets wargame check it from the session.
evaluation:
  objectives:
    - id: incident-reports
      text: Exchange incident reports within one turn of the collision
      capability: Operational communications     # optional: the capability exercised
      # expectations: every `expect` of the listed injects was met
      measure: {metric: expectations, injects: [collision]}
    - id: fast-hotline
      text: Acknowledge every hotline message within one turn
      # hotline_ack_turns: every message acknowledged within at_most turns
      measure: {metric: hotline_ack_turns, at_most: 1}
    - id: no-clash
      text: Stay below an armed clash
      # peak_rung: the pair's highest rung stays below (or at_most) a rung
      measure: {metric: peak_rung, between: [blue, red], below: clash}
    - id: read-intent
      text: Read the other side's moves as they were meant
      # misperception: mean absolute gap between the category a mover meant and the one
      # the other side read into it, in escalation-score points
      measure: {metric: misperception, at_most: 4}

# Questions for the hot wash in the assess phase.
hotwash:
  - What surprised you about the other delegation?
  - Which move did you misread, and what would have told you its intent sooner?
  - What one change would you make before the next exercise?

# Optional: the transparency charter, for what the fixed rules leave open (these are the
# defaults). Control sees everything; delegations see public moves, what is shared with
# them and their own; pending, rejected and retracted moves stay with their mover.
transparency:
  observers_see_ladder: true    # observers see the rungs of every pair
  relay_sees: text              # text | passage: what a delegation relaying a message sees
  public_objectives: true       # the public debrief lists objectives and red lines
  public_hotline_counts: true   # the public debrief gives hotline counts and timings
  public_pauses: false          # everyone sees an accepted pause moment, not only its parties
"""


def is_valid_id(scenario_id: str) -> bool:
    return bool(ID_RULE.match(scenario_id))


def title_from_id(scenario_id: str) -> str:
    """A readable first title: ``river-incident`` becomes ``River Incident``."""
    words = [word for word in scenario_id.split("-") if word]
    return " ".join(word[:1].upper() + word[1:] for word in words) or scenario_id


def starter_scenario(scenario_id: str, schema_ref: str) -> str:
    """The starter scenario's text for ``scenario_id``; ``schema_ref`` is the schema link."""
    if not is_valid_id(scenario_id):
        raise ValueError(f"not a valid scenario id: {scenario_id!r}")
    return (_TEMPLATE
            .replace("@@SCHEMA@@", schema_ref)
            .replace("@@ID@@", scenario_id)
            .replace("@@TITLE@@", _yaml_scalar(title_from_id(scenario_id))))


def _yaml_scalar(text: str) -> str:
    """Quote a plain title when YAML would read it as something else (``1999``, ``Yes``)."""
    if yaml.safe_load(text) == text and ":" not in text and not text.startswith(("#", "-")):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
