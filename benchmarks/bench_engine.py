"""Engine benchmark: a 12-delegation exercise of 10,000 committed actions.

Prints each figure beside its budget and exits 1 when one is over:
- actions/s through Session.act, every action committed to the session file (>= 2,000/s);
- `wargame export SESSION` in a fresh process: open the file, fold the log, export (<= 3 s);
- peak memory (max resident set size) of the benchmark and of the export (<= 300 MB).

    .venv/bin/python benchmarks/bench_engine.py [--actions N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wargame.engine import Session

ACTIONS_PER_SECOND_BUDGET = 2000
EXPORT_SECONDS_BUDGET = 3.0
PEAK_MEMORY_MB_BUDGET = 300
STATES = [f"state-{i:02d}" for i in range(1, 11)]
MEDIATOR, OBSERVER = "mediator", "observer"
TURNS = 20

RULEBOOK = """rulebook: bench-ladder
title: Benchmark ladder
ladder:
  rungs:
    - {id: calm, name: Calm}
    - {id: friction, name: Friction}
    - {id: protest, name: Protest}
    - {id: standoff, name: Standoff}
    - {id: confrontation, name: Confrontation}
    - {id: clash, name: Clash}
    - {id: war, name: War}
  jumps:
    - {from: friction, to: confrontation, name: Surprise}
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
  - {id: pause, name: Pause, category: de-escalation, cbm: true, target: optional}
  - {id: joint-statement, name: Joint statement, category: de-escalation, cbm: true, target: required, step: -2}
  - {id: statement, name: Statement, category: posturing, target: none}
  - {id: patrol, name: Patrol, category: posturing, target: required, step: 1}
  - {id: probe, name: Probe, category: non-violent-escalation, target: required, visibility: private}
  - {id: strike, name: Strike, category: violent-escalation, target: required}
"""


def scenario_text() -> str:
    delegations = "".join(f"  - {{id: {d}, name: {d.title()}, role: state}}\n" for d in STATES)
    delegations += f"  - {{id: {MEDIATOR}, name: Mediator, role: mediator}}\n"
    delegations += f"  - {{id: {OBSERVER}, name: Observer, role: observer}}\n"
    ring = [(STATES[i], STATES[(i + 1) % len(STATES)]) for i in range(len(STATES))]
    hub = [(MEDIATOR, s) for s in STATES]
    channels = "".join(f"    - {{between: [{a}, {b}], ack_within: {1 + i % 2}}}\n"
                       for i, (a, b) in enumerate(ring + hub))
    injects = "".join(
        f"  - {{id: scheduled-{t}, turn: {t}, title: Turn {t} news, to: all, text: News,\n"
        f"     expect: [{{by: {STATES[t % 10]}, move: incident-report, within: 1}}],\n"
        f"     effects: [{{shift: {{between: [{STATES[t % 10]}, {STATES[(t + 1) % 10]}], "
        f"step: 1}}}}]}}\n"
        for t in range(1, TURNS + 1))
    injects += "".join(
        f"  - {{id: alarm-{i}, when: {{between: [{STATES[i]}, {STATES[i + 1]}], "
        f"rung_at_least: confrontation}}, title: Alarm {i}, to: all, text: Alarm}}\n"
        for i in range(9))
    return f"""scenario: bench-exercise
title: Benchmark exercise
rulebook: bench-ladder.yaml
clock: {{turns: {TURNS}, turn_length: 6h}}
delegations:
{delegations}hotline:
  channels:
{channels}injects:
{injects}evaluation:
  objectives:
    - {{id: hotline, text: Fast hotline, measure: {{metric: hotline_ack_turns, at_most: 1}}}}
    - {{id: peak, text: Below clash, measure: {{metric: peak_rung, between: [{STATES[0]}, {STATES[1]}], below: clash}}}}
    - {{id: expectations, text: Expected responses, measure: {{metric: expectations}}}}
    - {{id: intent, text: Read intent, measure: {{metric: misperception, at_most: 4}}}}
"""


TYPES = [("hotline-call", True), ("incident-report", True), ("pause", None),
         ("joint-statement", True), ("statement", False), ("patrol", True), ("probe", True),
         ("strike", True)]
CATEGORIES = ["de-escalation", "status-quo", "posturing", "non-violent-escalation",
              "violent-escalation"]


def generate(count: int, rng: random.Random) -> list[tuple[str, dict]]:
    """A valid script: the generator tracks what the engine will accept."""
    actions: list[tuple[str, dict]] = [("phase", {"to": "exercise"})]
    pending: list[str] = []
    public_moves: list[tuple[str, str]] = []  # (id, mover)
    unacked: list[tuple[str, str]] = []  # (id, recipient)
    cut: set[tuple[str, str]] = set()
    per_turn = count // TURNS
    moves = messages = 0
    while len(actions) < count:
        if len(actions) % per_turn == 0 and len(actions) // per_turn < TURNS:
            actions.append(("next-turn", {}))
            continue
        roll = rng.random()
        if roll < 0.25 or (roll < 0.45 and not pending):
            moves += 1
            type_id, needs_target = rng.choice(TYPES)
            by = rng.choice(STATES + [MEDIATOR])
            payload = {"id": f"m{moves}", "by": by, "type": type_id, "text": f"move {moves}",
                       "intent": rng.choice(CATEGORIES)}
            if needs_target or (needs_target is None and rng.random() < 0.5):
                payload["target"] = rng.choice([d for d in STATES if d != by])
            actions.append(("move", payload))
            pending.append(payload["id"])
            if type_id != "probe":
                public_moves.append((payload["id"], by))
        elif roll < 0.45:
            move = pending.pop(rng.randrange(len(pending)))
            decision = rng.choice(["approve", "approve", "approve", "reject", "amend"])
            payload = {"move": move, "decision": decision}
            if decision == "amend":
                payload["category"] = rng.choice(CATEGORIES)
            actions.append(("adjudicate", payload))
        elif roll < 0.65:
            messages += 1
            sender, recipient = rng.sample(STATES + [MEDIATOR], 2)
            actions.append(("hotline", {"id": f"h{messages}", "from": sender, "to": recipient,
                                        "text": f"message {messages}"}))
            unacked.append((f"h{messages}", recipient))
        elif roll < 0.80 and unacked:
            message, recipient = unacked.pop(rng.randrange(len(unacked)))
            actions.append(("ack", {"message": message, "by": recipient}))
        elif roll < 0.90 and public_moves:
            move, mover = rng.choice(public_moves[-200:])
            by = rng.choice([d for d in STATES + [OBSERVER] if d != mover])
            actions.append(("perceive", {"by": by, "move": move, "as": rng.choice(CATEGORIES)}))
        elif roll < 0.99:
            actions.append(("note", {"by": rng.choice(STATES + ["facilitator"]),
                                     "text": "note", "visibility": rng.choice(["public",
                                                                               "private"])}))
        else:
            index = rng.randrange(len(STATES))
            pair = (STATES[index], STATES[(index + 1) % len(STATES)])
            status = "up" if pair in cut else "down"
            (cut.discard if status == "up" else cut.add)(pair)
            actions.append(("channel", {"between": list(pair), "status": status}))
    return actions[:count]


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports kilobytes


def line(name: str, value: float, budget: float, unit: str, higher_is_better: bool) -> bool:
    ok = value >= budget if higher_is_better else value <= budget
    sign = ">=" if higher_is_better else "<="
    print(f"{name:<34} {value:>10.2f} {unit:<10} budget {sign} {budget:g} {unit}  "
          f"{'ok' if ok else 'OVER BUDGET'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--keep", help="write the scenario and session into this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="wargame-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench-ladder.yaml").write_text(RULEBOOK, encoding="utf-8")
    (folder / "bench-exercise.yaml").write_text(scenario_text(), encoding="utf-8")
    session_path = folder / "bench.wargame"
    session_path.unlink(missing_ok=True)
    script = generate(args.actions, random.Random(20261122))

    session = Session.create(session_path, folder / "bench-exercise.yaml")
    started = time.perf_counter()
    for second, (kind, payload) in enumerate(script):
        session.act(kind, payload, at=float(second))
    elapsed = time.perf_counter() - started
    state = session.state
    session.close()
    assert not state.void and len(state.events) == len(script)

    started = time.perf_counter()
    export = subprocess.run([sys.executable, "-m", "wargame", "export", str(session_path)],
                            capture_output=True, text=True)
    export_seconds = time.perf_counter() - started
    if export.returncode != 0:
        print(export.stderr, file=sys.stderr)
        return 1

    print(f"{len(script):,} actions, {len(state.moves):,} moves, {len(state.messages):,} "
          f"messages, {len(state.perceptions):,} perceptions, 12 delegations, "
          f"turn {state.turn}; session {session_path.stat().st_size / 1e6:.1f} MB; "
          f"export {len(export.stdout) / 1e6:.1f} MB of JSON")
    results = [
        line("actions/s (each committed)", len(script) / elapsed, ACTIONS_PER_SECOND_BUDGET,
             "actions/s", True),
        line("wargame export, fresh process", export_seconds, EXPORT_SECONDS_BUDGET, "s",
             False),
        line("peak memory, benchmark process", peak_mb(resource.RUSAGE_SELF),
             PEAK_MEMORY_MB_BUDGET, "MB", False),
        line("peak memory, export process", peak_mb(resource.RUSAGE_CHILDREN),
             PEAK_MEMORY_MB_BUDGET, "MB", False),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
