"""Budget: validating a large scenario costs at most 3x PyYAML's C loader parsing it.

Generates a scenario with 12 delegations and 2,000 injects (and its rulebook) in a
temporary folder, then times `validate_paths` on it (best of several runs) against
`yaml.load(text, Loader=yaml.CSafeLoader)` alone on the same text. Prints both figures,
the ratio and the budget; exits 1 when over budget.

Run: .venv/bin/python benchmarks/bench_validate.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

from wargame.loader import validate_paths

BUDGET = 3.0
RUNS = 7
DELEGATIONS = 12
INJECTS = 2000
TURNS = 12

RULEBOOK = """\
rulebook: bench-ladder
title: Benchmark ladder
ladder:
  rungs:
    - {id: routine, name: Routine contact}
    - {id: friction, name: Friction}
    - {id: confrontation, name: Confrontation}
    - {id: crisis, name: Crisis}
    - {id: clash, name: Armed clash}
  thresholds:
    - {name: Don't rock the boat, above: friction}
  jumps:
    - {from: friction, to: crisis, name: Surprise seizure}
categories:
  de-escalation: {score: -2, step: -1}
  status-quo: {score: 0, step: 0}
  posturing: {score: 4, step: 0}
  non-violent-escalation: {score: 12, step: 1}
moves:
  - {id: hotline-call, name: Hotline call, category: status-quo, cbm: true, target: required}
  - {id: naval-patrol, name: Naval patrol, category: posturing}
  - {id: incident-report, name: Incident report, category: status-quo, target: none}
  - {id: stand-down, name: Stand down, category: de-escalation}
"""


def scenario_text() -> str:
    ids = [f"delegation-{i:02d}" for i in range(DELEGATIONS)]
    lines = [
        "scenario: bench", "title: Benchmark scenario", "rulebook: bench-ladder",
        "summary: |", "  A generated scenario for the validation benchmark.",
        "clock:", f"  turns: {TURNS}", "  turn_length: 6h", "  timebox: 20m", "delegations:",
    ]
    for index, delegation in enumerate(ids):
        lines += [f"  - id: {delegation}", f"    name: Delegation number {index}",
                  "    role: state" if index else "    role: mediator",
                  "    objectives: [Keep the strait open, Avoid an exchange of fire]",
                  "    red_lines: [Boarding of a flagged vessel]"]
    lines += ["hotline:", "  channels:"]
    for a, b in zip(ids, ids[1:]):
        lines.append(f"    - {{between: [{a}, {b}], ack_within: 1}}")
    lines.append("start:")
    lines.append(f"  - {{between: [{ids[0]}, {ids[1]}], rung: friction}}")
    lines.append("injects:")
    for index in range(INJECTS):
        a, b = ids[index % DELEGATIONS], ids[(index + 1) % DELEGATIONS]
        lines += [f"  - id: inject-{index}", f"    title: Generated inject number {index}",
                  "    from: Coast guard watch centre", f"    to: [{a}, {b}]"]
        if index % 10 == 9:
            lines.append(f"    when: {{between: [{a}, {b}], rung_at_least: crisis}}")
        elif index % 10 != 8:
            lines.append(f"    turn: {1 + index % TURNS}")
        lines += ["    text: |", f"      Something happened near buoy {index}.",
                  "      The watch centre reports it.",
                  "    expect:", f"      - {{by: {a}, move: incident-report, within: 1}}",
                  "    effects:", f"      - {{shift: {{between: [{a}, {b}], step: 1}}}}"]
    lines += ["evaluation:", "  objectives:",
              "    - id: fast-hotline", "      text: Acknowledge within a turn",
              "      measure: {metric: hotline_ack_turns, at_most: 1}",
              "    - id: answers", "      text: Answer the injects",
              "      measure: {metric: expectations, injects: [inject-0, inject-1999]}",
              "hotwash:", "  - What surprised you?"]
    return "\n".join(lines) + "\n"


def best_of(action) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "rulebooks").mkdir()
        (root / "scenarios").mkdir()
        (root / "rulebooks" / "bench-ladder.yaml").write_text(RULEBOOK, encoding="utf-8")
        scenario = root / "scenarios" / "bench.yaml"
        text = scenario_text()
        scenario.write_text(text, encoding="utf-8")

        problems = validate_paths([str(scenario)])
        if problems:
            print("the generated scenario is invalid:", *problems, sep="\n  ")
            return 1
        loader = getattr(yaml, "CSafeLoader", None)
        if loader is None:
            print("PyYAML has no libyaml (CSafeLoader): the baseline is not comparable")
            return 1
        parse = best_of(lambda: yaml.load(text, Loader=loader))
        validate = best_of(lambda: validate_paths([str(scenario)]))
    ratio = validate / parse
    verdict = "within budget" if ratio <= BUDGET else "OVER BUDGET"
    print(f"scenario: {DELEGATIONS} delegations, {INJECTS} injects, {len(text):,} bytes")
    print(f"yaml.load (CSafeLoader), best of {RUNS}: {parse * 1000:8.1f} ms")
    print(f"wargame validate,        best of {RUNS}: {validate * 1000:8.1f} ms")
    print(f"ratio {ratio:.2f}x, budget <= {BUDGET:.1f}x: {verdict}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
