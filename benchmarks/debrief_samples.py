"""Sample exercises for the debrief's benchmarks and print checks: 8 delegations, 14 turns.

``build(folder, actions)`` writes the scenario (the benchmark ladder with thresholds, seven
states and a mediator, ring and hub hotline channels) and plays a generated, valid script
of about ``actions`` actions into ``folder/NAME.wargame``. Around 230 actions is a
realistic table-top exercise; 10,000 is the benchmark's stress case.

    .venv/bin/python benchmarks/debrief_samples.py FOLDER [--actions N] [--sessions K]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from wargame.engine import Session

STATES = [f"state-{i}" for i in range(1, 8)]
MEDIATOR = "mediator"
TURNS = 14

RULEBOOK = """rulebook: sample-ladder
title: Sample ladder (nine rungs)
ladder:
  rungs:
    - {id: calm, name: Calm}
    - {id: friction, name: Friction}
    - {id: protest, name: Formal protest}
    - {id: posturing, name: Posturing}
    - {id: show-of-force, name: Show of force}
    - {id: confrontation, name: Confrontation}
    - {id: blockade, name: Blockade}
    - {id: clash, name: Armed clash}
    - {id: war, name: Open hostilities}
  thresholds:
    - {name: Don't rock the boat, above: friction}
    - {name: Diplomats not soldiers, above: protest}
    - {name: No shots fired, above: blockade}
categories:
  de-escalation:           {score: -2, step: -1}
  status-quo:              {score: 0,  step: 0}
  posturing:               {score: 4,  step: 0}
  non-violent-escalation:  {score: 12, step: 1}
  violent-escalation:      {score: 28, step: 2}
  nuclear:                 {score: 60, step: 3}
adjudication: facilitator
moves:
  - {id: hotline-call, name: Hotline call, category: status-quo, cbm: true, target: required}
  - {id: incident-report, name: Incident report, category: status-quo, cbm: true, target: required}
  - {id: pause, name: Pause, category: de-escalation, cbm: true, target: required}
  - {id: statement, name: Statement, category: posturing, target: none}
  - {id: patrol, name: Patrol, category: posturing, target: required, step: 1}
  - {id: probe, name: Probe, category: non-violent-escalation, target: required, visibility: private}
  - {id: strike, name: Strike, category: violent-escalation, target: required}
"""
TYPES = ["hotline-call", "incident-report", "pause", "statement", "patrol", "patrol", "probe", "strike"]
CATEGORIES = ["de-escalation", "status-quo", "posturing", "non-violent-escalation", "violent-escalation"]


def scenario_text() -> str:
    names = ["Azure", "Crimson", "Verdant", "Ochre", "Indigo", "Umber", "Silver"]
    delegations = "".join(f"  - {{id: {d}, name: {n} Republic, role: state}}\n" for d, n in zip(STATES, names))
    delegations += f"  - {{id: {MEDIATOR}, name: Regional Mediator, role: mediator}}\n"
    ring = [(STATES[i], STATES[(i + 1) % len(STATES)]) for i in range(len(STATES))]
    hub = [(MEDIATOR, s) for s in STATES]
    channels = "".join(f"    - {{between: [{a}, {b}], ack_within: {1 + i % 2}}}\n"
                       for i, (a, b) in enumerate(ring + hub))
    injects = "".join(
        f"  - {{id: news-{t}, turn: {t}, title: Turn {t} news, to: all, text: \"Reports of **incident {t}**.\",\n"
        f"     expect: [{{by: {STATES[t % 7]}, move: incident-report, within: 1}}]}}\n"
        for t in range(1, TURNS + 1, 3))
    return f"""scenario: sample-course
title: Regional Crisis Course (8 delegations, 14 turns)
rulebook: sample-ladder.yaml
summary: |
  Seven neighbours and a mediator manage a **crisis at sea** over fourteen turns.
clock: {{turns: {TURNS}, turn_length: 6h}}
delegations:
{delegations}hotline:
  channels:
{channels}injects:
{injects}evaluation:
  objectives:
    - {{id: hotline, text: Acknowledge hotline messages in time, measure: {{metric: hotline_ack_turns, at_most: 1}}}}
    - {{id: peak, text: Stay below an armed clash, measure: {{metric: peak_rung, between: [{STATES[0]}, {STATES[1]}], below: clash}}}}
    - {{id: expectations, text: Report incidents in time, measure: {{metric: expectations}}}}
    - {{id: intent, text: Read each other's intent, measure: {{metric: misperception, at_most: 4}}}}
hotwash:
  - What surprised you?
  - What would you change?
"""


def generate(count: int, rng: random.Random) -> list[tuple[str, dict]]:
    """A valid script of about ``count`` actions spread over the 14 turns, then a review."""
    actions: list[tuple[str, dict]] = [("phase", {"to": "exercise"})]
    per_turn = max(8, round(count / TURNS / 1.55))  # a move brings its adjudication
    moves = messages = 0
    unacked: list[tuple[str, str]] = []
    public: list[tuple[str, str]] = []
    for turn in range(1, TURNS + 1):
        if turn > 1:
            actions.append(("next-turn", {}))
        for _ in range(per_turn):
            roll = rng.random()
            if roll < 0.55:
                moves += 1
                type_id = rng.choice(TYPES)
                by = rng.choice(STATES + [MEDIATOR])
                payload = {"id": f"m{moves}", "by": by, "type": type_id, "intent": rng.choice(CATEGORIES),
                           "text": f"Move {moves}: {type_id.replace('-', ' ')} by {by}"}
                if type_id != "statement":
                    payload["target"] = rng.choice([d for d in STATES if d != by])
                actions.append(("move", payload))
                decision = rng.choice(["approve"] * 4 + ["reject", "amend"])
                adjudication = {"move": payload["id"], "decision": decision}
                if decision == "amend":
                    adjudication["category"] = rng.choice(CATEGORIES)
                actions.append(("adjudicate", adjudication))
                if type_id != "probe" and decision != "reject":
                    public.append((payload["id"], by))
            elif roll < 0.75:
                messages += 1
                sender, recipient = rng.sample(STATES + [MEDIATOR], 2)
                actions.append(("hotline", {"id": f"h{messages}", "from": sender, "to": recipient,
                                            "text": f"Message {messages} from {sender}"}))
                unacked.append((f"h{messages}", recipient))
            elif roll < 0.88 and unacked:
                message, recipient = unacked.pop(rng.randrange(len(unacked)))
                actions.append(("ack", {"message": message, "by": recipient, "text": "Received"}))
            elif roll < 0.96 and public:
                move, mover = rng.choice(public[-50:])
                by = rng.choice([d for d in STATES if d != mover])
                actions.append(("perceive", {"by": by, "move": move, "as": rng.choice(CATEGORIES)}))
            else:
                actions.append(("note", {"by": "facilitator", "text": f"Observation in turn {turn}",
                                         "visibility": "public"}))
    actions += [
        ("phase", {"to": "assess"}),
        ("rate", {"objective": "hotline", "rating": "S", "note": "Some replies were slow"}),
        ("rate", {"objective": "peak", "rating": "M"}),
        ("lesson", {"kind": "strength", "text": "The mediator kept channels open", "objective": "hotline"}),
        ("lesson", {"kind": "improvement", "text": "Incident reports came late", "objective": "expectations"}),
        ("hotwash", {"question": 0, "answer": "How fast patrols escalated"}),
        ("hotwash", {"question": 1, "answer": "Test relays first", "by": STATES[0]}),
        ("phase", {"to": "adjust"}),
        ("improve", {"issue": "Late incident reports", "action": "Drill the report form", "owner": "Mediator",
                     "capability": "training", "due": "2026-12-01", "objective": "expectations"}),
    ]
    return actions


def build(folder: Path, actions: int = 230, name: str = "course", seed: int = 20261202) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sample-ladder.yaml").write_text(RULEBOOK, encoding="utf-8")
    (folder / "sample-course.yaml").write_text(scenario_text(), encoding="utf-8")
    path = folder / f"{name}.wargame"
    path.unlink(missing_ok=True)
    script = generate(actions, random.Random(seed))
    with Session.create(path, folder / "sample-course.yaml") as session:
        with session.batch() as batch:  # one transaction: the subject is the debrief, not the log
            for second, (kind, payload) in enumerate(script):
                batch.act(kind, payload, at=float(second * 7))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--actions", type=int, default=230)
    parser.add_argument("--sessions", type=int, default=1)
    args = parser.parse_args()
    for k in range(args.sessions):
        path = build(Path(args.folder), args.actions, name=f"course-{k + 1:02d}", seed=20261202 + k)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
