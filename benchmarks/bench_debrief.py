"""Debrief benchmark: the HTML debrief of a 10,000-action session.

The session is generated with the engine benchmark's scenario and script generator (12
delegations, 20 turns, moves, adjudications, hotline traffic, perceptions, notes). Prints
each figure beside its budget and exits 1 when one is over:
- rendering the HTML debrief (view-model and templates) of the open session (<= 3 s);
- `wargame debrief SESSION -o FILE` in a fresh process: open, fold, render, write (<= 3 s);
- the HTML debrief of an 8-delegation, 14-turn, 10,000-action session (<= 3 s);
- `wargame trend` over 10 sessions of the 8-delegation, 14-turn course, fresh process (<= 3 s).
The Markdown and public renderings are timed and printed for information.

    .venv/bin/python benchmarks/bench_debrief.py [--actions N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import RULEBOOK, generate, scenario_text  # noqa: E402  (the shared generator)
import debrief_samples  # noqa: E402  (the 8-delegation, 14-turn course)

from wargame.debrief import render_debrief  # noqa: E402
from wargame.engine import Session  # noqa: E402

RENDER_SECONDS_BUDGET = 3.0
COMMAND_SECONDS_BUDGET = 3.0
TREND_SECONDS_BUDGET = 3.0
TREND_SESSIONS = 10


def line(name: str, value: float, budget: float | None, unit: str) -> bool:
    if budget is None:
        print(f"{name:<40} {value:>8.2f} {unit:<4} (for information)")
        return True
    ok = value <= budget
    print(f"{name:<40} {value:>8.2f} {unit:<4} budget <= {budget:g} {unit}  "
          f"{'ok' if ok else 'OVER BUDGET'}")
    return ok


def build(folder: Path, count: int) -> Path:
    (folder / "bench-ladder.yaml").write_text(RULEBOOK, encoding="utf-8")
    (folder / "bench-exercise.yaml").write_text(scenario_text(), encoding="utf-8")
    path = folder / "bench.wargame"
    path.unlink(missing_ok=True)
    script = generate(count, random.Random(20261122))
    with Session.create(path, folder / "bench-exercise.yaml") as session:
        with session.batch() as batch:  # one transaction: the benchmark is the debrief, not the log
            for second, (kind, payload) in enumerate(script):
                batch.act(kind, payload, at=float(second))
    return path


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--keep", help="write the scenario, session and reports into this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="wargame-bench-debrief-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = build(folder, args.actions)

    session, open_seconds = timed(lambda: Session.open(path))
    state = session.state
    html, render_seconds = timed(lambda: render_debrief(session, format="html"))
    _, md_seconds = timed(lambda: render_debrief(session, format="md"))
    _, public_seconds = timed(lambda: render_debrief(session, format="html", edition="public"))
    session.close()

    output = folder / "bench-debrief.html"
    command, command_seconds = timed(lambda: subprocess.run(
        [sys.executable, "-m", "wargame", "debrief", str(path), "-o", str(output)],
        capture_output=True, text=True))
    if command.returncode != 0:
        print(command.stderr, file=sys.stderr)
        return 1

    course = debrief_samples.build(folder / "course", args.actions, name="course-10k")
    with Session.open(course) as opened:
        course_state = opened.state
        course_html, course_seconds = timed(lambda: render_debrief(opened, format="html"))
    for k in range(TREND_SESSIONS):
        debrief_samples.build(folder / "trend", 230, name=f"course-{k + 1:02d}", seed=k)
    trend, trend_seconds = timed(lambda: subprocess.run(
        [sys.executable, "-m", "wargame", "trend", str(folder / "trend"), "-o", str(folder / "trend.html")],
        capture_output=True, text=True))
    if trend.returncode != 0:
        print(trend.stderr, file=sys.stderr)
        return 1

    print(f"{len(state.events):,} actions, {len(state.moves):,} moves, {len(state.messages):,} "
          f"messages, {len(state.perceptions):,} perceptions, {len(state.notes):,} notes, "
          f"turn {state.turn}; HTML debrief {len(html) / 1e6:.1f} MB")
    results = [
        line("open the session (fold)", open_seconds, None, "s"),
        line("render HTML debrief (full)", render_seconds, RENDER_SECONDS_BUDGET, "s"),
        line("render HTML debrief (public)", public_seconds, None, "s"),
        line("render Markdown debrief (full)", md_seconds, None, "s"),
        line("wargame debrief -o, fresh process", command_seconds, COMMAND_SECONDS_BUDGET, "s"),
    ]
    print(f"8 delegations x 14 turns: {len(course_state.events):,} actions, "
          f"{len(course_state.moves):,} moves; HTML debrief {len(course_html) / 1e6:.1f} MB")
    results += [
        line("render HTML debrief, 8 x 14, 10k actions", course_seconds, RENDER_SECONDS_BUDGET, "s"),
        line(f"wargame trend, {TREND_SESSIONS} sessions, fresh process", trend_seconds,
             TREND_SECONDS_BUDGET, "s"),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
